#!/usr/bin/python3
"""Expected values for tests/test_plot_ticks_more.c from matplotlib 3.6 (run with /usr/bin/python3).

    /usr/bin/python3 tests/data/plot/gen_ticks_more.py tests/data/plot

Writes (one case a line, fields separated by tabs, numbers with repr):
  multiple_ticks.txt   vmin vmax base <TAB> MultipleLocator(base).tick_values(vmin, vmax)
  autominor_ticks.txt  lo hi n <TAB> major locs <TAB> minor locs: a 6.4x4.8 figure,
                       ax.set_xlim(lo, hi), AutoMinorLocator(n or None) as minor locator,
                       ax.xaxis.get_majorticklocs() and get_minorticklocs()
  eng_labels.txt       places <TAB> sep <TAB> unit <TAB> value <TAB> EngFormatter label
                       (places -1 = None)
  asinh_axis.txt       lw lo hi <TAB> y tick positions <TAB> labels with the asinh scale
                       (knife-edge and too-narrow views left out: see fragile())
  axis_fmt_labels.txt  kind <TAB> lo hi <TAB> args <TAB> visible y tick labels ('|'-joined)
                       of a 6.4x4.8 figure with ax.set_ylim(lo, hi) and that formatter
"""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import (MultipleLocator, AutoMinorLocator, EngFormatter,
                               PercentFormatter, NullFormatter, AsinhLocator)

out = sys.argv[1] if len(sys.argv) > 1 else "."
rng = np.random.default_rng(2020)


def nums(v):
    return " ".join(repr(float(x)) for x in v)


ranges = [(0, 1), (0, 10), (-1, 1), (0, 100), (-5, 37), (0.001, 0.0042), (1e6, 1e6 + 3),
          (-273.15, 100), (0.5, 0.52), (-7.3, -2.1), (2000, 2024), (0, 0.1), (9.99, 10.01),
          (-1e5, 1e5), (0, 2 * np.pi), (3, -2)]
for _ in range(30):
    a = rng.normal() * 10.0 ** rng.integers(-4, 6)
    b = a + abs(rng.normal()) * 10.0 ** rng.integers(-4, 6)
    ranges.append((a, b))

with open(f"{out}/multiple_ticks.txt", "w") as f:
    for lo, hi in ranges:
        span = abs(hi - lo)
        for div in (3, 7, 20):
            base = float(f"{span / div:.2g}")
            if base <= 0:
                continue
            locs = MultipleLocator(base).tick_values(lo, hi)
            f.write(f"{lo!r} {hi!r} {base!r}\t{nums(locs)}\n")
    for base in (0.25, 0.1, 1.0, 5.0):
        locs = MultipleLocator(base).tick_values(-1.3, 2.7)
        f.write(f"{-1.3!r} {2.7!r} {base!r}\t{nums(locs)}\n")

with open(f"{out}/autominor_ticks.txt", "w") as f:
    for lo, hi in ranges:
        for n in (0, 2, 3, 4, 10):
            fig, ax = plt.subplots(figsize=(6.4, 4.8))
            ax.set_xlim(lo, hi)
            ax.xaxis.set_minor_locator(AutoMinorLocator(n or None))
            fig.canvas.draw()
            f.write(f"{lo!r} {hi!r} {n}\t{nums(ax.xaxis.get_majorticklocs())}\t"
                    f"{nums(ax.xaxis.get_minorticklocs())}\n")
            plt.close(fig)

values = [0, 1, -1, 0.5, 999, 999.9, 999.9999, 1000, 1001, 1234.5678, -1234.5678, 1e-3,
          1.5e-6, 2.2e-9, 4.7e-12, 3.3e-15, 1e-18, 1e-21, 1e-24, 1e-27, 1e-30, 1e24, 1e27,
          1e30, 12345678, 0.000999999, 47e3, 1e6, -2.5e9, 7.77e12, 6e15, 3e18, 9.99e20, 0.1]
values += [float(v) for v in rng.normal(size=20) * 10.0 ** rng.integers(-20, 20, size=20)]
with open(f"{out}/eng_labels.txt", "w") as f:
    for places in (-1, 0, 1, 2, 3):
        for sep, unit in ((" ", ""), (" ", "Hz"), ("", "V"), ("\u2009", "m"), ("", "")):
            fm = EngFormatter(unit=unit, places=None if places < 0 else places, sep=sep)
            for v in values:
                f.write(f"{places}\t{sep}\t{unit}\t{v!r}\t{fm(v)}\n")

