"""numc.pyplot's names for plot.h's 3-D and polar calls that had none (issue 21), attached
by the import at the pynames anchor of pyplot.py, after _pyplot_names.py whose helpers they
use:

- Axes3D: contour3D / contourf3D, set_/get_autoscalez_on, get_w_lims, get_x/y/zlim(3d),
  set_x/y/zlim3d, get_zlabel, set_/get_zscale, grid, plot_trisurf, set_axis_on / off,
  set_title, set_zticks / set_zticklabels, unit_cube / tunit_cube / tunit_edges;
- polar: fig.add_subplot(projection='polar' / polar=True) (a PolarAxes), plt.polar,
  plt.rgrids, plt.thetagrids."""
import sys as _sys

from ._core import _pynames as _PN
from ._pyplot_names import (_set, _get, _fresh, _unknown, _tri_args, _i32, _b, _ticks,
                            _ticklines, _TickLine, _TickText)

pp = _sys.modules["numc.pyplot"]
Axes, Figure, Axes3D = pp.Axes, pp.Figure, pp.Axes3D


# ---- Axes3D -----------------------------------------------------------------------------------
def _get_autoscalez_on(self):
    return _get(self, "autoscalez_on")


def _set_autoscalez_on(self, b):
    _set(self, "autoscalez_on", bool(b))


def _get_w_lims(self):
    _fresh(self.figure)
    return tuple(_PN.cube(self._h, "w_lims"))


def _xyz(v):
    return [tuple(v[i:i + 3]) for i in range(0, len(v), 3)]


def _unit_cube(self, vals=None):
    if vals is not None:
        x0, x1, y0, y1, z0, z1 = vals
        return [(x0, y0, z0), (x1, y0, z0), (x1, y1, z0), (x0, y1, z0),
                (x0, y0, z1), (x1, y0, z1), (x1, y1, z1), (x0, y1, z1)]
    _fresh(self.figure)
    return _xyz(_PN.cube(self._h, "unit_cube"))


def _tunit_cube(self, vals=None, M=None):
    if vals is not None or M is not None:
        raise TypeError("tunit_cube(): numc projects the axes' own limits with its own M")
    import numc
    _fresh(self.figure)
    return numc.array(_xyz(_PN.cube(self._h, "tunit_cube")))


def _tunit_edges(self, vals=None, M=None):
    if vals is not None or M is not None:
        raise TypeError("tunit_edges(): numc projects the axes' own limits with its own M")
    import numc
    _fresh(self.figure)
    p = [numc.array(t) for t in _xyz(_PN.cube(self._h, "tunit_edges"))]
    return [(p[2 * i], p[2 * i + 1]) for i in range(12)]


def _get_xlim3d(self):
    return tuple(_get_w_lims(self)[0:2])


def _get_ylim3d(self):
    return tuple(_get_w_lims(self)[2:4])


def _get_zlim3d(self):
    return tuple(_get_w_lims(self)[4:6])


def _get_zlabel(self):
    return _get(self, "zlabel")


def _get_zscale(self):
    return _get(self, "zscale")


def _set_zscale(self, value, **kw):
    _unknown("set_zscale", kw)
    _set(self, "zscale", str(value))


def _grid3d(self, visible=True, **kw):
    if kw:     # matplotlib: any keyword turns the grid on (the styles are not applied)
        visible = True
    _set(self, "grid3d", bool(visible))


def _plot_trisurf(self, *args, color=None, norm=None, vmin=None, vmax=None, lightsource=None,
                  **kw):
    if lightsource is not None:
        raise TypeError("plot_trisurf(): lightsource is not supported by numc")
    x, y, tri, mask, rest = _tri_args(args, kw)
    if "Z" in kw:
        rest = [kw.pop("Z")] + rest
    if len(rest) != 1:
        raise TypeError("plot_trisurf(): one array Z of heights after the triangulation")
    for k in ("linewidths", "edgecolors"):
        if k in kw:
            kw[k[:-1]] = kw.pop(k)
    kw = pp._fix_common(dict(kw, color=color, norm=norm, vmin=vmin, vmax=vmax))
    self._call("plot_trisurf", x, y, _i32(tri), _b(mask), rest[0], **kw)
    return self._mapped("Poly3DCollection", cmap=kw.get("cmap"))


def _set_zticks(self, ticks, labels=None, *, minor=False, **kw):
    kw = pp._text_kw(pp._fix_common(kw)) if kw else {}
    self._call("set_zticks", [float(t) for t in ticks], minor=minor,
               **({"labels": [str(s) for s in labels]} if labels is not None else {}), **kw)


def _set_zticklabels(self, labels, *, fontdict=None, minor=False, **kw):
    kw = pp._text_kw(pp._fix_common(dict(kw, fontdict=fontdict)))
    self._call("set_zticklabels", [str(s) for s in labels], minor=minor, **kw)


def _set_xlim3d(self, *args, **kw):
    return Axes.set_xlim(self, *args, **kw)


def _set_ylim3d(self, *args, **kw):
    return Axes.set_ylim(self, *args, **kw)


