"""numc.pyplot's names for plot.h calls that had none (issue 21), attached to numc.pyplot's
Axes, Figure and module by the import at the pynames anchor of pyplot.py (the Axes3D and
polar ones are in _pyplot_names3d.py):

- Axes: autoscale, apply_aspect, get_children / get_lines / get_images, get_legend,
  get_shared_x_axes / get_shared_y_axes, set_/get_clip_on, snap, url, set_axisbelow, set_fc,
  set_xmargin / set_ymargin, get_transform, get_xaxis_transform and its text1 / text2 forms
  (and y), get_window_extent, get_x/ygridlines, get_x/yticklines, get_x/ymajorticklabels,
  get_x/yminorticklabels, in_axes, indicate_inset, remove, add_line / add_image /
  add_table / add_child_axes, triplot / tripcolor / tricontour / tricontourf;
- Figure: draw, draw_without_rendering, findobj, get_children, get_window_extent and the
  artist properties alpha, clip_on, gid, in_layout, label, rasterized, snap, tight_layout,
  url, visible, zorder;
- pyplot: arrow, autoscale, bar_label, box, figimage, findobj, locator_params,
  ticklabel_format, tri*, set_cmap and the colormap functions (autumn ... winter).

Setters go through the figure's call log ("_pn:" entries, replayed by the hook below), so a
figure made again from its calls keeps them. Unknown keyword arguments raise TypeError
naming them."""
import sys as _sys

from ._core import _plot as _P
from ._core import _pynames as _PN
from . import _pyplot_more as _more

pp = _sys.modules["numc.pyplot"]
Axes, Figure, Axes3D, Artist = pp.Axes, pp.Figure, pp.Axes3D, pp.Artist
_ON, _OFF, _LINE = 1, -1, 2   # plot.h's NPLOT_ON, NPLOT_OFF, NPLOT_AXISBELOW_LINE


def _unknown(fn, kw):
    if kw:
        raise TypeError("%s() got an unexpected keyword argument '%s'" % (fn, next(iter(kw))))


def _fresh(fig):
    if fig._dirty:
        fig._replay()


# ---- the call log -----------------------------------------------------------------------------
def _set(owner, name, value):
    """Set one property now and log it for the replay."""
    fig = owner if isinstance(owner, Figure) else owner.figure
    if owner._h is pp._Dead:
        raise RuntimeError("this axes was removed by clf(): make a new one")
    prop = _PN.fig_prop if isinstance(owner, Figure) else _PN.ax_prop
    try:
        prop(name, owner._h, value)
    except Exception:
        if _P.status(fig._h)[0] != 0:
            fig._replay()
        raise
    fig._log.append([owner, "_pn:" + name, (value,), {}, None])


def _get(owner, name):
    fig = owner if isinstance(owner, Figure) else owner.figure
    _fresh(fig)
    prop = _PN.fig_prop if isinstance(owner, Figure) else _PN.ax_prop
    return prop(name, owner._h)


_prev_replay = _more.replay


def _replay(fig, owner, name, args, kw, res):
    if not name.startswith("_pn:"):
        return _prev_replay(fig, owner, name, args, kw, res)
    if owner._h is not pp._Dead:
        prop = _PN.fig_prop if isinstance(owner, Figure) else _PN.ax_prop
        prop(name[4:], owner._h, *args)
    return True


_more.replay = _replay


# ---- the artists of an axes as objects --------------------------------------------------------
def _artist(ax, i, kind):
    """Artist i of ax (plot.h's order) as a numc.pyplot artist its setters can change."""
    from ._pyplot_py21 import _arts
    cls = pp.Line2D if kind == "line" else pp.ScalarMappable if kind == "image" else Artist
    a = cls.__new__(cls)
    a.axes, a._kind, a._label, a._entry = ax, kind, None, None
    toks = _arts(ax)
    a._toks = [toks[i]] if i < len(toks) else []
    return a


def _artists(ax, kinds=None):
    _fresh(ax.figure)
    return [_artist(ax, i, k) for i, k in enumerate(_PN.artist_kinds(ax._h))
            if kinds is None or k in kinds]


def _get_children(self):
    out = _artists(self)
    leg = self.get_legend()
    return out + ([leg] if leg is not None else [])


def _get_lines(self):
    return _artists(self, ("line",))


def _get_images(self):
    return _artists(self, ("image",))


_orig_legend = Axes.legend


def _legend(self, *args, **kw):
    leg = _orig_legend(self, *args, **kw)
    self._pn_legend = leg
    return leg


