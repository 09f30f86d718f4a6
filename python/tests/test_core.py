"""numc.ndarray: memory shared with NumPy both ways, lifetimes, creation, attributes,
dtypes and NumPy's repr."""
import gc
import weakref

import numpy as np
import pytest

import numc as nc


# ---- memory sharing ----------------------------------------------------------------------------
def test_numpy_view_of_numc_shares_memory():
    a = nc.arange(12.0).reshape(3, 4)
    b = np.asarray(a)
    assert b.shape == (3, 4) and b.dtype == np.float64
    assert b.__array_interface__["data"][0] == a.__array_interface__["data"][0]
    b[1, 2] = -7.5
    assert a[1, 2] == -7.5
    a[0, 0] = 99
    assert b[0, 0] == 99


def test_numc_view_of_numpy_shares_memory():
    n = np.arange(20, dtype=np.int32).reshape(4, 5)
    a = nc.asarray(n)
    assert a.dtype == nc.int32 and a.shape == (4, 5) and a.strides == n.strides
    assert a.__array_interface__["data"][0] == n.__array_interface__["data"][0]
    a[2, 3] = -1
    assert n[2, 3] == -1
    n[0, 1] = 42
    assert a[0, 1] == 42


def test_strided_numpy_views_are_shared_with_their_strides():
    n = np.arange(60.0).reshape(3, 4, 5)[::2, ::-1, 1:4]
    a = nc.asarray(n)
    assert a.strides == n.strides
    np.testing.assert_array_equal(np.asarray(a), n)
    a[1, 0, 0] = 1000
    assert n[1, 0, 0] == 1000


def test_numpy_to_numc_to_numpy_round_trip_is_one_memory():
    n = np.zeros(6)
    back = np.asarray(nc.asarray(n))
    back[3] = 5
    assert n[3] == 5


def test_numpy_frees_first():
    n = np.arange(1000.0)
    a = nc.asarray(n)[10:20]
    ref = weakref.ref(n) if hasattr(n, "__weakref__") else None
    del n
    gc.collect()
    # the numc view keeps NumPy's buffer alive
    assert a.tolist() == [float(i) for i in range(10, 20)]
    assert ref is None or ref() is not None
    del a
    gc.collect()
    assert ref is None or ref() is None


def test_numc_frees_first():
    a = nc.arange(100.0)
    b = np.asarray(a)[::3]
    del a
    gc.collect()
    assert b[5] == 15.0
    b[5] = 1
    assert b.sum() == sum(range(0, 100, 3)) - 15 + 1


def test_views_of_views_both_ways():
    base = nc.arange(120.0).reshape(4, 5, 6)
    v1 = base[1:, ::2, 3]           # numc view
    n1 = np.asarray(v1)[::-1]       # numpy view of it
    v2 = nc.asarray(n1)[1:]         # numc view of that
    n2 = np.asarray(v2).T           # numpy view again
    del base, v1, n1, v2
    gc.collect()
    ref = np.arange(120.0).reshape(4, 5, 6)[1:, ::2, 3][::-1][1:].T
    np.testing.assert_array_equal(n2, ref)
    n2[0, 0] = -1   # still writable and alive
    assert n2[0, 0] == -1


def test_readonly_numpy_array_gives_readonly_numc_array():
    n = np.arange(4.0)
    n.flags.writeable = False
    a = nc.asarray(n)
    assert not a.flags.writeable
    with pytest.raises(ValueError):
        a[0] = 1
    with pytest.raises((ValueError, BufferError)):
        m = np.asarray(a)
        m[0] = 1


def test_array_copies_asarray_does_not():
    n = np.arange(3.0)
    c = nc.array(n)
    c[0] = 9
    assert n[0] == 0
    a = nc.asarray(n)
    a[0] = 9
    assert n[0] == 9


