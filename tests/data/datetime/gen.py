#!/usr/bin/python3
"""Fixtures of tests/test_datetime.c, from NumPy 1.24 (run: /usr/bin/python3 gen.py here).

parse.txt   string<TAB>unit<TAB>dtype-or-ERR<TAB>int value   numpy.datetime64(string, unit)
format.txt  dtype<TAB>value<TAB>unit<TAB>timezone<TAB>text-or-ERR   numpy.datetime_as_string
civil.txt   days y m d   (datetime64[D] -> calendar, across leap years and negative years)
arrays.txt  dtype-asked<TAB>dtype-got<TAB>values (space separated)<TAB>strings ('|' separated)
cast.txt    from-dtype<TAB>to-dtype<TAB>values-in (space)<TAB>values-out-or-ERR
"""
import warnings
import numpy as np

warnings.simplefilter("ignore", DeprecationWarning)
rng = np.random.default_rng(17)
SEC = {"Y": 365.2425 * 86400, "M": 365.2425 * 86400 / 12, "W": 7 * 86400, "D": 86400, "h": 3600,
       "m": 60, "s": 1, "ms": 1e-3, "us": 1e-6, "ns": 1e-9, "ps": 1e-12, "fs": 1e-15, "as": 1e-18}


def unit_seconds(dt):
    u, c = np.datetime_data(np.dtype(dt))
    return SEC[u] * c


UNITS = ["Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"]


def dtname(dt):
    return str(dt)


