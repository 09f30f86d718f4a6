# Subfigures: a left panel of four axes and a right column of two nested subfigures.
import numc as np
import numc.pyplot as plt

x = np.linspace(0, 2 * np.pi, 100)
fig = plt.figure(figsize=(9, 5), dpi=80)
left, right = fig.subfigures(1, 2, width_ratios=[2, 1])
left.set_facecolor("0.92")
axs = left.subplots(2, 2, sharey=True)
for i, ax in enumerate(axs.flat):
    ax.plot(x, np.sin(x * (i + 1)), color="C%d" % i)
left.suptitle("Left subfigure")
left.supxlabel("phase")
top, bottom = right.subfigures(2, 1)
top.set_facecolor("lightsteelblue")
top.add_subplot(1, 1, 1).bar([1, 2, 3], [3, 1, 2], color="C4")
top.suptitle("bars")
bottom.add_subplot(1, 1, 1).scatter([1, 2, 3, 4], [4, 1, 3, 2], c="C5")
bottom.suptitle("points")
