"""numc.pyplot's names for plot.h "3-D axes state" (issue 21), attached to numc.pyplot's
Axes3D by the import at the ax3db anchor of pyplot.py: set_aspect / get_aspect ('auto',
'equal', 'equalxy', 'equalxz', 'equalyz'; adjustable 'datalim' or 'box'), sharez,
get_zticks / get_zticklabels / get_zmajorticklabels / get_zminorticklabels / get_zticklines /
get_zgridlines, margins (x, y, z), autoscale / autoscale_view, auto_scale_xyz,
get_axis_position, zaxis_date, set_xscale / set_yscale ('linear' only) and set (the 3-D properties
zlim, zlabel, zmargin, zscale, zbound, box_aspect, proj_type, aspect; the others
go to Axes.set).

Setters go through the figure's call log as "_ax3db:" entries (replayed by the hook
below), so a figure made again from its calls keeps them. Keyword arguments numc does not
have raise TypeError naming them."""
import sys as _sys

from ._core import _plot as _P
from ._core import _ax3db as _X

pp = _sys.modules["numc.pyplot"]
_more = _sys.modules["numc._pyplot_more"]
Axes, Axes3D = pp.Axes, pp.Axes3D


def _do(ax, name, *args):
    """Run one setter now and log it for the replay."""
    fig = ax.figure
    if ax._h is pp._Dead:
        raise RuntimeError("this axes was removed by clf(): make a new one")
    try:
        _X.do(name, ax._h, *_handles(args))
    except Exception:
        if _P.status(fig._h)[0] != 0:
            fig._replay()
        raise
    fig._log.append([ax, "_ax3db:" + name, args, {}, None])


def _handles(args):
    return tuple(a._h if isinstance(a, Axes) else a for a in args)


_orig_replay = _more.replay


def _replay(fig, owner, name, args, kw, res):
    if not name.startswith("_ax3db:"):
        return _orig_replay(fig, owner, name, args, kw, res)
    if owner._h is not pp._Dead:
        _X.do(name[7:], owner._h, *_handles(args))
    return True


_more.replay = _replay


def _get(ax, name):
    if ax.figure._dirty:
        ax.figure._replay()
    return _X.get(name, ax._h)


def _unknown(fn, kw):
    if kw:
        raise TypeError("%s() got an unexpected keyword argument '%s'" % (fn, next(iter(kw))))


def set_aspect(self, aspect, adjustable=None, anchor=None, share=False):
    if anchor is not None or share:
        raise TypeError("Axes3D.set_aspect(): anchor and share are not supported by numc")
    _do(self, "set_aspect", aspect, adjustable)


def get_aspect(self):
    return _get(self, "aspect")


def sharez(self, other):
    _do(self, "sharez", other)


def _zticks(self):
    self.figure._draw()
    return _X.get("zticks", self._h)


def get_zticks(self, *, minor=False):
    return _X.get("zminorticks", self._h)[0] if minor else _zticks(self)[0]


def get_zticklabels(self, minor=False, which=None):
    if minor or which == "minor":
        return []  # Axis3D's minor ticks have no labels (a NullFormatter)
    return _zticks(self)[1]


def get_zmajorticklabels(self):
    return _zticks(self)[1]


def get_zminorticklabels(self):
    return []


def get_zticklines(self, minor=False):
    """One entry per z tick (its position): numc draws the tick marks itself."""
    return list(get_zticks(self, minor=minor))


def get_zgridlines(self):
    """One entry per z grid line (its tick position)."""
    return list(_zticks(self)[0])


def margins(self, *margins, x=None, y=None, z=None, tight=True):
    if margins and (x is not None or y is not None or z is not None):
        raise TypeError("Cannot pass both positional and keyword arguments for x, y, and/or z.")
    if len(margins) == 1:
        x = y = z = margins[0]
    elif len(margins) == 3:
        x, y, z = margins
    elif margins:
        raise TypeError("Must pass a single positional argument for all margins, or one for "
                        "each margin (x, y, z).")
    if x is None and y is None and z is None:
        return _get(self, "margins")
    nan = float("nan")
    _do(self, "margins", nan if x is None else float(x), nan if y is None else float(y),
        nan if z is None else float(z))


def autoscale(self, enable=True, axis="both", tight=None):
    if tight is not None:
        raise TypeError("Axes3D.autoscale(): tight is not supported by numc")
    _do(self, "autoscale", True if enable is None else bool(enable), axis)


def autoscale_view(self, tight=None, scalex=True, scaley=True, scalez=True):
    """numc autoscales lazily: limits follow the data of the axes whose autoscale is on."""
    if tight is not None:
        raise TypeError("Axes3D.autoscale_view(): tight is not supported by numc")


def auto_scale_xyz(self, X, Y, Z=None, had_data=None):
    flat = lambda v: None if v is None else [float(t) for t in _flatten(v)]
    _do(self, "auto_scale_xyz", flat(X), flat(Y), flat(Z), bool(had_data))


def _flatten(v):
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, (int, float)):
        return [v]
    out = []
    for t in v:
        out.extend(_flatten(t) if isinstance(t, (list, tuple)) else [t])
    return out


def get_axis_position(self):
    return _get(self, "axis_position")


def set_xscale(self, value, **kw):
    if value != "linear":
        raise ValueError("3-D axes support only the 'linear' scale, got %r" % (value,))
    Axes.set_xscale(self, value, **kw)


def set_yscale(self, value, **kw):
    if value != "linear":
        raise ValueError("3-D axes support only the 'linear' scale, got %r" % (value,))
    Axes.set_yscale(self, value, **kw)


def zaxis_date(self, tz=None):
    if tz is not None:
        raise TypeError("zaxis_date(): tz is not supported by numc (dates are UTC)")
    self._call("axis_date", "z")


_SET3D = ("zlim", "zlabel", "zmargin", "zscale", "zbound", "box_aspect", "proj_type", "aspect",
          "adjustable")


def set(self, **kw):
    """Axes3D.set: the 3-D properties here, the others through Axes.set."""
    three = {k: kw.pop(k) for k in list(kw) if k in _SET3D}
    if kw:
        Axes.set(self, **kw)
    for k, v in three.items():
        if k == "zlim":
            self.set_zlim(*v)
        elif k == "zlabel":
            self.set_zlabel(v)
        elif k == "zmargin":
            self.set_zmargin(v)
        elif k == "zscale":
            if v != "linear":
                raise ValueError("3-D axes support only the 'linear' scale, got %r" % (v,))
        elif k == "zbound":
            self.set_zbound(*v)
        elif k == "box_aspect":
            self.set_box_aspect(v)
        elif k == "proj_type":
            self.set_proj_type(v)
        elif k == "aspect":
            set_aspect(self, v, three.get("adjustable"))


for _n in ("set_aspect", "get_aspect", "sharez", "get_zticks", "get_zticklabels",
           "get_zmajorticklabels", "get_zminorticklabels", "get_zticklines", "get_zgridlines",
           "margins", "autoscale", "autoscale_view", "auto_scale_xyz", "get_axis_position",
           "set_xscale", "set_yscale", "set", "zaxis_date"):
    setattr(Axes3D, _n, globals()[_n])
