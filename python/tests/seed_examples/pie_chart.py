# A pie chart with an exploded slice and percentages.
import numc.pyplot as plt

labels = "Frogs", "Hogs", "Dogs", "Logs"
sizes = [15, 30, 45, 10]
explode = (0, 0.1, 0, 0)

fig, ax = plt.subplots()
ax.pie(sizes, explode=explode, labels=labels, autopct="%1.1f%%", startangle=90)
ax.axis("equal")
ax.set_title("Pets")
plt.show()
