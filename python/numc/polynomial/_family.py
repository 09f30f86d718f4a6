"""The module functions of one numpy.polynomial family (chebval, chebfit, ...), made for the
family index f (0 polynomial, 1 chebyshev, 2 legendre, 3 laguerre, 4 hermite,
5 hermite_e) with NumPy's names, signatures and defaults."""
import operator as _op

from .._core import _polynomial as _m


def make(f, p, g):
    """Fill the module globals g with the functions of family f, prefix p ("cheb", ...)."""
    names = []

    def put(name, fn, doc):
        fn.__name__ = fn.__qualname__ = name
        fn.__doc__ = doc
        g[name] = fn
        names.append(name)

    def val(x, c, tensor=True):
        if not tensor:
            raise ValueError("numc: %sval supports tensor=True only" % p)
        return _m.val(f, x, c)
    put(p + "val", val, "numpy.polynomial %sval(x, c, tensor=True)" % p)
    for k, suffix, n in ((0, "val2d", 2), (1, "val3d", 3), (2, "grid2d", 2), (3, "grid3d", 3)):
        def ev(*args, _k=k, _n=n):
            if len(args) != _n + 1:
                raise TypeError("expected %d coordinate arrays and c" % _n)
            return _m.evalnd(f, _k, list(args[:-1]), args[-1])
        put(p + suffix, ev, "numpy.polynomial %s%s" % (p, suffix))

    def vander(x, deg):
        return _m.vander(f, [x], (_op.index(deg), 0, 0))
    put(p + "vander", vander, "%svander(x, deg)" % p)

    def vander2d(x, y, deg):
        dx, dy = deg
        return _m.vander(f, [x, y], (_op.index(dx), _op.index(dy), 0))
    put(p + "vander2d", vander2d, "%svander2d(x, y, deg)" % p)

    def vander3d(x, y, z, deg):
        dx, dy, dz = deg
        return _m.vander(f, [x, y, z], (_op.index(dx), _op.index(dy), _op.index(dz)))
    put(p + "vander3d", vander3d, "%svander3d(x, y, z, deg)" % p)

    def fit(x, y, deg, rcond=None, full=False, w=None):
        if not isinstance(deg, int):
            deg = [int(d) for d in deg]
        return _m.fit(f, x, y, deg, 0.0 if rcond is None else float(rcond), bool(full), w)
    put(p + "fit", fit, "%sfit(x, y, deg, rcond=None, full=False, w=None)" % p)

    def der(c, m=1, scl=1, axis=0):
        return _m.der(f, c, _op.index(m), float(scl), _op.index(axis))
    put(p + "der", der, "%sder(c, m=1, scl=1, axis=0)" % p)

    def integ(c, m=1, k=[], lbnd=0, scl=1, axis=0):
        if isinstance(k, (list, tuple)) and len(k) == 0:
            k = None
        return _m.int(f, c, _op.index(m), k, float(lbnd), float(scl), _op.index(axis))
    put(p + "int", integ, "%sint(c, m=1, k=[], lbnd=0, scl=1, axis=0)" % p)

    for op, suffix in ((0, "roots"), (1, "fromroots"), (2, "companion"), (3, "mulx")):
        def un(c, _op_=op):
            return _m.un(f, _op_, c)
        put(p + suffix, un, "numpy.polynomial %s%s" % (p, suffix))
    for op, suffix in ((0, "add"), (1, "sub"), (2, "mul"), (3, "div")):
        def bi(c1, c2, _op_=op):
            return _m.bin(f, _op_, c1, c2)
        put(p + suffix, bi, "numpy.polynomial %s%s(c1, c2)" % (p, suffix))

    default_max = None if f == 0 else 16

    def pw(c, pow, maxpower=default_max):
        return _m.pow(f, c, _op.index(pow), -1 if maxpower is None else _op.index(maxpower))
    put(p + "pow", pw, "%spow(c, pow, maxpower=%s)" % (p, default_max))

    def trim(c, tol=0):
        if tol < 0:
            raise ValueError("tol must be non-negative")
        return _m.trim(f, c, float(tol))
    put(p + "trim", trim, "%strim(c, tol=0)" % p)

    def line(off, scl):
        return _m.line(f, float(off), float(scl))
    put(p + "line", line, "%sline(off, scl)" % p)

    if f:
        def to_poly(c):
            return _m.un(f, 4, c)
        put(p + "2poly", to_poly, "%s2poly(c)" % p)

        def from_poly(pol):
            return _m.un(f, 5, pol)
        put("poly2" + p, from_poly, "poly2%s(pol)" % p)

        def gauss(deg):
            return _m.gauss(f, _op.index(deg))
        put(p + "gauss", gauss, "%sgauss(deg): (points, weights)" % p)

        def weight(x):
            return _m.un(f, 6, x)
        put(p + "weight", weight, "%sweight(x)" % p)
    g["__all__"] = names
