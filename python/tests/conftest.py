"""Shared set-up of the binding's suites that run numc.pyplot and matplotlib side by side
(test_pyprops.py, test_py21_output.py, test_pynames.py): they opt in with
`pytestmark = pytest.mark.usefixtures("close_figures")`."""
import sys

import pytest


@pytest.fixture
def close_figures():
    """After the test, every numc.pyplot figure and every matplotlib one is closed."""
    yield
    plt = sys.modules.get("numc.pyplot")
    if plt is not None:
        plt.close("all")
    mplt = sys.modules.get("matplotlib.pyplot")
    if mplt is not None:
        mplt.close("all")
