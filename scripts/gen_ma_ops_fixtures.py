#!/usr/bin/python3
"""Fixtures for tests/test_ma_ops.c (NumPy 1.24, Debian's python3): writes
tests/data/ma/ops.txt.

Array lines: name dtype ndim d0 .. d{ndim-1} v0 v1 ... (scripts/fixture_text.py).
A masked result `r` is four lines: r_d (the data, under the mask too), r_m (the full
mask, getmaskarray), and the flat lines r_nomask (1 when the mask is nomask) and r_fill
(the fill value). A 0-d result (NumPy's scalar or `masked`) is written as a 0-d masked
array. Lines named in_* are inputs (in_*_m their masks)."""
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ma_fixture_lines import flat, ma, out, put, put_ma  # noqa: E402

warnings.simplefilter("error")  # numpy.ma must not warn on these inputs (overflow aside:
np.seterr(over="ignore")  # exp(1e300); the C test ignores it too)


def put_in(name, m):
    put(name, m.data)
    if m._mask is not ma.nomask:
        put(name + "_m", m.mask)


# ---- inputs -------------------------------------------------------------------------------
f = ma.array([[-1.0, 0.0, 0.5, 2.0],
              [1.0, -0.5, 3.0, 1e300],
              [4.0, 0.25, -2.0, 1.5]],
             mask=[[0, 0, 0, 1], [0, 1, 0, 0], [1, 0, 0, 0]])
g = ma.array([[2.0, 0.0, -1.5, 0.5],
              [0.0, 4.0, 1e-310, -3.0],
              [0.5, 2.0, 1.0, 0.0]],
             mask=[[0, 0, 1, 0], [0, 0, 0, 0], [0, 1, 0, 0]])
row = ma.array([1.0, -2.0, 0.0, 4.0], mask=[0, 0, 0, 1])
plain = np.array([[1.0, 2.0, 3.0, 4.0]] * 3)
i = ma.array([[3, -7, 0, 12], [5, 2, -4, 9], [8, 6, 1, -3]], mask=[[0, 0, 0, 1], [1, 1, 1, 1], [0, 1, 0, 0]])
j = ma.array([[2, 0, 3, -5], [1, 4, 0, 2], [-3, 0, 5, 2]], mask=[[0, 0, 1, 0], [0, 0, 0, 0], [0, 0, 0, 1]])
b = ma.array([[True, False, True, False], [True, True, False, False], [False, True, True, True]],
             mask=[[0, 1, 0, 0], [0, 0, 0, 0], [1, 1, 1, 1]])
c = ma.array([[True, True, False, True], [False, True, True, False], [True, False, True, True]],
             mask=[[0, 0, 0, 1], [1, 0, 0, 0], [0, 0, 0, 0]])
x = ma.array([[1.0, 2.0, 3.0, 2.5, -1.0, 0.5],
              [2.0, 1.0, 0.0, 4.0, 3.5, 1.0],
              [0.5, 0.25, 2.0, -1.0, 1.5, 2.5]],
             mask=[[0, 0, 1, 0, 0, 0], [0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1]])
y = ma.array([[3.0, -1.0, 2.0, 0.0, 1.0, 5.0]], mask=[[1, 0, 0, 0, 0, 0]])
fnomask = ma.array(f.data)
fnan = ma.array([np.nan, 1.0, np.inf, 4.0, -np.inf, 2.0], mask=[0, 0, 0, 1, 0, 0])
odd = ma.array([[5.0, 1.0, 4.0, 2.0, 3.0], [7.0, 1.0, 9.0, 2.0, 8.0]], mask=[[0, 0, 0, 1, 0], [0, 0, 0, 0, 0]])
f32 = ma.array(np.minimum(f.data, 1e30).astype(np.float32), mask=f.mask)
ffill = ma.array(f.data, mask=f.mask, fill_value=-5.0)
for name, m in [("f", f), ("g", g), ("row", row), ("plain", ma.array(plain)), ("i", i), ("j", j),
                ("b", b), ("c", c), ("x", x), ("y", y), ("fnomask", fnomask), ("fnan", fnan),
                ("odd", odd), ("f32", f32)]:
    put_in("in_" + name, m)

# ---- ufuncs ---------------------------------------------------------------------------------
unary = ["log", "log2", "log10", "sqrt", "arcsin", "arccos", "arccosh", "arctanh", "tan",
         "exp", "sin", "absolute", "negative", "floor", "log1p", "reciprocal", "square", "sign"]
