"""The seed examples corpus (python/tests/seed_examples/): matplotlib scripts that import
numc.pyplot (and numc for data). Each must run unchanged with numc, and when matplotlib
is importable the same script with matplotlib's imports must render an image of the same
size that is similar: the mean absolute difference of 8x8-block grayscale averages is
small and their correlation is high (the same layout, the same dark and light regions).

NUMC_SEED_OUT=<dir> keeps both renderings (<name>.numc.png, <name>.mpl.png) to look at.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest

import numc
from numc._core import _plot

HERE = Path(__file__).resolve().parent / "seed_examples"
SCRIPTS = sorted(p for p in HERE.glob("*.py"))

RUNNER = r"""
import sys
src, out, which = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(src).read()
if which == "mpl":
    import matplotlib
    matplotlib.use("Agg")
    text = (text.replace("import numc.pyplot as plt", "import matplotlib.pyplot as plt")
                .replace("import numc.mpl as matplotlib", "import matplotlib")
                .replace("from numc.mpl", "from matplotlib")
                .replace("import numc as np", "import numpy as np"))
    import matplotlib.pyplot as plt
else:
    import numc.pyplot as plt
exec(compile(text, src, "exec"), {"__name__": "__main__"})
plt.gcf().savefig(out)
"""


def _have_matplotlib():
    r = subprocess.run([sys.executable, "-c", "import matplotlib, numpy"], capture_output=True)
    return r.returncode == 0


HAVE_MPL = _have_matplotlib()


def _render(script, out, which):
    r = subprocess.run([sys.executable, "-c", RUNNER, str(script), str(out), which],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, "%s (%s) failed:\n%s" % (script.name, which, r.stderr[-3000:])
    return r


def _blocks(path, b=16):
    """b x b-block means of the grayscale image (RGBA over white) as a numc array."""
    a = _plot.imread(str(path)).astype("float64") / 255.0
    h, w = a.shape[0] // b * b, a.shape[1] // b * b
    a = a[:h, :w]
    alpha = a[:, :, 3]
    gray = (0.299 * a[:, :, 0] + 0.587 * a[:, :, 1] + 0.114 * a[:, :, 2]) * alpha + (1 - alpha)
    return gray.reshape(h // b, b, w // b, b).mean(axis=(1, 3))


def _compare(g1, g2):
    mad = float(numc.abs(g1 - g2).mean())
    d1, d2 = g1 - g1.mean(), g2 - g2.mean()
    den = float(numc.sqrt((d1 * d1).sum() * (d2 * d2).sum()))
    corr = float((d1 * d2).sum()) / den if den > 0 else 0.0
    return mad, corr


def similarity(p1, p2, shift=2):
    """(size1, size2, mean absolute difference, correlation) of two PNGs: 16x16-block
    grayscale means compared at the best offset of up to `shift` blocks (32 px) each way,
    so that a layout placed a few pixels apart (tight_layout's text extents) still
    matches while a missing or different element does not."""
    s1 = _plot.imread(str(p1)).shape
    s2 = _plot.imread(str(p2)).shape
    if s1 != s2:
        return s1, s2, None, None
    g1, g2 = _blocks(p1), _blocks(p2)
    h, w = g1.shape
    best = None
    for dy in range(-shift, shift + 1):
        for dx in range(-shift, shift + 1):
            a = g1[max(dy, 0):h + min(dy, 0), max(dx, 0):w + min(dx, 0)]
            b = g2[max(-dy, 0):h + min(-dy, 0), max(-dx, 0):w + min(-dx, 0)]
            m = _compare(a, b)
            if best is None or m[0] < best[0]:
                best = m
    return s1, s2, best[0], best[1]


# Thresholds from the corpus (docs/python.md): every pair is well inside them; a broken
# layout (a missing axes, colorbar or image, another figure size) is far outside.
MAX_MAD = 0.05
MIN_CORR = 0.80


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_seed_example(script, tmp_path):
    keep = os.environ.get("NUMC_SEED_OUT")
    outdir = Path(keep) if keep else tmp_path
    outdir.mkdir(parents=True, exist_ok=True)
    ours = outdir / (script.stem + ".numc.png")
    r = _render(script, ours, "numc")
    assert ours.stat().st_size > 1000
    assert "unexpected keyword" not in r.stderr
    if not HAVE_MPL:
        pytest.skip("matplotlib is not importable: rendered with numc only")
    theirs = outdir / (script.stem + ".mpl.png")
    _render(script, theirs, "mpl")
    s1, s2, mad, corr = similarity(ours, theirs)
    assert s1 == s2, "sizes differ: numc %s, matplotlib %s" % (s1, s2)
    print("%s: mad %.4f corr %.4f" % (script.stem, mad, corr))
    assert mad < MAX_MAD, "%s: mean abs difference %.4f" % (script.stem, mad)
    assert corr > MIN_CORR, "%s: correlation %.4f" % (script.stem, corr)


def test_similarity_detects_a_different_image(tmp_path):
    """The measure is not vacuous: a sine plot and a heatmap are far apart."""
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    _render(HERE / "sine_cosine.py", a, "numc")
    import numc.pyplot as plt
    fig, ax = plt.subplots(figsize=(8, 5), dpi=80)
    ax.imshow(numc.arange(100.0).reshape(10, 10))
    fig.savefig(str(b))
    plt.close(fig)
    s1, s2, mad, corr = similarity(a, b)
    assert s1 == s2
    assert mad > MAX_MAD or corr < MIN_CORR
