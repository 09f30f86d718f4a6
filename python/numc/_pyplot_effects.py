"""plt.xkcd() for numc.pyplot (docs/plot.md, "Path effects, sketch and xkcd"): the rcParams
matplotlib 3.6's xkcd sets, on numc's rc table. Works as a call (the values stay) and as
`with plt.xkcd():` (the previous values come back when the block ends)."""
import math as _math

from ._core import _plot as _P

_XKCD = (
    ("font.family", "xkcd, xkcd Script, Humor Sans, Comic Neue, Comic Sans MS"),
    ("font.size", "14.0"),
    ("path.effects", "[withStroke(linewidth=4, foreground='w')]"),
    ("axes.linewidth", "1.5"),
    ("lines.linewidth", "2.0"),
    ("figure.facecolor", "white"),
    ("grid.linewidth", "0.0"),
    ("axes.grid", "False"),
    ("axes.unicode_minus", "False"),
    ("axes.edgecolor", "black"),
    ("xtick.major.size", "8"),
    ("xtick.major.width", "3"),
    ("ytick.major.size", "8"),
    ("ytick.major.width", "3"),
)


class _Restore:
    def __init__(self, saved):
        self._saved = saved

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for k, v in self._saved:
            _P.rc_set(k, v)
        return False


def xkcd(scale=1, length=100, randomness=2):
    """matplotlib.pyplot.xkcd: hand-drawn sketch style for the figures made afterwards."""
    for name, v in (("scale", scale), ("length", length), ("randomness", randomness)):
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not _math.isfinite(v) or v < 0:
            raise ValueError("xkcd: %s must be a finite number >= 0, not %r" % (name, v))
    items = (("path.sketch", "%.17g, %.17g, %.17g" % (scale, length, randomness)),) + _XKCD
    saved = [(k, _P.rc_get(k)[0]) for k, _ in items]
    try:
        for k, v in items:
            _P.rc_set(k, v)
    except Exception:
        for k, v in saved:
            _P.rc_set(k, v)
        raise
    return _Restore(saved)
