#!/usr/bin/env python3
"""Fixtures for tests/test_poly.c from NumPy 1.24: one .npy per array (inputs and
expected results) and manifest.txt ("name dtype shape" per file); poly1d_str.txt holds
str(poly1d) cases as "name<TAB>repr-escaped text".  Run:  /usr/bin/python3 gen_poly.py"""
import os, warnings
import numpy as np

D = os.path.dirname(os.path.abspath(__file__))
out = {}

def put(name, a):
    out[name] = np.asarray(a)

rng = np.random.default_rng(16)
# polyval
p = np.array([3.0, -2.0, 0.5, 7.0])
x = np.linspace(-2, 2, 13)
put("pv_p", p); put("pv_x", x); put("pv_y", np.polyval(p, x))
X2 = rng.standard_normal((3, 4)); put("pv_x2", X2); put("pv_y2", np.polyval(p, X2))
put("pv_y_rev", np.polyval(p, x[::-2]))
pi = np.array([2, -3, 1], dtype=np.int64); xi = np.arange(-3, 4, dtype=np.int32)
put("pv_pi", pi); put("pv_xi", xi); put("pv_yi", np.polyval(pi, xi))
put("pv_yif", np.polyval(pi, x))
xf = x.astype(np.float32); put("pv_xf", xf); put("pv_yf", np.polyval(p, xf))
pc = np.array([1 + 2j, -1j, 3.0]); put("pv_pc", pc); put("pv_yc", np.polyval(pc, x))
put("pv_scalar", np.polyval(p, 2.5))
put("pv_empty", np.polyval(np.array([], float), x))
# polyfit
xx = np.linspace(0, 3, 25); yy = np.sin(xx) + 0.1 * np.cos(7 * xx)
put("pf_x", xx); put("pf_y", yy)
for d in (0, 1, 3, 5):
    put("pf_c%d" % d, np.polyfit(xx, yy, d))
