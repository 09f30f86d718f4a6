#!/usr/bin/python3
"""Generate the ufunc / reduction fixtures (ufunc.txt) with NumPy (run with /usr/bin/python3).

Line formats (whitespace separated; complex values are written as "re im" pairs):
  I name dtype ndim shape... values...            an input array
  U func in  <result>                             unary function on input `in`
  B func in1 in2 <result>                         binary function on two inputs
  S func in kind value <result>                   array op scalar (kind i / f / c / b)
  L func kind value in <result>                   scalar op array
  R func in axes keepdims ddof <result>           reduction; axes "-" = all, else "0,2"
  <result> is either "ERR" (NumPy raised) or "dtype ndim shape... values...".
numc has no float16: where NumPy would return float16 (sqrt of int8, ...), the
expected value is computed in float32, numc's closest loop.
"""
import numpy as np

np.seterr(all="ignore")
OUT = []


def fmt_val(v, dt):
    if dt.kind == "c":
        return f"{fmt_val(v.real, np.dtype(np.float64))} {fmt_val(v.imag, np.dtype(np.float64))}"
    if dt.kind == "b":
        return "1" if v else "0"
    if dt.kind in "iu":
        return str(int(v))
    v = float(v)
    if v != v:
        return "nan"
    if v in (float("inf"), float("-inf")):
        return "inf" if v > 0 else "-inf"
    return repr(v)


def fmt_arr(a):
    a = np.asarray(a)
    vals = " ".join(fmt_val(v, a.dtype) for v in a.ravel())
    shape = " ".join(str(s) for s in a.shape)
    return f"{a.dtype.name} {a.ndim} {shape} {vals}".replace("  ", " ").strip()


INPUTS = {}


def add_input(name, arr):
    INPUTS[name] = arr
    OUT.append(f"I {name} {fmt_arr(arr)}")


FLOATS = [-3.5, -1.0, -0.5, -0.0, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 7.0, 100.5, -7.25,
          1e-300, 5e-324, 1e300, -1e300, np.inf, -np.inf, np.nan, 0.9, -0.9, 1.5, 12.0]
MATHF = [-3.5, -1.0, -0.5, -0.0, 0.0, 0.25, 0.5, 1.0, 2.0, 3.75, 7.0, 100.5, -7.25,
         1e-300, 5e-324, 0.9, -0.9, 1.5, 12.0, 40.0, -40.0, 700.0, -745.5, 1e5]
add_input("f64", np.array(FLOATS, np.float64))
add_input("f32", np.array(FLOATS, np.float32))
add_input("mf64", np.array(MATHF, np.float64))
add_input("mf32", np.array(MATHF, np.float32))
add_input("f64b", np.array([2.0, -3.0, 0.5, 0.0, -0.0, np.inf, 1.0, -2.5, 7.0, np.nan, 3.0, -1.0,
                            4.0, 0.25, -0.75, 1e-300, 2.0, 1e300, -np.inf, 5.0, -4.0, 9.0, 0.1, 6.0]))
