#!/usr/bin/python3
"""Fixtures for tests/test_more_routines.c (NumPy 1.24, Debian's python3):
writes tests/data/more/more.txt.

Each line: name dtype ndim d0 .. d{ndim-1} v0 v1 ... (values in C order; floats as repr).
A complex array is written as two lines, name_re and name_im (the parts' real dtype).
Lines named 'in_*' are inputs; 'shares_*' / 'issub' / 'mintype_*' lines are flat values."""
import os
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
out = []


def put(name, a):
    a = np.asarray(a)
    if a.dtype.kind == "c":
        put(name + "_re", a.real)
        put(name + "_im", a.imag)
        return
    vals = " ".join(repr(float(x)) if a.dtype.kind == "f" else str(int(x)) for x in a.ravel())
    shape = " ".join(map(str, a.shape))
    out.append(" ".join(x for x in (name, a.dtype.name, str(a.ndim), shape, vals) if x != ""))


def flat(name, values):
    out.append(name + " " + " ".join(str(v) for v in values))


rng = np.random.default_rng(16)
a = np.arange(24, dtype=np.int64).reshape(2, 3, 4)
put("in_a", a)

# ---- hsplit / vsplit / dsplit ---------------------------------------------------------------
for i, p in enumerate(np.hsplit(a, 3)):
    put(f"hsplit3_{i}", p)
for i, p in enumerate(np.hsplit(a, [1, -1])):
    put(f"hsplitat_{i}", p)
for i, p in enumerate(np.vsplit(a, 2)):
    put(f"vsplit2_{i}", p)
for i, p in enumerate(np.dsplit(a, [1, 3, 10])):
    put(f"dsplitat_{i}", p)
for i, p in enumerate(np.dsplit(a, 2)):
    put(f"dsplit2_{i}", p)
for i, p in enumerate(np.hsplit(np.arange(6, dtype=np.int64), 3)):
    put(f"hsplit1d_{i}", p)
for i, p in enumerate(np.hsplit(a[:, ::-1, ::2], 3)):  # negative and non-unit strides
    put(f"hsplitneg_{i}", p)
for i, p in enumerate(np.hsplit(np.zeros((0, 4)), 2)):
    put(f"hsplitempty_{i}", p)

# ---- rollaxis ------------------------------------------------------------------------------
put("roll_2", np.rollaxis(a, 2))
put("roll_0_3", np.rollaxis(a, 0, 3))
put("roll_1_m1", np.rollaxis(a, 1, -1))
put("roll_m1_1", np.rollaxis(a, -1, 1))
put("roll_neg", np.rollaxis(a[::-1, :, 1:3], 2, 1))

# ---- shares_memory: (name, base, expr a, expr b) with the view spelled as nd_view takes it -------
x = np.arange(24, dtype=np.float64).reshape(4, 6)
c = (np.arange(12) + 1j * np.arange(12)).reshape(3, 4)
pairs = [
    ("x", "::2", "1::2"), ("x", "::3", "1::2"), ("x", ":, ::2", ":, 1::2"), ("x", "1:3, 2:4", "2:, :3"),
    ("x", "0", "1"), ("x", "::-1, ::2", ":, 1::2"), ("x", "::-1, ::-2", ":, 1::2"), ("x", "0, 5", "1, 0"),
    ("x", "0, 5:", "1, :1"), ("x", "1:3, 1:3", "::3, ::3"), ("x", ":2", "2:"), ("x", "...", "::-1, ::-1"),
    ("x", ":0", "..."),
]
names = []
for i, (base, ea, eb) in enumerate(pairs):
    arr = {"x": x}[base]
    va, vb = eval(f"arr[{ea}]"), eval(f"arr[{eb}]")
    flat(f"shares_{i}", [int(np.shares_memory(va, vb)), int(np.may_share_memory(va, vb))])
flat("shares_real_imag", [int(np.shares_memory(c.real, c.imag)), int(np.may_share_memory(c.real, c.imag))])
flat("shares_real_imag_col", [int(np.shares_memory(c.real[:, 1], c.imag[:, 0])),
                              int(np.shares_memory(c.real[:, 1], c.imag[:, 1])),
                              int(np.shares_memory(c.imag[1:, ::2], c.real[:, 2]))])

