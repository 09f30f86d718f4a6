"""numc.mpl.ticker: the tick formatters and locators numc has.

Formatters become numc's axis formatters (nplot_set_xformatter: scalar, plain, sci,
percent, printf, log, or a Python callback). Locators are applied when the figure is drawn
or saved: their tick_values over the axis' final view limits become fixed ticks. Every
class also works on its own: Formatter(x, pos) and Locator.tick_values(vmin, vmax).
"""
import math as _math

from .._core import _plot as _P


class Formatter:
    def __call__(self, x, pos=None):
        raise NotImplementedError  # abstract base, as matplotlib's

    def format_ticks(self, values):
        return [self(v, i) for i, v in enumerate(values)]

    def _opts(self):
        return {"kind": "callback", "fn": lambda v, i, s=self: s(v, None if i < 0 else i)}


class NullFormatter(Formatter):
    def __call__(self, x, pos=None):
        return ""


class FixedFormatter(Formatter):
    def __init__(self, seq):
        self.seq = [str(s) for s in seq]

    def __call__(self, x, pos=None):
        return self.seq[pos] if pos is not None and 0 <= pos < len(self.seq) else ""


class FuncFormatter(Formatter):
    def __init__(self, func):
        self.func = func

    def __call__(self, x, pos=None):
        return self.func(x, pos)


class FormatStrFormatter(Formatter):
    """'%1.2f' % x."""

    def __init__(self, fmt):
        self.fmt = fmt
        self._printf = fmt

    def __call__(self, x, pos=None):
        return self.fmt % x

    def _opts(self):
        return {"kind": "printf", "fmt": self.fmt}


class StrMethodFormatter(Formatter):
    """'{x:.2f}'.format(x=x, pos=pos)."""

    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt.format(x=x, pos=pos)


class ScalarFormatter(Formatter):
    """numc's default formatter (offset and scientific notation as matplotlib's)."""

    def __init__(self, useOffset=None, useMathText=None, useLocale=None):
        if useLocale:
            raise TypeError("ScalarFormatter(useLocale=True) is not supported by numc")
        self._kind = "plain" if useOffset is False else "scalar"
        self._sci = False

    def set_scientific(self, b):
        self._sci = bool(b)

    def set_useOffset(self, b):
        self._kind = "scalar" if b else "plain"

    def set_powerlimits(self, lims):
        if tuple(lims) == (0, 0):
            self._sci = True
        else:
            raise TypeError("set_powerlimits(): numc has (0, 0) (always scientific) only")

    def __call__(self, x, pos=None):
        return ("%g" % x) if not self._sci else ("%.2e" % x)

    def _opts(self):
        return {"kind": "sci" if self._sci else self._kind}


class LogFormatterSciNotation(Formatter):
    def __init__(self, base=10.0, labelOnlyBase=False):
        if base != 10:
            raise TypeError("numc's log formatter is base 10")

    def __call__(self, x, pos=None):
        if x <= 0:
            return ""
        e = _math.log10(x)
        return "$\\mathdefault{10^{%d}}$" % round(e) if abs(e - round(e)) < 1e-9 else "%g" % x

    def _opts(self):
        return {"kind": "log"}


LogFormatterMathtext = LogFormatterSciNotation


class PercentFormatter(Formatter):
    def __init__(self, xmax=100, decimals=None, symbol="%", is_latex=False):
        self.xmax, self.decimals, self.symbol = xmax, decimals, symbol

    def __call__(self, x, pos=None):
        d = 0 if self.decimals is None else self.decimals
        return "%.*f%s" % (d, x / self.xmax * 100, self.symbol or "")

    def _opts(self):
        o = {"kind": "percent", "xmax": self.xmax, "symbol": self.symbol}
        if self.decimals is not None:
            o["decimals"] = self.decimals if self.decimals else False
        return o


class EngFormatter(Formatter):
    _prefix = {-24: "y", -21: "z", -18: "a", -15: "f", -12: "p", -9: "n", -6: "\u03bc",
               -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E", 21: "Z",
               24: "Y"}

    def __init__(self, unit="", places=None, sep=" "):
        self.unit, self.places, self.sep = unit, places, sep

    def __call__(self, x, pos=None):
        if x == 0:
            e = 0
        else:
            e = int(_math.floor(_math.log10(abs(x)) / 3) * 3)
            e = max(-24, min(24, e))
        v = x / 10 ** e
        s = ("%g" % v) if self.places is None else "%.*f" % (self.places, v)
        suffix = self._prefix[e] + self.unit
        return s + (self.sep + suffix if suffix else "")


