"""numc.pyplot: matplotlib's pyplot on libnumc_plot (C), for scripts that change one import.

    import numc.pyplot as plt
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(x, y, "ko-", label="data")
    ax.legend()
    fig.savefig("out.png", dpi=150)

The state machine (figure, subplot, gca, gcf, plot, title, savefig, close ...) and the
object API (Figure, Axes, with matplotlib's method and keyword names) call numc's C plot
library through numc._core._plot. Data may be numc arrays, NumPy arrays, lists or anything
with the buffer protocol or __array_interface__ (no NumPy needed). Keyword arguments numc
does not have raise TypeError naming them: nothing is ignored silently. docs/python.md
("numc.pyplot and numc.mpl") lists what exists.
"""
import math as _math
import os as _os
import sys as _sys

from ._core import _plot as _P

_P.prewarm()  # fonts load on another thread while the script makes its data

__all__ = []  # filled at the end

_INF = float("inf")


# ---- helpers ------------------------------------------------------------------------------
def _is_str(v):
    return isinstance(v, str)


def _is_color_tuple(v):
    return (isinstance(v, (tuple, list)) and len(v) in (3, 4)
            and all(isinstance(t, (int, float)) and not isinstance(t, bool) for t in v)
            and all(0 <= t <= 1 for t in v))


def _is_color(v):
    return _is_str(v) or _is_color_tuple(v)


def _seq(v):
    """A Python list of v's values (1-D), for small option data."""
    if hasattr(v, "tolist"):
        v = v.tolist()
    return list(v)


def _cmap_name(cmap):
    if cmap is None or isinstance(cmap, str):
        return cmap
    name = getattr(cmap, "name", None)
    if name is None:
        raise TypeError("cmap must be a colormap name or a numc.mpl.colors.Colormap")
    if hasattr(cmap, "_register"):
        cmap._register()
    return name


def _norm_arg(norm):
    if norm is None or isinstance(norm, dict):
        return norm
    d = getattr(norm, "_nplot", None)
    if d is None:
        raise TypeError("norm must be a numc.mpl.colors norm")
    return d() if callable(d) else d


def _fix_common(kw):
    """Colormap objects to names, norm objects to their option dicts."""
    if "cmap" in kw:
        kw["cmap"] = _cmap_name(kw["cmap"])
    if "norm" in kw:
        kw["norm"] = _norm_arg(kw["norm"])
        if isinstance(kw["norm"], dict):
            for k in ("vmin", "vmax"):
                if kw.get(k) is not None:
                    kw["norm"] = dict(kw["norm"], **{k: kw.pop(k)})
    for k in ("fontdict",):
        if k in kw:
            fd = kw.pop(k) or {}
            for kk, vv in fd.items():
                kw.setdefault(kk, vv)
    return kw


def _fontsize(v):
    sizes = {"xx-small": 5.79, "x-small": 6.94, "small": 8.33, "medium": 10.0,
             "large": 12.0, "x-large": 14.4, "xx-large": 17.28, "larger": 12.0,
             "smaller": 8.33}
    return sizes.get(v, v) if isinstance(v, str) else v


def _text_kw(kw):
    for k in ("fontsize", "size"):
        if k in kw:
            kw[k] = _fontsize(kw[k])
    if "fontweight" in kw and not isinstance(kw["fontweight"], str):
        kw["fontweight"] = str(kw["fontweight"])
    if "weight" in kw and not isinstance(kw["weight"], str):
        kw["weight"] = str(kw["weight"])
    if "rotation" in kw:
        r = kw["rotation"]
        kw["rotation"] = {"vertical": 90.0, "horizontal": 0.0}.get(r, r) if isinstance(r, str) else r
    tr = kw.pop("transform", None)
    if tr is not None:
        kw["coords"] = tr._coords
    return kw


def _handles(kw):
    """Axes objects among keyword values (colorbar's cax) as their current handles."""
    if any(isinstance(v, Axes) for v in kw.values()):
        return {k: (v._h if isinstance(v, Axes) else v) for k, v in kw.items()}
    return kw


class _Transform:
    """ax.transAxes / ax.transData / fig.transFigure as text coordinates."""

    def __init__(self, coords):
        self._coords = coords


# ---- artists ------------------------------------------------------------------------------
class Artist:
    """What a plotting call returns: its label and (for color-mapped artists) the axes
    whose colorbar describes it. Its setters change the call that drew it: the figure is
    made again from its calls before it is next drawn or saved."""

    def __init__(self, axes, kind, label=None, **info):
        self.axes = axes
        self._kind = kind
        self._label = label
        self._entry = axes.figure._log[-1] if axes.figure._log else None
        self.__dict__.update(info)

    def get_label(self):
        return self._label

    def _set(self, **kw):
        e = self._entry
        if e is None or e[0] is not self.axes:
            raise TypeError("%s: numc cannot change this artist" % self._kind)
        name = e[1].split(":", 1)[-1]
        known = _P.keywords(name)
        for k in kw:
            if k not in known:
                raise TypeError("%s.set() got an unexpected keyword argument '%s'" % (self._kind, k))
        e[3] = dict(e[3], **kw)
        self.axes.figure._dirty = True

    def set(self, **kw):
        for k, v in kw.items():
            f = getattr(self, "set_" + k, None)
            if f is None:
                self._set(**{k: v})
            else:
                f(v)

    def set_label(self, s):
        self._label = None if s is None else str(s)
        self._set(label=self._label)

    def set_color(self, c):
        self._set(color=c)

    def set_alpha(self, a):
        self._set(alpha=a)

    def set_linewidth(self, w):
        self._set(linewidth=w)

    def set_linestyle(self, ls):
        self._set(linestyle=ls)

    def set_zorder(self, z):
        self._set(zorder=z)

    def set_visible(self, b):
        e = self._entry
        if e is None or e[0] is not self.axes:
            raise TypeError("%s: numc cannot change this artist" % self._kind)
        name = e[1].split(":", 1)[-1]
        e[1] = name if b else "_hidden:" + name
        self.axes.figure._dirty = True

    def remove(self):
        self.set_visible(False)

    def __repr__(self):
        return "<numc.pyplot %s%s>" % (self._kind, "" if self._label is None else " %r" % self._label)


class Line2D(Artist):
    def set_marker(self, m):
        self._set(marker=m)

    def set_markersize(self, m):
        self._set(markersize=m)

    def set_data(self, *args):
        x, y = args if len(args) == 2 else args[0]
        e = self._entry
        if e is None or e[1] not in ("plot", "step"):
            raise TypeError("set_data(): numc changes the data of plot() and step() lines")
        e[2] = (x, y)
        self.axes.figure._dirty = True

    def set_xdata(self, x):
        self.set_data(x, self._entry[2][1])

    def set_ydata(self, y):
        self.set_data(self._entry[2][0], y)

    def get_xdata(self):
        return self._entry[2][0]

    def get_ydata(self):
        return self._entry[2][1]


class ScalarMappable(Artist):
    """An image, mesh, scatter with c, contour set or surface: colorbar(mappable) works."""

    def get_cmap(self):
        return self.__dict__.get("cmap")


class ContourSet(ScalarMappable):
    pass


class Container(list):
    """BarContainer / ErrorbarContainer / StemContainer: a list of its parts (the
    setters of its first part change the call that drew them all)."""

    def __init__(self, parts, label=None):
        super().__init__(parts)
        self._label = label

    def get_label(self):
        return self._label

    def set_label(self, s):
        self._label = s
        self[0].set_label(s)


class _Spine:
    def __init__(self, ax, which):
        self._ax, self._which = ax, which

    def set_visible(self, visible):
        self._ax._call("spines_set_visible", self._which, bool(visible))


class _Spines:
    def __init__(self, ax):
        self._ax = ax

    def __getitem__(self, key):
        if isinstance(key, slice):
            return _Spine(self._ax, "all")
        if isinstance(key, (list, tuple)):
            return _Spine(self._ax, ",".join(key))
        if key not in ("left", "right", "top", "bottom"):
            raise KeyError(key)
        return _Spine(self._ax, key)

    def __getattr__(self, name):
        if name in ("left", "right", "top", "bottom"):
            return _Spine(self._ax, name)
        raise AttributeError(name)


class _TickLabels(list):
    """ax.get_xticklabels(): plt.setp(labels, rotation=45, ha="right", ...) restyles them."""

    def __init__(self, ax, axis, labels):
        super().__init__(labels)
        self._ax, self._axis = ax, axis

    def _setp(self, **kw):
        ax, axis = self._ax, self._axis
        ticks, labels = ax._ticks.get(axis, (None, None))
        if ticks is None:
            ax._call("tick_params", axis=axis, labelrotation=kw.pop("rotation", None))
            if kw:
                raise TypeError("setp() on automatic tick labels takes only rotation, got %s"
                                % ", ".join(kw))
            return
        kw = _text_kw(kw)
        ax._call("set_%sticks" % axis, ticks, labels=labels, **kw)


class _Axis:
    """ax.xaxis / ax.yaxis: formatters, locators, tick positions and label position."""

    def __init__(self, ax, axis):
        self._ax, self._axis = ax, axis

    def set_major_formatter(self, fmt):
        from .mpl import ticker
        ticker._apply_formatter(self._ax, self._axis, fmt, minor=False)

    def set_minor_formatter(self, fmt):
        from .mpl import ticker
        ticker._apply_formatter(self._ax, self._axis, fmt, minor=True)

    def set_major_locator(self, loc):
        from .mpl import ticker
        ticker._apply_locator(self._ax, self._axis, loc)

    def grid(self, visible=None, which="major", **kw):
        self._ax.grid(visible, which=which, axis=self._axis, **kw)

    def set_label_text(self, label, **kw):
        (self._ax.set_xlabel if self._axis == "x" else self._ax.set_ylabel)(label, **kw)

    def set_minor_locator(self, loc):
        from .mpl import ticker
        if not isinstance(loc, (ticker.AutoMinorLocator, ticker.NullLocator)):
            raise TypeError("set_minor_locator(): numc has AutoMinorLocator and NullLocator")
        self._ax._call("minorticks_on" if isinstance(loc, ticker.AutoMinorLocator) else "minorticks_off")

    def set_ticks_position(self, pos):
        sides = ("bottom", "top") if self._axis == "x" else ("left", "right")
        on = {sides[0]: pos in (sides[0], "both", "default"), sides[1]: pos in (sides[1], "both")}
        self._ax._call("tick_params", axis=self._axis, **on)

    def tick_top(self):
        self._ax._call("tick_params", axis="x", top=True, bottom=False, labeltop=True,
                labelbottom=False)

    def tick_bottom(self):
        self._ax._call("tick_params", axis="x", top=False, bottom=True, labeltop=False,
                labelbottom=True)

    def set_visible(self, v):
        a = self._axis
        if a == "x":
            self._ax._call("tick_params", axis="x", bottom=v, labelbottom=v)
        else:
            self._ax._call("tick_params", axis="y", left=v, labelleft=v)


