#!/usr/bin/python3
"""Fixtures for tests/test_linalg_*.c: inputs and NumPy's results.

Run with Debian's python3 (numpy 1.24): cd tests/data/linalg && /usr/bin/python3 gen.py
Writes linalg.txt, one array per line:
    name dtype ndim d0 d1 ... v0 v1 ...
values in C order, complex values as "re im", floats as repr (round-trips exactly)."""
import numpy as np

rng = np.random.default_rng(20261125)
out = []


def put(name, a):
    a = np.asarray(a)
    if a.dtype.kind == "c":
        vals = []
        for z in a.ravel():
            vals += [repr(float(z.real)), repr(float(z.imag))]
    elif a.dtype.kind == "f":
        vals = [repr(float(v)) for v in a.ravel()]
    elif a.dtype.kind == "b":
        vals = [str(int(v)) for v in a.ravel()]
    else:
        vals = [str(int(v)) for v in a.ravel()]
    out.append(" ".join([name, a.dtype.name, str(a.ndim)] + [str(d) for d in a.shape] + vals))


def randn(*shape, dtype=np.float64):
    if np.dtype(dtype).kind == "c":
        x = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    else:
        x = rng.standard_normal(shape)
    return x.astype(dtype)


def wellcond(n, dtype=np.float64, stack=()):
    return (randn(*stack, n, n, dtype=dtype) + 2 * n * np.eye(n)).astype(dtype)


def spd(n, dtype=np.float64):
    s = randn(n, n, dtype=dtype)
    return (s @ s.conj().T + n * np.eye(n)).astype(dtype)


# ---- products ----------------------------------------------------------------------------
A34, B45 = randn(3, 4), randn(4, 5)
put("A34", A34); put("B45", B45); put("mm_A34_B45", A34 @ B45)
S234 = randn(2, 3, 4)
put("S234", S234); put("mm_S234_B45", S234 @ B45)
P2134, Q546 = randn(2, 1, 3, 4), randn(5, 4, 6)
put("P2134", P2134); put("Q546", Q546); put("mm_P2134_Q546", P2134 @ Q546)
v4 = randn(4)
put("v4", v4); put("mm_v4_B45", v4 @ B45); put("mm_A34_v4", A34 @ v4); put("mm_v4_v4", v4 @ v4)
v3 = randn(3)
put("v3", v3); put("mm_S234_v4", S234 @ v4); put("mm_v3_S234", v3 @ S234)
I34 = rng.integers(-50, 50, (3, 4)).astype(np.int32)
I45 = rng.integers(-50, 50, (4, 5)).astype(np.int32)
put("I34", I34); put("I45", I45); put("mm_I34_I45", I34 @ I45)
K8 = np.full((2, 3), 100, dtype=np.int8); L8 = np.full((3, 2), 100, dtype=np.int8)
put("K8", K8); put("L8", L8); put("mm_K8_L8", K8 @ L8)
Bo1 = rng.random((3, 4)) > 0.6; Bo2 = rng.random((4, 2)) > 0.6
put("Bo1", Bo1); put("Bo2", Bo2); put("mm_Bo1_Bo2", Bo1 @ Bo2)
C34, C45 = randn(3, 4, dtype=np.complex128), randn(4, 5, dtype=np.complex128)
put("C34", C34); put("C45", C45); put("mm_C34_C45", C34 @ C45)
F34, F45 = randn(3, 4, dtype=np.float32), randn(4, 5, dtype=np.float32)
put("F34", F34); put("F45", F45); put("mm_F34_F45", F34 @ F45)
G34 = randn(3, 4, dtype=np.complex64)
put("G34", G34); put("mm_G34_F45", G34 @ F45)
put("mm_I34_B45", I34 @ B45)

T234, T345 = randn(2, 3, 4), randn(3, 4, 5)
put("T234", T234); put("T345", T345)
put("dot_T234_T345", np.dot(T234, T345))
put("dot_T234_v4", np.dot(T234, v4))
put("dot_A34_B45", np.dot(A34, B45))
R54 = randn(5, 4)
put("R54", R54); put("inner_A34_R54", np.inner(A34, R54)); put("inner_T234_R54", np.inner(T234, R54))
put("outer_v3_v4", np.outer(v3, v4)); put("outer_A34_v3", np.outer(A34, v3))
put("tensordot_T234_T345_2", np.tensordot(T234, T345, 2))
put("tensordot_T234_T345_ax", np.tensordot(T234, T345, axes=([1, 2], [0, 1])))
put("tensordot_T234_S234_ax", np.tensordot(T234, S234, axes=([0, 2], [0, 2])))
A23, B32 = randn(2, 3), randn(3, 2)
put("A23", A23); put("B32", B32); put("kron_A23_B32", np.kron(A23, B32))
put("kron_v3_A23", np.kron(v3, A23))
put("kron_I34_K8", np.kron(I34, K8))
put("vdot_C34_C34b", np.vdot(C34, C34[::-1]))
put("vdot_A34_A34", np.vdot(A34, A34))
put("trace_A34", np.trace(A34))
put("trace_T234_o1_12", np.trace(T234, offset=1, axis1=1, axis2=2))
put("trace_I34", np.trace(I34))
put("trace_C34_om1", np.trace(C34, offset=-1))

