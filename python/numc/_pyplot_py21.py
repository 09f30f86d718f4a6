"""numc.pyplot's names for plot.h's issue-21 features, attached to numc.pyplot by the
import at the end of pyplot.py:

- artists after the fact (plot.h "artists after the fact"): what ax.plot / scatter / bar /
  text / annotate ... return has set_data / set_xdata / set_ydata / set_offsets /
  set_color / set_linewidth / set_alpha / set_visible / get_visible / set_zorder /
  set_label / set_text / remove, backed by nplot_artist_*; ax.relim, ax.autoscale_view,
  ax.cla / clear (nplot_cla), fig.delaxes (nplot_fig_delaxes);
- annotations with matplotlib's arrowprops (every arrowstyle / connectionstyle string,
  shrinkA / shrinkB, mutation_scale, relpos, fc / ec / lw), textcoords "offset pixels" /
  "offset fontsize", bbox=dict(boxstyle=..., fc=..., ec=..., alpha=, lw=, ls=),
  rotation_mode and multialignment, for ax.text / fig.text too;
- ax.table / plt.table (nplot_table), savefig's bbox_inches="tight", pad_inches, metadata,
  pil_kwargs={"quality": q}, jpg / ps / eps and file objects, plt.imsave (nplot_imsave);
- subfigures: fig.subfigures, fig.add_subfigure(gs[...]), SubFigure.subplots /
  add_subplot / subfigures / suptitle / supxlabel / supylabel / set_facecolor ...;
- date axes: numc and NumPy datetime64 arrays, datetime.datetime / date lists and scalars
  as x or y (and in set_xlim / set_ylim, axvline ...), with numc.mpl.dates' locators and
  formatters;
- matplotlib's integer markers 0..11 (TICKLEFT ... CARETDOWNBASE) by their numbers.

Every drawing call goes through the figure's call log (pyplot.Figure._replay makes the
nplot_figure again from it). An artist is known by its place among its axes' artists: the
binding counts them around every call (nplot_artist_count), so an edit logged as
"artist i of this axes" replays exactly. Unknown keyword arguments raise TypeError naming
them."""
import os as _os
import sys as _sys

from ._core import _plot as _P
from ._core import _plot2 as _P2

pp = _sys.modules["numc.pyplot"]
_ZERO = 1e-300   # plot.h's NPLOT_ZERO: an explicit 0 where a 0 field means "default"
Axes, Figure, Artist, Line2D = pp.Axes, pp.Figure, pp.Artist, pp.Line2D


# ---- artist bookkeeping -----------------------------------------------------------------------
def _arts(ax):
    a = ax.__dict__.get("_py21_arts")
    if a is None:
        a = ax._py21_arts = []
    return a


_ARTIST_OPS = ("artist_", "relim", "cla")
_orig_fig_call = Figure._call


def _fig_call(self, owner, name, *args, **kw):
    args, kw = _dates_in(owner, name, args, kw)
    track = isinstance(owner, Axes) and not name.startswith(_ARTIST_OPS) and \
        owner._h is not pp._Dead
    n0 = None
    if track:
        try:
            n0 = _P2.artist_count(owner._h)
        except Exception:
            n0 = None
    res = _orig_fig_call(self, owner, name, *args, **kw)
    if n0 is not None:
        n1 = _P2.artist_count(owner._h)
        toks = [object() for _ in range(max(n1 - n0, 0))]
        _arts(owner).extend(toks)
        owner._py21_last = (self._log[-1] if self._log else None, toks)
    return res


Figure._call = _fig_call

_orig_artist_init = Artist.__init__


def _artist_init(self, axes, kind, label=None, **info):
    _orig_artist_init(self, axes, kind, label, **info)
    last = axes.__dict__.get("_py21_last")
    self._toks = list(last[1]) if last is not None and last[0] is self._entry else []


Artist.__init__ = _artist_init


def _index(ax, tok):
    for i, t in enumerate(_arts(ax)):
        if t is tok:
            return i
    raise ValueError("this artist was removed from its axes")


