"""numc.mpl.collections: LineCollection and PolyCollection, built by the caller and given to
ax.add_collection (plot.h's nplot_add_collection): many lines or polygons with a color and
a width each, or an array colored through a colormap and norm (then a mappable: colorbar,
gci, set_clim)."""


class Collection:
    _poly = False

    def __init__(self, items, *, colors=None, facecolors=None, edgecolors=None, linewidths=None,
                 array=None, cmap=None, norm=None, clim=None, alpha=None, zorder=None,
                 label=None, **kw):
        for k, v in list(kw.items()):  # matplotlib's singular aliases
            alias = {"color": "colors", "facecolor": "facecolors", "edgecolor": "edgecolors",
                     "linewidth": "linewidths", "lw": "linewidths"}.get(k)
            if alias is None:
                raise TypeError("%s() got an unexpected keyword argument '%s'" % (type(self).__name__, k))
            if alias == "colors":
                colors = v
            elif alias == "facecolors":
                facecolors = v
            elif alias == "edgecolors":
                edgecolors = v
            else:
                linewidths = v
        if norm is not None:
            raise TypeError("%s(): norm objects are not supported by numc (give clim)" % type(self).__name__)
        self._items = [[(float(x), float(y)) for x, y in it] for it in items]
        self._colors = colors if colors is not None else facecolors
        self._edge = edgecolors
        self._lw = linewidths
        self._array = None if array is None else [float(v) for v in array]
        self._cmap = cmap
        self._clim = (None, None) if clim is None else tuple(clim)
        self._alpha, self._zorder, self._label = alpha, zorder, label
        self.axes = None
        self._kind = type(self).__name__

    def set_array(self, A):
        self._array = [float(v) for v in A]

    def get_array(self):
        return self._array

    def set_cmap(self, cmap):
        self._cmap = cmap

    def get_cmap(self):
        return self._cmap

    def set_label(self, s):
        self._label = s

    def get_label(self):
        return self._label

    def set_clim(self, vmin=None, vmax=None):
        if vmax is None and isinstance(vmin, (tuple, list)):
            vmin, vmax = vmin
        if self.axes is None:
            self._clim = (vmin, vmax)
            return
        from .. import _pyplot_imgcol
        _pyplot_imgcol.sm_set_clim(self, vmin, vmax)

    def get_clim(self):
        if self.axes is None:
            return self._clim
        from .. import _pyplot_imgcol
        return _pyplot_imgcol.sm_get_clim(self)

    def _lists(self):
        xs, ys, lens = [], [], []
        for it in self._items:
            xs += [p[0] for p in it]
            ys += [p[1] for p in it]
            lens.append(len(it))
        return xs, ys, lens


class LineCollection(Collection):
    """LineCollection(segments, colors=, linewidths=, array=, cmap=, ...)"""


class PolyCollection(Collection):
    """PolyCollection(verts, facecolors=, edgecolors=, linewidths=, array=, cmap=, ...)"""
    _poly = True
