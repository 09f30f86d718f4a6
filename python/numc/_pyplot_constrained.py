"""numc.pyplot's constrained layout (plot.h "constrained layout"), attached to numc.pyplot's
Figure by the block at its attach point: figure(layout="constrained") /
constrained_layout=True make an nplot_figure with .layout = "constrained" (kept in the
figure's options, so clf and the replays of the call log keep it), and
fig.set_layout_engine / get_layout_engine / set_constrained_layout /
get_constrained_layout / set_constrained_layout_pads / get_constrained_layout_pads."""
from ._core import _plot as _P

_ENGINES = ("constrained", "tight", "none")


def wrap_init(orig):
    def __init__(self, *args, layout=None, constrained_layout=None, **kw):
        constrained = layout == "constrained" or (layout is None and bool(constrained_layout))
        if layout not in (None,) + _ENGINES:
            raise TypeError("figure(): layout must be 'constrained', 'tight' or 'none', got %r"
                            % (layout,))
        orig(self, *args, layout=None if layout in ("constrained", "none") else layout, **kw)
        self._cl_pads = [3.0 / 72, 3.0 / 72, 0.02, 0.02]
        self._engine = "constrained" if constrained else "tight" if self._tight else "none"
        if constrained:
            self._opts["layout"] = "constrained"
            self._h = _P.figure(**self._opts)
    return __init__


def set_layout_engine(self, layout=None):
    """fig.set_layout_engine('constrained' | 'tight' | 'none' | None)"""
    name = "none" if layout is None else layout
    if name not in _ENGINES:
        raise ValueError("Invalid value for 'layout': %r" % (layout,))
    self._call(self, "set_layout_engine", name)
    self._engine = name
    # clf and replays make the figure from its options: keep the engine there
    self._opts.pop("layout", None)
    if name == "constrained":
        self._opts["layout"] = "constrained"
    self._tight = name == "tight"


def get_layout_engine(self):
    """The engine's name ('constrained', 'tight') or None, as matplotlib's engine or None."""
    return None if self._engine == "none" else self._engine


def set_constrained_layout(self, constrained):
    self.set_layout_engine("constrained" if constrained else None)


def get_constrained_layout(self):
    return self._engine == "constrained"


def set_constrained_layout_pads(self, *, w_pad=None, h_pad=None, wspace=None, hspace=None):
    """Pads in inches, spaces as fractions; None leaves one unchanged."""
    vals = [w_pad, h_pad, wspace, hspace]
    self._call(self, "set_constrained_layout_pads",
               *[-1.0 if v is None else float(v) for v in vals])
    for i, v in enumerate(vals):
        if v is not None:
            self._cl_pads[i] = float(v)


def get_constrained_layout_pads(self, relative=False):
    """(w_pad, h_pad, wspace, hspace); relative=True gives the pads as figure fractions."""
    w, h, ws, hs = self._cl_pads
    if relative:
        size = self.get_size_inches()
        w, h = w / size[0], h / size[1]
    return w, h, ws, hs
