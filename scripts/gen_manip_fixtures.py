#!/usr/bin/python3
"""Fixtures for tests/test_manip_more.c (NumPy 1.24, Debian's python3):
pad (every mode), delete / insert / trim_zeros / block / vander, packbits / unpackbits /
bitwise_count, binary_repr / base_repr, finfo / iinfo, unique with axis / equal_nan and
intersect1d with return_indices.

tests/data/manip_more/manip_more.txt: name dtype ndim d0 .. d{ndim-1} v0 v1 ... (C order).
tests/data/manip_more/repr.txt: kind num width_or_base padding expected.
Where NumPy 1.24 has a bug fixed later (pad 'wrap' and large 'symmetric' pads, fixed in
1.25), the cases here are ones where 1.24 and later agree; the test checks the later
behaviour with known values."""
import os

import numpy as np
from fixture_text import fixture_line

here = os.path.dirname(os.path.abspath(__file__))
outdir = os.path.join(here, "..", "tests", "data", "manip_more")
out = []


def put(name, a):
    out.append(fixture_line(name, a))


rng = np.random.default_rng(16)
x = rng.integers(-9, 10, size=(3, 4)).astype(np.int64)
y = rng.normal(size=(3, 5)).round(3)
f32 = (rng.normal(size=(4, 3)) * 10).astype(np.float32)
u8 = rng.integers(0, 256, size=(3, 5)).astype(np.uint8)
bits = rng.integers(0, 2, size=(3, 11)).astype(bool)
put("in_x", x)
put("in_y", y)
put("in_f32", f32)
put("in_u8", u8)
put("in_bits", bits)

# ---- pad ---------------------------------------------------------------------------
w = ((1, 2), (2, 1))
put("pad_const_sides", np.pad(x, w, constant_values=((7, 8), (9, 10))))
put("pad_const_f", np.pad(y, w, constant_values=-1.5))
put("pad_edge", np.pad(x, w, mode="edge"))
put("pad_wrap", np.pad(x, w, mode="wrap"))
for mode in ["reflect", "symmetric"]:
    for rt in ["even", "odd"]:
        put(f"pad_{mode}_{rt}", np.pad(y, w, mode=mode, reflect_type=rt))
        put(f"pad_{mode}_{rt}_big", np.pad(x[0], (7, 9), mode=mode, reflect_type=rt))
put("pad_ramp_f", np.pad(y, w, mode="linear_ramp", end_values=((5, -3), (2, 4))))
put("pad_ramp_i", np.pad(x * 10, ((2, 3), (3, 2)), mode="linear_ramp", end_values=((50, 40), (20, 70))))
put("pad_ramp_0", np.pad(y, 2, mode="linear_ramp"))
for mode in ["maximum", "minimum", "mean", "median"]:
    put(f"pad_{mode}_f", np.pad(y, w, mode=mode))
    put(f"pad_{mode}_i", np.pad(x, w, mode=mode))
    put(f"pad_{mode}_len", np.pad(y, ((2, 2), (3, 1)), mode=mode, stat_length=((1, 2), (3, 2))))
put("pad_mean_i_len", np.pad(x, 2, mode="mean", stat_length=2))
put("pad_median_i_len", np.pad(x, ((1, 1), (2, 2)), mode="median", stat_length=((2, 3), (2, 4))))
put("pad_mean_f32", np.pad(f32, 1, mode="mean"))
put("pad_reflect_rev", np.pad(x[::-1, ::-2], ((2, 1), (1, 3)), mode="reflect"))
put("pad_edge_col", np.pad(y[:, 1], (2, 3), mode="edge"))
put("pad_empty_const", np.pad(np.zeros((0, 2)), 1, constant_values=3.0))
put("pad_empty_edge", np.pad(np.zeros((0, 3)), ((0, 0), (1, 1)), mode="edge"))
put("pad_scalar", np.pad(np.array(5.0), 3))
put("pad_singleton_reflect", np.pad(np.array([[4.0]]), 2, mode="reflect"))
put("pad_i8_odd", np.pad(np.array([100, -100, 7], np.int8), (2, 2), mode="reflect", reflect_type="odd"))
put("pad_i8_ramp", np.pad(np.array([100, -100], np.int8), (3, 3), mode="linear_ramp", end_values=(120, -120)))
put("pad_bool_odd", np.pad(np.array([True, False, False]), (2, 2), mode="symmetric", reflect_type="odd"))
put("pad_bool_max", np.pad(bits[:, :4], 1, mode="maximum"))


def padder(vector, pad_width, iaxis, kwargs):
    vector[:pad_width[0]] = 10 + iaxis
    if pad_width[1]:
        vector[-pad_width[1]:] = -10 - iaxis


put("pad_function", np.pad(x, ((1, 2), (2, 1)), padder))

