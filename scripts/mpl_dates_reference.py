#!/usr/bin/python3
"""Date-axis fixtures from matplotlib 3.6 for tests/test_plot_dates.c.

For each view range (matplotlib date numbers: days since 1970-01-01) the ticks that
AutoDateLocator (interval_multiples=True, matplotlib's default) puts inside the view and
their labels by AutoDateFormatter (the default) and ConciseDateFormatter (with its offset
text), as Axis._update_ticks computes them: the formatter sees every located tick, the
axis then keeps those inside the view. Also the autoscaled limits and ticks of a line plot
of datetime64 data (with NaT gaps) in several units.

Run with Debian's python3: /usr/bin/python3 scripts/mpl_dates_reference.py
writes tests/data/plot/dates/ranges.txt and plots.txt;
/usr/bin/python3 scripts/mpl_dates_reference.py --figure out.png draws the figure of
examples/plot_dates.c.
"""
import os
import matplotlib
matplotlib.use("Agg")
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import matplotlib.transforms as mtransforms
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "plot", "dates")

RANGES = [
    ("2008-01-01T00:00:00", "2008-01-01T00:00:02"),      # 2 s (microsecond locator)
    ("2008-01-01T10:00:00", "2008-01-01T10:00:40"),      # 40 s
    ("2008-01-01T10:00:00", "2008-01-01T10:07:30"),      # minutes
    ("2008-01-01T10:00:00", "2008-01-01T13:20:00"),      # hours
    ("2008-03-01T00:00:00", "2008-03-02T12:00:00"),      # 1.5 days
    ("2008-02-20", "2008-03-05"),                        # leap-year February
    ("2009-02-20", "2009-03-05"),                        # common-year February
    ("2008-12-20", "2009-01-10"),                        # crossing a year boundary
    ("2008-12-31T18:00:00", "2009-01-01T06:00:00"),      # hours across new year
    ("2008-01-01", "2008-04-15"),                        # months
    ("2008-01-01", "2008-12-31"),                        # one year
    ("2008-01-01", "2010-12-31"),                        # the cookbook's xlim
    ("2001-06-15", "2009-03-01"),                        # years
    ("1950-01-01", "2030-01-01"),                        # decades
    ("1700-01-01", "2000-01-01"),                        # centuries
    ("1000-01-01", "9000-01-01"),                        # millennia
    ("2008-01-01T00:00:00", "2008-01-01T00:00:00.000500"),  # 500 microseconds
]


def num(s):
    return mdates.date2num(np.datetime64(s))


def contains_close(lo, hi, v, rtol=1e-10):
    a, b = sorted((lo, hi))
    rtol *= b - a
    return a - rtol <= v <= b + rtol


def axis_ticks(lo, hi, formatter):
    fig, ax = plt.subplots()
    ax.xaxis_date()
    loc = mdates.AutoDateLocator()
    fmt = mdates.ConciseDateFormatter(loc) if formatter == "concise" else mdates.AutoDateFormatter(loc)
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(fmt)
    ax.set_xlim(lo, hi)
    fig.canvas.draw()
    locs = ax.xaxis.get_majorticklocs()
    labels = fmt.format_ticks(locs)
    offset = fmt.get_offset()
    plt.close(fig)
    return [(v, l) for v, l in zip(locs, labels) if contains_close(lo, hi, v)], offset


def main():
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "ranges.txt"), "w") as f:
        f.write("# matplotlib %s: view range, formatter, offset text, ticks in view with labels\n"
                % matplotlib.__version__)
        for a, b in RANGES:
            lo, hi = num(a), num(b)
            for formatter in ("auto", "concise"):
                ticks, offset = axis_ticks(lo, hi, formatter)
                f.write("range %.17g %.17g %s %s %s\n" % (lo, hi, formatter, a, b))
                f.write("offset %s\n" % offset)
                for v, l in ticks:
                    f.write("tick %.17g %s\n" % (v, l))
                f.write("end\n")
    # Line plots of datetime64 data: autoscaled limits and ticks; NaT is a gap.
    days = np.arange("2008-01-01", "2008-03-01", dtype="M8[D]")
    with open(os.path.join(OUT, "plots.txt"), "w") as f:
        f.write("# matplotlib %s: plot(dates, y) of 60 days from 2008-01-01 (element 10 NaT), "
                "autoscaled xlim and ticks, per unit\n" % matplotlib.__version__)
        for unit in ("D", "s", "ms", "ns"):
            d = days.astype("M8[%s]" % unit)
            d[10] = np.datetime64("NaT")
            fig, ax = plt.subplots()
            line, = ax.plot(d, np.arange(60.0))
            fig.canvas.draw()
            lo, hi = ax.get_xlim()
            xd = line.get_xdata(orig=False)
            f.write("plot %s %.17g %.17g %d %.17g %.17g\n" % (unit, lo, hi, int(np.isnan(xd).sum()), xd[0], xd[59]))
            for t in ax.xaxis.get_major_ticks():
                pass
            locs = ax.xaxis.get_majorticklocs()
            labels = [t.get_text() for t in ax.get_xticklabels()]
            for v, l in zip(locs, labels):
                if contains_close(lo, hi, v):
                    f.write("tick %.17g %s\n" % (v, l))
            f.write("end\n")
            plt.close(fig)


if __name__ == "__main__" and len(__import__("sys").argv) == 1:
    main()


def figure(path):
    """The figure of examples/plot_dates.c, drawn by matplotlib (same size and dpi)."""
    import datetime
    fig = plt.figure(figsize=(9, 6), dpi=100)
    top = fig.add_subplot(2, 1, 1)
    bottom = fig.add_subplot(2, 2, 3)
    right = fig.add_subplot(2, 2, 4)
    days = np.arange("2007-10-01", "2011-03-01", dtype="M8[D]")
    i = np.arange(len(days), dtype=float)
    y = 10 + 3 * np.sin(2 * np.pi * i / 365.25) + np.sin(2 * np.pi * i / 29.5) + 0.004 * i
    days[500] = np.datetime64("NaT")
    top.plot(days, y, color="C0", label="daily")
    top.set_xlim(datetime.datetime(2008, 1, 1), datetime.datetime(2010, 12, 31))
    top.axvline(mdates.date2num(np.datetime64("2009-06-15")), color="C3", linestyle="--")
    top.set_title("AutoDateLocator, AutoDateFormatter")
    bottom.plot(days, y, color="C1", marker="o", markersize=3)
    bottom.set_xlim(np.datetime64("2009-01-20"), np.datetime64("2009-03-31"))
    bottom.xaxis.set_major_formatter(mdates.ConciseDateFormatter(bottom.xaxis.get_major_locator()))
    bottom.set_title("ConciseDateFormatter")
    right.bar(np.array(["Oslo", "Zürich", "Lyon", "Bern"]), [6.2, 9.3, 12.4, 10.1], color="C2")
    right.set_title("bar of a 'U' array")
    fig.savefig(path)


if __name__ == "__main__" and len(__import__("sys").argv) > 2 and __import__("sys").argv[1] == "--figure":
    figure(__import__("sys").argv[2])
