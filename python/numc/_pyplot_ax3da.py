"""numc.pyplot's names for plot.h's "3-D plot kinds" (issue 21), attached to numc.pyplot's
Axes3D by the import at the ax3da anchor of pyplot.py: ax.voxels, ax.stem / stem3D,
ax.errorbar, ax.text / text3D, ax.text2D, ax.bar, ax.tricontour / tricontourf,
ax.add_collection3d, ax.add_contour_set / add_contourf_set. ax.clabel is Axes.clabel: on a
3-D axes numc labels the projected lines (matplotlib's Axes3D.clabel draws nothing).

The calls go through the figure's call log as "_a3:" entries (replayed by the hook below),
so a figure made again from its calls keeps them. Keyword arguments numc does not have
raise TypeError naming them."""
import sys as _sys

from ._core import _plot as _P
from ._core import _ax3da as _A
from . import _pyplot_more as _more

pp = _sys.modules["numc.pyplot"]
Axes3D, Axes = pp.Axes3D, pp.Axes


def _run(h, name, args, kw):
    return getattr(_A, name)(h, *[a._h if isinstance(a, Axes) else a for a in args], **kw)


def _do(ax, name, *args, **kw):
    """Run one call now and log it for the replay."""
    fig = ax.figure
    if ax._h is pp._Dead:
        raise RuntimeError("this axes was removed by clf(): make a new one")
    try:
        _run(ax._h, name, args, kw)
    except Exception:
        if _P.status(fig._h)[0] != 0:
            fig._replay()
        raise
    fig._log.append([ax, "_a3:" + name, args, kw, None])


_orig_replay = _more.replay


def _replay(fig, owner, name, args, kw, res):
    if not name.startswith("_a3:"):
        return _orig_replay(fig, owner, name, args, kw, res)
    if owner._h is not pp._Dead:
        _run(owner._h, name[4:], args, kw)
    return True


_more.replay = _replay


def _seq(v):
    if hasattr(v, "tolist"):
        v = v.tolist()
    return list(v) if not isinstance(v, (int, float)) else [v]


def _flat(v):
    """Nested sequences (an object array of color names) flattened in C order."""
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, (list, tuple)):
        return [x for it in v for x in _flat(it)]
    return [v]


def _nonone(**kw):
    return {k: v for k, v in kw.items() if v is not None}


def _voxels(self, *args, facecolors=None, edgecolors=None, shade=True, lightsource=None, **kw):
    if len(args) not in (1, 4) or lightsource is not None:
        raise TypeError("voxels(): numc takes voxels(filled) or voxels(x, y, z, filled) (no lightsource)")
    if "edgecolor" in kw:
        edgecolors = kw.pop("edgecolor")
    if "facecolor" in kw:
        facecolors = kw.pop("facecolor")
    kw = pp._fix_common(kw)
    opts = _nonone(edgecolor=edgecolors, linewidth=kw.pop("linewidth", None), alpha=kw.pop("alpha", None),
                   label=kw.pop("label", None))
    if kw:
        raise TypeError("voxels() got an unexpected keyword argument '%s'" % next(iter(kw)))
    if isinstance(facecolors, str):
        opts["facecolor"] = facecolors
    elif facecolors is not None:
        opts["facecolors"] = [str(c) for c in _flat(facecolors)]
    filled = args[-1]
    if not hasattr(filled, "shape"):
        filled = [[[float(bool(c)) for c in row] for row in plane] for plane in filled]
    if len(args) == 4:
        opts.update(x=args[0], y=args[1], z=args[2])
    _do(self, "voxels", filled, shade=bool(shade), **opts)
    return pp.Artist(self, "Poly3DCollection", opts.get("label"))


def _stem(self, x, y, z, *, linefmt="C0-", markerfmt="C0o", basefmt="C3-", bottom=0, label=None,
          orientation="z"):
    _do(self, "stem3d", x, y, z, linefmt=linefmt, markerfmt=markerfmt, basefmt=basefmt, bottom=float(bottom),
        orientation=orientation, **_nonone(label=label))
    return pp.Container([pp.Artist(self, "Line3D"), pp.Artist(self, "Line3DCollection"),
                         pp.Artist(self, "Line3D")])