# ---- delete / insert ------------------------------------------------------------------
put("del_ax1", np.delete(x, [0, -1, 0], axis=1))
put("del_at0", np.delete(x, 1, axis=0))
put("del_slice", np.delete(x, slice(None, None, 2), axis=1))
put("del_slice_neg", np.delete(y, slice(-1, 0, -2), axis=1))
put("del_mask", np.delete(x, np.array([True, False, True]), axis=0))
put("del_flat", np.delete(x, [1, 5, 11]))
put("del_rev", np.delete(x[::-1, ::2], [0], axis=1))
put("del_empty_obj", np.delete(x, np.array([], dtype=np.int64), axis=0))
put("ins_row", np.insert(x, 1, [5, 6, 7, 8], axis=0))
put("ins_col_scalar", np.insert(x, 1, 9, axis=1))
put("ins_block", np.insert(x, 2, [[1], [2], [3]], axis=1))
put("ins_seq1", np.insert(x, [2], [[1], [2], [3]], axis=1))
put("ins_multi", np.insert(x, [1, 3, 1], [7, 8, 9], axis=1))
put("ins_slice", np.insert(x, slice(1, 3), 0, axis=0))
put("ins_flat", np.insert(x, [2, -1], [10, 20]))
put("ins_flat_cast", np.insert(x, 3, [1.7, -2.2]))
put("ins_end", np.insert(y, 5, [1.5, 2.5, 3.5], axis=1))
put("ins_rev", np.insert(y[::-1], 0, -1.0, axis=0))

put("ins_0d", np.insert(np.array(5), 0, 7))
put("resize_rev", np.resize(x[::-1, ::2], (5, 3)))
put("resize_empty", np.resize(np.zeros(0), (2, 2)))
put("append_flat", np.append(x, [[1, 2], [3, 4]]))
put("append_ax0", np.append(x, x[:1], axis=0))

# ---- trim_zeros, block, vander ----------------------------------------------------------
t = np.array([0, 0, 1, 2, 0, 3, 0, 0])
put("trim_f", np.trim_zeros(t, "f"))
put("trim_b", np.trim_zeros(t, "b"))
put("trim_fb", np.trim_zeros(t))
put("trim_all0", np.trim_zeros(np.zeros(4)))
put("trim_negzero", np.trim_zeros(np.array([-0.0, 0.0, 1.5, -0.0])))
A = np.ones((2, 2))
B = np.arange(6).reshape(2, 3)
C = np.full((1, 2), 7, dtype=np.int32)
D = np.arange(3).reshape(1, 3) * 2.5
put("block_2x2", np.block([[A, B], [C, D]]))
put("block_1d", np.block([np.arange(3), np.array([9, 8])]))
put("block_rows", np.block([[np.arange(3)], [np.arange(3, 6)]]))
put("block_3lvl", np.block([[[np.ones((1, 1, 2)), np.zeros((1, 1, 1))]], [[np.full((1, 1, 3), 2.0)]]]))
put("block_scalars", np.block([[np.array(1), np.array(2)], [np.array(3), np.array(4)]]))
v = np.array([1, 2, 3, 5])
put("vander", np.vander(v))
put("vander_n3_inc", np.vander(v, 3, increasing=True))
put("vander_n0", np.vander(v, 0))
put("vander_i8", np.vander(np.array([-3, 2, 7], dtype=np.int8), 4))
put("vander_f32", np.vander(np.array([0.5, -1.25], dtype=np.float32), 3))
put("vander_bool", np.vander(np.array([True, False])))
put("vander_u64", np.vander(np.array([2, 3], dtype=np.uint64)))
put("vander_rev", np.vander(y[0, ::-2], 4, increasing=True))
put("vander_big", np.vander(np.array([3], dtype=np.int64), 42, increasing=True))

# ---- bits ------------------------------------------------------------------------------
put("pack_none", np.packbits(bits))
put("pack_ax0", np.packbits(bits, axis=0))
put("pack_ax1", np.packbits(bits, axis=1))
put("pack_little", np.packbits(bits, axis=-1, bitorder="little"))
put("pack_int", np.packbits(x, axis=1))
put("pack_rev", np.packbits(bits[::-1, ::-3], axis=1))
long_bits = rng.integers(-2, 3, size=203).astype(np.int8)
put("in_long_bits", long_bits)
put("pack_long", np.packbits(long_bits))
put("pack_long_little", np.packbits(long_bits, bitorder="little"))
put("pack_long_2d", np.packbits(np.stack([long_bits != 0, long_bits[::-1] == 0]), axis=1, bitorder="little"))
put("pack_empty", np.packbits(np.zeros((2, 0), dtype=bool), axis=1))
put("unpack_none", np.unpackbits(u8))
put("unpack_ax0", np.unpackbits(u8, axis=0))
put("unpack_ax1_c5", np.unpackbits(u8, axis=1, count=5))
put("unpack_ax1_cm3", np.unpackbits(u8, axis=1, count=-3))
put("unpack_ax1_c50", np.unpackbits(u8, axis=1, count=50))
put("unpack_little", np.unpackbits(u8, axis=1, bitorder="little"))
put("unpack_rev", np.unpackbits(u8[:, ::-2], axis=1))
bc = np.array([0, 1, -1, 7, -128, 127, 255, -(2**63), 2**63 - 1, 12345], dtype=object)
put("bitcount_i64", [bin(abs(int(v))).count("1") for v in bc])
put("bitcount_u8", [bin(int(v)).count("1") for v in u8.ravel()])

