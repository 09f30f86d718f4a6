"""plt.xkcd on numc's rc table: matplotlib 3.6's values, as a call and as a context."""
import pytest

import numc.pyplot as plt


def test_xkcd_context_sets_and_restores():
    before = plt.rcParams["font.size"]
    with plt.xkcd():
        assert plt.rcParams["font.size"] == 14.0
        assert plt.rcParams["lines.linewidth"] == 2.0
        assert plt.rcParams["axes.linewidth"] == 1.5
        assert plt.rcParams["xtick.major.size"] == 8.0
        assert plt.rcParams["ytick.major.width"] == 3.0
        assert plt.rcParams["axes.grid"] is False
        assert plt.rcParams["axes.unicode_minus"] is False
        assert plt.rcParams["path.sketch"] == "1, 100, 2"
        assert plt.rcParams["path.effects"] == "[withStroke(linewidth=4, foreground='w')]"
        fig, ax = plt.subplots()
        ax.plot([0, 1, 2], [0, 1, 0])
        fig.savefig("/tmp/numc_pytest_xkcd.png")
        plt.close(fig)
    assert plt.rcParams["font.size"] == before
    assert plt.rcParams["path.sketch"] == "None"


def test_xkcd_call_and_bad_input():
    ctx = plt.xkcd(2, 50, 3)
    try:
        assert plt.rcParams["path.sketch"] == "2, 50, 3"
    finally:
        ctx.__exit__(None, None, None)
    assert plt.rcParams["path.sketch"] == "None"
    with pytest.raises(ValueError):
        plt.xkcd(scale=-1)
