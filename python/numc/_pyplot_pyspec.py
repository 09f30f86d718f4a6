"""numc.pyplot's names for plot.h's spectral plots, 3-D bars / quivers / projection state and
path effects (issue 21: every C function has its Python name), attached to numc.pyplot by
the import at the end of pyplot.py:

- Axes.psd, csd, cohere, specgram, magnitude_spectrum, angle_spectrum, phase_spectrum,
  acorr, xcorr, spy (plot.h "spectral analysis and correlation plots"), returning
  matplotlib's tuples with numc arrays (psd → (Pxx, freqs), specgram → (spectrum, freqs, t,
  image), xcorr → (lags, c, linecol, b) ...);
- Axes3D.bar3d, quiver (quiver3d), set_proj_type, set_box_aspect, view_init(elev, azim,
  roll), get_proj, invert_zaxis / zaxis_inverted, set_zbound / get_zbound, set_zmargin
  (plot.h "3-D axes: bars, quivers, ...");
- path_effects=[...] on plot() lines, line.set_path_effects([...]) with numc.mpl.patheffects,
  line.set_sketch_params(scale, length, randomness) (plot.h "path effects and sketch").

Drawing calls go through the figure's call log (rows of plot_table.c's table); the queries
(get_proj, get_zbound) are numc._core._plot2's. Unknown keyword arguments raise TypeError."""
import sys as _sys

from ._core import _plot2 as _P2
from . import _pyplot_py21 as _py21

pp = _sys.modules["numc.pyplot"]
Axes, Axes3D, Artist, Line2D = pp.Axes, pp.Axes3D, pp.Artist, pp.Line2D


# ---- spectral analysis ----------------------------------------------------------------------
_DETRENDS = {"detrend_none": "none", "detrend_mean": "mean", "detrend_linear": "linear"}
_WINDOWS = {"window_hanning": "hanning", "window_none": "none"}


def _spectral_kw(fname, kw, NFFT):
    """matplotlib's detrend / window arguments as plot.h's option values."""
    d = kw.get("detrend")
    if d is not None and not isinstance(d, str):
        name = getattr(d, "__name__", None)
        if name not in _DETRENDS:
            raise TypeError("%s(): detrend must be 'none', 'mean', 'linear' or mlab's "
                            "detrend_none / detrend_mean / detrend_linear" % fname)
        kw["detrend"] = _DETRENDS[name]
    w = kw.pop("window", None)
    if w is not None:
        if isinstance(w, str):
            kw["window_name"] = w
        elif callable(w):
            name = getattr(w, "__name__", None)
            if name in _WINDOWS:
                kw["window_name"] = _WINDOWS[name]
            else:   # matplotlib applies a callable window to ones(NFFT)
                import numc
                kw["window"] = numc.asarray(w(numc.ones(256 if NFFT is None else NFFT)),
                                            dtype="float64")
        else:
            kw["window"] = w
    if kw.get("noverlap") == 0:
        kw["noverlap"] = False   # NPLOT_OFF: an explicit 0
    if "scale_by_freq" in kw and kw["scale_by_freq"] is not None:
        kw["scale_by_freq"] = bool(kw["scale_by_freq"])
    return kw


def _spectral(name, nret, line_kind):
    def method(self, x, *args, NFFT=None, return_line=None, **kw):
        y = None
        if nret == 2 and name in ("csd", "cohere"):
            if not args:
                raise TypeError("%s() missing 1 required positional argument: 'y'" % name)
            y, args = args[0], args[1:]
        if args:
            raise TypeError("%s() takes the signal(s) and keyword arguments" % name)
        if "c" in kw:
            kw["color"] = kw.pop("c")
        kw = _spectral_kw(name, dict(kw, NFFT=NFFT), NFFT)
        pos = (x,) if y is None else (x, y)
        res, freqs, _t = self._call(name, *pos, **kw)
        line = Line2D(self, line_kind, kw.get("label"))
        if name in ("psd", "csd"):
            return (res, freqs) if not return_line else (res, freqs, line)
        if return_line is not None:
            raise TypeError("%s() got an unexpected keyword argument 'return_line'" % name)
        if name == "cohere":
            return res, freqs
        return res, freqs, line
    method.__name__ = name
    method.__doc__ = "matplotlib's Axes.%s (plot.h nplot_%s)." % (name, name)
    return method


