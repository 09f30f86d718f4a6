"""Arrays of the flexible dtypes (datetime64, timedelta64, 'S', 'U') exist in the C library
but not yet in the Python module: one made in C (a dtype name parsed by numc, a function
given such a dtype) is a TypeError naming the dtype, not a read past the module's dtype
tables."""
import re

import pytest

import numc as nc


@pytest.mark.parametrize("dtype,name", [
    ("U3", "<U3"),
    ("S3", "|S3"),
    ("datetime64[D]", "datetime64[D]"),
    ("m8[s]", "timedelta64[s]"),
])
def test_flexible_array_is_a_type_error(dtype, name):
    for make in (nc.empty, nc.zeros):
        with pytest.raises(TypeError, match="dtype %s are not supported" % re.escape(name)):
            make(3, dtype=dtype)


def test_numeric_arrays_still_wrap():
    a = nc.zeros(3, dtype="int16")
    assert a.dtype == nc.int16
    assert a.tolist() == [0, 0, 0]
