"""numc.pyplot's names for three plot.h sections (issue 21), attached to numc.pyplot's Axes
and Figure by the import at the end of pyplot.py:

- "Axes properties: getters and setters": ax.set_/get_alpha, anchor, aspect (+ adjustable,
  anchor), adjustable, box_aspect, autoscale(x/y)_on, frame_on, gid, label, in_layout,
  rasterized, rasterization_zorder, visible, zorder, get_axisbelow, get_facecolor,
  get_title / get_xlabel / get_ylabel, set_/get_xbound / ybound, get_xscale / yscale,
  get_legend_handles_labels, get_data_ratio, has_data, x/yaxis_inverted, set_position /
  get_position(original=) / reset_position, contains_point, update_datalim;
- "Axes: inset axes, arrows, ...": ax.inset_axes, ax.indicate_inset_zoom, ax.arrow,
  ax.ticklabel_format, ax.locator_params, ax.get_tightbbox;
- "Figure properties, ...": fig.set_/get_facecolor, edgecolor, linewidth, frameon,
  figwidth, figheight, fig.clear, fig.figimage, fig.align_labels / align_xlabels /
  align_ylabels, fig.autofmt_xdate, fig.get_tightbbox.

Setters go through the figure's call log as "_p4:" entries (replayed by the hook below), so
a figure made again from its calls keeps them. Keyword arguments numc does not have raise
TypeError naming them."""
import sys as _sys

from ._core import _plot as _P
from ._core import _plot4 as _P4
from . import _pyplot_more as _more

pp = _sys.modules["numc.pyplot"]
Axes, Figure = pp.Axes, pp.Figure
_ZERO = 1e-300   # plot.h's NPLOT_ZERO: an explicit 0 where 0 means "default"
_ON, _OFF = 1, -1


# ---- the call log -----------------------------------------------------------------------------
def _do(owner, name, *args, res=None):
    """Run one setter now and log it for the replay."""
    fig = owner if isinstance(owner, Figure) else owner.figure
    if owner._h is pp._Dead:
        raise RuntimeError("this axes was removed by clf(): make a new one")
    try:
        if name == "inset_axes":
            r = _P4.inset_axes(owner._h, *args)
        elif name == "bxp":
            r = _P4.bxp(owner._h, *args)
        elif isinstance(owner, Figure):
            r = _P4.fig_do(name, owner._h, *_handles_of(args))
        else:
            r = _P4.ax_do(name, owner._h, *_handles_of(args))
    except Exception:
        if _P.status(fig._h)[0] != 0:
            fig._replay()
        raise
    fig._log.append([owner, "_p4:" + name, args, {}, res])
    return r


def _handles_of(args):
    return tuple(a._h if isinstance(a, Axes) else
                 [x._h for x in a] if isinstance(a, list) and a and isinstance(a[0], Axes)
                 else a for a in args)


_orig_replay = _more.replay


def _replay(fig, owner, name, args, kw, res):
    if not name.startswith("_p4:"):
        return _orig_replay(fig, owner, name, args, kw, res)
    name = name[4:]
    if owner._h is pp._Dead:
        return True
    if name == "inset_axes":
        res._h = _P4.inset_axes(owner._h, *args)
    elif name == "subfig_mosaic":
        for ax, (lab, h) in zip(res, _P.mosaic(owner._h, *args, **kw)):
            ax._h = h
    elif name == "bxp":
        _P4.bxp(owner._h, *args)
    elif isinstance(owner, Figure):
        _P4.fig_do(name, owner._h, *_handles_of(args))
    else:
        _P4.ax_do(name, owner._h, *_handles_of(args))
    return True


_more.replay = _replay


def _fresh(fig):
    if fig._dirty:
        fig._replay()


def _get(ax, name, *args):
    _fresh(ax.figure)
    return _P4.ax_get(name, ax._h, *args)


def _fget(fig, name):
    _fresh(fig)
    return _P4.fig_get(name, fig._h)


