#!/usr/bin/env python3
"""Generate docs/matplotlib_index.md, the "matplotlib → numc" index (issue 20):
    /usr/bin/python3 scripts/gen_matplotlib_index.py > docs/matplotlib_index.md
Rows: every public function of matplotlib.pyplot (those whose __module__ is
matplotlib.pyplot: its documented API), every public method of matplotlib.axes.Axes and
matplotlib.figure.Figure (inherited ones included) and every public method that
mpl_toolkits.mplot3d.Axes3D defines itself (new, or with a 3-D meaning), from matplotlib
3.6 (Debian's python3-matplotlib). Column "numc": the plot.h names that do it, found by the
naming rule of the class (Axes.X is nplot_X(ax, ...) or nplot_axes_X, Figure.X is
nplot_figure_X, nplot_fig_X or nplot_X(fig, ...)), then by the MAP table where the names
differ. "not applicable in C" is kept for the interactive side (GUI event loop, mouse
events, picking, navigation, backends, figure managers); whatever else numc lacks is
"missing". Column "numc.pyplot": whether the Python binding's pyplot module (or its Figure,
Axes, Axes3D classes) has the name, read by importing python/numc/pyplot.py with a stand-in
for the C extension (so no build is needed). The output depends only on the headers, the
binding's sources and the matplotlib version: run it again after adding functions."""
import importlib, inspect, os, re, sys, types

sys.dont_write_bytecode = True  # the binding's sources are imported from the source tree

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from mpl_toolkits.mplot3d import Axes3D

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from gen_numpy_index import public_names, nplot_first_param  # noqa: E402

# ---- matplotlib's names ---------------------------------------------------------------
def pyplot_functions():
    return sorted(n for n, v in vars(plt).items()
                  if not n.startswith("_") and inspect.isfunction(v)
                  and v.__module__ == "matplotlib.pyplot")

def methods(cls, own=False):
    names = vars(cls) if own else dir(cls)
    out = []
    for n in names:
        if n.startswith("_"):
            continue
        v = inspect.getattr_static(cls, n)
        if isinstance(v, (staticmethod, classmethod)):
            v = v.__func__
        if inspect.isfunction(v):
            out.append(n)
    return sorted(out)

CLASSES = [  # (title, prefix shown, names)
    ("matplotlib.pyplot", "plt.", pyplot_functions()),
    ("matplotlib.axes.Axes", "Axes.", methods(Axes)),
    ("matplotlib.figure.Figure", "Figure.", methods(Figure)),
    ("mpl_toolkits.mplot3d.Axes3D", "Axes3D.", methods(Axes3D, own=True)),
]

# ---- numc.pyplot's names (the binding's sources, C extension stood in for) -------------
class _Any:
    def __getattr__(self, n):
        if n.startswith("__"):
            raise AttributeError(n)
        return _Any()

    def __call__(self, *a, **k):
        return _Any()

class _StubModule(types.ModuleType):
    def __getattr__(self, n):
        if n.startswith("__"):
            raise AttributeError(n)
        return _Any()

