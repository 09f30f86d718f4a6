#!/usr/bin/python3
"""Generate tests/data/cmaps.txt for tests/test_plot_cmaps.c: matplotlib's colors of every
colormap it ships (and each _r), of resampled maps and of maps made from colors.
Run with /usr/bin/python3 (needs matplotlib):
    /usr/bin/python3 scripts/gen_cmap_fixtures.py > tests/data/cmaps.txt

Lines (read with tests/fixture.h's fixture_values):
    samples v0 v1 ...       the values every map is sampled at: linspace(0, 1, 11), then
                            -0.5 (under), 1.5 (over) and NaN (bad)
    names n0 n1 ...         not numbers: every colormap name matplotlib lists, in order
    KEY r g b a r g b a ... the RGBA color at each sample; KEY is a colormap name as numc
                            reads it ("viridis", "viridis_r", "viridis:5") or a user map
                            named in the test
    KEY.n N                 the map's number of entries
    KEY.lut ...             sums over every entry of a built-in map's table (lut_line)
"""
import matplotlib
import matplotlib.colors as mc
import numpy as np

SAMPLES = list(np.linspace(0, 1, 11)) + [-0.5, 1.5, float("nan")]
RESAMPLED = (1, 5, 300)


def line(key, cm):
    rgba = cm(np.array(SAMPLES))
    print(key, " ".join(("%.4f" % v).rstrip("0").rstrip(".") for v in rgba.ravel()))
    print(key + ".n", cm.N)


def lut_line(key, cm, listed):
    """Every entry of the lookup table, in two sums per channel: sum(c) and
    sum((i + 1) / N * c). numc keeps a built-in listed map's colors in 8 bits (as
    plot/gen_tables.py rounds them), so these sums use the same rounded colors."""
    lut = cm(np.arange(cm.N))
    if listed:
        lut = np.round(lut * 255) / 255
    w = (np.arange(cm.N) + 1) / cm.N
    sums = list(lut.sum(axis=0)) + list((w[:, None] * lut).sum(axis=0))
    print(key + ".lut", " ".join("%.13g" % v for v in sums))


print("samples", " ".join(repr(float(v)) for v in SAMPLES))
names = sorted(matplotlib.colormaps)
print("names", " ".join(names))
for name in names:
    cm = matplotlib.colormaps[name]
    listed = isinstance(cm, mc.ListedColormap)
    line(name, cm)
    lut_line(name, cm, listed)
    for n in RESAMPLED:
        line("%s:%d" % (name, n), cm.resampled(n))
        lut_line("%s:%d" % (name, n), cm.resampled(n), listed)

# Maps made from colors. Each mirrors a construction in test_plot_cmaps.c.
listed = mc.ListedColormap(["red", "#00ff0080", "C1"], name="three")
line("user_listed", listed)
line("user_listed_n5", mc.ListedColormap(["red", "#00ff0080", "C1"], name="five", N=5))
line("user_listed_rgba", mc.ListedColormap([(0.1, 0.2, 0.3, 1.0), (0.9, 0.8, 0.7, 0.5)]))
fl = mc.LinearSegmentedColormap.from_list("rwb", ["red", "white", "blue"])
line("user_from_list", fl)
pairs = mc.LinearSegmentedColormap.from_list(
    "pairs", [(0, "navy"), (0.3, "gold"), (1, "#ff000040")], N=7)
line("user_from_list_values", pairs)
ext = mc.LinearSegmentedColormap.from_list("ext", ["black", "tab:orange"], N=16)
ext.set_under("k")
ext.set_over("white", alpha=0.5)
ext.set_bad("magenta")
line("user_extremes", ext)
line("user_extremes_r", ext.reversed())
line("user_extremes_resampled", ext.resampled(4))
lx = mc.ListedColormap(["red", "green", "blue", "yellow"], name="lx")
lx.set_under("cyan")
lx.set_over("0.25")
line("user_listed_extremes_resampled_r", lx.resampled(7).reversed())
line("user_listed_extremes_r_resampled", lx.reversed().resampled(7))
line("user_listed_n2", mc.ListedColormap(["red", "#00ff0080", "C1"], N=2))
vr = matplotlib.colormaps["viridis"].resampled(5).reversed()
line("viridis_resampled_reversed", vr)
tw = matplotlib.colormaps["twilight"].resampled(256)
line("twilight_256", tw)