def test_memoryview_and_array_interface_consumers():
    a = nc.arange(6, dtype=nc.int16).reshape(2, 3)
    m = memoryview(a)
    assert m.format == "h" and m.shape == (2, 3) and m.tolist() == [[0, 1, 2], [3, 4, 5]]

    class Holder:
        pass
    h = Holder()
    h.__array_interface__ = np.arange(5.0).__array_interface__
    keep = np.arange(5.0)
    h.__array_interface__ = keep.__array_interface__
    b = nc.asarray(h)
    assert b.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    b[0] = 7                       # asarray shares the memory of the interface
    assert keep[0] == 7
    c = nc.array(h)                # array copies it
    c[1] = 7
    assert keep[1] == 1
    del h, b
    gc.collect()
    assert c.tolist() == [7.0, 7.0, 2.0, 3.0, 4.0]


def test_every_dtype_round_trips_through_numpy():
    for name in ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                 "float32", "float64", "complex64", "complex128"]:
        n = (np.arange(6) % 3).astype(name).reshape(2, 3)
        a = nc.asarray(n)
        assert a.dtype == name and a.dtype.name == name
        back = np.asarray(a)
        assert back.dtype == n.dtype
        np.testing.assert_array_equal(back, n)


# ---- creation ------------------------------------------------------------------------------------
@pytest.mark.parametrize("expr", [
    "array([[1, 2], [3, 4]])", "array([1.5, 2])", "array([True, False])", "array([1+2j, 3])",
    "array([[1, 2]], dtype='float32')", "array(3.5)", "array([])", "array([[1], [2]], ndmin=3)",
    "zeros((2, 3))", "zeros(4, dtype='int32')", "ones((2, 2), dtype=bool)", "full((2, 2), 7)",
    "full(3, 2.5)", "arange(5)", "arange(1, 2, 0.25)", "arange(10, 0, -3)", "arange(5.0)",
    "linspace(0, 1, 5)", "linspace(0, 1, 4, endpoint=False)", "linspace(-1, 1, 7, dtype='float32')",
    "eye(3)", "eye(3, 4, 1)", "eye(2, dtype=int)", "identity(3)",
    "zeros_like(np.ones((2, 3)))", "ones_like(np.ones((2,), dtype='int8'))", "full_like([1, 2], 5)",
])
def test_creation_matches_numpy(expr):
    got = eval("nc." + expr, {"nc": nc, "np": np})
    ref = eval("np." + expr, {"np": np})
    g = np.asarray(got)
    assert g.shape == ref.shape and g.dtype == ref.dtype
    np.testing.assert_array_equal(g, ref)
    assert repr(got) == repr(ref)


def test_linspace_retstep():
    a, step = nc.linspace(0, 2, 5, retstep=True)
    assert step == 0.5 and a.tolist() == [0, 0.5, 1, 1.5, 2]


def test_array_from_mixed_nested_arrays():
    a = nc.array([nc.arange(3), np.arange(3, 6), [6, 7, 8]])
    assert a.shape == (3, 3) and a.dtype == nc.int64
    assert a.tolist() == [[0, 1, 2], [3, 4, 5], [6, 7, 8]]


def test_ragged_input_is_valueerror():
    with pytest.raises(ValueError, match="inhomogeneous"):
        nc.array([[1, 2], [3]])


# ---- attributes -----------------------------------------------------------------------------------
def test_attributes_match_numpy():
    n = np.arange(24, dtype=np.float32).reshape(2, 3, 4)[:, ::2]
    a = nc.asarray(n)
    assert a.shape == n.shape and a.strides == n.strides and a.ndim == n.ndim
    assert a.size == n.size and a.itemsize == n.itemsize and a.nbytes == n.nbytes
    assert a.flags.c_contiguous == n.flags.c_contiguous
    assert a.flags["F_CONTIGUOUS"] == n.flags["F_CONTIGUOUS"]
    assert a.T.shape == n.T.shape and a.T.strides == n.T.strides
    assert len(a) == 2
    assert a.dtype == np.float32 and a.dtype == "float32" and a.dtype == nc.float32
    assert a.dtype.itemsize == 4 and a.dtype.kind == "f" and a.dtype.char == "f"
    assert nc.dtype("f8") is nc.float64 and nc.dtype(float) is nc.float64
    assert nc.dtype(np.dtype("int16")) is nc.int16 and nc.dtype(np.uint8) is nc.uint8