def only_raises(f):
    """A method whose body only raises (numc.pyplot's way of naming what it lacks)."""
    import ast, textwrap
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(f)))
    except (OSError, TypeError, SyntaxError):
        return False
    fn = tree.body[0] if tree.body else None
    if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    body = [b for b in fn.body
            if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
    return len(body) == 1 and isinstance(body[0], ast.Raise)

def numc_pyplot():
    saved = {k: v for k, v in sys.modules.items() if k == "numc" or k.startswith("numc.")}
    for k in saved:
        del sys.modules[k]
    pkg = types.ModuleType("numc")
    pkg.__path__ = [os.path.join(ROOT, "python", "numc")]
    sys.modules["numc"] = pkg
    sys.modules["numc._core"] = _StubModule("numc._core")
    try:
        pp = importlib.import_module("numc.pyplot")
    finally:
        for k in [k for k in sys.modules if k == "numc" or k.startswith("numc.")]:
            del sys.modules[k]
        sys.modules.update(saved)

    def callables(cls):
        out = set()
        for n in dir(cls):
            if n.startswith("_"):
                continue
            v = inspect.getattr_static(cls, n)
            if isinstance(v, (staticmethod, classmethod)):
                v = v.__func__
            if callable(v) and not isinstance(v, type) and not only_raises(v):
                out.add(n)
        return out
    mod = {n for n in pp.__all__ if callable(getattr(pp, n))
           and not isinstance(getattr(pp, n), type) and not only_raises(getattr(pp, n))}
    # Axes3D: the methods numc's Axes3D defines itself (its inherited ones are the 2-D forms)
    return {"matplotlib.pyplot": mod, "matplotlib.axes.Axes": callables(pp.Axes),
            "matplotlib.figure.Figure": callables(pp.Figure),
            "mpl_toolkits.mplot3d.Axes3D": callables(pp.Axes3D) & set(vars(pp.Axes3D))}

# ---- not applicable in C: the interactive side only ------------------------------------
_ARTIST_EVENTS = {
    "pick": "mouse picking", "pickable": "mouse picking", "get_picker": "mouse picking",
    "set_picker": "mouse picking", "contains": "hit test of a mouse event",
    "get_cursor_data": "the value under the mouse cursor",
    "format_cursor_data": "the value under the mouse cursor",
    "get_mouseover": "mouse-over of an interactive window",
    "set_mouseover": "mouse-over of an interactive window",
    "get_animated": "blitting in a GUI animation", "set_animated": "blitting in a GUI animation",
}
NOT_IN_C = {
    "matplotlib.pyplot": {
        "connect": "GUI event callbacks", "disconnect": "GUI event callbacks",
        "draw_if_interactive": "interactive mode", "ion": "interactive mode",
        "ioff": "interactive mode", "isinteractive": "interactive mode",
        "install_repl_displayhook": "the Python REPL's display hook",
        "uninstall_repl_displayhook": "the Python REPL's display hook",
        "get_current_fig_manager": "figure managers (GUI windows)",
        "new_figure_manager": "figure managers (GUI windows)",
        "ginput": "mouse input in a GUI window", "waitforbuttonpress": "GUI event loop",
        "pause": "GUI event loop", "show": "GUI window (numc writes files and buffers)",
        "subplot_tool": "GUI widget", "switch_backend": "backends (numc has one renderer)",
        # pyplot's registry of numbered figures: C code holds its nplot_figure handles (and
        # passes them: nplot_gca(fig), nplot_clf(fig))
        "gcf": "pyplot's registry of numbered figures (C holds the nplot_figure handle)",
        "fignum_exists": "pyplot's registry of numbered figures (C holds the nplot_figure handle)",
        "get_fignums": "pyplot's registry of numbered figures (C holds the nplot_figure handle)",
        "get_figlabels": "pyplot's registry of numbered figures (C holds the nplot_figure handle)",
    },
    "matplotlib.axes.Axes": dict(_ARTIST_EVENTS, **{
        "format_coord": "the status bar of a GUI window",
        "format_xdata": "the status bar of a GUI window",
        "format_ydata": "the status bar of a GUI window",
        "can_pan": "interactive navigation", "can_zoom": "interactive navigation",
        "start_pan": "interactive navigation", "drag_pan": "interactive navigation",
        "end_pan": "interactive navigation", "get_navigate": "interactive navigation",
        "set_navigate": "interactive navigation", "get_navigate_mode": "interactive navigation",
        "set_navigate_mode": "interactive navigation",
        "draw_artist": "blitting in a GUI animation",
        "redraw_in_frame": "blitting in a GUI animation",
        "get_renderer_cache": "blitting in a GUI animation (the cached renderer)",
        "get_transformed_clip_path_and_affine": "backend internals (the clip path handed to a renderer)",
        "add_callback": "Python property-change observers",
        "remove_callback": "Python property-change observers",
        "pchanged": "Python property-change observers",
        "get_agg_filter": "a Python function filtering the Agg pixels",
        "set_agg_filter": "a Python function filtering the Agg pixels",
    }),
    "matplotlib.figure.Figure": dict(_ARTIST_EVENTS, **{
        "show": "GUI window", "ginput": "mouse input in a GUI window",
        "waitforbuttonpress": "GUI event loop", "set_canvas": "backends' canvases",
        "add_axobserver": "GUI callback on axes changes",
        "draw_artist": "blitting in a GUI animation",
        "add_callback": "Python callbacks on property changes",
        "remove_callback": "Python callbacks on property changes",
        "pchanged": "Python callbacks on property changes",
        "get_agg_filter": "a Python function over Agg's pixel buffer",
        "set_agg_filter": "a Python function over Agg's pixel buffer",
        "get_transformed_clip_path_and_affine": "the Agg renderer's internal clip path",
    }),
    "mpl_toolkits.mplot3d.Axes3D": {
        "mouse_init": "mouse rotation", "disable_mouse_rotation": "mouse rotation",
        "can_pan": "interactive navigation", "can_zoom": "interactive navigation",
        "format_coord": "the status bar of a GUI window",
        "format_zdata": "the status bar of a GUI window",
        "set_top_view": "resetting the 2-D window onto the projection, which only code "
                        "assigning ax.viewLim moves (numc's stays matplotlib's default)",
    },
}

# ---- where the names differ ------------------------------------------------------------
# (class, name) → numc cells. A bare name must be a public name of the headers; a call form
# `nplot_x(...)` is shown as it is (its function name is checked too).
_CMAPS = ("autumn", "bone", "cool", "copper", "flag", "gray", "hot", "hsv", "inferno", "jet",
          "magma", "nipy_spectral", "pink", "plasma", "prism", "spring", "summer", "viridis",
          "winter")
P, A, F, D = ("matplotlib.pyplot", "matplotlib.axes.Axes", "matplotlib.figure.Figure",
              "mpl_toolkits.mplot3d.Axes3D")
MAP = {
    # pyplot's state machine: the C calls take the figure / axes explicitly
    (P, "figure"): ["nplot_figure_new"], (P, "close"): ["nplot_figure_free"],
    (P, "subplot"): ["nplot_subplot", "nplot_add_subplot"], (P, "axes"): ["nplot_add_axes"],
    (P, "subplot2grid"): ["nplot_gridspec_new", "nplot_gridspec_subplot"],
    (P, "xlabel"): ["nplot_set_xlabel"], (P, "ylabel"): ["nplot_set_ylabel"],
    (P, "title"): ["nplot_set_title"],
    (P, "xlim"): ["nplot_set_xlim", "nplot_get_xlim", "nplot_set_xlim_dates"],
    (P, "ylim"): ["nplot_set_ylim", "nplot_get_ylim", "nplot_set_ylim_dates"],
    (P, "xscale"): ["nplot_set_xscale"], (P, "yscale"): ["nplot_set_yscale"],
    (P, "xticks"): ["nplot_set_xticks", "nplot_get_xticks"],
    (P, "yticks"): ["nplot_set_yticks", "nplot_get_yticks"],
    (P, "figtext"): ["nplot_fig_text"], (P, "figlegend"): ["nplot_fig_legend"],
    (P, "rc"): ["nplot_rc_set", "nplot_rc_set_float", "nplot_rc_set_bool"],
    (P, "rc_context"): ["nplot_rc_context_push", "nplot_rc_context_pop"],
    (P, "rcdefaults"): ["nplot_rc_defaults"], (P, "get_cmap"): ["nplot_colormap_get"],
    (P, "colorbar"): ["nplot_colorbar"], (P, "polar"): ["nplot_subplot_polar", "nplot_plot"],
    (P, "draw"): ["nplot_figure_draw"], (P, "box"): ['nplot_spines_set_visible(ax, "all", on)'],
    (P, "setp"): ["nplot_artist_set_color", "nplot_artist_set_linewidth",
                  "nplot_artist_set_alpha", "nplot_artist_set_visible",
                  "nplot_artist_set_zorder", "nplot_artist_set_label", "nplot_artist_set_text",
                  "nplot_artist_set_data"],
    (P, "set_cmap"): ['nplot_rc_set("image.cmap", name)'],
    # Axes
    (A, "clear"): ["nplot_cla"], (A, "set_axis_off"): ['nplot_axis(ax, "off")'],
    (A, "set_axis_on"): ['nplot_axis(ax, "on")'],
    (A, "xaxis_date"): ['nplot_axis_date(ax, "x")'], (A, "yaxis_date"): ['nplot_axis_date(ax, "y")'],
    (A, "semilogx"): ["nplot_plot(ax, x, y)", 'nplot_set_xscale(ax, "log")'],
    (A, "semilogy"): ["nplot_plot(ax, x, y)", 'nplot_set_yscale(ax, "log")'],
    (A, "loglog"): ["nplot_plot(ax, x, y)", 'nplot_set_xscale(ax, "log")', 'nplot_set_yscale(ax, "log")'],
    (A, "plot_date"): ["nplot_plot(ax, dates, y)"],  # datetime64 data
    (A, "pcolor"): ["nplot_pcolormesh"],
    (A, "get_xticklabels"): ["nplot_get_xticks", "nplot_get_xticklabel"],
    (A, "get_yticklabels"): ["nplot_get_yticks", "nplot_get_yticklabel"],
    (A, "get_window_extent"): ["nplot_axes_pixel_box"],
    (A, "get_lines"): ["nplot_artist_count", "nplot_get_artist", "nplot_artist_kind"],
    (A, "get_images"): ["nplot_artist_count", "nplot_get_artist", "nplot_artist_kind"],
    (A, "set_fc"): ["nplot_set_facecolor"],
    (A, "autoscale"): ["nplot_set_xlim(ax, NAN, NAN)", "nplot_set_ylim(ax, NAN, NAN)"],
    (A, "remove"): ["nplot_fig_delaxes"],
    (A, "add_artist"): ["nplot_legend_add_artist"],  # a legend kept as an artist
    # C has no free-standing artists: the call that makes one adds it (axes more, issue 20)
    (A, "add_child_axes"): ["nplot_inset_axes"],  # what matplotlib's inset_axes calls
    (A, "add_line"): ["nplot_plot_xy"], (A, "add_image"): ["nplot_imshow"],
    (A, "add_table"): ["nplot_table"],
    (A, "add_patch"): ["nplot_fill_xy", "nplot_arrow", "nplot_indicate_inset"],
    (A, "get_children"): ["nplot_artist_count", "nplot_get_artist"],
    (A, "set_xmargin"): ["nplot_margins"], (A, "set_ymargin"): ["nplot_margins"],
    (A, "autoscale_view"): ["nplot_relim"],
    (A, "get_fc"): ["nplot_axes_get_facecolor"], (A, "get_legend"): ["nplot_axes_has_legend"],
    (A, "in_axes"): ["nplot_axes_contains_point"],
    (A, "get_shared_x_axes"): ["nplot_axes_shares_x"], (A, "get_shared_y_axes"): ["nplot_axes_shares_y"],
    (A, "get_xgridlines"): ["nplot_get_xticks"], (A, "get_ygridlines"): ["nplot_get_yticks"],
    (A, "get_xticklines"): ["nplot_get_xticks"], (A, "get_yticklines"): ["nplot_get_yticks"],
    (A, "get_xmajorticklabels"): ["nplot_get_xticks", "nplot_get_xticklabel"],
    (A, "get_ymajorticklabels"): ["nplot_get_yticks", "nplot_get_yticklabel"],
    (A, "get_xminorticklabels"): ["nplot_get_xminorticks"],
    (A, "get_yminorticklabels"): ["nplot_get_yminorticks"],
    (A, "get_transform"): ['nplot_axes_transform(ax, "axes", "display", ...)'],
    (A, "get_xaxis_transform"): ['nplot_axes_transform(ax, "xaxis", ...)'],
    (A, "get_yaxis_transform"): ['nplot_axes_transform(ax, "yaxis", ...)'],
    (A, "get_xaxis_text1_transform"): ['nplot_axes_transform(ax, "xaxis", ...)'],
    (A, "get_xaxis_text2_transform"): ['nplot_axes_transform(ax, "xaxis", ...)'],
    (A, "get_yaxis_text1_transform"): ['nplot_axes_transform(ax, "yaxis", ...)'],
    (A, "get_yaxis_text2_transform"): ['nplot_axes_transform(ax, "yaxis", ...)'],
    (A, "apply_aspect"): ["nplot_figure_draw", "nplot_axes_get_active_position"],
    # Figure
    (F, "add_gridspec"): ["nplot_gridspec_new"], (F, "add_subfigure"): ["nplot_add_subfigure"],
    (F, "colorbar"): ["nplot_colorbar"],
    (F, "draw"): ["nplot_figure_draw"], (F, "draw_without_rendering"): ["nplot_figure_draw"],
    (F, "get_window_extent"): ["nplot_figure_pixel_size"],
    (F, "clear"): ["nplot_clf"],
    (F, "add_subplot"): ["nplot_subplot", "nplot_add_subplot", "nplot_gridspec_subplot",
                         "nplot_gridspec_add_subplot", "nplot_subplot_polar", "nplot_subplot_3d"],
    (F, "add_axes"): ["nplot_add_axes", "nplot_add_axes_polar"],
    # Axes3D (the 2-D calls do not apply to a 3-D axes: only these)
    (D, "plot"): ["nplot_plot3d"], (D, "plot3D"): ["nplot_plot3d"],
    (D, "scatter"): ["nplot_scatter3d"], (D, "scatter3D"): ["nplot_scatter3d"],
    (D, "contour"): ["nplot_contour3d"], (D, "contour3D"): ["nplot_contour3d"],
    (D, "contourf"): ["nplot_contourf3d"], (D, "contourf3D"): ["nplot_contourf3d"],
    (D, "set_zlim3d"): ["nplot_set_zlim"], (D, "get_zlim3d"): ["nplot_get_zlim"],
    (D, "set_title"): ["nplot_set_title"],  # titles and the x / y limits work on 3-D axes
    (D, "set_xlim3d"): ["nplot_set_xlim"], (D, "set_ylim3d"): ["nplot_set_ylim"],
    (D, "get_xlim"): ["nplot_get_xlim"], (D, "get_ylim"): ["nplot_get_ylim"],
    (D, "get_xlim3d"): ["nplot_get_xlim"], (D, "get_ylim3d"): ["nplot_get_ylim"],
    (D, "set_box_aspect"): ["nplot_set_box_aspect3d"],
    (D, "quiver"): ["nplot_quiver3d"], (D, "quiver3D"): ["nplot_quiver3d"],
    (D, "grid"): ["nplot_axes3d_grid"],
    # 3-D plot kinds (ax3da)
    (D, "voxels"): ["nplot_voxels"], (D, "stem"): ["nplot_stem3d"], (D, "stem3D"): ["nplot_stem3d"],
    (D, "errorbar"): ["nplot_errorbar3d"], (D, "text"): ["nplot_text3d"], (D, "text3D"): ["nplot_text3d"],
    (D, "text2D"): ["nplot_text2d"], (D, "bar"): ["nplot_bar_zs"],
    (D, "tricontour"): ["nplot_tricontour3d"], (D, "tricontourf"): ["nplot_tricontourf3d"],
    (D, "add_contour_set"): ["nplot_add_contour_set"], (D, "add_contourf_set"): ["nplot_add_contourf_set"],
    (D, "add_collection3d"): ["nplot_add_collection3d"], (D, "clabel"): ["nplot_clabel"],
    (D, "set_axis_off"): ['nplot_axis(ax, "off")'], (D, "set_axis_on"): ['nplot_axis(ax, "on")'],
}
MAP.update({(P, c): ['nplot_rc_set("image.cmap", "%s")' % c] for c in _CMAPS})
# Artist protocol on Axes and Figure (axgeneric): properties by name, units, clip, locator
MAP.update({
    (P, "get"): ["nplot_axes_get_prop", "nplot_figure_get_prop"],
    (P, "getp"): ["nplot_axes_get_prop", "nplot_figure_get_prop", "nplot_axes_properties",
                  "nplot_figure_properties"],
    (A, "draw"): ["nplot_figure_draw"],  # an axes is drawn with (and laid out by) its figure
    (A, "get_xaxis"): ["nplot_set_xticks", "nplot_set_xlabel", "nplot_tick_params",
                       "nplot_invert_xaxis", 'nplot_axis_date(ax, "x")'],
    (A, "get_yaxis"): ["nplot_set_yticks", "nplot_set_ylabel", "nplot_tick_params",
                       "nplot_invert_yaxis", 'nplot_axis_date(ax, "y")'],
    (D, "get_zaxis"): ["nplot_set_zticks", "nplot_set_zlabel", "nplot_tick_params",
                       "nplot_invert_zaxis", 'nplot_axis_date(ax, "z")'],
    (D, "draw"): ["nplot_figure_draw"],
    (D, "convert_zunits"): ["nplot_axes_convert_zunits"],
    (F, "get_figure"): ["nplot_subfig_figure"],  # a figure's figure is itself
    (F, "add_artist"): ["nplot_fig_text", "nplot_fig_legend", "nplot_figimage"],
})
MAP[(P, "setp")] = MAP[(P, "setp")] + ["nplot_axes_set", "nplot_figure_set"]
NOT_IN_C[P].update({
    "get_plot_commands": "lists pyplot's Python namespace (numc.pyplot.get_plot_commands lists numc's)",
    "set_loglevel": "the level of matplotlib's Python logger (numc logs nothing; warnings go through nd_seterrcall)",
})
NOT_IN_C[A].update({
    "set_transform": "an Axes' own Artist transform is a Python Transform object matplotlib never uses to draw an axes",
    "is_transform_set": "an Axes' own Artist transform is a Python Transform object matplotlib never uses to draw an axes",
})
NOT_IN_C[F].update({
    "get_transform": "a Figure's Artist transform is a Python Transform object (figure coordinates: nplot_axes_transform)",
    "set_transform": "a Figure's Artist transform is a Python Transform object (figure coordinates: nplot_axes_transform)",
    "is_transform_set": "a Figure's Artist transform is a Python Transform object (figure coordinates: nplot_axes_transform)",
    "set_figure": "a figure is its own figure (matplotlib raises RuntimeError for any other)",
    "remove": "a top-level figure has no parent (matplotlib raises NotImplementedError); nplot_figure_free frees it",
    "convert_xunits": "a figure has no data axes (matplotlib 3.6's Figure.convert_xunits raises AttributeError)",
    "convert_yunits": "a figure has no data axes (matplotlib 3.6's Figure.convert_yunits raises AttributeError)",
    "have_units": "a figure has no data axes (matplotlib 3.6's Figure.have_units raises AttributeError)",
})
# Axes3D's state calls (ax3db): the 2-D names it redefines, and the z tick getters
MAP.update({
    (D, "set_aspect"): ["nplot_set_aspect3d"], (D, "margins"): ["nplot_margins3d"],
    (D, "autoscale"): ["nplot_autoscale3d"], (D, "autoscale_view"): ["nplot_autoscale3d"],
    (D, "tick_params"): ["nplot_tick_params"], (D, "clear"): ["nplot_cla"],
    (D, "set_xscale"): ["nplot_set_xscale"], (D, "set_yscale"): ["nplot_set_yscale"],
    (D, "get_tightbbox"): ["nplot_get_tightbbox"], (D, "update_datalim"): ["nplot_axes_update_datalim"],
    (D, "apply_aspect"): ["nplot_figure_draw", "nplot_axes_get_active_position"],
    (D, "set_frame_on"): ["nplot_axes_set_frame_on"], (D, "get_frame_on"): ["nplot_axes_get_frame_on"],
    (D, "set"): ["nplot_set3d"],
    (D, "get_zticklabels"): ["nplot_get_zticks", "nplot_get_zticklabel"],
    (D, "get_zmajorticklabels"): ["nplot_get_zticks", "nplot_get_zticklabel"],
    (D, "get_zminorticklabels"): ["nplot_get_zminorticks"],
    (D, "get_zticklines"): ["nplot_get_zticks"], (D, "get_zgridlines"): ["nplot_get_zticks"],
    (D, "zaxis_date"): ['nplot_axis_date(ax, "z")'],
})

# Shown in the same cell as their base name.
BESIDE_SUFFIXES = ("_xy", "_cat", "_cats", "_caty", "_data", "_ma", "_arr", "_dates", "_rows",
                   "_sets_xy", "_slope")

SECTION_NOTES = {
    D: ["The methods `Axes3D` defines itself: new ones and the 2-D names it gives a 3-D",
        "meaning (`plot`, `scatter`, `contour`, ...). A 3-D axes is `nplot_subplot_3d(fig, ...)`;",
        "the 2-D plotting calls do not apply to it, titles and x / y limits do. The numc.pyplot",
        "column counts the methods numc's `Axes3D` defines itself."],
    F: ["`Figure`'s methods, inherited ones included (`Artist`'s setters and getters apply to",
        "the figure object itself)."],
    A: ["`Axes`'s methods, inherited ones included (`Artist`'s setters and getters apply to the",
        "axes object itself; the artists an axes holds are changed with `nplot_artist_set_*`)."],
}

def call_name(cell):
    m = re.match(r"(nplot_\w+)", cell)
    return m.group(1) if m else None

def auto(cls, name, names, first):
    cands = []
    if cls == D and hasattr(Axes, name):
        return []  # a 2-D name given a 3-D meaning: only MAP's entries
    if cls in (A, D):
        cands = [c for c in ("nplot_" + name, "nplot_axes_" + name)
                 if c in names and first(c) in ("ax", "")]
    elif cls == F:
        for c in ("nplot_figure_" + name, "nplot_fig_" + name, "nplot_" + name):
            if c in names and first(c) == "fig":
                cands.append(c)
    elif cls == P:
        if "nplot_" + name in names:
            cands = ["nplot_" + name]
    return cands

def numc_cells(cls, name, names, first, resolved):
    if (cls, name) in MAP:
        cells = MAP[(cls, name)]
    else:
        cells = auto(cls, name, names, first)
        if not cells and cls == P:  # plt.X is gca().X or gcf().X
            cells = resolved.get((A, name)) or resolved.get((F, name)) or []
    for c in cells:
        n = call_name(c)
        if n is None or n not in names:
            sys.exit("gen_matplotlib_index: %r for %s.%s is not a public name" % (c, cls, name))
    return cells

def render(cells, names):
    shown = []
    for i, c in enumerate(cells):
        if c not in shown:
            shown.append(c)
        if c in names and i == 0:
            for s in BESIDE_SUFFIXES:
                if c + s in names and c + s not in shown:
                    shown.append(c + s)
    return ", ".join("`%s`" % c for c in shown)

def main():
    names = public_names()
    names = {n: f for n, f in names.items() if n.startswith("nplot_")}
    firsts = {}

    def first(n):
        if n not in firsts:
            firsts[n] = nplot_first_param(n)
        return firsts[n]
    pyn = numc_pyplot()
    resolved = {}
    tables = []
    used = set()
    for cls, prefix, rows in [CLASSES[1], CLASSES[2], CLASSES[3], CLASSES[0]]:
        out = []
        counts = {"covered": 0, "missing": 0, "n/a": 0, "py": 0}
        for r in rows:
            py = "yes" if r in pyn[cls] else "—"
            if py == "yes":
                counts["py"] += 1
            if r in NOT_IN_C.get(cls, {}):
                counts["n/a"] += 1
                out.append("| `%s%s` | not applicable in C: %s | %s |"
                           % (prefix, r, NOT_IN_C[cls][r], py))
                continue
            cells = numc_cells(cls, r, names, first, resolved)
            resolved[(cls, r)] = cells
            if cells:
                counts["covered"] += 1
                for c in cells:
                    used.add(call_name(c))
                    used.update(call_name(c) + s for s in BESIDE_SUFFIXES)
                out.append("| `%s%s` | %s | %s |" % (prefix, r, render(cells, names), py))
            else:
                counts["missing"] += 1
                out.append("| `%s%s` | missing | %s |" % (prefix, r, py))
        tables.append((cls, len(rows), counts, out))
    tables = [tables[3], tables[0], tables[1], tables[2]]

    o = []
    w = o.append
    w("# matplotlib → numc index")
    w("")
    w("Every function of `matplotlib.pyplot`, every method of `Axes` and `Figure` (inherited")
    w("ones included) and every method `Axes3D` defines itself, from matplotlib 3.6, with the")
    w("`plot.h` calls that do it ([plot.md](plot.md)) and whether the Python binding's")
    w("`numc.pyplot` ([python.md](python.md)) has the name. Generated by")
    w("`scripts/gen_matplotlib_index.py` from the headers, the binding's sources and")
    w("matplotlib's own lists; do not edit by hand, run")
    w("`/usr/bin/python3 scripts/gen_matplotlib_index.py > docs/matplotlib_index.md` instead.")
    w("")
    w("\"not applicable in C\" is kept for the interactive side (GUI windows and event loop,")
    w("mouse events, picking, interactive navigation, backends, figure managers, blitting);")
    w("everything else numc does not have is \"missing\".")
    w("")
    w("## Coverage")
    w("")
    for cls, total, c, _ in tables:
        w("- `%s`: %d functions: %d covered, %d missing, %d not applicable in C; "
          "numc.pyplot has %d" % (cls, total, c["covered"], c["missing"], c["n/a"], c["py"]))
    w("")
    w("Naming rule: `ax.X(...)` is `nplot_X(ax, ...)` (or `nplot_axes_X`), `fig.X(...)` is")
    w("`nplot_X(fig, ...)`, `nplot_figure_X` or `nplot_fig_X`, `plt.X(...)` is the call of")
    w("the current axes' or figure's `X` with the axes or figure passed explicitly. Keyword")
    w("arguments are designated initializers (`nplot_plot(ax, x, y, .fmt = \"r--\")`); the")
    w("`_xy` (C arrays), `_cat` (string categories), `_ma` (masked arrays) and similar forms")
    w("sit beside their base name.")
    w("")
    for cls, total, c, rows in tables:
        w("## %s" % cls)
        w("")
        if cls in SECTION_NOTES:
            o.extend(SECTION_NOTES[cls])
            w("")
        w("| matplotlib | numc (plot.h) | numc.pyplot |")
        w("|---|---|---|")
        o.extend(rows)
        w("")
    rest = sorted(n for n in names if n not in used)
    w("## plot.h functions without a row above")
    w("")
    w("Polar axes, colormaps, norms, rcParams, tickers, dates, triangulations, artists and")
    w("the rendering helpers: their matplotlib spelling is in [numpy_index.md](numpy_index.md)")
    w("(\"matplotlib (plot.h)\") and [plot.md](plot.md).")
    w("")
    w(", ".join("`%s`" % n for n in rest))
    w("")
    sys.stdout.write("\n".join(o))

if __name__ == "__main__":
    main()
