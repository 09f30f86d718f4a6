#!/usr/bin/env python3
"""Fixtures for tests/test_ma_print.c (NumPy 1.24): how numpy.ma prints masked arrays.

tests/data/ma/print_inputs.txt: one input per line,
    name dtype ndim d0 .. d{ndim-1} | values | mask | fill | options
  values in C order (complex: re im pairs; floats as repr, so nan / inf / -0.0 survive),
  mask "nomask" or one 0/1 per element, fill "default" or the fill value (complex: re im),
  options "-" or threshold,edgeitems,linewidth for np.printoptions. Big inputs write
  values "@arange scale offset" (arange(n) * scale + offset cast to the dtype) and mask
  "@mod k r" (masked where i % k == r). The input named
  "view" is built by the test as nd_ma_view(":, ::2") then nd_ma_transpose of it.
tests/data/ma/print.txt: for each input "=== <name>.repr" and "=== <name>.str" followed by
  NumPy's text (tests/reports_text.h reads it)."""
import os
import numpy as np

HERE = os.path.dirname(__file__)
DATA = os.path.join(HERE, "..", "tests", "data", "ma")
rng = np.random.default_rng(1206)
cases = []  # (name, masked array as built, masked array as printed, options)


def case(name, data, mask=None, fill=None, options=None, dtype=None, printed=None):
    data = np.array(data, dtype=dtype)
    m = np.ma.array(data, mask=np.ma.nomask if mask is None else mask, fill_value=fill)
    cases.append((name, m, m if printed is None else printed, options))


GEN = {}  # name -> "@arange scale offset" / "@mod k r" for the big inputs


def big(name, shape, scale, offset, k, r, dtype=np.float64):
    """arange(n) * scale + offset in dtype, masked where i % k == r (k = 0: nomask)."""
    n = int(np.prod(shape))
    data = (np.arange(n) * scale + offset).astype(dtype).reshape(shape)
    mask = None if k == 0 else (np.arange(n) % k == r).reshape(shape)
    case(name, data, mask=mask)
    GEN[name] = (f"@arange {scale!r} {offset!r}", "nomask" if k == 0 else f"@mod {k} {r}")


def vals(a):
    out = []
    for x in a.ravel():
        if a.dtype.kind == "c":
            out += [repr(float(x.real)), repr(float(x.imag))]
        elif a.dtype.kind == "f":
            out.append(repr(float(x)))
        else:
            out.append(str(int(x)))
    return out


# ---- shapes --------------------------------------------------------------------------
case("f1", [1.0, 2.0, 3.0], mask=[0, 1, 0])
case("f2", rng.permutation(12).reshape(3, 4) * 1.25 - 3, mask=rng.random((3, 4)) < 0.3)
case("i3", np.arange(24).reshape(2, 3, 4) - 7, mask=rng.random((2, 3, 4)) < 0.3)
case("one_row", [[1.5, -2.0, 3.0, 4.25, 5.0]], mask=[[0, 0, 1, 0, 0]])
case("one_row3", np.arange(4.0).reshape(1, 1, 4), mask=[[[0, 1, 0, 0]]])
case("column", [[1.0], [2.0], [3.0]], mask=[[0], [1], [0]])
case("zero_d_masked", 1.5, mask=True)
case("zero_d_unmasked", 1.5, mask=False)
case("zero_d_nomask", 1.5)
case("zero_d_nomask_int", 7)
case("zero_d_float32", 0.1, mask=False, dtype=np.float32)
case("all_masked", [1.0, 2.0, 3.0], mask=True)
case("all_masked2", [[1, 2], [3, 4]], mask=True)
case("empty", np.zeros(0), mask=np.zeros(0, bool))
case("empty_nomask", np.zeros(0))
case("empty2", np.zeros((0, 3)))
case("empty3", np.zeros((2, 0)), mask=np.zeros((2, 0), bool))
case("nomask", [1.0, 2.5, -3.0])
case("nomask2", [[1, 2, 3], [40, 50, 60]])
case("nomask_i8", [1, -2, 3], dtype=np.int8)
case("no_masked", [1.0, 2.0, 3.0], mask=[0, 0, 0])
# ---- dtypes --------------------------------------------------------------------------
case("i8", [1, -128, 127, 0], mask=[0, 0, 1, 0], dtype=np.int8)
case("u8", [[0, 255], [17, 3]], mask=[[1, 0], [0, 0]], dtype=np.uint8)
case("i16", [300, -5], mask=[0, 1], dtype=np.int16)
case("u32", [4000000000, 1], mask=[0, 1], dtype=np.uint32)
case("u64", [2**64 - 1, 0, 5], mask=[0, 1, 0], dtype=np.uint64)
case("i64", [-2**63, 2**63 - 1, 0], mask=[0, 0, 1], dtype=np.int64)
case("f32", [0.1, -2.5, 1e10, 3.0, 1e-7], mask=[0, 0, 0, 1, 0], dtype=np.float32)
case("f32_2d", [[0.1, 0.2], [0.3, 0.4]], mask=[[0, 1], [0, 0]], dtype=np.float32)
case("c128", [1 + 2j, -0.5j, 3 - 1j, complex(np.nan, 1), 2.5 + 0j, complex(-0.0, 1)],
     mask=[0, 0, 1, 0, 0, 0])