for _n in ("psd", "csd", "cohere", "magnitude_spectrum", "angle_spectrum", "phase_spectrum"):
    setattr(Axes, _n, _spectral(_n, 2 if _n in ("csd", "cohere") else 1, "Line2D"))


def ax_specgram(self, x, NFFT=None, Fs=None, Fc=None, detrend=None, window=None,
                noverlap=None, cmap=None, xextent=None, pad_to=None, sides=None,
                scale_by_freq=None, mode=None, scale=None, vmin=None, vmax=None, **kw):
    """matplotlib's Axes.specgram: (spectrum, freqs, t, image)."""
    kw = dict(kw, Fs=Fs, Fc=Fc, detrend=detrend, window=window, noverlap=noverlap,
              cmap=pp._cmap_name(cmap), xextent=xextent, pad_to=pad_to, sides=sides,
              scale_by_freq=scale_by_freq, mode=mode, scale=scale, vmin=vmin, vmax=vmax)
    kw = _spectral_kw("specgram", dict(kw, NFFT=NFFT), NFFT)
    spec, freqs, t = self._call("specgram", x, **kw)
    im = self._mapped("AxesImage", cmap=kw.get("cmap"))
    return spec, freqs, t, im


Axes.specgram = ax_specgram


def _xcorr_kw(kw, normed, usevlines, maxlags, detrend):
    if "c" in kw:
        kw["color"] = kw.pop("c")
    if maxlags is None:
        maxlags = -1
    elif maxlags == 0 or maxlags < 0:
        raise ValueError("maxlags must be None or strictly positive")
    if detrend is not None and not isinstance(detrend, str):
        name = getattr(detrend, "__name__", None)
        if name not in _DETRENDS:
            raise TypeError("xcorr(): detrend must be mlab's detrend_none / detrend_mean / "
                            "detrend_linear or their names")
        detrend = _DETRENDS[name]
    return dict(kw, normed=bool(normed), usevlines=bool(usevlines), maxlags=maxlags,
                detrend=detrend)


def ax_xcorr(self, x, y, normed=True, detrend=None, usevlines=True, maxlags=10, **kw):
    """matplotlib's Axes.xcorr: (lags, c, linecol, b) with vlines, (lags, c, line, None)
    with markers."""
    kw = _xcorr_kw(kw, normed, usevlines, maxlags, detrend)
    lags, c = self._call("xcorr", x, y, **kw)
    if usevlines:
        return lags, c, Artist(self, "LineCollection", kw.get("label")), Line2D(self, "Line2D")
    return lags, c, Line2D(self, "Line2D", kw.get("label")), None


def ax_acorr(self, x, normed=True, detrend=None, usevlines=True, maxlags=10, **kw):
    """matplotlib's Axes.acorr: xcorr(x, x)."""
    kw = _xcorr_kw(kw, normed, usevlines, maxlags, detrend)
    lags, c = self._call("acorr", x, **kw)
    if usevlines:
        return lags, c, Artist(self, "LineCollection", kw.get("label")), Line2D(self, "Line2D")
    return lags, c, Line2D(self, "Line2D", kw.get("label")), None


def ax_spy(self, Z, precision=0, marker=None, markersize=None, aspect="equal",
           origin="upper", **kw):
    """matplotlib's Axes.spy: an AxesImage, or a Line2D with marker / markersize."""
    if precision == "present":
        raise TypeError("spy(): precision='present' (sparse matrices) is not supported by numc")
    kw = dict(kw, precision=precision, marker=marker, markersize=markersize,
              aspect=aspect, origin=origin)
    if "ms" in kw:
        kw["markersize"] = kw.pop("ms")
    if "c" in kw:
        kw["color"] = kw.pop("c")
    self._call("spy", Z, **kw)
    if marker is None and kw["markersize"] is None:
        return Artist(self, "AxesImage")
    return Line2D(self, "Line2D", kw.get("label"))


