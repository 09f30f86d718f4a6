"""numc.linalg against numpy.linalg: same shapes, dtypes and values (to rounding)."""
import numpy as np
import pytest

import numc as nc
import numc.linalg as la

rng = np.random.default_rng(7)


def close(a, b, rtol=1e-10, atol=1e-10, dtype=True):
    an, bn = np.asarray(a), np.asarray(b)
    assert an.shape == bn.shape, (an.shape, bn.shape)
    if dtype:
        assert an.dtype == bn.dtype, (an.dtype, bn.dtype)
    np.testing.assert_allclose(an, bn, rtol=rtol, atol=atol)


A = rng.standard_normal((4, 4))
B = rng.standard_normal((4, 3))
S = A @ A.T + 4 * np.eye(4)                       # symmetric positive definite
STACK = rng.standard_normal((3, 4, 4))
C = A + 1j * rng.standard_normal((4, 4))
R = rng.standard_normal((5, 3))                    # tall


@pytest.mark.parametrize("name", ["matmul", "dot", "inner", "outer", "kron"])
def test_products(name):
    for a, b in [(A, B), (STACK, A), (A[0], A[1]), (B.T, B.T)]:
        if (name == "matmul" and a.ndim == 1) or (name == "inner" and a.shape[-1] != b.shape[-1]):
            continue
        if name in ("dot", "matmul") and a.shape[-1] != b.shape[-2 if b.ndim > 1 else 0]:
            continue
        close(getattr(la, name)(a, b), getattr(np, name)(a, b))
    close(la.dot(A[0], A[1]), np.dot(A[0], A[1]))
    close(la.vdot(C, C), np.vdot(C, C))


def test_tensordot_multi_dot_einsum():
    x = rng.standard_normal((3, 4, 5))
    y = rng.standard_normal((4, 3, 2))
    close(la.tensordot(x, y, axes=([0, 1], [1, 0])), np.tensordot(x, y, axes=([0, 1], [1, 0])))
    close(la.tensordot(A, A), np.tensordot(A, A))
    close(la.tensordot(A, B, axes=1), np.tensordot(A, B, axes=1))
    close(la.multi_dot([A, B, B.T, A]), np.linalg.multi_dot([A, B, B.T, A]))
    close(la.einsum("ij,jk->ik", A, B), np.einsum("ij,jk->ik", A, B))
    close(la.einsum("ii", A), np.einsum("ii", A))
    close(la.einsum("bij,bjk->bik", STACK, STACK), np.einsum("bij,bjk->bik", STACK, STACK))
    close(la.einsum("i,i", A[0], A[1]), np.einsum("i,i", A[0], A[1]))
    path, report = la.einsum_path("ij,jk,kl->il", A, B, B.T, optimize="greedy")
    npath, _ = np.einsum_path("ij,jk,kl->il", A, B, B.T, optimize="greedy")
    assert path == npath
    assert "Complete contraction" in report
    close(la.trace(STACK, 1, 1, 2), np.trace(STACK, 1, 1, 2))
    assert la.trace(np.arange(9).reshape(3, 3)) == np.trace(np.arange(9).reshape(3, 3))


def test_solve_inv_det():
    b = rng.standard_normal(4)
    close(la.solve(A, b), np.linalg.solve(A, b))
    close(la.solve(A, B), np.linalg.solve(A, B))
    close(la.inv(A), np.linalg.inv(A))
    close(la.inv(STACK), np.linalg.inv(STACK))
    close(la.inv(A.astype(np.float32)), np.linalg.inv(A.astype(np.float32)), rtol=1e-4, atol=1e-4)
    close(la.inv(C), np.linalg.inv(C))
    assert la.det(A) == pytest.approx(np.linalg.det(A))
    close(la.det(STACK), np.linalg.det(STACK))
    s, l = la.slogdet(A)
    ns, nl = np.linalg.slogdet(A)
    assert s == ns and l == pytest.approx(nl)
    close(la.pinv(R), np.linalg.pinv(R))
    close(la.pinv(R, rcond=1e-3), np.linalg.pinv(R, rcond=1e-3))


def test_lstsq_rank_cond_power():
    b = rng.standard_normal(5)
    x, res, rank, sv = la.lstsq(R, b, rcond=None)
    nx, nres, nrank, nsv = np.linalg.lstsq(R, b, rcond=None)
    close(x, nx)
    close(res, nres)
    assert rank == nrank
    close(sv, nsv)
    assert la.matrix_rank(A) == np.linalg.matrix_rank(A)
    sing = np.array([[1.0, 2.0], [2.0, 4.0]])
    assert la.matrix_rank(sing) == np.linalg.matrix_rank(sing) == 1
    assert la.matrix_rank(sing, tol=10.0) == np.linalg.matrix_rank(sing, tol=10.0)
    for p in (None, 2, -2, "fro", "nuc", 1, -1, np.inf, -np.inf):
        assert la.cond(A, p) == pytest.approx(np.linalg.cond(A, p)), p
    for n in (0, 1, 3, -2):
        close(la.matrix_power(A, n), np.linalg.matrix_power(A, n), rtol=1e-8)
    ai = np.arange(9).reshape(3, 3)
    close(la.matrix_power(ai, 3), np.linalg.matrix_power(ai, 3))


