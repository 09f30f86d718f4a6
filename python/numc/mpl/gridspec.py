"""numc.mpl.gridspec: GridSpec (fig.add_subplot(gs[0, :]) spans cells) on nplot_gridspec."""


def _part(k, n):
    if isinstance(k, slice):
        start, stop, step = k.indices(n)
        if step != 1:
            raise IndexError("GridSpec: slices with a step are not supported")
        return "%d:%d" % (start, stop)
    k = int(k)
    if not -n <= k < n:
        raise IndexError("index %d is out of range for a grid of %d" % (k, n))
    return "%d" % (k % n)


class _Holder:
    _h = None
    _fig_h = None


class GridSpec:
    def __init__(self, nrows, ncols, figure=None, left=None, bottom=None, right=None,
                 top=None, wspace=None, hspace=None, width_ratios=None, height_ratios=None):
        self.nrows, self.ncols = nrows, ncols
        self._opts = {k: v for k, v in dict(left=left, bottom=bottom, right=right, top=top,
                                              wspace=wspace, hspace=hspace,
                                              width_ratios=width_ratios,
                                              height_ratios=height_ratios).items()
                      if v is not None}
        self.figure = figure
        self._handles = {}

    def _holder(self, fig):
        """The object holding this grid's nplot_gridspec in fig's current nplot_figure
        (made anew after fig.clf(), whose old figure took the old one along; a replay of
        the figure renews the holder's handle)."""
        from .._core import _plot as _P
        owner, holder = self._handles.get(id(fig), (None, None))
        if holder is None or holder._fig_h is not fig._h:
            holder = _Holder()
            holder._h = _P.gridspec(fig._h, self.nrows, self.ncols, **self._opts)
            holder._fig_h = fig._h
            fig._log.append([fig, "_gridspec", (self.nrows, self.ncols), dict(self._opts), holder])
            self._handles[id(fig)] = (fig._h, holder)
        return holder

    def _handle(self, fig):
        return self._holder(fig)._h

    @property
    def _h(self):
        if self.figure is None:
            from .. import pyplot
            self.figure = pyplot.gcf()
        return self._handle(self.figure)

    def get_geometry(self):
        return self.nrows, self.ncols

    def __getitem__(self, key):
        from ..pyplot import _SubplotSpec
        if isinstance(key, tuple):
            r, c = key
            spec = _part(r, self.nrows) + ", " + _part(c, self.ncols)
        else:
            if self.nrows == 1 or self.ncols == 1:
                n = self.nrows * self.ncols
                part = _part(key, n)
                spec = ("0, " + part) if self.nrows == 1 else (part + ", 0")
            else:
                if isinstance(key, slice):
                    raise IndexError("GridSpec: index a 2-D grid with two indices")
                k = int(key) % (self.nrows * self.ncols)
                spec = "%d, %d" % (k // self.ncols, k % self.ncols)
        return _SubplotSpec(self, spec)

    def subplots(self, *, sharex=False, sharey=False, squeeze=True, subplot_kw=None):
        fig = self.figure
        if fig is None:
            from .. import pyplot
            fig = self.figure = pyplot.gcf()
        axs = [fig.add_subplot(self[i, j]) for i in range(self.nrows) for j in range(self.ncols)]
        from ..pyplot import _AxesArray
        if squeeze and len(axs) == 1:
            return axs[0]
        return _AxesArray(axs, (self.nrows, self.ncols))



class GridSpecFromSubplotSpec(GridSpec):
    """A grid filling one cell (or span) of another grid (matplotlib's
    GridSpecFromSubplotSpec, gs[0, 1].subgridspec(2, 2)): nplot_gridspec_subgridspec. Its
    own wspace / hspace and ratios; the outer margins come from the parent."""

    def __init__(self, nrows, ncols, subplot_spec, wspace=None, hspace=None, height_ratios=None,
                 width_ratios=None):
        self.nrows, self.ncols = nrows, ncols
        self._opts = {k: v for k, v in dict(wspace=wspace, hspace=hspace, width_ratios=width_ratios,
                                              height_ratios=height_ratios).items()
                      if v is not None}
        self._parent = subplot_spec
        self.figure = subplot_spec._gs.figure
        self._handles = {}

    def _holder(self, fig):
        from .._core import _plot as _P
        owner, holder = self._handles.get(id(fig), (None, None))
        if holder is None or holder._fig_h is not fig._h:
            parent = self._parent._gs._holder(fig)
            holder = _Holder()
            holder._h = _P.subgridspec(parent._h, self._parent._spec, self.nrows, self.ncols, **self._opts)
            holder._fig_h = fig._h
            fig._log.append([fig, "_subgridspec", (parent, self._parent._spec, self.nrows, self.ncols),
                             dict(self._opts), holder])
            self._handles[id(fig)] = (fig._h, holder)
        return holder