def test_tolist_item_and_conversions():
    a = nc.array([[1, 2], [3, 4]], dtype=nc.int16)
    assert a.tolist() == [[1, 2], [3, 4]]
    assert a.item(3) == 4 and a.item(1, 0) == 3
    assert float(nc.array([2.5])) == 2.5 and int(nc.array(7)) == 7
    assert bool(nc.array([1])) and not bool(nc.array([0.0]))
    with pytest.raises(ValueError):
        bool(nc.arange(3))
    assert [x for x in nc.arange(3)] == [0, 1, 2]
    assert list(range(10))[nc.array(3)] == 3


def test_reshape_transpose_copy_astype():
    a = nc.arange(6).reshape(2, 3)
    assert a.reshape(3, 2).shape == (3, 2) and a.reshape((-1,)).shape == (6,)
    assert a.transpose().shape == (3, 2) and a.transpose(1, 0).strides == (8, 24)
    c = a.copy()
    c[0, 0] = 5
    assert a[0, 0] == 0
    f = a.astype(nc.float32)
    assert f.dtype == nc.float32 and f.tolist() == [[0, 1, 2], [3, 4, 5]]
    assert a.ravel().tolist() == list(range(6))


# ---- printing ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("make", [
    lambda m: m.arange(12.0).reshape(3, 4) / 7,
    lambda m: m.arange(2000),
    lambda m: m.linspace(-1e-5, 1e5, 6),
    lambda m: m.array([1, 2, 3], dtype=m.uint8),
    lambda m: m.array([[True, False], [False, True]]),
    lambda m: m.array([1 + 2j, -3.5j]),
    lambda m: m.array([float("nan"), float("inf"), -1.0]),
    lambda m: m.zeros((2, 0)),
    lambda m: m.array(3.25),
    lambda m: m.arange(6, dtype=m.float32).reshape(2, 3, 1),
])
def test_repr_and_str_are_numpys(make):
    a, n = make(nc), make(np)
    assert repr(a) == repr(n)
    assert str(a) == str(n)


def test_namespace_registry_is_walked():
    # every python/src/ns_*.c appears as _core._<name>; the package loads numc/<name>.py lazily
    import os
    src = os.path.join(os.path.dirname(__file__), "..", "src")
    for f in os.listdir(src):
        if f.startswith("ns_") and f.endswith(".c"):
            assert hasattr(nc._core, "_" + f[3:-2])
    with pytest.raises(AttributeError):
        nc.no_such_namespace


def test_large_zeros_are_lazily_zeroed_and_live_with_their_views():
    a = nc.zeros((1024, 1024))            # 8 MiB: calloc'd pages wrapped by numc
    assert a.dtype == nc.float64 and a.sum() == 0.0 and a.flags.writeable
    a[1, 2] = 5
    v = a[1]
    del a
    gc.collect()
    assert v[2] == 5 and v.sum() == 5
    z = nc.zeros_like(np.ones((1024, 1024), dtype=np.int32))
    assert z.dtype == nc.int32 and z.shape == (1024, 1024) and z.max() == 0


def test_shape_assignment_in_place():
    a = nc.arange(12.0)
    a.shape = (3, 4)
    assert a.shape == (3, 4) and a[2, 3] == 11
    t = a.T
    with pytest.raises(AttributeError, match="Incompatible shape"):
        t.shape = (12,)
    n = np.asarray(a)
    with pytest.raises(BufferError):
        a.shape = (4, 3)
    del n
    gc.collect()
    a.shape = (2, -1)
    assert a.shape == (2, 6)
    with pytest.raises(ValueError):
        a.shape = (5, 5)