for fn in unary:
    # numpy.ma's function when it has one, else the ufunc through __array_wrap__
    mf = getattr(ma, fn, None) or getattr(np, fn)
    with np.errstate(all="ignore"):
        put_ma(f"u_{fn}_f", mf(f))
        put_ma(f"u_{fn}_fT", mf(f.T))
put_ma("u_log_f32", ma.log(f32))
put_ma("u_log_nomask", ma.log(fnomask))
put_ma("u_exp_nomask", ma.exp(fnomask))
put_ma("u_log_fnan", ma.log(fnan))
put_ma("u_sqrt_fnan", ma.sqrt(fnan))
put_ma("u_negative_i", ma.negative(i))
put_ma("u_absolute_i", ma.absolute(i))
put_ma("u_sqrt_i", ma.sqrt(i))
put_ma("u_logical_not_b", ma.logical_not(b))

binary = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "power",
          "maximum", "minimum", "equal", "less", "greater_equal", "hypot", "arctan2"]
for fn in binary:
    mf = getattr(ma, fn)
    with np.errstate(all="ignore"):
        put_ma(f"u_{fn}_fg", mf(f, g))
        put_ma(f"u_{fn}_fgT", mf(f.T, g.T))
        put_ma(f"u_{fn}_frow", mf(f, row))
        put_ma(f"u_{fn}_sf", mf(2.5, f))
        put_ma(f"u_{fn}_fs", mf(f, 0.0))
put_ma("u_add_fplain", ma.add(f, plain))
put_ma("u_add_nomask", ma.add(fnomask, plain))
put_ma("u_divide_nomask", ma.divide(fnomask, plain))
put_ma("u_add_ffill", ma.add(ffill, g))
put_ma("u_equal_ffill", ma.equal(ffill, g))
put_ma("u_log_ffill", ma.log(ffill))
put_ma("u_power_ffill", ma.power(ffill, 0.5))
for fn in ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "maximum",
           "minimum", "equal", "less", "bitwise_and", "bitwise_or", "bitwise_xor"]:
    with np.errstate(all="ignore"):
        put_ma(f"u_{fn}_ij", getattr(ma, fn)(i, j))
put_ma("u_left_shift_ij", ma.left_shift(ma.array(i.data, mask=i.mask) % 8, 2))
put_ma("u_right_shift_ij", ma.right_shift(ma.array(i.data, mask=i.mask) % 8, 1))
for fn in ["logical_and", "logical_or", "logical_xor", "equal", "bitwise_and"]:
    put_ma(f"u_{fn}_bc", getattr(ma, fn)(b, c))
put_ma("u_add_bc", ma.add(b, c))
put_ma("u_add_fi", ma.add(f, i))
put_ma("u_divide_if", ma.divide(i, f))
lo = ma.array([0.0, -0.5, 0.0, 1.0], mask=[1, 0, 0, 0])
put_in("in_lo", lo)
put_ma("u_clip_f", np.clip(f, lo, 2.0))

# ---- reductions -----------------------------------------------------------------------------
axes = [("n", None, False), ("0", 0, False), ("1", 1, False), ("1k", 1, True), ("nk", None, True)]
srcs = [("f", f), ("i", i), ("b", b), ("fnomask", fnomask)]
for fn in ["sum", "prod", "mean", "var", "std", "min", "max", "ptp", "all", "any"]:
    for sname, s in srcs:
        if sname == "b" and fn in ("var", "std", "ptp"):
            continue
        for aname, ax, keep in axes:
            kw = {"keepdims": True} if keep else {}
            if fn == "ptp":
                r = getattr(s, fn)(axis=ax, **kw) if keep else s.ptp(axis=ax)
            else:
                r = getattr(s, fn)(axis=ax, **kw)
            put_ma(f"r_{fn}_{sname}_{aname}", r)
for sname, s in [("f", f), ("i", i)]:
    for aname, ax, keep in axes:
        kw = {"keepdims": True} if keep else {}
        put_ma(f"r_var1_{sname}_{aname}", s.var(axis=ax, ddof=1, **kw))
        put_ma(f"r_std1_{sname}_{aname}", s.std(axis=ax, ddof=1, **kw))
        put_ma(f"r_median_{sname}_{aname}", ma.median(s, axis=ax, keepdims=keep))
