"""matplotlib 3.6 numbers for tests/test_plot_secondary.c and the rendering of
examples/plot_secondary_axis.c (the golden tests/data/plot/secondary_axis.png is checked
next to /tmp/mpl_secondary_axis.png). Run with /usr/bin/python3; prints C tables.

Cases (each a 6.4 x 4.8 in figure at 100 dpi, plt.subplots(), no layout engine):
  deg   the gallery's deg/rad example: plot(arange(0, 360), sin), secondary_xaxis('top',
        functions=(deg2rad, rad2deg))
  per   the gallery's frequency/period example: loglog(arange(0.02, 1, 0.02), y),
        secondary_xaxis('top', functions=(one_over, one_over))
  neg   a decreasing function: plot([0, 10], [0, 1]), secondary_xaxis('top', (-2x, -x/2))
  yfar  secondary_yaxis(1.2, functions=(c -> 1.8 c + 32, f -> (f - 32) / 1.8)) over
        plot([0, 30], [-10, 40])
  xlow  secondary_xaxis(0.3, constant factor 100) over plot([0, 1], [0, 1]) (ticks below)
  sq    a non-linear pair: secondary_xaxis('top', (x ** 2, sqrt)) over plot([1, 10], [0, 1])
For each: the parent's and the secondary's limits (get_xlim/get_ylim), the secondary's
major ticks in the view with their labels and pixel positions (y down from the top), its
minor ticks, and the spine's pixel coordinate.
Then the singular-limit cases: set_xlim(a, a) on linear and log axes, non-positive limits
on a log axis (warned and ignored), and the axis-label rotation boxes."""
import sys
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

H = 480


def one_over(x):
    x = np.array(x, float)
    near_zero = np.isclose(x, 0)
    x[near_zero] = np.inf
    x[~near_zero] = 1 / x[~near_zero]
    return x


def case(name):
    fig, ax = plt.subplots(figsize=(6.4, 4.8), dpi=100)
    if name == "deg":
        x = np.arange(0, 360, 1)
        ax.plot(x, np.sin(2 * x * np.pi / 180))
        sec = ax.secondary_xaxis("top", functions=(lambda x: x * np.pi / 180, lambda x: x * 180 / np.pi))
        orient = "x"
    elif name == "per":
        x = np.arange(0.02, 1, 0.02)
        ax.loglog(x, x ** 2 + 0.01)
        sec = ax.secondary_xaxis("top", functions=(one_over, one_over))
        orient = "x"
    elif name == "neg":
        ax.plot([0, 10], [0, 1])
        sec = ax.secondary_xaxis("top", functions=(lambda x: -2 * x, lambda x: -x / 2))
        orient = "x"
    elif name == "yfar":
        ax.plot([0, 30], [-10, 40])
        sec = ax.secondary_yaxis(1.2, functions=(lambda c: 1.8 * c + 32, lambda f: (f - 32) / 1.8))
        orient = "y"
    elif name == "sq":
        ax.plot([1, 10], [0, 1])
        sec = ax.secondary_xaxis("top", functions=(lambda x: x ** 2, lambda x: np.sqrt(x)))
        orient = "x"
    elif name == "xlow":
        ax.plot([0, 1], [0, 1])
        sec = ax.secondary_xaxis(0.3, functions=(lambda x: 100 * x, lambda x: x / 100))
        orient = "x"
    fig.canvas.draw()
    axis = sec.xaxis if orient == "x" else sec.yaxis
    plim = ax.get_xlim() if orient == "x" else ax.get_ylim()
    slim = sec.get_xlim() if orient == "x" else sec.get_ylim()
    lo, hi = sorted(slim)
    ticks = [t for t in axis.get_majorticklocs() if lo - 1e-9 * (hi - lo) <= t <= hi + 1e-9 * (hi - lo)]
    labels = {t.get_loc(): t.label1.get_text() or t.label2.get_text() for t in axis.get_major_ticks()}
    pix = []
    for t in ticks:
        if orient == "x":
            pix.append(sec.transData.transform((t, 0))[0])
        else:
            pix.append(H - sec.transData.transform((0, t))[1])
    minor = [t for t in axis.get_minorticklocs() if lo <= t <= hi]
    # the spine line: the axes box of the zero-size secondary axes
    bb = sec.get_window_extent()
    spine = H - bb.y1 if orient == "x" else bb.x0
    print(f"/* {name} */")
    print(f"    .plim = {{ {plim[0]!r}, {plim[1]!r} }}, .slim = {{ {slim[0]!r}, {slim[1]!r} }},")
    print(f"    .n = {len(ticks)}, .ticks = {{ " + ", ".join(repr(float(t)) for t in ticks) + " },")
    print("    .labels = { " + ", ".join('"' + labels.get(t, "?").replace("\\", "\\\\").replace("\u2212", "\\u2212") + '"'
                                         for t in ticks) + " },")
    print("    .pix = { " + ", ".join(f"{p:.3f}" for p in pix) + " },")
    print(f"    .nminor = {len(minor)}, .spine = {spine:.3f},")
    plt.close(fig)


