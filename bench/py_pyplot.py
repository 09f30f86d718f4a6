#!/usr/bin/python3
"""numc.pyplot vs matplotlib (Agg): whole-script time of the same plotting scripts.

    PYTHONPATH=build/python /usr/bin/python3 bench/py_pyplot.py [--repeats N] [--filter SUB]
                                                             [--csv out/py_pyplot.csv]

Each workload is one script run as its own process, once with `import numc.pyplot as plt`
+ `import numc as np` and once with matplotlib (Agg) + NumPy: interpreter start, imports,
making the data (the same values on both sides), plotting and savefig to PNG. The time is
the wall clock of the whole process (the median of N runs, the two sides interleaved);
`in-script` is the part after the imports, measured inside the script. The issue's target
is a ratio numc / matplotlib <= 0.1 for the whole script.
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

TARGET = 0.1

# The data: deterministic and the same for NumPy and numc (only ufuncs both have), cheap
# to make (Weyl sequences, not a random generator) so that the plotting is what is timed.
DATA = {
    "line_1M": """
x = np.linspace(0.0, 100.0, 1000000)
y = np.sin(x) + 0.3 * np.sin(7.1 * x)
""",
    "scatter_100k": """
i = np.arange(100000.0)
a = i * 0.6180339887498949
b = i * 0.4142135623730951
x = a - np.floor(a)
y = b - np.floor(b)
""",
    "hist_1M": """
i = np.arange(1000000.0)
a = i * 0.6180339887498949
b = i * 0.4142135623730951
x = (a - np.floor(a)) + (b - np.floor(b)) - 1.0
""",
    "heatmap_1000": """
t = np.linspace(-3.0, 3.0, 1000)
z = np.sin(t[np.newaxis, :] * 2.0) * np.cos(t[:, np.newaxis] * 3.0)
""",
}

PLOT = {
    "line_1M": "ax.plot(x, y, lw=0.5)\nax.set_title('line 1M')",
    "scatter_100k": "ax.scatter(x, y, s=2, alpha=0.5)\nax.set_title('scatter 100k')",
    "hist_1M": "ax.hist(x, bins=100)\nax.set_title('hist 1M')",
    "heatmap_1000": "im = ax.imshow(z, cmap='viridis')\nfig.colorbar(im, ax=ax)\nax.set_title('heatmap 1000')",
}

SCRIPT = """
import time, sys
t0 = time.perf_counter()
{imports}
t1 = time.perf_counter()
{data}
fig, ax = plt.subplots()
{plot}
fig.savefig({out!r})
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""

IMPORTS = {
    "numc": "import numc as np\nimport numc.pyplot as plt",
    "mpl": "import numpy as np\nimport matplotlib\nmatplotlib.use('Agg')\nimport matplotlib.pyplot as plt",
}


def run(which, name, out, env):
    src = SCRIPT.format(imports=IMPORTS[which], data=DATA[name], plot=PLOT[name], out=out)
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", src], capture_output=True, text=True, env=env)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError("%s %s failed:\n%s" % (which, name, r.stderr[-2000:]))
    imp, body = (float(v) for v in r.stdout.split())
    return dt, imp, body


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--filter", action="append", default=[])
    ap.add_argument("--csv", default=os.path.join("out", "py_pyplot.csv"))
    ap.add_argument("--keep", help="directory to keep the PNGs in")
    args = ap.parse_args()
    env = dict(os.environ, MPLBACKEND="Agg")
    # Both packages run from byte code, as installed packages do (Debian ships
    # matplotlib's .pyc; numc's are written by the warm-up run below).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    outdir = args.keep or tempfile.mkdtemp(prefix="py_pyplot_")
    os.makedirs(outdir, exist_ok=True)
    rows = []
    print("%-14s %10s %10s %8s %12s %12s %8s" % ("name", "numc_s", "mpl_s", "ratio",
                                                 "numc_script", "mpl_script", "target"))
    for name in DATA:
        if args.filter and not any(f in name for f in args.filter):
            continue
        for which in ("numc", "mpl"):   # warm-up: byte code, page cache
            run(which, name, os.path.join(outdir, "%s.%s.png" % (name, which)), env)
        t = {"numc": [], "mpl": []}
        body = {"numc": [], "mpl": []}
        for _ in range(args.repeats):
            for which in ("numc", "mpl"):
                dt, _imp, b = run(which, name, os.path.join(outdir, "%s.%s.png" % (name, which)), env)
                t[which].append(dt)
                body[which].append(b)
        n, m = statistics.median(t["numc"]), statistics.median(t["mpl"])
        bn, bm = statistics.median(body["numc"]), statistics.median(body["mpl"])
        rows.append((name, n, m, n / m, bn, bm, TARGET))
        print("%-14s %10.4f %10.4f %8.3f %12.4f %12.4f %8.2f" % rows[-1])
    if args.csv:
        os.makedirs(os.path.dirname(args.csv) or ".", exist_ok=True)
        with open(args.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["name", "numc_s", "mpl_s", "ratio", "numc_in_script_s",
                        "mpl_in_script_s", "target"])
            w.writerows(rows)


if __name__ == "__main__":
    main()
