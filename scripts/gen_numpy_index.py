#!/usr/bin/env python3
"""Generate docs/numpy_index.md, the "NumPy → numc" index (issue 16):
    /usr/bin/python3 scripts/gen_numpy_index.py > docs/numpy_index.md
It reads the public headers include/numc/*.h for every public name (ND_API / NPLOT_API
declarations, the ND__RNG_* distribution declarations and `#define nd_xxx(` keyword
macros; names ending in `_` are the internal options forms and are left out) and imports
NumPy (1.24) for its routine lists. Each NumPy routine is looked up in numc by the naming
rule of its namespace (PREFIX), then by the small SPECIAL table where the names differ.
The output depends only on the headers and on the NumPy version: run it again after adding
public functions and commit the page."""
import inspect, os, re, sys, types

import numpy as np
import numpy.fft
import numpy.linalg
import numpy.polynomial.chebyshev
import numpy.polynomial.hermite
import numpy.polynomial.hermite_e
import numpy.polynomial.laguerre
import numpy.polynomial.legendre
import numpy.polynomial.polynomial
import numpy.random
import numpy.testing

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INCLUDE = os.path.join(ROOT, "include", "numc")

# ---- numc's public names --------------------------------------------------------------
def public_names():
    """{name: header file name} for every public function or function-like macro."""
    names = {}
    for fn in sorted(os.listdir(INCLUDE)):
        if not fn.endswith(".h"):
            continue
        text = open(os.path.join(INCLUDE, fn), encoding="utf-8").read()
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)   # comments hold example prototypes
        text = re.sub(r"//[^\n]*", "", text)
        text = re.sub(r"\\\n", " ", text)
        found = set()
        for line in text.split("\n"):
            m = re.match(r"\s*#\s*define\s+((?:nd|nplot)_\w+)\(", line)
            if m:
                found.add(m.group(1))
                continue
            if line.lstrip().startswith("#"):
                continue
            for m in re.finditer(r"\bND__RNG_\w+\(\s*(\w+)", line):  # ND__RNG_CONT2(normal, ...)
                found.update({"nd_rng_" + m.group(1), "nd_rng_" + m.group(1) + "_into"})
        for m in re.finditer(r"\b(?:ND_API|NPLOT_API)\s+[^;(#]*?\b(\w+)\s*\(", text):
            found.add(m.group(1))
        for n in found:
            if (re.match(r"(nd|nplot)_", n) and not n.endswith("_") and "__" not in n
                    and not re.search(r"_with_\d+_args$", n)):
                names.setdefault(n, fn)
    return names

# ---- NumPy's routine lists ------------------------------------------------------------
# Python protocol helpers, docs/introspection tools, the Python type system and the
# matrix class: nothing a C library would offer.
NOT_IN_C = {
    "add_docstring", "add_newdoc", "add_newdoc_ufunc", "byte_bounds", "deprecate",
    "deprecate_with_doc", "get_include", "getbufsize", "setbufsize", "geterrobj",
    "seterrobj", "info", "issctype", "issubclass_", "issubsctype", "iterable", "lookfor",
    "maximum_sctype", "obj2sctype", "printoptions", "safe_eval", "sctype2char",
    "set_numeric_ops", "set_string_function", "show_config", "show_runtime", "source",
    "test", "who", "asmatrix", "bmat", "mat", "from_dlpack", "get_array_wrap",
    "iscomplexobj", "isrealobj", "isscalar", "typename", "asanyarray",
    # numpy.testing: exceptions, warnings and garbage collection are Python's
    "assert_", "assert_raises", "assert_raises_regex", "assert_warns", "assert_no_warnings",
    "assert_no_gc_cycles", "assert_array_compare",
}
# Classes that are routines in NumPy's reference (they are still listed).
CLASS_ROUTINES = {"poly1d", "vectorize"}

