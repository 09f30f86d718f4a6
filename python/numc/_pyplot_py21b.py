"""numc.pyplot's names for issue 21, part 2 (imported by numc/_pyplot_py21.py): subfigures
(fig.subfigures, fig.add_subfigure, SubFigure on plot.h's nplot_subfigure), the replay of
their log entries, and date data / date locators and formatters on the axes (plot.h "date
axes" with numc.mpl.dates). See numc/_pyplot_py21.py for how calls are logged."""
import sys as _sys

from ._core import _plot as _P
from ._core import _plot2 as _P2

pp = _sys.modules["numc.pyplot"]
_a = _sys.modules["numc._pyplot_py21"]
Axes, Figure = pp.Axes, pp.Figure
_color_text, _text_common = _a._color_text, _a._text_common


# ---- subfigures -------------------------------------------------------------------------------
class SubFigure:
    """matplotlib.figure.SubFigure: a region of its parent with its own axes, titles and
    patch (plot.h's nplot_subfigure)."""

    def __init__(self, fig, parent):
        self.figure, self._parent, self._h = fig, parent, None
        self._axes = []
        self.transSubfigure = pp._Transform("figure")

    def _call(self, name, *args, **kw):
        return self.figure._call(self, name, *args, **kw)

    def subplots(self, nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True,
                 subplot_kw=None, gridspec_kw=None, width_ratios=None, height_ratios=None):
        if subplot_kw or gridspec_kw or width_ratios is not None or height_ratios is not None:
            raise TypeError("SubFigure.subplots(): subplot_kw, gridspec_kw and ratios are not "
                            "supported by numc")
        share = {False: 0, True: 1, "none": 0, "all": 1, "row": 2, "col": 3}
        if nrows * ncols > 64:
            raise ValueError("SubFigure.subplots(): numc makes at most 64 axes at once")
        kw = {"sharex": share[sharex], "sharey": share[sharey]}
        hs = _P.call("subfig_subplots", self._h, nrows, ncols, **kw)
        items = []
        for i, h in enumerate(hs):
            ax = Axes(self.figure, h)
            ax._grid_pos = (i // ncols, i % ncols, nrows, ncols)
            self.figure._axes.append(ax)
            self._axes.append(ax)
            items.append(ax)
        self.figure._log.append([self, "_py21:subfig_subplots", (nrows, ncols), kw, items])
        pp._current_axes[id(self.figure)] = items[-1]
        if squeeze and nrows == 1 and ncols == 1:
            return items[0]
        if squeeze and (nrows == 1 or ncols == 1):
            return pp._AxesArray(items, (len(items),))
        return pp._AxesArray(items, (nrows, ncols))

    def add_subplot(self, *args, **kw):
        if kw:
            raise TypeError("SubFigure.add_subplot() got an unexpected keyword argument '%s'"
                            % next(iter(kw)))
        if len(args) == 1 and isinstance(args[0], pp._SubplotSpec):
            return self.figure.add_subplot(args[0])
        if not args:
            args = (1, 1, 1)
        if len(args) == 1:
            n = int(args[0])
            args = (n // 100, (n // 10) % 10, n % 10)
        nr, nc, idx = args
        ax = Axes(self.figure, self._call("subfig_add_subplot", nr, nc, idx))
        self.figure._log[-1][4] = ax
        ax._grid_pos = ((idx - 1) // nc, (idx - 1) % nc, nr, nc)
        self.figure._axes.append(ax)
        self._axes.append(ax)
        pp._current_axes[id(self.figure)] = ax
        return ax

    def subfigures(self, nrows=1, ncols=1, squeeze=True, **kw):
        return _subfigures(self.figure, self, "subfig_subfigures", nrows, ncols, squeeze, kw)

    def add_gridspec(self, nrows=1, ncols=1, **kw):
        """A GridSpec over this subfigure (nplot_subfig_gridspec_new): its cells take
        add_subplot(gs[...]) and add_subfigure(gs[...])."""
        return _SubfigGridSpec(self, nrows, ncols, **kw)

    def add_subfigure(self, subplotspec, **kw):
        return self.figure.add_subfigure(subplotspec, **kw)

    def suptitle(self, t, **kw):
        self._call("subfig_suptitle", str(t), **_text_common(pp._text_kw(dict(kw))))

    def supxlabel(self, t, **kw):
        self._call("subfig_supxlabel", str(t), **_text_common(pp._text_kw(dict(kw))))

    def supylabel(self, t, **kw):
        self._call("subfig_supylabel", str(t), **_text_common(pp._text_kw(dict(kw))))

    def set_facecolor(self, color):
        self._call("subfig_set_facecolor", _color_text(color))

    def set_edgecolor(self, color):
        self._call("subfig_set_edgecolor", _color_text(color))

    def set_linewidth(self, w):
        self._call("subfig_set_linewidth", float(w))

    def set_frameon(self, b):
        self._call("subfig_set_frameon", bool(b))

    def subplots_adjust(self, left=None, bottom=None, right=None, top=None, wspace=None,
                        hspace=None):
        self._call("subfig_subplots_adjust", left=left, bottom=bottom, right=right, top=top,
                   wspace=wspace, hspace=hspace)

    def get_position(self):
        from ._pyplot_more import _Bbox
        if self.figure._dirty:
            self.figure._replay()
        return _Bbox(_P2.subfig_position(self._h))

    @property
    def bbox_relative(self):
        return self.get_position()

    def text(self, x, y, s, **kw):
        b = self.get_position().bounds
        return self.figure.text(b[0] + x * b[2], b[1] + y * b[3], s, **kw)

    def colorbar(self, mappable=None, cax=None, ax=None, **kw):
        return self.figure.colorbar(mappable, cax=cax, ax=ax, **kw)

    def legend(self, *args, **kw):
        raise TypeError("SubFigure.legend(): numc draws legends on axes (ax.legend) and "
                        "figures")

    def delaxes(self, ax):
        """subfig.delaxes(ax): as fig.delaxes (nplot_fig_delaxes)."""
        if ax not in self._axes:
            raise ValueError("delaxes(): the axes is not in this subfigure")
        self.figure.delaxes(ax)
        self._axes.remove(ax)

    def get_axes(self):
        return [a for a in self._axes if a in self.figure._axes]

    axes = property(get_axes)

    def __repr__(self):
        return "<numc.pyplot SubFigure>"


def _subfig_gridspec_class():
    from .mpl.gridspec import GridSpec, _Holder

    class SubfigGridSpec(GridSpec):
        """A GridSpec made in a subfigure: its nplot_gridspec is made once, by a logged call
        (a replay of the figure renews the handle)."""

        def __init__(self, sf, nrows, ncols, **kw):
            super().__init__(nrows, ncols, figure=sf.figure, **kw)
            self._sf = sf
            holder = _Holder()
            holder._h = sf._call("subfig_gridspec", nrows, ncols, **self._opts)
            sf.figure._log[-1][4] = holder
            self._hold = holder

        def _holder(self, fig):
            return self._hold
    return SubfigGridSpec


class _LazyClass:
    def __init__(self, make):
        self._make, self._cls = make, None

    def __call__(self, *args, **kw):
        if self._cls is None:
            self._cls = self._make()
        return self._cls(*args, **kw)


_SubfigGridSpec = _LazyClass(_subfig_gridspec_class)


def _sf_kw(kw):
    kw = dict(kw)
    if "frameon" in kw:
        kw["frameoff"] = not kw.pop("frameon")
    for k in ("facecolor", "edgecolor", "fc", "ec"):
        if kw.get(k) is not None:
            kw[k] = _color_text(kw[k])
    for k in ("width_ratios", "height_ratios"):
        if kw.get(k) is not None:
            kw[k] = [float(v) for v in kw[k]]
    return kw


def _subfigures(fig, owner, name, nrows, ncols, squeeze, kw):
    if nrows * ncols > 64:
        raise ValueError("subfigures(): numc makes at most 64 subfigures at once")
    kw = _sf_kw(kw)
    hs = _P.call(name, owner._h, nrows, ncols, **kw)
    items = []
    for h in hs:
        sf = SubFigure(fig, owner)
        sf._h = h
        items.append(sf)
    fig._log.append([owner, "_py21:" + name, (nrows, ncols), kw, items])
    fig._subfigs = getattr(fig, "_subfigs", []) + items
    if squeeze and nrows == 1 and ncols == 1:
        return items[0]
    if squeeze and (nrows == 1 or ncols == 1):
        return pp._AxesArray(items, (len(items),))
    return pp._AxesArray(items, (nrows, ncols))


def fig_subfigures(self, nrows=1, ncols=1, squeeze=True, wspace=None, hspace=None,
                   width_ratios=None, height_ratios=None, **kw):
    """fig.subfigures(nrows, ncols, wspace=, hspace=, width_ratios=, height_ratios=, ...):
    an array of SubFigure (numc spaces them as matplotlib >= 3.8 does)."""
    for k, v in (("wspace", wspace), ("hspace", hspace), ("width_ratios", width_ratios),
                 ("height_ratios", height_ratios)):
        if v is not None:
            kw[k] = v
    return _subfigures(self, self, "subfigures", nrows, ncols, squeeze, kw)


def fig_add_subfigure(self, subplotspec, **kw):
    """fig.add_subfigure(gs[r, c]): a SubFigure on cells of a GridSpec of this figure (or of
    a subfigure's add_gridspec)."""
    if not isinstance(subplotspec, pp._SubplotSpec):
        raise TypeError("add_subfigure() takes a GridSpec cell (gs[0, 1])")
    g = subplotspec._gs
    holder = g._holder(self)
    sf = SubFigure(self, holder)
    sf._h = self._call(holder, "add_subfigure", subplotspec._spec, **_sf_kw(kw))
    self._log[-1][4] = sf
    return sf


Figure.subfigures = fig_subfigures
Figure.add_subfigure = fig_add_subfigure


# ---- replay of this module's log entries ------------------------------------------------------
_more = _sys.modules["numc._pyplot_more"]
_orig_replay = _more.replay


def _replay(fig, owner, name, args, kw, res):
    if not name.startswith("_py21:"):
        return _orig_replay(fig, owner, name, args, kw, res)
    op = name[6:]
    if op == "delaxes":
        _P.call("fig_delaxes", fig._h, args[0]._h)
    elif op in ("subfigures", "subfig_subfigures", "subfig_subplots"):
        for item, h in zip(res, _P.call(op, owner._h, *args, **kw)):
            item._h = h
    return True


_more.replay = _replay


# ---- dates ------------------------------------------------------------------------------------
_DATE_CALLS = {"plot": (("x", 0), ("y", 1)), "step": (("x", 0), ("y", 1)),
               "scatter": (("x", 0), ("y", 1)), "bar": (("x", 0), ("y", 1)),
               "barh": (("y", 0), ("x", 1)), "fill_between": (("x", 0),),
               "fill_betweenx": (("y", 0),), "errorbar": (("x", 0), ("y", 1)),
               "stem": (("x", 0), ("y", 1)), "vlines": (("x", 0),), "hlines": (("y", 0),),
               "axvline": (("x", 0),), "axhline": (("y", 0),), "axvspan": (("x", 0), ("x", 1)),
               "axhspan": (("y", 0), ("y", 1)), "text": (("x", 0), ("y", 1)),
               "set_xlim": (("x", 0), ("x", 1)), "set_ylim": (("y", 0), ("y", 1))}


def _is_date(v):
    # a datetime.date (datetime.datetime is one) exists only once datetime is imported:
    # numc.pyplot does not import it for scripts that plot no dates
    dtm = _sys.modules.get("datetime")
    return (dtm is not None and isinstance(v, dtm.date)) or type(v).__name__ == "datetime64"


def _date_num(v):
    from .mpl import dates
    if type(v).__name__ == "datetime64":
        return dates._np_dt64_to_num(v)
    return dates.date2num(v)


def _num_scalar(v):
    return _date_num(v) if _is_date(v) else v


def _num_dates(v):
    """(numbers, was_dates) of v: lists of datetime / date, NumPy datetime64 arrays as
    date numbers; numc datetime64 arrays stay (plot.h converts them)."""
    if _is_date(v):
        return _date_num(v), True
    dt = getattr(v, "dtype", None)
    if dt is not None and getattr(dt, "kind", None) == "M" and type(v).__module__ == "numpy":
        from .mpl import dates
        return dates._np_dt64_to_num(v), True
    if isinstance(v, (list, tuple)) and v and all(_is_date(t) for t in v):
        return [_date_num(t) for t in v], True
    return v, False


def _dates_in(owner, name, args, kw):
    spec = _DATE_CALLS.get(name)
    if spec is None or not isinstance(owner, Axes):
        return args, kw
    args = list(args)
    made = set()
    for axis, i in spec:
        if i < len(args):
            args[i], was = _num_dates(args[i])
            if was:
                made.add(axis)
    for axis in sorted(made):
        owner.figure._log.append([owner, "axis_date", (axis,), {}, None])
        _P.call("axis_date", owner._h, axis)
    return tuple(args), kw


def ax_plot_date(self, x, y, fmt="o", tz=None, xdate=True, ydate=False, **kw):
    """ax.plot_date (matplotlib 3.6): plot with fmt on a date x (and / or y) axis; x and y
    may be date numbers, datetime64 arrays or datetime lists."""
    if tz is not None:
        raise TypeError("plot_date(): tz is not supported by numc (dates are UTC)")
    if xdate:
        self._call("axis_date", "x")
    if ydate:
        self._call("axis_date", "y")
    return self.plot(x, y, fmt, **kw)


Axes.plot_date = ax_plot_date


def plot_date(x, y, fmt="o", tz=None, xdate=True, ydate=False, **kw):
    return pp.gca().plot_date(x, y, fmt, tz, xdate, ydate, **kw)


pp.plot_date = plot_date


# ---- ax.xaxis.set_major_locator / set_major_formatter with numc.mpl.dates objects ------------
_orig_set_fmt = pp._Axis.set_major_formatter
_orig_set_loc = pp._Axis.set_major_locator


def _axis_set_major_formatter(self, fmt):
    if hasattr(fmt, "_date_fmt"):
        from .mpl import dates
        dates._apply_formatter(self._ax, self._axis, fmt)
        return
    _orig_set_fmt(self, fmt)


def _axis_set_major_locator(self, loc):
    from .mpl import dates
    if isinstance(loc, dates.DateLocator):
        dates._apply_locator(self._ax, self._axis, loc)
        return
    _orig_set_loc(self, loc)


def _axis_axis_date(self, tz=None):
    if tz is not None:
        raise TypeError("axis_date(): tz is not supported by numc (dates are UTC)")
    self._ax._call("axis_date", self._axis)


pp._Axis.set_major_formatter = _axis_set_major_formatter
pp._Axis.set_major_locator = _axis_set_major_locator
pp._Axis.axis_date = _axis_axis_date
Axes.xaxis_date = lambda self, tz=None: self.xaxis.axis_date(tz)
Axes.yaxis_date = lambda self, tz=None: self.yaxis.axis_date(tz)
