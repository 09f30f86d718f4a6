#!/usr/bin/python3
"""Fixtures of numpy.emath (numpy.lib.scimath) for tests/test_emath.c (issue 16).

    /usr/bin/python3 tests/data/ufunc/gen_emath.py      (NumPy 1.24)

Writes tests/data/ufunc/emath/*.npy and manifest.txt, one case per line:

    FUNC CASE VIEW IN1 IN2 OUT

FUNC is the numc function (nd_emath_FUNC); IN1 / IN2 name in_*.npy files (IN2 is "-" for
the unary functions; for logn IN1 is n and IN2 is x, as in logn(n, x)); a name starting
with "s:" is a Python scalar instead (s:f:-2.0, s:i:-2) that the test passes as a C
scalar. VIEW is "-" or a slice string the test applies to IN1 with nd_view before the
call (negative strides, non-contiguous input); OUT names the expected out_*.npy.
"""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "emath")
os.makedirs(OUT, exist_ok=True)
for fn in os.listdir(OUT):
    if fn.endswith(".npy") or fn == "manifest.txt":
        os.remove(fn if os.path.isabs(fn) else os.path.join(OUT, fn))

inputs = {}


def inp(name, a):
    a = np.asarray(a)
    inputs[name] = a
    np.save(os.path.join(OUT, "in_%s.npy" % name), a)
    return name


special = [0.0, -0.0, 1.0, 4.0, np.inf, -np.inf, np.nan, 0.25]
inp("pos_f64", np.array([0.0, 0.25, 1.0, 2.0, 4.0, 9.0, 1e300, np.inf, np.nan]))
inp("mixed_f64", np.array([-4.0, -1.0, -0.5, 0.0, -0.0, 0.5, 1.0, 2.0, 9.0, np.nan, -np.inf, np.inf]))
inp("unit_f64", np.array([-1.0, -0.5, -0.0, 0.0, 0.25, 0.5, 0.999, 1.0, np.nan]))
inp("pos_f32", np.array([0.0, 0.25, 1.0, 2.0, 4.0, 9.0], dtype=np.float32))
inp("unit_f32", np.array([-1.0, -0.5, 0.0, 0.25, 0.5, 1.0], dtype=np.float32))
inp("mixed_f32", np.array([-4.0, -1.0, -0.5, 0.0, 0.5, 2.0, 9.0], dtype=np.float32))
inp("pos_i64", np.array([1, 2, 4, 9, 16, 100], dtype=np.int64))
inp("unit_i64", np.array([-1, 0, 1], dtype=np.int64))
inp("mixed_i64", np.array([-9, -4, -1, 0, 1, 4, 9], dtype=np.int64))
inp("mixed_i32", np.array([-9, -4, -1, 1, 4, 9], dtype=np.int32))
inp("mixed_i16", np.array([-9, -4, -1, 1, 4, 9], dtype=np.int16))
inp("c128", np.array([-4 + 0j, 1 + 1j, -1 - 1j, 0.5 + 0j, 2 - 3j, 0j]))
inp("c64", np.array([-4 + 0j, 1 + 1j, -1 - 1j, 0.5 + 0j], dtype=np.complex64))
inp("empty_f64", np.zeros(0))
inp("neg_0d", np.array(-4.0))
inp("pos_0d", np.array(0.25))
inp("mixed_2d", np.array([[-4.0, 1.0, 0.5], [2.0, -0.25, 9.0], [0.0, 16.0, -1.5], [0.75, 3.0, -2.0]]))
inp("pos_2d", np.array([[0.25, 1.0, 0.5], [2.0, 0.75, 9.0], [0.0, 16.0, 1.5], [0.75, 3.0, 0.125]]))
inp("unit_2d", np.array([[-0.25, 1.0, 0.5], [0.0, 0.75, -0.9], [0.1, -1.0, 0.3], [0.75, 0.2, 0.125]]))
# logn's n and power's p
inp("n_f64", np.array([2.0, 10.0, 0.5, 3.0]))
inp("n_mixed", np.array([2.0, -2.0, 10.0, -0.5]))
inp("x4_f64", np.array([8.0, -100.0, 4.0, 27.0]))
inp("x4_pos", np.array([8.0, 100.0, 4.0, 27.0]))
inp("p_i64", np.array([2, -1, 3, -2], dtype=np.int64))
inp("p_f64", np.array([0.5, -1.5, 2.0, 1.0 / 3.0]))
inp("x4_i64", np.array([2, 3, -4, 5], dtype=np.int64))
inp("x4_ipos", np.array([2, 3, 4, 5], dtype=np.int64))