def _artist_op(self, op, *args, first=False):
    toks = self._toks[:1] if first else self._toks
    if not toks:
        raise TypeError("%s.%s(): numc cannot change this artist" % (self._kind, op))
    for t in toks:
        self.axes._call("artist_" + op, _index(self.axes, t), *args)


def _f64(v):
    import numc
    a = numc.asarray(_num_dates(v)[0], dtype="float64").ravel()
    return numc.ascontiguousarray(a)


def _set_data(self, *args):
    x, y = args if len(args) == 2 else args[0]
    fx, fy = _f64(x), _f64(y)
    if fx.size != fy.size:
        raise ValueError("x and y must have same first dimension, but have shapes (%d,) and "
                         "(%d,)" % (fx.size, fy.size))
    _artist_op(self, "set_data", fx, fy, first=True)
    self._xy = (x, y)


def _set_xdata(self, x):
    _set_data(self, x, self.get_ydata())


def _set_ydata(self, y):
    _set_data(self, self.get_xdata(), y)


def _get_xdata(self):
    xy = self.__dict__.get("_xy")
    return xy[0] if xy is not None else self._entry[2][0]


def _get_ydata(self):
    xy = self.__dict__.get("_xy")
    return xy[1] if xy is not None else self._entry[2][1]


def _get_data(self):
    return self.get_xdata(), self.get_ydata()


def _set_offsets(self, offsets):
    rows = offsets.tolist() if hasattr(offsets, "tolist") else [list(p) for p in offsets]
    if any(len(r) != 2 for r in rows):
        raise ValueError("set_offsets(): offsets must be (N, 2)")
    _artist_op(self, "set_data", _f64([r[0] for r in rows]), _f64([r[1] for r in rows]),
               first=True)
    self._offsets = rows


def _color_text(c):
    if isinstance(c, str):
        return c
    if pp._is_color_tuple(c):
        c = list(c)
        return "#" + "".join("%02x" % int(round(v * 255)) for v in c)
    raise ValueError("%r is not a valid color" % (c,))


def _set_color(self, c):
    _artist_op(self, "set_color", _color_text(c))


def _set_linewidth(self, w):
    _artist_op(self, "set_linewidth", float(w))


def _set_alpha(self, a):
    _artist_op(self, "set_alpha", 1.0 if a is None else float(a))


def _set_visible(self, b):
    _artist_op(self, "set_visible", bool(b))


def _get_visible(self):
    if not self._toks:
        return True
    fig = self.axes.figure
    if fig._dirty:
        fig._replay()
    try:
        i = _index(self.axes, self._toks[0])
    except ValueError:
        return False
    return _P2.artist_info(self.axes._h, i)[1]


def _set_zorder(self, z):
    _artist_op(self, "set_zorder", float(z))


def _set_label(self, s):
    self._label = None if s is None else str(s)
    e = self._entry
    if e is not None:
        e[3] = dict(e[3], label=self._label)   # what the Python legend lists
    _artist_op(self, "set_label", self._label, first=True)


def _set_text(self, s):
    self.text = str(s)
    _artist_op(self, "set_text", str(s), first=True)


def _get_text(self):
    return str(self.__dict__.get("text", ""))


def _remove(self):
    toks = list(self._toks)
    _artist_op(self, "remove")
    arts = _arts(self.axes)
    for t in toks:
        arts.remove(t)       # the tokens stay: a later edit says "was removed"
    e = self._entry
    if e is not None and "label" in e[3]:
        e[3] = dict(e[3], label="_removed")


for _name, _fn in (("set_color", _set_color), ("set_linewidth", _set_linewidth),
                   ("set_lw", _set_linewidth), ("set_alpha", _set_alpha),
                   ("set_visible", _set_visible), ("get_visible", _get_visible),
                   ("set_zorder", _set_zorder), ("set_label", _set_label),
                   ("set_text", _set_text), ("get_text", _get_text), ("remove", _remove),
                   ("set_offsets", _set_offsets), ("set_facecolor", _set_color)):
    setattr(Artist, _name, _fn)
for _name, _fn in (("set_data", _set_data), ("set_xdata", _set_xdata),
                   ("set_ydata", _set_ydata), ("get_xdata", _get_xdata),
                   ("get_ydata", _get_ydata), ("get_data", _get_data)):
    setattr(Line2D, _name, _fn)