M10_100, M100_5, M5_50, M50_1 = randn(10, 100), randn(100, 5), randn(5, 50), randn(50, 1)
for n, m in [("M10_100", M10_100), ("M100_5", M100_5), ("M5_50", M5_50), ("M50_1", M50_1)]:
    put(n, m)
put("multi_dot_4", np.linalg.multi_dot([M10_100, M100_5, M5_50, M50_1]))
v10 = randn(10); v50 = randn(50)
put("v10", v10); put("v50", v50)
put("multi_dot_vec", np.linalg.multi_dot([v10, M10_100, M100_5, M5_50, v50]))

W33 = randn(3, 3) / 2 + np.eye(3)
put("W33", W33)
put("matrix_power_W33_5", np.linalg.matrix_power(W33, 5))
put("matrix_power_W33_m2", np.linalg.matrix_power(W33, -2))
Wst = randn(2, 3, 3) / 2 + np.eye(3)
put("Wst", Wst); put("matrix_power_Wst_3", np.linalg.matrix_power(Wst, 3))
Iw = rng.integers(-3, 4, (3, 3)).astype(np.int64)
put("Iw", Iw); put("matrix_power_Iw_4", np.linalg.matrix_power(Iw, 4))

# einsum
X = randn(4, 4)
put("X44", X)
put("ein_ij_jk", np.einsum("ij,jk->ik", A34, B45))
U243 = randn(2, 4, 3)
put("U243", U243); put("ein_bij_bjk", np.einsum("bij,bjk->bik", S234, U243))
put("ein_ii", np.einsum("ii", X))
put("ein_ii_i", np.einsum("ii->i", X))
put("ein_ij_ji", np.einsum("ij->ji", A34))
put("ein_i_j_ij", np.einsum("i,j->ij", v3, v4))
put("ein_ij_i", np.einsum("ij->i", A34))
put("ein_ij_j", np.einsum("ij->j", A34))
put("ein_ell", np.einsum("...ij,...jk", S234, B45))
X324, Y232 = randn(3, 2, 4), randn(2, 3, 2)
put("X324", X324); put("Y232", Y232)
put("ein_ijk_jil_kl", np.einsum("ijk,jil->kl", X324, Y232))
put("ein_i_i", np.einsum("i,i", v4, v4))
put("ein_ij_ij", np.einsum("ij,ij->", A34, A34))
Z32 = randn(3, 2)
put("Z32", Z32); put("ein_implicit", np.einsum("ji,jk", A34, Z32))
put("ein_int", np.einsum("ij,jk->ik", I34, I45))
Y52 = randn(5, 2)
put("Y52", Y52); put("ein_three", np.einsum("ij,jk,kl->il", A34, B45, Y52))
put("ein_sum_a", np.einsum("ij,jk->k", A34, B45))
put("ein_c", np.einsum("ij,jk->ik", C34, C45))

