#!/usr/bin/python3
"""Fixtures for tests/test_ma_extras.c (NumPy 1.24, Debian's python3): writes
tests/data/ma/extras.txt.

Array lines: name dtype ndim d0 .. d{ndim-1} v0 v1 ... (scripts/fixture_text.py).
A masked result `r` is four lines (as ma_fixture_lines.py writes them): r_d (the
data, under the mask too), r_m (getmaskarray), and the flat lines r_nomask (1 when the
mask is nomask) and r_fill (the fill value). A plain result is one array line; a truth
value (allclose, allequal) a flat line. Lines named in_* are inputs (in_*_m their masks;
none: nomask)."""
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ma_fixture_lines import flat, ma, out, put, put_ma  # noqa: E402

warnings.simplefilter("error")  # numpy.ma must not warn on these inputs


def put_in(name, m):
    put("in_" + name, m.data)
    if m._mask is not ma.nomask:
        put("in_" + name + "_m", m.mask)


# ---- inputs -------------------------------------------------------------------------------
a = ma.array([[1.0, 2.5, -3.0], [4.0, 5.25, 6.0]], mask=[[0, 1, 0], [0, 0, 0]])
b = ma.array([[7.0, -8.0, 9.5], [10.0, 11.0, 12.0]])                 # nomask
f = ma.array([[0.5, 1.0, 1.5], [2.0, 2.5, 3.0]], mask=[[0, 0, 0], [0, 0, 0]])  # all-false mask
i = ma.array([[3, -7, 0], [5, 2, -4]], mask=[[0, 0, 1], [1, 0, 0]])
w = ma.array([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]],
             mask=[[0, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1]])     # rows / cols
allm = ma.array([[1.0, 2.0], [3.0, 4.0]], mask=True)
e = ma.array(np.zeros((0, 3)), mask=np.zeros((0, 3), bool))
r1 = ma.array([1.0, 4.0, 9.0, 16.0, 25.0], mask=[0, 0, 1, 0, 0])
r2 = ma.array([2.0, 3.0, 5.0, 7.0, 11.0])
bb = ma.array([True, True, False, False, True], mask=[0, 0, 0, 1, 0])
c = ma.array([[True, False, True], [False, True, True]], mask=[[0, 0, 1], [0, 0, 0]])
p = ma.array([1.25, -2.5, 3.5, 0.555, -0.5], mask=[0, 1, 0, 0, 0])
z = ma.array(2.5, mask=True)
a.fill_value = -1.0
for n, m in (("a", a), ("b", b), ("f", f), ("i", i), ("w", w), ("allm", allm), ("e", e),
             ("r1", r1), ("r2", r2), ("bb", bb), ("c", c), ("p", p)):
    put_in(n, m)
put("in_z", z.data)
put("in_z_m", z.mask)
put("in_cplain", c.data)

# ---- joining ---------------------------------------------------------------------------
put_ma("cat_ab0", ma.concatenate([a, b], 0))
put_ma("cat_ab1", ma.concatenate([a, b], 1))
put_ma("cat_bb", ma.concatenate([b, b]))           # nomask in, nomask out
put_ma("cat_fb", ma.concatenate([f, b]))           # an all-false mask shrinks
put_ma("cat_ai", ma.concatenate([a, i], 1))        # float64 + int64
put_ma("cat_none", ma.concatenate([a, w], axis=None))
put_ma("cat_ae", ma.concatenate([a, e]))           # an empty operand
put_ma("cat_T", ma.concatenate([a.T, b.T], 1))     # transposed views
put_ma("cat_one", ma.concatenate([a]))
put_ma("stack_ab0", ma.stack([a, b]))
put_ma("stack_ab2", ma.stack([a, b], axis=2))
put_ma("stack_bb", ma.stack([b, b], axis=-1))      # a full mask even for nomask inputs
put_ma("hstack_ab", ma.hstack([a, b]))
put_ma("hstack_r", ma.hstack([r1, r2]))
put_ma("vstack_ab", ma.vstack([a, b]))
put_ma("vstack_r", ma.vstack([r1, r2]))            # 1-D rows become (2, 5)

