#!/usr/bin/python3
"""Generate the dtype fixtures from NumPy (run: /usr/bin/python3 tests/data/dtype/gen.py).

Writes next to this script:
  promote.txt   13 lines of 13 names: np.promote_types(row, col)
  can_cast.txt  "from to no equiv safe same_kind unsafe" with 0/1 from np.can_cast
  names.txt     "name result": the NumPy dtype name, or "-" when NumPy rejects the
                string or gives a dtype numc does not have (float16, big-endian, ...)
  cast.txt      "src srchex dsthex*13": one source value and its astype() to every
                dtype in enum order; hex is the element's bytes in memory order

Casts are taken from a strided (non-contiguous) source. For finite in-range values
every NumPy path agrees; out of range (NaN, inf, too large) the result is
platform-defined, and NumPy's strided loop on x86-64 gives the plain C conversion
as the x86 SSE instructions do it, which is the rule numc implements. (NumPy's
contiguous SIMD loop differs only for float->uint32 out of range.)
"""
import os
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32",
         "uint64", "float32", "float64", "complex64", "complex128"]
CASTINGS = ["no", "equiv", "safe", "same_kind", "unsafe"]


def write(name, lines):
    with open(os.path.join(HERE, name), "w") as f:
        f.write("".join(line + "\n" for line in lines))


def promote():
    return [" ".join(np.promote_types(a, b).name for b in TYPES) for a in TYPES]


def can_cast():
    out = []
    for a in TYPES:
        for b in TYPES:
            bits = " ".join(str(int(np.can_cast(a, b, casting=c))) for c in CASTINGS)
            out.append(f"{a} {b} {bits}")
    return out


NAMES = [
    # NumPy's own names and the aliases it accepts
    *TYPES, "int", "uint", "float", "complex", "double", "single", "byte", "ubyte",
    "short", "ushort", "intc", "uintc", "long", "ulong", "longlong", "ulonglong",
    "intp", "uintp", "int_", "float_", "complex_", "bool_", "csingle", "cdouble",
    "cfloat", "singlecomplex",
    # type strings and character codes
    "?", "b1", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "f4", "f8", "c8", "c16",
    "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "p", "P", "f", "d", "F", "D",
    # byte-order prefixes
    "<f8", "=f8", "|f8", ">f8", "<c16", "=c8", "|i4", "<i8", ">i4", ">h", "<h", "=u2",
    "<?", ">?", "=?", "|b1", "<b1", ">b1", ">i1", "|i1", ">u1", ">b", ">B", "<d", "<f",
    ">c8", ">u8", "=d", "|?",
    # what NumPy accepts but numc has no dtype for, and what NumPy rejects
    "float16", "f2", "e", "half", "float128", "f16", "g", "longdouble", "complex256",
    "c32", "G", "object", "O", "S1", "U", "V8", "M8", "m8", "c", "U7", "<U2", "|S4", "a3",
    "datetime64[ms]", "M8[2h]", "timedelta64", "<m8[us]", "str", "bytes", "M8[", "U-1",
    "xyz", "Int8", "UINT8", "Float64", "i3", "f1", "c4", "b2", "u", "?1", "B1", "q8",
    "l8", "d8", "int7", "uint128", "<", ">", "||f8", "<float64", "=int32", "|bool",
    "<int", "float64x", "ii8",
]  # names holding spaces are tested in C: this file is split on whitespace


def names():
    out = []
    for n in NAMES:
        try:
            d = np.dtype(n)
            if d.kind in "MmSU":  # the flexible dtypes: str(dtype) ("datetime64[D]", "<U3")
                res = str(d) if d.isnative else "-"
            else:
                res = d.name if (d.isnative and d.name in TYPES) else "-"
        except TypeError:
            res = "-"
        out.append(f"{n} {res}")
    return out