# ---- in1d / isin / setdiff1d / setxor1d ---------------------------------------------------------
f = np.array([1.5, np.nan, -0.0, 3.0, 2.0, np.nan, 7.0, 1.5])
g = np.array([np.nan, 0.0, 1.5, 9.0])
i1 = np.array([[5, 1, 3], [7, 1, 9]], dtype=np.int32)
i2 = np.array([1, 9, 2], dtype=np.uint8)
put("in_f", f)
put("in_g", g)
put("in_i1", i1)
put("in_i2", i2)
put("in1d_fg", np.in1d(f, g))
put("in1d_fg_inv", np.in1d(f, g, invert=True))
put("in1d_i", np.in1d(i1, i2))
put("in1d_i_inv", np.in1d(i1, i2, invert=True))
put("in1d_if", np.in1d(i1, np.array([1.0, 7.5, 9.0])))
put("in1d_unique", np.in1d(np.array([3, 1, 4]), np.array([4, 5, 1]), assume_unique=True))
put("in1d_empty", np.in1d(np.array([], dtype=np.float64), g))
put("in1d_empty2", np.in1d(f, np.array([], dtype=np.float64)))
put("in1d_0d", np.in1d(np.array(1.5), g))
put("isin_i", np.isin(i1, i2))
put("isin_i_inv", np.isin(i1, i2, invert=True))
put("isin_noncontig", np.isin(i1[:, ::-2], i2))
put("isin_0d", np.isin(np.array(9.0), g))
put("setdiff_fg", np.setdiff1d(f, g))
put("setdiff_i", np.setdiff1d(i1, i2))
put("setdiff_i_float", np.setdiff1d(i1, np.array([1.0, 7.5])))
put("setdiff_unique", np.setdiff1d(np.array([3, 1, 4, 8]), np.array([4, 5, 1]), assume_unique=True))
put("setxor_fg", np.setxor1d(f, g))
put("setxor_i", np.setxor1d(i1, i2))
put("setxor_unique", np.setxor1d(np.array([3, 1, 4]), np.array([4, 5, 1]), assume_unique=True))
put("setxor_nan", np.setxor1d(np.array([np.nan]), np.array([np.nan])))
put("setxor_empty", np.setxor1d(np.array([], dtype=np.int64), np.array([], dtype=np.int64)))

# ---- msort / sort_complex ---------------------------------------------------------------------
m = rng.integers(-9, 9, size=(4, 3)).astype(np.float64)
m[1, 2] = np.nan
put("in_m", m)
put("msort_m", np.msort(m))
put("msort_neg", np.msort(m[::-1, ::-2]))
z = np.array([[3 + 1j, 1 - 2j, 1 + 2j, np.nan + 0j], [2j, -1 + 0j, 0j, 1j * np.nan]])
put("in_z", z)
put("sortc_z", np.sort_complex(z))
put("sortc_u8", np.sort_complex(np.array([200, 3, 77], dtype=np.uint8)))
put("sortc_f32", np.sort_complex(np.array([[2.5, -1.0], [0.5, 0.25]], dtype=np.float32)))
put("sortc_i64", np.sort_complex(np.array([9, -3, 4], dtype=np.int64)))

# ---- issubdtype and mintypecode -------------------------------------------------------------------
dts = [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
       np.float32, np.float64, np.complex64, np.complex128]
kinds = [np.generic, np.number, np.integer, np.signedinteger, np.unsignedinteger, np.inexact, np.floating,
         np.complexfloating, np.bool_]
every = dts + kinds
flat("issub", [int(np.issubdtype(p, q)) for p in every for q in every])
for i, (tc, ts, d) in enumerate([("fdF", "GDFgdf", "d"), ("ifQ", "GDFgdf", "d"), ("ii", "GDFgdf", "d"),
                                 ("fd", "Gg", "d"), ("fd", "Gg", "G"), ("bhf", "GDFgdf", "d"),
                                 ("Dd", "GDFgdf", "d"), ("lLh", "lLhH", "d"), ("", "GDFgdf", "F")]):
    flat(f"mintype_{i}", [ord(np.mintypecode(tc, ts, d))])