def _set_zlim3d(self, *args, **kw):
    return Axes3D.set_zlim(self, *args, **kw)


def _set_axis_off3d(self):
    Axes.set_axis_off(self)


def _set_axis_on3d(self):
    Axes.set_axis_on(self)


def _set_title3d(self, label, fontdict=None, loc="center", **kw):
    return Axes.set_title(self, label, fontdict, loc, **kw)


_AXES3D = {
    "contour3D": Axes3D.contour, "contourf3D": Axes3D.contourf,
    "get_autoscalez_on": _get_autoscalez_on, "set_autoscalez_on": _set_autoscalez_on,
    "get_w_lims": _get_w_lims, "unit_cube": _unit_cube, "tunit_cube": _tunit_cube,
    "tunit_edges": _tunit_edges, "get_xlim": _get_xlim3d, "get_xlim3d": _get_xlim3d,
    "get_ylim": _get_ylim3d, "get_ylim3d": _get_ylim3d, "get_zlim3d": _get_zlim3d,
    "get_zlabel": _get_zlabel, "get_zscale": _get_zscale, "set_zscale": _set_zscale,
    "grid": _grid3d, "plot_trisurf": _plot_trisurf, "set_zticks": _set_zticks,
    "set_zticklabels": _set_zticklabels, "set_xlim3d": _set_xlim3d, "set_ylim3d": _set_ylim3d,
    "set_zlim3d": _set_zlim3d, "set_axis_off": _set_axis_off3d, "set_axis_on": _set_axis_on3d,
    "set_title": _set_title3d,
}
for _n, _f in _AXES3D.items():
    setattr(Axes3D, _n, _f)


# ---- polar axes -------------------------------------------------------------------------------
class PolarAxes(Axes):
    """An axes of projection 'polar' (plot.h's nplot_subplot_polar): x is theta, y is r."""
    name = "polar"


_orig_add_subplot = Figure.add_subplot


def _add_subplot(self, *args, projection=None, polar=False, **kw):
    if not polar and projection != "polar":
        return _orig_add_subplot(self, *args, projection=projection, **kw)
    _unknown("add_subplot", kw)
    if not args:
        args = (1, 1, 1)
    if len(args) == 1:
        n = int(args[0])
        args = (n // 100, (n // 10) % 10, n % 10)
    nr, nc, idx = (int(a) for a in args)
    ax = self._wrap(self._call(self, "subplot_polar", nr, nc, idx))
    ax.__class__ = PolarAxes
    self._log[-1][4] = ax
    return ax


Figure.add_subplot = _add_subplot


def _polar_gca(fn):
    ax = pp.gca()
    if not isinstance(ax, PolarAxes):
        raise RuntimeError("%s only defined for polar axes" % fn)
    return ax


def polar(*args, **kw):
    """plt.polar(theta, r, ...): plot on the current axes when it is polar, else on a new
    polar subplot."""
    fig = pp.gcf()
    ax = pp.gca() if fig._axes else None
    if not isinstance(ax, PolarAxes):
        ax = fig.add_subplot(1, 1, 1, projection="polar")
    return ax.plot(*args, **kw)


def _grid_result(ax, axis):
    pos, labels = _ticks(ax, axis)
    return [_TickLine(axis, p, "grid") for p in pos], [_TickText(axis, p, t) for p, t in zip(pos, labels)]


def rgrids(radii=None, labels=None, angle=None, fmt=None, **kw):
    """plt.rgrids: the radial grid circles of the current polar axes; (lines, labels)."""
    ax = _polar_gca("rgrids")
    _unknown("rgrids", kw)
    if radii is not None:
        opts = {"labels": [str(s) for s in labels]} if labels is not None else {}
        if fmt is not None:
            opts["fmt"] = fmt
        if angle is not None:
            opts["angle"] = float(angle)
        ax._call("rgrids", [float(r) for r in radii], **opts)
    elif labels is not None or angle is not None or fmt is not None:
        raise TypeError("rgrids(): give radii with labels, angle or fmt")
    return _grid_result(ax, "y")


def thetagrids(angles=None, labels=None, fmt=None, **kw):
    """plt.thetagrids: the angular grid lines (degrees) of the current polar axes."""
    ax = _polar_gca("thetagrids")
    _unknown("thetagrids", kw)
    if angles is not None:
        opts = {"labels": [str(s) for s in labels]} if labels is not None else {}
        if fmt is not None:
            opts["fmt"] = fmt
        ax._call("thetagrids", [float(a) for a in angles], **opts)
    elif labels is not None or fmt is not None:
        raise TypeError("thetagrids(): give angles with labels or fmt")
    # matplotlib's set_thetagrids returns the tick lines (two per angle) and the labels
    lines, labels = _grid_result(ax, "x")
    return _ticklines(ax, "x"), labels


for _n, _f in {"polar": polar, "rgrids": rgrids, "thetagrids": thetagrids}.items():
    setattr(pp, _n, _f)
pp.PolarAxes = PolarAxes