def _color_text(c):
    if isinstance(c, str):
        return c
    c = tuple(c)
    if len(c) == 4:
        return "#%02x%02x%02x%02x" % tuple(int(round(v * 255)) for v in c)
    return "#%02x%02x%02x" % tuple(int(round(v * 255)) for v in c[:3])


def _unknown(fn, kw):
    if kw:
        raise TypeError("%s() got an unexpected keyword argument '%s'" % (fn, next(iter(kw))))


# ---- Axes properties --------------------------------------------------------------------------
def _set_alpha(self, alpha):
    _do(self, "alpha", float("nan") if alpha is None else float(alpha))


def _get_alpha(self):
    return _get(self, "alpha")


_ANCHORS = ("C", "SW", "S", "SE", "E", "NE", "N", "NW", "W")


def _set_anchor(self, anchor, share=False):
    if share:
        raise TypeError("set_anchor(): share=True is not supported by numc")
    if isinstance(anchor, str):
        if anchor not in _ANCHORS:
            raise ValueError("argument must be among %s" % ", ".join(_ANCHORS))
        _do(self, "anchor", anchor)
    else:
        fx, fy = anchor
        _do(self, "anchor_xy", float(fx), float(fy))


def _get_anchor(self):
    code, fx, fy = _get(self, "anchor")
    return code if code else (fx, fy)


def _set_aspect(self, aspect, adjustable=None, anchor=None, share=False):
    if share:
        raise TypeError("set_aspect(): share=True is not supported by numc")
    if aspect == "equal":
        a = 1.0
    elif aspect == "auto":
        a = 0.0
    else:
        a = float(aspect)
        if not a > 0 or a == float("inf"):
            raise ValueError("aspect must be finite and positive ")
    _do(self, "aspect", a)
    if adjustable is not None:
        self.set_adjustable(adjustable)
    if anchor is not None:
        self.set_anchor(anchor)


def _get_aspect(self):
    a = _get(self, "aspect")
    return "auto" if a == 0 else a


def _set_adjustable(self, adjustable, share=False):
    if share:
        raise TypeError("set_adjustable(): share=True is not supported by numc")
    if adjustable not in ("box", "datalim"):
        raise ValueError("%r is not a valid value for adjustable; supported values are "
                         "'box', 'datalim'" % (adjustable,))
    _do(self, "adjustable", adjustable)


def _get_adjustable(self):
    return _get(self, "adjustable")


def _set_box_aspect(self, aspect=None):
    _do(self, "box_aspect", 0.0 if aspect is None else float(aspect))


def _get_box_aspect(self):
    a = _get(self, "box_aspect")
    return None if a == 0 else a


def _bool_prop(cname):
    def setter(self, b):
        _do(self, cname, bool(b))

    def getter(self):
        return _get(self, cname)
    return setter, getter


def _attach_bools():
    for py, c in (("autoscale_on", "autoscale_on"), ("autoscalex_on", "autoscalex_on"),
                  ("autoscaley_on", "autoscaley_on"), ("frame_on", "frame_on"),
                  ("in_layout", "in_layout"), ("rasterized", "rasterized")):
        s, g = _bool_prop(c)
        s.__name__, g.__name__ = "set_" + py, "get_" + py
        setattr(Axes, "set_" + py, s)
        setattr(Axes, "get_" + py, g)


_attach_bools()


def _set_gid(self, gid):
    _do(self, "gid", gid)


def _get_gid(self):
    return _get(self, "gid")


def _set_label(self, s):
    _do(self, "label", None if s is None else str(s))


def _get_label(self):
    r = _get(self, "label")
    return "" if r is None else r


def _set_rasterization_zorder(self, z):
    _do(self, "rasterization_zorder", float("nan") if z is None else float(z))


def _get_rasterization_zorder(self):
    return _get(self, "rasterization_zorder")


def _set_visible(self, b):
    _do(self, "visible", bool(b))


