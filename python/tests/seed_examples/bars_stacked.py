# Stacked bars: a second series drawn on top of the first, with black edges.
import numc.pyplot as plt

species = ["Adelie", "Chinstrap", "Gentoo"]
below = [70, 31, 58]
above = [82, 37, 66]

fig, ax = plt.subplots()
ax.bar(species, below, 0.5, label="Below", color="#4c72b0", edgecolor="black")
ax.bar(species, above, 0.5, bottom=below, label="Above", color="#dd8452", edgecolor="black")
ax.set_title("Number of penguins with above average body mass")
ax.legend(loc="upper right")
plt.show()
