"""matplotlib side of bench/wl_nplot.c: a python3 script that does what nplot does by
default (read the CSV, first column as x, one line per other column, legend, x label,
800x600 px PNG), timed as a whole process like the nplot command."""
import os
import subprocess
import sys
import tempfile

import numpy as np
import matplotlib  # noqa: F401  (the script imports it; fail here if it is missing)

TARGET = 0.1  # the command: 10x faster than python3 + matplotlib
_TMP = tempfile.mkdtemp(prefix="numc_peer_nplot_")
_SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")

SCRIPT = r"""
import csv, sys
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
src, out = sys.argv[1], sys.argv[2]
with open(src, newline="") as f:
    names = next(csv.reader(f))
d = np.loadtxt(src, delimiter=",", skiprows=1, ndmin=2)
fig = plt.figure(figsize=(8, 6), dpi=100)
ax = fig.add_subplot(1, 1, 1)
for k in range(1, d.shape[1]):
    ax.plot(d[:, 0], d[:, k], label=names[k])
ax.set_xlabel(names[0])
if d.shape[1] > 2:
    ax.legend()
else:
    ax.set_ylabel(names[1])
fig.savefig(out)
"""


def _run(st):
    src, out = st
    subprocess.run([sys.executable, "-c", SCRIPT, src, out], check=True)


def _setup_csv_1m():
    n = 1_000_000
    rng = np.random.default_rng(42)
    z = rng.standard_normal(2 * n)
    t = np.arange(n) * 0.001
    data = np.c_[t, np.cumsum(z[:n]), np.sin(t) + 0.1 * z[n:]]
    path = os.path.join(_TMP, "nplot_1M.csv")
    np.savetxt(path, data, fmt="%.6g", delimiter=",", header="t,walk,wave", comments="")
    return path, os.path.join(_TMP, "nplot_1M.png")


def _setup_sunspots():
    path = os.path.join(_SHARED, "sunspots.csv")
    if not os.path.exists(path):
        raise FileNotFoundError(path)
    return path, os.path.join(_TMP, "nplot_sunspots.png")


WORKLOADS = {
    "nplot_csv_1M": (_setup_csv_1m, _run),
    "nplot_sunspots": (_setup_sunspots, _run),
}


# ---- 10M rows (bench/wl_nplot.c: nplot_csv_10M) -------------------------------------------
def _setup_csv(n, stem):
    """The nplot_csv_1M columns over n rows, written in blocks (10M rows: 255 MB)."""
    rng = np.random.default_rng(42)
    z = rng.standard_normal(2 * n)
    t = np.arange(n) * 0.001
    walk = np.cumsum(z[:n])
    wave = np.sin(t) + 0.1 * z[n:]
    path = os.path.join(_TMP, stem + ".csv")
    with open(path, "w") as f:
        f.write("t,walk,wave\n")
        for i in range(0, n, 1_000_000):
            j = min(n, i + 1_000_000)
            np.savetxt(f, np.c_[t[i:j], walk[i:j], wave[i:j]], fmt="%.6g", delimiter=",")
    return path, os.path.join(_TMP, stem + ".png")


WORKLOADS["nplot_csv_10M"] = (lambda: _setup_csv(10_000_000, "nplot_10M"), _run)
