#!/usr/bin/python3
"""Fixtures of test_csv_dates: CSV files with date and text columns and, for every
column, the array NumPy builds from the same values (np.array(iso_strings, 'M8'),
np.array(texts, 'U')), saved as .npy.  Run with Debian's /usr/bin/python3 (numpy 1.24):
    cd tests/data/csvdates && /usr/bin/python3 gen.py"""
import numpy as np

rows = [
    # date, when, day8, quarter, ticker, name, price
    ("2020-01-31", "2020-01-31 09:30:00", "20200131", "2020Q1", "AAPL", "Zoë", "1.5"),
    ("2020-02-29", "2020-02-29T16:00:05", "20200229", "2020-Q2", "MSFT", "", "2.25"),
    ("", "2021-03-01 00:00:00", "20210301", "2021Q3", "", "Ångström café", ""),
    ("1999-12-31", "NaT", "19991231", "1999-Q4", "GOOG", "naïve  ", "4"),
    ("1900-02-28", "1900-02-28 23:59:59", "19000228", "Q1 1900", "日本", "x,y", "-0.5"),
    ("2000-02-29", "2000-02-29 12:00:00", "20000229", "2000q4", "BRK.B", "\"quoted\"", "1e3"),
]
names = ["date", "when", "day8", "quarter", "ticker", "name", "price"]


def csv_cell(s):
    if "," in s or '"' in s or s != s.strip():
        return '"' + s.replace('"', '""') + '"'
    return s


with open("dates.csv", "w", encoding="utf-8") as f:
    f.write(",".join(names) + "\n")
    for r in rows:
        f.write(",".join(csv_cell(c) for c in r) + "\n")


def quarter_iso(s):
    t = s.upper().replace("-", "").replace(" ", "")
    if t.startswith("Q"):
        q, y = int(t[1]), t[2:]
    else:
        y, q = t[:4], int(t[5])
    return "%s-%02d" % (y, 3 * (q - 1) + 1)


col = {n: [r[i] for r in rows] for i, n in enumerate(names)}
np.save("date.npy", np.array([s if s else "NaT" for s in col["date"]], "M8"))
np.save("when.npy", np.array(col["when"], "M8"))
np.save("day8.npy", np.array([s[:4] + "-" + s[4:6] + "-" + s[6:] for s in col["day8"]], "M8[D]"))
np.save("quarter.npy", np.array([quarter_iso(s) for s in col["quarter"]], "M8"))
np.save("ticker.npy", np.array(col["ticker"], "U"))
np.save("name.npy", np.array(col["name"], "U"))
np.save("price.npy", np.array([float(s) if s else np.nan for s in col["price"]]))

# A date-time column with fractions and offsets (finest unit: the longest fraction).
frac = ["2021-06-01T10:00:00.5", "2021-06-01T10:00:00.123456", "2021-06-01 10:00",
        "2021-06-01T12:00:00+02:00", "2021-06-01T23:30:00Z"]
with open("frac.csv", "w") as f:
    f.write("t,v\n")
    for i, s in enumerate(frac):
        f.write("%s,%d\n" % (s, i))
iso = [s[:-6] if s.endswith("+02:00") else s.rstrip("Z") for s in frac]
a = np.array(iso, "M8")
a[3] -= np.timedelta64(2, "h")
np.save("frac.npy", a)

# np.loadtxt with date dtypes: a date column and a float column.
with open("loadtxt.csv", "w") as f:
    for d, p in [("2020-01-01", "1.5"), ("2020-01-02", "2.5"), ("1969-12-31", "-3")]:
        f.write("%s,%s\n" % (d, p))
np.save("loadtxt_dates.npy", np.loadtxt("loadtxt.csv", dtype="M8[D]", delimiter=",", usecols=0))
np.save("loadtxt_text.npy", np.loadtxt("loadtxt.csv", dtype="U", delimiter=",", usecols=0))
np.save("loadtxt_price.npy", np.loadtxt("loadtxt.csv", dtype=float, delimiter=",", usecols=1))