def _get_legend(self):
    if not _get(self, "has_legend"):
        return None
    leg = self.__dict__.get("_pn_legend")
    if leg is None:
        from .mpl.legend import Legend
        leg = Legend(self, _more._labelled(self.figure, [self]))
    return leg


class _SharedAxes:
    """get_shared_x_axes(): matplotlib's GrouperView (joined, get_siblings)."""

    def __init__(self, ax, which):
        self._ax, self._which = ax, which

    def joined(self, a, b):
        # as matplotlib's Grouper: an axes sharing with nothing is in no group, not even
        # its own
        if a is b:
            return any(c is not a and _PN.shares(a._h, c._h, self._which)
                       for c in a.figure._axes if c._h is not pp._Dead)
        return _PN.shares(a._h, b._h, self._which)

    def get_siblings(self, a):
        sib = [b for b in a.figure._axes if b._h is not pp._Dead and b is not a and
               _PN.shares(a._h, b._h, self._which)]
        return [a] + sib


def _get_shared_x_axes(self):
    return _SharedAxes(self, "x")


def _get_shared_y_axes(self):
    return _SharedAxes(self, "y")


# ---- axes properties --------------------------------------------------------------------------
def _set_clip_on(self, b):
    _set(self, "clip_on", bool(b))


def _get_clip_on(self):
    return _get(self, "clip_on")


_SNAP = {None: 0, True: _ON, False: _OFF}


def _set_snap(self, snap):
    _set(self, "snap", _SNAP[None if snap is None else bool(snap)])


def _get_snap(self):
    return {0: None, _ON: True, _OFF: False}[_get(self, "snap")]


def _set_url(self, url):
    _set(self, "url", None if url is None else str(url))


def _get_url(self):
    return _get(self, "url")


def _set_axisbelow(self, b):
    _set(self, "axisbelow", _LINE if b == "line" else _ON if b else _OFF)


def _margins_of(ax):
    m = ax.__dict__.get("_pn_margins")
    if m is None:
        m = ax._pn_margins = [float(_P.rc_get("axes.xmargin")[2]),
                              float(_P.rc_get("axes.ymargin")[2])]
    return m


_orig_margins = Axes.margins


def _margins(self, *args, x=None, y=None, tight=True):
    r = _orig_margins(self, *args, x=x, y=y, tight=tight)
    if len(args) == 1:
        x = y = args[0]
    elif len(args) == 2:
        x, y = args
    self._pn_margins = [0.05 if x is None else float(x), 0.05 if y is None else float(y)]
    return r


def _set_xmargin(self, m):
    _margins(self, m, _margins_of(self)[1])


def _set_ymargin(self, m):
    _margins(self, _margins_of(self)[0], m)


def _autoscale(self, enable=True, axis="both", tight=None):
    if axis not in ("both", "x", "y"):
        raise ValueError("autoscale(): axis must be 'both', 'x' or 'y', got %r" % (axis,))
    for a in ("x", "y"):
        if axis in ("both", a):
            if enable is not None:
                getattr(self, "set_autoscale%s_on" % a)(bool(enable))
            if tight:
                getattr(self, "set_%smargin" % a)(0)
            if enable:  # the data decide the view again (nplot_set_xlim(ax, NAN, NAN))
                self._call("set_%slim" % a, None, None)


def _apply_aspect(self, position=None):
    if position is not None:
        raise TypeError("apply_aspect(): position is not supported by numc")
    self.figure._draw()


# ---- transforms, boxes, ticks -----------------------------------------------------------------
class _AxTransform(pp._Transform):
    """An axes' transform to display pixels (origin bottom-left) after a layout: transform
    and inverted, as matplotlib's; offset in pixels (the tick label pad)."""

    def __init__(self, ax, coords, offset=(0.0, 0.0)):
        pp._Transform.__init__(self, coords)
        self._ax, self._off, self._inv = ax, offset, False

    def _one(self, x, y):
        ax = self._ax
        _fresh(ax.figure)
        if self._inv:
            return _PN.transform(ax._h, "display", self._coords, x - self._off[0], y - self._off[1])
        px, py = _PN.transform(ax._h, self._coords, "display", x, y)
        return px + self._off[0], py + self._off[1]

    def transform(self, values):
        vals = list(values)
        if vals and not isinstance(vals[0], (list, tuple)) and not hasattr(vals[0], "__len__"):
            return tuple(self._one(float(vals[0]), float(vals[1])))
        return [tuple(self._one(float(p[0]), float(p[1]))) for p in vals]

    def inverted(self):
        t = _AxTransform(self._ax, self._coords, self._off)
        t._inv = not self._inv
        return t


