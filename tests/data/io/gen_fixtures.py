#!/usr/bin/python3
"""Make the NumPy-written fixtures of tests/test_io_*.c (run with /usr/bin/python3).

    /usr/bin/python3 tests/data/io/gen_fixtures.py

Values follow formulas the C tests recompute (see values() and tests/io_fixtures.h):
element k (C-order flat index of the logical array) is
    bool      k % 3 == 0
    integers  (k * 0x0123456789ABCDEF - 100) wrapped to the width (two's complement)
    floats    (k*3 - 7)/4 + (1/3)*k            (float32: that double rounded)
    complex   fval(k) + 1j * fval(k + 100)
"""
import os
import pickle
import zipfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
NPY = os.path.join(HERE, "npy")
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]
SHAPE = (2, 3, 4)
K = 0x0123456789ABCDEF


def fval(k):
    return (k * 3 - 7) / 4.0 + (1.0 / 3.0) * k


def values(name, n):
    dt = np.dtype(name)
    if dt.kind == "b":
        return np.array([k % 3 == 0 for k in range(n)], dtype=dt)
    if dt.kind in "iu":
        bits = dt.itemsize * 8
        out = []
        for k in range(n):
            v = (k * K - 100) % (1 << bits)
            if dt.kind == "i" and v >= 1 << (bits - 1):
                v -= 1 << bits
            out.append(v)
        return np.array(out, dtype=dt)
    if dt.kind == "f":
        return np.array([fval(k) for k in range(n)], dtype=np.float64).astype(dt)
    return np.array([complex(fval(k), fval(k + 100)) for k in range(n)], dtype=dt)


def arr(name, shape=SHAPE):
    return values(name, int(np.prod(shape))).reshape(shape)


def main():
    os.makedirs(NPY, exist_ok=True)
    for name in DTYPES:
        for order in "CF":
            for bo, code in (("le", "<"), ("be", ">")):
                a = arr(name)
                a = a.astype(a.dtype.newbyteorder(code)) if a.dtype.itemsize > 1 else a
                if order == "F":
                    a = np.asfortranarray(a)
                np.save(os.path.join(NPY, f"{name}_{order}_{bo}.npy"), a)
    # Format versions 1.0, 2.0 and 3.0 of one array.
    a = arr("float64", (3, 5))
    for v in (1, 2, 3):
        with open(os.path.join(NPY, f"version{v}.npy"), "wb") as f:
            np.lib.format.write_array(f, a, version=(v, 0))
    # 0-d, empty and many-dimensional arrays.
    np.save(os.path.join(NPY, "scalar_f64.npy"), np.array(3.5))
    np.save(os.path.join(NPY, "scalar_i32.npy"), np.array(-7, dtype=np.int32))
    np.save(os.path.join(NPY, "empty_1d.npy"), np.zeros((0,)))
    np.save(os.path.join(NPY, "empty_3x0.npy"), np.zeros((3, 0), dtype=np.int16))
    np.save(os.path.join(NPY, "empty_0x5_F.npy"), np.asfortranarray(np.zeros((0, 5), dtype=np.complex64)))
    shape32 = (1,) * 15 + (2,) + (1,) * 15 + (2,)
    np.save(os.path.join(NPY, "dims32.npy"), arr("int32", shape32))
    special = np.array([0.1, -0.0, np.inf, -np.inf, np.nan, 5e-324, 2.2250738585072014e-308,
                        1.7976931348623157e308, 1 / 3, -2.5e-300])
    np.save(os.path.join(NPY, "special_f64.npy"), special)
    # A strided view is saved in C order; a transposed one in Fortran order.
    np.save(os.path.join(NPY, "transposed.npy"), arr("int64", (3, 4)).T)
    # Python 2 era header with long integers "(3L,)".
    body = values("int32", 3).astype("<i4").tobytes()
    hdr = "{'descr': '<i4', 'fortran_order': False, 'shape': (3L,), }"
    hdr += " " * (64 - (10 + len(hdr) + 1) % 64) + "\n"
    with open(os.path.join(NPY, "py2_long_shape.npy"), "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + len(hdr).to_bytes(2, "little") + hdr.encode() + body)

    # Files numc must refuse, each with its own message.
    bad = os.path.join(HERE, "bad")
    os.makedirs(bad, exist_ok=True)
    np.save(os.path.join(bad, "float16.npy"), np.arange(4, dtype=np.float16))
    np.save(os.path.join(bad, "object.npy"), np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
    np.save(os.path.join(bad, "unicode.npy"), np.array(["ab", "c"]))
    np.save(os.path.join(bad, "structured.npy"), np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")]))
    with open(os.path.join(bad, "pickle.npy"), "wb") as f:
        pickle.dump([1, 2, 3], f, protocol=2)

    # .npz: stored and deflated, numpy's own writer (zip64 local headers).
    members = {"a": arr("int64", (10,)), "b": arr("float64", (2, 3)),
               "c": np.array(complex(1.5, -2)), "fortran": np.asfortranarray(arr("float32", (3, 4))),
               "empty": np.zeros((0, 3))}
    np.savez(os.path.join(HERE, "stored.npz"), **members)
    np.savez_compressed(os.path.join(HERE, "deflated.npz"), **members)
    # A member that is not .npy, and a non-default archive comment.
    with zipfile.ZipFile(os.path.join(HERE, "mixed.npz"), "w") as z:
        z.writestr("notes.txt", "hello")
        with z.open("x.npy", "w") as f:
            np.lib.format.write_array(f, arr("uint16", (5,)))
        z.comment = b"made by gen_fixtures.py"

    # CSV written by numpy.savetxt, with the array it came from (bit-exact parsing).
    rng = np.random.default_rng(7)
    x = rng.standard_normal((200, 3)) * np.array([1.0, 1e-5, 1e12])
    x[0] = [5e-324, 1.7976931348623157e308, -0.0]
    np.save(os.path.join(HERE, "normals.npy"), x)
    np.savetxt(os.path.join(HERE, "normals_18e.csv"), x, delimiter=",", header="a,b,c", comments="")
    np.savetxt(os.path.join(HERE, "normals_17g.txt"), x, fmt="%.17g")
    with open(os.path.join(HERE, "normals_repr.csv"), "w") as f:
        for row in x:
            f.write(",".join(repr(float(v)) for v in row) + "\n")
    z = (rng.standard_normal((20, 2)) + 1j * rng.standard_normal((20, 2)))
    np.save(os.path.join(HERE, "complex.npy"), z)
    np.savetxt(os.path.join(HERE, "complex.txt"), z)
    ints = rng.integers(-2**62, 2**62, size=(30, 4), dtype=np.int64)
    np.save(os.path.join(HERE, "ints.npy"), ints)
    np.savetxt(os.path.join(HERE, "ints.csv"), ints, fmt="%d", delimiter=";")


if __name__ == "__main__":
    main()
