"""numc.pyplot's names for plot.h "path effects and sketch on patches and text, Axes/Figure
path effects, compressed layout" (numc._core._effects2 and the artist setters):
- path_effects=[...] (numc.mpl.patheffects effects) and sketch_params=(scale, length,
  randomness) keywords on bar, barh, fill, fill_between, fill_betweenx (path_effects= alone
  on text, annotate, set_title, set_xlabel, set_ylabel);
- Artist.set_path_effects / get_path_effects / set_sketch_params / get_sketch_params on the
  artists those return;
- Axes and Figure set_path_effects / get_path_effects / set_sketch_params /
  get_sketch_params (numc draws them on the axes / figure patch);
- figure(layout="compressed"), fig.set_layout_engine("compressed")."""
import sys as _sys

from ._core import _plot as _P
from ._core import _effects2 as _E
from . import _pyplot_more as _more
from . import _pyplot_py21 as _py21

pp = _sys.modules["numc.pyplot"]
Axes, Figure, Artist = pp.Axes, pp.Figure, pp.Artist


# ---- the encoding and the call log ---------------------------------------------------------
def _encode(path_effects, who):
    from .mpl import patheffects as pe
    nums, fgs = [], []
    for e in path_effects or ():
        if not isinstance(e, pe.AbstractPathEffect):
            raise TypeError("%s(): %r is not a numc.mpl.patheffects effect" % (who, e))
        row, fg = e._row()
        nums.extend(row)
        fgs.append(fg)
    return nums, fgs


def _sketch_args(scale, length, randomness):
    return tuple(0.0 if v is None else float(v) for v in (scale, length, randomness))


def _do(owner, name, *args):
    """Run one setter now and log it for the replay."""
    fig = owner if isinstance(owner, Figure) else owner.figure
    if owner._h is pp._Dead:
        raise RuntimeError("this axes was removed by clf(): make a new one")
    try:
        if isinstance(owner, Figure):
            _E.fig_do(name, owner._h, *args)
        else:
            _E.ax_do(name, owner._h, *args)
    except Exception:
        if _P.status(fig._h)[0] != 0:
            fig._replay()
        raise
    fig._log.append([owner, "_e2:" + name, args, {}, None])


_orig_replay = _more.replay


def _replay(fig, owner, name, args, kw, res):
    if not name.startswith("_e2:"):
        return _orig_replay(fig, owner, name, args, kw, res)
    if owner._h is pp._Dead:
        return True
    if isinstance(owner, Figure):
        _E.fig_do(name[4:], owner._h, *args)
    else:
        _E.ax_do(name[4:], owner._h, *args)
    return True


_more.replay = _replay


# ---- every artist ----------------------------------------------------------------------------
def artist_set_path_effects(self, path_effects):
    """Artist.set_path_effects: lines, patches (bars, wedges, fills) and text."""
    nums, fgs = _encode(path_effects, "set_path_effects")
    _py21._artist_op(self, "set_path_effects", nums, fgs)
    self._path_effects = list(path_effects or ())


def artist_get_path_effects(self):
    return list(self.__dict__.get("_path_effects", []))


def artist_set_sketch_params(self, scale=None, length=None, randomness=None):
    """Artist.set_sketch_params: patches and fills (text is never sketched)."""
    _py21._artist_op(self, "set_sketch_params", *_sketch_args(scale, length, randomness), first=True)
    self._sketch = None if scale is None else (scale, length or 128.0, randomness or 16.0)


def artist_get_sketch_params(self):
    return self.__dict__.get("_sketch")


Artist.set_path_effects, Artist.get_path_effects = artist_set_path_effects, artist_get_path_effects
Artist.set_sketch_params, Artist.get_sketch_params = artist_set_sketch_params, artist_get_sketch_params


def _apply(res, path_effects, sketch_params):
    items = res if isinstance(res, (list, tuple)) else [res]
    for it in items:
        if isinstance(it, (list, tuple)):
            _apply(it, path_effects, sketch_params)
            continue
        if not isinstance(it, Artist):
            continue
        if path_effects is not None:
            it.set_path_effects(path_effects)
        if sketch_params is not None:
            sp = sketch_params if isinstance(sketch_params, (list, tuple)) else (sketch_params,)
            it.set_sketch_params(*sp)