add_input("f64c", np.array([2.0, -3.0, 0.5, 0.0, -0.0, np.inf, 1.0, -2.5, 7.0, np.nan, 3.0, -1.0]))
add_input("i8", np.array([-128, -7, -1, 0, 1, 2, 5, 7, 127, -3, 3, 100], np.int8))
add_input("i8b", np.array([3, 2, -1, 5, 0, -2, 2, -7, 1, 4, -3, 7], np.int8))
add_input("i16", np.array([-32768, -300, -1, 0, 1, 2, 5, 7, 32767, -3, 300, 1000], np.int16))
add_input("i32", np.array([-2**31, -70000, -1, 0, 1, 2, 5, 7, 2**31 - 1, -3, 3, 65536], np.int32))
add_input("i32b", np.array([3, 2, -1, 5, 0, -2, 2, -7, 1, 4, -3, 7], np.int32))
add_input("i64", np.array([-2**63, -2**40, -1, 0, 1, 2, 5, 7, 2**63 - 1, -3, 3, 2**53 + 1], np.int64))
add_input("i64b", np.array([3, 2, -1, 5, 0, -2, 2, -7, 1, 4, -3, 7], np.int64))
add_input("u8", np.array([0, 1, 2, 5, 7, 200, 255, 3, 128, 64, 10, 99], np.uint8))
add_input("u8b", np.array([3, 2, 1, 5, 0, 2, 2, 7, 1, 4, 3, 9], np.uint8))
add_input("u16", np.array([0, 1, 2, 5, 7, 60000, 65535, 3, 128, 64, 10, 99], np.uint16))
add_input("u32", np.array([0, 1, 2, 5, 7, 4000000000, 2**32 - 1, 3, 128, 64, 10, 99], np.uint32))
add_input("u64", np.array([0, 1, 2, 5, 7, 2**63, 2**64 - 1, 3, 128, 64, 10, 99], np.uint64))
add_input("u64b", np.array([3, 2, 1, 5, 0, 2, 2, 7, 1, 4, 3, 9], np.uint64))
add_input("b", np.array([True, False, True, True, False, False, True, False, True, True, False, True]))
add_input("bb", np.array([True, True, False, True, False, True, False, False, True, False, True, True]))
CPLX = [1 + 2j, -1 - 0.5j, 0j, 3j, -2 + 0j, 0.5 - 0.25j, 2 + 2j, -3 + 1j, 1j, -1j, 0.1 + 0.2j, 4 - 3j]
add_input("c128", np.array(CPLX, np.complex128))
add_input("c64", np.array(CPLX, np.complex64))
add_input("c128b", np.array([2 - 1j, 1 + 1j, 3 + 0j, 1j, 0.5 + 0.5j, -1 + 2j, 2 + 0j, 1 - 1j,
                             -2j, 4 + 0j, 1 + 3j, -1 - 1j], np.complex128))
add_input("m2d", np.arange(24, dtype=np.float64).reshape(2, 3, 4) * 0.75 - 5)
add_input("m2i", (np.arange(24, dtype=np.int32).reshape(4, 6) * 7) % 11 - 3)
add_input("m2n", np.array([[1.0, np.nan, 3.0, -2.0], [np.nan, np.nan, np.nan, np.nan],
                           [0.5, 2.0, np.nan, 8.0]]))
add_input("m2c", (np.arange(12).reshape(3, 4) - 5) * (1 - 0.5j) + 0.25j)
add_input("m2b", (np.arange(12).reshape(3, 4) % 3) == 1)
add_input("m2u", np.arange(12, dtype=np.uint8).reshape(3, 4) * 21)


def emulate_f16(fn, *args):
    """Apply fn; where NumPy picks a float16 loop, redo it in float32 (numc's choice)."""
    r = fn(*args)
    rs = r if isinstance(r, tuple) else (r,)
    if any(np.asarray(x).dtype == np.float16 for x in rs):
        args = [np.asarray(x).astype(np.float32) if isinstance(x, np.ndarray) and x.dtype.kind in "biu" else x
                for x in args]
        r = fn(*args)
    return r


def result(fn, *args):
    try:
        r = emulate_f16(fn, *args)
    except (TypeError, ValueError, np.core._exceptions._UFuncNoLoopError) as e:
        return "ERR"
    if isinstance(r, tuple):
        return " ".join(fmt_arr(x) for x in r)
    return fmt_arr(r)


UNARY = ["negative", "positive", "absolute", "reciprocal", "sign", "square", "sqrt", "cbrt",
         "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
         "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
         "deg2rad", "rad2deg", "floor", "ceil", "trunc", "rint", "logical_not", "isnan", "isinf",
         "isfinite", "signbit", "spacing", "invert", "conjugate"]
UNARY_IN = ["f64", "f32", "mf64", "mf32", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64",
            "b", "c128", "c64"]
for fn in UNARY:
    for name in UNARY_IN:
        a = INPUTS[name]
        if fn == "reciprocal" and a.dtype.kind in "iu":
            a = a[a != 0]
            name_r = name + "_nz"
            if name_r not in INPUTS:
                add_input(name_r, a)
            OUT.append(f"U {fn} {name_r} {result(getattr(np, fn), a)}")
            continue
        OUT.append(f"U {fn} {name} {result(getattr(np, fn), a)}")