def routines(obj, names):
    out = []
    for n in names:
        if n.startswith("_") or n in NOT_IN_C:
            continue
        v = getattr(obj, n, None)
        if v is None or isinstance(v, types.ModuleType):
            continue
        if inspect.isclass(v) and n not in CLASS_ROUTINES:
            continue
        if not callable(v):
            continue
        out.append(n)
    return sorted(set(out))

NAMESPACES = [  # (title, NumPy prefix shown, numc prefix, routine names)
    ("numpy", "np.", "nd_", routines(np, dir(np))),
    ("numpy.linalg", "np.linalg.", "nd_", routines(np.linalg, np.linalg.__all__)),
    ("numpy.fft", "np.fft.", "nd_", routines(np.fft, np.fft.__all__)),
    ("numpy.emath", "np.emath.", "nd_emath_", routines(np.emath, np.emath.__all__)),
    ("numpy.char", "np.char.", "nd_char_", routines(np.char, np.char.__all__)),
    ("numpy.random.Generator", "Generator.", "nd_rng_",
     routines(np.random.Generator, dir(np.random.Generator))),
    ("numpy.testing", "np.testing.", "nd_",
     [n for n in routines(np.testing, np.testing.__all__) if n.startswith("assert_")]),
    ("numpy.polynomial.polynomial", "P.", "nd_polynomial_",
     [n for n in routines(np.polynomial.polynomial, np.polynomial.polynomial.__all__)]),
] + [(  # the other five families keep NumPy's names (chebval, legfit, ...)
    "numpy.polynomial." + m, m[0].upper() + ".", "nd_",
    routines(getattr(np.polynomial, m), getattr(np.polynomial, m).__all__))
    for m in ("chebyshev", "legendre", "laguerre", "hermite", "hermite_e")]

# numpy.polynomial.polynomial's names are polyval, polyfit, ... (lowest power first); the
# classic np.polyval has them, so numc calls the power family nd_polynomial_val, ...
def _power_name(n):
    return "nd_polynomial_" + (n[4:] if n.startswith("poly") and n != "polynomial" else n)

