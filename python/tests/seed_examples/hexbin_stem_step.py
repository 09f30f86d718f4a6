# A hexbin density with a colorbar, a stem plot and a step plot in one figure.
import numc as np
import numc.pyplot as plt

i = np.arange(20000.0)
a = i * 0.6180339887498949
b = i * 0.4142135623730951
u = a - np.floor(a)
v = b - np.floor(b)
x = u + v - 1.0
y = u - v + 0.3 * x

fig, axs = plt.subplots(1, 3, figsize=(12, 4))
hb = axs[0].hexbin(x, y, gridsize=25, cmap="inferno")
fig.colorbar(hb, ax=axs[0], label="counts")
n = np.arange(12)
axs[1].stem(n, np.cos(n / 2.0))
axs[1].set_title("stem")
axs[2].step(n, n % 4, where="post", label="post")
axs[2].step(n, n % 4 + 0.2, where="mid", label="mid")
axs[2].legend()
axs[2].set_title("step")
fig.tight_layout()
plt.show()