def _container_remove(self):
    for a in self:
        a.remove()


pp.Container.remove = _container_remove


# ---- axes and figure: relim, cla, delaxes -----------------------------------------------------
def ax_relim(self, visible_only=False):
    """ax.relim(): data limits from the artists the axes has now (nplot_relim)."""
    if visible_only:
        raise TypeError("relim(): visible_only=True is not supported by numc")
    self._call("relim")


def ax_autoscale_view(self, tight=None, scalex=True, scaley=True):
    """ax.autoscale_view(): an autoscaling axis follows its data limits when the figure is
    next drawn (plot.h autoscales at draw time), so this only checks its arguments."""
    if tight not in (None, False):
        raise TypeError("autoscale_view(): tight=True is not supported by numc")
    if not isinstance(scalex, bool) or not isinstance(scaley, bool):
        raise TypeError("autoscale_view(): scalex and scaley are booleans")


def ax_cla(self):
    """ax.cla() / ax.clear(): no artists, titles, labels, limits or scales (nplot_cla);
    the position and sharing stay."""
    self._call("cla")
    self._ticks, self._cats, self._locators, self._mappable = {}, {}, {}, None
    self._py21_arts = []


def fig_delaxes(self, ax):
    """fig.delaxes(ax): the axes leaves the figure (nplot_fig_delaxes)."""
    if ax not in self._axes:
        raise ValueError("delaxes(): the axes is not in this figure")
    _P.call("fig_delaxes", self._h, ax._h)
    self._log.append([self, "_py21:delaxes", (ax,), {}, None])
    self._axes.remove(ax)
    if pp._current_axes.get(id(self)) is ax:
        pp._current_axes.pop(id(self))


Axes.relim = ax_relim
Axes.autoscale_view = ax_autoscale_view
Axes.cla = ax_cla
Axes.clear = ax_cla
Figure.delaxes = fig_delaxes


def delaxes(ax=None):
    ax = ax if ax is not None else pp.gca()
    ax.figure.delaxes(ax)


# ---- text boxes and annotations ---------------------------------------------------------------
def _bbox_kw(kw):
    """bbox=dict(boxstyle=..., fc=, ec=, color=, alpha=, lw=, ls=, pad=) → plot.h's text
    box fields."""
    b = kw.pop("bbox", None)
    if b is None:
        return kw
    if isinstance(b, str):
        kw["bbox"] = b
        return kw
    b = dict(b)
    style = b.pop("boxstyle", None)
    pad = b.pop("pad", None)
    if style is None:         # matplotlib's Text.set_bbox: square, pad 4 points
        fs = kw.get("fontsize") or kw.get("size") or 10.0
        style = "square,pad=%g" % ((4.0 if pad is None else float(pad)) / float(fs))
    elif pad is not None:
        style = "%s,pad=%g" % (style, float(pad))
    kw["bbox"] = style
    col = b.pop("color", None)
    fc = b.pop("facecolor", b.pop("fc", col))
    ec = b.pop("edgecolor", b.pop("ec", col))
    if fc is not None:
        kw["bbox_color"] = "none" if fc == "none" else _color_text(fc)
    if ec is not None:
        kw["bbox_edgecolor"] = "none" if ec == "none" else _color_text(ec)
    for src, dst in (("alpha", "bbox_alpha"), ("linewidth", "bbox_linewidth"),
                     ("lw", "bbox_linewidth"), ("linestyle", "bbox_linestyle"),
                     ("ls", "bbox_linestyle")):
        if src in b:
            kw[dst] = b.pop(src)
    if b:
        raise TypeError("bbox got an unexpected keyword argument '%s'" % next(iter(b)))
    return kw


def _text_common(kw):
    if "ma" in kw:
        kw["multialignment"] = kw.pop("ma")
    if "c" in kw:
        kw["color"] = kw.pop("c")
    if "color" in kw and not isinstance(kw["color"], str):
        kw["color"] = _color_text(kw["color"])
    return _bbox_kw(kw)


_orig_text = Axes.text