# functions that are not NumPy ufuncs
for name in ["f64", "mf32", "i32", "c128", "b"]:
    a = INPUTS[name]
    OUT.append(f"U sinc {name} {result(lambda x: np.sinc(x) if x.dtype.kind in 'fc' else np.sinc(x.astype(np.float64)), a)}")
    OUT.append(f"U fix {name} {result(np.fix, a) if a.dtype.kind != 'c' else 'ERR'}")
    OUT.append(f"U angle {name} {result(lambda x: np.angle(x) if x.dtype.kind in 'fc' else np.angle(x.astype(np.float64)), a)}")

BINARY = ["add", "subtract", "multiply", "divide", "floor_divide", "remainder", "fmod", "power",
          "float_power", "heaviside", "gcd", "lcm", "logaddexp", "logaddexp2", "arctan2", "hypot",
          "equal", "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and",
          "logical_or", "logical_xor", "maximum", "minimum", "fmax", "fmin", "copysign",
          "nextafter", "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift"]
PAIRS = [("f64", "f64b"), ("f32", "f64b"), ("i8", "i8b"), ("i32", "i32b"), ("i64", "i64b"),
         ("u8", "u8b"), ("u64", "u64b"), ("b", "bb"), ("c128", "c128b"), ("i8", "u8b"),
         ("i64", "u64b"), ("i32", "f64c"), ("u16", "i8b"), ("b", "i8b"), ("c64", "f64c")]
SAFE_POW = {"i8", "i32", "i64", "u8", "u64"}
for fn in BINARY:
    for x, y in PAIRS:
        a, b = INPUTS[x], INPUTS[y]
        if fn in ("power",) and a.dtype.kind in "iu" and b.dtype.kind in "iub":
            b = np.abs(b.astype(np.int64)).astype(b.dtype) % 5
            yn = y + "_p"
            if yn not in INPUTS:
                add_input(yn, b)
            OUT.append(f"B {fn} {x} {yn} {result(getattr(np, fn), a, b)}")
            continue
        if fn in ("left_shift", "right_shift") and b.dtype.kind in "iu":
            b = (np.abs(b.astype(np.int64)) % 9).astype(b.dtype)
            yn = y + "_s"
            if yn not in INPUTS:
                add_input(yn, b)
            OUT.append(f"B {fn} {x} {yn} {result(getattr(np, fn), a, b)}")
            continue
        OUT.append(f"B {fn} {x} {y} {result(getattr(np, fn), a, b)}")

# scalar operands (value-based promotion)
SCALARS = [("i", 2), ("i", -1), ("i", 300), ("i", 100), ("f", 2.5), ("f", 1e300), ("b", True), ("c", 1j)]
for fn in ["add", "subtract", "multiply", "divide", "power", "maximum", "less", "floor_divide"]:
    for name in ["f64", "f32", "i8", "u8", "i64", "b", "c64"]:
        for kind, v in SCALARS:
            a = INPUTS[name]
            pv = {"i": int, "f": float, "b": bool, "c": complex}[kind](v)
            if fn == "power" and kind == "i" and a.dtype.kind in "iu" and pv < 0:
                continue
            if fn == "power" and (a.dtype.kind == "c" and abs(pv) >= 100 or kind == "c"):
                continue  # NumPy's float32 cpowf / subnormal logs: its own rounding noise
            vs = "1j" if kind == "c" else fmt_val(np.asarray(pv).item(), np.asarray(pv).dtype)
            OUT.append(f"S {fn} {name} {kind} {vs} {result(lambda x: getattr(np, fn)(x, pv), a)}")
            if fn in ("subtract", "divide", "less"):
                OUT.append(f"L {fn} {kind} {vs} {name} {result(lambda x: getattr(np, fn)(pv, x), a)}")

# reductions
RED = ["sum", "prod", "amin", "amax", "all", "any", "mean", "var", "std", "ptp",
       "count_nonzero", "nansum", "nanprod", "nanmin", "nanmax", "nanmean", "nanvar", "nanstd",
       "argmin", "argmax", "nanargmin", "nanargmax", "cumsum", "cumprod", "nancumsum", "nancumprod"]