case("c64", [1 + 2j, 0.1 + 0.2j, 3j], mask=[0, 0, 1], dtype=np.complex64)
case("c_nomask", [1 + 2j, -0.5j], dtype=np.complex128)
case("b", [True, False, True], mask=[0, 1, 0])
case("b2", [[True, False], [False, True]], mask=[[0, 0], [1, 0]])
case("b_nomask", [True, False, True])
# ---- values --------------------------------------------------------------------------
case("nan_inf", [np.nan, np.inf, -np.inf, 1.0, -0.0, 0.0], mask=[0, 0, 0, 1, 0, 0])
case("nan_inf_nomask", [np.nan, np.inf, -np.inf, 1.0])
case("negative", [[-1.5, 2.0, -300.25], [4.0, -5.0, 6.0]], mask=[[0, 0, 0], [1, 0, 0]])
case("big_small", [1e16, 1e15, 1e-5, 1e-4, 123456789.123, 1e20, -1e-300, 5e-324],
     mask=[0, 0, 0, 0, 0, 0, 1, 0])
case("big_small_nomask", [1e16, 1e-5, 123456789.123])
case("wrap", np.arange(30) * 123.456 - 1000, mask=np.arange(30) % 7 == 3)
case("wrap2", (np.arange(40) * 3.3).reshape(2, 20), mask=(np.arange(40) % 9 == 0).reshape(2, 20))
case("wrap_int", np.arange(60) * 1001, mask=np.arange(60) % 11 == 0)
# ---- fill values ---------------------------------------------------------------------
case("fill_f32", [0.1, 0.2], mask=[0, 1], fill=0.1, dtype=np.float32)
case("fill_int", [1, 2, 3], mask=[1, 0, 0], fill=-999)
case("fill_big", [1, 2], mask=[0, 1], fill=2**62)
case("fill_c", [1 + 1j, 2j], mask=[0, 1], fill=1 + 2j)
case("fill_c64", [1 + 1j, 2j], mask=[0, 1], fill=0.1 + 0.5j, dtype=np.complex64)
case("fill_b", [True, False], mask=[0, 1], fill=False)
case("fill_f", [1.0, 2.0], mask=[0, 1], fill=-0.5)
case("fill_u8", [1, 2], mask=[0, 1], fill=200, dtype=np.uint8)
# ---- big arrays: summarised, and the corners numpy.ma extracts before printing --------
big("big1", (2000,), 0.5, 0, 3, 0)
big("big1_1200", (1200,), 1, 0, 5, 1)
big("big1_nomask", (2000,), 0.5, 0, 0, 0)
big("big_2x600", (2, 600), 1, 0, 7, 2)
big("big_200", (200, 200), 1, 0, 13, 0, dtype=np.int64)
big("big_30x40", (30, 40), 1, 0, 4, 0)
big("big_3d", (4, 6, 100), 1, 0, 6, 0)
big("big_3d_wide", (2, 3, 120), 1, 0, 10, 0, dtype=np.int64)
big("big_f32", (1500,), 0.1, -3, 9, 4, dtype=np.float32)
# ---- print options -------------------------------------------------------------------
case("opt_threshold", np.arange(12.0), mask=np.arange(12) % 4 == 0, options=(5, 2, 75))
case("opt_linewidth", np.arange(12.0) * 11, mask=np.arange(12) % 5 == 0, options=(1000, 3, 40))
case("opt_2d", np.arange(36).reshape(6, 6), mask=np.eye(6, dtype=bool), options=(10, 1, 75))
case("opt_nomask", np.arange(12.0), options=(5, 2, 30))
case("opt_narrow", [123456.789, 1e-05, -0.000123, 2.5], mask=[0, 0, 1, 0], options=(1000, 3, 12))
case("opt_narrow2d", np.arange(12.0).reshape(3, 4) * 1001.5, mask=np.eye(3, 4, dtype=bool),
     options=(1000, 3, 30))
