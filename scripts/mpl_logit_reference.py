"""matplotlib 3.6's rendering of examples/plot_scales2.c (the logit scale) for
tests/data/plot/logit/mpl_plot_scales2.png. Run with /usr/bin/python3; writes argv[1] or
/tmp/mpl_plot_scales2.png."""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

x = -5 + 10 * np.arange(200) / 199
p = 1 / (1 + np.exp(-x))
fig, axs = plt.subplots(1, 2, figsize=(6, 4), dpi=100)
axs[0].plot(x, p)
axs[0].set_yscale("logit")
axs[0].set_title("logit")
axs[0].grid(True)
axs[1].plot(x, p)
axs[1].set_yscale("logit")
axs[1].set_ylim(0.2, 0.8)
fig.tight_layout()
fig.savefig(sys.argv[1] if len(sys.argv) > 1 else "/tmp/mpl_plot_scales2.png")
