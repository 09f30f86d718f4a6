"""numc.mpl.cm: colormaps by name (cm.viridis, cm.get_cmap('RdBu_r'), cm.colormaps[...])
and ScalarMappable (a norm and a colormap: to_rgba(values))."""
from .._core import _plot as _P
from .colors import Colormap, Normalize, _registered

_builtin = None


def _names():
    global _builtin
    if _builtin is None:
        _builtin = _P.colormaps()
    return _builtin


def get_cmap(name=None, lut=None):
    if isinstance(name, Colormap):
        return name if lut is None else name.resampled(lut)
    name = name or "viridis"
    _P.cmap_colors(name, [])          # ValueError naming close matches when unknown
    if lut is not None:
        return Colormap("%s:%d" % (name, lut), lut)
    return Colormap(name)


class _Registry:
    """matplotlib.colormaps: cmaps by name; register(cmap, name=...)."""

    def __getitem__(self, name):
        try:
            return get_cmap(name)
        except ValueError as e:
            raise KeyError(str(e)) from None

    def __contains__(self, name):
        return name in _names() or name in _registered

    def __iter__(self):
        return iter(list(_names()) + sorted(_registered))

    def __len__(self):
        return len(_names()) + len(_registered)

    def __call__(self):
        return list(self)

    def get_cmap(self, name):
        return get_cmap(name)

    def register(self, cmap, *, name=None, force=False):
        if name is not None and name != cmap.name:
            cmap = cmap._copy()
            cmap.name = name
        cmap._register()


colormaps = _registry = _Registry()


def register_cmap(name=None, cmap=None, *, override_builtin=False):
    colormaps.register(cmap, name=name)


class ScalarMappable:
    def __init__(self, norm=None, cmap=None):
        self.norm = norm if norm is not None else Normalize()
        self.cmap = get_cmap(cmap)
        self._A = None

    def set_array(self, A):
        self._A = A

    def get_array(self):
        return self._A

    def set_clim(self, vmin=None, vmax=None):
        self.norm.vmin, self.norm.vmax = vmin, vmax

    def to_rgba(self, x, alpha=None, bytes=False):
        return self.cmap(self.norm(x), alpha=alpha, bytes=bytes)


def __getattr__(name):
    if name in _names() or (name.endswith("_r") and name[:-2] in _names()):
        return Colormap(name)
    raise AttributeError("module 'numc.mpl.cm' has no attribute %r" % name)
