# A stacked bar chart with the data in a table below it.
import numc as np
import numc.pyplot as plt

data = [[66, 174, 75, 577, 32],
        [58, 224, 158, 1030, 98],
        [89, 80, 171, 613, 130],
        [24, 152, 124, 340, 76]]
columns = ("Freeze", "Wind", "Flood", "Quake", "Hail")
rows = ["%d year" % x for x in (100, 50, 20, 10)]
colors = ["#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"]

fig, ax = plt.subplots(figsize=(8, 5), dpi=80)
index = np.arange(len(columns)) + 0.3
offset = np.zeros(len(columns))
cell_text = []
for row in range(len(data)):
    ax.bar(index, data[row], 0.4, bottom=offset, color=colors[row])
    offset = offset + np.array(data[row])
    cell_text.append(["%d" % v for v in offset])
ax.table(cellText=cell_text, rowLabels=rows, rowColours=colors, colLabels=columns,
         loc="bottom")
fig.subplots_adjust(left=0.2, bottom=0.25)
ax.set_ylabel("Loss")
ax.set_xticks([])
ax.set_title("Loss by disaster")