def ax_text(self, x, y, s, fontdict=None, **kw):
    kw = _text_common(pp._text_kw(pp._fix_common(dict(kw, fontdict=fontdict))))
    x, y = _num_scalar(x), _num_scalar(y)
    return _orig_text(self, x, y, s, **kw)


_orig_fig_text = Figure.text


def fig_text(self, x, y, s, fontdict=None, **kw):
    kw = _text_common(pp._text_kw(pp._fix_common(dict(kw, fontdict=fontdict))))
    _orig_fig_text(self, x, y, s, **kw)


_COORDS = {"data", "axes fraction", "figure fraction", "offset points", "offset pixels",
           "offset fontsize"}


def ax_annotate(self, text, xy, xytext=None, xycoords="data", textcoords=None,
                arrowprops=None, annotation_clip=None, **kw):
    """ax.annotate with matplotlib's arrowprops (FancyArrowPatch: arrowstyle,
    connectionstyle, shrinkA, shrinkB, mutation_scale, relpos, color / fc / ec / lw; or the
    YAArrow keys without an arrowstyle), bbox=dict(...) and every textcoords numc has."""
    kw = _text_common(pp._text_kw(dict(kw)))
    for name, c in (("xycoords", xycoords), ("textcoords", textcoords)):
        if c is not None and not isinstance(c, str):
            c = {"axes": "axes fraction", "figure": "figure fraction"}.get(c._coords, "data")
        if c is not None:
            if c not in _COORDS:
                raise ValueError("annotate(): %s %r is not supported by numc" % (name, c))
            kw[name] = c
    if arrowprops is not None:
        ap = dict(arrowprops)
        style = ap.pop("arrowstyle", None)
        col = ap.pop("color", None)
        fc = ap.pop("facecolor", ap.pop("fc", None))
        ec = ap.pop("edgecolor", ap.pop("ec", None))
        if style is None:   # matplotlib's YAArrow (width, headwidth, headlength, shrink)
            style = "simple"
            for k in ("width", "headwidth", "headlength", "frac", "shrink"):
                ap.pop(k, None)
        kw["arrowstyle"] = style
        if col is not None:
            kw["arrowcolor"] = _color_text(col)
        if fc is not None:
            kw["arrow_facecolor"] = _color_text(fc)
        if ec is not None:
            kw["arrow_edgecolor"] = _color_text(ec)
        lw = ap.pop("linewidth", ap.pop("lw", None))
        if lw is not None:
            kw["arrow_linewidth"] = lw
        for k in ("connectionstyle", "mutation_scale"):
            if k in ap:
                kw[k] = ap.pop(k)
        for k in ("shrinkA", "shrinkB"):
            if k in ap:
                v = float(ap.pop(k))
                kw[k] = v if v != 0 else _ZERO
        if "relpos" in ap:
            kw["relpos"] = [float(v) for v in ap.pop("relpos")]
        if ap:
            raise TypeError("annotate(): arrowprops got an unexpected keyword argument '%s'"
                            % next(iter(ap)))
    if xytext is not None:
        kw["xytext"] = [_num_scalar(v) for v in xytext]
    x, y = _num_scalar(xy[0]), _num_scalar(xy[1])
    self._call("annotate", str(text), x, y, **kw)
    return Artist(self, "Annotation", text=text)


Axes.text = ax_text
Figure.text = fig_text
Axes.annotate = ax_annotate


# ---- markers 0..11 ----------------------------------------------------------------------------
_INT_MARKERS = ("tickleft", "tickright", "tickup", "tickdown", "caretleft", "caretright",
                "caretup", "caretdown", "caretleftbase", "caretrightbase", "caretupbase",
                "caretdownbase")


def _marker_kw(kw):
    m = kw.get("marker")
    if isinstance(m, int) and not isinstance(m, bool):
        if not 0 <= m < len(_INT_MARKERS):
            raise ValueError("marker %d is not a matplotlib marker" % m)
        kw["marker"] = _INT_MARKERS[m]
    return kw


def _wrap_marker(name):
    orig = getattr(Axes, name)

    def f(self, *args, **kw):
        return orig(self, *args, **_marker_kw(kw))
    f.__name__, f.__doc__ = name, orig.__doc__
    setattr(Axes, name, f)


