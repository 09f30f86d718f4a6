"""numc's save / load / savez / loadtxt / genfromtxt / savetxt / fromfile against NumPy:
files written by one are read by the other."""
import io

import numpy as np
import pytest

import numc as nc
import numc._io as nio

rng = np.random.default_rng(4)


def same(a, b):
    an, bn = np.asarray(a), np.asarray(b)
    assert an.shape == bn.shape, (an.shape, bn.shape)
    assert an.dtype == bn.dtype, (an.dtype, bn.dtype)
    np.testing.assert_array_equal(an, bn)


ARRAYS = [rng.standard_normal((3, 4)), np.arange(10, dtype=np.int32), np.array(3.5),
          (rng.standard_normal((2, 3)) + 1j).astype(np.complex64), np.asfortranarray(np.arange(6.0).reshape(2, 3)),
          np.array([True, False]), np.arange(12, dtype=np.uint16).reshape(3, 4)[:, ::2]]


@pytest.mark.parametrize("i", range(len(ARRAYS)))
def test_npy_round_trips(tmp_path, i):
    a = ARRAYS[i]
    nc.save(tmp_path / "c", a)                 # '.npy' appended, as NumPy
    same(np.load(tmp_path / "c.npy"), a)
    np.save(tmp_path / "n.npy", a)
    same(nc.load(tmp_path / "n.npy"), a)
    same(nc.load(str(tmp_path / "n.npy"), mmap_mode="r"), a)
    buf = io.BytesIO()
    nc.save(buf, a)
    buf.seek(0)
    same(np.load(buf), a)
    buf.seek(0)
    same(nc.load(buf), a)


def test_npz(tmp_path):
    a, b = ARRAYS[0], ARRAYS[1]
    nc.savez(tmp_path / "c", a, b=b)
    with np.load(tmp_path / "c.npz") as z:
        assert sorted(z.files) == ["arr_0", "b"]
        same(z["arr_0"], a)
        same(z["b"], b)
    np.savez_compressed(tmp_path / "n.npz", x=a, y=b)
    with nc.load(tmp_path / "n.npz") as z:
        assert isinstance(z, nio.NpzFile)
        assert sorted(z.files) == ["x", "y"] and "x" in z and len(z) == 2
        same(z["x"], a)
        same(z["y.npy"], b)
        assert sorted(k for k, _ in z.items()) == ["x", "y"]
        with pytest.raises(KeyError):
            z["nope"]
    nc.savez_compressed(tmp_path / "cc.npz", a=a)
    same(np.load(tmp_path / "cc.npz")["a"], a)
    buf = io.BytesIO()
    nc.savez(buf, q=b)
    buf.seek(0)
    same(nc.load(buf)["q"], b)


def test_text(tmp_path):
    a = rng.standard_normal((5, 3))
    p = tmp_path / "a.txt"
    nc.savetxt(p, a)
    assert p.read_text() == _np_text(a)
    same(nc.loadtxt(p), np.loadtxt(p))
    nc.savetxt(p, a, fmt="%.3f", delimiter=",", header="x,y,z", footer="end")
    ref = tmp_path / "r.txt"
    np.savetxt(ref, a, fmt="%.3f", delimiter=",", header="x,y,z", footer="end")
    assert p.read_text() == ref.read_text()
    same(nc.loadtxt(p, delimiter=","), np.loadtxt(p, delimiter=","))
    same(nc.loadtxt(p, delimiter=",", usecols=(0, 2)), np.loadtxt(p, delimiter=",", usecols=(0, 2)))
    same(nc.loadtxt(p, delimiter=",", usecols=1), np.loadtxt(p, delimiter=",", usecols=1))
    same(nc.loadtxt(p, delimiter=",", skiprows=2, max_rows=2), np.loadtxt(p, delimiter=",", skiprows=2, max_rows=2))
    same(nc.loadtxt(p, delimiter=",", unpack=True), np.loadtxt(p, delimiter=",", unpack=True))
    with pytest.warns(UserWarning):             # NumPy warns about the header line
        ref2 = np.loadtxt(p, delimiter=",", ndmin=2, max_rows=1)
    same(nc.loadtxt(p, delimiter=",", ndmin=2, max_rows=1), ref2)
    nc.savetxt(p, np.arange(6).reshape(2, 3), fmt=["%d", "%x", "%05d"])
    np.savetxt(ref, np.arange(6).reshape(2, 3), fmt=["%d", "%x", "%05d"])
    assert p.read_text() == ref.read_text()
    same(nc.loadtxt(io.StringIO("1 2\n3 4\n"), dtype=int), np.loadtxt(io.StringIO("1 2\n3 4\n"), dtype=int))
    same(nc.loadtxt(["1,2", "3,4"], delimiter=","), np.loadtxt(["1,2", "3,4"], delimiter=","))
    s = io.StringIO()
    nc.savetxt(s, a[:2])
    assert s.getvalue() == _np_text(a[:2])
    with pytest.raises(ValueError):
        nc.loadtxt(io.StringIO("1 2\n3 x\n"))


