#!/usr/bin/env python3
"""matplotlib's rendering of tests/test_plot_norm_kinds.c's contourf + LogNorm + colorbar
figure (z = 10 ** (-1 + 4 j / 40) on an 11 x 41 grid, extend='both'), for side-by-side
review with numc's (NORM_KINDS_PNG=/tmp/cf_log.png build/test_plot_norm_kinds).
Writes contourf_lognorm_mpl.png to the directory given (default /tmp).
Run with /usr/bin/python3 (matplotlib 3.6)."""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import colors

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
z = np.tile(10.0 ** (-1 + 4 * np.arange(41) / 40), (11, 1))
fig = plt.figure(figsize=(4.8, 3.6))
ax = fig.add_subplot()
cf = ax.contourf(z, norm=colors.LogNorm(), extend="both")
fig.colorbar(cf, ax=ax)
fig.savefig(f"{out}/contourf_lognorm_mpl.png")
