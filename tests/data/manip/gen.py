#!/usr/bin/python3
"""Fixtures for tests/test_manip.c and tests/test_sort.c (NumPy 1.24, Debian's python3).

Each line: name dtype ndim d0 .. d{ndim-1} v0 v1 ... (values in C order; floats as repr,
'nan'/'inf' spelled as Python does). Lines starting with 'in_' are inputs."""
import numpy as np

out = []


def put(name, a):
    a = np.asarray(a)
    vals = " ".join(repr(float(x)) if a.dtype.kind == "f" else str(int(x)) for x in a.ravel())
    out.append(f"{name} {a.dtype.name} {a.ndim} {' '.join(map(str, a.shape))} {vals}".replace("  ", " "))


rng = np.random.default_rng(7)
a = np.arange(24, dtype=np.int64).reshape(2, 3, 4)
b = (np.arange(6, dtype=np.float64).reshape(2, 3) - 2.5) * 1.5
v = rng.normal(size=37).round(3)
v[[3, 17, 30]] = np.nan
w = rng.integers(-50, 50, size=300)
dup = rng.integers(0, 8, size=40)
put("in_a", a)
put("in_b", b)
put("in_v", v)
put("in_w", w)
put("in_dup", dup)

put("concat_ax1", np.concatenate([a, a[:, :2] * 10], axis=1))
put("concat_mixed", np.concatenate([b, np.ones((1, 3), dtype=np.int32)], axis=0))
put("stack_ax1", np.stack([b, b * 2], axis=1))
put("hstack_1d", np.hstack([v[:3], w[:2]]))
put("vstack_1d", np.vstack([w[:4], w[4:8]]))
put("dstack", np.dstack([b, b]))
put("column_stack", np.column_stack([w[:3], w[3:6]]))
put("tile_23", np.tile(b, (2, 3)))
put("tile_3d", np.tile(w[:3], (2, 1, 2)))
put("repeat_ax0", np.repeat(b, [1, 3], axis=0))
put("repeat_none", np.repeat(b, 2))
put("flip_ax1", np.flip(a, axis=1))
put("roll_ax2", np.roll(a, 5, axis=2))
put("roll_none", np.roll(a, -7))
put("rot90_1", np.rot90(b, 1))
put("rot90_3", np.rot90(b, 3))
put("resize", np.resize(b, (4, 4)))
for mode in ["constant", "edge", "reflect", "symmetric", "wrap"]:
    put(f"pad_{mode}", np.pad(b, ((1, 2), (4, 3)), mode=mode))
put("pad_reflect_big", np.pad(w[:3], 7, mode="reflect"))
put("take_ax1", np.take(a, np.array([[2, 0], [-1, 1]]), axis=1))
put("take_along", np.take_along_axis(b, np.argsort(b, axis=1), axis=1))
put("mask_select", a[a % 3 == 1])
put("where", np.where(b > 0, b, w[:3]))
put("argwhere", np.argwhere(a % 5 == 0))
put("compress", np.compress([True, False, True], b, axis=1))

put("sort_v", np.sort(v))
put("sort_w", np.sort(w))
put("sort_b_ax0", np.sort(b[::-1], axis=0))
put("argsort_v_stable", np.argsort(v, kind="stable"))
put("argsort_w_stable", np.argsort(w, kind="stable"))
put("argsort_dup_stable", np.argsort(dup, kind="stable"))
put("lexsort", np.lexsort([w[:40], dup]))
put("searchsorted_left", np.searchsorted(np.sort(dup), [0, 3, 3.5, 9, -1], side="left"))
put("searchsorted_right", np.searchsorted(np.sort(dup), [0, 3, 3.5, 9, -1], side="right"))
u, idx, inv, cnt = np.unique(dup, return_index=True, return_inverse=True, return_counts=True)
put("unique_vals", u)
put("unique_index", idx)
put("unique_inverse", inv)
put("unique_counts", cnt)
put("unique_v", np.unique(v))
put("isin", np.isin(w[:20], dup))
put("intersect", np.intersect1d(w[:60], dup))
put("union", np.union1d(w[:10], dup))
put("setdiff", np.setdiff1d(dup, w[:60]))
put("setxor", np.setxor1d(w[:30], dup))
print("\n".join(out))
