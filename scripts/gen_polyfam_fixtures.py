#!/usr/bin/env python3
"""Fixtures for tests/test_polyfam.c (numc/poly.h, numpy.polynomial's six families), from
NumPy 1.24: python3 scripts/gen_polyfam_fixtures.py  (writes tests/data/polyfam/*.npy).
Every family gets the same cases, named <tag>_<case>.npy with tag poly, cheb, leg, lag,
herm or herme."""
import os
import numpy as np
import numpy.polynomial as npp

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests", "data", "polyfam")
os.makedirs(OUT, exist_ok=True)

FAM = {
    "poly": (npp.polynomial, "poly"),
    "cheb": (npp.chebyshev, "cheb"),
    "leg": (npp.legendre, "leg"),
    "lag": (npp.laguerre, "lag"),
    "herm": (npp.hermite, "herm"),
    "herme": (npp.hermite_e, "herme"),
}


def save(name, a):
    np.save(os.path.join(OUT, name + ".npy"), np.asarray(a, dtype=np.float64 if np.isrealobj(a) else np.complex128))


rng = np.random.default_rng(16)
c5 = np.array([1.0, -2.0, 3.5, 0.25, -1.5])
c3 = np.array([0.5, 1.25, -2.0])
c20 = rng.uniform(-1, 1, 20)
c2d = rng.uniform(-1, 1, (3, 4))
c3d = rng.uniform(-1, 1, (2, 3, 4))
save("c5", c5)
save("c5c", c5 + 1j * c5[::-1])
save("c3", c3)
save("c20", c20)
save("c2d", c2d)
save("c3d", c3d)
x = np.linspace(-2, 2, 13)
y = np.linspace(-1.5, 1, 13)
z = np.linspace(0.1, 1.9, 13)
xg = np.array([-0.7, 0.1, 0.9])
yg = np.array([[-0.5, 0.25], [0.5, 1.0]])
zg = np.array([0.3, -0.3])
for n, v in [("x", x), ("y", y), ("z", z), ("xg", xg), ("yg", yg), ("zg", zg)]:
    save(n, v)
xf = np.linspace(-1, 1, 40)
xf_lag = np.linspace(0, 4, 40)
yf = np.cos(3 * xf) + 0.01 * np.sin(50 * xf)
yf_lag = np.exp(-xf_lag) * np.cos(xf_lag)
wf = 1 + 0.5 * np.cos(xf)
save("xf", xf)
save("xf_lag", xf_lag)
save("yf", yf)
save("yf_lag", yf_lag)
save("wf", wf)
yf2 = np.stack([yf, np.sin(2 * xf)], axis=1)
save("yf2", yf2)
rts = np.array([-0.9, -0.3, 0.2, 0.7])
save("rts", rts)
ccx = np.array([1.0, 0.5, 2.0])  # complex roots in every family
save("ccx", ccx)

for tag, (mod, p) in FAM.items():
    f = lambda s: getattr(mod, p + s)
    xs = x if tag != "lag" else x + 2
    save(tag + "_val", f("val")(xs, c5))
    save(tag + "_val20", f("val")(xs / 2, c20))
    save(tag + "_val_scalar", f("val")(0.75, c5))
    save(tag + "_val2d", f("val2d")(x / 2, y, c2d))
    save(tag + "_val3d", f("val3d")(x / 2, y, z, c3d))
    save(tag + "_grid2d", f("grid2d")(xg, yg, c2d))
    save(tag + "_grid3d", f("grid3d")(xg, yg, zg, c3d))
    save(tag + "_vander", f("vander")(xs, 6))
    save(tag + "_vander2d", f("vander2d")(x / 2, y, [2, 3]))
    save(tag + "_vander3d", f("vander3d")(x / 2, y, z, [1, 2, 3]))
    xx, yy = (xf, yf) if tag != "lag" else (xf_lag, yf_lag)
    save(tag + "_fit", f("fit")(xx, yy, 6))
    save(tag + "_fitw", f("fit")(xx, yy, 5, w=wf))
    save(tag + "_fit2", f("fit")(xx, yf2, 4))
    cf, (res, rank, sv, rc) = f("fit")(xx, yy, 7, full=True)
    save(tag + "_fitfull_res", res)
    save(tag + "_fitfull_sv", sv)
    save(tag + "_fitfull_meta", [rank, rc])
    save(tag + "_der", f("der")(c5))
    save(tag + "_der3", f("der")(c5, 3, 2.0))
    save(tag + "_der2d", f("der")(c2d, 2, 0.5, 1))
    save(tag + "_int", f("int")(c5))
    save(tag + "_int2", f("int")(c5, 2, [1.0, 2.0], 0.5, 3.0))
    save(tag + "_int2d", f("int")(c2d, 1, [0.5], -1.0, 1.0, 1))
    save(tag + "_roots", f("roots")(f("fromroots")(rts)))
    save(tag + "_rootsc", f("roots")(ccx))
    save(tag + "_fromroots", f("fromroots")(rts))
    save(tag + "_companion", f("companion")(c5))
    save(tag + "_add", f("add")(c5, c3))
    save(tag + "_sub", f("sub")(c3, c5))
    save(tag + "_mul", f("mul")(c5, c3))
    q, r = f("div")(c5, c3)
    save(tag + "_divq", q)
    save(tag + "_divr", r)
    save(tag + "_pow", f("pow")(c3, 3))
    save(tag + "_mulx", f("mulx")(c5))
    save(tag + "_line", f("line")(3.0, -2.0))
    if tag != "poly":
        save(tag + "_2poly", getattr(mod, p + "2poly")(c5))
        save(tag + "_poly2", getattr(mod, "poly2" + p)(c5))
        for deg in (1, 5, 12, 40, 100):
            gx, gw = f("gauss")(deg)
            save("%s_gauss%d_x" % (tag, deg), gx)
            save("%s_gauss%d_w" % (tag, deg), gw)

