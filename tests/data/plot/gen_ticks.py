#!/usr/bin/python3
"""Expected tick positions and labels from matplotlib (run with /usr/bin/python3).

    /usr/bin/python3 tests/data/plot/gen_ticks.py tests/data/plot

Writes:
  maxn_ticks.txt   vmin vmax nbins | MaxNLocator(nbins, steps=[1,2,2.5,5,10]).tick_values
  log_ticks.txt    vmin vmax numticks minor | LogLocator tick_values (major subs=(1,),
                   minor subs='auto')
  axis_labels.txt  lo hi | the y tick positions and labels a default 6.4x4.8 figure shows
                   with ax.set_ylim(lo, hi), then the offset text
"""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator, LogLocator

out = sys.argv[1] if len(sys.argv) > 1 else "."
rng = np.random.default_rng(12345)

ranges = [(0, 1), (0, 10), (-1, 1), (0, 100), (-5, 37), (0.001, 0.0042), (1e6, 1e6 + 3),
          (123456, 123789), (-1e-9, 3e-9), (0, 2 * np.pi), (-np.pi, np.pi), (1, 1.0000001),
          (-273.15, 100), (0.5, 0.52), (1e15, 5e15), (-7.3, -2.1), (2000, 2024), (0, 0.1),
          (9.99, 10.01), (-1e5, 1e5), (3.3, 3.3000005)]
for _ in range(40):
    a = rng.normal() * 10.0 ** rng.integers(-6, 8)
    b = a + abs(rng.normal()) * 10.0 ** rng.integers(-6, 8)
    ranges.append((a, b))

with open(f"{out}/maxn_ticks.txt", "w") as f:
    for lo, hi in ranges:
        for nbins in (1, 3, 5, 9):
            loc = MaxNLocator(nbins=nbins, steps=[1, 2, 2.5, 5, 10])
            t = loc.tick_values(lo, hi)
            f.write("%r %r %d | %s\n" % (float(lo), float(hi), nbins, " ".join(repr(float(v)) for v in t)))

log_ranges = [(1, 10), (1, 1000), (0.01, 100), (3, 7), (1e-5, 1e5), (1e-12, 1e12), (2, 2000),
              (0.5, 50), (1e3, 1e4), (17, 230), (1e-300, 1e300)]
with open(f"{out}/log_ticks.txt", "w") as f:
    for lo, hi in log_ranges:
        for numticks in (2, 5, 9):
            for minor in (0, 1):
                loc = LogLocator(base=10, subs="auto" if minor else (1.0,), numticks=numticks)
                t = loc.tick_values(lo, hi)
                f.write("%r %r %d %d | %s\n" % (lo, hi, numticks, minor,
                                                " ".join(repr(float(v)) for v in t)))

axis_ranges = [(0, 1), (-1, 1), (0, 100), (1e6, 1e6 + 3), (123456, 123789), (-1e-9, 3e-9),
               (0.001, 0.0042), (1e15, 5e15), (-7.3, -2.1), (2000, 2024), (9.99, 10.01),
               (-1e5, 1e5), (0, 2 * np.pi), (1e-7, 5e-7), (100000, 100001), (-3, 11)]
with open(f"{out}/axis_labels.txt", "w") as f:
    for lo, hi in axis_ranges:
        fig, ax = plt.subplots()
        ax.set_ylim(lo, hi)
        fig.canvas.draw()
        locs = ax.get_yticks()
        labels = [t.get_text() for t in ax.get_yticklabels()]
        vis = [(v, l) for v, l in zip(locs, labels) if lo - 1e-10 * abs(hi - lo) <= v <= hi + 1e-10 * abs(hi - lo)]
        offset = ax.yaxis.get_offset_text().get_text()
        f.write("%r %r | %s | %s | %s\n" % (float(lo), float(hi), " ".join(repr(float(v)) for v, _ in vis),
                                           "\t".join(l for _, l in vis), offset))
        plt.close(fig)
