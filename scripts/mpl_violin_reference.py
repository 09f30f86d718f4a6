"""matplotlib's rendering of examples/violin.c (violins next to notched boxes) for a side-by-side
review of tests/data/plot/violin.png. Run with /usr/bin/python3; writes /tmp/mpl_violin.png."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

d = np.random.default_rng(19680801).normal(0, 1, (100, 4))
d = d * (1 + np.arange(4)) + 2 * np.arange(4)
fig, axs = plt.subplots(1, 2, figsize=(9, 4))
axs[0].violinplot(d, showmeans=True, showmedians=True, quantiles=[[0.25, 0.75]] * 4)
axs[0].set_title("violinplot")
axs[1].boxplot(d, notch=True)
axs[1].set_title("boxplot(notch=True)")
fig.tight_layout()
fig.savefig("/tmp/mpl_violin.png", dpi=100)