# ---- axes ---------------------------------------------------------------------------------
class Axes:
    """matplotlib.axes.Axes on an nplot_axes: the plotting methods and the setters."""
    name = "rectilinear"

    def __init__(self, fig, handle):
        self.figure = fig
        self._h = handle
        self._ticks = {}
        self._cats = {}
        self._locators = {}
        self._mappable = None
        self.spines = _Spines(self)
        self.xaxis = _Axis(self, "x")
        self.yaxis = _Axis(self, "y")
        self.transAxes = _Transform("axes")
        self.transData = _Transform("data")

    def _call(self, name, *args, **kw):
        if self._h is _Dead:
            raise RuntimeError("this axes was removed by clf(): make a new one")
        return self.figure._call(self, name, *args, **kw)

    def _mapped(self, kind, **info):
        m = ScalarMappable(self, kind, **info)
        self._mappable = m
        return m

    # -- lines
    def plot(self, *args, scalex=True, scaley=True, data=None, **kw):
        if not scalex or not scaley or data is not None:
            raise TypeError("plot(): scalex, scaley and data are not supported by numc")
        if "c" in kw:
            kw["color"] = kw.pop("c")
        lines = []
        args = list(args)
        while args:
            if len(args) >= 2 and not _is_str(args[1]):
                x, y = args[0], args[1]
                args = args[2:]
            else:
                x, y = None, args[0]
                args = args[1:]
            fmt = None
            if args and _is_str(args[0]):
                fmt = args.pop(0)
            opts = dict(kw)
            if fmt:
                opts["fmt"] = fmt
            self._call("plot", x, y, **opts)
            lines.append(Line2D(self, "Line2D", kw.get("label")))
        return lines

    def step(self, x, y, *args, where="pre", **kw):
        if args:
            kw["fmt"] = args[0]
        self._call("step", x, y, where=where, **kw)
        return [Line2D(self, "Line2D", kw.get("label"))]

    def loglog(self, *args, **kw):
        r = self.plot(*args, **kw)
        self.set_xscale("log")
        self.set_yscale("log")
        return r

    def semilogx(self, *args, **kw):
        r = self.plot(*args, **kw)
        self.set_xscale("log")
        return r

    def semilogy(self, *args, **kw):
        r = self.plot(*args, **kw)
        self.set_yscale("log")
        return r

    def axhline(self, y=0, xmin=0, xmax=1, **kw):
        self._call("axhline", y, min=xmin, max=xmax, **kw)
        return Line2D(self, "Line2D", kw.get("label"))

    def axvline(self, x=0, ymin=0, ymax=1, **kw):
        self._call("axvline", x, min=ymin, max=ymax, **kw)
        return Line2D(self, "Line2D", kw.get("label"))

    def axhspan(self, ymin, ymax, xmin=0, xmax=1, **kw):
        self._call("axhspan", ymin, ymax, min=xmin, max=xmax, **kw)
        return Artist(self, "Polygon", kw.get("label"))

    def axvspan(self, xmin, xmax, ymin=0, ymax=1, **kw):
        self._call("axvspan", xmin, xmax, min=ymin, max=ymax, **kw)
        return Artist(self, "Polygon", kw.get("label"))

    def axline(self, xy1, xy2=None, *, slope=None, **kw):
        if slope is not None:
            self._call("axline_slope", xy1[0], xy1[1], slope, **kw)
        else:
            self._call("axline", xy1[0], xy1[1], xy2[0], xy2[1], **kw)
        return Line2D(self, "Line2D", kw.get("label"))

    def hlines(self, y, xmin, xmax, colors=None, linestyles="solid", **kw):
        self._call("hlines", y, _arr1(xmin), _arr1(xmax), colors=colors,
                   linestyle=linestyles, **kw)
        return Artist(self, "LineCollection", kw.get("label"))

    def vlines(self, x, ymin, ymax, colors=None, linestyles="solid", **kw):
        self._call("vlines", x, _arr1(ymin), _arr1(ymax), colors=colors,
                   linestyle=linestyles, **kw)
        return Artist(self, "LineCollection", kw.get("label"))

    # -- markers and collections
    def scatter(self, x, y, s=None, c=None, marker=None, cmap=None, norm=None, vmin=None,
                vmax=None, alpha=None, linewidths=None, edgecolors=None, **kw):
        if "color" in kw and c is None:
            c = kw.pop("color")
        if s is not None:
            if isinstance(s, (int, float)):
                kw["s"] = s
            else:
                kw["sizes"] = s
        mapped = False
        if c is not None:
            if _is_color(c):
                kw["color"] = c
            elif isinstance(c, (list, tuple)) and c and all(_is_color(t) for t in c) \
                    and not all(isinstance(t, (int, float)) for t in c):
                raise TypeError("scatter(): per-point colors are not supported by numc; "
                                "give c as values with a cmap")
            else:
                kw["c"] = c
                mapped = True
        kw = _fix_common(dict(kw, cmap=cmap, norm=norm, vmin=vmin, vmax=vmax))
        self._call("scatter", x, y, marker=marker, alpha=alpha, linewidths=linewidths,
                   edgecolors=edgecolors, **kw)
        if mapped:
            return self._mapped("PathCollection", label=kw.get("label"), cmap=cmap)
        return Artist(self, "PathCollection", kw.get("label"))

    def bar(self, x, height, width=0.8, bottom=None, *, align="center", **kw):
        return self._bar("bar", x, height, width, bottom, align, kw)

    def barh(self, y, width, height=0.8, left=None, *, align="center", **kw):
        return self._bar("barh", y, width, height, left, align, kw)

    def _bar(self, kind, x, h, thick, base, align, kw):
        horiz = kind == "barh"
        if isinstance(thick, (int, float)):
            kw["height" if horiz else "width"] = thick
        else:
            kw["widths"] = thick
        if base is not None:
            if isinstance(base, (int, float)):
                kw["left" if horiz else "bottom"] = base
            else:
                kw["bottoms"] = base
        col = kw.pop("color", None)
        if col is not None:
            if _is_color(col):
                kw["color"] = col
            else:
                kw["colors"] = _seq(col)
        if "tick_label" in kw:
            tl = kw.pop("tick_label")
            kw["tick_labels"] = [tl] if isinstance(tl, str) else _seq(tl)
        for k in ("yerr", "xerr"):
            if k in kw:
                raise TypeError("%s(): %s is not supported by numc; draw errorbar() with "
                                "fmt='none' over the bars" % (kind, k))
        if isinstance(x, (list, tuple)) and x and all(isinstance(t, str) for t in x):
            hs = _seq(h) if not isinstance(h, (int, float)) else [h] * len(x)
            self._call(kind + "_cat", list(x), hs, align=align, **kw)
            pos = [float(self._cats.setdefault(kind, {}).setdefault(t, len(self._cats[kind])))
                   for t in x]
        else:
            if isinstance(h, (int, float)) and not isinstance(x, (int, float)):
                h = [h] * len(_seq(x))
            if isinstance(x, (int, float)):
                x = [x]
            if isinstance(h, (int, float)):
                h = [h]
            self._call(kind, x, h, align=align, **kw)
            pos, hs = [float(v) for v in _seq(x)], _seq(h)
        # the geometry, for bar_label
        n = len(pos)
        th = kw["widths"] if kw.get("widths") is not None else \
            [kw.get("height" if horiz else "width", 0.8)] * n
        base0 = kw["bottoms"] if kw.get("bottoms") is not None else \
            [kw.get("left" if horiz else "bottom", 0.0) or 0.0] * n
        th, base0 = _seq(th), _seq(base0)
        centers = [p + (t / 2 if align == "edge" else 0.0) for p, t in zip(pos, th)]
        c = Container([Artist(self, "Rectangle")], label=kw.get("label"))
        c._bars = [(cc, float(b), float(v)) for cc, b, v in zip(centers, base0, hs)]
        c._horizontal = horiz
        return c

    def bar_label(self, container, labels=None, *, fmt="%g", label_type="edge", padding=0,
                  **kw):
        """Labels at the end of each bar (label_type "edge", offset by padding points) or in
        its middle ("center"), as annotations: the value formatted with fmt (printf or
        "{:...}") unless labels are given."""
        bars = getattr(container, "_bars", None)
        if bars is None:
            raise TypeError("bar_label() takes what bar() / barh() returned")
        if label_type not in ("edge", "center"):
            raise ValueError("label_type must be 'edge' or 'center'")
        horiz = container._horizontal
        out = []
        for i, (c, b, v) in enumerate(bars):
            if v != v:
                continue
            if labels is not None:
                text = str(labels[i])
            elif callable(fmt):
                text = fmt(v)
            elif "{" in fmt:
                text = fmt.format(v)
            else:
                text = fmt % v
            end = b + v if label_type == "edge" else b + v / 2
            sign = -1.0 if v < 0 else 1.0
            opts = dict(kw)
            if horiz:
                x, y = end, c
                off = [sign * padding, 0.0] if label_type == "edge" else [0.0, 0.0]
                opts.setdefault("ha", "center" if label_type == "center" else ("left" if sign > 0 else "right"))
                opts.setdefault("va", "center")
            else:
                x, y = c, end
                off = [0.0, sign * padding] if label_type == "edge" else [0.0, 0.0]
                opts.setdefault("ha", "center")
                opts.setdefault("va", "center" if label_type == "center" else ("bottom" if sign > 0 else "top"))
            out.append(self.annotate(text, (x, y), xytext=off, textcoords="offset points", **opts))
        return out

    def hist(self, x, bins=None, range=None, density=False, weights=None, cumulative=False,
             bottom=None, histtype="bar", align="mid", orientation="vertical", rwidth=None,
             log=False, color=None, label=None, stacked=False, **kw):
        if align != "mid":
            raise TypeError("hist(): align other than 'mid' is not supported by numc")
        datasets = _datasets(x)
        if datasets is not None:
            return self._hist_multi(datasets, bins, range, density, weights, cumulative,
                                    bottom, histtype, orientation, rwidth, log, color, label,
                                    stacked, kw)
        if stacked:
            raise TypeError("hist(stacked=True) needs several datasets")
        if isinstance(bins, str):
            kw["bins_rule"] = bins
        elif isinstance(bins, int):
            kw["bins"] = bins
        elif bins is not None:
            kw["edges"] = bins
        if weights is not None:
            kw["weights_arr"] = weights
        cum = int(cumulative) if not isinstance(cumulative, bool) else (1 if cumulative else 0)
        n, edges = self._call("hist", x, range=range, density=density, cumulative=cum or None,
                              bottom=bottom, histtype=histtype, orientation=orientation,
                              rwidth=rwidth, color=color, label=label, **kw)
        if log:
            (self.set_xscale if orientation == "horizontal" else self.set_yscale)("log")
        return n, edges, Container([Artist(self, "Rectangle")], label=label)

    def _hist_multi(self, datasets, bins, range, density, weights, cumulative, bottom,
                    histtype, orientation, rwidth, log, color, label, stacked, kw):
        """hist of several datasets as matplotlib draws it: common bins, then per dataset
        bars side by side in each bin (0.8 of it shared), or stacked; counts by numc's C
        histogram (an undrawn scratch figure)."""
        if histtype not in ("bar", "barstacked") or weights is not None or cumulative:
            raise TypeError("hist() of several datasets: numc has histtype 'bar' / "
                            "'barstacked' without weights or cumulative")
        if bottom is not None or kw:
            raise TypeError("hist() of several datasets got an unexpected keyword argument "
                            "'%s'" % (next(iter(kw)) if kw else "bottom"))
        stacked = stacked or histtype == "barstacked"
        nx = len(datasets)
        scratch = _P.figure()
        sax = _P.subplots(scratch, 1, 1, 0, 0)[0]
        hk = {}
        if isinstance(bins, str):
            hk["bins_rule"] = bins
        elif isinstance(bins, int):
            hk["bins"] = bins
        elif bins is not None:
            hk["edges"] = bins
        if range is None and "edges" not in hk:
            lo = min(min(_seq(d)) for d in datasets if len(_seq(d)))
            hi = max(max(_seq(d)) for d in datasets if len(_seq(d)))
            range = (lo, hi)
        _, edges = _P.call("hist", sax, datasets[0], range=range, **hk)
        edges = _seq(edges)
        tops = []
        for d in datasets:
            n, _ = _P.call("hist", sax, d, edges=edges, density=density)
            tops.append(_seq(n))
        del scratch
        if stacked:                      # cumulative tops, as matplotlib's m
            acc = [0.0] * len(tops[0])
            for i, t in enumerate(tops):
                acc = [a + b for a, b in zip(acc, t)]
                tops[i] = acc
        totw = [b - a for a, b in zip(edges[:-1], edges[1:])]
        dr = 1.0 if rwidth is None and stacked else (0.8 if rwidth is None else min(max(rwidth, 0), 1))
        if stacked:
            width = [dr * w for w in totw]
            boffset = [0.5 * w for w in totw]
            dw = [0.0] * len(totw)
        else:
            width = [dr * w / nx for w in totw]
            dw = width
            boffset = [-0.5 * dr * w * (1 - 1 / nx) + 0.5 * w for w in totw]
        colors = color if isinstance(color, (list, tuple)) and not _is_color_tuple(color) else \
            ([color] * nx if color is not None else ["C%d" % (i % 10) for i in _builtin_range(nx)])
        labels = label if isinstance(label, (list, tuple)) else [label] + [None] * (nx - 1)
        base = [0.0] * len(totw)
        conts = []
        horiz = orientation == "horizontal"
        for m, c, lab in zip(tops, colors, labels):
            height = [a - b for a, b in zip(m, base)] if stacked else m
            pos = [e + o for e, o in zip(edges[:-1], boffset)]
            if horiz:
                conts.append(self.barh(pos, height, height=width, left=base, color=c, label=lab))
            else:
                conts.append(self.bar(pos, height, width=width, bottom=base, color=c, label=lab))
            if stacked:
                base = m
            boffset = [o + d for o, d in zip(boffset, dw)]
        if log:
            (self.set_xscale if horiz else self.set_yscale)("log")
        try:
            import numc
            tops = [numc.array(t) for t in tops]
            edges = numc.array(edges)
        except ImportError:
            pass
        return tops, edges, conts

    def hist2d(self, x, y, bins=10, range=None, density=False, weights=None, cmin=None,
               cmax=None, **kw):
        if isinstance(bins, int):
            kw["bins"] = bins
        elif isinstance(bins, (list, tuple)) and len(bins) == 2 and all(isinstance(b, int) for b in bins):
            kw["bins"], kw["bins_y"] = bins
        else:
            kw["xedges"], kw["yedges"] = bins
        if range is not None:
            range = [range[0][0], range[0][1], range[1][0], range[1][1]]
        kw = _fix_common(kw)
        h, xe, ye = self._call("hist2d", x, y, range=range, density=density, weights=weights,
                               cmin=cmin, cmax=cmax, **kw)
        return h, xe, ye, self._mapped("QuadMesh", cmap=kw.get("cmap"))

    def errorbar(self, x, y, yerr=None, xerr=None, fmt="", **kw):
        for name, v in (("yerr", yerr), ("xerr", xerr)):
            if v is None:
                continue
            if isinstance(v, (int, float)):
                kw[name + "_value"] = v
            else:
                kw[name] = v
        if "c" in kw:
            kw["color"] = kw.pop("c")
        self._call("errorbar", x, y, fmt=fmt or None, **kw)
        return Container([Line2D(self, "Line2D")], label=kw.get("label"))

    def stem(self, *args, linefmt=None, markerfmt=None, basefmt=None, bottom=0, label=None,
             orientation="vertical"):
        x, y = (None, args[0]) if len(args) == 1 or _is_str(args[1]) else args[:2]
        rest = [a for a in args[(1 if x is None else 2):]]
        if rest:
            linefmt = rest[0]
        if x is None:
            x = list(_builtin_range(len(_seq(y))))
        self._call("stem", x, y, linefmt=linefmt, markerfmt=markerfmt, basefmt=basefmt,
                   bottom=bottom, label=label, horizontal=orientation == "horizontal")
        return Container([Line2D(self, "Line2D")], label=label)

    def fill(self, *args, **kw):
        x, y = args[0], args[1]
        if len(args) > 2:
            kw["color"] = args[2]
        self._call("fill", x, y, **kw)
        return [Artist(self, "Polygon", kw.get("label"))]

    def fill_between(self, x, y1, y2=0, where=None, interpolate=False, step=None, **kw):
        if isinstance(y2, (int, float)):
            kw["y2"] = y2
            y2 = None
        self._call("fill_between", x, y1, y2, where=where, interpolate=interpolate, step=step, **kw)
        return Artist(self, "PolyCollection", kw.get("label"))

    def fill_betweenx(self, y, x1, x2=0, where=None, interpolate=False, step=None, **kw):
        if isinstance(x2, (int, float)):
            kw["y2"] = x2
            x2 = None
        self._call("fill_betweenx", y, x1, x2, where=where, interpolate=interpolate, step=step, **kw)
        return Artist(self, "PolyCollection", kw.get("label"))

    def stackplot(self, x, *ys, labels=(), colors=None, baseline="zero", **kw):
        ys = ys[0] if len(ys) == 1 else [_seq(v) for v in ys]
        self._call("stackplot", x, ys, labels=list(labels) or None, colors=colors,
                   baseline=baseline, **kw)
        return [Artist(self, "PolyCollection")]

    def stairs(self, values, edges=None, *, orientation="vertical", baseline=0, fill=False, **kw):
        self._call("stairs", values, edges=edges, orientation=orientation,
                   baseline=float("nan") if baseline is None else baseline, fill=fill, **kw)
        return Artist(self, "StepPatch", kw.get("label"))

    def ecdf(self, x, weights=None, *, complementary=False, orientation="vertical",
             compress=False, **kw):
        self._call("ecdf", x, weights=weights, complementary=complementary,
                   orientation=orientation, compress=compress, **kw)
        return Line2D(self, "Line2D", kw.get("label"))

    def eventplot(self, positions, orientation="horizontal", lineoffsets=None, linelengths=None,
                  linewidths=None, colors=None, linestyles=None, **kw):
        self._call("eventplot", positions, orientation=orientation, lineoffsets=lineoffsets,
                   linelengths=linelengths, linewidths=linewidths,
                   colors=[colors] if _is_color(colors) else colors, linestyle=linestyles, **kw)
        return [Artist(self, "EventCollection")]

    def broken_barh(self, xranges, yrange, **kw):
        fc = kw.pop("facecolors", kw.pop("facecolor", kw.pop("color", None)))
        self._call("broken_barh", [list(r) for r in xranges], yrange[0], yrange[1],
                   facecolors=[fc] if _is_color(fc) else fc, **kw)
        return Artist(self, "PolyCollection", kw.get("label"))

    # -- images and fields
    def imshow(self, X, cmap=None, norm=None, aspect=None, interpolation=None, alpha=None,
               vmin=None, vmax=None, origin=None, extent=None, **kw):
        if isinstance(aspect, (int, float)) and not isinstance(aspect, bool):
            asp, aspect = aspect, "auto"
        else:
            asp = None
        kw = _fix_common(dict(kw, cmap=cmap, norm=norm, vmin=vmin, vmax=vmax))
        self._call("imshow", X, aspect=aspect, interpolation=interpolation, alpha=alpha,
                   origin=origin, extent=extent, **kw)
        if asp is not None:
            self.set_aspect(asp)
        return self._mapped("AxesImage", cmap=cmap)

    def matshow(self, Z, **kw):
        kw = _fix_common(kw)
        self._call("matshow", Z, **kw)
        return self._mapped("AxesImage", cmap=kw.get("cmap"))

    def pcolormesh(self, *args, shading=None, **kw):
        if len(args) == 3:
            X, Y, C = args
            kw["x"], kw["y"] = X, Y
        elif len(args) == 1:
            C = args[0]
        else:
            raise TypeError("pcolormesh() takes C or X, Y, C")
        kw = _fix_common(kw)
        self._call("pcolormesh", C, shading=shading, **kw)
        return self._mapped("QuadMesh", cmap=kw.get("cmap"))

    pcolor = pcolormesh

    def hexbin(self, x, y, C=None, gridsize=100, **kw):
        if C is not None:
            raise TypeError("hexbin(): C (reduce_C_function) is not supported by numc")
        if isinstance(gridsize, (tuple, list)):
            kw["gridsize"], kw["gridsize_y"] = gridsize
        else:
            kw["gridsize"] = gridsize
        if "bins" in kw:
            b = kw.pop("bins")
            if b == "log":
                kw["norm"] = {"kind": 1}
            elif b is not None:
                raise TypeError("hexbin(): bins must be None or 'log' in numc")
        kw = _fix_common(kw)
        self._call("hexbin", x, y, **kw)
        return self._mapped("PolyCollection", cmap=kw.get("cmap"))

    def _contour(self, name, args, kw):
        args = list(args)
        levels = kw.pop("levels", None)
        if len(args) in (2, 4) and not isinstance(args[-1], str):
            levels = args.pop()
        if len(args) == 1:
            X = Y = None
            Z = args[0]
        elif len(args) == 3:
            X, Y, Z = args
        else:
            raise TypeError("%s() takes Z or X, Y, Z (and levels)" % name)
        if isinstance(levels, int):
            kw["nlevels"] = levels
        elif levels is not None:
            kw["levels"] = levels
        c = kw.pop("colors", None)
        if c is not None:
            kw["colors"] = [c] if _is_color(c) else list(c)
        ls = kw.pop("linestyles", None)
        if ls is not None:
            kw["linestyles"] = [ls] if isinstance(ls, str) else list(ls)
        lw = kw.pop("linewidths", None)
        if lw is not None:
            kw["linewidths"] = lw
        kw = _fix_common(kw)
        self._call(name, X, Y, Z, **kw)
        cs = ContourSet(self, "ContourSet", cmap=kw.get("cmap"), filled=name.startswith("contourf"))
        cs.levels = _P.contour_levels(self._h) if name in ("contour", "contourf") else None
        self._mappable = cs
        return cs

    def contour(self, *args, **kw):
        return self._contour("contour", args, kw)

    def contourf(self, *args, **kw):
        return self._contour("contourf", args, kw)

    def clabel(self, CS=None, levels=None, *, fontsize=None, inline=True, inline_spacing=5,
               fmt=None, colors=None, manual=False, **kw):
        if fmt is not None:
            if callable(fmt):
                kw["fn"] = lambda v, i, f=fmt: f(v)
            elif isinstance(fmt, dict):
                kw["fn"] = lambda v, i, d=fmt: str(d.get(v, v))
            elif "{" in fmt:
                kw["fn"] = lambda v, i, f=fmt: f.format(v)
            else:
                kw["fmt"] = fmt
        if manual not in (False, None):
            pts = []
            for p in manual:
                pts.extend(p)
            kw["manual"] = pts
        self._call("clabel", levels=levels, fontsize=_fontsize(fontsize), inline_labels=bool(inline),
                   inline_spacing=inline_spacing, colors=[colors] if _is_color(colors) else colors,
                   **kw)
        return [Artist(self, "Text")]

    def _vector_field(self, kind, args, kw):
        """quiver/barbs: ([X, Y,] U, V[, C]) as the x/y/c keywords, then draw; returns the keywords."""
        args = list(args)
        if len(args) in (3, 5):
            kw["c"] = args.pop()
        if len(args) == 4:
            kw["x"], kw["y"] = args[0], args[1]
            args = args[2:]
        kw = _fix_common(kw)
        self._call(kind, args[0], args[1], **kw)
        return kw

    def quiver(self, *args, **kw):
        kw = self._vector_field("quiver", args, kw)
        q = Artist(self, "Quiver")
        if "c" in kw:
            self._mappable = q
        return q

    def quiverkey(self, Q, X, Y, U, label, **kw):
        self._call("quiverkey", X, Y, U, label, **kw)

    def barbs(self, *args, **kw):
        self._vector_field("barbs", args, kw)
        return Artist(self, "Barbs")

    def streamplot(self, x, y, u, v, density=1, color=None, **kw):
        if isinstance(density, (tuple, list)):
            kw["density"], kw["density_y"] = density
        else:
            kw["density"] = density
        if color is not None and not _is_color(color):
            kw["c"] = color
        else:
            kw["color"] = color
        lw = kw.pop("linewidth", None)
        if lw is not None and not isinstance(lw, (int, float)):
            kw["linewidths"] = lw
        elif lw is not None:
            kw["linewidth"] = lw
        kw = _fix_common(kw)
        self._call("streamplot", x, y, u, v, **kw)
        return Artist(self, "StreamplotSet")

    # -- statistics
    def pie(self, x, explode=None, labels=None, colors=None, autopct=None, pctdistance=0.6,
            shadow=False, labeldistance=1.1, startangle=0, radius=1, counterclock=True,
            wedgeprops=None, textprops=None, normalize=True, frame=False):
        if shadow or frame:
            raise TypeError("pie(): shadow and frame are not supported by numc")
        kw = {}
        for k, v in (wedgeprops or {}).items():
            k = {"ec": "edgecolor", "lw": "linewidth"}.get(k, k)
            if k not in ("edgecolor", "linewidth", "alpha"):
                raise TypeError("pie(): wedgeprops '%s' is not supported by numc" % k)
            kw[k] = v
        for k, v in (textprops or {}).items():
            if k not in ("fontsize", "size"):
                raise TypeError("pie(): textprops '%s' is not supported by numc" % k)
            kw["textsize"] = _fontsize(v)
        if callable(autopct):
            raise TypeError("pie(): autopct must be a format string in numc")
        self._call("pie", x, explode=explode, labels=None if labels is None else [str(t) for t in labels],
                   colors=colors, autopct=autopct, pctdistance=pctdistance,
                   labeldistance=labeldistance, startangle=startangle, radius=radius,
                   counterclock=bool(counterclock), normalize=bool(normalize), **kw)
        return [Artist(self, "Wedge")], [Artist(self, "Text")]

    def boxplot(self, x, notch=None, sym=None, vert=None, whis=None, positions=None,
                widths=None, patch_artist=None, labels=None, showmeans=None, showfliers=None,
                usermedians=None, conf_intervals=None, bootstrap=None, tick_labels=None, **kw):
        if sym is not None:
            raise TypeError("boxplot(): sym is not supported by numc (use showfliers)")
        if tick_labels is not None:
            labels = tick_labels
        data = _columns(x)
        if widths is not None and not isinstance(widths, (int, float)):
            kw["widths_each"] = widths
            widths = None
        for k in ("boxprops", "medianprops", "whiskerprops", "capprops", "flierprops", "meanprops"):
            if k in kw:
                props = kw.pop(k) or {}
                for pk, pv in props.items():
                    if pk in ("color",) and k == "medianprops":
                        kw["mediancolor"] = pv
                    elif pk in ("facecolor",) and k == "boxprops":
                        kw["facecolor"] = pv
                    elif pk == "color" and k == "boxprops":
                        kw["color"] = pv
                    elif pk in ("linewidth", "lw"):
                        kw["linewidth"] = pv
                    else:
                        raise TypeError("boxplot(): %s '%s' is not supported by numc" % (k, pk))
        self._call("boxplot", data, notch=notch, vert=vert, whis=whis, positions=positions,
                   widths=widths, patch_artist=patch_artist,
                   labels=None if labels is None else [str(t) for t in labels],
                   showmeans=showmeans, showfliers=showfliers, usermedians=usermedians,
                   conf_intervals=None if conf_intervals is None else
                   [float("nan") if v is None else v for p in conf_intervals
                    for v in (p if p is not None else (None, None))],
                   bootstrap=bootstrap, **kw)
        return {"boxes": [Artist(self, "PathPatch")]}

    def violinplot(self, dataset, positions=None, vert=True, widths=0.5, showmeans=False,
                   showextrema=True, showmedians=False, quantiles=None, points=100,
                   bw_method=None):
        kw = {}
        if quantiles is not None:
            q = list(quantiles)
            kw["quantiles"] = q if q and isinstance(q[0], (list, tuple)) or \
                (q and hasattr(q[0], "__len__")) else [q]
        if isinstance(bw_method, (int, float)):
            kw["bw_factor"] = bw_method
        else:
            kw["bw_method"] = bw_method
        data = _columns(dataset, pad=False)
        self._call("violinplot", data, positions=positions, vert=bool(vert), widths=widths,
                   showmeans=showmeans, showextrema=bool(showextrema), showmedians=showmedians,
                   points=points, **kw)
        return {"bodies": [Artist(self, "PolyCollection")]}

    # -- text
    def text(self, x, y, s, fontdict=None, **kw):
        kw = _text_kw(_fix_common(dict(kw, fontdict=fontdict)))
        self._call("text", x, y, str(s), **kw)
        return Artist(self, "Text", text=s)

    # annotate: numc/_pyplot_py21.py (every arrowstyle, connectionstyle and textcoords)

    def set_title(self, label, fontdict=None, loc=None, pad=None, **kw):
        kw = _text_kw(_fix_common(dict(kw, fontdict=fontdict)))
        self._call("set_title", str(label), loc=loc, pad=pad, **kw)

    def set_xlabel(self, xlabel, fontdict=None, labelpad=None, loc=None, **kw):
        kw = _text_kw(_fix_common(dict(kw, fontdict=fontdict)))
        self._call("set_xlabel", str(xlabel), pad=labelpad, loc=loc, **kw)

    def set_ylabel(self, ylabel, fontdict=None, labelpad=None, loc=None, **kw):
        kw = _text_kw(_fix_common(dict(kw, fontdict=fontdict)))
        self._call("set_ylabel", str(ylabel), pad=labelpad, loc=loc, **kw)

    def legend(self, *args, handles=None, labels=None, **kw):
        if args:
            if len(args) == 2:
                handles, labels = args
            elif len(args) == 1 and all(isinstance(t, str) for t in args[0]):
                labels = args[0]
            else:
                handles = args[0]
        if labels is not None and handles is None:
            from ._pyplot_more import _labelled
            if len(_labelled(self.figure, [self])) == len(labels):
                # as many labels as labelled artists: this legend's texts only (matplotlib
                # leaves the artists' own labels alone)
                kw["labels"] = [str(t) for t in labels]
                labels = None
        if labels is not None:
            labels = [str(t) for t in labels]
            if handles is None:   # the axes' artists in the order they were drawn
                handles = [e for e in self.figure._log
                           if e[0] is self and e[1] in _LEGEND_KINDS]
                entries = handles
            else:
                entries = [h[0]._entry if isinstance(h, Container) and h else
                           getattr(h, "_entry", None) for h in handles]
                if any(e is None for e in entries):
                    raise TypeError("legend(handles, labels): the handles must be artists "
                                    "this axes drew")
            for e, lab in zip(entries, labels):
                e[3] = dict(e[3], label=lab)
            if entries:
                self.figure._replay()
            handles = None
        if handles is not None:
            for h in handles:
                proxy = getattr(h, "_legend_proxy", None)
                if proxy is not None and h not in self.figure._proxies:
                    proxy(self)
                    self.figure._proxies.append(h)
        loc = kw.get("loc")
        if isinstance(loc, int):
            kw["loc"] = _LOCS[loc]
        if "ncols" in kw:
            kw["ncol"] = kw.pop("ncols")
        if "fontsize" in kw:
            kw["fontsize"] = _fontsize(kw["fontsize"])
        if "bbox_to_anchor" in kw and kw["bbox_to_anchor"] is not None:
            kw["bbox_to_anchor"] = list(kw["bbox_to_anchor"])[:2]
        self._call("legend", **kw)
        from .mpl.legend import Legend
        from ._pyplot_more import _labelled
        return Legend(self, kw.get("labels") or _labelled(self.figure, [self]))

    def grid(self, visible=None, which="major", axis="both", **kw):
        if "b" in kw:
            visible = kw.pop("b")
        v = None if visible is None else bool(visible)
        if v is None and kw:
            v = True
        self._call("grid", visible=True if v is None else v, which=which, axis=axis, **kw)

    # -- limits, scales, ticks
    def set_xlim(self, left=None, right=None, **kw):
        if isinstance(left, (tuple, list)):
            left, right = left
        left = kw.pop("xmin", left)
        right = kw.pop("xmax", right)
        if kw:
            raise TypeError("set_xlim() got an unexpected keyword argument '%s'" % next(iter(kw)))
        self._call("set_xlim", left, right)
        return self.get_xlim()

    def set_ylim(self, bottom=None, top=None, **kw):
        if isinstance(bottom, (tuple, list)):
            bottom, top = bottom
        bottom = kw.pop("ymin", bottom)
        top = kw.pop("ymax", top)
        if kw:
            raise TypeError("set_ylim() got an unexpected keyword argument '%s'" % next(iter(kw)))
        self._call("set_ylim", bottom, top)
        return self.get_ylim()

    def get_xlim(self):
        return _P.get_lim(self._h, "x")

    def get_ylim(self):
        return _P.get_lim(self._h, "y")

    def set_xscale(self, value, **kw):
        self._call("set_xscale", value, **kw)

    def set_yscale(self, value, **kw):
        self._call("set_yscale", value, **kw)

    def set_xticks(self, ticks, labels=None, *, minor=False, **kw):
        return self._set_ticks("x", ticks, labels, minor, kw)

    def set_yticks(self, ticks, labels=None, *, minor=False, **kw):
        return self._set_ticks("y", ticks, labels, minor, kw)

    def _set_ticks(self, axis, ticks, labels, minor, kw):
        ticks = [float(t) for t in _seq(ticks)]
        labels = None if labels is None else [str(t) for t in labels]
        if not minor:
            self._ticks[axis] = (ticks, labels)
        self._call("set_%sticks" % axis, ticks, labels=labels, minor=minor, **_text_kw(kw))

    def set_xticklabels(self, labels, *, fontdict=None, minor=False, **kw):
        return self._set_ticklabels("x", labels, fontdict, minor, kw)

    def set_yticklabels(self, labels, *, fontdict=None, minor=False, **kw):
        return self._set_ticklabels("y", labels, fontdict, minor, kw)

    def _set_ticklabels(self, axis, labels, fontdict, minor, kw):
        labels = [str(t) for t in labels]
        kw = _text_kw(_fix_common(dict(kw, fontdict=fontdict)))
        ticks = self._ticks.get(axis, (None, None))[0]
        if ticks is not None and not minor:
            self._ticks[axis] = (ticks, labels)
        self._call("set_%sticklabels" % axis, labels, minor=minor, **kw)

    def get_xticks(self):
        self.figure._draw()
        return _P.get_ticks(self._h, "x")[0]

    def get_yticks(self):
        self.figure._draw()
        return _P.get_ticks(self._h, "y")[0]

    def get_xticklabels(self, minor=False, which=None):
        if minor or which not in (None, "major"):
            raise TypeError("get_xticklabels(): numc reports the major tick labels only")
        self.figure._draw()
        return _TickLabels(self, "x", _P.get_ticks(self._h, "x")[1])

    def get_yticklabels(self, minor=False, which=None):
        if minor or which not in (None, "major"):
            raise TypeError("get_yticklabels(): numc reports the major tick labels only")
        self.figure._draw()
        return _TickLabels(self, "y", _P.get_ticks(self._h, "y")[1])

    def tick_params(self, axis="both", **kw):
        if "colors" in kw:
            c = kw.pop("colors")
            kw["color"], kw["labelcolor"] = c, c
        if "labelsize" in kw:
            kw["labelsize"] = _fontsize(kw["labelsize"])
        self._call("tick_params", axis=axis, **kw)

    def minorticks_on(self):
        self._call("minorticks_on")

    def minorticks_off(self):
        self._call("minorticks_off")

    def invert_xaxis(self):
        self._call("invert_xaxis")

    def invert_yaxis(self):
        self._call("invert_yaxis")

    def margins(self, *args, x=None, y=None, tight=True):
        if len(args) == 1:
            x = y = args[0]
        elif len(args) == 2:
            x, y = args
        self._call("margins", 0.05 if x is None else x, 0.05 if y is None else y)

    def axis(self, arg=None, **kw):
        if isinstance(arg, (list, tuple)):
            self.set_xlim(arg[0], arg[1])
            self.set_ylim(arg[2], arg[3])
        elif isinstance(arg, bool):
            self._call("axis", "on" if arg else "off")
        elif arg is not None:
            self._call("axis", arg)
        if kw:
            raise TypeError("axis() got an unexpected keyword argument '%s'" % next(iter(kw)))
        return self.get_xlim() + self.get_ylim()

    def set_axis_off(self):
        self._call("axis", "off")

    def set_axis_on(self):
        self._call("axis", "on")

    def set_aspect(self, aspect, adjustable=None, anchor=None):
        if adjustable not in (None, "box") or anchor is not None:
            raise TypeError("set_aspect(): numc has adjustable='box' only")
        self._call("set_aspect", 1.0 if aspect == "equal" else 0.0 if aspect == "auto" else aspect)

    def set_facecolor(self, color):
        self._call("set_facecolor", color if isinstance(color, str) else
                   "#%02x%02x%02x" % tuple(int(round(c * 255)) for c in color[:3]))

    def set(self, **kw):
        for k, v in kw.items():
            f = getattr(self, "set_" + k, None)
            if f is None:
                raise AttributeError("Axes.set() got an unexpected keyword argument '%s'" % k)
            f(*v) if k in ("xlim", "ylim", "zlim") and isinstance(v, (tuple, list)) else f(v)

    def twinx(self):
        ax = Axes(self.figure, self._call("twinx"))
        self.figure._log[-1][4] = ax
        self.figure._axes.append(ax)
        return ax

    def twiny(self):
        ax = Axes(self.figure, self._call("twiny"))
        self.figure._log[-1][4] = ax
        self.figure._axes.append(ax)
        return ax

    def get_figure(self):
        return self.figure

    def add_patch(self, p):
        p._draw(self)
        return p

    def add_artist(self, a):
        if hasattr(a, "_draw"):
            a._draw(self)
            return a
        raise TypeError("add_artist(): numc adds patches only")

    def _apply_locators(self):
        for axis, loc in self._locators.items():
            lo, hi = _P.get_lim(self._h, axis)
            a, b = min(lo, hi), max(lo, hi)
            eps = (b - a) * 1e-10
            ticks = [t for t in loc.tick_values(a, b) if a - eps <= t <= b + eps]
            _P.call("set_%sticks" % axis, self._h, ticks)   # not logged: made at each draw

    def cla(self):
        self.figure._clear_axes(self)

    clear = cla

    def label_outer(self):
        """Only the outer subplots keep their tick labels and axis labels (an axes made
        by subplots() / subplot(r, c, i) knows its place in the grid)."""
        pos = getattr(self, "_grid_pos", None)
        if pos is None:
            raise TypeError("label_outer(): numc knows the grid place of axes made by "
                            "subplots() or subplot(nrows, ncols, index) only")
        r, c, nr, nc = pos
        if r != nr - 1:
            self._call("tick_params", axis="x", labelbottom=False)
            self._call("set_xlabel", "")
        if c != 0:
            self._call("tick_params", axis="y", labelleft=False)
            self._call("set_ylabel", "")