def _get_transform(self):
    """The axes artist's own transform: matplotlib 3.6 leaves it the identity on display
    pixels (the artists inside use transData / transAxes)."""
    return _AxTransform(self, "display")


def _get_xaxis_transform(self, which="grid"):
    return _AxTransform(self, "xaxis")


def _get_yaxis_transform(self, which="grid"):
    return _AxTransform(self, "yaxis")


def _pad_px(ax, pad_points):
    return float(pad_points) * ax.figure.get_dpi() / 72.0


def _get_xaxis_text1_transform(self, pad_points):
    return _AxTransform(self, "xaxis", (0.0, -_pad_px(self, pad_points))), "top", "center"


def _get_xaxis_text2_transform(self, pad_points):
    return _AxTransform(self, "xaxis", (0.0, _pad_px(self, pad_points))), "bottom", "center"


def _get_yaxis_text1_transform(self, pad_points):
    return _AxTransform(self, "yaxis", (-_pad_px(self, pad_points), 0.0)), "center_baseline", "right"


def _get_yaxis_text2_transform(self, pad_points):
    return _AxTransform(self, "yaxis", (_pad_px(self, pad_points), 0.0)), "center_baseline", "left"


def _get_window_extent(self, renderer=None):
    """The axes box in display pixels (origin bottom-left), as matplotlib's."""
    self.figure._draw()
    x0, y0, x1, y1 = _PN.pixel_box(self._h)
    h = _P.pixel_size(self.figure._h)[1]
    return _more._Bbox((x0, h - y1, x1 - x0, y1 - y0))


def _in_axes(self, mouseevent):
    return self.contains_point((mouseevent.x, mouseevent.y))


class _TickLine:
    """A grid line or tick mark at one tick, with the data matplotlib's Line2D gives it:
    the tick position alone along its axis, 0..1 (grid) or 0 / 1 (tick1 / tick2) across."""

    def __init__(self, axis, pos, which):
        self._axis, self._pos, self._which = axis, pos, which

    def _across(self):
        return [0, 1] if self._which == "grid" else [0] if self._which == "tick1" else [1]

    def get_xdata(self):
        return (self._pos,) if self._axis == "x" else self._across()

    def get_ydata(self):
        return (self._pos,) if self._axis == "y" else self._across()

    def get_visible(self):
        return True


class _TickText:
    def __init__(self, axis, pos, text):
        self._axis, self._pos, self._text = axis, pos, text

    def get_text(self):
        return self._text

    def get_position(self):
        return (self._pos, 0.0) if self._axis == "x" else (0.0, self._pos)


def _ticks(ax, axis):
    ax.figure._draw()
    return _P.get_ticks(ax._h, axis)


def _gridlines(ax, axis):
    return [_TickLine(axis, p, "grid") for p in _ticks(ax, axis)[0]]


def _ticklines(ax, axis):
    return [_TickLine(axis, p, w) for p in _ticks(ax, axis)[0] for w in ("tick1", "tick2")]


def _majorlabels(ax, axis):
    pos, labels = _ticks(ax, axis)
    return [_TickText(axis, p, t) for p, t in zip(pos, labels)]


def _minorlabels(ax, axis):
    ax.figure._draw()
    return [_TickText(axis, p, "") for p in _PN.minor_ticks(ax._h, axis)]


def _axis_methods():
    out = {}
    for a in ("x", "y"):
        out["get_%sgridlines" % a] = (lambda a: lambda self: _gridlines(self, a))(a)
        out["get_%sticklines" % a] = (lambda a: lambda self, minor=False: _ticklines(self, a))(a)
        out["get_%smajorticklabels" % a] = (lambda a: lambda self: _majorlabels(self, a))(a)
        out["get_%sminorticklabels" % a] = (lambda a: lambda self: _minorlabels(self, a))(a)
    return out


# ---- adding and removing ----------------------------------------------------------------------
def _remove(self):
    self.figure.delaxes(self)


