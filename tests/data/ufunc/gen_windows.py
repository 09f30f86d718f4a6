#!/usr/bin/env python3
"""NumPy fixtures for tests/test_windows.c (issue 16): window functions, i0, unwrap and
the float helpers (frexp, ldexp, modf, fabs, isposinf/isneginf, iscomplex/isreal,
real_if_close, array_equiv). Writes .npy files into tests/data/ufunc/windows/.
Run with Debian's interpreter (python3-numpy):  /usr/bin/python3 tests/data/ufunc/gen_windows.py
Generated with NumPy 1.24.2."""
import os
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "windows")
os.makedirs(OUT, exist_ok=True)


def save(name, a):
    np.save(os.path.join(OUT, name + ".npy"), np.asarray(a))


# ---- windows: one file per function, the windows for every M of MS concatenated ----------
MS = [-3, 0, 1, 2, 3, 4, 5, 10, 51, 256, 1001]
save("ms", np.array(MS, dtype=np.int64))
for name in ("bartlett", "blackman", "hamming", "hanning"):
    f = getattr(np, name)
    save(name, np.concatenate([f(m) for m in MS]))
BETAS = [0.0, 1.0, 5.0, 8.6, 14.0, 40.0]
save("betas", np.array(BETAS))
for i, beta in enumerate(BETAS):
    save("kaiser_b%d" % i, np.concatenate([np.kaiser(m, beta) for m in MS]))

# ---- i0 ----------------------------------------------------------------------------------
rng = np.random.default_rng(16)
x = np.concatenate([
    np.linspace(-20, 20, 401),
    [0.0, -0.0, 7.999999999999999, 8.0, 8.000000000000002, 1e-300, 5e-324, 1e-8,
     100.0, 500.0, 700.0, 709.0, 713.0, 714.0, 750.0, 1e10, 1e300, -1e300,
     np.inf, -np.inf, np.nan],
    rng.uniform(-30, 30, 300),
    rng.standard_normal(100) * 1e3,
])
with np.errstate(all="ignore"):
    save("i0_x", x)
    save("i0_y", np.i0(x))
    x32 = x.astype(np.float32)
    save("i0_x32", x32)
    save("i0_y32", np.i0(x32))
    xi = np.arange(-40, 41, dtype=np.int32)
    save("i0_xi", xi)
    save("i0_yi", np.i0(xi))

# ---- unwrap ------------------------------------------------------------------------------
steps = rng.uniform(-2.5, 2.5, (4, 60))
phase = np.cumsum(steps, axis=1)
p = np.mod(phase + np.pi, 2 * np.pi) - np.pi
p[1, 7] = p[1, 6] + np.pi          # a jump of exactly period/2 (boundary case)
p[2, 10] = p[2, 9] - np.pi
save("unwrap_p", p)
save("unwrap_default", np.unwrap(p))
save("unwrap_axis0", np.unwrap(p, axis=0))
save("unwrap_discont4", np.unwrap(p, discont=4.0))
save("unwrap_discont1", np.unwrap(p, 1.0))  # below period/2: same as the default
save("unwrap_view", np.unwrap(p[::-1, ::-2]))
deg = np.mod(np.linspace(0, 720, 19), 360) - 180
save("unwrap_deg", deg)
save("unwrap_deg360", np.unwrap(deg, period=360))
p32 = p.astype(np.float32)
save("unwrap_p32", p32)
save("unwrap_p32_out", np.unwrap(p32))
save("unwrap_p32_axis0", np.unwrap(p32, axis=0))
pi = np.array([2, 3, 4, 5, 2, 3, 4, 5, 9, -7, 0], dtype=np.int64)
save("unwrap_int", pi)
save("unwrap_int_p4", np.unwrap(pi, period=4.0))      # a float period, as numc's
save("unwrap_int_default", np.unwrap(pi))
pb = np.array([True, False, False, True, True, False])
save("unwrap_bool", pb)
save("unwrap_bool_p1", np.unwrap(pb, period=1.0))
save("unwrap_bool_p3", np.unwrap(pb, period=3.0))
pn = p[0].copy()
pn[20] = np.nan
save("unwrap_nan", pn)
save("unwrap_nan_out", np.unwrap(pn))

# ---- frexp / ldexp / modf / fabs ---------------------------------------------------------
s = np.array([0.0, -0.0, 1.0, -1.0, 0.5, 3.0, -2.5, 1e-310, 5e-324, -5e-324, 1e308,
              -1.7976931348623157e308, 123456.789, -0.3, 2.0 ** 60 + 0.5, 4.5, -4.5,
              np.inf, -np.inf, np.nan])
s = np.concatenate([s, rng.standard_normal(40) * 10.0 ** rng.integers(-20, 20, 40)])
save("sp_x", s)
m, e = np.frexp(s)
save("frexp_m", m)
save("frexp_e", e)
f, i = np.modf(s)
save("modf_f", f)
save("modf_i", i)
save("fabs", np.fabs(s))
s32 = s.astype(np.float32)
save("sp_x32", s32)
m, e = np.frexp(s32)
save("frexp_m32", m)
save("frexp_e32", e)
f, i = np.modf(s32)
save("modf_f32", f)
save("modf_i32", i)
ex = np.concatenate([np.arange(-10, 10), [1100, -1100, 2000, -2100, 3, 0, 2 ** 40, -2 ** 40],
                     rng.integers(-60, 60, s.size - 28)]).astype(np.int64)
save("ldexp_e", ex)
with np.errstate(all="ignore"):
    save("ldexp_y", np.ldexp(s, ex))
    save("ldexp_y32", np.ldexp(s32, ex))
si = np.array([-5, 0, 7, -128, 127], dtype=np.int8)
save("sp_i8", si)
m, e = np.frexp(si.astype(np.float32))  # NumPy: float16 mantissa; numc float32
save("frexp_i8_m", m)
save("frexp_i8_e", e)
save("fabs_i32", np.fabs(np.array([-5, 0, 7, -2 ** 31], dtype=np.int32)))

# ---- predicates --------------------------------------------------------------------------
save("inf_x", np.array([1.0, np.inf, -np.inf, np.nan, -0.0, 0.0, 1e308]))
save("isposinf", np.isposinf(np.array([1.0, np.inf, -np.inf, np.nan, -0.0, 0.0, 1e308])))
save("isneginf", np.isneginf(np.array([1.0, np.inf, -np.inf, np.nan, -0.0, 0.0, 1e308])))
z = np.array([1 + 0j, 1 + 1e-20j, -0.0 - 0.0j, 3j, complex(np.nan, 0), complex(0, np.nan)])
save("cz", z)
save("iscomplex", np.iscomplex(z))
save("isreal", np.isreal(z))
