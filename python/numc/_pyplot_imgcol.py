"""numc.pyplot's names for plot.h's "current image (gci/sci/clim), pcolorfast, violin from
statistics, collections, prop cycles" section: plt.gci / plt.sci / plt.clim,
ScalarMappable.set_clim / get_clim, Axes.pcolorfast, Axes.violin, Axes.add_collection (of
numc.mpl.collections' LineCollection / PolyCollection) and Axes.set_prop_cycle (with cycler
objects), attached by the import at the imgcol anchor of pyplot.py.

Calls that change the figure go through its call log as "_ic:" entries (replayed by the
hook below), so a figure made again from its calls keeps them. Keyword arguments numc does
not have raise TypeError naming them."""
import math as _math
import sys as _sys

from ._core import _imgcol as _IC
from ._core import _plot as _P
from ._core import _plot2 as _P2
from . import _pyplot_more as _more
from . import _pyplot_py21 as _py21

pp = _sys.modules["numc.pyplot"]
Axes, Figure, ScalarMappable, Artist = pp.Axes, pp.Figure, pp.ScalarMappable, pp.Artist


# ---- the call log -----------------------------------------------------------------------------
def _run(ax, name, args):
    if name == "add_container":
        return _run_container(ax, *args)
    if name == "set_clim":
        tok, lo, hi = args
        return _IC.ax_do(name, ax._h, _py21._index(ax, tok), lo, hi)
    return _IC.ax_do(name, ax._h, *args)


def _do(ax, name, *args):
    """Run one call now, log it for the replay; the artists it adds get tokens (as the
    calls through Figure._call do), returned with the call's result."""
    fig = ax.figure
    if ax._h is pp._Dead:
        raise RuntimeError("this axes was removed by clf(): make a new one")
    n0 = _P2.artist_count(ax._h)
    try:
        r = _run(ax, name, args)
    except Exception:
        if _P.status(fig._h)[0] != 0:
            fig._replay()
        raise
    toks = [object() for _ in range(max(_P2.artist_count(ax._h) - n0, 0))]
    _py21._arts(ax).extend(toks)
    fig._log.append([ax, "_ic:" + name, args, {}, None])
    return r, toks


_orig_replay = _more.replay


def _replay(fig, owner, name, args, kw, res):
    if not name.startswith("_ic:"):
        return _orig_replay(fig, owner, name, args, kw, res)
    if owner._h is not pp._Dead:
        _run(owner, name[4:], args)
    return True


_more.replay = _replay


def _unknown(fn, kw):
    if kw:
        raise TypeError("%s() got an unexpected keyword argument '%s'" % (fn, next(iter(kw))))


def _nan(v):
    return _math.nan if v is None else float(v)


# ---- set_clim / get_clim ------------------------------------------------------------------------
def _mappable_tok(m):
    toks = m.__dict__.get("_toks") or []
    if not toks:
        raise TypeError("%s: numc cannot colour this artist again" % m._kind)
    return toks[0]


def sm_set_clim(self, vmin=None, vmax=None):
    """ScalarMappable.set_clim(vmin, vmax) or set_clim((vmin, vmax)): None leaves a limit."""
    if vmax is None and isinstance(vmin, (tuple, list)):
        vmin, vmax = vmin
    _do(self.axes, "set_clim", _mappable_tok(self), _nan(vmin), _nan(vmax))


def sm_get_clim(self):
    return _IC.ax_get("clim", self.axes._h, _py21._index(self.axes, _mappable_tok(self)))


ScalarMappable.set_clim = sm_set_clim
ScalarMappable.get_clim = sm_get_clim


# ---- gci / sci / clim ---------------------------------------------------------------------------
def _axes_gci(ax):
    newest = ax.__dict__.get("_mappable")
    cur = ax.__dict__.get("_ic_cur")
    # sci's image stays current until a mappable is made after it (pyplot makes each current)
    if cur is not None and newest is cur[1]:
        return cur[0]
    return newest


def fig_gci(self):
    """Figure._gci: the current axes' current image, else the latest axes' that has one."""
    if not self._axes:
        return None
    im = _axes_gci(self.gca())
    if im is None:
        for ax in reversed(self._axes):
            im = _axes_gci(ax)
            if im is not None:
                break
    return im


Figure._gci = fig_gci


def gci():
    return pp.gcf()._gci()