# ---- tensorinv / tensorsolve -----------------------------------------------------------------------
t = rng.normal(size=(4, 6, 8, 3))
put("in_t", t)
put("tinv_2", np.linalg.tensorinv(t, ind=2))
t1 = rng.normal(size=(6, 2, 3))
put("in_t1", t1)
put("tinv_1", np.linalg.tensorinv(t1, ind=1))
s = rng.normal(size=(6, 4, 2, 3, 4))
sb = rng.normal(size=(6, 4))
put("in_s", s)
put("in_sb", sb)
put("tsolve", np.linalg.tensorsolve(s, sb))
s2 = rng.normal(size=(2, 3, 6, 4, 4))
put("in_s2", s2)
put("tsolve_axes", np.linalg.tensorsolve(s2, sb, axes=(0, 1, 3)))
put("tsolve_axes_rep", np.linalg.tensorsolve(np.moveaxis(s2, 3, 0), sb, axes=(1, 2, 0, 0)))

# ---- routines that exist elsewhere, checked for NumPy's edge cases ----------------------------------
put("geom_neg", np.geomspace(-1, -1000, 4))
put("geom_desc", np.geomspace(8, 2, 3))
put("geom_one", np.geomspace(1, 1000, 1))
put("geom_noend", np.geomspace(1, 16, 4, endpoint=False))
put("logsp_base2", np.logspace(0, 3, 4, base=2))
put("logsp_noend", np.logspace(2, 3, 4, endpoint=False))
put("logsp_f32", np.logspace(0, 2, 3, dtype=np.float32))
put("nan2num_opts", np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0]), nan=5, posinf=7, neginf=-9))
put("nan2num_dflt", np.nan_to_num(np.array([np.nan, np.inf, -np.inf, 1.0])))
put("nan2num_c", np.nan_to_num(np.array([complex(np.nan, np.inf), complex(-np.inf, 2)]), nan=1, posinf=2, neginf=3))
put("nan2num_int", np.nan_to_num(np.array([3, -4], dtype=np.int16)))
r = np.array([1234.5678, -1250.0, 1350.0, 15.0, -0.4, 2.675])
put("in_r", r)
put("round_m2", np.round(r, -2))
put("round_m1", np.round(r, -1))
put("round_2", np.round(r, 2))
put("round_i_m1", np.round(np.array([12, 15, 25, -35, -45], dtype=np.int64), -1))
put("round_i8_m1", np.round(np.array([125, -125, 14], dtype=np.int8), -1))
put("round_i_2", np.round(np.array([12, 15], dtype=np.int32), 2))
put("round_f32_m1", np.round(np.array([15.0, 25.0, 1234.5], dtype=np.float32), -1))
put("ediff_opts", np.ediff1d(np.array([[1, 4], [9, 16]]), to_end=np.array([100, 200]), to_begin=-5))
put("ediff_empty", np.ediff1d(np.array([], dtype=np.float64), to_begin=np.array([1.0])))
put("real_c", c.real)
put("imag_c", c.imag[::-1, 1::2])

# ---- asarray / frombuffer / fromiter / fastCopyAndTranspose ------------------------------------------
buf = bytes(range(16))
put("frombuf_i32_off4", np.frombuffer(buf, dtype=np.int32, offset=4))
put("frombuf_u16_cnt3", np.frombuffer(buf, dtype=np.uint16, count=3, offset=2))
put("frombuf_end", np.frombuffer(buf, dtype=np.int32, offset=16))
put("fromiter_i8", np.fromiter(iter([1.9, -2.5, 300.0]), dtype=np.float32))
put("fromiter_cnt2", np.fromiter(iter([1, 2, 3]), dtype=np.int16, count=2))
put("fastcat", np.fastCopyAndTranspose(a[:, ::-1, 1]))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "more", "more.txt")
with open(path, "w") as fh:
    fh.write("\n".join(out) + "\n")
print(f"wrote {len(out)} lines to {os.path.normpath(path)}", file=sys.stderr)
