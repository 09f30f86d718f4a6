"""numc.mpl.legend: Legend, what ax.legend() and fig.legend() return."""


class _Text:
    def __init__(self, s):
        self._s = s

    def get_text(self):
        return self._s

    def __repr__(self):
        return "Text(0, 0, %r)" % self._s


class Legend:
    """The legend of an axes (ax.legend() draws it) or of a figure (fig.legend()): this
    object names it; ax.add_artist(legend) keeps an axes legend when the next ax.legend()
    call draws another. get_texts() lists its entries' labels."""

    def __init__(self, axes, texts=None, figure_legend=False):
        self.axes = None if figure_legend else axes
        self.figure = axes if figure_legend else getattr(axes, "figure", None)
        self._texts = list(texts) if texts is not None else None

    def get_texts(self):
        if self._texts is None:
            from .._pyplot_more import _labelled
            self._texts = _labelled(self.axes.figure, [self.axes])
        return [_Text(t) for t in self._texts]

    def __repr__(self):
        return "<numc.mpl.legend.Legend>"
