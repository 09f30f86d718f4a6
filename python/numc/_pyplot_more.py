"""numc.pyplot's names for plot.h's newer features, attached to numc.pyplot's Figure / Axes
by the block at the end of pyplot.py: fig.subplot_mosaic, fig.legend (several legends,
ax.add_artist(legend)), ax.sharex / sharey, fig.supxlabel / supylabel, secondary axes
(ax.secondary_xaxis / secondary_yaxis with functions=(forward, inverse) Python callables),
ax.get_position, rcParams / rc_context / style (plot/rc.c), gridspec nesting
(numc.mpl.gridspec.GridSpecFromSubplotSpec, SubplotSpec.subgridspec).

Every call is logged in the figure's call log as the others are (pyplot.Figure._replay makes
the nplot_figure again from it), and unknown keyword arguments are TypeErrors naming them
(the C keyword tables refuse them)."""
import contextlib as _contextlib

from ._core import _plot as _P


def _pp():
    from . import pyplot
    return pyplot


# ---- legends ----------------------------------------------------------------------------------
def _labelled(fig, axes_list):
    """The labels of the labelled artists of axes_list, in drawing order (what a legend
    without handles lists)."""
    pp = _pp()
    out = []
    for ax in axes_list:
        for e in fig._log:
            if e[0] is ax and e[1] in pp._LEGEND_KINDS:
                lab = e[3].get("label")
                if isinstance(lab, str) and lab and not lab.startswith("_"):
                    out.append(lab)
    return out


def _legend_kw(kw):
    pp = _pp()
    loc = kw.get("loc")
    if isinstance(loc, int):
        kw["loc"] = pp._LOCS[loc]
    if "ncols" in kw:
        kw["ncol"] = kw.pop("ncols")
    if "fontsize" in kw:
        kw["fontsize"] = pp._fontsize(kw["fontsize"])
    if kw.get("bbox_to_anchor") is not None:
        kw["bbox_to_anchor"] = [float(v) for v in kw["bbox_to_anchor"]]
    return kw


def fig_legend(self, *args, handles=None, labels=None, **kw):
    """fig.legend(): a legend against the figure. Without handles the entries are the
    labelled artists of every axes (in the order the axes were added); fig.legend(labels)
    renames them; fig.legend(handles, labels) takes artists of any axes."""
    from .mpl.legend import Legend
    if args:
        if len(args) == 2:
            handles, labels = args
        elif len(args) == 1 and all(isinstance(t, str) for t in args[0]):
            labels = args[0]
        else:
            handles = args[0]
    kw = _legend_kw(kw)
    if handles is not None:
        # the handles' artists get the labels (as ax.legend(handles, labels) does), then the
        # figure legend lists the labelled artists: they must be exactly the handles
        pp = _pp()
        entries = []
        for h in handles:
            e = h[0]._entry if isinstance(h, pp.Container) and h else getattr(h, "_entry", None)
            if e is None:
                raise TypeError("fig.legend(handles): the handles must be artists numc drew")
            entries.append(e)
        if labels is not None:
            for e, lab in zip(entries, labels):
                e[3] = dict(e[3], label=str(lab))
            self._replay()
        labelled = [e for ax in self._axes for e in self._log
                    if e[0] is ax and e[1] in pp._LEGEND_KINDS and isinstance(e[3].get("label"), str)
                    and e[3]["label"] and not e[3]["label"].startswith("_")]
        if sorted(map(id, labelled)) != sorted(map(id, entries)):
            raise TypeError("fig.legend(handles): numc lists the labelled artists of every axes; "
                            "label exactly the handles (other artists: label='_nolegend_')")
        labels = None
    texts = _labelled(self, self._axes)
    if labels is not None:
        kw["labels"] = [str(t) for t in labels]
        texts = list(kw["labels"])
    self._call(self, "fig_legend", **kw)
    return Legend(self, texts, figure_legend=True)


def ax_add_artist(self, a, _orig=None):
    from .mpl.legend import Legend
    if isinstance(a, Legend) and a.axes is self:
        self._call("legend_add_artist")
        return a
    return _orig(self, a)


# ---- sharing ----------------------------------------------------------------------------------
def ax_sharex(self, other):
    """ax.sharex(other): ax's x axis joins other's (one view, one ticker)."""
    self._call("sharex", sharex=other)


def ax_sharey(self, other):
    self._call("sharey", sharey=other)


# ---- figure labels ----------------------------------------------------------------------------
def fig_supxlabel(self, t, **kw):
    """fig.supxlabel: one x label for the whole figure (matplotlib 3.6's place and size)."""
    pp = _pp()
    kw = pp._text_kw(pp._fix_common(dict(kw)))
    self._call(self, "supxlabel", str(t), **kw)


def fig_supylabel(self, t, **kw):
    pp = _pp()
    kw = pp._text_kw(pp._fix_common(dict(kw)))
    self._call(self, "supylabel", str(t), **kw)


