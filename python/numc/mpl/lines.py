"""numc.mpl.lines: Line2D as a legend handle (legend(handles=[Line2D([0], [0], ...)]))."""


class Line2D:
    """A line described by its style; given to legend(handles=...), it adds an entry
    (a line drawn at NaN, so nothing shows in the axes but its legend sample)."""

    def __init__(self, xdata=(), ydata=(), *, color=None, linewidth=None, linestyle=None,
                 marker=None, markersize=None, markerfacecolor=None, label=None, lw=None,
                 ls=None, c=None, alpha=None):
        self._kw = {k: v for k, v in dict(
            color=color if color is not None else c,
            linewidth=linewidth if linewidth is not None else lw,
            linestyle=linestyle if linestyle is not None else ls, marker=marker,
            markersize=markersize, markerfacecolor=markerfacecolor, label=label,
            alpha=alpha).items() if v is not None}
        self.xdata, self.ydata = list(xdata), list(ydata)

    def get_label(self):
        return self._kw.get("label")

    def _legend_proxy(self, ax):
        nan = float("nan")
        ax._call("plot", [nan], [nan], **self._kw)