with open(f"{out}/axis_fmt_labels.txt", "w") as f:
    cases = []
    for lo, hi in [(0, 1), (0, 100), (-0.3, 0.7), (0, 250), (0, 0.05), (0.2, 0.23), (-5, 5)]:
        for xmax, dec, sym in ((1, -1, "%"), (100, -1, "%"), (1, 1, "%"), (1, 0, " pct"),
                               (250, 2, "%")):
            cases.append(("percent", lo, hi, f"{xmax} {dec} {sym}"))
    for lo, hi in [(0, 1e4), (0, 3e-3), (-2e6, 2e6), (1e9, 5e9), (0, 1), (0, 2.5e-8)]:
        for unit, places in (("Hz", -1), ("", 1), ("s", 2)):
            cases.append(("eng", lo, hi, f"{places} {unit}"))
    for lo, hi in [(0, 1), (-3, 8)]:
        cases.append(("null", lo, hi, "-"))
    for kind, lo, hi, args in cases:
        fig, ax = plt.subplots(figsize=(6.4, 4.8))
        ax.set_ylim(lo, hi)
        if kind == "percent":
            xmax, dec, sym = args.split(" ", 2)
            fm = PercentFormatter(float(xmax), None if int(dec) < 0 else int(dec), " " + sym
                                  if sym == "pct" else sym)
        elif kind == "eng":
            parts = args.split(" ", 1)
            fm = EngFormatter(unit=parts[1], places=None if int(parts[0]) < 0 else int(parts[0]))
        else:
            fm = NullFormatter()
        ax.yaxis.set_major_formatter(fm)
        fig.canvas.draw()
        vis = [t for t in ax.yaxis.get_major_ticks() if t.label1.get_visible()
               and min(lo, hi) - 1e-9 * abs(hi - lo) <= t.get_loc() <= max(lo, hi) + 1e-9 * abs(hi - lo)]
        labels = "|".join(t.label1.get_text() for t in vis)
        f.write(f"{kind}\t{lo!r} {hi!r}\t{args}\t{labels}\n")
        plt.close(fig)

# asinh_axis.txt  lw lo hi <TAB> visible y tick positions <TAB> their labels ('|'-joined):
# ax.set_yscale('asinh', linear_width=lw), ax.set_ylim(lo, hi) on a 6.4x4.8 figure
with open(f"{out}/asinh_axis.txt", "w") as f:
    cases = [(1, -100, 1000), (1, 0, 50), (1, -3, 3), (1, 1e-3, 1e6), (1, -5, 4.5),
             (0.5, -1e4, 1e4), (2, -20, 7), (10, 0, 1e5), (1, -1e6, -10), (0.1, -1, 1),
             (1, 2, 3), (3, -1e3, 1e8), (1, 0.5, 0.9)]
    for _ in range(40):
        lw = float(10.0 ** rng.integers(-2, 3))
        a = float(rng.normal() * 10.0 ** rng.integers(-2, 6))
        b = a + float(abs(rng.normal()) * 10.0 ** rng.integers(-1, 7))
        cases.append((lw, a, b))
    def fragile(lw, lo, hi):
        """AsinhLocator's data-space grid points that land within 1e-9 of a power of ten
        (floor(log10) then depends on numpy's SIMD sinh / log ulps, not portable), and views
        too narrow for two powers (the linspace fallback, whose LogFormatter labels numc
        does not reproduce)"""
        if lo * hi < 0 and abs(1 + hi / lo) < 0.2:
            lo, hi = -max(abs(lo), abs(hi)), max(abs(lo), abs(hi))
        ys = np.linspace(*(lw * np.arcsinh(np.array([lo, hi]) / lw)), 11)
        xs = lw * np.sinh(ys / lw)
        e = np.log10(np.abs(xs[xs != 0]))
        if np.any(np.abs(e - np.round(e)) < 1e-9):
            return True
        t = AsinhLocator(lw).tick_values(lo, hi)
        le = np.log10(np.abs(t[t != 0]))
        return bool(np.any(np.abs(le - np.round(le)) > 1e-9))  # not 0 and powers: fallback

    for lw, lo, hi in cases:
        if fragile(lw, lo, hi):
            continue
        fig, ax = plt.subplots(figsize=(6.4, 4.8))
        ax.set_yscale("asinh", linear_width=lw)
        ax.set_ylim(lo, hi)
        fig.canvas.draw()
        ticks = [t for t in ax.yaxis.get_major_ticks()
                 if min(lo, hi) - 1e-9 * abs(hi - lo) <= t.get_loc() <= max(lo, hi) + 1e-9 * abs(hi - lo)]
        f.write(f"{lw!r} {lo!r} {hi!r}\t{nums([t.get_loc() for t in ticks])}\t"
                f"{'|'.join(t.label1.get_text() for t in ticks)}\n")
        plt.close(fig)

# function_axis.txt  which lo hi <TAB> y tick positions <TAB> labels <TAB> pixel y of 0.25,
# 0.5 and 0.75 of the data range: ax.set_yscale('function', functions=(f, finv)) with
# which 0: (x**2 on |x|, signed sqrt), 1: (x**3, cbrt)
def sq(x):
    return np.sign(x) * x ** 2


def sqi(x):
    return np.sign(x) * np.sqrt(np.abs(x))


with open(f"{out}/function_axis.txt", "w") as f:
    for which, (fw, iv) in enumerate(((sq, sqi), (lambda x: x ** 3, np.cbrt))):
        for lo, hi in [(0, 1), (0, 10), (-3, 7), (1, 100), (0.5, 0.9), (-2e3, 5e3), (0, 2.5)]:
            fig, ax = plt.subplots(figsize=(6.4, 4.8))
            ax.set_yscale("function", functions=(fw, iv))
            ax.set_ylim(lo, hi)
            fig.canvas.draw()
            ticks = [t for t in ax.yaxis.get_major_ticks()
                     if lo - 1e-9 * (hi - lo) <= t.get_loc() <= hi + 1e-9 * (hi - lo)]
            pix = [fig.dpi * fig.get_figheight() - ax.transData.transform((0, lo + q * (hi - lo)))[1]
                   for q in (0.25, 0.5, 0.75)]
            f.write(f"{which} {lo!r} {hi!r}\t{nums([t.get_loc() for t in ticks])}\t"
                    f"{'|'.join(t.label1.get_text() for t in ticks)}\t{nums(pix)}\n")
            plt.close(fig)
