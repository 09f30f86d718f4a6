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


def example_scene():
    """examples/vector_fields.c"""
    s = np.linspace(-3, 3, 50)
    X, Y = np.meshgrid(s, s)

    def field(X, Y):
        r1 = (X + 1) ** 2 + Y ** 2 + 0.3
        r2 = (X - 1) ** 2 + Y ** 2 + 0.3
        return 0.4 - Y / r1 + Y / r2, (X + 1) / r1 - (X - 1) / r2

    U, V = field(X, Y)
    speed = np.hypot(U, V)
    width = 0.5 + 2.5 * np.minimum(speed, 2) / 2
    q = np.linspace(-3, 3, 12)
    QX, QY = np.meshgrid(q, q)
    QU, QV = field(QX, QY)
    k = np.arange(40)
    sp, d = 5.0 * k, 0.35 * (k % 8)
    starts = np.array([[-2.5, -2.5], [-2.5, 0], [-2.5, 2.5], [0, 0.5]])
    fig, axs = plt.subplots(2, 2, figsize=(11, 9))
    axs = axs.ravel()
    Q = axs[0].quiver(q, q, QU, QV, np.hypot(QU, QV), cmap="plasma", pivot="mid")
    axs[0].quiverkey(Q, 0.85, 1.03, 1, "1 m/s", labelpos="E")
    axs[0].set_title("quiver, colored by speed", loc="left")
    axs[1].barbs(k % 8, k // 8, sp * np.cos(d), sp * np.sin(d), flagcolor="tab:red",
                 barbcolor="k")
    axs[1].set_xlim(-1, 8)
    axs[1].set_ylim(-1, 5)
    axs[1].set_title("barbs: 0 to 195 in steps of 5", loc="left")
    st = axs[2].streamplot(s, s, U, V, color=speed, linewidth=width, cmap="viridis",
                           density=1.2, norm=matplotlib.colors.Normalize(0, 2))
    fig.colorbar(st.lines, ax=axs[2], label="speed")
    axs[2].set_title("streamplot, color and width by speed", loc="left")
    axs[3].streamplot(s, s, U, V, start_points=starts, color="tab:blue",
                      broken_streamlines=False, maxlength=12, arrowsize=1.5)
    axs[3].plot(starts[:, 0], starts[:, 1], "ro")
    axs[3].set_title("streamplot from start points", loc="left")
    fig.tight_layout()
    fig.savefig(f"{out}/mpl_vector_example.png")


quiver_scene()
barbs_scene()
stream_scene()
example_scene()