strings = [
    "2008", "2008-02", "2008-02-29", "1900-02-28", "2000-02-29", "1969-12-31", "1970-01-01",
    "-0001-01-01", "-0400-02-29", "0000-03-01", "10000-01-01", "-12345-06-07",
    "2011-01-01T12", "2011-01-01 12", "2011-01-01T12:30", "2011-01-01T12:30:15",
    "2011-01-01T12:30:15.1", "2011-01-01T12:30:15.123", "2011-01-01T12:30:15.1234",
    "2011-01-01T12:30:15.123456", "2011-01-01T12:30:15.1234567", "2011-01-01T12:30:15.123456789",
    "2011-01-01T12:30:15.123456789012", "2011-01-01T12:30:15.1234567890123",
    "2011-01-01T12:30:15.123456789012345678", "1969-12-31T23:59:59.999999999",
    "2011-01-01T12:30Z", "2011-01-01T12:30:15Z", "2011-01-01T00:30+01:00", "2011-01-01T23:30-0130",
    "2011-01-01T12+05", "2011-03-01T00:00+00:01", "2011-01-01T12:30 ", " 2011-01-01",
    "NaT", "nat", "NAT", "", "1677-09-21T00:12:43.145224193", "2262-04-11T23:47:16.854775807",
    "1970-01-01T00:00:00.000000000000000001", "1969-12-31T23:59:59.999999999999999999",
    "2011-01-01T12:30:15.", "2024-12-31T23:59:59",
    # errors
    "2011-01-01 x", "2011-13-01", "2011-02-29", "2011-00-10", "2011-1-01", "abc", "2011-",
    "2011-01-", "2011-01-01T", "2011-01-01T24", "2011-01-01T12:60", "2011-01-01T12:30:60",
    "2011-01-01T12:", "2011-01-01T12:30+25", "2011-01-01T12:30+01:61", "2011-01-01T12:30Zx",
    "2011/01/01", "-", "2011-01-01T12:30:15.5x", "2011-01-01T12:30+0",
]
units = ["generic", "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "25s", "3D", "as"]


with open("parse.txt", "w") as f:
    for s in strings:
        for u in units:
            try:
                v = np.datetime64(s) if u == "generic" else np.datetime64(s, u)
                # NumPy wraps on overflow where numc refuses: a wrapped value lands in
                # another year (OVF: numc must report an overflow)
                if not np.isnat(v):
                    days = int(np.datetime64(s, "D").astype(np.int64))
                    got = int(v.astype(np.int64)) * unit_seconds(v.dtype)
                    if abs(got - days * 86400) > 1.01 * unit_seconds(v.dtype) + 86400:
                        f.write(f"{s}\t{u}\tOVF\t0\n")
                        continue
                f.write(f"{s}\t{u}\t{dtname(v.dtype)}\t{int(v.astype(np.int64))}\n")
            except (ValueError, OverflowError, TypeError):
                f.write(f"{s}\t{u}\tERR\t0\n")

with open("civil.txt", "w") as f:
    days = list(range(-800000, -799000, 97)) + list(range(-1000, 1000, 7)) + \
        [int(x) for x in rng.integers(-3_000_000, 3_000_000, 300)] + \
        [int(x) for x in rng.integers(-10**15, 10**15, 50)]
    for d in days:
        s = str(np.datetime64(d, "D"))
        neg = s.startswith("-")
        y, m, dd = (s[1:] if neg else s).split("-")
        f.write(f"{d} {-int(y) if neg else int(y)} {int(m)} {int(dd)}\n")

dtypes = [f"M8[{u}]" for u in UNITS] + ["M8[25s]", "M8[3D]", "M8[2M]", "M8[7ms]"]
fmt_units = [None, "auto", "Y", "M", "D", "h", "m", "s", "ms", "us", "ns", "as"]
with open("format.txt", "w") as f:
    for dt in dtypes:
        vals = [0, 1, -1, 2, -2, 59, 61, 1000, -1001, 123456789, -987654321]
        vals += [int(x) for x in rng.integers(-2**40, 2**40, 4)]
        if dt[3] not in "YMWD" or dt == "M8[3D]":
            vals += [int(x) for x in rng.integers(-2**62, 2**62, 4)]
        vals += [-2**63]
        count = np.datetime_data(np.dtype(dt))[1]
        # NumPy multiplies by the count in int64 (wrapping); numc is exact: keep what fits
        vals = [v for v in vals if v == -2**63 or abs(v * count) < 2**63]
        for v in vals:
            a = np.array([v], dtype=np.int64).view(dt)
            for u in fmt_units:
                for tz in ["naive", "UTC"]:
                    try:
                        s = np.datetime_as_string(a, unit=u, timezone=tz)[0]
                    except (ValueError, TypeError, OverflowError):
                        s = "ERR"
                    f.write(f"{dt}\t{v}\t{u or '-'}\t{tz}\t{s}\n")

arrays = [
    ("M8", ["2011-01-01", "2011-01-01T12:30", "NaT"]),
    ("M8", ["NaT", ""]),
    ("M8", ["2011-01", "2012"]),
    ("M8", ["2011-01-01T00:00:00.5", "-0001-02-03"]),
    ("M8[D]", ["2011-01-01T23:59", "1969-12-31T00:01", "NaT"]),
    ("M8[h]", ["2011-01-01", "2011-01-01T05:59:59"]),
    ("M8[W]", ["2011-01-01", "1969-12-31", "1970-01-08"]),
    ("M8[Y]", ["2011-07-01", "-0001-12-31"]),
    ("M8[ns]", ["1677-09-21T00:12:43.145224193", "2262-04-11T23:47:16.854775807"]),
]
with open("arrays.txt", "w") as f:
    for dt, strs in arrays:
        a = np.array(strs, dtype=dt)
        f.write(f"{dt}\t{dtname(a.dtype)}\t{' '.join(str(int(x)) for x in a.view(np.int64))}\t{'|'.join(strs)}\n")

# unit conversions (astype) and the int64 / float64 casts
casts = []
dvals = [0, 1, -1, 59, -61, 1000, -1001, 86399, -86401, 123456789, -987654321, 10**12, -10**12, -2**63]
for src in ["M8[Y]", "M8[M]", "M8[W]", "M8[D]", "M8[h]", "M8[s]", "M8[ms]", "M8[ns]", "M8[25s]", "M8[3D]"]:
    for dst in ["M8[Y]", "M8[M]", "M8[W]", "M8[D]", "M8[h]", "M8[m]", "M8[s]", "M8[ms]", "M8[us]", "M8[ns]", "M8[7s]", "M8[2M]"]:
        casts.append((src, dst, dvals))
for src in ["m8[Y]", "m8[M]", "m8[W]", "m8[D]", "m8[h]", "m8[s]", "m8[ms]", "m8[ns]", "m8[25s]"]:
    for dst in ["m8[Y]", "m8[M]", "m8[W]", "m8[D]", "m8[h]", "m8[s]", "m8[ms]", "m8[us]", "m8[ns]", "m8[7s]"]:
        casts.append((src, dst, dvals))
for src in ["M8[D]", "m8[s]"]:
    for dst in ["int64", "float64", "int32", "float32", "uint8", "bool"]:
        casts.append((src, dst, [0, 1, -1, 1000, 10**10, -2**63]))
with open("cast.txt", "w") as f:
    for src, dst, vals in casts:
        a = np.array(vals, dtype=np.int64).view(src)
        outs = []
        for v in a:
            # element by element: a value NumPy wraps (overflow) becomes ERR (numc refuses it)
            with np.errstate(all="ignore"):
                r = np.array([v]).astype(dst)
            if np.dtype(dst).kind in "mM" and not np.isnat(r[0]):
                got = int(r.view(np.int64)[0]) * unit_seconds(dst)
                want = int(np.array([v]).view(np.int64)[0]) * unit_seconds(src)
                if abs(got - want) > 400 * 86400 + 1e-6 * abs(want):
                    # NumPy wrapped: numc reports an overflow when the exact value does not
                    # fit (ERR); one NumPy wrapped only in between has no NumPy answer (SKIP)
                    fits = abs(want / unit_seconds(dst)) < 0.99 * 2**63
                    outs.append("SKIP" if fits else "ERR")
                    continue
            x = r[0]
            if r.dtype.kind in "mM":
                outs.append(str(int(r.view(np.int64)[0])))
            elif r.dtype.kind == "f":
                outs.append(repr(float(x)))
            else:
                outs.append(str(int(x)))
        f.write(f"{src}\t{dst}\t{' '.join(str(v) for v in vals)}\t{' '.join(outs)}\n")
for dt in ["int64", "float64", "int32", "bool"]:
    pass
with open("from_num.txt", "w") as f:
    srcs = {"int64": [0, 1, -1, 1000, -2**63], "float64": [0.0, 2.7, -2.7, float("nan"), 1e3],
            "bool": [0, 1], "int32": [0, -5, 7]}
    for st, vals in srcs.items():
        a = np.array(vals, dtype=st)
        for dst in ["M8[D]", "m8[s]"]:
            r = a.astype(dst).view(np.int64)
            f.write(f"{st}\t{dst}\t{' '.join(repr(v) for v in vals)}\t{' '.join(str(int(x)) for x in r)}\n")

# ufuncs: name<TAB>dtype a<TAB>values a<TAB>dtype b<TAB>values b<TAB>out dtype<TAB>out values | ERR
NAT = -2**63
binary = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "equal",
          "not_equal", "less", "less_equal", "greater", "greater_equal", "maximum", "minimum",
          "fmax", "fmin"]
