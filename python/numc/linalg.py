"""numc.linalg: numpy.linalg's names, signatures and defaults over numc's linalg.h.

Results are numc arrays (0-d results are Python scalars, as everywhere in numc);
numc's ND_ELINALG errors raise numc.linalg.LinAlgError with numc's message.
"""
from . import _core
from ._core import _linalg as _m
from ._core import LinAlgError

__all__ = ["LinAlgError", "matmul", "dot", "vdot", "inner", "outer", "multi_dot", "tensordot",
           "einsum", "einsum_path", "kron", "trace", "solve", "inv", "pinv", "det", "slogdet",
           "lstsq", "cholesky", "qr", "svd", "eig", "eigh", "eigvals", "eigvalsh", "norm",
           "cond", "matrix_rank", "matrix_power", "tensorinv", "tensorsolve"]


def _ord_text(ord):
    """NumPy's ord (None, 'fro', 'nuc', inf, -inf, a number) as numc's text form."""
    if ord is None:
        return None
    if isinstance(ord, str):
        if ord not in ("fro", "nuc"):
            raise ValueError("Invalid norm order '%s' for matrices" % ord)
        return ord
    v = float(ord)
    if v == float("inf"):
        return "inf"
    if v == float("-inf"):
        return "-inf"
    if v == int(v):
        return str(int(v))
    return repr(v)


def matmul(x1, x2):
    """numpy.matmul(x1, x2): matrix product of the last two axes, leading axes broadcast."""
    return _m.matmul(x1, x2)


def dot(a, b):
    return _m.dot(a, b)


def vdot(a, b):
    return _m.vdot(a, b)


def inner(a, b):
    return _m.inner(a, b)


def outer(a, b):
    return _m.outer(a, b)


def kron(a, b):
    return _m.kron(a, b)


def tensordot(a, b, axes=2):
    return _m.tensordot(a, b, axes)


def multi_dot(arrays, *, out=None):
    r = _m.multi_dot(list(arrays))
    return _core_out(r, out)


def _core_out(r, out):
    if out is None:
        return r
    out[...] = r
    return out


def einsum(subscripts, *operands, out=None, dtype=None, order="K", casting="safe",
           optimize=False):
    """numpy.einsum with explicit or implicit output (string subscripts)."""
    if not isinstance(subscripts, str):
        raise TypeError("numc: einsum takes its subscripts as a string")
    r = _m.einsum(subscripts, list(operands))
    if dtype is not None:
        r = _core.asarray(r).astype(dtype, casting=casting)
    return _core_out(r, out)


def einsum_path(subscripts, *operands, optimize="greedy"):
    """numpy.einsum_path: (['einsum_path', (i, j), ...], report)."""
    if optimize is True:
        optimize = "greedy"
    if isinstance(optimize, (list, tuple)):
        return list(optimize), ""
    if optimize not in ("greedy", "optimal"):
        raise TypeError("Did not understand the path: %s" % optimize)
    steps, report = _m.einsum_path(subscripts, list(operands), optimize)
    return ["einsum_path"] + steps, report


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    r = _m.trace(a, offset, axis1, axis2)
    if dtype is not None:
        r = _core.asarray(r).astype(dtype)
        if r.ndim == 0:
            r = r.item()
    return _core_out(r, out)


def solve(a, b):
    return _m.solve(a, b)


def inv(a):
    return _m.inv(a)


def pinv(a, rcond=1e-15, hermitian=False):
    """numpy.linalg.pinv; hermitian=True gives the same pseudo-inverse through the SVD."""
    return _m.pinv(a, float(rcond))


def det(a):
    return _m.det(a)


def slogdet(a):
    """(sign, logabsdet), as numpy.linalg.slogdet."""
    return _m.slogdet(a)


def lstsq(a, b, rcond="warn"):
    """(x, residuals, rank, s); rcond None / 'warn' is eps * max(M, N)."""
    rc = -1.0 if rcond is None or isinstance(rcond, str) else float(rcond)
    return _m.lstsq(a, b, rc)


def cholesky(a):
    return _m.cholesky(a)


_QR_MODES = {"reduced": 0, "complete": 1, "r": 2}


def qr(a, mode="reduced"):
    if mode not in _QR_MODES:
        raise ValueError("numc: qr mode must be 'reduced', 'complete' or 'r' (not %r)" % (mode,))
    return _m.qr(a, _QR_MODES[mode])


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """numpy.linalg.svd: (u, s, vh), or s when compute_uv is False. hermitian=True is
    computed by the general SVD (a valid decomposition; singular vectors may differ in
    sign from NumPy's eigh-based ones)."""
    return _m.svd(a, bool(full_matrices), bool(compute_uv))


def eig(a):
    return _m.eig(a)


def eigvals(a):
    return _m.eigvals(a)


def eigh(a, UPLO="L"):
    return _m.eigh(a, UPLO, True)


def eigvalsh(a, UPLO="L"):
    return _m.eigh(a, UPLO, False)


def norm(x, ord=None, axis=None, keepdims=False):
    if axis is not None and not isinstance(axis, (tuple, list)):
        axis = int(axis)
        return _m.norm(x, _ord_text(ord), axis, bool(keepdims), True)
    return _m.norm(x, _ord_text(ord), axis, bool(keepdims), False)


def cond(x, p=None):
    return _m.cond(x, _ord_text(p))


def matrix_rank(A, tol=None, hermitian=False):
    return _m.matrix_rank(A, -1.0 if tol is None else float(tol))


def matrix_power(a, n):
    if not isinstance(n, int):
        raise TypeError("exponent must be an integer")
    return _m.matrix_power(a, n)


def tensorinv(a, ind=2):
    return _m.tensorinv(a, ind)


def tensorsolve(a, b, axes=None):
    return _m.tensorsolve(a, b, () if axes is None else tuple(axes))
