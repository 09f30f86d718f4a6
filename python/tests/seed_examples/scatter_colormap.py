# A scatter plot colored by a value through a colormap, with a colorbar.
import numc as np
import numc.pyplot as plt

i = np.arange(500.0)
x = (np.sin(i * 12.9898) * 43758.5453) % 1.0
y = (np.sin(i * 78.233) * 43758.5453) % 1.0
v = np.hypot(x - 0.5, y - 0.5)

fig, ax = plt.subplots(figsize=(6, 5))
sc = ax.scatter(x, y, c=v, s=40, cmap="plasma", alpha=0.8)
fig.colorbar(sc, ax=ax, label="distance from the centre")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("Scatter with a colormap")
plt.show()