for _n in ("plot", "scatter", "step", "errorbar"):
    _wrap_marker(_n)


# ---- tables -----------------------------------------------------------------------------------
class Table(Artist):
    """matplotlib.table.Table of ax.table: set_fontsize / auto_set_font_size change the
    call that drew it."""

    def set_fontsize(self, size):
        self._set(fontsize=float(size))

    def auto_set_font_size(self, value=True):
        if value:
            e = self._entry
            e[3] = {k: v for k, v in e[3].items() if k not in ("fontsize", "size")}
            self.axes.figure._dirty = True


def ax_table(self, cellText=None, cellColours=None, cellLoc="right", colWidths=None,
             rowLabels=None, rowColours=None, rowLoc="left", colLabels=None, colColours=None,
             colLoc="center", loc="bottom", bbox=None, edges="closed", **kw):
    """ax.table(cellText=, cellColours=, colLabels=, rowLabels=, colWidths=, loc=, ...):
    matplotlib.table.table drawn by nplot_table."""
    grid = cellText if cellText is not None else cellColours
    if grid is None:
        raise ValueError("table(): at least one of cellText or cellColours must be given")
    grid = grid.tolist() if hasattr(grid, "tolist") else [list(r) for r in grid]
    rows, cols = len(grid), len(grid[0]) if grid else 0
    opts = {}
    if cellText is not None:
        ct = cellText.tolist() if hasattr(cellText, "tolist") else cellText
        if any(len(r) != cols for r in ct):
            raise ValueError("table(): each row in 'cellText' must have %d columns" % cols)
        opts["cellText"] = ["" if v is None else str(v) for r in ct for v in r]
    if cellColours is not None:
        cc = cellColours.tolist() if hasattr(cellColours, "tolist") else cellColours
        opts["cellColours"] = [_color_text(v) for r in cc for v in r]
    for name, v, conv in (("rowLabels", rowLabels, str), ("colLabels", colLabels, str),
                          ("rowColours", rowColours, _color_text),
                          ("colColours", colColours, _color_text)):
        if v is not None:
            opts[name] = [conv(t) for t in v]
    if colWidths is not None:
        opts["colWidths"] = [float(w) for w in colWidths]
    if bbox is not None:
        b = getattr(bbox, "bounds", bbox)
        opts["bbox"] = [float(v) for v in b]
    if "fontsize" in kw:
        opts["fontsize"] = pp._fontsize(kw.pop("fontsize"))
    if kw:
        raise TypeError("table() got an unexpected keyword argument '%s'" % next(iter(kw)))
    self._call("table", rows, cols, cellLoc=cellLoc, rowLoc=rowLoc, colLoc=colLoc, loc=loc,
               edges=edges, **opts)
    return Table(self, "Table")


Axes.table = ax_table


def table(*args, **kw):
    return pp.gca().table(*args, **kw)


# ---- savefig and imsave -----------------------------------------------------------------------
_EXT = {"png", "svg", "pdf", "jpg", "jpeg", "ps", "eps"}


