"""numc.mpl.patheffects: matplotlib.patheffects for lines (plot.h "path effects and
sketch", nplot_artist_set_path_effects): ax.plot(..., path_effects=[...]) and
line.set_path_effects([...]). Keyword arguments numc does not have raise TypeError."""
import math as _math

__all__ = ["AbstractPathEffect", "Normal", "Stroke", "withStroke", "SimplePatchShadow",
           "withSimplePatchShadow", "SimpleLineShadow", "withSimpleLineShadow",
           "TickedStroke", "withTickedStroke"]

_ZERO = 1e-300  # plot.h's NPLOT_ZERO: an explicit 0 where a 0 field means "default"


def _z(v):
    v = float(v)
    return _ZERO if v == 0 else v


def _gc(cls, kw):
    """The graphics-context keywords numc's effects take: linewidth / lw, foreground /
    color, alpha."""
    out = {}
    for k, v in kw.items():
        if k in ("linewidth", "lw"):
            out["linewidth"] = v
        elif k in ("foreground", "color", "fg"):
            out["foreground"] = v
        elif k == "alpha":
            out["alpha"] = v
        else:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (cls, k))
    return out


def _color(c):
    if c is None or isinstance(c, str):
        return c
    c = list(c)
    if len(c) in (3, 4) and all(isinstance(t, (int, float)) and 0 <= t <= 1 for t in c):
        return "#" + "".join("%02x" % int(round(t * 255)) for t in c)
    raise ValueError("%r is not a valid color" % (c,))


class AbstractPathEffect:
    """The base of the path effects; `_kind` is plot.h's nplot_effect_kind."""
    _kind = 0

    def __init__(self, offset=(0.0, 0.0)):
        self._offset = tuple(float(v) for v in offset)
        self._fg = None
        self._lw = self._alpha = self._rho = 0.0
        self._spacing = self._angle = self._length = 0.0

    def _row(self):
        """9 numbers (kind, linewidth, alpha, rho, offset x, offset y, spacing, angle,
        length) and the foreground ("" for none): the binding's encoding."""
        return ([float(self._kind), self._lw, self._alpha, self._rho, self._offset[0],
                 self._offset[1], self._spacing, self._angle, self._length],
                self._fg or "")

    def __repr__(self):
        return "<numc.mpl.patheffects.%s>" % type(self).__name__


class Normal(AbstractPathEffect):
    """The artist drawn as it is."""
    _kind = 1

    def __init__(self, offset=(0.0, 0.0)):
        super().__init__(offset)
        if any(self._offset):
            raise TypeError("Normal(): numc draws Normal without an offset")


class Stroke(AbstractPathEffect):
    """The path stroked again with the given linewidth / foreground / alpha."""
    _kind = 2

    def __init__(self, offset=(0.0, 0.0), **kwargs):
        super().__init__(offset)
        if any(self._offset):
            raise TypeError("%s(): numc strokes without an offset" % type(self).__name__)
        g = _gc(type(self).__name__, kwargs)
        self._lw = _z(g["linewidth"]) if "linewidth" in g else 0.0
        self._alpha = _z(g["alpha"]) if "alpha" in g else 0.0
        self._fg = _color(g.get("foreground"))


class withStroke(Stroke):
    """Stroke, then the artist."""
    _kind = 3


class SimpleLineShadow(AbstractPathEffect):
    """A shadow of the line: the stroke offset by `offset` points in shadow_color."""
    _kind = 4

    def __init__(self, offset=(2, -2), shadow_color="k", alpha=0.3, rho=0.3, **kwargs):
        super().__init__(offset)
        g = _gc(type(self).__name__, kwargs)
        if "foreground" in g:
            raise TypeError("%s() got an unexpected keyword argument 'foreground'"
                            % type(self).__name__)
        self._offset = tuple(_z(v) for v in self._offset)
        self._fg = _color(shadow_color)
        self._alpha = _z(0.3 if alpha is None else alpha)
        self._rho = _z(rho)
        self._lw = _z(g["linewidth"]) if "linewidth" in g else 0.0


class withSimpleLineShadow(SimpleLineShadow):
    _kind = 5


class SimplePatchShadow(AbstractPathEffect):
    """A filled shadow of the path, offset by `offset` points."""
    _kind = 6

    def __init__(self, offset=(2, -2), shadow_rgbFace=None, alpha=None, rho=0.3, **kwargs):
        super().__init__(offset)
        g = _gc(type(self).__name__, kwargs)
        if g:
            raise TypeError("%s() got an unexpected keyword argument '%s'"
                            % (type(self).__name__, next(iter(kwargs))))
        self._offset = tuple(_z(v) for v in self._offset)
        self._fg = _color(shadow_rgbFace)
        self._alpha = _z(0.3 if alpha is None else alpha)
        self._rho = _z(rho)


class withSimplePatchShadow(SimplePatchShadow):
    _kind = 7


class TickedStroke(AbstractPathEffect):
    """Ticks along the path every `spacing` points at `angle` degrees, `length` spacings
    long."""
    _kind = 8

    def __init__(self, offset=(0, 0), spacing=10.0, angle=45.0, length=_math.sqrt(2),
                 **kwargs):
        super().__init__(offset)
        if any(self._offset):
            raise TypeError("%s(): numc draws ticks without an offset" % type(self).__name__)
        g = _gc(type(self).__name__, kwargs)
        self._spacing, self._angle, self._length = _z(spacing), _z(angle), _z(length)
        self._lw = _z(g["linewidth"]) if "linewidth" in g else 0.0
        self._alpha = _z(g["alpha"]) if "alpha" in g else 0.0
        self._fg = _color(g.get("foreground"))


class withTickedStroke(TickedStroke):
    _kind = 9