def _indicate_inset(self, bounds, inset_ax=None, *, transform=None, facecolor="none",
                    edgecolor="0.5", alpha=0.5, zorder=4.99, **kw):
    if transform is not None and getattr(transform, "_coords", "data") != "data":
        raise TypeError("indicate_inset(): numc takes the bounds in data coordinates")
    kw = pp._fix_common(kw)
    x0, y0, w, h = (float(v) for v in bounds)
    self._call("indicate_inset", x0, y0, w, h, inset_ax=inset_ax, facecolor=facecolor,
               edgecolor=edgecolor, alpha=alpha, zorder=zorder, **kw)
    arts = _artists(self)
    return arts[-5], arts[-4:]


def _redraw(self, artist, what):
    """ax.add_line / add_image / add_table: the call that drew artist, made on this axes."""
    e = getattr(artist, "_entry", None)
    if e is None:
        raise TypeError("%s(): numc adds artists made by a plotting call" % what)
    self._call(e[1].split(":", 1)[-1], *e[2], **e[3])
    return artist


def _add_line(self, line):
    if hasattr(line, "xdata") and hasattr(line, "_kw"):   # numc.mpl.lines.Line2D
        self._call("plot", list(line.xdata), list(line.ydata), **line._kw)
        return line
    return _redraw(self, line, "add_line")


def _add_image(self, image):
    return _redraw(self, image, "add_image")


def _add_table(self, tab):
    return _redraw(self, tab, "add_table")


def _add_child_axes(self, ax):
    """The axes ax (of this figure) becomes a child of self: an inset at the same place,
    following self when it moves (its old axes leaves the figure)."""
    if ax.figure is not self.figure:
        raise ValueError("add_child_axes(): the axes must belong to this axes' figure")
    bb = ax.get_position()
    tr = _AxTransform(self, "axes").inverted()
    w, h = _P.pixel_size(self.figure._h)
    (x0, y0), (x1, y1) = tr.transform([(bb.x0 * w, bb.y0 * h), (bb.x1 * w, bb.y1 * h)])
    child = self.inset_axes([x0, y0, x1 - x0, y1 - y0])
    self.figure.delaxes(ax)
    return child


# ---- triangulations ---------------------------------------------------------------------------
def _tri_args(args, kw):
    """matplotlib's (triangulation, ...) or (x, y, [triangles], ...) forms: (x, y,
    triangles, mask, rest)."""
    args = list(args)
    if args and hasattr(args[0], "triangles") and hasattr(args[0], "x"):
        t = args.pop(0)
        return t.x, t.y, t.triangles, getattr(t, "mask", None), args
    x, y = args[0], args[1]
    args = args[2:]
    tri = kw.pop("triangles", None)
    if tri is None and args and pp._seq(args[0]) and len(pp._seq(args[0])) and \
            hasattr(pp._seq(args[0])[0], "__len__") and len(pp._seq(args[0])[0]) == 3:
        tri = args.pop(0)
    return x, y, tri, kw.pop("mask", None), args


def _i32(v):
    import numc
    return None if v is None else numc.asarray(v, dtype="int32")


def _b(v):
    import numc
    return None if v is None else numc.asarray(v, dtype="bool")


def _triplot(self, *args, **kw):
    x, y, tri, mask, rest = _tri_args(args, kw)
    if rest:
        if len(rest) > 1 or not isinstance(rest[0], str):
            raise TypeError("triplot(): one format string after the triangulation")
        kw["fmt"] = rest[0]
    kw = pp._fix_common(kw)
    n0 = len(_PN.artist_kinds(self._h))
    self._call("triplot", x, y, _i32(tri), _b(mask), **kw)
    return _artists(self)[n0:]   # [edges, markers], as matplotlib


def _tripcolor(self, *args, alpha=1.0, norm=None, cmap=None, vmin=None, vmax=None,
               shading="flat", facecolors=None, **kw):
    x, y, tri, mask, rest = _tri_args(args, kw)
    if facecolors is None and len(rest) != 1:
        raise TypeError("tripcolor(): one array of colour values after the triangulation")
    kw = pp._fix_common(dict(kw, alpha=alpha, norm=norm, cmap=cmap, vmin=vmin, vmax=vmax,
                             shading=shading, facecolors=facecolors))
    self._call("tripcolor", x, y, _i32(tri), _b(mask), rest[0] if rest else None, **kw)
    return self._mapped("PolyCollection", cmap=kw.get("cmap"))