class Axes3D(Axes):
    """The axes of subplot_kw={'projection': '3d'} (mpl_toolkits.mplot3d's Axes3D)."""
    name = "3d"

    def plot(self, xs, ys, *args, zs=None, zdir="z", **kw):
        if args and not _is_str(args[0]):
            zs, args = args[0], args[1:]
        if zdir != "z":
            raise TypeError("Axes3D.plot(): zdir other than 'z' is not supported by numc")
        if args:
            kw["fmt"] = args[0]
        if "c" in kw:
            kw["color"] = kw.pop("c")
        if zs is None or isinstance(zs, (int, float)):
            n = len(_seq(xs))
            zs = [0.0 if zs is None else float(zs)] * n
        self._call("plot3d", xs, ys, zs, **kw)
        return [Line2D(self, "Line3D", kw.get("label"))]

    plot3D = plot

    def scatter(self, xs, ys, zs=0, zdir="z", s=None, c=None, depthshade=True, *args, **kw):
        if zdir != "z" or not depthshade or args:
            raise TypeError("Axes3D.scatter(): zdir and depthshade=False are not supported by numc")
        if isinstance(zs, (int, float)):
            zs = [float(zs)] * len(_seq(xs))
        if "color" in kw and c is None:
            c = kw.pop("color")
        if s is not None:
            kw["s" if isinstance(s, (int, float)) else "sizes"] = s
        mapped = c is not None and not _is_color(c)
        if c is not None:
            kw["c" if mapped else "color"] = c
        kw = _fix_common(kw)
        self._call("scatter3d", xs, ys, zs, **kw)
        return self._mapped("Path3DCollection", cmap=kw.get("cmap")) if mapped else \
            Artist(self, "Path3DCollection", kw.get("label"))

    scatter3D = scatter

    def plot_surface(self, X, Y, Z, *, norm=None, vmin=None, vmax=None, lightsource=None,
                     antialiased=None, shade=None, **kw):
        # antialiased and shade are accepted for matplotlib's demos: numc draws its quads
        # without seams and shades a plain-color surface always (as matplotlib's default).
        if lightsource is not None or shade is False:
            raise TypeError("plot_surface(): lightsource and shade=False are not supported by numc")
        kw = _fix_common(dict(kw, norm=norm, vmin=vmin, vmax=vmax))
        if "facecolors" in kw:
            raise TypeError("plot_surface(): facecolors is not supported by numc")
        self._call("plot_surface", X, Y, Z, **kw)
        return self._mapped("Poly3DCollection", cmap=kw.get("cmap"))

    def plot_wireframe(self, X, Y, Z, **kw):
        self._call("plot_wireframe", X, Y, Z, **kw)
        return Artist(self, "Line3DCollection", kw.get("label"))

    def contour(self, *args, **kw):
        return self._contour("contour3d", args, kw)

    def contourf(self, *args, **kw):
        return self._contour("contourf3d", args, kw)

    def set_zlabel(self, zlabel, fontdict=None, labelpad=None, **kw):
        kw = _text_kw(_fix_common(dict(kw, fontdict=fontdict)))
        self._call("set_zlabel", str(zlabel), pad=labelpad, **kw)

    def set_zlim(self, bottom=None, top=None):
        if isinstance(bottom, (tuple, list)):
            bottom, top = bottom
        self._call("set_zlim", bottom, top)

    def get_zlim(self):
        return _P.get_lim(self._h, "z")

    def view_init(self, elev=None, azim=None, roll=None, vertical_axis="z"):
        if roll not in (None, 0) or vertical_axis != "z":
            raise TypeError("view_init(): roll and vertical_axis are not supported by numc")
        self._call("view_init", 30.0 if elev is None else elev, -60.0 if azim is None else azim)


