# Contour lines of two Gaussian bumps, labelled inline.
import numc as np
import numc.pyplot as plt

delta = 0.025
x = np.arange(-3.0, 3.0, delta)
y = np.arange(-2.0, 2.0, delta)
X = x[np.newaxis, :] + 0 * y[:, np.newaxis]
Y = y[:, np.newaxis] + 0 * x[np.newaxis, :]
Z1 = np.exp(-X ** 2 - Y ** 2)
Z2 = np.exp(-(X - 1) ** 2 - (Y - 1) ** 2)
Z = (Z1 - Z2) * 2

fig, ax = plt.subplots()
CS = ax.contour(X, Y, Z)
ax.clabel(CS, inline=True, fontsize=10)
ax.set_title("Simplest default with labels")
plt.show()
