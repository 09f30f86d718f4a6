#!/usr/bin/python3
"""Fixtures for tests/test_fancy.c (advanced indexing) and tests/test_index_routines.c
(NumPy 1.24, Debian's python3): writes tests/data/fancy/fancy.txt.

Each line: name dtype ndim d0 .. d{ndim-1} v0 v1 ... (values in C order). Lines starting
with 'in_' are inputs."""
import os

import numpy as np
from fixture_text import fixture_line

out = []


def put(name, a):
    out.append(fixture_line(name, a))


rng = np.random.default_rng(16)
v = np.arange(10) * 1.5
a2 = np.arange(20, dtype=np.int64).reshape(4, 5)
a3 = np.arange(60, dtype=np.int64).reshape(3, 4, 5)
f45 = rng.normal(size=(4, 5)).round(4)
m45 = f45 > 0
m4 = np.array([True, False, False, True])
m5 = np.array([True, False, False, True, False])
put("in_v", v)
put("in_a2", a2)
put("in_a3", a3)
put("in_f45", f45)
put("in_m45", m45)

# ---- getitem ------------------------------------------------------------------------------
put("take1d", v[[3, -1, 0, 3]])
put("take2d_idx", v[np.array([[1, 2], [3, -4]])])
put("rows_cols", a2[[0, 2, 3], [1, -1, 0]])
put("bcast", a2[[[0], [2]], [1, 3]])
put("slice_arr", a3[:, [0, 2]])
put("arr_slice_arr", a3[[0, 2], :, [1, 3]])
put("int_slice_arr", a3[0, :, [1, 2]])
put("slice_int_arr", a3[:, 0, [1, 2]])
put("arr_newaxis_arr", a3[[0, 1], None, [1, 2]])
put("ellipsis_arr", a3[..., [4, 0]])
put("arr_ellipsis_arr", a2[[1], ..., [2]])
put("mask_full", a2[a2 % 3 == 0])
put("mask_axis1", a3[:, m4])
put("int_mask2d", a3[1, m45])
put("arr_mask", a3[[0, 2], m4])
put("mask_f45", f45[m45])
put("true0d", a2[True])
put("false0d", a2[np.array(False)])
put("empty_idx", a2[np.array([], dtype=np.int64)])
put("empty_idx_cols", a2[:, np.array([], dtype=np.int64)])
put("negstride_view", a2[::-1, ::2][[0, 2], [1, 2]])
put("negstride_index", v[np.arange(10)[::-3]])
put("zero_d_index", v[np.array(3)])
put("scalar0d_true", np.array(7.0)[True])
put("i8_take", a2.astype(np.int8)[[3, 0], 1:])
put("f32_take", f45.astype(np.float32)[[1, 1], ::-2])
put("bool_take", m45[[0, 3]])
put("idx_int32", v[np.array([9, 0, 4], dtype=np.int32)])
put("idx_uint8", v[np.array([9, 0, 4], dtype=np.uint8)])
put("newaxis_arr", v[None, [1, 2]])
put("sep_bcast", a3[[0, 1], 1:3, [[0], [1]]])
put("mid_bcast", a3[:, [[0], [1]], [1, 2]])
put("str_spec", a3[[0, 2], :, m5])
put("str_nested", a2[[[0, 1], [2, 3]], ::2])
put("str_named", a2[np.array([3, 1]), np.array([0, 4])])

# ---- setitem ------------------------------------------------------------------------------
x = a2.copy(); x[[0, 2], [1, 3]] = [100, 200]; put("set_rows_cols", x)
y = np.zeros(4); y[[1, 1, 1, 3]] = [5, 6, 7, 8]; put("set_repeat_last_wins", y)
x = a3.copy(); x[:, [0, 2]] = np.arange(5); put("set_bcast", x)
x = a2.copy(); x[x > 10] = -1; put("set_mask", x)
x = a2.copy(); x[1:3] = np.arange(5) * 10; put("set_basic", x)
x = a2.copy(); x[[0, 3]] = np.array([[2.7], [-3.9]]); put("set_float_into_int", x)
x = a3.copy(); x[0, :, [1, 2]] = np.arange(8).reshape(2, 4); put("set_separated", x)
x = a2.copy(); x[::-1, ::2][[0, 1], [2, 0]] = 99; put("set_negstride", x)
x = a2.copy(); x[[1, 2], m5] = [[7, 8]]; put("set_value_leading1", x)
x = v.copy(); x[np.array(True)] = 7; put("set_true0d", x)