# ---- repr strings -------------------------------------------------------------------------
rep = []
for num, width in [(0, None), (0, 5), (5, None), (5, 8), (-5, None), (-5, 4), (-8, None), (-8, 4),
                   (-8, 8), (-128, 8), (-129, 12), (255, 8), (1, 1), (-1, 1), (-1, 5),
                   (2**62, None), (-(2**63), 64), (2**63 - 1, None)]:
    rep.append(f"binary {num} {width or 0} 0 {np.binary_repr(num, width)}")
for num, base, padding in [(0, 2, 0), (0, 2, 3), (10, 2, 0), (-10, 16, 0), (35, 36, 0), (6, 5, 3),
                           (-255, 16, 2), (7, 10, 0), (2**63 - 1, 36, 0), (-(2**63), 2, 1), (12, 3, -2)]:
    rep.append(f"base {num} {base} {padding} {np.base_repr(num, base, padding)}")

# ---- finfo / iinfo -------------------------------------------------------------------------
for name in ["float32", "float64", "complex64", "complex128"]:
    fi = np.finfo(np.dtype(name))
    put(f"finfo_{name}", np.array([fi.bits, fi.eps, fi.epsneg, fi.max, fi.min, fi.tiny, fi.smallest_normal,
                                   fi.smallest_subnormal, fi.resolution, fi.precision, fi.iexp, fi.nexp,
                                   fi.machep, fi.negep, fi.maxexp, fi.minexp, fi.nmant], dtype=np.float64))
for name in ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]:
    ii = np.iinfo(np.dtype(name))
    rep.append(f"iinfo {name} {ii.bits} {ii.min} {ii.max}")

# ---- unique / intersect1d ---------------------------------------------------------------------
ua = np.array([[1, np.nan], [1, np.nan], [0, 2], [-0.0, 2], [3, 1], [0, 2]])
vals, idx, inv, cnt = np.unique(ua, axis=0, return_index=True, return_inverse=True, return_counts=True)
put("uq_ax0", vals)
put("uq_ax0_index", idx)
put("uq_ax0_inverse", inv)
put("uq_ax0_counts", cnt)
ub = np.array([[3, 1, 3, 2], [1, 2, 1, 0], [3, 1, 3, 2]])
vals, idx, inv, cnt = np.unique(ub, axis=1, return_index=True, return_inverse=True, return_counts=True)
put("uq_ax1", vals)
put("uq_ax1_index", idx)
put("uq_ax1_inverse", inv)
put("uq_ax1_counts", cnt)
uc = rng.integers(0, 2, size=(2, 5, 3))
put("in_uc", uc)
put("uq_3d_ax1", np.unique(uc, axis=1))
put("uq_rev_ax0", np.unique(ub[::-1, ::-1], axis=0))
put("uq_empty_rows", np.unique(np.empty((3, 0)), axis=0))
put("uq_empty_ax0", np.unique(np.empty((0, 3)), axis=0))
un = np.array([np.nan, 1.0, np.nan, -0.0, 0.0, np.nan, 1.0])
put("in_un", un)
vals, idx, inv, cnt = np.unique(un, return_index=True, return_inverse=True, return_counts=True)
put("uq_nan", vals)
put("uq_nan_index", idx)
put("uq_nan_inverse", inv)
put("uq_nan_counts", cnt)
vals, idx, inv, cnt = np.unique(un, return_index=True, return_inverse=True, return_counts=True, equal_nan=False)
put("uq_nan_ne", vals)
put("uq_nan_ne_index", idx)
put("uq_nan_ne_inverse", inv)
put("uq_nan_ne_counts", cnt)
ia = np.array([1, 1, 3, 4, 3, 3, np.nan, 7])
ib = np.array([6, 1, 4, 2, np.nan, 7, 7])
put("in_ia", ia)
put("in_ib", ib)
r, i1, i2 = np.intersect1d(ia, ib, return_indices=True)
put("isect", r)
put("isect_i1", i1)
put("isect_i2", i2)
r, i1, i2 = np.intersect1d(np.array([5, 1, 3]), np.array([3, 9, 5, 0]), assume_unique=True, return_indices=True)
put("isect_au", r)
put("isect_au_i1", i1)
put("isect_au_i2", i2)
r, i1, i2 = np.intersect1d(x, x[1:, ::-1] + 1, return_indices=True)
put("isect_2d", r)
put("isect_2d_i1", i1)
put("isect_2d_i2", i2)

os.makedirs(outdir, exist_ok=True)
with open(os.path.join(outdir, "manip_more.txt"), "w") as f:
    f.write("\n".join(out) + "\n")
with open(os.path.join(outdir, "repr.txt"), "w") as f:
    f.write("\n".join(rep) + "\n")