Axes.xcorr, Axes.acorr, Axes.spy = ax_xcorr, ax_acorr, ax_spy


# ---- 3-D ---------------------------------------------------------------------------------------
def ax3_bar3d(self, x, y, z, dx, dy, dz, color=None, zsort="average", shade=True,
              lightsource=None, *args, **kw):
    """mpl_toolkits.mplot3d's Axes3D.bar3d: one lit cuboid per bar."""
    if args:
        raise TypeError("bar3d() takes 6 arrays and keyword arguments")
    if zsort != "average":
        raise TypeError("bar3d(): numc sorts the faces by zsort='average' only")
    if color is not None and not isinstance(color, str) and not pp._is_color_tuple(color):
        raise TypeError("bar3d(): numc.pyplot takes one color for every face")
    if "c" in kw:
        kw["color"] = kw.pop("c")
    if color is not None:
        kw["color"] = color
    if "edgecolors" in kw:
        kw["edgecolor"] = kw.pop("edgecolors")
    if "linewidths" in kw:
        kw["linewidth"] = kw.pop("linewidths")
    kw["no_shade"] = not shade
    if lightsource is not None:
        kw["light_azdeg"] = lightsource.azdeg
        kw["light_altdeg"] = lightsource.altdeg
    arr = [pp._seq(v) if not isinstance(v, (int, float)) else [float(v)]
           for v in (x, y, z, dx, dy, dz)]
    self._call("bar3d", *arr, **kw)
    return Artist(self, "Poly3DCollection", kw.get("label"))


def ax3_quiver(self, X, Y, Z, U, V, W, *, length=1, arrow_length_ratio=0.3, pivot="tail",
               normalize=False, **kw):
    """mpl_toolkits.mplot3d's Axes3D.quiver: 3-D arrows (Line3DCollection)."""
    if "c" in kw:
        kw["color"] = kw.pop("c")
    for a, b in (("colors", "color"), ("linewidths", "linewidth"), ("linestyles", "linestyle")):
        if a in kw:
            kw[b] = kw.pop(a)
    arr = [pp._seq(v) if not isinstance(v, (int, float)) else [float(v)]
           for v in (X, Y, Z, U, V, W)]
    self._call("quiver3d", *arr, length=length, arrow_length_ratio=arrow_length_ratio,
               pivot=pivot, normalize=normalize, **kw)
    return Artist(self, "Line3DCollection", kw.get("label"))


def ax3_set_proj_type(self, proj_type, focal_length=None):
    """Axes3D.set_proj_type: 'persp' (focal_length > 0, default 1) or 'ortho'."""
    if focal_length is None:
        focal_length = 0.0
    elif proj_type == "persp" and focal_length <= 0:
        raise ValueError("focal_length = %r must be greater than 0" % focal_length)
    self._call("set_proj_type", proj_type, float(focal_length))


def ax3_set_box_aspect(self, aspect, *, zoom=1):
    """Axes3D.set_box_aspect((ax, ay, az), zoom=1); None → 4:4:3."""
    if zoom <= 0:
        raise ValueError("Argument zoom = %r must be > 0" % zoom)
    a = (0.0, 0.0, 0.0) if aspect is None else tuple(float(v) for v in aspect)
    if len(a) != 3:
        raise ValueError("set_box_aspect(): aspect must be 3 values")
    self._call("set_box_aspect3d", a[0], a[1], a[2], float(zoom))


def ax3_view_init(self, elev=None, azim=None, roll=None, vertical_axis="z"):
    """Axes3D.view_init(elev, azim, roll) in degrees."""
    if vertical_axis != "z":
        raise TypeError("view_init(): vertical_axis other than 'z' is not supported by numc")
    self._call("view_init_roll", 30.0 if elev is None else float(elev),
               -60.0 if azim is None else float(azim), 0.0 if roll is None else float(roll))


