"""numc.pyplot's names for plot.h's "Artist protocol on Axes and Figure" (issue 21),
attached to numc.pyplot's Axes and Figure by the import at the axgeneric anchor:
ax.set / ax.update / ax.properties / ax.update_from / ax.set_figure / ax.convert_xunits /
ax.convert_yunits / ax.have_units, the same set / update / properties / update_from on a
Figure and fig.execute_constrained_layout, plt.get / plt.getp (plt.setp reaches the
properties by name too), plt.get_plot_commands and plt.set_loglevel.

Properties without a Python setter go to plot.h by name (nplot_axes_set_prop), as the
Python-literal text it reads; they are logged as "_axg:" entries and replayed with the
figure, as numc.pyplot's other setters."""
import sys as _sys
import types as _types

from ._core import _axgeneric as _A
from ._core import _plot as _P
from . import _pyplot_more as _more

pp = _sys.modules["numc.pyplot"]
Axes, Figure = pp.Axes, pp.Figure


def _lit(v):
    """A value as the Python-literal text plot.h parses."""
    if v is None or isinstance(v, bool):
        return repr(v)
    if isinstance(v, str):
        return "'" + v + "'"  # plot.h takes off one pair of quotes, nothing else
    if isinstance(v, (int, float)):
        return repr(float(v))
    try:
        return "(" + ", ".join(repr(float(x)) for x in v) + ")"
    except TypeError:
        raise TypeError("numc cannot pass a %s as a property value" % type(v).__name__) from None


def _fig_of(owner):
    return owner if isinstance(owner, Figure) else owner.figure


def _do(owner, name, *args):
    """Run one call now and log it for the replay."""
    fig = _fig_of(owner)
    if owner._h is pp._Dead:
        raise RuntimeError("this axes was removed by clf(): make a new one")
    try:
        _run(owner, name, args)
    except ValueError as e:
        if _P.status(fig._h)[0] != 0:
            fig._replay()
        msg = str(e)
        if "unexpected keyword argument" in msg:  # matplotlib's AttributeError
            raise AttributeError(msg.split("_prop: ", 1)[-1]) from None
        raise
    fig._log.append([owner, "_axg:" + name, args, {}, None])


def _run(owner, name, args):
    if name == "set_prop":
        _A.set_prop(owner._h, *args)
    elif name == "set_clip":
        _A.set_clip(owner._h, *args)
    elif name == "set_locator":
        _A.set_locator(owner._h, *args)
    else:
        _A.update_from(owner._h, args[0]._h)


_orig_replay = _more.replay


def _replay(fig, owner, name, args, kw, res):
    if not name.startswith("_axg:"):
        return _orig_replay(fig, owner, name, args, kw, res)
    if owner._h is pp._Dead:
        return True
    _run(owner, name[5:], args)
    return True


_more.replay = _replay


_EXACT_COLORS = ("facecolor", "fc", "edgecolor", "ec")


def _set(self, **kw):
    """ax.set(**kw) / fig.set(**kw): numc.pyplot's setter where it has one, else plot.h's
    property by name; an unknown name is matplotlib's AttributeError (close names listed)."""
    for k, v in kw.items():
        f = getattr(self, "set_" + k, None)
        if k in _EXACT_COLORS and not isinstance(v, str):
            f = None  # an RGB(A) tuple kept exactly (numc.pyplot's setter rounds it to 8 bits)
        if f is not None:
            f(*v) if k in ("xlim", "ylim", "zlim") and isinstance(v, (tuple, list)) else f(v)
        else:
            _do(self, "set_prop", k, _lit(v))


def _update(self, props):
    """ax.update(dict): set's properties from a dict, in order; returns the setters' results."""
    _set(self, **dict(props))
    return [None] * len(props)


def _value(text):
    try:
        import ast   # here: a plotting script that never parses text need not load ast
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _properties(self):
    """ax.properties(): {name: value} of the properties plot.h has, values as matplotlib's
    types where they are literals (tuples, floats, bools, None), else their text."""
    fig = _fig_of(self)
    if fig._dirty:
        fig._replay()
    out = {}
    for line in _A.get_prop(self._h, None).splitlines():
        k, _, v = line.partition(" = ")
        out[k] = _value(v)
    return out


def _update_from(self, other):
    """ax.update_from(other): visible, alpha, clip_on, clip box and path, label."""
    if type(other) is not type(self) and not (isinstance(self, Axes) and isinstance(other, Axes)):
        raise TypeError("update_from: an axes from an axes, a figure from a figure")
    _do(self, "update_from", other)


def _set_figure(self, fig):
    if fig is not self.figure:
        raise RuntimeError("Can not put single artist in more than one figure")


def _converter(axis):
    def convert(self, x):
        if isinstance(x, (int, float)) and not isinstance(x, bool):
            return x
        if isinstance(x, (list, tuple)):
            return [convert(self, v) for v in x]
        return _A.convert_units(self._h, axis, str(x))
    convert.__name__ = "convert_%sunits" % axis
    convert.__doc__ = ("ax.convert_%sunits(x): the float the %s axis uses for x (a category's "
                       "position, an ISO date's date number, a number as itself)" % (axis, axis))
    return convert


def _have_units(self):
    return _A.have_units(self._h)


def _execute_constrained_layout(self, renderer=None):
    if renderer is not None:
        raise TypeError("execute_constrained_layout(): numc has no renderer argument")
    _A.execute_constrained_layout(self._h)