def int_values(t):
    info = np.iinfo(t)
    cand = [0, 1, -1, 2, 3, -3, 7, -7, 42, -42, 100, -100, 126, -127, 127, 128, -128,
            -129, 200, 254, 255, 256, 300, -300,
            32767, 32768, -32768, -32769, 65535, 65536, 100000, -100000,
            2**24 + 1, -(2**24 + 1), 2**31 - 1, 2**31, -2**31, -2**31 - 1,
            2**32 - 1, 2**32, 2**53 + 1, -(2**53 + 1), 2**62 + 2**40 + 1,
            2**63 - 1, -2**63, -2**63 + 1, 2**63, 2**63 + 1, 2**64 - 1, 2**64 - 2**10 - 1,
            123456789, -987654321, 0x7FFFFF7FFFFFFFFF]
    vals = [v for v in cand if info.min <= v <= info.max]
    vals += [info.min, info.max]
    return sorted(set(vals))


FLOAT_VALUES = [
    0.0, -0.0, 0.5, -0.5, 0.9999, 1.0, 1.5, -1.5, 2.5, -2.7, 3.14159265358979, 0.1,
    1.0 / 3, 127.9, 128.0, -128.9, -129.0, 255.5, 256.0, 300.0, -300.0, 32767.5,
    -32768.9, 65535.9, 65536.0, 2.0**31 - 1, 2.0**31 - 0.5, 2.0**31, -2.0**31,
    -2.0**31 - 1, 4294967295.0, 2.0**32, -2.0**32, 1e10, -1e10, 16777217.0,
    2.0**53 + 2, 2.0**62, 2.0**63 - 1024, 2.0**63, -2.0**63, 2.0**63 + 2048,
    2.0**64 - 2048, 2.0**64, -2.0**64, 1e30, -1e30, 1e300, -1e300, 3.4028234663852886e38,
    1e-45, 1e-310, float("inf"), float("-inf"), float("nan"), -float("nan"), 1234.5678,
]

COMPLEX_VALUES = [
    (0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (-0.0, -0.0), (-1.5, 2.5), (2.7, -3.9),
    (float("nan"), 0.0), (0.0, float("nan")), (float("inf"), -float("inf")),
    (300.7, -1.0), (1e300, 1e-300), (-2.7, 0.0), (1e10, 5.0), (2.0**63, 0.0),
    (-1.0, 0.0), (65535.9, 1e30), (16777217.0, -16777217.0), (0.1, 0.2),
    (-2.0**31 - 1, 7.0), (1e-45, -1e-310), (255.5, -0.5),
]


def source_values(t):
    dt = np.dtype(t)
    if dt.kind == "b":
        return np.array([False, True])
    if dt.kind in "iu":
        return np.array(int_values(t), dtype=object).astype(t)
    if dt.kind == "f":
        return np.array(FLOAT_VALUES).astype(t)
    return np.array([complex(r, i) for r, i in COMPLEX_VALUES]).astype(t)


def strided(a):
    buf = np.zeros(2 * len(a), dtype=a.dtype)
    buf[::2] = a
    return buf[::2]


def cast():
    out = []
    ndiff = 0
    for s in TYPES:
        src = strided(source_values(s))
        res = [strided(src).astype(d) for d in TYPES]
        for d, r in zip(TYPES, res):
            c = src.copy().astype(d)  # contiguous loop, for the report below
            same = (c.view(np.uint8) == r.view(np.uint8)).reshape(len(r), -1).all(1)
            if d.startswith(("float", "complex")):
                same |= np.isnan(c) & np.isnan(r)
            ndiff += int((~same).sum())
        for k in range(len(src)):
            hexes = [src[k:k + 1].tobytes().hex()] + [r[k:k + 1].tobytes().hex() for r in res]
            out.append(s + " " + " ".join(hexes))
    print(f"cast.txt: {len(out)} source values; {ndiff} results differ between NumPy's "
          f"strided and contiguous loops (platform-defined, out of range)")
    return out


def main():
    warnings.simplefilter("ignore")  # ComplexWarning, overflow RuntimeWarnings
    write("promote.txt", promote())
    write("can_cast.txt", can_cast())
    write("names.txt", names())
    write("cast.txt", cast())
    print("numpy", np.__version__)


if __name__ == "__main__":
    main()