unary = ["negative", "positive", "absolute", "sign", "isnan", "isfinite", "isinf", "isnat"]
va = [7, -7, NAT, 0, 86400, -1, 5, 100]
vb = [2, 3, 4, NAT, -3, 0, 5, 1]
fb = [1.5, -2.0, 0.5, float("nan"), 3.0, 0.0, 2.5, -1.0]
pairs = [("M8[D]", "M8[D]"), ("M8[D]", "M8[s]"), ("M8[D]", "m8[h]"), ("m8[h]", "M8[D]"),
         ("m8[s]", "m8[ms]"), ("m8[s]", "m8[s]"), ("M8[Y]", "m8[D]"), ("m8[Y]", "m8[D]"),
         ("M8[M]", "M8[D]"), ("m8[s]", "int64"), ("int64", "m8[s]"), ("M8[D]", "int64"),
         ("m8[s]", "float64"), ("float64", "m8[s]"), ("M8[D]", "float64"), ("int64", "M8[D]"),
         ("m8[25s]", "m8[10s]"), ("M8[D]", "m8[M]")]


def fmt(arr):
    if arr.dtype.kind in "mM":
        return " ".join(str(int(x)) for x in arr.view(np.int64))
    if arr.dtype.kind == "f":
        return " ".join(repr(float(x)) for x in arr)
    return " ".join(str(int(x)) for x in arr)