def _errorbar(self, x, y, z, zerr=None, yerr=None, xerr=None, fmt="", barsabove=False, errorevery=1,
              ecolor=None, elinewidth=None, capsize=None, capthick=None, xlolims=False, xuplims=False,
              ylolims=False, yuplims=False, zlolims=False, zuplims=False, **kw):
    if barsabove or any((xlolims, xuplims, ylolims, yuplims, zlolims, zuplims)):
        raise TypeError("errorbar(): barsabove and the *lolims / *uplims limits are not supported by numc")
    kw = pp._fix_common(kw)
    opts = _nonone(fmt=fmt, ecolor=ecolor, elinewidth=elinewidth, capsize=capsize, capthick=capthick,
                   errorevery=int(errorevery), color=kw.pop("color", None), linewidth=kw.pop("linewidth", None),
                   alpha=kw.pop("alpha", None), label=kw.pop("label", None))
    if kw:
        raise TypeError("errorbar() got an unexpected keyword argument '%s'" % next(iter(kw)))
    _do(self, "errorbar3d", x, y, z, xerr=xerr, yerr=yerr, zerr=zerr, **opts)
    return [pp.Artist(self, "Line3DCollection")], [], []


_TEXT_KW = ("fontsize", "color", "weight", "style", "family", "ha", "va", "alpha", "zorder", "coords")


def _text_opts(name, kw):
    kw = pp._text_kw(pp._fix_common(kw))
    for k in list(kw):
        if kw[k] is None:
            del kw[k]
        elif k not in _TEXT_KW:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (name, k))
    return kw


def _text(self, x, y, z, s, zdir=None, **kw):
    kw = _text_opts("text", kw)
    if isinstance(zdir, (tuple, list)) or hasattr(zdir, "tolist"):
        zdir = "(%r,%r,%r)" % tuple(float(v) for v in _seq(zdir))
    _do(self, "text3d", float(x), float(y), float(z), str(s), zdir, **kw)
    return pp.Artist(self, "Text3D", text=s)


def _text2D(self, x, y, s, fontdict=None, **kw):
    kw = _text_opts("text2D", dict(kw, fontdict=fontdict))
    _do(self, "text2d", float(x), float(y), str(s), **kw)
    return pp.Artist(self, "Text", text=s)


def _bar(self, left, height, zs=0, zdir="z", *args, **kw):
    if args:
        raise TypeError("Axes3D.bar(): pass width and bottom by keyword")
    kw = pp._fix_common(kw)
    color = kw.pop("color", None)
    opts = _nonone(width=kw.pop("width", None), bottom=kw.pop("bottom", None), edgecolor=kw.pop("edgecolor", None),
                   linewidth=kw.pop("linewidth", None), alpha=kw.pop("alpha", None), label=kw.pop("label", None))
    if kw.pop("align", "center") != "center":
        raise TypeError("Axes3D.bar(): only align='center' is supported by numc")
    if kw:
        raise TypeError("bar() got an unexpected keyword argument '%s'" % next(iter(kw)))
    if isinstance(color, str):
        opts["color"] = color
    elif color is not None:
        opts["colors"] = [str(c) for c in color]
    _do(self, "bar_zs", _seq(left), _seq(height), zs if isinstance(zs, (int, float)) else _seq(zs), zdir=zdir,
        **opts)
    return pp.Artist(self, "Patch3DCollection", opts.get("label"))


def _tricontour_args(name, args, kw):
    args = list(args)
    tri = kw.pop("triangles", None)
    if "Z" in kw:
        args.append(kw.pop("Z"))
    if len(args) == 4 and not isinstance(args[3], int):  # x, y, triangles, z
        tri = args.pop(2)
    levels = kw.pop("levels", None)
    if len(args) == 4:
        levels = args.pop()
    if len(args) != 3:
        raise TypeError("%s() takes x, y, z (and triangles=, levels)" % name)
    return args, tri, levels