def _tricontour_any(self, name, args, kw):
    x, y, tri, mask, rest = _tri_args(args, kw)
    if not rest:
        raise TypeError("%s(): the values z are missing" % name)
    z = rest.pop(0)
    if rest:
        lv = rest.pop(0)
        kw["nlevels" if isinstance(lv, int) else "levels"] = lv
    if rest:
        raise TypeError("%s(): too many positional arguments" % name)
    if isinstance(kw.get("levels"), int):
        kw["nlevels"] = kw.pop("levels")
    for k in ("linewidths", "linestyles", "colors"):
        v = kw.get(k)
        if isinstance(v, (list, tuple)):
            if len(set(map(str, v))) != 1:
                raise TypeError("%s(): numc takes one %s for every level" % (name, k))
            kw[k] = v[0]
    kw = pp._fix_common(kw)
    self._call(name, x, y, _i32(tri), _b(mask), z, **kw)
    return self._mapped("TriContourSet", cmap=kw.get("cmap"))


def _tricontour(self, *args, **kw):
    return _tricontour_any(self, "tricontour", args, kw)


def _tricontourf(self, *args, **kw):
    return _tricontour_any(self, "tricontourf", args, kw)


_AXES = {
    "autoscale": _autoscale, "apply_aspect": _apply_aspect, "get_children": _get_children,
    "get_lines": _get_lines, "get_images": _get_images, "legend": _legend,
    "get_legend": _get_legend, "get_shared_x_axes": _get_shared_x_axes,
    "get_shared_y_axes": _get_shared_y_axes, "set_clip_on": _set_clip_on,
    "get_clip_on": _get_clip_on, "set_snap": _set_snap, "get_snap": _get_snap,
    "set_url": _set_url, "get_url": _get_url, "set_axisbelow": _set_axisbelow,
    "set_fc": Axes.set_facecolor, "margins": _margins, "set_xmargin": _set_xmargin,
    "set_ymargin": _set_ymargin, "get_transform": _get_transform,
    "get_xaxis_transform": _get_xaxis_transform, "get_yaxis_transform": _get_yaxis_transform,
    "get_xaxis_text1_transform": _get_xaxis_text1_transform,
    "get_xaxis_text2_transform": _get_xaxis_text2_transform,
    "get_yaxis_text1_transform": _get_yaxis_text1_transform,
    "get_yaxis_text2_transform": _get_yaxis_text2_transform,
    "get_window_extent": _get_window_extent, "in_axes": _in_axes, "remove": _remove,
    "indicate_inset": _indicate_inset, "add_line": _add_line, "add_image": _add_image,
    "add_table": _add_table, "add_child_axes": _add_child_axes, "triplot": _triplot,
    "tripcolor": _tripcolor, "tricontour": _tricontour, "tricontourf": _tricontourf,
}
_AXES.update(_axis_methods())
for _n, _f in _AXES.items():
    if _f is not Axes.set_facecolor:
        _f.__name__ = _n
    setattr(Axes, _n, _f)


# ---- Figure -----------------------------------------------------------------------------------
def _fig_draw(self, renderer=None):
    self._draw()


def _fig_draw_without_rendering(self):
    self._draw()


def _fig_findobj(self, match=None, include_self=True):
    """The artists of every axes (axes, then drawing order), those of kind match (a plot.h
    kind name such as "line", or a numc.pyplot artist class) or accepted by match (a
    callable)."""
    _fresh(self)
    kind = match if isinstance(match, str) else \
        "line" if match is pp.Line2D or getattr(match, "__name__", "") == "Line2D" else \
        "image" if getattr(match, "__name__", "") == "AxesImage" else None
    if match is not None and kind is None and not callable(match):
        raise TypeError("findobj(): match must be None, a kind, an artist class or a callable")
    out = []
    for cap, i, k in _PN.findobj(self._h, kind):
        ax = _axes_of(self, cap)
        if ax is None:
            continue
        a = _artist(ax, i, k)
        if kind is None and not _matches(match, a):
            continue
        out.append(a)
    if include_self and not isinstance(match, str) and _matches(match, self):
        out.append(self)
    return out


def _matches(match, obj):
    """findobj's match: None, a class (isinstance) or a predicate."""
    if match is None:
        return True
    return isinstance(obj, match) if isinstance(match, type) else bool(match(obj))


def _axes_of(fig, cap):
    """fig's numc.pyplot Axes on the nplot_axes of capsule cap (None: not one of them)."""
    return next((a for a in fig._axes if a._h is not pp._Dead and _PN.same(a._h, cap)), None)


class _FigPatch:
    """The figure's background rectangle among its children."""

    def __init__(self, fig):
        self.figure = fig

    def get_facecolor(self):
        return self.figure.get_facecolor()