case("opt_3d", np.arange(60).reshape(3, 4, 5), mask=(np.arange(60) % 7 == 0).reshape(3, 4, 5),
     options=(20, 1, 75))
# ---- more layouts and values ---------------------------------------------------------
case("i4d", np.arange(24).reshape(2, 1, 3, 4), mask=(np.arange(24) % 5 == 0).reshape(2, 1, 3, 4))
case("one_row_wrap", (np.arange(25) * 0.37).reshape(1, 25), mask=(np.arange(25) % 6 == 0).reshape(1, 25))
case("c_more", [complex(1e16, 1), complex(np.inf, -np.inf), complex(0, -0.0), complex(-1.5, np.nan),
                complex(1e-5, 2e20), 3.25j], mask=[0, 0, 0, 0, 1, 0])
case("c64_nomask", [1 + 2j, 0.1 + 0.2j], dtype=np.complex64)
case("f32_nomask", [0.1, 2.5, 1e-7], dtype=np.float32)
case("b_zero_d", True, mask=True)
case("b_zero_d_unmasked", False, mask=False)
case("c_zero_d", 1.5 - 2j, mask=False)
case("u64_nomask", [2**64 - 1, 3], dtype=np.uint64)
big("big_tall", (3, 150, 2), 1, 0, 4, 3)
big("big_1d_1500", (1501,), 1, 0, 2, 0, dtype=np.int64)
# ---- a non-contiguous view -----------------------------------------------------------
base = np.ma.array(np.arange(24.0).reshape(4, 6) - 5, mask=(np.arange(24) % 5 == 0).reshape(4, 6))
case("view", base.data, mask=base.mask, printed=base[:, ::2].T)
hard = np.ma.array([1.0, 2.0], mask=[1, 0], hard_mask=True)
cases.append(("hard", hard, hard, None))

inputs, texts = [], []
for name, m, shown, options in cases:
    d = np.ma.getdata(m)
    mask = np.ma.getmask(m)
    fill = "default" if m._fill_value is None else " ".join(vals(np.array(m.fill_value)))
    opt = "-" if options is None else ",".join(map(str, options))
    if name in GEN:
        v, mk = GEN[name]
    else:
        v = " ".join(vals(d))
        mk = "nomask" if mask is np.ma.nomask else " ".join(str(int(b)) for b in mask.ravel())
    inputs.append(" ".join([name, d.dtype.name, str(d.ndim)] + [str(s) for s in d.shape]
                           + ["|", v, "|", mk, "|", fill, "|", opt]))
    if options is None:
        r, s = repr(shown), str(shown)
    else:
        with np.printoptions(threshold=options[0], edgeitems=options[1], linewidth=options[2]):
            r, s = repr(shown), str(shown)
    texts.append(f"=== {name}.repr\n{r}\n=== {name}.str\n{s}\n")

with open(os.path.join(DATA, "print_inputs.txt"), "w") as f:
    f.write("\n".join(inputs) + "\n")
with open(os.path.join(DATA, "print.txt"), "w") as f:
    f.write("".join(texts))
