"""numc.mpl.colors: color conversion, norms and colormaps on numc's C plot library.

Norms (Normalize, LogNorm, SymLogNorm, PowerNorm, TwoSlopeNorm, CenteredNorm, AsinhNorm,
BoundaryNorm, NoNorm) are passed as norm= to any color-mapped plotting call and are
callable on their own (norm(values), norm.inverse(t)) with numc's C implementation.
Colormaps (Colormap by name, ListedColormap, LinearSegmentedColormap.from_list) are
callable (cmap(v) → RGBA) and usable as cmap= (numc registers a map under its name the
first time a plot uses it).
"""
from .._core import _plot as _P

_K_LINEAR, _K_LOG, _K_SYMLOG, _K_POWER, _K_TWOSLOPE, _K_CENTERED, _K_ASINH, _K_BOUNDARY, \
    _K_NONE = range(9)


def _values(x):
    if isinstance(x, (int, float)):
        return [float(x)], True
    if hasattr(x, "tolist"):
        x = x.tolist()
    flat = []

    def walk(v):
        if isinstance(v, (list, tuple)):
            for t in v:
                walk(t)
        else:
            flat.append(float(v))
    walk(x)
    return flat, False


def _result(vals, scalar, like):
    if scalar:
        return vals[0]
    try:
        import numc
        a = numc.array(vals)
        shape = getattr(like, "shape", None)
        return a.reshape(shape) if shape else a
    except ImportError:
        return vals


# ---- color conversion ---------------------------------------------------------------------
def to_rgba(c, alpha=None):
    """A matplotlib color (name, 'C3', '#rrggbb', gray string, (r, g, b[, a])) → RGBA."""
    if isinstance(c, (tuple, list)):
        if len(c) not in (3, 4) or not all(0 <= float(v) <= 1 for v in c):
            raise ValueError("Invalid RGBA argument: %r" % (c,))
        r = tuple(float(v) for v in c) + ((1.0,) if len(c) == 3 else ())
    elif isinstance(c, str):
        r = _P.color_parse(c)
    else:
        raise ValueError("Invalid RGBA argument: %r" % (c,))
    if alpha is not None:
        r = r[:3] + (float(alpha),)
    return r


def to_rgba_array(c, alpha=None):
    if isinstance(c, str) or (isinstance(c, tuple) and len(c) in (3, 4) and
                              all(isinstance(v, (int, float)) for v in c)):
        return [to_rgba(c, alpha)]
    return [to_rgba(v, alpha) for v in c]


def to_rgb(c):
    return to_rgba(c)[:3]


def to_hex(c, keep_alpha=False):
    r = to_rgba(c)
    n = 4 if keep_alpha else 3
    return "#" + "".join("%02x" % int(round(v * 255)) for v in r[:n])


rgb2hex = to_hex


def is_color_like(c):
    try:
        to_rgba(c)
        return True
    except (ValueError, TypeError):
        return False


def same_color(c1, c2):
    return to_rgba(c1) == to_rgba(c2)


BASE_COLORS = {k: to_rgb(k) for k in "bgrcmykw"}
TABLEAU_COLORS = {"tab:" + n: to_hex("tab:" + n) for n in
                  ("blue", "orange", "green", "red", "purple", "brown", "pink", "gray",
                   "olive", "cyan")}