def fig_savefig(self, fname, *, dpi=None, format=None, transparent=False, facecolor=None,
                edgecolor=None, bbox_inches=None, pad_inches=None, metadata=None,
                pil_kwargs=None, orientation=None, papertype=None, backend=None, **kw):
    """fig.savefig: png, svg, pdf, jpg / jpeg, ps, eps (by format= or the extension),
    dpi, transparent, facecolor, edgecolor (the figure frame, 0 wide as matplotlib's
    default), bbox_inches="tight" with pad_inches, metadata, pil_kwargs={"quality": q} for
    JPEG; fname a path or a binary file object."""
    if kw:
        raise TypeError("savefig() got an unexpected keyword argument '%s'" % next(iter(kw)))
    if backend is not None or papertype not in (None, "auto", "letter") or \
            orientation not in (None, "portrait"):
        raise TypeError("savefig(): backend, papertype and orientation='landscape' are not "
                        "supported by numc")
    if bbox_inches not in (None, "tight"):
        raise TypeError("savefig(): bbox_inches must be None or 'tight' in numc")
    if edgecolor is not None and edgecolor != "auto":
        _P.color_parse(_color_text(edgecolor))   # checked: the frame is 0 points wide
    opts = {}
    if bbox_inches == "tight":
        opts["bbox_inches"] = "tight"
        if pad_inches is not None:
            opts["pad_inches"] = float(pad_inches) if pad_inches != 0 else _ZERO
    if pil_kwargs:
        pk = dict(pil_kwargs)
        if "quality" in pk:
            opts["quality"] = int(pk.pop("quality"))
        pk.pop("optimize", None)
        if pk:
            raise TypeError("savefig(): pil_kwargs '%s' is not supported by numc" % next(iter(pk)))
    rc = getattr(_sys.modules.get("numc.mpl"), "rcParams", None)
    if dpi is None and rc is not None and rc["savefig.dpi"] != "figure":
        dpi = rc["savefig.dpi"]
    if dpi == "figure":
        dpi = None
    if isinstance(facecolor, str) and facecolor == "auto":
        facecolor = None
    if facecolor is not None:
        facecolor = _color_text(facecolor)
    fileobj = None
    if hasattr(fname, "write"):
        import tempfile
        fileobj = fname
        fmt = format or "png"
        fd, fname = tempfile.mkstemp(suffix="." + fmt, prefix="numc_savefig_")
        _os.close(fd)
    else:
        fname = _os.fspath(fname)
    if format is not None and format.lower() not in _EXT:
        raise ValueError("Format %r is not supported (supported formats: %s)"
                         % (format, ", ".join(sorted(_EXT))))
    self._finish()
    args = dict(dpi=dpi, format=format, transparent=bool(transparent), facecolor=facecolor,
                **opts)
    try:
        if metadata:
            pairs = []
            for k, v in metadata.items():
                if v is not None:
                    pairs += [str(k), str(v)]
            if len(pairs) > 64:
                raise ValueError("savefig(): numc takes at most 32 metadata entries")
            _P.call("savefig_meta", self._h, fname, pairs, **args)
        else:
            _P.call("savefig", self._h, fname, **args)
        if fileobj is not None:
            with open(fname, "rb") as f:
                fileobj.write(f.read())
    finally:
        if fileobj is not None:
            _os.unlink(fname)
    if fileobj is None:
        self._last_saved = fname if (format or _os.path.splitext(fname)[1]) else fname + ".png"
        pp._last_saved = self._last_saved


Figure.savefig = fig_savefig


def imsave(fname, arr, vmin=None, vmax=None, cmap=None, format=None, origin=None, dpi=100,
           *, metadata=None, pil_kwargs=None):
    """matplotlib.pyplot.imsave: one pixel per element, 2-D data through Normalize(vmin,
    vmax) and cmap, (h, w, 3|4) colors as they are; PNG or JPEG (nplot_imsave)."""
    if metadata:
        raise TypeError("imsave(): metadata is not supported by numc")
    opts = {}
    if pil_kwargs:
        pk = dict(pil_kwargs)
        if "quality" in pk:
            opts["quality"] = int(pk.pop("quality"))
        if pk:
            raise TypeError("imsave(): pil_kwargs '%s' is not supported by numc" % next(iter(pk)))
    nan = float("nan")
    if vmin is not None or vmax is not None:
        opts["vmin"] = nan if vmin is None else float(vmin)
        opts["vmax"] = nan if vmax is None else float(vmax)
    cmap = pp._cmap_name(cmap)
    if hasattr(fname, "write"):
        raise TypeError("imsave(): numc writes to a path, not a file object")
    _P.call("imsave", _os.fspath(fname), arr, cmap=cmap, format=format, origin=origin,
            dpi=float(dpi or 100), **opts)


from . import _pyplot_py21b as _b  # noqa: E402  (subfigures, dates)

_dates_in, _num_dates, _num_scalar = _b._dates_in, _b._num_dates, _b._num_scalar


# ---- pyplot functions -------------------------------------------------------------------------
pp.table = table
pp.imsave = imsave
pp.delaxes = delaxes
