# Grouped bars: two series side by side per category, with a legend.
import numc as np
import numc.pyplot as plt

labels = ["G1", "G2", "G3", "G4", "G5"]
men = [20, 34, 30, 35, 27]
women = [25, 32, 34, 20, 25]
x = np.arange(len(labels))
width = 0.35

fig, ax = plt.subplots()
rects1 = ax.bar(x - width / 2, men, width, label="Men")
rects2 = ax.bar(x + width / 2, women, width, label="Women")
ax.set_ylabel("Scores")
ax.set_title("Scores by group and gender")
ax.set_xticks(x, labels)
ax.legend()
ax.bar_label(rects1, padding=3)
ax.bar_label(rects2, padding=3)
fig.tight_layout()
plt.show()
