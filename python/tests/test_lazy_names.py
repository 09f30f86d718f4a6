"""numc's namespaces load on first use (numc/__init__.py's module __getattr__, PEP 562)
and date support loads datetime only when a date is made: every public name must still be
reachable, dir() complete, and the lazily loaded objects the same as the eagerly imported
ones. Each check runs in a fresh interpreter, where nothing is loaded yet."""
import os
import subprocess
import sys

import pytest

import numc

SUBMODULES = ["char", "emath", "fft", "lib", "linalg", "mpl", "polynomial", "pyplot", "random"]


def run(code):
    """Run code in a new interpreter with this one's numc on the path; its stdout."""
    here = os.path.dirname(os.path.dirname(numc.__file__))
    env = dict(os.environ)
    env["PYTHONPATH"] = here + os.pathsep + env.get("PYTHONPATH", "")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def test_submodule_list_matches_the_package_files():
    assert set(numc._submodules()) == set(SUBMODULES)


def test_dir_lists_every_submodule_before_it_is_loaded():
    out = run("import sys, numc\n"
              "d = dir(numc)\n"
              "print(' '.join(n for n in %r if n in d))\n"
              "print(' '.join(n for n in %r if 'numc.' + n not in sys.modules))\n"
              % (SUBMODULES, SUBMODULES))
    listed, unloaded = out.split("\n")[:2]
    assert listed.split() == SUBMODULES
    # a plain `import numc` leaves these for first use
    for name in ("fft", "random", "polynomial", "mpl", "pyplot", "char", "emath"):
        assert name in unloaded.split()


def test_dir_has_the_eager_names_too():
    d = dir(numc)
    for name in ("ndarray", "array", "sin", "float64", "datetime64", "busday_count", "vdot",
                 "errstate", "__version__"):
        assert name in d
    assert d == sorted(d)


@pytest.mark.parametrize("name", SUBMODULES)
def test_attribute_access_and_import_give_the_same_module(name):
    out = run("import importlib, numc\n"
              "m = getattr(numc, %r)\n"
              "print(type(m).__name__, m.__name__, m is importlib.import_module('numc.%s'))\n"
              % (name, name))
    assert out.split() == ["module", "numc." + name, "True"]


def test_names_inside_lazy_namespaces_work():
    out = run("import numc\n"
              "a = numc.array([[2.0, 1.0], [1.0, 3.0]])\n"
              "print(round(float(numc.linalg.det(a)), 12))\n"
              "print(numc.fft.fft([1.0, 2.0, 3.0, 4.0]).real.tolist())\n"
              "print(numc.random.default_rng(1).integers(0, 10, 3).shape)\n"
              "print(numc.lib.stride_tricks.sliding_window_view(numc.arange(4.0), 2).shape)\n"
              "print(numc.char.upper(numc.array(['ab'])).tolist())\n")
    lines = out.split("\n")
    assert lines[0] == "5.0"
    assert lines[1] == "[10.0, -2.0, -2.0, -2.0]"
    assert lines[2] == "(3,)"
    assert lines[3] == "(3, 2)"
    assert lines[4] == "['AB']"


def test_unknown_names_raise_attribute_error():
    with pytest.raises(AttributeError, match="has no attribute 'nosuch'"):
        numc.nosuch  # noqa: B018
    with pytest.raises(AttributeError):
        numc._private_nosuch  # noqa: B018
    assert not hasattr(numc, "linalg_")


def test_datetime_loads_on_first_date():
    out = run("import sys, numc, numc.pyplot as plt\n"
              "print('datetime' in sys.modules)\n"
              "fig, ax = plt.subplots()\n"
              "ax.plot([1.0, 2.0], [3.0, 4.0])\n"
              "print('datetime' in sys.modules)\n"
              "d = numc.datetime64('2020-01-02')\n"
              "print(d.item(), numc.timedelta64(3, 'D').item().days)\n"
              "import datetime\n"
              "print(numc.datetime64(datetime.date(2021, 3, 4)))\n"
              "print(numc.datetime64(datetime.datetime(2021, 3, 4, 5, 6)).item())\n")
    lines = out.split("\n")
    assert lines[0] == "False"
    assert lines[1] == "False"
    assert lines[2] == "2020-01-02 3"
    assert lines[3] == "2021-03-04"
    assert lines[4] == "2021-03-04 05:06:00"


def test_pyplot_takes_datetime_values_without_importing_datetime_itself():
    out = run("import datetime, numc.pyplot as plt\n"
              "fig, ax = plt.subplots()\n"
              "ax.plot([datetime.date(2020, 1, 1), datetime.date(2020, 1, 11)], [1.0, 2.0])\n"
              "lo, hi = ax.get_xlim()\n"
              "print(lo <= 18262.0 and hi >= 18272.0)\n")
    assert out.strip() == "True"


def test_star_import_of_pyplot_gives_every_public_name():
    out = run("ns = {}\n"
              "exec('from numc.pyplot import *', ns)\n"
              "import numc.pyplot as plt\n"
              "missing = [n for n in plt.__all__ if n not in ns]\n"
              "print(len(plt.__all__) > 100, missing)\n"
              "print(all(n in dir(plt) for n in plt.__all__))\n")
    assert out.split("\n")[:2] == ["True []", "True"]