# ---- where, dot ------------------------------------------------------------------------
put_ma("where_cab", ma.where(c, a, b))
put_ma("where_cai", ma.where(c, a, i))
put_ma("where_plain", ma.where(c.data, a, 0.5))
put_ma("where_bb", ma.where(c.data, b, b * 2))      # nothing masked: nomask
put_ma("where_row", ma.where(c, r1[:3], -1.0))      # broadcast
put_ma("where_z", ma.where(True, z, 1.0))           # 0-d
put_ma("dot_ab", ma.dot(a, b.T))
put_ma("dot_ab_s", ma.dot(a, b.T, strict=True))
put_ma("dot_aw", ma.dot(a, w[:, :3]))
put_ma("dot_aw_s", ma.dot(a, w[:, :3], strict=True))
put_ma("dot_bb", ma.dot(b, b.T))                    # nomask in: a full mask out
put_ma("dot_r", ma.dot(r1, r2))                     # 1-D . 1-D: 0-d
put_ma("dot_ar", ma.dot(a, r1[:3]))                 # 2-D . 1-D
put_ma("dot_i", ma.dot(i, i.T))
put_ma("dot_allm", ma.dot(allm, allm))              # every product masked
put_ma("dot_e", ma.dot(e.T, e))                     # (3, 0) . (0, 3): zeros, all masked

# ---- allclose, allequal ------------------------------------------------------------------
a2 = a.copy()
a2[0, 1] = 100.0                                    # under the mask: not compared
a2.mask = a.mask
a3 = a.copy()
a3[1, 2] = 6.0 + 1e-6
a4 = ma.array([[np.inf, 1.0], [2.0, -np.inf]], mask=[[0, 0], [0, 1]])
a5 = ma.array([[np.inf, 1.0], [2.0, 5.0]])
a6 = ma.array([[-np.inf, 1.0], [2.0, 5.0]])
for n, m in (("a2", a2), ("a3", a3), ("a4", a4), ("a5", a5), ("a6", a6)):
    put_in(n, m)
flat("allclose_aa2", ma.allclose(a, a2))
flat("allclose_aa2_f", ma.allclose(a, a2, masked_equal=False))
flat("allclose_aa3", ma.allclose(a, a3))
flat("allclose_aa3_t", ma.allclose(a, a3, rtol=0, atol=1e-9))
flat("allclose_ab", ma.allclose(a, b))
flat("allclose_bb", ma.allclose(b, b))
flat("allclose_a45", ma.allclose(a4, a5))
flat("allclose_a46", ma.allclose(a4, a6))
flat("allclose_ii", ma.allclose(i, i))
flat("allclose_a_r", ma.allclose(a, a[0]))          # broadcast
flat("allequal_aa2", ma.allequal(a, a2))
flat("allequal_aa2_f", ma.allequal(a, a2, fill_value=False))
flat("allequal_aa3", ma.allequal(a, a3))
flat("allequal_bb", ma.allequal(b, b))
flat("allequal_bb_f", ma.allequal(b, b, fill_value=False))
flat("allequal_ab", ma.allequal(a, b))

# ---- rows and columns ----------------------------------------------------------------
for n, m in (("w", w), ("a", a), ("b", b), ("allm", allm), ("f", f)):
    put("crc_%s_n" % n, ma.compress_rowcols(m))
    put("crc_%s_0" % n, ma.compress_rowcols(m, 0))
    put("crc_%s_1" % n, ma.compress_rowcols(m, 1))
    put_ma("mrc_%s_n" % n, ma.mask_rowcols(m))
    put_ma("mrc_%s_0" % n, ma.mask_rowcols(m, 0))
    put_ma("mrc_%s_1" % n, ma.mask_rowcols(m, 1))
