# A year of daily values on a date axis with compact date labels.
import numc as np
import numc.pyplot as plt
from numc.mpl import dates as mdates

days = np.arange("2021-01-01", "2022-01-01", dtype="datetime64[D]")
t = np.arange(len(days)) * 1.0
temp = 12 + 9 * np.sin(2 * np.pi * (t - 110) / 365) + 2 * np.cos(t / 5)

fig, axs = plt.subplots(2, 1, figsize=(7, 5), dpi=80)
for ax in axs:
    ax.plot(days, temp, color="tab:red", lw=1)
    ax.grid(True, alpha=0.3)
locator = mdates.AutoDateLocator()
axs[0].xaxis.set_major_locator(locator)
axs[0].xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
axs[0].set_title("ConciseDateFormatter")
axs[1].xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
axs[1].xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
axs[1].set_xlim(np.datetime64("2021-02-01"), np.datetime64("2021-11-30"))
axs[1].set_ylabel("temperature")
fig.tight_layout()
