"""numc.mpl: the matplotlib submodules pyplot scripts import, on numc's C plot library.

    import numc.mpl as matplotlib
    import numc.pyplot as plt
    from numc.mpl import ticker, colors, cm, patches, gridspec, dates
    from numc.mpl.legend import Legend

Only what libnumc_plot really does is here, and every class works: ticker's formatters and
locators, colors' norms, colormaps and color conversions, cm's colormaps by name,
legend.Legend, patches (Rectangle, Circle, Ellipse, Polygon, Patch for legend handles),
lines.Line2D legend handles, collections (LineCollection, PolyCollection for
ax.add_collection), gridspec.GridSpec, dates' conversions and DateFormatter, and
patheffects (Normal, Stroke, withStroke, the shadows, TickedStroke) for lines.
"""
import importlib as _importlib

__version__ = "3.6.0+numc"

_SUBMODULES = ("ticker", "colors", "cm", "legend", "patches", "gridspec", "dates", "markers",
               "lines", "pyplot", "patheffects", "collections")


def __getattr__(name):
    if name in _SUBMODULES:
        if name == "pyplot":
            return _importlib.import_module("numc.pyplot")
        return _importlib.import_module("." + name, __name__)
    if name == "colormaps":
        from .cm import colormaps
        return colormaps
    raise AttributeError("module 'numc.mpl' has no attribute %r" % name)


def use(backend, force=True):
    """matplotlib.use('Agg'): numc renders without a GUI whatever the backend."""
    if not isinstance(backend, str):
        raise TypeError("backend must be a string")


def get_backend():
    return "agg"


from .._pyplot_more import (RcParams, rc_context, rc_file, rcdefaults, rc,  # noqa: E402
                            style)

rcParams = RcParams()