def test_printoptions_match_numpys():
    a = nc.arange(1, 7) / 7
    n = np.arange(1, 7) / 7
    with nc.printoptions(precision=3), np.printoptions(precision=3):
        assert repr(a) == repr(n)
    assert repr(a) == repr(n)
    with nc.printoptions(threshold=5, edgeitems=2), np.printoptions(threshold=5, edgeitems=2):
        assert repr(nc.arange(100)) == repr(np.arange(100))
    with nc.printoptions(suppress=True), np.printoptions(suppress=True):
        assert repr(nc.array([1e-10, 1.0])) == repr(np.array([1e-10, 1.0]))
    with nc.printoptions(linewidth=30), np.printoptions(linewidth=30):
        assert str(nc.arange(20.0)) == str(np.arange(20.0))
    assert nc.get_printoptions()["precision"] == 8


def test_finfo_iinfo_issubdtype_match_numpy():
    for name in ("float32", "float64", "complex128"):
        f, g = nc.finfo(name), np.finfo(name)
        for attr in ("bits", "eps", "epsneg", "max", "min", "tiny", "resolution", "precision",
                     "machep", "negep", "maxexp", "minexp", "nmant", "iexp"):
            assert float(getattr(f, attr)) == float(getattr(g, attr)), (name, attr)
        assert f.dtype == g.dtype
    for name in ("int8", "uint16", "int64", "uint64"):
        i, j = nc.iinfo(name), np.iinfo(name)
        assert (i.bits, i.min, i.max) == (j.bits, j.min, j.max)
    with pytest.raises(TypeError):
        nc.finfo("int32")
    with pytest.raises(TypeError):
        nc.iinfo(nc.float64)
    for a in ("int8", "uint32", "float32", "complex64", "bool"):
        for b in ("integer", "signedinteger", "unsignedinteger", "floating", "inexact",
                  "complexfloating", "number", "generic"):
            assert nc.issubdtype(a, getattr(nc, b)) == np.issubdtype(a, getattr(np, b)), (a, b)
    assert nc.issubdtype(nc.arange(3).dtype, nc.integer)
    assert nc.issubdtype(nc.floating, nc.inexact) and not nc.issubdtype(nc.inexact, nc.floating)


@pytest.mark.filterwarnings("ignore:NumPy will stop allowing conversion:DeprecationWarning")
@pytest.mark.parametrize("data,dtype", [
    ([True, 2, 3.5], None), ([1, 2**63], None), ([[1, 2], [3, 4.5]], None),
    ([1.7, -2.2, 3], "int32"), ([1, 0, 2], "bool"), ([1j, 2, True], None),
    ([np.float32(1.5), 2], None), ([np.int8(3), 4], None), ([300, 1], "uint8"),
    ([2.5, 1e300], "float32"), ((1, (2, 3)[0]), None), ([[[]]], None), ([1.5] * 3, "complex64"),
    ([-1, 2**40], "float64"), ([True, False], "int16"),
])
def test_list_conversion_matches_numpy(data, dtype):
    with np.errstate(all="ignore"), nc.errstate(all="ignore"):
        got = nc.array(data, dtype=dtype)
        ref = np.array(data, dtype=dtype)
    g = np.asarray(got)
    assert g.dtype == ref.dtype and g.shape == ref.shape
    np.testing.assert_array_equal(g, ref)


def test_dtype_objects_match_numpys():
    for name in ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                 "float32", "float64", "complex64", "complex128"):
        d, n = nc.dtype(name), np.dtype(name)
        assert (d.name, d.itemsize, d.kind, d.char, d.str) == (n.name, n.itemsize, n.kind, n.char, n.str)
        assert repr(d) == repr(n) and str(d) == str(n)
        assert d == n and d == n.type and d == name and hash(d) == hash(nc.dtype(n.char))
        assert nc.zeros(2, dtype=n).dtype is d
    assert nc.float32(1.5) == 1.5 and nc.int16(7) == 7 and nc.bool_(2) is True
    assert nc.dtype(int) is nc.int64 and nc.dtype(complex) is nc.complex128 and nc.dtype(bool) is nc.bool_
    with pytest.raises(TypeError, match="not understood"):
        nc.dtype("float16")