AXES = {"m2d": ["-", "0", "1", "2", "0,2", "-1", "1,2"], "m2i": ["-", "0", "1"],
        "m2n": ["-", "0", "1"], "m2c": ["-", "0", "1"], "m2b": ["-", "0", "1"],
        "m2u": ["-", "0", "1"], "f64": ["-"], "i8": ["-"], "u64": ["-"], "c64": ["-"],
        "f32": ["-"]}
SINGLE = {"argmin", "argmax", "nanargmin", "nanargmax", "cumsum", "cumprod", "nancumsum", "nancumprod"}
for fn in RED:
    for name, axes in AXES.items():
        for ax in axes:
            if fn in SINGLE and "," in ax:
                continue
            axis = None if ax == "-" else tuple(int(t) for t in ax.split(","))
            if fn in SINGLE and axis is not None:
                axis = axis[0]
            for keep in (0, 1):
                if fn in ("cumsum", "cumprod", "nancumsum", "nancumprod") and keep:
                    continue
                for ddof in ((0, 1) if "var" in fn or "std" in fn else (0,)):
                    a = INPUTS[name]
                    kw = {}
                    if fn not in ("cumsum", "cumprod", "nancumsum", "nancumprod"):
                        kw["keepdims"] = bool(keep)
                    if ddof:
                        kw["ddof"] = ddof
                    f = getattr(np, fn)
                    r = result(lambda x: f(x, axis=axis, **kw), a)
                    OUT.append(f"R {fn} {name} {ax} {keep} {ddof} {r}")


# ---- numerical utilities: "N key <result>" with the inputs above ---------------------------
NUM = []


def num(key, fn):
    NUM.append(f"N {key} {result(fn)}")


