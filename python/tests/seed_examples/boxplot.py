# Box plots of three datasets with different spreads, filled boxes and tick labels.
import numc as np
import numc.pyplot as plt

i = np.arange(300.0)
base = [(np.sin(i * (12.9898 + k)) * 43758.5453) % 1.0 for k in range(3)]
data = [base[0] * 2 - 1, base[1] * 4 - 2 + base[0], base[2] * 1 + 0.5]

fig, ax = plt.subplots()
ax.boxplot(data, patch_artist=True, labels=["narrow", "wide", "shifted"])
ax.set_title("Box plots")
ax.yaxis.grid(True)
plt.show()