def _get_visible(self):
    return _get(self, "visible")


def _set_zorder(self, z):
    _do(self, "zorder", float(z))


def _get_zorder(self):
    return _get(self, "zorder")


def _get_axisbelow(self):
    v = _get(self, "axisbelow")
    return "line" if v not in (_ON, _OFF) else v == _ON


def _get_facecolor(self):
    return _get(self, "facecolor")


def _get_title(self, loc="center"):
    return _get(self, "title", loc)


def _get_xlabel(self):
    return _get(self, "xlabel") or ""


def _get_ylabel(self):
    return _get(self, "ylabel") or ""


def _get_xscale(self):
    return _get(self, "xscale")


def _get_yscale(self):
    return _get(self, "yscale")


def _bound(self, axis, lower, upper):
    if upper is None and isinstance(lower, (tuple, list)):
        lower, upper = lower
    nan = float("nan")
    _do(self, axis + "bound", nan if lower is None else float(lower),
        nan if upper is None else float(upper))


def _set_xbound(self, lower=None, upper=None):
    _bound(self, "x", lower, upper)


def _set_ybound(self, lower=None, upper=None):
    _bound(self, "y", lower, upper)


def _get_xbound(self):
    return _get(self, "xbound")


def _get_ybound(self):
    return _get(self, "ybound")


def _xaxis_inverted(self):
    return _get(self, "xaxis_inverted")


def _yaxis_inverted(self):
    return _get(self, "yaxis_inverted")


def _get_data_ratio(self):
    return _get(self, "data_ratio")


def _has_data(self):
    return _get(self, "has_data")


def _get_legend_handles_labels(self, legend_handler_map=None):
    if legend_handler_map is not None:
        raise TypeError("get_legend_handles_labels(): legend_handler_map is not supported "
                        "by numc")
    pairs = _get(self, "legend_labels")
    return [_ArtistRef(self, i, lab) for i, lab in pairs], [lab for _, lab in pairs]


class _ArtistRef:
    """A legend handle of get_legend_handles_labels: the artist's index on its axes."""

    def __init__(self, axes, index, label):
        self.axes, self.index, self._label = axes, index, label

    def get_label(self):
        return self._label

    def __repr__(self):
        return "<artist %d of its axes: %r>" % (self.index, self._label)


def _set_position(self, pos, which="both"):
    if which not in ("both", "active", "original"):
        raise ValueError("which must be 'both', 'active' or 'original'")
    b = pos.bounds if hasattr(pos, "bounds") else tuple(float(v) for v in pos)
    _do(self, "position", tuple(float(v) for v in b), which)


def _get_position(self, original=False):
    """The original box is the cell (or set_position's rectangle); the active one differs
    from it only under a fixed aspect or box aspect (shrunk and anchored in the cell), so
    only then is it read (plot.h's active box is measured on the drawn pixel grid)."""
    fig = self.figure
    fig._draw()
    if original or (_P4.ax_get("aspect", self._h) == 0
                    and _P4.ax_get("box_aspect", self._h) == 0):
        return _more._Bbox(_P.position(self._h))
    return _more._Bbox(_P4.ax_get("active_position", self._h))


def _reset_position(self):
    _do(self, "reset_position")


def _contains_point(self, point, radius=None):
    if radius is not None:
        raise TypeError("contains_point(): radius is not supported by numc")
    self.figure._finish()
    return _P4.ax_get("contains_point", self._h, None, float(point[0]), float(point[1]))


def _update_datalim(self, xys, updatex=True, updatey=True):
    if not (updatex and updatey):
        raise TypeError("update_datalim(): numc updates both x and y")
    pts = [(float(p[0]), float(p[1])) for p in (xys.tolist() if hasattr(xys, "tolist") else xys)]
    _do(self, "update_datalim", [p[0] for p in pts], [p[1] for p in pts])