m2d, m2i, m2c = INPUTS["m2d"], INPUTS["m2i"], INPUTS["m2c"]
add_input("v5", np.array([1.0, 4.0, 9.0, 16.0, 25.0]))
add_input("xs5", np.array([0.0, 1.0, 1.5, 3.5, 4.0]))
add_input("k3", np.array([0.5, -1.0, 2.0]))
add_input("i7", np.array([3, 1, 4, 1, 5, 9, 2], np.int32))
add_input("xq", np.array([-1.0, 0.0, 0.25, 1.0, 2.2, 3.5, 4.0, 5.0, np.nan]))
add_input("xpv", np.array([0.0, 1.0, 2.0, 4.0]))
add_input("fpv", np.array([1.0, 3.0, 2.0, 0.0]))
add_input("fpc", np.array([1 + 1j, 3 - 1j, 2j, 0]))
add_input("ang", np.array([-180.0, -10.0, 5.0, 350.0, 725.0]))
add_input("xpa", np.array([190.0, -170.0, 10.0, 80.0]))
add_input("fpa", np.array([5.0, 6.0, 7.0, 8.0]))
add_input("va3", np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
add_input("vb3", np.array([[7.0, 8.0, 9.0], [-1.0, 0.5, 2.0]]))
add_input("vb2", np.array([[7.0, 8.0], [-1.0, 0.5]]))
add_input("vc3", np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
num("diff_m2d_1_last", lambda: np.diff(m2d))
num("diff_m2d_2_0", lambda: np.diff(m2d, n=2, axis=0))
num("diff_m2i_1_1", lambda: np.diff(m2i, axis=1))
num("diff_b", lambda: np.diff(INPUTS["b"]))
num("diff_u8", lambda: np.diff(INPUTS["u8"]))
num("diff_v5_prepend", lambda: np.diff(INPUTS["v5"], prepend=0.0, append=np.array([30.0, 40.0])))
num("ediff1d_m2i", lambda: np.ediff1d(m2i))
num("ediff1d_v5_ends", lambda: np.ediff1d(INPUTS["v5"], to_end=np.array([100.0, 200.0]), to_begin=-1.0))
num("gradient_v5", lambda: np.gradient(INPUTS["v5"]))
num("gradient_v5_dx2", lambda: np.gradient(INPUTS["v5"], 2.0))
num("gradient_v5_x", lambda: np.gradient(INPUTS["v5"], INPUTS["xs5"]))
num("gradient_v5_x_e2", lambda: np.gradient(INPUTS["v5"], INPUTS["xs5"], edge_order=2))
num("gradient_v5_e2", lambda: np.gradient(INPUTS["v5"], edge_order=2))
num("gradient_m2d_ax0", lambda: np.gradient(m2d, axis=0))
num("gradient_m2d_ax2", lambda: np.gradient(m2d, axis=2))
num("gradient_m2i_ax1", lambda: np.gradient(m2i, axis=1))
num("gradient_m2c_ax1", lambda: np.gradient(m2c, axis=1))
num("trapz_v5", lambda: np.trapz(INPUTS["v5"]))
num("trapz_v5_x", lambda: np.trapz(INPUTS["v5"], INPUTS["xs5"]))
num("trapz_v5_dx", lambda: np.trapz(INPUTS["v5"], dx=0.5))
num("trapz_m2d_ax1", lambda: np.trapz(m2d, axis=1))
num("trapz_m2i", lambda: np.trapz(m2i))
num("cross_33", lambda: np.cross(INPUTS["va3"], INPUTS["vb3"]))
num("cross_32", lambda: np.cross(INPUTS["va3"], INPUTS["vb2"]))
num("cross_22", lambda: np.cross(INPUTS["vb2"], INPUTS["vb2"][::-1]))
num("cross_ax0", lambda: np.cross(INPUTS["vc3"], INPUTS["vc3"][::-1], axis=0))
num("conv_full", lambda: np.convolve(INPUTS["v5"], INPUTS["k3"]))
num("conv_same", lambda: np.convolve(INPUTS["v5"], INPUTS["k3"], "same"))
num("conv_valid", lambda: np.convolve(INPUTS["v5"], INPUTS["k3"], "valid"))
num("conv_same_swap", lambda: np.convolve(INPUTS["k3"], INPUTS["v5"], "same"))
num("conv_int", lambda: np.convolve(INPUTS["i7"], np.array([1, -2, 1], np.int32)))
num("conv_same_even", lambda: np.convolve(INPUTS["i7"], np.array([1, 2, 3, 4], np.int32), "same"))
num("conv_cplx", lambda: np.convolve(INPUTS["fpc"], INPUTS["k3"]))
num("interp", lambda: np.interp(INPUTS["xq"], INPUTS["xpv"], INPUTS["fpv"]))
num("interp_lr", lambda: np.interp(INPUTS["xq"], INPUTS["xpv"], INPUTS["fpv"], left=-5.0, right=7.0))
num("interp_cplx", lambda: np.interp(INPUTS["xq"], INPUTS["xpv"], INPUTS["fpc"]))
num("interp_period", lambda: np.interp(INPUTS["ang"], INPUTS["xpa"], INPUTS["fpa"], period=360))
num("interp_2d", lambda: np.interp(m2d, INPUTS["xpv"], INPUTS["fpv"]))
num("around_m2d_1", lambda: np.around(m2d * 1.37, 1))
num("around_m2d_m1", lambda: np.around(m2d * 13.7, -1))
num("around_i64_m2", lambda: np.around(INPUTS["i64b"] * 37, -2))
num("around_c", lambda: np.around(m2c * 1.37, 1))
num("nan_to_num", lambda: np.nan_to_num(INPUTS["f64"]))
num("nan_to_num_f32", lambda: np.nan_to_num(INPUTS["f32"], nan=-1.0, posinf=9.0))
num("isclose", lambda: np.isclose(INPUTS["f64"], INPUTS["f64"] * (1 + 1e-6)))
num("isclose_en", lambda: np.isclose(INPUTS["f64"], INPUTS["f64"], equal_nan=True))
num("isclose_c", lambda: np.isclose(INPUTS["c128"], INPUTS["c128"] + 1e-7))
num("clip_f", lambda: np.clip(INPUTS["f64"], -1.0, 2.0))
num("clip_i8", lambda: np.clip(INPUTS["i8"], -5, 100))
num("clip_u8_f", lambda: np.clip(INPUTS["u8"], 1.5, 100))
with open(__file__.replace("gen.py", "ufunc.txt"), "w") as fh:
    fh.write("\n".join(OUT + NUM) + "\n")
print(len(OUT) + len(NUM), "lines")
