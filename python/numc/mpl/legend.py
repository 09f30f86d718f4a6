"""numc.mpl.legend: Legend, what ax.legend() returns."""


class Legend:
    """The legend of an axes (ax.legend() draws it; this object names it)."""

    def __init__(self, axes):
        self.axes = axes

    def __repr__(self):
        return "<numc.mpl.legend.Legend>"