# ---- inset axes, arrows, ticklabel_format, locator_params, tight boxes ------------------------
def _inset_axes(self, bounds, *, transform=None, zorder=5, **kw):
    _unknown("inset_axes", kw)
    if zorder != 5:
        raise TypeError("inset_axes(): numc draws inset axes at matplotlib's zorder 5 only")
    if transform is None or transform is self.transAxes:
        tr = None
    elif transform is self.transData:
        tr = "data"
    else:
        raise TypeError("inset_axes(): transform must be ax.transAxes or ax.transData")
    x0, y0, w, h = (float(v) for v in bounds)
    fig = self.figure
    ax = Axes(fig, None)
    ax._h = _do(self, "inset_axes", x0, y0, w, h, tr, res=ax)
    self.__dict__.setdefault("child_axes", []).append(ax)   # matplotlib: not in fig.axes
    return ax


def _indicate_inset_zoom(self, inset_ax, **kw):
    _unknown("indicate_inset_zoom", kw)
    _do(self, "indicate_inset_zoom", inset_ax)
    return None


_ARROW_KW = {"fc": "facecolor", "ec": "edgecolor", "lw": "linewidth"}


def _arrow(self, x, y, dx, dy, *, width=0.001, length_includes_head=False, head_width=None,
           head_length=None, shape="full", overhang=0, head_starts_at_zero=False, color=None,
           facecolor=None, edgecolor=None, linewidth=None, alpha=None, zorder=None, label=None,
           **kw):
    for k in list(kw):
        if k in _ARROW_KW:
            v = kw.pop(k)
            if _ARROW_KW[k] == "facecolor":
                facecolor = v
            elif _ARROW_KW[k] == "edgecolor":
                edgecolor = v
            else:
                linewidth = v
    _unknown("arrow", kw)
    if shape not in ("full", "left", "right"):
        raise ValueError("Got unknown shape: %r" % (shape,))
    c = lambda v: None if v is None else _color_text(v)   # noqa: E731
    z = lambda v: 0.0 if v is None else (_ZERO if v == 0 else float(v))   # noqa: E731
    _do(self, "arrow", float(x), float(y), float(dx), float(dy), z(width), z(head_width),
        z(head_length), bool(length_includes_head), shape, float(overhang),
        bool(head_starts_at_zero), c(color), c(facecolor), c(edgecolor), z(linewidth),
        z(alpha) if alpha is not None else 0.0, z(zorder), None if label is None else str(label))
    return pp.Artist(self, "FancyArrow", label)


def _ticklabel_format(self, *, axis="both", style="", scilimits=None, useOffset=None,
                      useLocale=None, useMathText=None):
    if axis not in ("x", "y", "both"):
        raise ValueError("axis must be 'x', 'y' or 'both'")
    if style not in ("", "sci", "scientific", "plain"):
        raise ValueError("%r is not a valid value for style" % (style,))
    sl = scilimits is not None
    m, n = (int(scilimits[0]), int(scilimits[1])) if sl else (0, 0)
    uo, off_set, off = 0, False, 0.0
    if isinstance(useOffset, bool):
        uo = _ON if useOffset else _OFF
    elif useOffset is not None:
        off_set, off = True, float(useOffset)
    mt = 0 if useMathText is None else (_ON if useMathText else _OFF)
    _do(self, "ticklabel_format", axis, style or None, sl, m, n, uo, off_set, off, mt)


def _locator_params(self, axis="both", tight=None, *, nbins=None, steps=None,
                    min_n_ticks=None, prune=None, symmetric=None, **kw):
    _unknown("locator_params", kw)
    if axis not in ("x", "y", "both"):
        raise ValueError("axis must be 'x', 'y' or 'both'")
    nb = 0 if nbins is None else (-1 if nbins == "auto" else int(nbins))
    tri = lambda v: 0 if v is None else (_ON if v else _OFF)   # noqa: E731
    _do(self, "locator_params", axis, tri(tight), nb, None if steps is None else
        [float(s) for s in steps], 0 if min_n_ticks is None else int(min_n_ticks),
        prune, tri(symmetric))