def _set_clip_box(self, clipbox):
    """set_clip_box(bbox): a Bbox or (x0, y0, x1, y1) in display pixels, None for none; kept
    for the getter and update_from (matplotlib 3.6 draws an axes the same)."""
    if clipbox is not None and hasattr(clipbox, "extents"):
        clipbox = clipbox.extents
    _do(self, "set_clip", "box", None if clipbox is None else tuple(float(v) for v in clipbox))


def _get_clip_box(self):
    return _A.get_clip(self._h, "box")


def _set_clip_path(self, path, transform=None):
    """set_clip_path(vertices): [(x, y), ...] in display pixels (or a Path's .vertices),
    None for none; kept for the getter and update_from."""
    if transform is not None:
        raise TypeError("set_clip_path(): numc takes display-pixel vertices, no transform")
    if path is not None and hasattr(path, "vertices"):
        path = path.vertices
    _do(self, "set_clip", "path", None if path is None else [tuple(map(float, p)) for p in path])


def _get_clip_path(self):
    return _A.get_clip(self._h, "path")


def _set_axes_locator(self, locator):
    """ax.set_axes_locator(fn): fn(ax, renderer) (renderer None) returns the axes' box, a Bbox
    or (left, bottom, width, height) in figure fractions, at every layout; None removes it."""
    if locator is not None and not callable(locator):
        raise TypeError("set_axes_locator(): a callable or None")
    pair = None if locator is None else (locator, self)
    self.figure._keep.append(pair)  # plot.h keeps a pointer to it
    self._axes_locator = locator
    _do(self, "set_locator", pair)


def _get_axes_locator(self):
    return getattr(self, "_axes_locator", None)


Axes.get_xaxis = lambda self: self.xaxis  # matplotlib's ax.get_xaxis(): the axis object
Axes.get_yaxis = lambda self: self.yaxis
Axes.set_axes_locator = _set_axes_locator
Axes.get_axes_locator = _get_axes_locator

for _cls in (Axes, Figure):
    _cls.set_clip_box = _set_clip_box
    _cls.get_clip_box = _get_clip_box
    _cls.set_clip_path = _set_clip_path
    _cls.get_clip_path = _get_clip_path
    _cls.set = _set
    _cls.update = _update
    _cls.properties = _properties
    _cls.update_from = _update_from
Axes.set_figure = _set_figure
Axes.convert_xunits = _converter("x")
Axes.convert_yunits = _converter("y")
pp.Axes3D.convert_zunits = _converter("z")
Axes.have_units = _have_units
Figure.execute_constrained_layout = _execute_constrained_layout


# ---- pyplot functions ------------------------------------------------------------------------
def getp(obj, property=None):
    """plt.getp(obj, name): obj.get_<name>() or the property numc has by that name;
    plt.getp(obj): prints "    name = value" lines (matplotlib's listing)."""
    if property is None:
        if not hasattr(obj, "properties"):
            raise TypeError("getp(): numc lists the properties of Axes and Figure")
        for k, v in sorted(obj.properties().items()):
            s = str(v).replace("\n", " ")
            print("    %s = %s" % (k, s[:50] + "..." if len(s) > 50 else s))
        return None
    f = getattr(obj, "get_" + property, None)
    if f is not None:
        return f()
    if isinstance(obj, (Axes, Figure)):
        props = obj.properties()
        if property in props:
            return props[property]
    raise AttributeError("%r object has no attribute 'get_%s'" % (type(obj).__name__, property))


get = getp

_setp = pp.setp


def setp(obj, *args, **kw):
    """plt.setp(obj, name=value, ...): an Axes or Figure takes every property set() does."""
    objs = obj if isinstance(obj, (list, tuple)) else [obj]
    if objs and all(isinstance(o, (Axes, Figure)) for o in objs):
        if args:
            kw.update(dict(zip(args[::2], args[1::2])))
        for o in objs:
            o.set(**kw)
        return None
    return _setp(obj, *args, **kw)


_NON_PLOT = {"connect", "disconnect", "get_current_fig_manager", "ginput", "new_figure_manager",
             "waitforbuttonpress", "get_plot_commands", "colormaps", "colors"}


def get_plot_commands():
    """The sorted names of numc.pyplot's plotting functions (matplotlib's rule: its public
    functions less the GUI ones and the colormap setters)."""
    cmaps = set(pp.__dict__.get("_CMAP_NAMES", ())) | {
        "autumn", "bone", "cool", "copper", "flag", "gray", "hot", "hsv", "inferno", "jet",
        "magma", "nipy_spectral", "pink", "plasma", "prism", "spring", "summer", "viridis",
        "winter"}
    return sorted(n for n, v in vars(pp).items()
                  if not n.startswith("_") and n not in _NON_PLOT and n not in cmaps
                  and isinstance(v, _types.FunctionType) and v.__module__.startswith("numc."))


def set_loglevel(level):
    """plt.set_loglevel(level): the level of the "numc" Python logger ("notset", "debug",
    "info", "warning", "error", "critical"), as matplotlib's for its logger."""
    if not isinstance(level, str) or level.upper() not in (
            "NOTSET", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ValueError("%r is not a valid value for level; supported values are 'notset', "
                         "'debug', 'info', 'warning', 'error', 'critical'" % (level,))
    import logging   # here: logging (threading, traceback, string) costs more than a plot
    logging.getLogger("numc").setLevel(level.upper())
