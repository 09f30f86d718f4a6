#!/usr/bin/env python3
"""matplotlib 3.6's rendering of examples/polar.c's scene (the golden image
tests/data/plot/polar.png is numc's; this one, tests/data/plot/polar_mpl.png, is what
test_plot_polar.c compares it with by RMS). Run with /usr/bin/python3:
    /usr/bin/python3 tests/data/plot/mpl_polar_reference.py [output.png]"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

pi = np.pi
fig = plt.figure(figsize=(9, 8), dpi=80)
ax = [fig.add_subplot(2, 2, i + 1, projection="polar") for i in range(4)]

t = 2 * pi * np.arange(121) / 120
ax[0].plot(t, 1.5 + np.cos(3 * t), label="1.5 + cos 3t")
ax[0].plot([0, pi / 2, pi, 1.5 * pi], [2, 1, 2, 1], "ro--", label="points")
ax[0].set_title("plot")

i = np.arange(60)
st = np.fmod(i * 2.39996, 2 * pi)
sr = 0.2 + 0.05 * i
ax[1].scatter(st, sr, s=20 + 3 * i, c=sr, cmap="hsv", alpha=0.75)
ax[1].set_rlabel_position(112.5)
ax[1].set_title("scatter")

k = np.arange(12)
bt = 2 * pi * k / 12
bh = 2 + 1.5 * np.sin(1.7 * k) + (k % 3)
ax[2].bar(bt, bh, width=2 * pi / 12 * 0.9, alpha=0.7, edgecolor="k", linewidth=0.5)
ft = pi / 2 * np.arange(25) / 24
ax[2].fill_between(ft, 0.5, 1, color="C2", alpha=0.8)
ax[2].set_rgrids([1, 2, 3, 4], fmt="%.0f")
ax[2].set_title("bar (rose) and fill_between")

qt = 0.75 * pi * np.arange(50) / 49
ax[3].set_theta_zero_location("N", 0)
ax[3].set_theta_direction(-1)
ax[3].set_thetalim(thetamin=0, thetamax=135)
ax[3].plot(qt, 2 + np.sin(4 * qt), color="C3", linewidth=2)
ax[3].fill([0.3, 1.2, 2.0], [1.5, 2.5, 3], color="C0", alpha=0.4)
ax[3].set_rlim(1, 3.2)
ax[3].set_title("sector, zero N, clockwise")

fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mpl_polar.png")