def sci(im):
    from .mpl.collections import Collection
    ax = pp.gca()
    if not isinstance(im, (ScalarMappable, Collection)):
        raise TypeError("'im' must be an instance of ContourSet, Collection or AxesImage, not "
                        "a %s" % getattr(im, "_kind", type(im).__name__))
    if im.axes is not ax:
        raise ValueError("Argument must be an image, collection, or ContourSet in this Axes")
    ax._ic_cur = (im, ax.__dict__.get("_mappable"))


def clim(vmin=None, vmax=None):
    im = gci()
    if im is None:
        raise RuntimeError("You must first define an image, e.g., with imshow")
    im.set_clim(vmin, vmax)


# ---- set_prop_cycle -----------------------------------------------------------------------------
_ALIASES = {"color": "color", "c": "color", "linestyle": "linestyle", "ls": "linestyle",
            "marker": "marker", "linewidth": "linewidth", "lw": "linewidth",
            "markersize": "markersize", "ms": "markersize"}


def ax_set_prop_cycle(self, *args, **kwargs):
    """set_prop_cycle(cycler), set_prop_cycle(label, values), set_prop_cycle(**kwargs) or
    set_prop_cycle(None): color, linestyle, marker, linewidth, markersize (and aliases)."""
    if args and kwargs:
        raise TypeError("Cannot supply both positional and keyword arguments to this method.")
    if len(args) == 1 and args[0] is None:
        _do(self, "set_prop_cycle", None, None, None, None, None)
        return
    if len(args) == 1:
        entries = list(args[0])           # a Cycler: its expanded entries
        keys = args[0].keys if hasattr(args[0], "keys") else (entries[0].keys() if entries else ())
        cols = {k: [e[k] for e in entries] for k in keys}
    elif len(args) == 2:
        cols = {args[0]: list(args[1])}
    elif args:
        raise TypeError("set_prop_cycle() takes None, a cycler, (label, values) or keywords")
    else:
        cols = {k: list(v) for k, v in kwargs.items()}
    lists = {}
    for k, v in cols.items():
        if k not in _ALIASES:
            raise TypeError("set_prop_cycle() got an unexpected property '%s'" % k)
        lists[_ALIASES[k]] = v
    n = {len(v) for v in lists.values()}
    if len(n) > 1:
        raise ValueError("Can only add equal length cycles, not %s" % " and ".join(str(x) for x in sorted(n)))
    out = []
    for k in ("color", "linestyle", "marker", "linewidth", "markersize"):
        v = lists.get(k)
        if v is not None and k == "color":
            v = [_py21._color_text(c) for c in v]
        elif v is not None and k in ("linestyle", "marker"):
            v = [str(s) for s in v]
        elif v is not None:
            v = [float(s) for s in v]
        out.append(v)
    _do(self, "set_prop_cycle", *out)


Axes.set_prop_cycle = ax_set_prop_cycle


# ---- violin ------------------------------------------------------------------------------------
def ax_violin(self, vpstats, positions=None, vert=True, widths=0.5, showmeans=False,
              showextrema=True, showmedians=False):
    """Axes.violin: violins from statistics dicts (coords, vals, mean, median, min, max and
    optional quantiles), as cbook.violin_stats gives them."""
    stats = []
    for d in vpstats:
        q = d.get("quantiles")
        stats.append(([float(v) for v in d["coords"]], [float(v) for v in d["vals"]],
                      float(d["mean"]), float(d["median"]), float(d["min"]), float(d["max"]),
                      [] if q is None else [float(v) for v in q]))
    n = len(stats)
    if positions is not None:
        positions = [float(p) for p in positions]
        if len(positions) != n:
            raise ValueError("List of violinplot statistics and `positions` values must have the "
                             "same length")
    if hasattr(widths, "__len__"):
        widths = [float(w) for w in widths]
        if len(widths) != n:
            raise ValueError("List of violinplot statistics and `widths` values must have the "
                             "same length")
    else:
        widths = [float(widths)] * n
    _, toks = _do(self, "violin", stats, positions, bool(vert), widths, bool(showmeans),
                  bool(showextrema), bool(showmedians))
    bodies = []
    for i in range(n):
        b = Artist(self, "PolyCollection")
        b._toks = toks[i:i + 1]
        bodies.append(b)
    out = {"bodies": bodies}
    names = (["cmeans"] if showmeans else []) + (["cmaxes", "cmins", "cbars"] if showextrema else []) + \
        (["cmedians"] if showmedians else [])
    k = n
    for nm in names:
        c = Artist(self, "LineCollection")
        c._toks = toks[k:k + n]
        out[nm] = c
        k += n
    if k < len(toks):
        c = Artist(self, "LineCollection")
        c._toks = toks[k:]
        out["cquantiles"] = c
    return out


Axes.violin = ax_violin


