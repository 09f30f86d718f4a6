# fill_between: a band around a curve, and the region where one curve exceeds another.
import numc as np
import numc.pyplot as plt

x = np.linspace(0, 10, 300)
y1 = np.sin(x)
y2 = 0.5 * np.cos(2 * x)

fig, ax = plt.subplots()
ax.plot(x, y1, color="C0", label="sin(x)")
ax.fill_between(x, y1 - 0.2, y1 + 0.2, alpha=0.3, color="C0")
ax.plot(x, y2, color="C1", label="cos(2x)/2")
ax.fill_between(x, y1, y2, where=y1 > y2, interpolate=True, color="green", alpha=0.25)
ax.axhline(0, color="black", lw=0.8)
ax.legend(loc="lower left")
ax.set_title("fill_between")
plt.show()