def _fig_get_children(self):
    _fresh(self)
    out = []
    for kind, cap in _PN.children(self._h):
        if kind == "patch":
            out.append(_FigPatch(self))
        elif kind == "axes":
            out.append(_axes_of(self, cap) or kind)
        else:
            out.append(kind)
    return out


def _fig_get_window_extent(self, renderer=None):
    w, h = _P.pixel_size(self._h)
    return _more._Bbox((0.0, 0.0, float(w), float(h)))


_FIG_SNAP = {None: 0, True: 1, False: 2}   # plot.h's nplot_snap


def _fig_prop_methods():
    out = {}
    conv = {"alpha": lambda v: None if v is None else float(v), "zorder": float,
            "gid": lambda v: None if v is None else str(v), "label": lambda v: None if v is None else str(v),
            "url": lambda v: None if v is None else str(v),
            "snap": lambda v: _FIG_SNAP[None if v is None else bool(v)]}
    back = {"snap": lambda c: {0: None, 1: True, 2: False}[c]}
    for name in ("alpha", "clip_on", "gid", "in_layout", "label", "rasterized", "snap",
                 "tight_layout", "url", "visible", "zorder"):
        c, b = conv.get(name, bool), back.get(name, lambda v: v)

        def setter(self, value, _n=name, _c=c):
            _set(self, _n, _c(value))

        def getter(self, _n=name, _b=b):
            return _b(_get(self, _n))
        setter.__name__, getter.__name__ = "set_" + name, "get_" + name
        out["set_" + name], out["get_" + name] = setter, getter
    return out


_FIGURE = {"draw": _fig_draw, "draw_without_rendering": _fig_draw_without_rendering,
           "findobj": _fig_findobj, "get_children": _fig_get_children,
           "get_window_extent": _fig_get_window_extent}
_FIGURE.update(_fig_prop_methods())
for _n, _f in _FIGURE.items():
    setattr(Figure, _n, _f)


# ---- pyplot -----------------------------------------------------------------------------------
def autoscale(enable=True, axis="both", tight=None):
    return pp.gca().autoscale(enable, axis, tight)


def box(on=None):
    """plt.box: the current axes' frame (background and spines) on, off, or toggled (None)."""
    ax = pp.gca()
    ax.set_frame_on(not ax.get_frame_on() if on is None else bool(on))


def figimage(*args, **kw):
    return pp.gcf().figimage(*args, **kw)


def findobj(o=None, match=None, include_self=True):
    return (pp.gcf() if o is None else o).findobj(match, include_self)


def _sci_wrapper(fn):
    """plt.imshow / matshow / pcolormesh: the image becomes the figure's current image
    (matplotlib's sci; ax.imshow does not make one current, as there)."""
    def f(*args, **kw):
        m = fn(*args, **kw)
        pp.gcf()._pn_gci = m
        return m
    f.__name__, f.__doc__ = fn.__name__, fn.__doc__
    return f


def set_cmap(cmap):
    """The default colormap (rcParams["image.cmap"]) and the current image's, as matplotlib."""
    name = cmap if isinstance(cmap, str) else cmap.name
    if name not in _P.colormaps():
        raise ValueError("%r is not a known colormap name" % (name,))
    _P.rc_set("image.cmap", name)
    m = getattr(pp._current, "_pn_gci", None)
    if m is not None and m.axes._h is not pp._Dead:
        m._set(cmap=name)
        m.cmap = name


def _cmap_function(name):
    def f():
        set_cmap(name)
    f.__name__ = name
    f.__doc__ = "Set the colormap to %r (rcParams['image.cmap'] and the current image)." % name
    return f


_G = {"autoscale": autoscale, "box": box, "figimage": figimage, "findobj": findobj,
      "set_cmap": set_cmap}
for _n in ("autumn", "bone", "cool", "copper", "flag", "gray", "hot", "hsv", "inferno", "jet",
           "magma", "nipy_spectral", "pink", "plasma", "prism", "spring", "summer", "viridis",
           "winter"):
    _G[_n] = _cmap_function(_n)
for _n in ("arrow", "bar_label", "locator_params", "ticklabel_format", "tricontour",
           "tricontourf", "tripcolor", "triplot"):
    _G[_n] = pp._gca_method(_n)
for _n in ("imshow", "matshow", "pcolormesh"):
    _G[_n] = _sci_wrapper(getattr(pp, _n))
for _n, _f in _G.items():
    setattr(pp, _n, _f)
