#!/usr/bin/python3
"""Generate fixtures.txt: NumPy's repr() and str() of arrays, for tests/test_print.c.

Run with Debian's NumPy (1.24):  /usr/bin/python3 tests/data/print/gen.py

File format, one block per case (all counts are exact byte lengths, so texts may hold
newlines):
    case NAME
    dtype NAME
    shape N d0 d1 ...            (N = ndim; "shape 0" is a 0-d array)
    opts PRECISION THRESHOLD EDGEITEMS LINEWIDTH SUPPRESS   (0 = default)
    view SPEC                    (optional: the C test prints a view of the array:
                                  "T" = transpose, "step2" = a[::2] on axis 0)
    values COUNT                 (then COUNT lines, one element each, C order;
                                  complex: "re im"; bool: 0/1)
    repr LEN                     (then LEN bytes and a newline)
    str LEN                      (then LEN bytes and a newline)
    end
"""
import os
import numpy as np

assert np.__version__.startswith("1.24"), np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
cases = []


def add(name, a, view=None, **opts):
    cases.append((name, np.asarray(a), view, opts))


f64, f32, c64, c128 = np.float64, np.float32, np.complex64, np.complex128
nan, inf = np.nan, np.inf
rng = np.random.default_rng(20240607)

# ---- basics per dtype ---------------------------------------------------------------
add("f64_ints", np.array([1.0, 2.0, 3.0]))
add("f64_halves", np.array([1.0, 0.5, 0.25]))
add("f64_negative", np.array([-1.5, 2.25, -100.0, 0.0]))
add("f64_pi_e", np.array([np.pi, np.e, 1 / 3]))
add("f64_round_up", np.array([0.999999999, 1.5, 123456.123456789]))
add("f32_tenths", np.array([0.1, 0.2, 0.3], dtype=f32))
add("f32_arange_wrap_dtype", np.arange(20, dtype=f32) * f32(1.1))
add("bool_1d", np.array([True, False, True]))
add("bool_2d", np.array([[True, False], [False, False]]))
add("int8", np.array([-128, 127, 0, 5], dtype=np.int8))
add("int16", np.array([-300, 7, 32767], dtype=np.int16))
add("int32", np.array([1, -2, 30], dtype=np.int32))
add("int64", np.array([-5, 100, 3], dtype=np.int64))
add("int64_extremes", np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max], dtype=np.int64))
add("uint8", np.array([0, 255, 17], dtype=np.uint8))
add("uint16", np.array([65535, 1], dtype=np.uint16))
add("uint32", np.array([4294967295, 0, 12], dtype=np.uint32))
add("uint64_max", np.array([0, np.iinfo(np.uint64).max, 7], dtype=np.uint64))
add("c128", np.array([1 + 2j, 3 - 4j]))
add("c128_neg_imag", np.array([0 - 1j]))
add("c128_mixed", np.array([1.5 + 0.25j, -2 - 100j, 0.125j]))
add("c128_nonfinite", np.array([complex(1, 2), complex(3, -4), complex(nan, 1), complex(nan, -inf)]))
add("c128_sci", np.array([1e-5 + 1j, 2 + 3e7j]))
add("c64_tenths", np.array([0.1 + 0.2j, -0.3 + 1j], dtype=c64))

# ---- 0-d -----------------------------------------------------------------------------
for nm, v in [("3", 3.0), ("tenth", 0.1), ("1e20", 1e20), ("negzero", -0.0), ("nan", nan),
              ("ninf", -inf), ("1e-5", 1e-5), ("big_pos", 123456789.123), ("1e16", 1e16),
              ("9e15", 9.5e15), ("pi", np.pi)]:
    add("f64_0d_" + nm, np.array(v))
add("f32_0d_tenth", np.array(0.1, dtype=f32))
add("f32_0d_third", np.array(1 / 3, dtype=f32))
add("int8_0d", np.array(5, dtype=np.int8))
add("int64_0d", np.array(-42))
add("uint64_0d", np.array(np.iinfo(np.uint64).max, dtype=np.uint64))
add("bool_0d", np.array(True))
add("bool_0d_false", np.array(False))
add("c128_0d", np.array(1 + 2j))
add("c128_0d_pure_imag", np.array(2j))
add("c128_0d_negzero_real", np.array(complex(-0.0, -1.5)))
add("c128_0d_nan", np.array(complex(nan, inf)))
add("c64_0d", np.array(0.1 - 1e-7j, dtype=c64))