put("crc_wT_n", ma.compress_rowcols(w.T))
put("crc_wT_0", ma.compress_rows(w.T))
put("crc_wT_1", ma.compress_cols(w.T))
put_ma("mrc_wT_0", ma.mask_rows(w.T))
put_ma("mrc_wT_1", ma.mask_cols(w.T))

# ---- anom, diff, ediff1d, clip, round -------------------------------------------------
for n, m in (("a", a), ("b", b), ("w", w), ("i", i), ("allm", allm)):
    put_ma("anom_%s_n" % n, ma.anom(m))
    put_ma("anom_%s_0" % n, ma.anom(m, axis=0))
    put_ma("anom_%s_1" % n, ma.anom(m, axis=1))
put_ma("anom_wT_0", ma.anom(w.T, axis=0))
put_ma("diff_a", ma.diff(a))
put_ma("diff_a0", ma.diff(a, axis=0))
put_ma("diff_w2", ma.diff(w, n=2))
put_ma("diff_w20", ma.diff(w, n=2, axis=0))
put_ma("diff_wT", ma.diff(w.T))
put_ma("diff_b", ma.diff(b))                        # nomask
put_ma("diff_i", ma.diff(i))
put_ma("diff_bb", ma.diff(bb))                      # bool: not_equal
put_ma("diff_r0", ma.diff(r1, n=0))
put_ma("diff_f", ma.diff(f))                        # an all-false mask: nomask (mask_or shrinks)
put_ma("diff_r3", ma.diff(r1[:2]))                  # a view whose mask is all false
put_ma("diff_r9", ma.diff(r1, n=9))                 # longer than the axis: empty
put_ma("ed_r", ma.ediff1d(r1))
put_ma("ed_w", ma.ediff1d(w))
put_ma("ed_r2", ma.ediff1d(r2))                     # nomask
put_ma("ed_rbe", ma.ediff1d(r1, to_end=ma.array([7.0, 8.0], mask=[0, 1]), to_begin=r2[:2]))
put_ma("ed_rb", ma.ediff1d(r2, to_begin=r1[2:4]))
put_ma("clip_a", ma.clip(a, 2.0, 5.0))
put_ma("clip_b", ma.clip(b, 0.0, 10.0))
put_ma("clip_i", ma.clip(i, -1, 2))
put_ma("clip_ilo", ma.clip(i, 0, None))
put_ma("clip_if", ma.clip(i, 0.5, 2.5))             # int data, float bounds: float64
put_ma("clip_wT", ma.clip(w.T, 3.0, 9.0))
put_ma("clip_z", ma.clip(z, 0.0, 1.0))
put_ma("clip_f", ma.clip(f, 0.0, 1.0))              # an all-false mask: nomask
put_ma("round_f", ma.round(f))                      # ... kept by round
put_ma("round_p", ma.round(p))
put_ma("round_p1", ma.round(p, 1))
put_ma("round_a", ma.round(a, -1))
put_ma("round_i", ma.round(i, -1))
put_ma("round_b", ma.round(b, 0))
put_ma("round_wT", ma.round(w.T / 3.0, 2))

# ---- choose, resize ------------------------------------------------------------------------
cidx = ma.array([[0, 1, 2], [2, 1, 0]], mask=[[0, 0, 1], [0, 0, 0]])
ch0 = ma.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], mask=[[1, 0, 0], [0, 0, 1]])
ch0.fill_value = -9.0
ch1 = ma.array([10.0, 20.0, 30.0])                   # nomask, broadcast
ch2 = ma.array([[100.0, 200.0, 300.0], [400.0, 500.0, 600.0]])
put_in("cidx", cidx)
put_in("ch0", ch0)
put_in("ch1", ch1)
put_in("ch2", ch2)
put_ma("choose_m", ma.choose(cidx, [ch0, ch1, ch2]))
put_ma("choose_n", ma.choose(cidx.data, [ch1, ch2, ch2]))  # nothing masked: nomask
put_ma("choose_clip", ma.choose(cidx * 2, [ch0, ch1, ch2], mode="clip"))
put_ma("choose_wrap", ma.choose(cidx + 2, [ch0, ch1, ch2], mode="wrap"))
put_ma("resize_a", ma.resize(a, (3, 4)))
put_ma("resize_b", ma.resize(b, (4,)))
put_ma("resize_z", ma.resize(z, (3,)))
put_ma("resize_a0", ma.resize(a, ()))               # 0-d: nomask
put_ma("resize_wT", ma.resize(w.T, (2, 5)))
put_ma("resize_ae", ma.resize(a, (0, 2)))