def _with_effects(orig, name, sketch=True):
    def f(self, *args, path_effects=None, sketch_params=None, **kw):
        if sketch_params is not None and not sketch:
            raise TypeError("%s(): numc does not sketch text (matplotlib's Text ignores it)"
                            % name)
        res = orig(self, *args, **kw)
        _apply(res, path_effects, sketch_params)
        return res
    f.__name__, f.__doc__ = orig.__name__, orig.__doc__
    return f


for _name in ("bar", "barh", "fill", "fill_between", "fill_betweenx"):
    setattr(Axes, _name, _with_effects(getattr(Axes, _name), _name))
for _name in ("text", "annotate"):
    setattr(Axes, _name, _with_effects(getattr(Axes, _name), _name, sketch=False))


def _with_text_effects(orig, which):
    def f(self, *args, path_effects=None, **kw):
        res = orig(self, *args, **kw)
        if path_effects is not None:
            nums, fgs = _encode(path_effects, "set_" + which)
            _do(self, "text_path_effects", which, nums, fgs)
        return res
    f.__name__, f.__doc__ = orig.__name__, orig.__doc__
    return f


Axes.set_title = _with_text_effects(Axes.set_title, "title")
Axes.set_xlabel = _with_text_effects(Axes.set_xlabel, "xlabel")
Axes.set_ylabel = _with_text_effects(Axes.set_ylabel, "ylabel")


# ---- Axes and Figure: their patches ------------------------------------------------------------
def set_path_effects(self, path_effects):
    """Axes/Figure.set_path_effects: numc draws the axes (figure) patch through them."""
    nums, fgs = _encode(path_effects, "set_path_effects")
    _do(self, "path_effects", nums, fgs)
    self._path_effects = list(path_effects or ())


def get_path_effects(self):
    """The effects given to set_path_effects ([] until then; the rc path.effects, which the
    patch draws until then, stay in rcParams)."""
    return list(self.__dict__.get("_path_effects", []))


def set_sketch_params(self, scale=None, length=None, randomness=None):
    """Axes/Figure.set_sketch_params: the axes (figure) patch wobbles; None removes it."""
    _do(self, "sketch_params", *_sketch_args(scale, length, randomness))


def ax_get_sketch_params(self):
    if self.figure._dirty:
        self.figure._replay()
    return _E.ax_get("sketch_params", self._h)


def fig_get_sketch_params(self):
    if self._dirty:
        self._replay()
    return _E.fig_get("sketch_params", self._h)


Axes.set_path_effects, Axes.get_path_effects = set_path_effects, get_path_effects
Figure.set_path_effects, Figure.get_path_effects = set_path_effects, get_path_effects
Axes.set_sketch_params, Axes.get_sketch_params = set_sketch_params, ax_get_sketch_params
Figure.set_sketch_params, Figure.get_sketch_params = set_sketch_params, fig_get_sketch_params


# ---- layout="compressed" -------------------------------------------------------------------------
def _wrap_init(orig):
    def __init__(self, *args, layout=None, **kw):
        compressed = layout == "compressed"
        orig(self, *args, layout="constrained" if compressed else layout, **kw)
        if compressed:
            self._engine = "compressed"
            self._opts["layout"] = "compressed"
            self._h = _P.figure(**self._opts)
    return __init__


def _wrap_set_layout_engine(orig):
    def set_layout_engine(self, layout=None):
        """fig.set_layout_engine('constrained' | 'compressed' | 'tight' | 'none' | None)"""
        if layout != "compressed":
            return orig(self, layout)
        self._call(self, "set_layout_engine", "compressed")
        self._engine = "compressed"
        self._opts["layout"] = "compressed"
        self._tight = False
    set_layout_engine.__doc__ = orig.__doc__
    return set_layout_engine


def _wrap_get_constrained(orig):
    def get_constrained_layout(self):
        return self._engine in ("constrained", "compressed")
    return get_constrained_layout


Figure.__init__ = _wrap_init(Figure.__init__)
Figure.set_layout_engine = _wrap_set_layout_engine(Figure.set_layout_engine)
Figure.get_constrained_layout = _wrap_get_constrained(Figure.get_constrained_layout)