def _apply_formatter(ax, axis, fmt, minor=False):
    if callable(fmt) and not isinstance(fmt, Formatter):
        fmt = FuncFormatter(fmt)
    elif isinstance(fmt, str):
        fmt = StrMethodFormatter(fmt)
    o = fmt._opts()
    ax._call("set_%sformatter" % axis, minor=minor, **o)


# ---- locators -----------------------------------------------------------------------------
class Locator:
    def tick_values(self, vmin, vmax):
        raise NotImplementedError  # abstract base, as matplotlib's


class NullLocator(Locator):
    def tick_values(self, vmin, vmax):
        return []


class FixedLocator(Locator):
    def __init__(self, locs, nbins=None):
        self.locs = [float(v) for v in locs]
        self._fixed = self.locs

    def tick_values(self, vmin, vmax):
        return list(self.locs)


class MultipleLocator(Locator):
    def __init__(self, base=1.0, offset=0.0):
        self.base, self.offset = float(base), float(offset)

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        b = self.base
        lo = _math.ceil((vmin - self.offset) / b - 1e-10)
        hi = _math.floor((vmax - self.offset) / b + 1e-10)
        return [k * b + self.offset for k in range(lo, hi + 1)]


class MaxNLocator(Locator):
    """matplotlib's MaxNLocator with the steps of its AutoLocator, [1, 2, 2.5, 5, 10]
    (numc's C nplot_maxn_ticks; matplotlib's own default steps are 1..10, so give
    steps=[1, 2, 2.5, 5, 10] there for the same ticks); integer=True keeps integer ticks
    only (a step of at least 1)."""

    def __init__(self, nbins=None, *, steps=None, integer=False, prune=None, min_n_ticks=2,
                 symmetric=False):
        if (steps is not None and [float(v) for v in steps] != [1, 2, 2.5, 5, 10]) or symmetric:
            raise TypeError("MaxNLocator(): numc has steps=[1, 2, 2.5, 5, 10] only, and no symmetric")
        self.nbins = 9 if nbins in (None, "auto") else int(nbins)
        self.integer, self.prune = integer, prune

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        t = _P.ticks_maxn(vmin, vmax, self.nbins)
        if self.integer:
            step = max(1, _math.ceil((vmax - vmin) / self.nbins))
            t = MultipleLocator(step).tick_values(_math.floor(vmin), _math.ceil(vmax))
        if self.prune in ("lower", "both") and t:
            t = t[1:]
        if self.prune in ("upper", "both") and t:
            t = t[:-1]
        return t


class AutoLocator(MaxNLocator):
    def __init__(self):
        super().__init__("auto")


class LinearLocator(Locator):
    def __init__(self, numticks=None):
        self.numticks = 11 if numticks is None else numticks

    def tick_values(self, vmin, vmax):
        n = self.numticks
        if n == 1:
            return [(vmin + vmax) / 2]
        return [vmin + (vmax - vmin) * i / (n - 1) for i in range(n)]


class LogLocator(Locator):
    def __init__(self, base=10.0, subs=(1.0,), numticks=None):
        if subs not in ((1.0,), None, "auto", "all"):
            raise TypeError("LogLocator(): subs other than (1.0,), 'auto' or 'all' is not supported by numc")
        self.base = float(base)
        self.minor = subs in ("auto", "all")
        self.numticks = 15 if numticks in (None, "auto") else int(numticks)

    def tick_values(self, vmin, vmax):
        return _P.ticks_log(vmin, vmax, self.base, self.numticks, self.minor)


class AutoMinorLocator(Locator):
    def __init__(self, n=None):
        if n is not None:
            raise TypeError("AutoMinorLocator(n): numc's automatic minor ticks choose n")


def _apply_locator(ax, axis, loc, minor=False):
    if isinstance(loc, AutoMinorLocator):
        ax._call("minorticks_on")
        return
    if isinstance(loc, AutoLocator):
        ax._locators.pop(axis, None)
        return
    if not isinstance(loc, Locator):
        raise TypeError("a numc.mpl.ticker Locator is expected")
    ax._locators[axis] = loc