def build(dt, ints, floats):
    if dt == "float64":
        return np.array(floats)
    if dt[0] in "mM":
        return np.array(ints, dtype=np.int64).view(dt)
    return np.array([11 if x == NAT else x for x in ints], dtype=dt)  # no wrapping products


with open("ufunc.txt", "w") as f, np.errstate(all="ignore"):
    for name in binary:
        for da, db in pairs:
            a = build(da, va, fb)
            b = build(db, vb, fb)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("error", DeprecationWarning)
                    warnings.simplefilter("error", FutureWarning)
                    r = getattr(np, name)(a, b)
                if not isinstance(r, np.ndarray):
                    raise TypeError("scalar result")
                line = f"{r.dtype.str[1:] if r.dtype.kind in 'mM' else r.dtype}\t{fmt(r)}"
            except (TypeError, ValueError, OverflowError, DeprecationWarning, FutureWarning):
                line = "ERR\t"
            f.write(f"{name}\t{da}\t{fmt(a)}\t{db}\t{fmt(b)}\t{line}\n")
    for name in unary:
        for da in ["M8[D]", "m8[s]", "m8[Y]"]:
            a = build(da, va, fb)
            try:
                r = getattr(np, name)(a)
                line = f"{r.dtype.str[1:] if r.dtype.kind in 'mM' else r.dtype}\t{fmt(r)}"
            except (TypeError, ValueError):
                line = "ERR\t"
            f.write(f"{name}\t{da}\t{fmt(a)}\t-\t-\t{line}\n")

# printing: dtype<TAB>int64 values<TAB>shape<TAB>repr<TAB>str (newlines as \\n)
cases = [("M8[D]", [13879, NAT], [2]), ("m8[D]", [1, NAT], [2]), ("M8[ms]", [1199181600500, NAT], [2]),
         ("m8[s]", [1, 2, 3, 400], [2, 2]), ("M8[D]", [13879], [1]), ("M8[s]", [0, 86399, -1, 1], [2, 2]),
         ("M8[Y]", [38, -1971], [2]), ("m8[ns]", [NAT, NAT], [2]), ("M8[W]", [1, 2, 3], [3]),
         ("M8[D]", list(range(0, 3000, 7)), [429]), ("m8[25s]", [5, -7], [2]),
         ("M8[h]", list(range(0, 40 * 24, 24)), [40]), ("M8", [NAT], [1]),
         ("M8[D]", [13879], []), ("m8[D]", [5], []), ("M8[D]", [NAT], [])]
with open("print.txt", "w") as f:
    for dt, vals, shape in cases:
        a = np.array(vals, dtype=np.int64).view(dt).reshape(shape)
        esc = [repr(a).replace("\n", "\\n"), str(a).replace("\n", "\\n")]
        f.write("\t".join([dt, " ".join(map(str, vals)), " ".join(map(str, shape)) or "-"] + esc) + "\n")

# sorting: dtype<TAB>values<TAB>sorted<TAB>argsort (stable)
with open("sort.txt", "w") as f:
    for dt in ["M8[D]", "m8[s]", "M8[ns]"]:
        vals = [int(x) for x in rng.integers(-50, 50, 40)]
        vals[3] = vals[17] = vals[30] = NAT
        vals[5] = 2**63 - 1
        vals[6] = -2**63 + 1
        a = np.array(vals, dtype=np.int64).view(dt)
        s = np.sort(a)
        ix = np.argsort(a, kind="stable")
        f.write(f"{dt}\t{fmt(a)}\t{fmt(s)}\t{' '.join(map(str, ix))}\n")