# ---- empty ---------------------------------------------------------------------------
add("empty_f64", np.zeros(0))
add("empty_0x3", np.zeros((0, 3)))
add("empty_int32_2x0x4", np.zeros((2, 0, 4), dtype=np.int32))
add("empty_bool", np.zeros(0, dtype=bool))
add("empty_c64", np.zeros(0, dtype=c64))
add("empty_int64", np.zeros(0, dtype=np.int64))

# ---- nesting -------------------------------------------------------------------------
add("int_2d", np.arange(12).reshape(3, 4))
add("f64_3d", np.arange(24.0).reshape(2, 3, 4) / 4)
add("int16_4d", (np.arange(16, dtype=np.int16) - 8).reshape(2, 2, 2, 2))
add("f64_2d_random", rng.standard_normal((4, 5)))
add("f64_2d_wrap", rng.standard_normal((3, 12)) * 100)
add("transpose_view", np.arange(6.0).reshape(2, 3), view="T")
add("step_view", np.arange(10, dtype=np.int32), view="step2")

# ---- wrapping ------------------------------------------------------------------------
add("f64_arange30", np.arange(30.0))
add("int64_arange50", np.arange(50))
for n in (11, 17, 23, 24, 25):
    add("int8_len%d" % n, np.arange(n, dtype=np.int8))

# ---- summarised ----------------------------------------------------------------------
add("int_2000", np.arange(2000))
add("f64_linspace_2000", np.linspace(0, 1, 2000))
add("f64_50x50", np.arange(2500.0).reshape(50, 50))
add("int_3d_summary", np.arange(2000).reshape(10, 10, 20))
add("int_2x600", np.arange(1200).reshape(2, 600))
add("uint8_summary", (np.arange(1500) % 256).astype(np.uint8))
add("c128_summary", np.arange(1001) * (1 - 1j))
add("bool_summary", np.arange(1001) % 3 == 0)

# ---- scientific notation ---------------------------------------------------------------
add("sci_mixed", np.array([1e-5, 1.0, 1e5]))
add("sci_big", np.array([1e10, 1.0]))
add("sci_tiny_one", np.array([1.5e-10]))
add("sci_ratio_just_over", np.array([1.0, 1001.0]))
add("sci_ratio_at", np.array([1.0, 1000.0]))
add("sci_1e8", np.array([1e8]))
add("below_1e8", np.array([99999999.0, 1.0e5]))
add("sci_exp3", np.array([1e-100, 1.0]))
add("sci_extremes", np.array([1e300, -1e-300]))
add("sci_with_zero", np.array([0.0, 1e-5, 3.0]))
add("sci_random", rng.standard_normal(7) * 10.0 ** rng.integers(-8, 8, 7))
add("f32_sci", np.array([0.1, 1e-5, 123456789], dtype=f32))
add("f32_sci2", np.array([1e-5, 2.0], dtype=f32))

# ---- non-finite and signed zero ----------------------------------------------------------
add("nonfinite", np.array([nan, 1.0, -inf, inf]))
add("nonfinite_only", np.array([nan, inf]))
add("nonfinite_sci", np.array([nan, 1e-10, -inf]))
add("negzero", np.array([-0.0, 0.0, 1.0]))
add("all_zero", np.zeros((2, 2)))
add("sci_zero_negzero", np.array([0.0, 1.5e-5, -0.0]))
add("sci_nan", np.array([1e-5, nan]))
add("sci_inf", np.array([1.5e-5, inf]))
add("sci_neginf", np.array([1.5, -inf, 10000.0]))
add("sci_denormal", np.array([2.0 ** -1074, 1.0]))
add("f32_big_small", np.array([16777216, 1e-3], dtype=f32))
# positional output keeps exact integer digits where the shortest digits stop early
add("f32_exact_int_part", np.array([66640568, 100000.5], dtype=f32), precision=5)
add("f32_near_1e8", np.array([99999992, 100000.25], dtype=f32))
add("f32_0d_exact_int_part", np.array(66640568, dtype=f32))

# ---- shortest digits: precision 20 shows them uncut, 0-d str shows them all ------------
add("shortest_f64", rng.uniform(1, 999, 12), precision=20)
add("shortest_f32", rng.uniform(1, 999, 12).astype(f32), precision=20)
for k in (-1017, -1007, -957):
    add("f64_0d_pow2_%d" % -k, np.array(2.0 ** k))
