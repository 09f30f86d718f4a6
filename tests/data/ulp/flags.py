"""The IEEE warnings NumPy gives for the special inputs of tests/test_ulp_f64.c
(f64_cases / f32_cases): run with Debian's /usr/bin/python3; output in flags.txt."""
import warnings

import numpy as np


def flags(fn, args, dtype):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        with np.errstate(all="warn"):
            r = getattr(np, fn)(*[np.full(21, a, dtype=dtype) for a in args])
    return r[0], sorted({str(m.message).split(" encountered")[0] for m in w})


F64 = [("exp", 1000), ("exp", -1000), ("exp", -np.inf), ("exp", np.nan), ("exp", -745.2),
       ("log", 0.0), ("log", -0.0), ("log", -1), ("log", np.inf), ("sin", np.inf), ("sin", 1e300),
       ("sin", 5e-324), ("tan", -np.inf), ("arcsin", 2), ("arccos", -1.5), ("arctan", 5e-324),
       ("sinh", 710), ("sinh", -711), ("cosh", 710.4), ("cosh", 711), ("log1p", -1), ("log1p", -2),
       ("log1p", 1e308), ("arctanh", 1), ("arctanh", 2), ("arccosh", 0.5), ("arcsinh", 1e300),
       ("expm1", 710), ("exp2", 1024), ("exp2", -1100), ("exp2", -1060.5), ("log2", 0),
       ("log10", -0.0), ("cbrt", -np.inf), ("tanh", 1e300), ("tanh", 5e-324), ("sinh", 5e-324),
       ("expm1", -5e-324), ("log1p", 5e-324), ("cbrt", 5e-324), ("arctanh", 1e-310),
       ("tan", 5e-324), ("arcsin", 5e-324), ("arcsinh", 5e-324)]
F64_2 = [("power", 0.0, -1.0), ("power", -1.0, 0.5), ("power", 10.0, 400.0), ("power", 0.5, 2000.0),
         ("power", 2.0, -1074.0), ("power", np.nan, 0.0), ("power", 1.0, np.nan),
         ("power", -8.0, 1 / 3), ("power", 0.0, 0.0), ("power", -0.0, -3.0),
         ("arctan2", 1e-300, 1e300), ("arctan2", np.nan, 1.0), ("arctan2", np.inf, np.inf),
         ("arctan2", 0.0, -0.0), ("arctan2", -1e-300, -1e300), ("arctan2", 5e-324, 3.0)]
F32 = [("exp", -104.0), ("exp", 89.0), ("sinh", 89.0), ("sinh", 89.5), ("cosh", -89.3),
       ("log1p", 3e38), ("arcsinh", 3e38), ("arccosh", 3e38), ("log", 0.0), ("sin", 1e-45),
       ("arctan", -1e-39), ("sin", np.inf), ("log", -1.0)]

if __name__ == "__main__":
    print("# numpy", np.__version__)
    for fn, *args in F64 + F64_2:
        print("float64", fn, *args, *flags(fn, args, np.float64))
    for fn, *args in F32:
        print("float32", fn, *args, *flags(fn, args, np.float32))
