#!/usr/bin/python3
"""matplotlib's rendering of examples/ticks_scales.c (run with /usr/bin/python3).

    /usr/bin/python3 scripts/mpl_ticks_scales_reference.py out/ticks_scales_mpl.png
"""
import sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.ticker import (MultipleLocator, AutoMinorLocator, EngFormatter,
                               PercentFormatter, FixedLocator, NullLocator,
                               FormatStrFormatter)

x = np.linspace(0, 10, 200)
f = 2e3 + 1.5e3 * np.sin(x)
p = 0.5 + 0.4 * np.sin(x / 2)
s = np.exp(-x / 4) * np.cos(2 * x)
a = (x - 4) ** 5
q = x * x
fig, ax = plt.subplots(2, 3, figsize=(12, 6))
ax = ax.ravel()
ax[0].plot(x, s)
ax[0].xaxis.set_major_locator(MultipleLocator(2.5))
ax[0].xaxis.set_minor_locator(AutoMinorLocator(4))
ax[0].yaxis.set_minor_locator(AutoMinorLocator())
ax[0].tick_params(which="both", direction="in")
ax[0].set_title("MultipleLocator(2.5), AutoMinorLocator(4)")
ax[1].plot(x, f)
ax[1].yaxis.set_major_formatter(EngFormatter(unit="Hz"))
ax[1].set_title("EngFormatter(unit='Hz')")
ax[2].plot(x, p)
ax[2].yaxis.set_major_formatter(PercentFormatter(xmax=1))
ax[2].tick_params(length=8, width=1.5)
ax[2].set_title("PercentFormatter(xmax=1)")
ax[3].plot(x, s)
ax[3].xaxis.set_major_locator(FixedLocator([0, np.pi, 2 * np.pi, 3 * np.pi]))
ax[3].xaxis.set_minor_locator(MultipleLocator(0.5))
ax[3].xaxis.set_major_formatter(FormatStrFormatter("%.2f"))
ax[3].yaxis.set_major_locator(NullLocator())
ax[3].set_title("FixedLocator, NullLocator on y")
ax[4].plot(x, a)
ax[4].set_yscale("asinh", linear_width=1)
ax[4].set_title("yscale('asinh')")
ax[5].plot(x, q)
ax[5].set_yscale("function", functions=(np.sqrt, np.square))
ax[5].set_title("yscale('function', sqrt)")
fig.tight_layout()
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "ticks_scales_mpl.png", dpi=100)
