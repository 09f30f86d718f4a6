# Two histograms side by side: counts with 30 bins, and a density as a step outline.
import numc as np
import numc.pyplot as plt

i = np.arange(20000.0)
u = [(np.sin(i * (12.9898 + k)) * 43758.5453) % 1.0 for k in range(4)]
x = (u[0] + u[1] + u[2] + u[3] - 2.0) * 1.7   # about normal, deterministic

fig, axs = plt.subplots(1, 2, sharey=False, tight_layout=True)
axs[0].hist(x, bins=30, color="steelblue", edgecolor="white")
axs[0].set_title("counts")
axs[1].hist(x, bins=30, density=True, histtype="step", linewidth=2, color="darkred")
axs[1].set_title("density")
plt.show()
