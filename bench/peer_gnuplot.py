"""gnuplot side of bench/wl_nplot.c, a second peer beside matplotlib (PEER = "gnuplot":
peer.py prints it as its own column, the ratio to matplotlib stays the main one). The
same CSV as bench/peer_nplot.py, rendered by `gnuplot` (pngcairo, 800x600 px) from the
template bench/nplot_gnuplot.gp, timed as a whole process like the nplot command."""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GNUPLOT = shutil.which("gnuplot")
if GNUPLOT is None:
    raise ModuleNotFoundError("gnuplot is not installed (Debian: gnuplot-nox)")
sys.path.insert(0, HERE)
import peer_nplot  # noqa: E402  (the same inputs as the matplotlib peer)

PEER = "gnuplot"
with open(os.path.join(HERE, "nplot_gnuplot.gp")) as _f:
    TEMPLATE = _f.read()


def _script(src, png):
    """The template filled for one CSV; written next to the output PNG."""
    with open(src) as f:
        names = f.readline().strip().split(",")
    text = (TEMPLATE.replace("@PNG@", png).replace("@CSV@", src)
            .replace("@XLABEL@", names[0]).replace("@NCOLS@", str(len(names))))
    path = os.path.splitext(png)[0] + ".gp"
    with open(path, "w") as f:
        f.write(text)
    return path


def _with_gnuplot(setup):
    def gp_setup():
        src, png = setup()
        png = os.path.splitext(png)[0] + "_gnuplot.png"
        return _script(src, png)
    return gp_setup


def _run(script):
    subprocess.run([GNUPLOT, script], check=True)


WORKLOADS = {name: (_with_gnuplot(setup), _run)
             for name, (setup, _) in peer_nplot.WORKLOADS.items()}