def _bxp(self, bxpstats, positions=None, widths=None, vert=True, patch_artist=False,
         shownotches=False, showmeans=False, showcaps=True, showbox=True, showfliers=True,
         boxprops=None, whiskerprops=None, flierprops=None, medianprops=None, capprops=None,
         meanprops=None, meanline=False, manage_ticks=True, zorder=None, capwidths=None):
    """ax.bxp(stats): boxes from cbook.boxplot_stats-style dicts (med, q1, q3, whislo,
    whishi; mean with showmeans, cilo / cihi with shownotches, fliers, label)."""
    rest = dict(showcaps=(showcaps, True), showbox=(showbox, True),
                boxprops=(boxprops, None), whiskerprops=(whiskerprops, None),
                flierprops=(flierprops, None), medianprops=(medianprops, None),
                capprops=(capprops, None), meanprops=(meanprops, None),
                meanline=(meanline, False), manage_ticks=(manage_ticks, True),
                zorder=(zorder, None), capwidths=(capwidths, None))
    for k, (v, d) in rest.items():
        if v is not d and v != d:
            raise TypeError("bxp(): %s is not supported by numc" % k)
    nan = float("nan")
    stats = []
    for s in bxpstats:
        try:
            t = tuple(float(s[k]) for k in ("med", "q1", "q3", "whislo", "whishi"))
        except KeyError as e:
            raise KeyError("bxp(): every box needs %s" % e) from None
        fl = s.get("fliers")
        stats.append(t + (float(s.get("mean", nan)), float(s.get("cilo", nan)),
                          float(s.get("cihi", nan)),
                          None if fl is None else [float(v) for v in pp._seq(fl)],
                          None if s.get("label") is None else str(s["label"])))
    w, we = 0.0, None
    if widths is not None:
        if isinstance(widths, (int, float)):
            w = float(widths)
        else:
            we = [float(v) for v in widths]
    _do(self, "bxp", stats, None if positions is None else [float(v) for v in positions],
        w, we, 1 if vert else -1, 1 if showfliers else -1, bool(showmeans),
        bool(patch_artist), bool(shownotches))
    return {"boxes": [pp.Artist(self, "PathPatch")]}   # as numc's ax.boxplot


def _bbox_xyxy(b):
    return _more._Bbox((b[0], b[1], b[2] - b[0], b[3] - b[1]))


def _ax_get_tightbbox(self, renderer=None, call_axes_locator=True, bbox_extra_artists=None,
                      *, for_layout_only=False):
    if bbox_extra_artists is not None or for_layout_only:
        raise TypeError("get_tightbbox(): bbox_extra_artists and for_layout_only are not "
                        "supported by numc")
    self.figure._finish()
    return _bbox_xyxy(_P4.ax_get("tightbbox", self._h))