# the calls whose artists have legend entries (legend(labels) labels them in order)
_LEGEND_KINDS = {"plot", "step", "scatter", "fill", "errorbar", "stem", "bar", "barh", "bar_cat",
                 "barh_cat", "fill_between", "fill_betweenx", "hist", "axhline", "axvline",
                 "axhspan", "axvspan", "hlines", "vlines", "stairs", "ecdf", "plot3d",
                 "scatter3d", "plot_surface", "plot_wireframe", "axline", "axline_slope"}

_LOCS = ["best", "upper right", "upper left", "lower left", "lower right", "right",
         "center left", "center right", "lower center", "upper center", "center"]
_builtin_range = range


def _arr1(v):
    return [v] if isinstance(v, (int, float)) else v


def _datasets(x):
    """hist's x as several datasets (a list of sequences, or a 2-D array: its columns),
    or None for one dataset."""
    nd = getattr(x, "ndim", None)
    if nd == 2:
        rows = x.tolist()
        return [[r[j] for r in rows] for j in range(len(rows[0]))] if rows else None
    if nd is None and isinstance(x, (list, tuple)) and x and \
            all(hasattr(d, "__len__") and not isinstance(d, str) for d in x):
        return [_seq(d) if not hasattr(d, "ndim") else d for d in x]
    return None