# Where the names differ: (namespace, NumPy name) → numc names. From the headers' comments.
SPECIAL = {
    ("numpy.char", "array"): ["nd_str_array", "nd_bytes_array"],  # from C strings
    ("numpy.char", "asarray"): ["nd_str_array", "nd_bytes_array"],
    ("numpy", "alltrue"): ["nd_all"],            # deprecated aliases
    ("numpy", "sometrue"): ["nd_any"],
    ("numpy", "product"): ["nd_prod"],
    ("numpy", "cumproduct"): ["nd_cumprod"],
    ("numpy", "round_"): ["nd_round"],
    ("numpy", "array_repr"): ["nd_repr"],         # "NumPy's repr(a) and str(a)"
    ("numpy", "array_str"): ["nd_str", "nd_print"],
    ("numpy", "copyto"): ["nd_assign"],           # copy src into dst, casting same_kind
    ("numpy", "extract"): ["nd_mask_select"],     # a[mask], 1-D
    ("numpy", "array"): ["nd_from_buffer", "nd_copy"],  # from C data; a copy of an array
    ("numpy", "ix_"): ["nd_ix"],                  # a trailing _ marks options forms in C
    ("numpy", "frompyfunc"): ["nd_ufunc_new"],    # typed C loops become a ufunc
    ("numpy", "vectorize"): ["nd_ufunc_from_f64", "nd_ufunc_from_f64_binary"],
    ("numpy", "frombuffer"): ["nd_frombuffer", "nd_wrap"],
    ("numpy", "poly1d"): ["nd_poly1d_new"],
    ("numpy", "row_stack"): ["nd_vstack"],       # alias of vstack
    ("numpy.random.Generator", "bit_generator"): [],
}
# Shown in the same cell as their base name (besides the base's `_into` form).
BESIDE = {
    "nd_einsum": ["nd_einsum_n"],
    "nd_tensordot": ["nd_tensordot_axes"],
    "nd_angle": ["nd_angle_deg"],
    "nd_split": ["nd_split_at"],
    "nd_sort": ["nd_sort_inplace"],
    "nd_percentile": ["nd_percentiles"],
    "nd_quantile": ["nd_quantiles"],
    "nd_nanpercentile": ["nd_nanpercentiles"],
    "nd_nanquantile": ["nd_nanquantiles"],
    "nd_load": ["nd_load_buffer"],
    "nd_save": ["nd_save_buffer"],
    "nd_loadtxt": ["nd_loadtxt_buffer"],
    "nd_genfromtxt": ["nd_genfromtxt_buffer"],
    "nd_lstsq": ["nd_lstsq_result_free"],
    "nd_polyfit": ["nd_polyfit_info_free"],
    "nd_rng_choice": ["nd_rng_choice_n"],
    "nd_rng_permutation": ["nd_rng_permutation_n"],
    "nd_poly1d_new": ["nd_poly1d_free"],
}
# numc names with no NumPy routine of their own: what they stand for in NumPy / Python.
NUMC_ONLY_NOTES = {
    "nd_astype": "`a.astype(dt)`", "nd_fill": "`a.fill(v)`", "nd_flatten": "`a.flatten()`",
    "nd_view": "`a[\"...\"]` basic indexing", "nd_slice": "`a[i0, i1, ...]`",
    "nd_sel": "`a[i0, i1, ...]`", "nd_get": "`a[i, j]`", "nd_set": "`a[i, j] = v`",
    "nd_item": "`a.item()`",
    "nd_to_buffer": "`a.tobytes()` / `a.astype(dt)`", "nd_ufunc_reduce": "`ufunc.reduce`",
    "nd_ufunc_apply": "`ufunc(*inputs)`", "nd_ufunc_name": "`ufunc.__name__`",
    "nd_ufunc_nin": "`ufunc.nin`", "nd_rng_new": "`np.random.default_rng(seed)`",
    "nd_rng_new_kind": "`Generator(PCG64(seed))` and the other bit generators",
    "nd_rng_spawn": "`SeedSequence.spawn` (NumPy 1.25: `Generator.spawn`)",
    "nd_rng_jumped": "`PCG64.jumped`", "nd_rng_advance": "`PCG64.advance`",
    "nd_rng_get_state": "`bit_generator.state`", "nd_rng_set_state": "`bit_generator.state = ...`",
    "nd_rng_random_raw": "`bit_generator.random_raw`",
    "nd_npz_open": "`np.load` of an `.npz` (`NpzFile`)",
    "nd_shape": "`a.shape`", "nd_strides": "`a.strides`", "nd_itemsize": "`a.itemsize`",
    "nd_nbytes": "`a.nbytes`", "nd_flags": "`a.flags`", "nd_data": "`a.ctypes.data`",
    "nd_dtype_of": "`a.dtype`", "nd_is_c_contiguous": "`a.flags.c_contiguous`",
    "nd_is_f_contiguous": "`a.flags.f_contiguous`", "nd_is_writeable": "`a.flags.writeable`",
    "nd_set_readonly": "`a.flags.writeable = False`", "nd_is_view": "`a.base is not None`",
    "nd_iter_init": "`np.nditer`", "nd_scalar_array": "`np.array(scalar)`",
    "nd_from_buffer": "`np.array(buffer)` (a copy)", "nd_wrap": "`np.frombuffer` (no copy)",
    "nd_read_csv": "pandas' `read_csv`", "nd_read_csv_buffer": "pandas' `read_csv(StringIO(...))`",
    "nd_table_to_array": "`DataFrame.to_numpy`", "nd_table_describe": "`DataFrame.describe`",
    "nd_dtype_from_name": "`np.dtype(name)`", "nd_dtype_name": "`dtype.name`",
    "nd_dtype_size": "`dtype.itemsize`", "nd_dtype_kind": "`dtype.kind`",
    "nd_dtype_is_integer": "`np.issubdtype(dt, np.integer)`",
    "nd_dtype_is_float": "`np.issubdtype(dt, np.floating)`",
    "nd_dtype_is_complex": "`np.issubdtype(dt, np.complexfloating)`",
    "nd_get_flat": "`a.flat[i]`", "nd_from_f64": "`np.array(list_of_floats)`",
    "nd_from_i64": "`np.array(list_of_ints)`", "nd_to_f64": "`a.astype(float).ravel()`",
    "nd_free": "`del a` (reference counting)", "nd_ref": "a new reference (`b = a`)",
    "nd_rng_copy": "`copy.deepcopy(rng)`", "nd_rng_from_os": "`np.random.default_rng()`",
    "nd_rng_from_entropy": "`Generator(PCG64(SeedSequence(entropy)))`",
    "nd_poly1d_add": "`p + q`", "nd_poly1d_sub": "`p - q`", "nd_poly1d_mul": "`p * q`",
    "nd_poly1d_div": "`divmod(p, q)`", "nd_poly1d_call": "`p(x)`", "nd_poly1d_coeffs": "`p.coeffs`",
    "nd_poly1d_deriv": "`p.deriv()`", "nd_poly1d_integ": "`p.integ()`", "nd_poly1d_order": "`p.order`",
    "nd_poly1d_roots": "`p.roots`", "nd_poly1d_str": "`str(p)`", "nd_poly1d_variable": "`p.variable`", "nd_errmsg": "the exception's message",
    "nd_last_error": "the exception's type",
}