def singular():
    print("/* set_xlim(a, a) -> get_xlim, linear then log (plot([1, 100], [1, 2]) first) */")
    for scale in ["linear", "log"]:
        for a in [0.0, 1.0, -5.0, 2.0, 5.0, 1e-3, 100.0]:
            fig, ax = plt.subplots()
            ax.plot([1, 100], [1, 2])
            ax.set_xscale(scale)
            with warnings.catch_warnings(record=True) as w:
                warnings.simplefilter("always")
                ax.set_xlim(a, a)
            print(f"    {{ \"{scale}\", {a!r}, {ax.get_xlim()[0]!r}, {ax.get_xlim()[1]!r} }}, /* {[str(x.message) for x in w]} */")
            plt.close(fig)
    print("/* log axis: non-positive limits are ignored with a warning (plot([1, 100], [1, 2])) */")
    for lo, hi in [(0, 10), (-5, 50), (3, -1), (0, 0), (-5, -5)]:
        fig, ax = plt.subplots()
        ax.plot([1, 100], [1, 2])
        ax.set_xscale("log")
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            ax.set_xlim(lo, hi)
        print(f"    {{ {lo!r}, {hi!r}, {ax.get_xlim()[0]!r}, {ax.get_xlim()[1]!r} }}, /* {[str(x.message) for x in w]} */")
        plt.close(fig)


def ink(px, x0, y0, x1, y1):
    """the box of the dark pixels in columns x0..x1-1, rows y0..y1-1 (y down)"""
    win = px[y0:y1, x0:x1, :3].min(axis=2) < 128
    ys, xs = np.nonzero(win)
    return (x0 + xs.min(), y0 + ys.min(), x0 + xs.max() + 1, y0 + ys.max() + 1)


def rotation():
    """rotated axis labels on axes with ticks but no tick labels, so that each label's ink stands
    alone (the windows leave the tick marks out):
    a left ylabel at -90 (labelpad 20), an xlabel at 30, and a right (colorbar-like) ylabel at
    -90 with va='bottom'. Prints each label's ink box (x0, y0, x1, y1; pixels, y down) in the
    search windows test_plot_secondary.c uses."""
    print("/* rotated axis labels: ink boxes (x0, y0, x1, y1) */")
    fig = plt.figure(figsize=(6.4, 4.8), dpi=100)
    ax = fig.add_axes([0.2, 0.2, 0.5, 0.6])
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.tick_params(labelleft=False, labelbottom=False)
    ax.set_ylabel("left label", rotation=-90, labelpad=20)
    ax.set_xlabel("x label", rotation=30)
    r = fig.add_axes([0.8, 0.2, 0.05, 0.6])
    r.set_xticks([])
    r.yaxis.tick_right()
    r.tick_params(labelright=False)
    r.yaxis.set_label_position("right")
    r.set_ylabel("right label", rotation=-90, va="bottom")
    fig.canvas.draw()
    px = np.asarray(fig.canvas.buffer_rgba())
    W, Hh = 640, 480
    ax0, ay0, ax1, ay1 = 128, 96, 448, 384      # ax box (y down)
    r1 = 544
    for nm, win in [("ylabel", (0, ay0, ax0 - 8, ay1)), ("xlabel", (0, ay1 + 8, W, Hh)),
                    ("right", (r1 + 8, ay0, W, ay1))]:
        print(f"    /* {nm} */ {{ " + ", ".join(str(int(v)) for v in ink(px, *win)) + " },")
    plt.close(fig)


def example():
    """the figure of examples/plot_secondary_axis.c"""
    fig, axs = plt.subplots(1, 2, figsize=(10, 4.2))
    ax = axs[0]
    x = np.arange(0, 360, 1)
    ax.plot(x, np.sin(2 * x * np.pi / 180))
    ax.set_xlabel("angle [degrees]")
    ax.set_ylabel("signal")
    ax.set_title("Sine wave")
    sec = ax.secondary_xaxis("top", functions=(lambda x: x * np.pi / 180, lambda x: x * 180 / np.pi))
    sec.set_xlabel("angle [rad]")
    secy = ax.secondary_yaxis(1.12, functions=(lambda v: 100 * v, lambda v: v / 100))
    secy.set_ylabel("signal [%]", rotation=-90, va="bottom")
    secy.set_color("tab:red")
    ax = axs[1]
    x = np.arange(0.02, 1, 0.02)
    ax.loglog(x, x ** 2 + 0.01)
    ax.set_xlabel("f [Hz]")
    ax.set_ylabel("PSD")
    ax.set_title("Random spectrum")
    sec = ax.secondary_xaxis("top", functions=(one_over, one_over))
    sec.set_xlabel("period [s]")
    fig.tight_layout()
    fig.savefig("/tmp/mpl_secondary_axis.png", dpi=100)


if __name__ == "__main__":
    for c in ["deg", "per", "neg", "yfar", "xlow", "sq"]:
        case(c)
    singular()
    rotation()
    example()
