# Sine and cosine on one axes, with a legend, labels and a grid.
import numc as np
import numc.pyplot as plt

x = np.linspace(-np.pi, np.pi, 256)
c, s = np.cos(x), np.sin(x)

plt.figure(figsize=(8, 5), dpi=80)
plt.plot(x, c, color="blue", linewidth=2.5, linestyle="-", label="cosine")
plt.plot(x, s, color="red", linewidth=2.5, linestyle="-", label="sine")
plt.xlim(x.min() * 1.1, x.max() * 1.1)
plt.ylim(c.min() * 1.1, c.max() * 1.1)
plt.xticks([-np.pi, -np.pi / 2, 0, np.pi / 2, np.pi],
           [r"$-\pi$", r"$-\pi/2$", r"$0$", r"$+\pi/2$", r"$+\pi$"])
plt.yticks([-1, 0, +1])
plt.legend(loc="upper left", frameon=False)
plt.title("Sine and cosine")
plt.grid(True, alpha=0.3)
plt.show()