# matplotlib: nplot_X(ax, ...) is Axes.X, nplot_figure_X(fig, ...) / nplot_X(fig, ...) is
# Figure.X; these differ. The _xy (C arrays) and _cat (category labels) forms sit beside
# their base, and so does imshow_data (a C buffer). Not checked against matplotlib's own list (matplotlib is not a dependency).
NPLOT_SPECIAL = {
    ("numpy.char", "array"): ["nd_str_array", "nd_bytes_array"],  # from C strings
    ("numpy.char", "asarray"): ["nd_str_array", "nd_bytes_array"],
    "nplot_add_axes_polar": "`Figure.add_axes(rect, projection=\"polar\")`",
    "nplot_subplot_polar": "`Figure.add_subplot(projection=\"polar\")`",
    "nplot_set_projection": "`add_subplot(..., projection=...)`", "nplot_is_polar": "`ax.name == \"polar\"`",
    "nplot_autominor_ticks": "`AutoMinorLocator.tick_values`", "nplot_multiple_ticks": "`MultipleLocator.tick_values`",
    "nplot_eng_format": "`EngFormatter.format_data`", "nplot_hist_sets_xy": "`Axes.hist([a, b, ...])`",
    "nplot_plot_cats": "`Axes.plot` (categories on both axes)", "nplot_plot_caty": "`Axes.plot` (y categories)",
    "nplot_scatter_caty": "`Axes.scatter` (y categories)",
    "nplot_set_xlocator": "`ax.xaxis.set_major_locator` / `set_minor_locator`",
    "nplot_set_ylocator": "`ax.yaxis.set_major_locator` / `set_minor_locator`",
    "nplot_spines_set_bounds": "`ax.spines[...].set_bounds`", "nplot_spines_set_color": "`ax.spines[...].set_color`",
    "nplot_spines_set_linewidth": "`ax.spines[...].set_linewidth`",
    "nplot_spines_set_position": "`ax.spines[...].set_position`",
    "nplot_thetagrids": "`Axes.set_thetagrids`", "nplot_rgrids": "`Axes.set_rgrids`",
    "nplot_figure_new": "`plt.figure`", "nplot_figure_free": "`plt.close(fig)`",
    "nplot_figure_draw": "`fig.canvas.draw()`", "nplot_figure_to_array": "`fig.canvas.buffer_rgba()`",
    "nplot_figure_render_rgba": "`fig.canvas.buffer_rgba()`",
    "nplot_figure_pixel_size": "`fig.canvas.get_width_height()`",
    "nplot_fig_legend": "`Figure.legend`", "nplot_legend_add_artist": "`ax.add_artist(ax.legend(...))`",
    "nplot_fig_text": "`Figure.text`", "nplot_subplot_3d": "`Figure.add_subplot(projection=\"3d\")`",
    "nplot_subplot": "`Figure.add_subplot`", "nplot_gridspec_new": "`Figure.add_gridspec`",
    "nplot_gridspec_subplot": "`Figure.add_subplot(gs[...])`",
    "nplot_style_use": "`plt.style.use`", "nplot_imread": "`plt.imread`",
    "nplot_cmap_color": "`matplotlib.colormaps[name](v)`",
    "nplot_color_parse": "`matplotlib.colors.to_rgba`",
    "nplot_compare_images": "`matplotlib.testing.compare.compare_images`",
    "nplot_maxn_ticks": "`MaxNLocator.tick_values`", "nplot_log_ticks": "`LogLocator.tick_values`",
    "nplot_set_xformatter": "`ax.xaxis.set_major_formatter`",
    "nplot_set_yformatter": "`ax.yaxis.set_major_formatter`",
    "nplot_data_to_pixel": "`ax.transData.transform`",
    "nplot_data_to_pixel_3d": "`ax.transData.transform` (3-D projected)",
    "nplot_axes_pixel_box": "`ax.get_window_extent()`",
    "nplot_figure_status": "", "nplot_figure_errmsg": "",
    "nplot_colorbar": "`plt.colorbar(mappable, ax=ax)`",
    "nplot_get_xticklabel": "`Axes.get_xticklabels()[i]`",
    "nplot_get_yticklabel": "`Axes.get_yticklabels()[i]`",
    "nplot_get_xoffset_text": "`ax.xaxis.get_offset_text()`",
    "nplot_get_yoffset_text": "`ax.yaxis.get_offset_text()`",
    "nplot_plot3d": "`Axes3D.plot`", "nplot_scatter3d": "`Axes3D.scatter`",
    "nplot_plot_surface": "`Axes3D.plot_surface`", "nplot_plot_wireframe": "`Axes3D.plot_wireframe`",
    "nplot_view_init": "`Axes3D.view_init`", "nplot_set_zlim": "`Axes3D.set_zlim`",
    "nplot_get_zlim": "`Axes3D.get_zlim`", "nplot_set_zlabel": "`Axes3D.set_zlabel`",
    "nplot_axline_slope": "`Axes.axline(xy1, slope=...)`",
    "nplot_contour3d": "`Axes3D.contour`", "nplot_contourf3d": "`Axes3D.contourf`",
    "nplot_plot_trisurf": "`Axes3D.plot_trisurf`",
    "nplot_contour_levels": "`ContourSet.levels`", "nplot_contour_path": "`ContourSet.allsegs[i]`",
    "nplot_eventplot_rows": "`Axes.eventplot` (rows of different lengths)",
    "nplot_spines_set_visible": "`ax.spines[...].set_visible`",
    "nplot_colormap_get": "`matplotlib.colormaps[name]`, `plt.get_cmap(name, N)`",
    "nplot_colormap_listed": "`ListedColormap`",
    "nplot_colormap_from_list": "`LinearSegmentedColormap.from_list`",
    "nplot_colormap_resampled": "`Colormap.resampled`", "nplot_colormap_reversed": "`Colormap.reversed`",
    "nplot_colormap_set_under": "`Colormap.set_under`", "nplot_colormap_set_over": "`Colormap.set_over`",
    "nplot_colormap_set_bad": "`Colormap.set_bad`", "nplot_colormap_color": "`cmap(v)`",
    "nplot_colormap_name": "`Colormap.name`", "nplot_colormap_n": "`Colormap.N`",
    "nplot_colormap_register": "`matplotlib.colormaps.register`",
    "nplot_colormap_builtin": "`sorted(matplotlib.colormaps)`", "nplot_colormap_free": "",
    "nplot_norm_apply": "`norm(values)` (`matplotlib.colors.Normalize` and subclasses)",
    "nplot_norm_inverse": "`norm.inverse(values)`",
    "nplot_triangulation_new": "`matplotlib.tri.Triangulation(x, y, triangles, mask)`",
    "nplot_triangulation_triangles": "`Triangulation.triangles`",
    "nplot_triangulation_neighbors": "`Triangulation.neighbors`",
    "nplot_triangulation_set_mask": "`Triangulation.set_mask`",
    "nplot_triangulation_ntri": "`len(Triangulation.triangles)`",
    "nplot_triangulation_npoints": "`len(Triangulation.x)`", "nplot_triangulation_free": "",
    "nplot_violin_kde": "`matplotlib.mlab.GaussianKDE(v, bw).evaluate(points)`",
}

