"""Shared fixtures of the binding's suite: numc from the build (PYTHONPATH set by ctest)
and NumPy as the reference."""
import gc

import numpy as np
import pytest

import numc as nc


@pytest.fixture
def collect():
    """Run the garbage collector (lifetimes are decided by reference counts; this only
    makes sure nothing else is holding a reference)."""
    def run():
        gc.collect()
    return run


def same(a, b):
    """numc result a equals NumPy result b: values (NaN where NaN), shape and dtype."""
    an = np.asarray(a)
    bn = np.asarray(b)
    assert an.shape == bn.shape, (an.shape, bn.shape)
    assert an.dtype == bn.dtype, (an.dtype, bn.dtype)
    np.testing.assert_array_equal(an, bn)


@pytest.fixture
def check():
    return same