# ---- subplot mosaic ---------------------------------------------------------------------------
def _layout_text(mosaic):
    if isinstance(mosaic, str):
        return mosaic

    def check(v):
        if isinstance(v, (list, tuple)):
            for x in v:
                check(x)
        elif not isinstance(v, str):
            raise TypeError("subplot_mosaic(): numc takes str labels (got %r)" % (v,))
    check(mosaic)

    def conv(v):
        return [conv(x) for x in v] if isinstance(v, (list, tuple)) else v
    return repr(conv(mosaic))


def _mosaic_kw(sharex, sharey, width_ratios, height_ratios, empty_sentinel, subplot_kw,
               gridspec_kw):
    """The C call's keywords for subplot_mosaic's arguments (figures and subfigures)."""
    if subplot_kw:
        raise TypeError("subplot_mosaic(): subplot_kw '%s' is not supported by numc" % next(iter(subplot_kw)))
    kw = dict(gridspec_kw or {})
    for k in list(kw):
        if k not in ("left", "right", "bottom", "top", "wspace", "hspace", "width_ratios", "height_ratios"):
            raise TypeError("subplot_mosaic() got an unexpected keyword argument '%s'" % k)
    if width_ratios is not None:
        kw["width_ratios"] = list(width_ratios)
    if height_ratios is not None:
        kw["height_ratios"] = list(height_ratios)
    if sharex:
        kw["sharex"] = True
    if sharey:
        kw["sharey"] = True
    if empty_sentinel != ".":
        if not isinstance(empty_sentinel, str):
            raise TypeError("subplot_mosaic(): numc takes a str empty_sentinel")
        kw["empty"] = empty_sentinel
    return kw


def fig_subplot_mosaic(self, mosaic, *, sharex=False, sharey=False, width_ratios=None,
                       height_ratios=None, empty_sentinel=".", subplot_kw=None,
                       gridspec_kw=None):
    """fig.subplot_mosaic(layout): a dict label → Axes; layout a string ("AB;CC", or one
    row per line) or nested lists (a 2-D list cell is a nested grid)."""
    pp = _pp()
    kw = _mosaic_kw(sharex, sharey, width_ratios, height_ratios, empty_sentinel, subplot_kw,
                    gridspec_kw)
    layout = _layout_text(mosaic)
    pairs = _P.mosaic(self._h, layout, **kw)
    out = {}
    items = []
    for lab, h in pairs:
        ax = pp.Axes(self, h)
        self._axes.append(ax)
        items.append(ax)
        out[lab] = ax
    if items:
        pp._current_axes[id(self)] = items[-1]
    self._log.append([self, "_mosaic", (layout,), kw, items])
    return out


def subplot_mosaic(mosaic, *, sharex=False, sharey=False, width_ratios=None, height_ratios=None,
                   empty_sentinel=".", subplot_kw=None, gridspec_kw=None, **fig_kw):
    """plt.subplot_mosaic: (figure, dict label → Axes)."""
    fig = _pp().figure(**fig_kw)
    axd = fig.subplot_mosaic(mosaic, sharex=sharex, sharey=sharey, width_ratios=width_ratios,
                             height_ratios=height_ratios, empty_sentinel=empty_sentinel,
                             subplot_kw=subplot_kw, gridspec_kw=gridspec_kw)
    return fig, axd


# ---- secondary axes -----------------------------------------------------------------------------
def _secondary(self, which, location, functions, kw):
    pp = _pp()
    if isinstance(location, str):
        kw["location"] = location
    elif location is not None:
        kw["at"] = float(location)
    fns = None
    if functions is not None:
        if not (isinstance(functions, (tuple, list)) and len(functions) == 2
                and all(callable(f) for f in functions)):
            raise ValueError("functions argument of secondary axes must be a two-tuple of "
                             "callable functions with the first function being the transform "
                             "and the second being the inverse")
        fns = tuple(functions)
        self.figure._keep.append(fns)
    h = _P.secondary(self._h, which, fns, **kw)
    sec = pp.Axes(self.figure, h)
    sec._secondary_of = self
    self.figure._axes.append(sec)
    self.figure._log.append([self, "_secondary", (which, fns), dict(kw), sec])
    return sec


def ax_secondary_xaxis(self, location, *, functions=None, **kwargs):
    """ax.secondary_xaxis('top' | 'bottom' | position, functions=(forward, inverse)): one
    more x axis whose values are forward(ax's x); forward and inverse are Python callables
    taking and returning a float (called while the figure draws, with the GIL taken)."""
    return _secondary(self, "x", location, functions, dict(kwargs))


def ax_secondary_yaxis(self, location, *, functions=None, **kwargs):
    return _secondary(self, "y", location, functions, dict(kwargs))


