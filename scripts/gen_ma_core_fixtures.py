#!/usr/bin/python3
"""Fixtures for tests/test_ma_core.c (NumPy 1.24, Debian's python3): writes
tests/data/ma/core.txt.

Array lines: name dtype ndim d0 .. d{ndim-1} v0 v1 ... (scripts/fixture_text.py).
A masked result `r` is four lines: r_d (the data), r_m (the full mask, getmaskarray),
and the flat lines r_nomask (1 when the mask is nomask) and r_fill (the fill value).
Lines named in_* are inputs; txt_* lines are CSV texts with '|' for each line end."""
import io
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_text import fixture_line  # noqa: E402
from ma_fixture_lines import flat, ma, out, put, put_ma  # noqa: E402

warnings.simplefilter("ignore")


def put_mask(name, mk):
    """A make_mask / mask_or result: the bool array, or nomask (name_nomask 1)."""
    flat(name + "_nomask", int(mk is ma.nomask))
    if mk is not ma.nomask:
        put(name, mk)


# ---- inputs -----------------------------------------------------------------------------
f = np.array([[1.5, np.nan, -2.0, 3.0],
              [np.inf, 0.0, 1.5 + 1e-6, -np.inf],
              [2.0, 4.5, 1.5, -1.0]])
i = np.array([[3, -1, 2, 7, 2], [0, 5, 2, -4, 9]], dtype=np.int64)
u8 = np.array([0, 3, 250, 3, 17], dtype=np.uint8)
f32 = np.array([1.0, np.nan, 2.5, np.inf, 0.1], dtype=np.float32)
b = np.array([True, False, True, True])
cond = np.array([[True, False, False, True], [False, False, True, False],
                 [False, True, False, False]])
condf = np.array([[0.0, np.nan, 0.0, 2.0], [0.0, 0.0, 0.0, 0.0], [-1.0, 0.0, 0.0, 0.0]])
for name, a in [("in_f", f), ("in_i", i), ("in_u8", u8), ("in_f32", f32), ("in_b", b),
                ("in_cond", cond), ("in_condf", condf)]:
    put(name, a)

# ---- make_mask / mask_or ------------------------------------------------------------------
put_mask("mk_f", ma.make_mask(f))
put_mask("mk_i", ma.make_mask(i))
put_mask("mk_zero", ma.make_mask(np.zeros(3)))
put_mask("mk_zero_full", ma.make_mask(np.zeros(3), shrink=False))
put_mask("mk_b", ma.make_mask(b))
m1 = np.array([[True, False, False], [False, False, False]])
m2 = np.array([False, True, False])
put("in_m1", m1)
put("in_m2", m2)
put_mask("or_bc", ma.mask_or(m1, m2))
put_mask("or_nomask_i", ma.mask_or(ma.nomask, i))
put_mask("or_false", ma.mask_or(np.zeros(3, bool), np.zeros(3, bool)))
put_mask("or_false_full", ma.mask_or(np.zeros(3, bool), np.zeros(3, bool), shrink=False))

# ---- masked_where and the comparisons --------------------------------------------------------
put_ma("where_b", ma.masked_where(cond, f))
put_ma("where_f", ma.masked_where(condf, f))
put_ma("where_0d_t", ma.masked_where(np.array(True), i))
put_ma("where_0d_f", ma.masked_where(np.array(False), i))
put_ma("where_none", ma.masked_where(np.zeros((3, 4), bool), f))
put_ma("inv_f", ma.masked_invalid(f))
put_ma("inv_i", ma.masked_invalid(i))
put_ma("inv_f32", ma.masked_invalid(f32))
put_ma("inv_fv", ma.masked_invalid(f[:, ::2]))  # a non-contiguous view
put_ma("inv_empty", ma.masked_invalid(np.zeros((0, 3))))
put_ma("where_empty", ma.masked_where(np.zeros((0, 3), bool), np.zeros((0, 3))))
put_ma("eq_f", ma.masked_equal(f, 1.5))
put_ma("eq_i", ma.masked_equal(i, 2))
put_ma("eq_i_frac", ma.masked_equal(i, 2.5))
put_ma("eq_u8", ma.masked_equal(u8, 3.0))
put_ma("eq_b", ma.masked_equal(b, 1.0))
put_ma("eq_f32", ma.masked_equal(f32, 0.1))  # compared in float32 (value-based casting)
put_ma("ne_f", ma.masked_not_equal(f, 1.5))
put_ma("gt_f", ma.masked_greater(f, 1.5))
put_ma("ge_i", ma.masked_greater_equal(i, 2))
put_ma("lt_f", ma.masked_less(f, 0.0))
put_ma("le_i", ma.masked_less_equal(i, 2))
put_ma("gt_none", ma.masked_greater(i, 100))
put_ma("in_f_r", ma.masked_inside(f, 3.0, -1.0))
put_ma("out_f", ma.masked_outside(f, -1.0, 3.0))
put_ma("in_i_r", ma.masked_inside(i, 5, 2))
put_ma("out_u8", ma.masked_outside(u8, 3, 200))
put_ma("val_f", ma.masked_values(f, 1.5))
put_ma("val_f_atol", ma.masked_values(f, 1.5, rtol=0.0, atol=0.6))
put_ma("val_f_none", ma.masked_values(f, 100.0))
put_ma("val_f_none_full", ma.masked_values(f, 100.0, shrink=False))
put_ma("val_f_inf", ma.masked_values(f, np.inf))
put_ma("val_i", ma.masked_values(i, 2.0))
put_ma("val_i_frac", ma.masked_values(i, 2.5))
put_ma("val_f32", ma.masked_values(f32, 2.5))


