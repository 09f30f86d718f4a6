# Error bars: symmetric y errors with caps, and x and y errors on a second series.
import numc as np
import numc.pyplot as plt

x = np.arange(0.1, 4, 0.5)
y = np.exp(-x)
yerr = 0.1 + 0.2 * np.sqrt(x)
xerr = 0.1 + yerr

fig, ax = plt.subplots()
ax.errorbar(x, y, yerr=yerr, fmt="-o", capsize=4, label="y errors")
ax.errorbar(x, y + 0.5, xerr=xerr, yerr=0.1, fmt="s", color="tab:red", label="x and y errors")
ax.set_title("Error bars")
ax.legend()
plt.show()
