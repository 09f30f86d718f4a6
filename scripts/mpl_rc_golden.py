#!/usr/bin/python3
"""matplotlib 3.6's rendering of tests/test_plot_rc.c's golden figure (test_golden_bmh), to
review tests/data/plot/rc_style_bmh.png next to it:

    /usr/bin/python3 scripts/mpl_rc_golden.py [out.png] [style]
"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "rc_style_bmh_mpl.png"
style = sys.argv[2] if len(sys.argv) > 2 else "bmh"
plt.style.use(style)
fig = plt.figure(figsize=(5, 3.5), dpi=100)
ax = fig.add_subplot(1, 1, 1)
x = np.linspace(0, 10, 100)
for k in range(4):
    ax.plot(x, np.sin(x + k * 0.6) + 0.4 * k)
ax.set_title(style)
ax.set_xlabel("x")
ax.set_ylabel("y")
fig.savefig(out, dpi=100)