for k in (-96, 87, 90):
    add("f32_0d_pow2_%d" % k, np.array(2.0 ** k, dtype=f32))
add("f32_pow2_array", np.array([2.0 ** 87, 2.0 ** 90], dtype=f32), precision=10)

# ---- options ---------------------------------------------------------------------------
add("prec3", np.array([np.pi, np.e, 1 / 3]), precision=3)
add("prec3_sci", np.array([np.pi * 1e-6, 2.0, 1e5]), precision=3)
add("prec3_2d", rng.standard_normal((3, 3)), precision=3)
add("suppress_small", np.array([1e-10, 1.0, 2.0]), suppress=True)
add("suppress_doc", np.array([1e-6, 4e-7, 2, 3]), suppress=True, precision=6)
add("suppress_neg_tiny", np.array([-1e-10, 1.0]), suppress=True)
add("suppress_big", np.array([1e9, 1.0]), suppress=True)
add("suppress_ratio", np.array([1e-3, 1e4]), suppress=True)
add("linewidth40", np.arange(20.0), linewidth=40)
add("edge2_threshold10", np.arange(30).reshape(5, 6), edgeitems=2, threshold=10)
add("edge1_threshold5_3d", np.arange(60.0).reshape(3, 4, 5), edgeitems=1, threshold=5)

with open(os.path.join(HERE, "fixtures.txt"), "w", encoding="ascii", newline="\n") as out:
    for name, a, view, opts in cases:
        with np.printoptions(**opts):
            shown = a.T if view == "T" else a[::2] if view == "step2" else a
            r, s = repr(shown), str(shown)
        out.write("case %s\n" % name)
        out.write("dtype %s\n" % a.dtype.name)
        out.write("shape %d%s\n" % (a.ndim, "".join(" %d" % d for d in a.shape)))
        out.write("opts %d %d %d %d %d\n" % (opts.get("precision", 0), opts.get("threshold", 0),
                                             opts.get("edgeitems", 0), opts.get("linewidth", 0),
                                             int(opts.get("suppress", False))))
        if view:
            out.write("view %s\n" % view)
        flat = a.ravel()
        out.write("values %d\n" % flat.size)
        for v in flat:
            if a.dtype.kind == "c":
                out.write("%r %r\n" % (float(v.real), float(v.imag)))
            elif a.dtype.kind == "f":
                out.write("%r\n" % float(v))
            else:
                out.write("%d\n" % int(v))
        out.write("repr %d\n%s\n" % (len(r), r))
        out.write("str %d\n%s\n" % (len(s), s))
        out.write("end\n")
print("%d cases" % len(cases))

# ---- scalars.txt: str() of float scalars from random bit patterns -------------------------
# Each line: "f64 HEXBITS TEXT" or "f32 HEXBITS TEXT"; TEXT is str(np.float64/float32(x)).
with open(os.path.join(HERE, "scalars.txt"), "w", encoding="ascii", newline="\n") as out:
    bits64 = rng.integers(0, 2 ** 63, 1500, dtype=np.uint64)
    bits64 |= rng.integers(0, 2, 1500, dtype=np.uint64) << np.uint64(63)
    extra64 = [(2.0 ** k) for k in range(-1074, 1024, 7)] + [0.1, 0.2, 0.3, 1 / 3, 1e-5, 1e16,
                                                              9999999999999998.0, 5e-324]
    vals64 = list(bits64.view(np.float64)) + [np.float64(v) for v in extra64]
    for v in vals64:
        if np.isfinite(v):
            out.write("f64 %016x %s\n" % (np.float64(v).view(np.uint64), str(np.float64(v))))
    bits32 = rng.integers(0, 2 ** 32, 1500, dtype=np.uint64).astype(np.uint32)
    extra32 = [np.float32(2.0 ** k) for k in range(-149, 128)] + [np.float32(v) for v in
                                                                  (0.1, 0.2, 1 / 3, 1e-5, 3e38)]
    vals32 = list(bits32.view(np.float32)) + extra32
    for v in vals32:
        if np.isfinite(v):
            out.write("f32 %08x %s\n" % (np.float32(v).view(np.uint32), str(np.float32(v))))
