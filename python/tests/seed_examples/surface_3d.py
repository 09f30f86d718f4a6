# A 3-D surface colored by a colormap, with a colorbar.
import numc as np
import numc.pyplot as plt

fig, ax = plt.subplots(subplot_kw={"projection": "3d"})
x = np.arange(-5, 5, 0.25)
y = np.arange(-5, 5, 0.25)
X = x[np.newaxis, :] + 0 * y[:, np.newaxis]
Y = y[:, np.newaxis] + 0 * x[np.newaxis, :]
R = np.sqrt(X ** 2 + Y ** 2)
Z = np.sin(R)
surf = ax.plot_surface(X, Y, Z, cmap="coolwarm", linewidth=0)
ax.set_zlim(-1.01, 1.01)
fig.colorbar(surf, shrink=0.5, aspect=5)
plt.show()