_AXES_METHODS = {
    "set_alpha": _set_alpha, "get_alpha": _get_alpha, "set_anchor": _set_anchor,
    "get_anchor": _get_anchor, "set_aspect": _set_aspect, "get_aspect": _get_aspect,
    "set_adjustable": _set_adjustable, "get_adjustable": _get_adjustable,
    "set_box_aspect": _set_box_aspect, "get_box_aspect": _get_box_aspect,
    "set_gid": _set_gid, "get_gid": _get_gid, "set_label": _set_label, "get_label": _get_label,
    "set_rasterization_zorder": _set_rasterization_zorder,
    "get_rasterization_zorder": _get_rasterization_zorder,
    "set_visible": _set_visible, "get_visible": _get_visible,
    "set_zorder": _set_zorder, "get_zorder": _get_zorder, "get_axisbelow": _get_axisbelow,
    "get_facecolor": _get_facecolor, "get_fc": _get_facecolor, "get_title": _get_title,
    "get_xlabel": _get_xlabel, "get_ylabel": _get_ylabel, "get_xscale": _get_xscale,
    "get_yscale": _get_yscale, "set_xbound": _set_xbound, "set_ybound": _set_ybound,
    "get_xbound": _get_xbound, "get_ybound": _get_ybound, "xaxis_inverted": _xaxis_inverted,
    "yaxis_inverted": _yaxis_inverted, "get_data_ratio": _get_data_ratio,
    "has_data": _has_data, "get_legend_handles_labels": _get_legend_handles_labels,
    "set_position": _set_position, "get_position": _get_position,
    "reset_position": _reset_position, "contains_point": _contains_point,
    "update_datalim": _update_datalim, "inset_axes": _inset_axes,
    "indicate_inset_zoom": _indicate_inset_zoom, "arrow": _arrow,
    "ticklabel_format": _ticklabel_format, "locator_params": _locator_params,
    "get_tightbbox": _ax_get_tightbbox, "bxp": _bxp,
}
for _n, _f in _AXES_METHODS.items():
    _f.__name__ = _n
    setattr(Axes, _n, _f)


# ---- Figure properties, figure images, label alignment ----------------------------------------
def _fig_set_facecolor(self, color):
    _do(self, "facecolor", _color_text(color))


def _fig_get_facecolor(self):
    return _fget(self, "facecolor")


def _fig_set_edgecolor(self, color):
    _do(self, "edgecolor", _color_text(color))


def _fig_get_edgecolor(self):
    return _fget(self, "edgecolor")


def _fig_set_linewidth(self, lw):
    _do(self, "linewidth", float(lw))


def _fig_get_linewidth(self):
    return _fget(self, "linewidth")


def _fig_set_frameon(self, b):
    _do(self, "frameon", bool(b))


def _fig_get_frameon(self):
    return _fget(self, "frameon")


def _fig_set_figwidth(self, val, forward=True):
    _do(self, "figwidth", float(val))
    self._opts["width"] = float(val)


def _fig_set_figheight(self, val, forward=True):
    _do(self, "figheight", float(val))
    self._opts["height"] = float(val)


def _fig_get_figwidth(self):
    return _fget(self, "figwidth")


def _fig_get_figheight(self):
    return _fget(self, "figheight")


def _fig_get_size_inches(self):
    return _fget(self, "size_inches")


def _fig_clear(self, keep_observers=False):
    self.clf(keep_observers)


def _fig_figimage(self, X, xo=0, yo=0, alpha=None, norm=None, cmap=None, vmin=None, vmax=None,
                  origin=None, resize=False, **kw):
    _unknown("figimage", kw)
    if norm is not None:
        raise TypeError("figimage(): norm is not supported by numc (give vmin / vmax)")
    if origin not in (None, "upper", "lower"):
        raise ValueError("origin must be 'upper' or 'lower'")
    a = 0.0 if alpha is None else (_ZERO if alpha == 0 else float(alpha))
    v0 = 0.0 if vmin is None else float(vmin)
    v1 = 0.0 if vmax is None else float(vmax)
    if (vmin is None) != (vmax is None) or (vmin is not None and v0 == v1):
        raise TypeError("figimage(): numc takes vmin and vmax together (different values)")
    self._keep.append(X)
    _do(self, "figimage", X, float(xo), float(yo), origin, pp._cmap_name(cmap), v0, v1, a,
        bool(resize))
    return pp.Artist(self._axes[0], "FigureImage") if self._axes else None


def _align(name):
    def f(self, axs=None):
        hs = None if axs is None else [a for a in (axs.ravel().tolist() if hasattr(axs, "ravel")
                                                   else list(axs))]
        _do(self, name, hs)
    f.__name__ = name
    return f


def _fig_autofmt_xdate(self, bottom=0.2, rotation=30, ha="right", which="major"):
    if ha not in ("left", "center", "right"):
        raise ValueError("ha must be 'left', 'center' or 'right'")
    if which not in ("major", "minor", "both"):
        raise ValueError("which must be 'major', 'minor' or 'both'")
    _do(self, "autofmt_xdate", float(bottom) or _ZERO, float(rotation) or _ZERO, ha, which)


