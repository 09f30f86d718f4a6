# Several datasets in one histogram: side by side with a legend, and stacked.
import numc.pyplot as plt
i = list(range(3000))
a = [((k * 0.618034) % 1.0) * 2 for k in i]
b = [((k * 0.414214) % 1.0) + ((k * 0.7548777) % 1.0) for k in i]
c = [((k * 0.2360679) % 1.0) * 3 - 0.5 for k in i[:1500]]
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 4))
ax1.hist([a, b, c], bins=12, label=["a", "b", "c"])
ax1.legend()
ax2.hist([a, b, c], bins=12, stacked=True, color=["tab:red", "tab:green", "tab:blue"])
plt.show()