put_ma("r_median_odd_1", ma.median(odd, axis=1))
put_ma("r_median_odd_0", ma.median(odd, axis=0))
put_ma("r_median_odd_n", ma.median(odd))
put_ma("r_median_fnan_n", ma.median(fnan))
put_ma("r_mean_f32_0", f32.mean(axis=0))
put_ma("r_var_f32_1", f32.var(axis=1))
put_ma("r_sum_fnan_n", fnan.sum())
put_ma("r_min_fnan_n", fnan.min())
put_ma("r_sum_allmasked_n", ma.array([1.0, 2.0], mask=[1, 1]).sum())
# past the 128-element pairwise blocks: numc's float64 path over all axes is NumPy's tree
rng = np.random.default_rng(5)
big = ma.array(rng.standard_normal((7, 149)) * 1e3 + 5.0, mask=rng.random((7, 149)) < 0.1)
put_in("in_big", big)
put_ma("r_mean_big_n", big.mean())
put_ma("r_var_big_n", big.var())
put_ma("r_std_big_n", big.std())
put_ma("r_var1_big_n", big.var(ddof=1))
bigT = ma.array(np.ascontiguousarray(big.data.T), mask=np.ascontiguousarray(big.mask.T))
put_in("in_bigT", bigT)  # (149, 7): long lanes along axis 0
for fn in ["sum", "mean", "var", "std"]:
    put_ma(f"r_{fn}_big_1", getattr(big, fn)(axis=1))
    put_ma(f"r_{fn}_bigT_0", getattr(bigT, fn)(axis=0))
put_ma("r_median_big_1", ma.median(big, axis=1))
for sname, s in [("f", f), ("i", i)]:
    for aname, ax in [("n", None), ("0", 0), ("1", 1)]:
        put(f"r_argmin_{sname}_{aname}", np.asarray(s.argmin(axis=ax)))
        put(f"r_argmax_{sname}_{aname}", np.asarray(s.argmax(axis=ax)))
        put_ma(f"r_cumsum_{sname}_{aname}", s.cumsum(axis=ax))
        put_ma(f"r_cumprod_{sname}_{aname}", s.cumprod(axis=ax))

# ---- average, cov, corrcoef -------------------------------------------------------------------
w = np.array([[1.0, 2.0, 0.5, 1.0], [3.0, 1.0, 1.0, 2.0], [0.5, 0.5, 4.0, 1.0]])
w1 = np.array([1.0, 2.0, 3.0, 4.0])
wi = np.array([1, 2, 3])
put("in_w", w)
put("in_w1", w1)
put("in_wi", wi)
for aname, ax in [("n", None), ("0", 0), ("1", 1)]:
    avg, scl = ma.average(f, axis=ax, returned=True)
    put_ma(f"avg_f_{aname}", avg)
    put(f"avg_f_{aname}_scl", np.asarray(scl))
    avg, scl = ma.average(f, axis=ax, weights=w, returned=True)
    put_ma(f"avgw_f_{aname}", avg)
    put(f"avgw_f_{aname}_scl", np.asarray(scl))
avg, scl = ma.average(f, axis=1, weights=w1, returned=True)
put_ma("avgw1_f_1", avg)
put("avgw1_f_1_scl", np.asarray(scl))
avg, scl = ma.average(i, axis=0, weights=wi, returned=True)
put_ma("avgwi_i_0", avg)
put("avgwi_i_0_scl", np.asarray(scl))

put_ma("cov_x", ma.cov(x))
put_ma("cov_x_rowvarF", ma.cov(x, rowvar=False))
put_ma("cov_x_bias", ma.cov(x, bias=True))
put_ma("cov_x_ddof2", ma.cov(x, ddof=2))
put_ma("cov_xy", ma.cov(x, y))
put_ma("cov_x0", ma.cov(x[0]))
put_ma("cov_xnomask", ma.cov(ma.array(x.data)))
put_ma("corr_x", ma.corrcoef(x))
put_ma("corr_x_rowvarF", ma.corrcoef(x[:, :4], rowvar=False))
put_ma("corr_xy", ma.corrcoef(x, y))
put_ma("corr_xnomask", ma.corrcoef(ma.array(x.data)))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "ma", "ops.txt")
os.makedirs(os.path.dirname(path), exist_ok=True)
with open(path, "w") as fh:
    fh.write("\n".join(out) + "\n")
print(f"wrote {len(out)} lines to {os.path.normpath(path)}")
