# A 2 x 2 grid of subplots sharing x, each with its own kind of line.
import numc as np
import numc.pyplot as plt

x = np.linspace(0, 2 * np.pi, 400)
y = np.sin(x ** 2)

fig, axs = plt.subplots(2, 2, sharex=True, figsize=(7, 5))
axs[0, 0].plot(x, y)
axs[0, 0].set_title("Axis [0, 0]")
axs[0, 1].plot(x, y, "tab:orange")
axs[0, 1].set_title("Axis [0, 1]")
axs[1, 0].plot(x, -y, "tab:green")
axs[1, 0].set_title("Axis [1, 0]")
axs[1, 1].plot(x, -y, "r--")
axs[1, 1].set_title("Axis [1, 1]")
for ax in axs.flat:
    ax.set(xlabel="x-label", ylabel="y-label")
fig.suptitle("Sharing x per column")
fig.tight_layout()
plt.show()