# ---- pcolorfast --------------------------------------------------------------------------------
_KINDS = {"image": "AxesImage", "pcolorimage": "PcolorImage", "quadmesh": "QuadMesh"}


def ax_pcolorfast(self, *args, alpha=None, norm=None, cmap=None, vmin=None, vmax=None, **kw):
    """Axes.pcolorfast(C) or pcolorfast(X, Y, C): an image for evenly spaced (or corner-only)
    x and y, a rectangle per cell for other 1-D edges, a quadrilateral mesh for 2-D ones."""
    label = kw.pop("label", None)
    zorder = kw.pop("zorder", None)
    _unknown("pcolorfast", kw)
    if norm is not None:
        raise TypeError("pcolorfast(): norm objects are not supported by numc's pcolorfast "
                        "(give vmin and vmax)")
    if len(args) == 1:
        C, X, Y = args[0], None, None
    elif len(args) == 3:
        X, Y, C = args
    else:
        raise TypeError("need 1 argument or 3 arguments")
    import numc
    f = lambda v: None if v is None else numc.ascontiguousarray(numc.asarray(v, dtype="float64"))
    cm = pp._cmap_name(cmap) if cmap is not None else None
    style, toks = _do(self, "pcolorfast", f(C), f(X), f(Y), cm, _nan(vmin), _nan(vmax),
                      0.0 if alpha is None else (float(alpha) or 1e-300),
                      0.0 if zorder is None else float(zorder), label)
    m = self._mapped(_KINDS[style], cmap=cm, label=label)
    m._toks = toks
    return m


Axes.pcolorfast = ax_pcolorfast


# ---- add_collection ----------------------------------------------------------------------------
def ax_add_collection(self, collection, autolim=True):
    """Axes.add_collection(LineCollection | PolyCollection) from numc.mpl.collections."""
    from .mpl.collections import Collection
    if not isinstance(collection, Collection):
        raise TypeError("add_collection(): numc adds numc.mpl.collections' LineCollection and "
                        "PolyCollection, not %s" % type(collection).__name__)
    c = collection
    if c.axes is not None:
        raise ValueError("this collection was added to an axes already")
    xs, ys, lens = c._lists()
    cols = c._colors
    if cols is not None:
        cols = [cols] if isinstance(cols, str) or (isinstance(cols, tuple) and len(cols) in (3, 4)
                                                   and not isinstance(cols[0], (str, tuple, list))) \
            else list(cols)
        cols = [_py21._color_text(v) for v in cols]
    edge = c._edge
    if edge is not None and not (isinstance(edge, str) and edge in ("face", "none")):
        edge = _py21._color_text(edge)
    lws = c._lw
    if lws is not None:
        lws = [float(lws)] if not hasattr(lws, "__len__") else [float(v) for v in lws]
    cm = pp._cmap_name(c._cmap) if c._cmap is not None else None
    lo, hi = c._clim
    _, toks = _do(self, "add_collection", "poly" if c._poly else "line", xs, ys, lens, cols, edge, lws,
                  c._array, cm, _nan(lo), _nan(hi), 0.0 if c._alpha is None else (float(c._alpha) or 1e-300),
                  0.0 if c._zorder is None else float(c._zorder), c._label, bool(autolim))
    c.axes = self
    c._toks = toks
    c._entry = self.figure._log[-1]
    if c._array is not None:
        self._mappable = c  # what colorbar(c) describes (and gci: numc's last mappable)
    return c


Axes.add_collection = ax_add_collection


# ---- containers ---------------------------------------------------------------------------------
def _run_container(ax, toks, label):
    return _IC.ax_do("add_container", ax._h, [_py21._index(ax, t) for t in toks], label)


def ax_add_container(self, container):
    """Axes.add_container(container): its parts (artists of this axes) as one group; a label
    gives the legend one entry for the group."""
    parts = list(container)
    toks = []
    for p in parts:
        if getattr(p, "axes", None) is not self:
            raise ValueError("add_container(): every part must be an artist of this axes")
        toks += list(p.__dict__.get("_toks") or [])
    if not toks:
        raise TypeError("add_container(): numc cannot group these artists")
    label = container.get_label() if hasattr(container, "get_label") else None
    if label is not None:
        label = str(label)
    _do(self, "add_container", toks, label)
    return container


def ax_containers(self):
    """The matplotlib class names of the axes' containers, in order (bar, errorbar, stem,
    hist and add_container register them)."""
    return _IC.ax_get("containers", self._h, 0)


Axes.add_container = ax_add_container
Axes.get_container_kinds = ax_containers
