"""numc.pyplot's path effects on patches and text, Axes/Figure path effects and sketch params,
layout='compressed': matplotlib 3.6's numbers from tests/data/plot/effects2_expected.h
(scripts/mpl_effects2_reference.py)."""
import os
import re

import pytest

import numc as np
import numc.pyplot as plt
from numc.mpl import patheffects as pe

_HDR = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "plot",
                    "effects2_expected.h")


def _expected(name):
    text = open(_HDR).read()
    m = re.search(r"%s\[\d+\]\[4\] = \{(.*?)\};" % name, text)
    vals = [float(v) for v in re.findall(r"[-0-9.]+", m.group(1))]
    return [vals[i:i + 4] for i in range(0, len(vals), 4)]


def _define(name):
    return float(re.search(r"#define %s ([-0-9.]+)" % name, open(_HDR).read()).group(1))


def _rgb(fig):
    a = np.asarray(fig.canvas.buffer_rgba()).astype(int)
    plt.close(fig)
    return a


def test_text_halo_reach():
    fig = plt.figure(figsize=(4, 1.5), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    t = ax.text(0.5, 0.5, "HIH", fontsize=40, color="black", ha="center", va="center",
                path_effects=[pe.withStroke(linewidth=8, foreground="red")])
    assert len(t.get_path_effects()) == 1
    with pytest.raises(TypeError, match="text"):
        ax.text(0, 0, "t", sketch_params=(1,))
    a = _rgb(fig)
    ink = (a[..., 0] < 100) & (a[..., 1] < 100)
    red = (a[..., 0] > 150) & (a[..., 1] < 110)
    inkx = [x for x in range(a.shape[1]) if bool(ink[:, x].any())]
    allx = [x for x in range(a.shape[1]) if bool((ink | red)[:, x].any())]
    assert abs((inkx[0] - allx[0]) - _define("MPL_HALO_LEFT")) <= 1
    assert abs((allx[-1] - inkx[-1]) - _define("MPL_HALO_RIGHT")) <= 1


def test_bar_shadow_and_sketch_keywords():
    fig = plt.figure(figsize=(3, 3), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    bars = ax.bar([0.5], [0.8], width=0.4, bottom=0.1, color="black", sketch_params=(6, 60, 4))
    assert bars[0].get_sketch_params() == (6, 60, 4)
    a = _rgb(fig)
    edges = []
    for y in range(60, 240):
        xs = [x for x in range(a.shape[1]) if a[y, x, 0] < 128]
        edges.append(xs[0])
    assert abs(max(edges) - min(edges) - _define("MPL_SKETCH_EDGE_SPREAD")) <= 1


def test_axes_and_figure_patch():
    fig = plt.figure(figsize=(3, 3), dpi=100)
    ax = fig.add_axes([0.2, 0.2, 0.6, 0.6])
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "right", "top", "bottom"):
        ax.spines[side].set_visible(False)
    assert ax.get_path_effects() == [] and ax.get_sketch_params() is None
    ax.set_path_effects([pe.withStroke(linewidth=6, foreground="blue")])
    ax.set_sketch_params(2)
    assert ax.get_sketch_params() == (2.0, 128.0, 16.0)
    ax.set_sketch_params(None)
    fig.set_sketch_params(1, 50, 2)
    assert fig.get_sketch_params() == (1.0, 50.0, 2.0)
    fig.set_sketch_params(None)
    a = _rgb(fig)
    row = a[150, :60]
    n = int(((row[:, 2] > 150) & (row[:, 0] < 120)).sum())
    assert abs(n - _define("MPL_AXES_STROKE_LEFT_PX")) <= 1
    with pytest.raises(TypeError):
        ax.set_path_effects(["no effect"])


def test_title_label_effects():
    fig, ax = plt.subplots(figsize=(3, 4), dpi=100)
    ax.set_title("Title", path_effects=[pe.withStroke(linewidth=4, foreground="red")])
    ax.set_xlabel("x", path_effects=[pe.withStroke(linewidth=4, foreground="red")])
    a = _rgb(fig)
    red = (a[..., 0] > 150) & (a[..., 1] < 110)
    assert int(red[:48].sum()) > 50 and int(red[-40:].sum()) > 10


def test_compressed_positions():
    arr = np.arange(100.0).reshape(10, 10)
    fig, axs = plt.subplots(2, 2, figsize=(5, 3), dpi=100, layout="compressed")
    assert fig.get_layout_engine() == "compressed" and fig.get_constrained_layout()
    for ax in axs.flat:
        ax.imshow(arr)
    fig.canvas.draw()
    want = _expected("MPL_COMPRESSED_2X2")
    got = [ax.get_position().bounds for ax in axs.flat]
    for g, w in zip(got, want):
        for k in range(4):
            assert abs(g[k] - w[k]) * (300 if k % 2 else 500) <= 6
    gap = got[1][0] - got[0][0] - got[0][2]
    assert abs(gap - (want[1][0] - want[0][0] - want[0][2])) * 500 <= 1
    plt.close(fig)
    fig = plt.figure()
    fig.set_layout_engine("compressed")
    assert fig.get_layout_engine() == "compressed"
    plt.close(fig)