save("chebpts1", npp.chebyshev.chebpts1(7))
save("chebpts2", npp.chebyshev.chebpts2(7))
save("chebinterp", npp.chebyshev.chebinterpolate(np.tanh, 8))
save("trim", npp.chebyshev.chebtrim([1.0, 1e-3, -1e-4, 0.0], 1e-3))

# ---- the series classes (nd_series) ----
CLS = {"poly": npp.Polynomial, "cheb": npp.Chebyshev, "leg": npp.Legendre, "lag": npp.Laguerre,
       "herm": npp.Hermite, "herme": npp.HermiteE}
xs_fit = np.linspace(0, 4, 30)
ys_fit = np.exp(-xs_fit / 2) * np.cos(2 * xs_fit)
save("s_x", xs_fit)
save("s_y", ys_fit)
sc = np.array([1.0, 2.0, 3.0, 4.0])
save("s_c", sc)
for tag, cls in CLS.items():
    s = cls.fit(xs_fit, ys_fit, 6)
    save("s_%s_fit" % tag, s.coef)
    save("s_%s_fit_dw" % tag, np.concatenate([s.domain, s.window]))
    save("s_%s_eval" % tag, s(np.array([0.3, 1.7, 3.9])))
    t = cls(sc, domain=[0, 4])
    save("s_%s_deriv" % tag, t.deriv(2).coef)
    save("s_%s_integ" % tag, t.integ(2, k=[1.0], lbnd=0.5).coef)
    save("s_%s_integ0" % tag, t.integ(1).coef)
    save("s_%s_roots" % tag, t.roots())
    u = t.convert(kind=npp.Polynomial)
    save("s_%s_2poly" % tag, u.coef)
    v = t.convert(kind=npp.Laguerre, domain=[0, 2])
    save("s_%s_2lag" % tag, v.coef)
    w2 = cls(c3, domain=[0, 4])
    save("s_%s_add" % tag, (t + w2).coef)
    save("s_%s_sub" % tag, (w2 - t).coef)
    save("s_%s_mul" % tag, (t * w2).coef)
    save("s_%s_pow" % tag, (w2 ** 3).coef)
    save("s_%s_floordiv" % tag, (t // w2).coef)
    save("s_%s_mod" % tag, (t % w2).coef)
    lx, ly = t.linspace(7)
    save("s_%s_linx" % tag, lx)
    save("s_%s_liny" % tag, ly)

# ---- tensor evaluation, weights, strided input ----
for tag, (mod, p) in FAM.items():
    f = lambda s: getattr(mod, p + s)
    save(tag + "_valT", f("val")(xg, c2d))          # c (3, 4): shape (4, 3)
    xx, yy = (xf, yf) if tag != "lag" else (xf_lag, yf_lag)
    save(tag + "_fitdegs", f("fit")(xx, yy, [4, 0, 2, 5]))
    save(tag + "_val_rev", f("val")(x[::-2], c5))   # negative stride view of x
    save(tag + "_val_cc", f("val")(x / 2, c5 + 1j * c5[::-1]))   # complex coefficients
    save(tag + "_val_cx", f("val")(x / 2 + 0.5j, c5))            # complex points
    if tag != "poly":
        save(tag + "_weight", f("weight")(np.linspace(-0.9, 0.9, 7)))
print("wrote", len(os.listdir(OUT)), "files to", OUT)