def nplot_first_param(name):
    """'ax', 'fig' or '' — from the declaration of name / name_ or its keyword macro."""
    for fn in sorted(os.listdir(INCLUDE)):
        if not fn.endswith(".h"):
            continue
        text = open(os.path.join(INCLUDE, fn), encoding="utf-8").read()
        m = (re.search(r"NPLOT_API[^;(]*\b%s_?\s*\(\s*(?:const\s+)?(\w+)" % name, text)
             or re.search(r"#\s*define\s+%s\s*\(\s*(\w+)" % name.replace("nplot_", "nplot__kw_"), text))
        if m:
            return {"nplot_axes": "ax", "nplot_figure": "fig"}.get(m.group(1), m.group(1))
    return ""

def matplotlib_name(n):
    if n in NPLOT_SPECIAL:
        return NPLOT_SPECIAL[n]
    if n.endswith("_ma"):  # the masked form of a plotting function: a numpy.ma array passed
        return matplotlib_name(n[:-3]) + " with a numpy.ma array"
    first = nplot_first_param(n)
    x = n[len("nplot_"):]
    if first == "ax":
        return "`Axes.%s`" % x
    if first == "fig":
        return "`Figure.%s`" % (x[len("figure_"):] if x.startswith("figure_") else x)
    return ""