def ax_get_position(self, original=False):
    """ax.get_position(): a Bbox-like object (bounds, x0, y0, width, height) in figure
    fractions, after laying the figure out."""
    self.figure._draw()
    return _Bbox(_P.position(self._h))


class _Bbox:
    def __init__(self, bounds):
        self.bounds = tuple(bounds)
        self.x0, self.y0, self.width, self.height = self.bounds
        self.x1 = self.x0 + self.width
        self.y1 = self.y0 + self.height

    def __repr__(self):
        return "Bbox([[%g, %g], [%g, %g]])" % (self.x0, self.y0, self.x1, self.y1)


# ---- replay of the entries above (pyplot.Figure._replay) --------------------------------------
def replay(fig, owner, name, args, kw, res):
    """Re-make one logged entry of this module in fig's new nplot_figure; False when the
    entry is not one of this module's."""
    pp = _pp()
    if name == "_mosaic":
        for ax, (lab, h) in zip(res, _P.mosaic(fig._h, *args, **kw)):
            ax._h = h
    elif name == "_secondary":
        if owner._h is not pp._Dead:
            res._h = _P.secondary(owner._h, args[0], args[1], **kw)
    elif name == "_subgridspec":
        res._h = _P.subgridspec(args[0]._h, *args[1:], **kw)
        res._fig_h = fig._h
    else:
        return False
    return True


# ---- rcParams ---------------------------------------------------------------------------------
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _rc_text(v):
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, (list, tuple)):
        return ", ".join(_rc_text(x) for x in v)
    if v is None:
        return "None"
    return str(v)


class RcParams(dict):
    """matplotlib.rcParams on numc's rc table (plot/rc.c, per thread): matplotlib's keys and
    defaults; values read back as bool, float, a list of floats (figure.figsize) or the rc
    text (colors, names, 'cycler(...)'). An unknown key is a KeyError, a bad value a
    ValueError (the table is then unchanged). Figures take the table when they are made."""

    def __init__(self):
        dict.__init__(self)

    def __getitem__(self, key):
        text, kind, value = _P.rc_get(key)
        if "color" in key:
            # colors stay text ('0.75' is a gray); matplotlib's validate_color writes hex
            # colors with '#'
            value = text
            if len(value) in (6, 8) and set(value) <= _HEX_DIGITS:
                value = "#" + value
        return value

    def __setitem__(self, key, value):
        _P.rc_set(key, _rc_text(value))

    def __delitem__(self, key):
        raise TypeError("rcParams keys cannot be deleted")

    def __contains__(self, key):
        return key in _P.rc_keys()

    def keys(self):
        return list(_P.rc_keys())

    def __iter__(self):
        return iter(_P.rc_keys())

    def __len__(self):
        return len(_P.rc_keys())

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def values(self):
        return [self[k] for k in self.keys()]

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def update(self, *a, **kw):
        for k, v in dict(*a, **kw).items():
            self[k] = v

    def copy(self):
        return dict(self.items())

    def __repr__(self):
        return "RcParams(%r)" % dict(self.items())

    def __eq__(self, other):
        return dict(self.items()) == dict(other)

    __hash__ = None


def rc_file(fname):
    """matplotlib.rc_file(fname): apply a matplotlibrc file (all or nothing)."""
    _P.rc_file(str(fname))


def rcdefaults():
    _P.rc_defaults()


def rc(group, **kwargs):
    """matplotlib.rc('lines', linewidth=2): rcParams['lines.linewidth'] = 2 (aliases lw, c,
    ls, fc, ec, mew, aa as matplotlib's)."""
    aliases = {"lw": "linewidth", "ls": "linestyle", "c": "color", "fc": "facecolor",
               "ec": "edgecolor", "mew": "markeredgewidth", "aa": "antialiased"}
    groups = (group,) if isinstance(group, str) else group
    for g in groups:
        for k, v in kwargs.items():
            _P.rc_set("%s.%s" % (g, aliases.get(k, k)), _rc_text(v))


@_contextlib.contextmanager
def rc_context(rc=None, fname=None):
    """with plt.rc_context({...}): the rc table is restored when the block ends."""
    _P.rc_push()
    try:
        if fname is not None:
            _P.rc_file(str(fname))
        if rc:
            for k, v in dict(rc).items():
                _P.rc_set(k, _rc_text(v))
        yield
    finally:
        _P.rc_pop()


class Style:
    """plt.style: use(name or list of names), context(name), available, library names."""

    @property
    def available(self):
        return [n for n in _P.style_names() if n != "default"]

    def use(self, style):
        names = [style] if isinstance(style, (str, dict)) else list(style)
        for s in names:
            if isinstance(s, dict):
                for k, v in s.items():
                    _P.rc_set(k, _rc_text(v))
            else:
                _P.call("style_use", s)

    @_contextlib.contextmanager
    def context(self, style, after_reset=False):
        with rc_context():
            if after_reset:
                rcdefaults()
            self.use(style)
            yield


style = Style()