# ---- 0-d and empty operands ---------------------------------------------------------------
put_ma("stack_z", ma.stack([z, z]))
put_ma("round_z", ma.round(z))
put_ma("anom_e_n", ma.anom(e))
put_ma("anom_e_0", ma.anom(e, axis=0))
put_ma("diff_e", ma.diff(e))
put_ma("diff_e0", ma.diff(e, axis=0))
put_ma("ed_e", ma.ediff1d(e))
put_ma("ed_z", ma.ediff1d(z))
put("crc_e_n", ma.compress_rowcols(e))
put_ma("mrc_e_n", ma.mask_rowcols(e))
put_ma("clip_e", ma.clip(e, 0.0, 1.0))
put_ma("dot_z", ma.dot(z, ma.array(3.0)))
put_ma("where_e", ma.where(e.data > 0, e, 1.0))

# ---- put, putmask ------------------------------------------------------------------------
def put_case(name, m, idx, vals):
    m = m.copy()
    ma.put(m, idx, vals)
    put_ma(name, m)


def putmask_case(name, m, mask, vals):
    m = m.copy()
    ma.putmask(m, mask, vals)
    put_ma(name, m)


pidx = np.array([0, 5, 1, -1])
pmask = np.array([[1, 1, 0], [0, 0, 1]], bool)
put("in_pidx", pidx)
put("in_pmask", pmask)
put_case("put_a", a, pidx, np.array([10.0, 20.0, 30.0, 40.0]))
put_case("put_a_m", a, pidx, ma.array([10.0, 20.0, 30.0, 40.0], mask=[0, 1, 0, 0]))
put_case("put_b", b, pidx, np.array([10.0, 20.0]))      # values repeat; nomask stays
put_case("put_b_m", b, pidx, ma.array([10.0, 20.0], mask=[1, 0]))
put_case("put_a_unmask", a, np.array([1]), np.array([9.0]))  # unmasks: shrinks to nomask
ah = a.copy()
ah.harden_mask()
rh = r1.copy()
rh.harden_mask()
# (NumPy 1.24 indexes a hard mask with the flat indices unflattened: a 1-D case)
put_case("put_rh", rh, np.array([0, 2, -1]), np.array([10.0, 20.0, 30.0]))  # masked places kept
# (numpy.ma.putmask broadcasts the values to a's shape: np.copyto, not np.putmask's cycling)
v6 = np.array([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]])
putmask_case("pm_a", a, pmask, v6)
putmask_case("pm_a_m", a, pmask, ma.array(v6, mask=[[0, 0, 0], [0, 0, 1]]))
putmask_case("pm_b", b, pmask, np.array([-1.0, -2.0, -3.0]))
putmask_case("pm_b_m", b, pmask, ma.array([-1.0, -2.0, -3.0], mask=[0, 1, 0]))
putmask_case("pm_a_s", a, pmask, -5.0)
putmask_case("pm_ah_m", ah, pmask, ma.array(v6, mask=[[1, 0, 0], [0, 0, 1]]))
putmask_case("pm_ah", ah, pmask, v6)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "ma", "extras.txt")
with open(path, "w") as fh:
    fh.write("\n".join(out) + "\n")
print(len(out), "lines")