def _columns(x, pad=True):
    """boxplot / violinplot data: one array, or a list of datasets → (n, k), padded with
    NaN (boxplot drops NaN; violinplot needs equal lengths)."""
    if hasattr(x, "ndim") or hasattr(x, "__array_interface__"):
        return x
    x = list(x)
    if x and all(isinstance(t, (int, float)) for t in x):
        return x
    cols = [_seq(c) for c in x]
    n = max(len(c) for c in cols)
    if not pad and any(len(c) != n for c in cols):
        raise ValueError("violinplot(): numc needs datasets of equal length")
    nan = float("nan")
    return [[c[i] if i < len(c) else nan for c in cols] for i in range(n)]


# ---- figures ------------------------------------------------------------------------------
class _AxesArray:
    """What subplots() returns for several axes: indexable like NumPy's object array
    (axs[0, 1], axs[0][1], axs[-1], axs.flat, axs.ravel(), axs.shape, iteration)."""

    def __init__(self, items, shape):
        self._items, self.shape = items, shape
        self.ndim, self.size = len(shape), len(items)

    def _at(self, idx):
        if self.ndim == 1:
            return self._items[idx]
        r, c = idx
        nr, nc = self.shape
        return self._items[(r % nr) * nc + (c % nc)]

    def __getitem__(self, key):
        if self.ndim == 1:
            if isinstance(key, slice):
                it = self._items[key]
                return _AxesArray(it, (len(it),))
            return self._items[key]
        nr, nc = self.shape
        if isinstance(key, tuple):
            r, c = key
            rows = range(nr)[r] if isinstance(r, slice) else [r % nr]
            cols = range(nc)[c] if isinstance(c, slice) else [c % nc]
            items = [self._items[i * nc + j] for i in rows for j in cols]
            if not isinstance(r, slice) and not isinstance(c, slice):
                return items[0]
            if isinstance(r, slice) and isinstance(c, slice):
                return _AxesArray(items, (len(rows), len(cols)))
            return _AxesArray(items, (len(items),))
        if isinstance(key, slice):
            rows = range(nr)[key]
            return _AxesArray([self._items[i * nc + j] for i in rows for j in range(nc)],
                              (len(rows), nc))
        r = key % nr
        return _AxesArray(self._items[r * nc:(r + 1) * nc], (nc,))

    def __iter__(self):
        if self.ndim == 1:
            return iter(self._items)
        return (self[i] for i in range(self.shape[0]))

    def __len__(self):
        return self.shape[0]

    @property
    def flat(self):
        return iter(self._items)

    def ravel(self):
        return _AxesArray(list(self._items), (self.size,))

    flatten = ravel

    def tolist(self):
        return [list(r) for r in self] if self.ndim == 2 else list(self._items)

    def reshape(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        shape = tuple(self.size // _math.prod(s for s in shape if s != -1) if s == -1 else s
                      for s in shape)
        return _AxesArray(list(self._items), shape)

    @property
    def T(self):
        if self.ndim == 1:
            return self
        nr, nc = self.shape
        return _AxesArray([self._items[i * nc + j] for j in range(nc) for i in range(nr)], (nc, nr))

    def __repr__(self):
        return "array(%r, dtype=object)" % (self.tolist(),)


class _Canvas:
    def __init__(self, fig):
        self.figure = fig

    def draw(self):
        self.figure._draw()

    def draw_idle(self):
        self.figure._draw()

    def get_width_height(self):
        return _P.pixel_size(self.figure._h)

    def buffer_rgba(self):
        return memoryview(self.figure._to_array())


class Figure:
    """matplotlib.figure.Figure on an nplot_figure (owned: freed with this object)."""

    def __init__(self, figsize=None, dpi=None, facecolor=None, edgecolor=None, frameon=True,
                 layout=None, tight_layout=None, constrained_layout=None, num=None,
                 clear=False, **kw):
        if edgecolor is not None or not frameon:
            raise TypeError("figure(): edgecolor and frameon are not supported by numc")
        if layout not in (None, "tight", "constrained") or kw:
            raise TypeError("figure() got an unexpected keyword argument '%s'"
                            % (next(iter(kw)) if kw else "layout"))
        opts = {}
        rc = getattr(_sys.modules.get("numc.mpl"), "rcParams", None)
        if rc is not None:
            if figsize is None and list(rc["figure.figsize"]) != [6.4, 4.8]:
                figsize = rc["figure.figsize"]
            if dpi is None and rc["figure.dpi"] != 100.0:
                dpi = rc["figure.dpi"]
        if figsize is not None:
            opts["width"], opts["height"] = float(figsize[0]), float(figsize[1])
        if dpi is not None:
            opts["dpi"] = float(dpi)
        if facecolor is not None:
            opts["facecolor"] = facecolor
        self._opts = opts
        self._h = _P.figure(**opts)
        self._log = []
        self._dirty = False
        self._axes = []
        self._keep = []
        self._proxies = []
        self._tight = bool(tight_layout) or layout in ("tight", "constrained") or bool(constrained_layout)
        self._last_saved = None
        self.number = num
        self.canvas = _Canvas(self)
        self.transFigure = _Transform("figure")
        if self._tight:
            self._call(self, "tight_layout")

    # -- the call log: every drawing call is kept (with references to its data, as
    # matplotlib's artists keep theirs), so that changing an artist afterwards (a label
    # given by legend(labels), line.set_color, ...) re-makes the nplot_figure from it.
    def _call(self, owner, name, *args, **kw):
        for v in kw.values():
            if callable(v) and not isinstance(v, type):
                self._keep.append(v)
        try:
            res = _P.call(name, owner._h, *args, **_handles(kw))
        except Exception:
            # plot.h's figures keep their first error (sticky status); matplotlib's stay
            # usable after a failed call: the figure is made again without the failed call
            if _P.status(self._h)[0] != 0:
                self._replay()
            raise
        self._log.append([owner, name, args, kw, None])
        return res

    def _replay(self):
        """A new nplot_figure made by the logged calls again (owners' handles renewed)."""
        self._h = _P.figure(**self._opts)
        for owner, name, args, kw, res in self._log:
            if name == "_subplots":
                for ax, h in zip(res, _P.subplots(self._h, *args)):
                    ax._h = h
            elif name == "_gridspec":
                res._h = _P.gridspec(self._h, *args, **kw)
                res._fig_h = self._h
            elif name.startswith("_hidden:"):
                continue
            elif name.startswith("_") and _more.replay(self, owner, name, args, kw, res):
                continue
            elif owner is not None and owner._h is not _Dead:
                r = _P.call(name, owner._h, *args, **_handles(kw))
                if res is not None:
                    res._h = r
        self._dirty = False

    # -- axes
    @property
    def axes(self):
        return list(self._axes)

    def get_axes(self):
        return list(self._axes)

    def _wrap(self, h, three_d=False):
        ax = (Axes3D if three_d else Axes)(self, h)
        if self._log and self._log[-1][4] is None and self._log[-1][1] in (
                "subplot", "subplot_3d", "add_axes", "gridspec_subplot", "add_subplot_share",
                "gridspec_add_subplot"):
            self._log[-1][4] = ax
        self._axes.append(ax)
        _current_axes[id(self)] = ax
        return ax

    def add_subplot(self, *args, projection=None, polar=False, **kw):
        if polar or projection not in (None, "3d", "rectilinear"):
            raise TypeError("add_subplot(): numc has the '3d' projection only")
        share = {k: kw.pop(k) for k in ("sharex", "sharey") if kw.get(k) is not None}
        if share and not kw and projection != "3d":
            # add_subplot(..., sharex=ax, sharey=ax): plot.h's nplot_add_subplot
            if len(args) == 1 and isinstance(args[0], _SubplotSpec):
                return self._wrap(self._call(args[0]._gs._holder(self), "gridspec_add_subplot",
                                             args[0]._spec, **share))
            if len(args) == 1:
                n = int(args[0])
                args = (n // 100, (n // 10) % 10, n % 10)
            nr, nc, idx = args
            ax = self._wrap(self._call(self, "add_subplot_share", nr, nc, idx, **share))
            ax._grid_pos = ((idx - 1) // nc, (idx - 1) % nc, nr, nc)
            return ax
        if share:
            kw.update(share)
        if kw:
            raise TypeError("add_subplot() got an unexpected keyword argument '%s'" % next(iter(kw)))
        three = projection == "3d"
        if len(args) == 1 and isinstance(args[0], _SubplotSpec):
            if three:
                raise TypeError("add_subplot(gridspec cell, projection='3d') is not supported by numc")
            return self._wrap(self._call(args[0]._gs._holder(self), "gridspec_subplot", args[0]._spec))
        if not args:
            args = (1, 1, 1)
        if len(args) == 1:
            n = int(args[0])
            args = (n // 100, (n // 10) % 10, n % 10)
        nr, nc, idx = args
        if not isinstance(idx, tuple):
            ax = self._wrap(self._call(self, "subplot_3d" if three else "subplot", nr, nc, idx), three)
            ax._grid_pos = ((idx - 1) // nc, (idx - 1) % nc, nr, nc)
            return ax
        if isinstance(idx, tuple):
            g = self.add_gridspec(nr, nc)
            a, b = idx
            cells = "%d:%d" % ((a - 1) // nc, (b - 1) // nc + 1), "%d:%d" % ((a - 1) % nc, (b - 1) % nc + 1)
            return self._wrap(self._call(g._holder(self), "gridspec_subplot", ", ".join(cells)))
        return self._wrap(self._call(self, "subplot_3d" if three else "subplot", nr, nc, idx), three)

    def add_axes(self, rect, projection=None, **kw):
        if projection is not None or kw:
            raise TypeError("add_axes(): only the rectangle is supported by numc")
        return self._wrap(self._call(self, "add_axes", *[float(v) for v in rect]))

    def subplots(self, nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True,
                 subplot_kw=None, gridspec_kw=None, width_ratios=None, height_ratios=None):
        share = {False: 0, True: 1, "none": 0, "all": 1, "row": 2, "col": 3}
        subplot_kw = dict(subplot_kw or {})
        gridspec_kw = dict(gridspec_kw or {})
        if width_ratios is not None:
            gridspec_kw["width_ratios"] = width_ratios
        if height_ratios is not None:
            gridspec_kw["height_ratios"] = height_ratios
        proj = subplot_kw.pop("projection", None)
        if subplot_kw:
            raise TypeError("subplots(): subplot_kw '%s' is not supported by numc" % next(iter(subplot_kw)))
        if proj == "3d":
            items = [self._wrap(self._call(self, "subplot_3d", nrows, ncols, i + 1), True)
                     for i in range(nrows * ncols)]
        elif proj not in (None, "rectilinear"):
            raise TypeError("subplots(): numc has the '3d' projection only")
        elif gridspec_kw:
            if sharex or sharey:
                raise TypeError("subplots(): gridspec_kw with sharex/sharey is not supported by numc")
            g = self.add_gridspec(nrows, ncols, **gridspec_kw)
            items = [self._wrap(self._call(g._holder(self), "gridspec_subplot", "%d, %d" % (i // ncols, i % ncols)))
                     for i in range(nrows * ncols)]
        else:
            sargs = (nrows, ncols, share[sharex], share[sharey])
            hs = _P.subplots(self._h, *sargs)
            items = [self._wrap(h) for h in hs]
            self._log.append([self, "_subplots", sargs, {}, items])
        for i, ax in enumerate(items):
            ax._grid_pos = (i // ncols, i % ncols, nrows, ncols)
        if squeeze and nrows == 1 and ncols == 1:
            return items[0]
        if squeeze and (nrows == 1 or ncols == 1):
            return _AxesArray(items, (len(items),))
        return _AxesArray(items, (nrows, ncols))

    def add_gridspec(self, nrows=1, ncols=1, **kw):
        from .mpl.gridspec import GridSpec
        return GridSpec(nrows, ncols, figure=self, **kw)

    def gca(self):
        if not self._axes:
            return self.add_subplot(1, 1, 1)
        return _current_axes.get(id(self)) or self._axes[-1]

    def sca(self, ax):
        _current_axes[id(self)] = ax

    def delaxes(self, ax):
        raise TypeError("delaxes(): numc cannot remove an axes from a figure")

    # -- figure-level artists
    def colorbar(self, mappable=None, cax=None, ax=None, use_gridspec=None, **kw):
        target = ax if ax is not None else (mappable.axes if mappable is not None else self.gca())
        if isinstance(target, (list, tuple, _AxesArray)):
            raise TypeError("colorbar(ax=list): numc draws a colorbar beside one axes")
        if mappable is not None and target._mappable is not mappable and mappable.axes is target:
            raise ValueError("colorbar(): numc describes the last color-mapped artist of the "
                             "axes only")
        if cax is not None:
            kw["cax"] = cax          # its handle is taken at each call (replays too)
        fmt = kw.pop("format", None)
        if fmt is not None:
            if callable(fmt) and not isinstance(fmt, str):
                f = getattr(fmt, "_fn", None) or fmt
                kw["format_fn"] = f
            elif hasattr(fmt, "_printf"):
                kw["format"] = fmt._printf
            elif hasattr(fmt, "_fn"):
                kw["format_fn"] = fmt._fn
            elif "{" in fmt:
                kw["format_fn"] = lambda v, i, f=fmt: f.format(x=v) if "{x" in f else f.format(v)
            else:
                kw["format"] = fmt
        if "ticks" in kw and kw["ticks"] is not None and hasattr(kw["ticks"], "_fixed"):
            kw["ticks"] = kw["ticks"]._fixed
        for v in kw.values():
            if callable(v):
                self._keep.append(v)
        h = self._call(target, "colorbar", **kw)
        cax_obj = cax if cax is not None else Axes(self, h)
        if cax is None:
            self._axes.append(cax_obj)
            self._log[-1][4] = cax_obj
        return Colorbar(cax_obj, kw.get("orientation") or (
            "horizontal" if kw.get("location") in ("top", "bottom") else "vertical"))

    def suptitle(self, t, **kw):
        for k in ("x", "y"):
            if k in kw:
                raise TypeError("suptitle(): %s is not supported by numc" % k)
        self._call(self, "suptitle", str(t), **_text_kw(kw))

    def text(self, x, y, s, fontdict=None, **kw):
        kw = _text_kw(_fix_common(dict(kw, fontdict=fontdict)))
        self._call(self, "fig_text", x, y, str(s), **kw)

    def supxlabel(self, t, **kw):
        self.text(0.5, 0.01, t, ha="center", va="bottom", **kw)

    def supylabel(self, t, **kw):
        self.text(0.02, 0.5, t, ha="left", va="center", rotation=90, **kw)

    def tight_layout(self, *, pad=1.08, h_pad=None, w_pad=None, rect=None):
        if rect is not None:
            raise TypeError("tight_layout(): rect is not supported by numc")
        self._call(self, "tight_layout", pad=pad, h_pad=h_pad, w_pad=w_pad)

    def subplots_adjust(self, left=None, bottom=None, right=None, top=None, wspace=None, hspace=None):
        self._call(self, "subplots_adjust", left=left, bottom=bottom, right=right, top=top,
                wspace=wspace, hspace=hspace)

    def set_size_inches(self, w, h=None, forward=True):
        if h is None:
            w, h = w
        self._call(self, "set_size_inches", float(w), float(h))
        self._opts["width"], self._opts["height"] = float(w), float(h)

    def get_size_inches(self):
        w, h = _P.pixel_size(self._h)
        d = self.get_dpi()
        return (w / d, h / d)

    def set_dpi(self, dpi):
        self._call(self, "set_dpi", float(dpi))
        self._opts["dpi"] = float(dpi)

    def get_dpi(self):
        return self._opts.get("dpi", 100.0)

    dpi = property(get_dpi, set_dpi)

    def set_facecolor(self, color):
        raise TypeError("Figure.set_facecolor(): give facecolor= to figure() in numc")

    # -- output
    def _finish(self):
        if self._dirty:
            self._replay()
        for ax in self._axes:
            if ax._locators:
                ax._apply_locators()

    def _draw(self):
        self._finish()
        _P.call("figure_draw", self._h)

    def _to_array(self):
        self._finish()
        return _P.to_array(self._h)

    def savefig(self, fname, *, dpi=None, format=None, transparent=False, facecolor=None,
                bbox_inches=None, pad_inches=None, metadata=None, edgecolor=None, **kw):
        if kw:
            raise TypeError("savefig() got an unexpected keyword argument '%s'" % next(iter(kw)))
        if bbox_inches not in (None, "tight") or metadata is not None or edgecolor is not None:
            raise TypeError("savefig(): bbox_inches other than 'tight', metadata and edgecolor "
                            "are not supported by numc")
        if bbox_inches == "tight":
            # numc has no cropping to the drawn content: a tight layout fits the subplots to
            # the figure instead (same canvas size, no clipped labels).
            self._call(self, "tight_layout", pad=(pad_inches or 0.1) * 72 / 10)
        if hasattr(fname, "write"):
            raise TypeError("savefig(): numc writes to a path, not a file object")
        fname = _os.fspath(fname)
        rc = getattr(_sys.modules.get("numc.mpl"), "rcParams", None)
        if dpi is None and rc is not None and rc["savefig.dpi"] != "figure":
            dpi = rc["savefig.dpi"]
        if dpi == "figure":
            dpi = None
        if isinstance(facecolor, str) and facecolor == "auto":
            facecolor = None
        self._finish()
        _P.call("savefig", self._h, fname, dpi=dpi, format=format, transparent=transparent,
                facecolor=facecolor)
        self._last_saved = fname if (format or _os.path.splitext(fname)[1]) else fname + ".png"
        global _last_saved
        _last_saved = self._last_saved

    def clf(self, keep_observers=False):
        for ax in self._axes:      # their nplot_axes go with the old figure
            ax._h = _Dead
        self._h = _P.figure(**self._opts)
        self._log = []
        self._dirty = False
        self._axes = []
        self._keep = []
        self._proxies = []
        _current_axes.pop(id(self), None)
        if self._tight:
            self._call(self, "tight_layout")

    clear = clf

    def _clear_axes(self, ax):
        if len(self._axes) != 1 or self._axes[0] is not ax or isinstance(ax, Axes3D):
            raise TypeError("cla(): numc clears an axes only when it is the figure's only one "
                            "(use clf())")
        self.clf()
        new = self.add_subplot(1, 1, 1)
        ax._h, ax._ticks, ax._mappable = new._h, {}, None
        self._axes = [ax]

    def show(self):
        show()

    def status(self):
        return _P.status(self._h)


class _DeadHandle:
    """The handle of an axes whose figure was cleared: any use raises."""

    def __getattr__(self, name):
        raise RuntimeError("this axes was removed by clf(): make a new one")


_Dead = _DeadHandle()


class Colorbar:
    """matplotlib.colorbar.Colorbar: .ax is the colorbar's axes."""

    def __init__(self, ax, orientation):
        self.ax = ax
        self.orientation = orientation

    def set_label(self, label, **kw):
        if self.orientation == "horizontal":
            self.ax.set_xlabel(label, **kw)
        else:
            self.ax.set_ylabel(label, **kw)

    def set_ticks(self, ticks, labels=None, **kw):
        (self.ax.set_xticks if self.orientation == "horizontal" else self.ax.set_yticks)(
            ticks, labels, **kw)

    def set_ticklabels(self, labels, **kw):
        (self.ax.set_xticklabels if self.orientation == "horizontal" else self.ax.set_yticklabels)(
            labels, **kw)


class _SubplotSpec:
    def __init__(self, gs, spec):
        self._gs, self._spec = gs, spec


# ---- the pyplot state machine -------------------------------------------------------------
_figs = {}
_current = None
_current_axes = {}
_last_saved = None
_said_show = False


def figure(num=None, figsize=None, dpi=None, *, facecolor=None, edgecolor=None, frameon=True,
           clear=False, **kw):
    global _current
    if isinstance(num, Figure):
        _current = num
        return num
    if num is not None and num in _figs:
        _current = _figs[num]
        if clear:
            _current.clf()
        return _current
    if num is None:
        num = max([k for k in _figs if isinstance(k, int)], default=0) + 1
    fig = Figure(figsize=figsize, dpi=dpi, facecolor=facecolor, edgecolor=edgecolor,
                 frameon=frameon, num=num, **kw)
    _figs[num] = fig
    _current = fig
    return fig


def gcf():
    return _current if _current is not None else figure()


def gca(**kw):
    if kw:
        raise TypeError("gca() takes no keyword arguments")
    return gcf().gca()


def sca(ax):
    global _current
    _current = ax.figure
    ax.figure.sca(ax)


def subplots(nrows=1, ncols=1, *, sharex=False, sharey=False, squeeze=True, subplot_kw=None,
             gridspec_kw=None, width_ratios=None, height_ratios=None, **fig_kw):
    fig = figure(**fig_kw)
    axs = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze,
                       subplot_kw=subplot_kw, gridspec_kw=gridspec_kw,
                       width_ratios=width_ratios, height_ratios=height_ratios)
    return fig, axs


def subplot(*args, **kw):
    fig = gcf()
    if not args:
        args = (1, 1, 1)
    ax = fig.add_subplot(*args, **kw)
    fig.sca(ax)
    return ax


def subplot2grid(shape, loc, rowspan=1, colspan=1, fig=None):
    fig = fig or gcf()
    g = fig.add_gridspec(*shape)
    ax = fig.add_subplot(g[loc[0]:loc[0] + rowspan, loc[1]:loc[1] + colspan])
    fig.sca(ax)
    return ax


def axes(arg=None, **kw):
    fig = gcf()
    ax = fig.add_subplot(1, 1, 1, **kw) if arg is None else fig.add_axes(arg, **kw)
    fig.sca(ax)
    return ax


def close(fig=None):
    global _current
    if fig == "all":
        _figs.clear()
        _current_axes.clear()
        _current = None
        return
    if fig is None:
        fig = _current
    elif not isinstance(fig, Figure):
        fig = _figs.get(fig)
    if fig is None:
        return
    for k, v in list(_figs.items()):
        if v is fig:
            del _figs[k]
    _current_axes.pop(id(fig), None)
    if _current is fig:
        _current = list(_figs.values())[-1] if _figs else None


def clf():
    gcf().clf()


def cla():
    gca().cla()


def get_fignums():
    return sorted(k for k in _figs if isinstance(k, int))


def fignum_exists(num):
    return num in _figs


def savefig(*args, **kw):
    return gcf().savefig(*args, **kw)


def show(*args, block=None, **kw):
    """No GUI: with NUMC_SHOW naming a viewer program, open the last saved file (or the
    current figure rendered to a temporary PNG) with it; else say once on stderr that
    nothing is shown."""
    global _said_show
    viewer = _os.environ.get("NUMC_SHOW")
    if not viewer:
        if not _said_show:
            print("numc.pyplot.show(): no GUI, nothing is shown (savefig() writes files; "
                  "NUMC_SHOW=<viewer> opens them)", file=_sys.stderr)
            _said_show = True
        return
    import subprocess as _subprocess   # here: their import costs more than numc's plotting
    import tempfile as _tempfile
    path = _last_saved
    if _current is not None and (path is None or _current._last_saved is None):
        fd, path = _tempfile.mkstemp(suffix=".png", prefix="numc_show_")
        _os.close(fd)
        _current.savefig(path)
    if path is not None:
        _subprocess.Popen([viewer, path], stdout=_subprocess.DEVNULL, stderr=_subprocess.DEVNULL)


def draw():
    gcf()._draw()


def pause(interval):
    pass


def ion():
    pass


def ioff():
    pass


def isinteractive():
    return False


def setp(obj, *args, **kw):
    if args:
        kw.update(dict(zip(args[::2], args[1::2])))
    if isinstance(obj, _TickLabels):
        return obj._setp(**kw)
    objs = obj if isinstance(obj, (list, tuple)) else [obj]
    for o in objs:
        for k, v in kw.items():
            f = getattr(o, "set_" + k, None)
            if f is None:
                raise AttributeError("setp(): %r has no property '%s'" % (o, k))
            f(v)


def colorbar(mappable=None, cax=None, ax=None, **kw):
    fig = gcf()
    if mappable is None:
        mappable = fig.gca()._mappable
        if mappable is None:
            raise RuntimeError("No mappable was found to use for colorbar creation.")
    return fig.colorbar(mappable, cax=cax, ax=ax, **kw)


def suptitle(t, **kw):
    return gcf().suptitle(t, **kw)


def figtext(x, y, s, **kw):
    return gcf().text(x, y, s, **kw)


def tight_layout(**kw):
    return gcf().tight_layout(**kw)


def subplots_adjust(**kw):
    return gcf().subplots_adjust(**kw)


def imread(fname, format=None):
    """A PNG as a (h, w, 4) float32 numc array in [0, 1] (matplotlib's imread)."""
    a = _P.imread(_os.fspath(fname))
    return a.astype("float32") / 255


def _gca_method(name):
    def f(*args, **kw):
        return getattr(gca(), name)(*args, **kw)
    f.__name__ = name
    f.__doc__ = "gca().%s(...): matplotlib's pyplot.%s on the current axes." % (name, name)
    return f


for _n in ("plot", "step", "loglog", "semilogx", "semilogy", "scatter", "bar", "barh", "hist",
           "hist2d", "errorbar", "stem", "fill", "fill_between", "fill_betweenx", "stackplot",
           "stairs", "ecdf", "eventplot", "broken_barh", "imshow", "matshow", "pcolormesh",
           "pcolor", "hexbin", "contour", "contourf", "clabel", "quiver", "quiverkey", "barbs",
           "streamplot", "pie", "boxplot", "violinplot", "text", "annotate", "legend", "grid",
           "axhline", "axvline", "axhspan", "axvspan", "axline", "hlines", "vlines",
           "tick_params", "minorticks_on", "minorticks_off", "margins", "twinx", "twiny"):
    globals()[_n] = _gca_method(_n)


def title(label, **kw):
    return gca().set_title(label, **kw)


def xlabel(label, **kw):
    return gca().set_xlabel(label, **kw)


def ylabel(label, **kw):
    return gca().set_ylabel(label, **kw)


def xlim(*args, **kw):
    ax = gca()
    if args or kw:
        return ax.set_xlim(*args, **kw)
    return ax.get_xlim()


def ylim(*args, **kw):
    ax = gca()
    if args or kw:
        return ax.set_ylim(*args, **kw)
    return ax.get_ylim()


def xscale(value, **kw):
    gca().set_xscale(value, **kw)


def yscale(value, **kw):
    gca().set_yscale(value, **kw)


def xticks(ticks=None, labels=None, *, minor=False, **kw):
    ax = gca()
    if ticks is None and labels is None:
        if kw:
            ax.tick_params(axis="x", labelrotation=_text_kw(kw).pop("rotation", None))
        return ax.get_xticks(), ax.get_xticklabels()
    if ticks is not None:
        ax.set_xticks(ticks, labels, minor=minor, **kw)
    return ax.get_xticks(), ax.get_xticklabels()


def yticks(ticks=None, labels=None, *, minor=False, **kw):
    ax = gca()
    if ticks is None and labels is None:
        if kw:
            ax.tick_params(axis="y", labelrotation=_text_kw(kw).pop("rotation", None))
        return ax.get_yticks(), ax.get_yticklabels()
    if ticks is not None:
        ax.set_yticks(ticks, labels, minor=minor, **kw)
    return ax.get_yticks(), ax.get_yticklabels()


def axis(arg=None, **kw):
    return gca().axis(arg, **kw)




# What matplotlib.pyplot re-exports from its submodules (plt.cm.viridis, plt.Normalize,
# plt.Rectangle, plt.MultipleLocator ...), imported on first use.
_REEXPORTS = {
    "cm": ("cm", None), "rcParams": ("", "rcParams"),
    "Normalize": ("colors", "Normalize"), "LogNorm": ("colors", "LogNorm"),
    "Rectangle": ("patches", "Rectangle"), "Circle": ("patches", "Circle"),
    "Polygon": ("patches", "Polygon"), "Line2D": ("lines", "Line2D"),
    "Legend": ("legend", "Legend"), "GridSpec": ("gridspec", "GridSpec"),
    "MaxNLocator": ("ticker", "MaxNLocator"), "MultipleLocator": ("ticker", "MultipleLocator"),
    "FixedLocator": ("ticker", "FixedLocator"), "LogLocator": ("ticker", "LogLocator"),
    "NullLocator": ("ticker", "NullLocator"), "AutoLocator": ("ticker", "AutoLocator"),
    "FuncFormatter": ("ticker", "FuncFormatter"), "FormatStrFormatter": ("ticker", "FormatStrFormatter"),
    "NullFormatter": ("ticker", "NullFormatter"), "ScalarFormatter": ("ticker", "ScalarFormatter"),
}


def __getattr__(name):
    if name in _REEXPORTS:
        import importlib
        mod, attr = _REEXPORTS[name]
        m = importlib.import_module("numc.mpl" + ("." + mod if mod else ""))
        return m if attr is None else getattr(m, attr)
    raise AttributeError("module 'numc.pyplot' has no attribute %r" % name)


def get_cmap(name=None, lut=None):
    from .mpl import cm
    return cm.get_cmap(name, lut)


def colormaps():
    return _P.colormaps()


# ---- plot.h's newer features (numc/_pyplot_more.py) ---------------------------------------
from . import _pyplot_more as _more  # noqa: E402

Figure.subplot_mosaic = _more.fig_subplot_mosaic
Figure.legend = _more.fig_legend
Figure.supxlabel = _more.fig_supxlabel
Figure.supylabel = _more.fig_supylabel
Axes.sharex = _more.ax_sharex
Axes.sharey = _more.ax_sharey
Axes.secondary_xaxis = _more.ax_secondary_xaxis
Axes.secondary_yaxis = _more.ax_secondary_yaxis
Axes.get_position = _more.ax_get_position
Axes.add_artist = (lambda orig: lambda self, a: _more.ax_add_artist(self, a, orig))(Axes.add_artist)
_SubplotSpec.subgridspec = lambda self, nrows, ncols, **kw: __import__(
    "numc.mpl.gridspec", fromlist=["x"]).GridSpecFromSubplotSpec(nrows, ncols, self, **kw)
subplot_mosaic = _more.subplot_mosaic
rc_context = _more.rc_context
rc = _more.rc
rcdefaults = _more.rcdefaults
style = _more.style


def figlegend(*args, **kw):
    return gcf().legend(*args, **kw)


def supxlabel(t, **kw):
    return gcf().supxlabel(t, **kw)


def supylabel(t, **kw):
    return gcf().supylabel(t, **kw)


from . import _pyplot_constrained as _cl  # noqa: E402

Figure.__init__ = _cl.wrap_init(Figure.__init__)
Figure.set_layout_engine = _cl.set_layout_engine
Figure.get_layout_engine = _cl.get_layout_engine
Figure.set_constrained_layout = _cl.set_constrained_layout
Figure.get_constrained_layout = _cl.get_constrained_layout
Figure.set_constrained_layout_pads = _cl.set_constrained_layout_pads
Figure.get_constrained_layout_pads = _cl.get_constrained_layout_pads

from . import _pyplot_py21 as _py21  # noqa: E402,F401  (issue 21: artists, tables, dates ...)
# ---- plt.xkcd (numc/_pyplot_effects.py) ----
from . import _pyplot_effects as _effects  # noqa: E402

xkcd = _effects.xkcd
from . import _pyplot_pyspec as _pyspec  # noqa: E402,F401  (spectral, 3-D bars, path effects)

from . import _pyplot_pyprops as _pyprops  # noqa: E402,F401  (issue 21: axes / figure properties)
# ---- anchor: axgeneric ----
from . import _pyplot_axgeneric as _axg  # noqa: E402  (Artist protocol: set, getp, units)

get, getp, setp = _axg.get, _axg.getp, _axg.setp
get_plot_commands, set_loglevel = _axg.get_plot_commands, _axg.set_loglevel
# ---- anchor: imgcol ----
from . import _pyplot_imgcol as _imgcol  # noqa: E402  (gci/sci/clim, pcolorfast, violin, prop cycles)

gci, sci, clim = _imgcol.gci, _imgcol.sci, _imgcol.clim
# ---- anchor: effects2 ----
from . import _pyplot_effects2 as _effects2  # noqa: E402,F401  (path effects on patches, text)
# ---- anchor: ax3da ----
from . import _pyplot_ax3da as _ax3da  # noqa: E402,F401  (3-D plot kinds: voxels, stem, errorbar, text ...)
# ---- anchor: ax3db ----
from . import _pyplot_ax3db as _ax3db  # noqa: E402,F401  (3-D axes state: aspect, sharez, z ticks ...)
# ---- anchor: pynames ----
from . import _pyplot_names as _names  # noqa: E402,F401  (issue 21: names of covered C calls)
from . import _pyplot_names3d as _names3d  # noqa: E402,F401  (the same for Axes3D and polar)
__all__ = [n for n in globals() if not n.startswith("_") and n not in ("Artist",)]