def ax3_get_proj(self):
    """Axes3D.get_proj(): the 4 x 4 projection matrix (a numc array)."""
    import numc
    if self.figure._dirty:
        self.figure._replay()
    return numc.array(_P2.get_proj(self._h)).reshape(4, 4)


def ax3_invert_zaxis(self):
    self._call("invert_zaxis")


def ax3_zaxis_inverted(self):
    return _P2.zaxis_inverted(self._h)


def ax3_set_zbound(self, lower=None, upper=None):
    """Axes3D.set_zbound: None keeps a side; the inversion stays."""
    if upper is None and isinstance(lower, (tuple, list)):
        lower, upper = lower
    self._call("set_zbound", lower, upper)


def ax3_get_zbound(self):
    return _P2.get_zbound(self._h)


def ax3_set_zmargin(self, m):
    if m <= -0.5:
        raise ValueError("margin must be greater than -0.5")
    self._call("set_zmargin", float(m))


Axes3D.bar3d, Axes3D.quiver = ax3_bar3d, ax3_quiver
Axes3D.set_proj_type, Axes3D.set_box_aspect = ax3_set_proj_type, ax3_set_box_aspect
Axes3D.view_init, Axes3D.get_proj = ax3_view_init, ax3_get_proj
Axes3D.invert_zaxis, Axes3D.zaxis_inverted = ax3_invert_zaxis, ax3_zaxis_inverted
Axes3D.set_zbound, Axes3D.get_zbound = ax3_set_zbound, ax3_get_zbound
Axes3D.set_zmargin = ax3_set_zmargin
Axes3D.quiver3D = ax3_quiver


# ---- path effects and sketch --------------------------------------------------------------------
def line_set_path_effects(self, path_effects):
    """Artist.set_path_effects([numc.mpl.patheffects effects]) for a line."""
    from .mpl import patheffects as pe
    nums, fgs = [], []
    for e in path_effects or ():
        if not isinstance(e, pe.AbstractPathEffect):
            raise TypeError("set_path_effects(): %r is not a numc.mpl.patheffects effect" % (e,))
        row, fg = e._row()
        nums.extend(row)
        fgs.append(fg)
    _py21._artist_op(self, "set_path_effects", nums, fgs, first=True)
    self._path_effects = list(path_effects or ())


def line_get_path_effects(self):
    return list(self.__dict__.get("_path_effects", []))


def line_set_sketch_params(self, scale=None, length=None, randomness=None):
    """Artist.set_sketch_params(scale, length, randomness): None scale removes the sketch."""
    vals = [0.0 if v is None else float(v) for v in (scale, length, randomness)]
    _py21._artist_op(self, "set_sketch_params", *vals, first=True)
    self._sketch = None if scale is None else (scale, length or 128.0, randomness or 16.0)


def line_get_sketch_params(self):
    return self.__dict__.get("_sketch")


Line2D.set_path_effects, Line2D.get_path_effects = line_set_path_effects, line_get_path_effects
Line2D.set_sketch_params = line_set_sketch_params
Line2D.get_sketch_params = line_get_sketch_params

_orig_plot = Axes.plot


def ax_plot(self, *args, path_effects=None, sketch_params=None, **kw):
    lines = _orig_plot(self, *args, **kw)
    for ln in lines:
        if path_effects is not None:
            ln.set_path_effects(path_effects)
        if sketch_params is not None:
            ln.set_sketch_params(*sketch_params)
    return lines


ax_plot.__doc__ = _orig_plot.__doc__
Axes.plot = ax_plot


# ---- the state-machine names (plt.psd ... on the current axes) ----------------------------------
def _on_gca(name):
    def f(*args, **kw):
        return getattr(pp.gca(), name)(*args, **kw)
    f.__name__ = name
    f.__doc__ = "matplotlib.pyplot.%s: gca().%s(...)." % (name, name)
    return f


for _n in ("psd", "csd", "cohere", "specgram", "magnitude_spectrum", "angle_spectrum",
           "phase_spectrum", "acorr", "xcorr", "spy"):
    if not hasattr(pp, _n):
        setattr(pp, _n, _on_gca(_n))