def _tricontour_impl(self, name, filled, args, kw):
    args, tri, levels = _tricontour_args(name, args, kw)
    zdir, offset = kw.pop("zdir", "z"), kw.pop("offset", None)
    ext = {}
    if not filled:  # matplotlib's tricontourf has no extend3d
        ext = dict(extend3d=bool(kw.pop("extend3d", False)), stride=int(kw.pop("stride", 5)))
    kw = pp._fix_common(kw)
    opts = _nonone(cmap=kw.pop("cmap", None), colors=kw.pop("colors", None), alpha=kw.pop("alpha", None),
                   linewidths=kw.pop("linewidths", None), offset=offset, **ext)
    if kw:
        raise TypeError("%s() got an unexpected keyword argument '%s'" % (name, next(iter(kw))))
    if levels is not None and not isinstance(levels, int):
        levels = _seq(levels)
    x, y, z = (_seq(a) for a in args)
    _do(self, "tricontour3d", x, y, None if tri is None else [_seq(t) for t in _seq(tri)], z, filled,
        zdir=zdir, levels=levels, **opts)
    return pp.ContourSet(self, "TriContourSet", cmap=opts.get("cmap"), filled=filled)


def _tricontour(self, *args, **kw):
    return _tricontour_impl(self, "tricontour", False, args, kw)


def _tricontourf(self, *args, **kw):
    return _tricontour_impl(self, "tricontourf", True, args, kw)


def _add_collection3d(self, col, zs=0, zdir="z", **kw):
    """col: a list of polygons (each a list of (x, y) vertices); lines=True for polylines
    (a LineCollection); facecolors / edgecolor / linewidth / linestyle / alpha / label style it."""
    polys = [_seq(p) for p in _seq(col)]
    nan = float("nan")
    xs, ys = [], []
    for i, p in enumerate(polys):
        if i:
            xs.append(nan), ys.append(nan)
        for v in p:
            x, y = _seq(v)
            xs.append(float(x)), ys.append(float(y))
    kw = pp._fix_common(kw)
    fc = kw.pop("facecolors", kw.pop("facecolor", None))
    opts = _nonone(lines=kw.pop("lines", None), edgecolor=kw.pop("edgecolor", None),
                   linewidth=kw.pop("linewidth", None), linestyle=kw.pop("linestyle", None),
                   alpha=kw.pop("alpha", None), label=kw.pop("label", None))
    if kw:
        raise TypeError("add_collection3d() got an unexpected keyword argument '%s'" % next(iter(kw)))
    if isinstance(fc, str):
        opts["facecolor"] = fc
    elif fc is not None:
        opts["facecolors"] = [str(c) for c in fc]
    _do(self, "collection3d", xs, ys, zs=zs if isinstance(zs, (int, float)) else _seq(zs), zdir=zdir, **opts)
    return pp.Artist(self, "Line3DCollection" if opts.get("lines") else "Poly3DCollection", opts.get("label"))


def _add_set(self, cset, filled, zdir, offset, **ext):
    src = getattr(cset, "axes", None)
    if not isinstance(src, Axes) or isinstance(src, Axes3D):
        raise TypeError("add_contour%s_set(): cset must be a contour set of a 2-D numc axes" % ("f" if filled else ""))
    _do(self, "contour_set", src, bool(filled), **_nonone(zdir=zdir, offset=offset), **ext)


def _add_contour_set(self, cset, extend3d=False, stride=5, zdir="z", offset=None):
    _add_set(self, cset, False, zdir, offset, extend3d=bool(extend3d), stride=int(stride))


def _add_contourf_set(self, cset, zdir="z", offset=None):
    _add_set(self, cset, True, zdir, offset)


Axes3D.voxels = _voxels
Axes3D.stem = Axes3D.stem3D = _stem
Axes3D.errorbar = _errorbar
Axes3D.text = Axes3D.text3D = _text
Axes3D.text2D = _text2D
Axes3D.bar = _bar
Axes3D.tricontour = _tricontour
Axes3D.tricontourf = _tricontourf
Axes3D.add_collection3d = _add_collection3d
Axes3D.add_contour_set = _add_contour_set
Axes3D.add_contourf_set = _add_contourf_set
Axes3D.clabel = Axes.clabel  # numc labels a 3-D set's projected lines (matplotlib draws none)