# .npy files NumPy writes: the values of each are in npy_values.txt (name<TAB>int64 ticks)
with open("npy_values.txt", "w") as f:
    for name, dt, vals in [("d_D", "<M8[D]", [13879, NAT, -1, 0]), ("m_ns", "<m8[ns]", [1, NAT, -5, 2**62]),
                           ("d_25s", "<M8[25s]", [7, -7]), ("d_be", ">M8[s]", [1, 2, NAT]),
                           ("m_gen", "<m8", [3, 4]), ("d_2d", "<M8[h]", [1, 2, 3, 4, 5, 6])]:
        ints = dt.replace("M8", "i8").replace("m8", "i8").split("[")[0]  # '<i8' / '>i8'
        a = np.array(vals, dtype=ints).view(dt)
        if name == "d_2d":
            a = a.reshape(2, 3)
        np.save(f"{name}.npy", a)
        f.write(f"{name}\t{dt}\t{' '.join(map(str, vals))}\n")

# reductions: dtype<TAB>values (2x4)<TAB>min max argmin argmax (flat)<TAB>min over axis 0<TAB>max over axis 0<TAB>argmax over axis 1
with open("reduce.txt", "w") as f:
    for dt, vals in [("M8[D]", [5, -3, 9, 2, 7, 1, -8, 4]), ("m8[s]", [5, NAT, 9, 2, 7, 1, NAT, 4]),
                     ("M8[ns]", [NAT, 3, 2, 1, 0, -1, -2, -3])]:
        a = np.array(vals, dtype=np.int64).view(dt).reshape(2, 4)
        flat = [int(a.min().astype(np.int64)), int(a.max().astype(np.int64)), int(a.argmin()), int(a.argmax())]
        f.write("\t".join([dt, " ".join(map(str, vals)), " ".join(map(str, flat)),
                           fmt(a.min(axis=0)), fmt(a.max(axis=0)), " ".join(map(str, a.argmax(axis=1)))]) + "\n")

# business days: weekmask<TAB>holidays<TAB>dates<TAB>offsets<TAB>is_busday<TAB>offset per roll (6 lines joined by |)<TAB>count(dates, dates2)<TAB>dates2
ROLLS = ["raise", "nat", "forward", "backward", "modifiedfollowing", "modifiedpreceding"]
with open("busday.txt", "w") as f:
    for wm, hol in [("1111100", []), ("1010111", ["2011-07-04", "2011-12-25", "2012-01-02"]),
                    ("Mon Wed Fri", ["2011-07-01", "2011-07-01", "NaT", "2011-07-02"])]:
        cal = np.busdaycalendar(weekmask=wm, holidays=hol)
        days = rng.integers(15000, 15400, 12)
        days[3] = 15156  # 2011-07-02, a Saturday
        days[4] = 15155  # 2011-07-01
        dates = days.view("M8[D]")
        dates2 = (days + rng.integers(-40, 40, 12)).view("M8[D]")
        offs = rng.integers(-15, 15, 12)
        isb = np.is_busday(dates, busdaycal=cal)
        outs = []
        for r in ROLLS:
            vals = []
            for d, o in zip(dates, offs):
                try:
                    vals.append(str(int(np.busday_offset(d, o, roll=r, busdaycal=cal).astype(np.int64))))
                except ValueError:
                    vals.append("ERR")
            outs.append(" ".join(vals))
        cnt = np.busday_count(dates, dates2, busdaycal=cal)
        f.write("\t".join([wm, ",".join(hol), fmt(dates), " ".join(map(str, offs)),
                           " ".join(str(int(x)) for x in isb), "|".join(outs), " ".join(map(str, cnt)),
                           fmt(dates2)]) + "\n")