c, res, rank, sv, rc = np.polyfit(xx, yy, 3, full=True)
put("pf_full_res", res); put("pf_full_sv", sv); put("pf_full_meta", np.array([rank, rc]))
w = 1.0 + xx; put("pf_w", w); put("pf_cw", np.polyfit(xx, yy, 3, w=w))
c, V = np.polyfit(xx, yy, 3, cov=True); put("pf_cov", V)
c, V = np.polyfit(xx, yy, 3, cov="unscaled"); put("pf_cov_unscaled", V)
c, V = np.polyfit(xx, yy, 2, w=w, cov=True); put("pf_cov_w", V)
Y2 = np.stack([yy, xx ** 2 - 1, np.exp(-xx)], axis=1); put("pf_y2", Y2)
put("pf_c2d", np.polyfit(xx, Y2, 2))
c, V = np.polyfit(xx, Y2, 2, cov=True); put("pf_cov2d", V)
c, res, rank, sv, rc = np.polyfit(xx, Y2, 2, full=True); put("pf_res2d", res)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    xr = np.array([1.0, 1.0, 1.0, 2.0, 2.0]); yr = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    put("pf_rank_x", xr); put("pf_rank_y", yr); put("pf_rank_c", np.polyfit(xr, yr, 3))
xi = np.arange(10, dtype=np.int64); yi = xi ** 2 - 3 * xi
put("pf_xi", xi); put("pf_yi", yi); put("pf_ci", np.polyfit(xi, yi, 2))
put("pf_cf32", np.polyfit(xx.astype(np.float32), yy.astype(np.float32), 2))
# roots
put("rt_p1", np.array([1.0, -6.0, 11.0, -6.0])); put("rt_r1", np.roots([1.0, -6.0, 11.0, -6.0]))
put("rt_p2", np.array([1.0, 0.0, 1.0])); put("rt_r2", np.roots([1.0, 0.0, 1.0]))
put("rt_p3", np.array([0.0, 0.0, 2.0, -4.0, 0.0, 0.0])); put("rt_r3", np.roots([0.0, 0.0, 2.0, -4.0, 0.0, 0.0]))
wil = np.poly(np.arange(1, 11)); put("rt_wil", wil); put("rt_rwil", np.roots(wil))
put("rt_pi", np.array([1, -3, 2], dtype=np.int32)); put("rt_ri", np.roots(np.array([1, -3, 2], dtype=np.int32)))
put("rt_pc", np.array([1, 1j, 2 - 1j])); put("rt_rc", np.roots(np.array([1, 1j, 2 - 1j])))
# poly
put("po_r1", np.array([1.0, 2.0, 3.0])); put("po_c1", np.poly([1.0, 2.0, 3.0]))
rc_ = np.array([1 + 2j, 1 - 2j, 3.0]); put("po_rc", rc_); put("po_cc", np.poly(rc_))
rnc = np.array([1 + 2j, 3.0]); put("po_rnc", rnc); put("po_cnc", np.poly(rnc))
M = np.array([[1.0, 2.0], [3.0, 4.0]]); put("po_M", M); put("po_cM", np.poly(M))
put("po_ri", np.array([1, 2, -1], dtype=np.int16)); put("po_ci", np.poly(np.array([1, 2, -1], dtype=np.int16)))
# arithmetic
a = np.array([1.0, 2.0, 3.0]); b = np.array([4.0, 5.0])
put("ar_a", a); put("ar_b", b)
put("ar_add", np.polyadd(a, b)); put("ar_sub", np.polysub(b, a)); put("ar_mul", np.polymul(a, b))
put("ar_mulz", np.polymul(np.array([0.0, 0.0, 1.0, 2.0]), b))
ai = np.array([1, 2, 3], dtype=np.int32); bi = np.array([4, 5], dtype=np.int64)
put("ar_ai", ai); put("ar_bi", bi); put("ar_addi", np.polyadd(ai, bi))
u = np.array([3.0, 5.0, 2.0, 0.0, -1.0]); v = np.array([2.0, 1.0])
q, r = np.polydiv(u, v); put("dv_u", u); put("dv_v", v); put("dv_q", q); put("dv_r", r)
u2 = np.array([1.0, -3.0, 2.0]); v2 = np.array([1.0, -1.0])
q, r = np.polydiv(u2, v2); put("dv_u2", u2); put("dv_v2", v2); put("dv_q2", q); put("dv_r2", r)
q, r = np.polydiv(np.array([1.0, 2.0]), np.array([1.0, 0.0, 3.0])); put("dv_q3", q); put("dv_r3", r)
uc = np.array([1 + 1j, 2.0, 3j]); q, r = np.polydiv(uc, v); put("dv_uc", uc); put("dv_qc", q); put("dv_rc", r)
pd = np.array([4.0, 3.0, 2.0, 1.0, 0.5]); put("dr_p", pd)
put("dr_1", np.polyder(pd)); put("dr_2", np.polyder(pd, 2)); put("dr_9", np.polyder(pd, 9))
put("dr_pi", np.array([5, 4, 3], dtype=np.int32)); put("dr_i", np.polyder(np.array([5, 4, 3], dtype=np.int32)))
put("in_1", np.polyint(pd)); put("in_3k", np.polyint(pd, 3, 2.0))
put("in_k", np.array([1.0, -2.0, 3.0])); put("in_3ka", np.polyint(pd, 3, np.array([1.0, -2.0, 3.0])))
put("in_c", np.polyint(np.array([1j, 2.0])))
for name, a in out.items():
    np.save(os.path.join(D, name + ".npy"), a)
with open(os.path.join(D, "manifest.txt"), "w") as f:
    f.write("# name dtype shape (NumPy %s)\n" % np.__version__)
    for name, a in out.items():
        f.write("%s %s %s\n" % (name, a.dtype, "x".join(map(str, a.shape)) or "()"))
strs = [("s_basic", np.poly1d([1, 2, 3])), ("s_neg", np.poly1d([-1.5, 0, 2.25, -4])),
        ("s_zero", np.poly1d([0.0])), ("s_lin", np.poly1d([3, 0])), ("s_const", np.poly1d([7.0])),
        ("s_float", np.poly1d([1e-5, 123456.0, 1.0 / 3])),
        ("s_var", np.poly1d([1, 2, 3], variable="z")),
        ("s_long", np.poly1d(np.arange(1.0, 26.0))),
        ("s_cplx", np.poly1d([1 + 2j, 3j, 2])),
        ("s_roots", np.poly1d([1.0, 2.0], r=True)),
        ("s_lead0", np.poly1d([0, 0, 1, 0, -1]))]
with open(os.path.join(D, "poly1d_str.txt"), "w") as f:
    for name, p in strs:
        f.write("%s\t%s\n" % (name, str(p).encode("unicode_escape").decode()))
print(len(out), "arrays,", len(strs), "strings")
