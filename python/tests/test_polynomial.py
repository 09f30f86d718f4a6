"""numc.polynomial's six families against numpy.polynomial's module functions."""
import numpy as np
import pytest

import numc as nc
import numc.polynomial as ncp

rng = np.random.default_rng(8)
FAMS = [("polynomial", "poly"), ("chebyshev", "cheb"), ("legendre", "leg"), ("laguerre", "lag"),
        ("hermite", "herm"), ("hermite_e", "herme")]


def close(a, b, rtol=1e-9):
    if isinstance(b, (tuple, list)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            close(x, y, rtol)
        return
    an, bn = np.asarray(a), np.asarray(b)
    assert an.shape == bn.shape, (an.shape, bn.shape)
    np.testing.assert_allclose(an, bn, rtol=rtol, atol=1e-9)


@pytest.mark.parametrize("mod,p", FAMS)
def test_family(mod, p):
    c, n = getattr(ncp, mod), getattr(np.polynomial, mod)
    f = lambda name: (getattr(c, p + name), getattr(n, p + name))
    coef = np.array([1.0, -2.0, 0.5, 3.0])
    x = rng.uniform(-1, 1, (3, 4))
    a, b = f("val")
    close(a(x, coef), b(x, coef))
    close(a(x, np.stack([coef, coef[::-1]], axis=1)), b(x, np.stack([coef, coef[::-1]], axis=1)))
    assert a(0.3, coef) == pytest.approx(b(0.3, coef))
    c2 = rng.standard_normal((3, 2))
    c3 = rng.standard_normal((2, 2, 3))
    y, z = rng.uniform(-1, 1, (3, 4)), rng.uniform(-1, 1, (3, 4))
    close(getattr(c, p + "val2d")(x, y, c2), getattr(n, p + "val2d")(x, y, c2))
    close(getattr(c, p + "val3d")(x, y, z, c3), getattr(n, p + "val3d")(x, y, z, c3))
    gx, gy = x[0], y[1, :3]
    close(getattr(c, p + "grid2d")(gx, gy, c2), getattr(n, p + "grid2d")(gx, gy, c2))
    close(getattr(c, p + "grid3d")(gx, gy, gx[:2], c3), getattr(n, p + "grid3d")(gx, gy, gx[:2], c3))
    v = x.ravel()
    close(getattr(c, p + "vander")(v, 3), getattr(n, p + "vander")(v, 3))
    close(getattr(c, p + "vander2d")(v, v[::-1], (2, 1)), getattr(n, p + "vander2d")(v, v[::-1], (2, 1)))
    close(getattr(c, p + "vander3d")(v, v, v, (1, 2, 1)), getattr(n, p + "vander3d")(v, v, v, (1, 2, 1)))
    xs = np.linspace(-1, 1, 15)
    ys = np.cos(2 * xs) + 0.01 * rng.standard_normal(15)
    a, b = f("fit")
    close(a(xs, ys, 4), b(xs, ys, 4), rtol=1e-7)
    close(a(xs, ys, [0, 2, 4]), b(xs, ys, [0, 2, 4]), rtol=1e-7)
    w = rng.random(15) + 0.5
    close(a(xs, ys, 3, w=w), b(xs, ys, 3, w=w), rtol=1e-7)
    r1, info1 = a(xs, ys, 3, full=True)
    r2, info2 = b(xs, ys, 3, full=True)
    close(r1, r2, rtol=1e-7)
    close(info1[0], info2[0], rtol=1e-6)
    assert info1[1] == info2[1]
    a, b = f("der")
    close(a(coef), b(coef))
    close(a(coef, 2, scl=0.5), b(coef, 2, scl=0.5))
    close(a(c2, axis=1), b(c2, axis=1))
    a, b = f("int")
    close(a(coef), b(coef))
    close(a(coef, 2, k=[1.0, 2.0], lbnd=0.5, scl=2.0), b(coef, 2, k=[1.0, 2.0], lbnd=0.5, scl=2.0))
    close(a(coef, k=3.0), b(coef, k=3.0))
    roots = np.array([-0.5, 0.25, 0.75])
    close(np.sort(np.asarray(getattr(c, p + "roots")(getattr(n, p + "fromroots")(roots)))), roots, rtol=1e-7)
    close(getattr(c, p + "fromroots")(roots), getattr(n, p + "fromroots")(roots))
    close(getattr(c, p + "companion")(coef), getattr(n, p + "companion")(coef))
    c1b = np.array([0.5, 1.0, -1.0])
    for op in ("add", "sub", "mul", "div"):
        close(getattr(c, p + op)(coef, c1b), getattr(n, p + op)(coef, c1b))
    close(getattr(c, p + "pow")(c1b, 3), getattr(n, p + "pow")(c1b, 3))
    close(getattr(c, p + "mulx")(coef), getattr(n, p + "mulx")(coef))
    close(getattr(c, p + "trim")([1.0, 2.0, 1e-12, 0.0], 1e-9), getattr(n, p + "trim")([1.0, 2.0, 1e-12, 0.0], 1e-9))
    close(getattr(c, p + "line")(3.0, 2.0), getattr(n, p + "line")(3.0, 2.0))
    if p != "poly":
        close(getattr(c, p + "2poly")(coef), getattr(n, p + "2poly")(coef))
        close(getattr(c, "poly2" + p)(coef), getattr(n, "poly2" + p)(coef))
        close(getattr(c, p + "gauss")(5), getattr(n, p + "gauss")(5))
        wx = np.linspace(0.1, 0.9, 5)
        close(getattr(c, p + "weight")(wx), getattr(n, p + "weight")(wx))
    with pytest.raises(ValueError):
        getattr(c, p + "pow")(c1b, -1)
    with pytest.raises(ValueError):
        getattr(c, p + "der")(coef, -1)


def test_chebpts():
    for n in (1, 2, 5):
        close(ncp.chebyshev.chebpts1(n), np.polynomial.chebyshev.chebpts1(n))
    for n in (2, 5):
        close(ncp.chebyshev.chebpts2(n), np.polynomial.chebyshev.chebpts2(n))


def test_import_forms():
    import numc.polynomial.legendre as L
    assert L.legval is nc.polynomial.legendre.legval
    assert "legfit" in L.__all__