lines = []
nout = [0]


def scalar(tok):
    kind, val = tok.split(":")[1:]
    return float(val) if kind == "f" else int(val)


def arg(tok, view=None):
    if tok.startswith("s:"):
        return scalar(tok)
    a = inputs[tok]
    if view is not None:
        a = eval("a[%s]" % view) if view != "T" else a.T
    return a


def case(func, cname, in1, in2="-", view="-"):
    f = getattr(np.emath, func)
    a1 = arg(in1, None if view == "-" else view)
    with np.errstate(all="ignore"):
        r = f(a1) if in2 == "-" else f(a1, arg(in2))
    r = np.asarray(r)
    name = "%s_%s" % (func, cname)
    np.save(os.path.join(OUT, "out_%s.npy" % name), r)
    lines.append("%s %s %s %s %s %s" % (func, cname, view, in1, in2, name))


unary = ["sqrt", "log", "log2", "log10", "arccos", "arcsin", "arctanh"]
for fn in unary:
    dom = "unit" if fn in ("arccos", "arcsin", "arctanh") else "pos"
    case(fn, "real_f64", dom + "_f64")
    case(fn, "mixed_f64", "mixed_f64")
    case(fn, "real_f32", dom + "_f32")
    case(fn, "mixed_f32", "mixed_f32")
    case(fn, "real_i64", dom + "_i64")
    case(fn, "mixed_i64", "mixed_i64")
    case(fn, "mixed_i32", "mixed_i32")
    case(fn, "mixed_i16", "mixed_i16")
    case(fn, "c128", "c128")
    case(fn, "c64", "c64")
    case(fn, "empty", "empty_f64")
    case(fn, "neg_0d", "neg_0d")
    case(fn, "pos_0d", "pos_0d")
    case(fn, "reversed", "mixed_f64", view="::-1")
    case(fn, "strided", "mixed_f64", view="1::3")
    case(fn, "transposed", "mixed_2d", view="T")
    case(fn, "real_transposed", dom + "_2d", view="T")
    case(fn, "real_reversed", dom + "_f64", view="::-2")


# logn(n, x): log(x) / log(n)
case("logn", "n2_mixed", "s:i:2", "mixed_f64")
case("logn", "n2_pos", "s:i:2", "pos_f64")
case("logn", "nneg_pos", "s:i:-2", "pos_f64")
case("logn", "n2f_f32", "s:f:2.0", "pos_f32")
case("logn", "n2_mixedf32", "s:i:2", "mixed_f32")
case("logn", "arrays", "n_f64", "x4_pos")
case("logn", "arrays_mixed", "n_mixed", "x4_f64")
case("logn", "n_0d", "pos_0d", "pos_f64")
case("logn", "n_reversed", "n_f64", "x4_f64", view="::-1")

# power(x, p)
case("power", "half_mixed", "mixed_f64", "s:f:0.5")
case("power", "half_pos", "pos_f64", "s:f:0.5")
case("power", "int_negp", "x4_ipos", "p_i64")
case("power", "int_negx", "x4_i64", "p_i64")
case("power", "f32_half", "mixed_f32", "s:f:0.5")
case("power", "f32_posonly", "pos_f32", "s:i:2")
case("power", "arrays", "x4_f64", "p_f64")
case("power", "c128", "c128", "s:f:0.5")
case("power", "neg_0d", "neg_0d", "s:f:0.5")
case("power", "reversed", "mixed_f64", "s:i:2", view="::-1")

with open(os.path.join(OUT, "manifest.txt"), "w") as f:
    f.write("\n".join(lines) + "\n")
print("wrote %d cases to %s" % (len(lines), OUT))