# ---- norms --------------------------------------------------------------------------------
class Normalize:
    _kind = _K_LINEAR

    def __init__(self, vmin=None, vmax=None, clip=False):
        self.vmin, self.vmax, self.clip = vmin, vmax, clip

    def _nplot(self):
        d = {"kind": self._kind, "clip": bool(self.clip)}
        nan = float("nan")
        if self.vmin is not None or self.vmax is not None:
            d["vmin"] = nan if self.vmin is None else float(self.vmin)
            d["vmax"] = nan if self.vmax is None else float(self.vmax)
        d.update(self._extra())
        return d

    def _extra(self):
        return {}

    def __call__(self, value, clip=None):
        vals, scalar = _values(value)
        d = self._nplot()
        if clip is not None:
            d["clip"] = bool(clip)
        return _result(_P.norm_apply(d, vals), scalar, value)

    def inverse(self, value):
        vals, scalar = _values(value)
        if self.vmin is None or self.vmax is None:
            raise ValueError("Not invertible until both vmin and vmax are set")
        return _result(_P.norm_apply(self._nplot(), [self.vmin, self.vmax], vals), scalar, value)

    def autoscale(self, A):
        vals, _ = _values(A)
        self.vmin, self.vmax = min(vals), max(vals)

    def autoscale_None(self, A):
        vals, _ = _values(A)
        if self.vmin is None:
            self.vmin = min(vals)
        if self.vmax is None:
            self.vmax = max(vals)

    def scaled(self):
        return self.vmin is not None and self.vmax is not None


class LogNorm(Normalize):
    _kind = _K_LOG


class SymLogNorm(Normalize):
    _kind = _K_SYMLOG

    def __init__(self, linthresh, linscale=1.0, vmin=None, vmax=None, clip=False, *, base=10):
        super().__init__(vmin, vmax, clip)
        self.linthresh, self.linscale, self.base = linthresh, linscale, base

    def _extra(self):
        return {"linthresh": self.linthresh, "linscale": self.linscale, "base": self.base}


class PowerNorm(Normalize):
    _kind = _K_POWER

    def __init__(self, gamma, vmin=None, vmax=None, clip=False):
        super().__init__(vmin, vmax, clip)
        self.gamma = gamma

    def _extra(self):
        return {"gamma": self.gamma}


class TwoSlopeNorm(Normalize):
    _kind = _K_TWOSLOPE

    def __init__(self, vcenter, vmin=None, vmax=None):
        super().__init__(vmin, vmax)
        self.vcenter = vcenter

    def _extra(self):
        return {"vcenter": self.vcenter}


class CenteredNorm(Normalize):
    _kind = _K_CENTERED

    def __init__(self, vcenter=0, halfrange=None, clip=False):
        super().__init__(None, None, clip)
        self.vcenter, self.halfrange = vcenter, halfrange

    def _extra(self):
        return {"vcenter": self.vcenter, "halfrange": self.halfrange}


class AsinhNorm(Normalize):
    _kind = _K_ASINH

    def __init__(self, linear_width=1, vmin=None, vmax=None, clip=False):
        super().__init__(vmin, vmax, clip)
        self.linear_width = linear_width

    def _extra(self):
        return {"linear_width": self.linear_width}


class BoundaryNorm(Normalize):
    _kind = _K_BOUNDARY

    def __init__(self, boundaries, ncolors, clip=False, *, extend="neither"):
        b = [float(v) for v in (boundaries.tolist() if hasattr(boundaries, "tolist") else boundaries)]
        super().__init__(b[0], b[-1], clip)
        self.boundaries, self.ncolors, self.extend = b, ncolors, extend

    def _nplot(self):
        return {"kind": self._kind, "clip": bool(self.clip), "boundaries": self.boundaries,
                "ncolors": self.ncolors, "extend": self.extend}

    def inverse(self, value):
        raise ValueError("BoundaryNorm is not invertible")


class NoNorm(Normalize):
    _kind = _K_NONE

    def _nplot(self):
        return {"kind": self._kind}


# ---- colormaps ----------------------------------------------------------------------------
_serial = [0]
_registered = set()