def _np_text(a):
    s = io.StringIO()
    np.savetxt(s, a)
    return s.getvalue()


def test_genfromtxt(tmp_path):
    text = "# c\n1,2,3\n4,,6\n7,8,NA\n"
    p = tmp_path / "g.csv"
    p.write_text(text)
    same(nc.genfromtxt(p, delimiter=","), np.genfromtxt(p, delimiter=","))
    same(nc.genfromtxt(p, delimiter=",", filling_values=-1), np.genfromtxt(p, delimiter=",", filling_values=-1))
    same(nc.genfromtxt(p, delimiter=",", usecols=(0, 2)), np.genfromtxt(p, delimiter=",", usecols=(0, 2)))
    same(nc.genfromtxt(p, delimiter=",", skip_header=2), np.genfromtxt(p, delimiter=",", skip_header=2))
    same(nc.genfromtxt(io.StringIO("1 2\n3 4\n")), np.genfromtxt(io.StringIO("1 2\n3 4\n")))
    with pytest.raises(TypeError):
        nc.genfromtxt(p, delimiter=",", bogus=1)


def test_fromfile_tofile(tmp_path):
    a = rng.standard_normal(7)
    p = tmp_path / "a.bin"
    a.tofile(p)
    same(nc.fromfile(p), np.fromfile(p))
    same(nc.fromfile(p, count=3, offset=8), np.fromfile(p, count=3, offset=8))
    b = np.arange(5, dtype=np.int16)
    nio.tofile(b, tmp_path / "b.bin")
    same(np.fromfile(tmp_path / "b.bin", dtype=np.int16), b)
    same(nc.fromfile(tmp_path / "b.bin", dtype=np.int16), b)
    nio.tofile(b, tmp_path / "b.txt", sep=", ")
    assert (tmp_path / "b.txt").read_text() == "0, 1, 2, 3, 4"
    same(nc.fromfile(tmp_path / "b.txt", dtype=int, sep=","), np.fromfile(tmp_path / "b.txt", dtype=int, sep=","))


def test_errors(tmp_path):
    with pytest.raises(OSError):
        nc.load(tmp_path / "missing.npy")
    (tmp_path / "bad.npy").write_bytes(b"\x93NUMPY\x01\x00garbage")
    with pytest.raises(ValueError):
        nc.load(tmp_path / "bad.npy")
    with pytest.raises(ValueError):
        nc.load(tmp_path / "x.npy", mmap_mode="w")
    with pytest.raises(ValueError):
        nc.savez(tmp_path / "d", np.zeros(1), arr_0=np.zeros(1))


def test_fromstring_fromregex(tmp_path):
    same(nc.fromstring("1 2 3.5", sep=" "), np.fromstring("1 2 3.5", sep=" "))
    same(nc.fromstring("1,2,3,4", dtype=int, sep=","), np.fromstring("1,2,3,4", dtype=int, sep=","))
    same(nc.fromstring("1, 2, 3, 4", dtype=np.int32, count=2, sep=","),
         np.fromstring("1, 2, 3, 4", dtype=np.int32, count=2, sep=","))
    with pytest.raises(ValueError):
        nc.fromstring("1 2", sep="")
    p = tmp_path / "r.txt"
    p.write_text("x=1 y=2.5\nx=3 y=-4\nnoise\nx=5 y=6e1\n")
    same(nc.fromregex(p, r"x=([0-9]+)", np.int64), np.fromregex(p, r"x=([0-9]+)", [("x", np.int64)])["x"])
    ref = np.fromregex(p, r"x=([0-9]+) y=([-0-9.e]+)", [("x", np.float64), ("y", np.float64)])
    got = nc.fromregex(p, r"x=([0-9]+) y=([-0-9.e]+)", np.float64)
    same(got, np.stack([ref["x"], ref["y"]], axis=1))


def test_open_memmap(tmp_path):
    from numc.lib.format import open_memmap, memmap_flush
    p = tmp_path / "m.npy"
    m = open_memmap(p, mode="w+", dtype=np.float32, shape=(3, 4))
    assert m.shape == (3, 4) and m.dtype == nc.float32
    m[1] = 7.0
    memmap_flush(m)
    same(np.load(p)[1], np.full(4, 7.0, np.float32))
    del m
    r = open_memmap(p, mode="r")
    same(r, np.load(p))
    with pytest.raises(ValueError):
        r[0, 0] = 1.0
    c = open_memmap(p, mode="c")
    c[0, 0] = 5.0
    assert np.load(p)[0, 0] == 0.0
    rw = open_memmap(p)                           # r+: writes reach the file
    rw[2, 3] = -1.0
    del rw
    assert np.load(p)[2, 3] == -1.0
    ref = np.lib.format.open_memmap(tmp_path / "n.npy", mode="w+", dtype=np.int16, shape=(5,))
    ref[:] = np.arange(5)
    ref.flush()
    del ref
    same(open_memmap(tmp_path / "n.npy", mode="r"), np.arange(5, dtype=np.int16))
    with pytest.raises(ValueError):
        open_memmap(p, mode="w+")