# ---- index routines -------------------------------------------------------------------------
put("indices_23", np.indices((2, 3)))
put("indices_sparse_1", np.indices((2, 3), sparse=True)[1])
put("ix_0", np.ix_([1, 3], [2, 4, 0])[0])
put("ix_1", np.ix_([1, 3], [2, 4, 0])[1])
put("ix_bool", np.ix_(np.array([True, False, True]))[0])
put("rmi_c", np.ravel_multi_index(([0, 2, 3], [1, 4, 0]), (4, 5)))
put("rmi_f", np.ravel_multi_index(([0, 2, 3], [1, 4, 0]), (4, 5), order="F"))
put("rmi_wrap", np.ravel_multi_index(([5, -1], [7, -6]), (4, 5), mode="wrap"))
put("rmi_clip", np.ravel_multi_index(([5, -1], [7, -6]), (4, 5), mode="clip"))
put("rmi_mixed", np.ravel_multi_index(([5, -1], [4, 2]), (4, 5), mode=("wrap", "raise")))
put("unravel_c_0", np.unravel_index([22, 41, 37], (7, 6))[0])
put("unravel_c_1", np.unravel_index([22, 41, 37], (7, 6))[1])
put("unravel_f_0", np.unravel_index([31, 41, 13], (7, 6), order="F")[0])
put("unravel_f_1", np.unravel_index([31, 41, 13], (7, 6), order="F")[1])
put("diag_indices_3", np.diag_indices(4, 3)[2])
put("tril_4_0", np.tril_indices(4)[1])
put("tril_4_m1_r", np.tril_indices(4, -1)[0])
put("tril_4_m1_c", np.tril_indices(4, -1)[1])
put("triu_3_1_5_r", np.triu_indices(3, 1, 5)[0])
put("triu_3_1_5_c", np.triu_indices(3, 1, 5)[1])
put("tril_from_r", np.tril_indices_from(np.zeros((3, 5)), 1)[0])
put("tril_from_c", np.tril_indices_from(np.zeros((3, 5)), 1)[1])
put("mask_indices_triu1_r", np.mask_indices(4, np.triu, 1)[0])
put("mask_indices_triu1_c", np.mask_indices(4, np.triu, 1)[1])
x = np.zeros((5, 3), dtype=np.int64); np.fill_diagonal(x, 4); put("fill_diag_tall", x)
x = np.zeros((7, 3), dtype=np.int64); np.fill_diagonal(x, 4, wrap=True); put("fill_diag_wrap", x)
x = np.zeros((3, 3, 3)); np.fill_diagonal(x, [1, 2]); put("fill_diag_3d", x)
choices = np.arange(12).reshape(3, 4) * 10
put("in_choices", choices)
put("choose_basic", np.choose([2, 0, 1, 1], choices))
put("choose_bcast", np.choose(np.array([[0], [2]]), choices))
put("choose_wrap", np.choose([3, -1, 5, 0], choices, mode="wrap"))
put("choose_clip", np.choose([3, -1, 5, 0], choices, mode="clip"))
xs = np.arange(8)
put("select_basic", np.select([xs < 3, xs > 5], [xs, xs ** 2], default=-1))
put("select_float", np.select([xs < 3, xs > 5], [xs * 0.5, xs], default=np.nan))
x = a2.copy(); np.place(x, x % 4 == 1, [-1, -2]); put("place_cycle", x)
x = a2.copy(); np.putmask(x, x > 13, [100, 200, 300]); put("putmask_cycle", x)
x = a2.copy(); np.put_along_axis(x, np.array([[0], [4], [2], [1]]), -5, axis=1); put("put_along_1", x)
x = a2.copy(); np.put_along_axis(x, np.array([[3, 0, 1, 2, 0]]), np.array([[9, 8, 7, 6, 5]]), axis=0)
put("put_along_0", x)
x = a2.copy(); t = x.T; np.putmask(t, t > 13, [100, 200, 300]); put("putmask_transposed", t)
x = a2.copy(); r = x[::-1]; np.place(r, r % 4 == 1, [-1, -2]); put("place_reversed", r)
put("choose_reversed", np.choose(np.array([1, 1, 0, 2])[::-1], choices[:, ::-1]))
put("select_noncontig", np.select([(xs < 3)[::-1]], [xs[::-1]], default=-1))
from numpy.lib.stride_tricks import sliding_window_view as swv
put("swv_1d", swv(np.arange(6), 3))
put("swv_2d", swv(a2, (2, 3)))
put("swv_axis", swv(a2, 2, axis=0))
put("swv_axes", swv(a3, (2, 2), axis=(0, 2)))

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "fancy", "fancy.txt")
with open(path, "w") as f:
    f.write("\n".join(out) + "\n")
