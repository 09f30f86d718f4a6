"""numc.mpl.markers: matplotlib.markers' integer marker constants (marker=TICKLEFT ...),
which numc.pyplot draws as plot.h's "tickleft" ... "caretdownbase" markers."""
(TICKLEFT, TICKRIGHT, TICKUP, TICKDOWN, CARETLEFT, CARETRIGHT, CARETUP, CARETDOWN,
 CARETLEFTBASE, CARETRIGHTBASE, CARETUPBASE, CARETDOWNBASE) = range(12)
