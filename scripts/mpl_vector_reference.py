#!/usr/bin/python3
"""matplotlib 3.6's renderings of the vector-field scenes of tests/test_plot_vector.c and
examples/vector_fields.c, to look at next to numc's (run with /usr/bin/python3):
    /usr/bin/python3 scripts/mpl_vector_reference.py /tmp   → /tmp/mpl_vector_*.png"""
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"


def quiver_scene():
    x = np.linspace(0, 2 * np.pi, 10)
    y = np.linspace(0, 2 * np.pi, 8)
    X, Y = np.meshgrid(x, y)
    U = np.cos(X) * (1 + 0.3 * np.sin(Y))
    V = np.sin(Y)
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    q = ax.quiver(x, y, U, V, np.hypot(U, V))
    ax.quiverkey(q, 0.9, 1.05, 1, "1 m/s", labelpos="E")
    ax.set_title("quiver")
    fig.savefig(f"{out}/mpl_vector_quiver.png")


def barbs_scene():
    sp = np.array([0, 3, 5, 10, 15, 20, 45, 50, 65, 80, 105, 155.0])
    a = np.arange(12) * 0.5
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    ax.barbs(np.arange(12) % 4, np.arange(12) // 4, sp * np.cos(a), sp * np.sin(a))
    ax.set_xlim(-1, 4)
    ax.set_ylim(-1, 3)
    fig.savefig(f"{out}/mpl_vector_barbs.png")


def stream_scene():
    s = np.linspace(-3, 3, 40)
    X, Y = np.meshgrid(s, s)
    U = -1 - X ** 2 + Y
    V = 1 + X - Y ** 2
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    st = ax.streamplot(s, s, U, V, color=np.hypot(U, V), linewidth=1)
    fig.colorbar(st.lines, ax=ax)
    fig.savefig(f"{out}/mpl_vector_stream.png")


quiver_scene()
barbs_scene()
stream_scene()