def _fig_get_tightbbox(self, renderer=None, bbox_extra_artists=None):
    if bbox_extra_artists is not None:
        raise TypeError("get_tightbbox(): bbox_extra_artists is not supported by numc")
    self._finish()
    return _bbox_xyxy(_P4.fig_get("tightbbox", self._h))


_FIG_METHODS = {
    "set_facecolor": _fig_set_facecolor, "get_facecolor": _fig_get_facecolor,
    "set_edgecolor": _fig_set_edgecolor, "get_edgecolor": _fig_get_edgecolor,
    "set_linewidth": _fig_set_linewidth, "get_linewidth": _fig_get_linewidth,
    "set_frameon": _fig_set_frameon, "get_frameon": _fig_get_frameon,
    "set_figwidth": _fig_set_figwidth, "set_figheight": _fig_set_figheight,
    "get_figwidth": _fig_get_figwidth, "get_figheight": _fig_get_figheight,
    "get_size_inches": _fig_get_size_inches, "clear": _fig_clear, "figimage": _fig_figimage,
    "align_labels": _align("align_labels"), "align_xlabels": _align("align_xlabels"),
    "align_ylabels": _align("align_ylabels"), "autofmt_xdate": _fig_autofmt_xdate,
    "get_tightbbox": _fig_get_tightbbox,
}
for _n, _f in _FIG_METHODS.items():
    _f.__name__ = _n
    setattr(Figure, _n, _f)


# ---- subfig.legend (plot.h "constrained layout": nplot_subfig_legend) -------------------------
def _subfig_legend(self, *args, labels=None, **kw):
    """subfig.legend(): a legend of the labelled artists of the subfigure's axes, placed
    against the subfigure's box; subfig.legend(labels) renames them."""
    from .mpl.legend import Legend
    if args:
        if len(args) == 1 and all(isinstance(t, str) for t in args[0]):
            labels = args[0]
        else:
            raise TypeError("SubFigure.legend(): numc lists the labelled artists (handles are "
                            "not supported)")
    if "handles" in kw:
        raise TypeError("SubFigure.legend(): numc lists the labelled artists (handles are "
                        "not supported)")
    kw = _more._legend_kw(kw)
    texts = _more._labelled(self.figure, self._axes)
    if labels is not None:
        kw["labels"] = [str(t) for t in labels]
        texts = list(kw["labels"])
    self._call("subfig_legend", **kw)
    return Legend(self.figure, texts, figure_legend=True)


def _subfig_subplot_mosaic(self, mosaic, *, sharex=False, sharey=False, width_ratios=None,
                           height_ratios=None, empty_sentinel=".", subplot_kw=None,
                           gridspec_kw=None):
    """subfig.subplot_mosaic(layout): as fig.subplot_mosaic, inside the subfigure (its box
    and subplot params): a dict label -> Axes."""
    kw = _more._mosaic_kw(sharex, sharey, width_ratios, height_ratios, empty_sentinel,
                          subplot_kw, gridspec_kw)
    layout = _more._layout_text(mosaic)
    fig = self.figure
    pairs = _P.mosaic(self._h, layout, **kw)
    out, items = {}, []
    for lab, h in pairs:
        ax = Axes(fig, h)
        fig._axes.append(ax)
        self._axes.append(ax)
        items.append(ax)
        out[lab] = ax
    if items:
        pp._current_axes[id(fig)] = items[-1]
    fig._log.append([self, "_p4:subfig_mosaic", (layout,), kw, items])
    return out


def _attach_subfig():
    from . import _pyplot_py21b as _b
    _b.SubFigure.legend = _subfig_legend
    _b.SubFigure.subplot_mosaic = _subfig_subplot_mosaic


_attach_subfig()