# ---- solvers and decompositions -------------------------------------------------------------
for tag, dt in [("d", np.float64), ("f", np.float32), ("z", np.complex128), ("c", np.complex64)]:
    G = wellcond(4, dt)
    b = randn(4, dtype=dt)
    Bm = randn(4, 2, dtype=dt)
    Gs = wellcond(3, dt, (2,))
    bs = randn(2, 3, 2, dtype=dt)
    put(f"G4_{tag}", G); put(f"b4_{tag}", b); put(f"Bm_{tag}", Bm)
    put(f"Gs_{tag}", Gs); put(f"bs_{tag}", bs)
    put(f"solve_G4_b4_{tag}", np.linalg.solve(G, b))
    put(f"solve_G4_Bm_{tag}", np.linalg.solve(G, Bm))
    put(f"solve_Gs_bs_{tag}", np.linalg.solve(Gs, bs))
    put(f"inv_G4_{tag}", np.linalg.inv(G))
    put(f"inv_Gs_{tag}", np.linalg.inv(Gs))
    put(f"det_G4_{tag}", np.linalg.det(G))
    put(f"det_Gs_{tag}", np.linalg.det(Gs))
    sgn, ld = np.linalg.slogdet(Gs)
    put(f"slogdet_sign_Gs_{tag}", sgn); put(f"slogdet_log_Gs_{tag}", ld)
    P = spd(5, dt)
    put(f"P5_{tag}", P); put(f"chol_P5_{tag}", np.linalg.cholesky(P))
    put(f"eigvalsh_P5_{tag}", np.linalg.eigvalsh(P))
    put(f"eigvalsh_P5_U_{tag}", np.linalg.eigvalsh(np.triu(P), UPLO="U"))
    A = randn(5, 3, dtype=dt)
    put(f"A53_{tag}", A)
    put(f"svdvals_A53_{tag}", np.linalg.svd(A, compute_uv=False))
    q, r = np.linalg.qr(A)
    put(f"qr_r_A53_{tag}", r)
    put(f"eigvals_G4_{tag}", np.sort_complex(np.linalg.eigvals(G).astype(np.complex128)))
    put(f"pinv_A53_{tag}", np.linalg.pinv(A))
    bb = randn(5, dtype=dt)
    put(f"b5_{tag}", bb)
    x, res, rank, s = np.linalg.lstsq(A, bb, rcond=None)
    put(f"lstsq_x_{tag}", x); put(f"lstsq_res_{tag}", res); put(f"lstsq_s_{tag}", s)
    put(f"norm_A53_{tag}", np.linalg.norm(A))
    put(f"norm_A53_nuc_{tag}", np.linalg.norm(A, "nuc"))
    put(f"norm_A53_2_{tag}", np.linalg.norm(A, 2))
    put(f"cond_G4_{tag}", np.linalg.cond(G))

# rank-deficient and special matrices
D = randn(5, 3) @ randn(3, 5)
put("D55", D)
put("matrix_rank_D55", np.linalg.matrix_rank(D))
put("pinv_D55", np.linalg.pinv(D))
bd = randn(5)
put("bd5", bd)
x, res, rank, s = np.linalg.lstsq(D, bd, rcond=None)
put("lstsq_D_x", x); put("lstsq_D_s", s)
A64 = randn(6, 4); B62 = randn(6, 2)
put("A64", A64); put("B62", B62)
x, res, rank, s = np.linalg.lstsq(A64, B62, rcond=None)
put("lstsq_A64_B62_x", x); put("lstsq_A64_B62_res", res); put("lstsq_A64_B62_s", s)
NE = np.array([[2.0, -1.0, 0.0], [1.0, 2.0, 0.5], [0.0, -0.5, 3.0]])
put("NE33", NE)
w = np.linalg.eigvals(NE)
put("eigvals_NE33", np.sort_complex(w))

# norms
N34 = randn(3, 4)
put("N34", N34)
for ordname, o in [("none", None), ("fro", "fro"), ("nuc", "nuc"), ("1", 1), ("m1", -1), ("2", 2),
                   ("m2", -2), ("inf", np.inf), ("minf", -np.inf)]:
    put(f"norm_N34_{ordname}", np.linalg.norm(N34, o))
for ordname, o in [("none", None), ("0", 0), ("1", 1), ("2", 2), ("3.5", 3.5), ("inf", np.inf),
                   ("minf", -np.inf), ("m1", -1)]:
    put(f"norm_N34_ax1_{ordname}", np.linalg.norm(N34, o, axis=1))
put("norm_N34_ax0_keep", np.linalg.norm(N34, axis=0, keepdims=True))
put("norm_T234_ax21", np.linalg.norm(T234, "fro", axis=(2, 1)))
put("norm_T234_ax02_2", np.linalg.norm(T234, 2, axis=(0, 2)))
put("norm_T234_all", np.linalg.norm(T234))
put("norm_C34", np.linalg.norm(C34))
put("norm_C34_ax0_1", np.linalg.norm(C34, 1, axis=0))
G = wellcond(4)
put("Gc", G)
for ordname, o in [("none", None), ("fro", "fro"), ("nuc", "nuc"), ("1", 1), ("m1", -1), ("2", 2),
                   ("m2", -2), ("inf", np.inf), ("minf", -np.inf)]:
    put(f"cond_Gc_{ordname}", np.linalg.cond(G, o))

with open("linalg.txt", "w") as f:
    f.write("\n".join(out) + "\n")