def zeroed(m):
    """masked_all's data is np.empty's (arbitrary); numc's is zeros."""
    m.data[...] = 0
    return m


put_ma("all_i32", zeroed(ma.masked_all((2, 3), dtype=np.int32)))
put_ma("all_0d", zeroed(ma.masked_all((), dtype=np.float64)))
put_ma("all_like_u8", zeroed(ma.masked_all_like(u8)))
put_ma("fix_f", ma.fix_invalid(f))
put_ma("fix_mask", ma.fix_invalid(ma.array(f, mask=cond, fill_value=-7.0)))
put_ma("fix_i", ma.fix_invalid(i))

# ---- the base: masks, fill values, views, getting data out -----------------------------------
x = np.arange(12, dtype=np.float64).reshape(3, 4)
xm = np.array([[False, True, False, False], [True, True, False, False],
               [False, False, False, True]])
put("in_x", x)
put("in_xm", xm)
put_ma("arr_bcast", ma.array(np.arange(6.0).reshape(2, 3),
                             mask=np.broadcast_to(np.array([True, False, True]), (2, 3))))
put_ma("arr_0dmask", ma.array(np.arange(6.0).reshape(2, 3),
                              mask=np.broadcast_to(np.array(True), (2, 3))))
m = ma.array(x, mask=xm)
put("count_all", np.asarray(m.count(), dtype=np.int64))
put("count_0", m.count(axis=0))
put("count_1k", m.count(axis=1, keepdims=True))
flat("count_masked", ma.count_masked(m))
put("compressed", m.compressed())
put("compressed_t", m.T.compressed())
put("filled", m.filled())
put("filled_m5", m.filled(-5.0))
put("filled_nan", m.astype(np.float64).filled(np.nan))
put_ma("view", m[1:3, ::2])
put_ma("transpose", m.T)
put_ma("ravel", m.ravel())
put_ma("reshape", m.reshape(2, 6))
put_ma("take", m.ravel()[np.array([11, 0, 5, 1])])
put_ma("take_bool", m.ravel()[np.arange(12) % 3 == 0])
s = m.copy()
v = s[1:3, ::2]
v[0, 1] = ma.masked
v[1, 0] = 99.0           # unmasks [2, 0] of s, sets its data
put_ma("viewset", s)
h = ma.array(x.copy(), mask=xm, hard_mask=True)
h[0, 1] = 50.0           # stays masked, data unchanged
h[0, 0] = 60.0
put_ma("hard", h)
# default fill values and filled() per dtype (NumPy casts 999999 into small ints)
for dt in ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
           "float32", "float64"]:
    d = ma.array(np.array([1, 0], dtype=dt), mask=[False, True])
    put("dflt_" + dt, d.filled())
    flat("dfltv_" + dt, ma.default_fill_value(np.dtype(dt)))

# ---- genfromtxt(usemask=True) ----------------------------------------------------------------
def put_gft(name, m):
    """Under the mask numc holds the filling value where NumPy keeps a numeric token's
    own value (-999): the data is compared filled with NaN."""
    put_ma(name, m)
    out[-4] = fixture_line(name + "_d", m.filled(np.nan))


def gft(name, text, **kw):
    out.append("txt_" + name + " " + text.replace("\n", "|"))
    put_gft("gft_" + name, np.genfromtxt(io.StringIO(text), delimiter=",", usemask=True, **kw))


gft("header", "a,b,c\n1,,3\n4,5,\n7,8,9\n", skip_header=1)
gft("tokens", "1,NA,3\nNA,5,6\n7,8,-999\n", missing_values="NA,-999")
gft("allmissing", "1,,3\n4,,6\n7,,9\n")
gft("filling", "1,,3\n,5,6\n", filling_values=-1.0)
gft("onecol", "1\nNA\n3\n", missing_values="NA")
gft("unparsable", "1,abc,3\n4,,6\n")
gft("nomissing", "1,2\n3,4\n")
# ragged rows: numc pads short rows with missing cells (.ragged_fill); NumPy reads the
# padded text the same way
out.append("txt_ragged 1,2,3|4,5|6|")
put_gft("gft_ragged", np.genfromtxt(io.StringIO("1,2,3\n4,5,\n6,,\n"), delimiter=",",
                                   usemask=True))

# ---- .npz written by NumPy (the layout of nd_ma_save), as hex bytes ----------------------
def npz_hex(name, m):
    buf = io.BytesIO()
    np.savez(buf, data=m.data, mask=ma.getmaskarray(m), fill_value=m.fill_value)
    out.append(name + " " + buf.getvalue().hex())
    f = np.load(io.BytesIO(buf.getvalue()))  # read back as ma.h documents
    put_ma(name, ma.masked_array(f["data"], mask=f["mask"], fill_value=f["fill_value"]))


npz_hex("npz_int8", ma.array(np.array([[1, -2, 3], [4, 5, -6]], dtype=np.int8),
                             mask=[[False, True, False], [False, False, True]]))
npz_hex("npz_f32", ma.masked_values(np.array([1.5, -999.0, 2.5], dtype=np.float32), -999.0))
npz_hex("npz_nomask", ma.array(np.arange(4.0)))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "ma",
                    "core.txt")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as fh:
    fh.write("\n".join(out) + "\n")
print("wrote", len(out), "lines to", os.path.normpath(path))