class Colormap:
    """A colormap by name (a built-in, "_r" reversed, "name:N" resampled, or registered):
    cmap(v) gives RGBA. set_under / set_over / set_bad make a modified copy that numc
    registers under a new name when a plot uses it."""

    def __init__(self, name, N=256):
        self.name = name
        self.N = N
        self._under = self._over = self._bad = None
        self._colors = None      # ListedColormap / from_list: the defining colors
        self._values = None
        self._from_list = False

    def __call__(self, X, alpha=None, bytes=False):
        vals, scalar = _values(X)
        self._register()
        out = _P.cmap_colors(self.name, vals)
        if alpha is not None:
            out = [c[:3] + (float(alpha),) for c in out]
        if bytes:
            out = [tuple(int(round(v * 255)) for v in c) for c in out]
        return out[0] if scalar else out

    def _modified(self):
        return self._under is not None or self._over is not None or self._bad is not None

    def _register(self):
        """Make the name known to numc's C registry (once: registered names are fixed)."""
        if self._colors is None and not self._modified():
            return
        if self.name in _registered:
            return
        colors = self._colors
        if colors is None:   # a modified built-in: its entries as a listed map
            n = min(self.N, 256)
            colors = [_hex(c) for c in _P.cmap_colors(self.name, [(i + 0.5) / n for i in range(n)])]
        _serial[0] += 1
        base = self.name
        self.name = "%s.numc%d" % (base, _serial[0]) if (self._modified() or base in _P.colormaps() or base in _registered) else base
        _P.register_cmap(self.name, colors, self._values, self.N if self._colors is not None else 0,
                         self._from_list, self._under and _hex(self._under),
                         self._over and _hex(self._over), self._bad and _hex(self._bad))
        _registered.add(self.name)

    def _copy(self):
        c = self.__class__.__new__(self.__class__)
        c.__dict__.update(self.__dict__)
        if c.name in _registered:   # further changes need a new registration
            c.name = c.name.split(".numc")[0]
        return c

    def copy(self):
        return self._copy()

    def set_under(self, color="k", alpha=None):
        self._under = to_rgba(color, alpha)

    def set_over(self, color="k", alpha=None):
        self._over = to_rgba(color, alpha)

    def set_bad(self, color="k", alpha=None):
        self._bad = to_rgba(color, alpha)

    def with_extremes(self, *, bad=None, under=None, over=None):
        c = self._copy()
        if bad is not None:
            c.set_bad(bad)
        if under is not None:
            c.set_under(under)
        if over is not None:
            c.set_over(over)
        return c

    def reversed(self, name=None):
        if self._colors is not None or self._modified():
            raise TypeError("reversed(): numc reverses built-in colormaps (use the '_r' name)")
        n = self.name
        return Colormap(n[:-2] if n.endswith("_r") else n + "_r", self.N)

    def resampled(self, lutsize):
        if self._colors is not None or self._modified():
            raise TypeError("resampled(): numc resamples built-in colormaps (use 'name:N')")
        return Colormap("%s:%d" % (self.name.split(":")[0], lutsize), lutsize)

    def __repr__(self):
        return "<numc.mpl.colors.Colormap %r>" % self.name


def _hex(c):
    return "#" + "".join("%02x" % int(round(v * 255)) for v in c)


class ListedColormap(Colormap):
    def __init__(self, colors, name="from_list", N=None):
        cols = [to_hex(c, keep_alpha=True) for c in (colors.tolist() if hasattr(colors, "tolist") else colors)]
        super().__init__(name, len(cols) if N is None else N)
        self._colors = cols
        self.colors = colors


class LinearSegmentedColormap(Colormap):
    def __init__(self, name, segmentdata, N=256, gamma=1.0):
        raise TypeError("LinearSegmentedColormap(segmentdata): numc builds these with "
                        "LinearSegmentedColormap.from_list")

    @classmethod
    def from_list(cls, name, colors, N=256, gamma=1.0):
        if gamma != 1.0:
            raise TypeError("from_list(gamma != 1) is not supported by numc")
        cm = Colormap.__new__(cls)
        Colormap.__init__(cm, name, N)
        vals = None
        if colors and isinstance(colors[0], (tuple, list)) and len(colors[0]) == 2 \
                and not isinstance(colors[0][1], (int, float)):
            vals = [float(v) for v, _ in colors]
            colors = [c for _, c in colors]
        cm._colors = [to_hex(c, keep_alpha=True) for c in colors]
        cm._values = vals
        cm._from_list = True
        return cm
