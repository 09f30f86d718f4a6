"""A subplot mosaic with a figure legend, two legends in one axes and a secondary axis:
signals on a shared time axis (the mosaic, fig.legend, ax.add_artist(legend), secondary_xaxis
and supxlabel of matplotlib 3.6)."""
import numc as np
import numc.pyplot as plt

t = np.linspace(0.0, 10.0, 200)
fig, axd = plt.subplot_mosaic([["wave", "wave", "bars"], ["decay", "noise", "bars"]],
                              figsize=(8, 5), dpi=80)
axd["wave"].plot(t, np.sin(t), color="tab:blue", label="sine")
axd["wave"].plot(t, np.cos(t), color="xkcd:orange", label="cosine")
axd["decay"].plot(t, np.exp(-t / 3.0), color="tab:green", label="decay")
axd["noise"].plot(t, np.sin(3 * t) * np.exp(-t / 5.0), color="tab:red", label="damped")
axd["bars"].bar([1, 2, 3, 4], [3, 5, 2, 4], color="tab:purple", label="counts")
first = axd["wave"].legend(["sin", "cos"], loc="upper left")
axd["wave"].add_artist(first)
axd["wave"].plot(t, 0.5 * np.sin(2 * t), color="k", label="half")
axd["wave"].legend(loc="lower right")
sec = axd["decay"].secondary_xaxis("top", functions=(lambda x: x * 60.0, lambda x: x / 60.0))
sec.set_xlabel("minutes")
fig.legend(loc="upper right")
fig.supxlabel("time (h)")