# Pages: the header's page, except the printing functions of array.h.
PAGE_OVERRIDE = {n: "printing.md" for n in
                 ("nd_repr", "nd_str", "nd_print", "nd_set_printoptions", "nd_get_printoptions")}

def page(name, names):
    p = PAGE_OVERRIDE.get(name) or names[name].replace(".h", ".md")
    return "[%s](%s)" % (p, p) if os.path.exists(os.path.join(ROOT, "docs", p)) else p

def numc_for(ns, prefix, npname, names):
    cands = SPECIAL.get((ns, npname))
    if cands is None and ns == "numpy.polynomial.polynomial":
        cands = [_power_name(npname)]
    if cands is None:
        cands = [prefix + npname] if prefix else []
    return [c for c in cands if c in names]

def cell(found, names):
    shown = []
    for base in found:
        for n in [base, base + "_into"] + BESIDE.get(base, []):
            if n in names and n not in shown:
                shown.append(n)
    return ", ".join("`%s`" % n for n in shown)

def main():
    names = public_names()
    out = []
    w = out.append
    w("# NumPy → numc index")
    w("")
    w("Every NumPy 1.24 routine, per namespace, with its numc name and the page that")
    w("documents it; \"—\" marks a routine numc does not have (yet). Generated from the")
    w("public headers and NumPy's own routine lists by `scripts/gen_numpy_index.py`; do not")
    w("edit by hand, run `python3 scripts/gen_numpy_index.py > docs/numpy_index.md` instead.")
    w("")
    w("Naming rule: `np.X` is `nd_X`, `np.linalg.X` and `np.fft.X` are `nd_X`,")
    w("`np.emath.X` is `nd_emath_X`, `Generator.X` is `nd_rng_X(rng, ...)`,")
    w("`np.testing.assert_X` is `nd_assert_X`; `nd_X_into(out, ...)` writes into an existing")
    w("array. Left out: Python protocol helpers (`info`, `who`, `source`, `lookfor`,")
    w("`get_include`, `deprecate`, `safe_eval`, `byte_bounds`, ...), classes, dtypes and scalar")
    w("types, `ndarray` methods, and the assertions about exceptions and warnings. For")
    w("matplotlib (`nplot_X(ax, ...)` is `ax.X(...)`) see the matplotlib table at the end.")
    w("")
    used = set()
    total_have = total_all = 0
    summary = []
    for title, npprefix, prefix, routs in NAMESPACES:
        rows = []
        have = 0
        for r in routs:
            found = numc_for(title, prefix, r, names)
            if found:
                have += 1
                for b in found:
                    used.update(n for n in [b, b + "_into"] + BESIDE.get(b, []) if n in names)
                rows.append("| `%s%s` | %s | %s |" % (npprefix, r, cell(found, names),
                                                    page(found[0], names)))
            else:
                rows.append("| `%s%s` | — | |" % (npprefix, r))
        total_have += have
        total_all += len(routs)
        line = "%s: %d of %d routines" % (title, have, len(routs))
        summary.append(line)
        w("## %s" % title)
        w("")
        if title == "numpy.polynomial.polynomial":
            w("`P.polyval`, `P.polyfit`, ... (lowest power first) are `nd_polynomial_val`,")
            w("`nd_polynomial_fit`, ...: `nd_polyval` and `nd_polyfit` are NumPy's classic")
            w("`np.polyval` / `np.polyfit` (highest power first). The other families keep")
            w("NumPy's names (`C.chebval` is `nd_chebval`). NumPy's classes (`Polynomial`,")
            w("`Chebyshev`, ...) are `nd_series`.")
            w("")
        w("| NumPy | numc | page |")
        w("|---|---|---|")
        out.extend(rows)
        w("")
        w("Coverage: %s." % line)
        w("")
    overall = "overall: %d of %d routines" % (total_have, total_all)
    summary.append(overall)
    w("## matplotlib (plot.h)")
    w("")
    w("By the naming rule, not checked against matplotlib's own list.")
    w("")
    w("| numc | matplotlib | page |")
    w("|---|---|---|")
    nplot = sorted(n for n in names if n.startswith("nplot_"))
    for n in nplot:
        if re.search(r"_(xy|cat|data)$", n) and re.sub(r"_(xy|cat|data)$", "", n) in names:
            continue
        shown = [n] + [n + s for s in ("_xy", "_cat", "_data") if n + s in names]
        w("| %s | %s | %s |" % (", ".join("`%s`" % v for v in shown), matplotlib_name(n),
                              page(n, names)))
    w("")
    w("## Coverage")
    w("")
    for s in summary:
        w("- %s" % s)
    w("")
    w("## numc names without a NumPy routine of the same name")
    w("")
    w("Lifetimes, errors, element access, the allocator, threads, CSV tables and the like,")
    w("with the NumPy or Python spelling where there is one.")
    w("")
    w("| numc | NumPy / Python | page |")
    w("|---|---|---|")
    for n in sorted(names):
        if n in used or n.startswith("nplot_") or n.endswith("_into") and n[:-5] in used:
            continue
        if n.endswith("_into") and n[:-5] in names:
            continue
        extra = ", `%s_into`" % n if n + "_into" in names else ""
        w("| `%s`%s | %s | %s |" % (n, extra, NUMC_ONLY_NOTES.get(n, ""), page(n, names)))
    w("")
    sys.stdout.write("\n".join(out) + "\n")
    for s in summary:
        print(s, file=sys.stderr)

if __name__ == "__main__":
    main()