def test_decompositions():
    close(la.cholesky(S), np.linalg.cholesky(S))
    q, r = la.qr(R)
    nq, nr = np.linalg.qr(R)
    close(np.abs(q), np.abs(nq))
    close(np.asarray(q) @ np.asarray(r), R)
    q, r = la.qr(R, mode="complete")
    assert q.shape == (5, 5) and r.shape == (5, 3)
    close(np.abs(la.qr(R, mode="r")), np.abs(np.linalg.qr(R, mode="r")))
    u, s, vh = la.svd(R)
    nu, ns, nvh = np.linalg.svd(R)
    close(s, ns)
    assert u.shape == nu.shape and vh.shape == nvh.shape
    u, s, vh = la.svd(R, full_matrices=False)
    close(np.asarray(u) * np.asarray(s) @ np.asarray(vh), R)
    close(la.svd(STACK, compute_uv=False), np.linalg.svd(STACK, compute_uv=False))
    w, v = la.eigh(S)
    nw, nv = np.linalg.eigh(S)
    close(w, nw)
    close(np.abs(v), np.abs(nv))
    close(la.eigvalsh(S, UPLO="U"), np.linalg.eigvalsh(S, UPLO="U"))
    w, v = la.eig(A)
    nw = np.linalg.eigvals(A)
    close(np.sort_complex(np.asarray(w)), np.sort_complex(nw))
    close(np.asarray(A) @ np.asarray(v), np.asarray(v) * np.asarray(w))
    close(np.sort_complex(np.asarray(la.eigvals(A))), np.sort_complex(nw))
    real = np.array([[2.0, 1.0], [1.0, 3.0]])
    assert np.asarray(la.eigvals(real)).dtype == np.linalg.eigvals(real).dtype


def test_norm():
    v = rng.standard_normal(7)
    for ord in (None, 0, 1, 2, 3.5, np.inf, -np.inf, -1):
        assert la.norm(v, ord) == pytest.approx(np.linalg.norm(v, ord)), ord
    for ord in (None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf):
        assert la.norm(A, ord) == pytest.approx(np.linalg.norm(A, ord)), ord
    close(la.norm(STACK, axis=1), np.linalg.norm(STACK, axis=1))
    close(la.norm(STACK, axis=(1, 2)), np.linalg.norm(STACK, axis=(1, 2)))
    close(la.norm(STACK, ord=2, axis=-1, keepdims=True), np.linalg.norm(STACK, ord=2, axis=-1, keepdims=True))
    # a 0-d result is a Python float (numc's rule); the value is float32's
    close(la.norm(A.astype(np.float32)), np.linalg.norm(A.astype(np.float32)), rtol=1e-6, dtype=False)
    close(la.norm(STACK.astype(np.float32), axis=2), np.linalg.norm(STACK.astype(np.float32), axis=2), rtol=1e-6)


def test_tensorinv_tensorsolve():
    a = np.eye(4 * 6).reshape(4, 6, 8, 3) + 0.1 * rng.standard_normal((4, 6, 8, 3))
    close(la.tensorinv(a, ind=2), np.linalg.tensorinv(a, ind=2), rtol=1e-8)
    a = np.eye(2 * 3 * 4).reshape(2 * 3, 4, 2, 3, 4) + 0.1 * rng.standard_normal((6, 4, 2, 3, 4))
    b = rng.standard_normal((2 * 3, 4))
    close(la.tensorsolve(a, b), np.linalg.tensorsolve(a, b), rtol=1e-8)


def test_errors():
    assert issubclass(la.LinAlgError, Exception)
    assert la.LinAlgError is nc._core.LinAlgError
    with pytest.raises(la.LinAlgError, match="singular"):
        la.inv(np.zeros((3, 3)))
    with pytest.raises(la.LinAlgError):
        la.cholesky(-np.eye(2))
    with pytest.raises(la.LinAlgError):
        la.inv(np.ones((2, 3)))
    with pytest.raises(ValueError):
        la.matmul(np.ones((2, 3)), np.ones((2, 3)))
    with pytest.raises(ValueError):
        la.qr(A, mode="economic-ish")
    with pytest.raises(ValueError):
        la.eigh(S, UPLO="X")


def test_memory_shared_inputs_are_unchanged():
    a = A.copy()
    la.inv(a)
    la.svd(a)
    np.testing.assert_array_equal(a, A)


def test_large_runs_without_gil_and_matches():
    big = rng.standard_normal((200, 200))
    close(la.matmul(big, big), big @ big, rtol=1e-9)
    close(la.solve(big, big[:, 0]), np.linalg.solve(big, big[:, 0]), rtol=1e-6, atol=1e-8)
