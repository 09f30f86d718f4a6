#!/usr/bin/python3
"""NumPy fixtures for tests/test_ufunc_methods.c (ufunc.reduce / accumulate / reduceat /
outer / at across dtypes, views and errors) and tests/test_ufunc_user.c.

Writes tests/data/ufuncm/ufuncm.txt: one array per line,
    name dtype ndim d0 .. d{ndim-1} v0 v1 ...   (tests/fixture.h's fixture_load format)
and tests/data/ufuncm/cases.txt: one case per line,
    name method func input view axis keepdims extra
where view is a numc nd_view spec ('-' for none), axis 'N' (None), an int or 'a,b',
extra the name of the indices / second operand ('-' for none); a case whose NumPy call
raises has the line 'name ERR' in ufuncm.txt.

Run: /usr/bin/python3 scripts/gen_ufuncm_fixtures.py (NumPy 1.24)."""
import os
import warnings

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'data', 'ufuncm')
rng = np.random.default_rng(16)
arrays = []
cases = []


def fmt(v):
    if isinstance(v, (bool, np.bool_)):
        return '1' if v else '0'
    if isinstance(v, (np.integer, int)):
        return str(int(v))
    return repr(float(v))


def put(name, a):
    a = np.asarray(a)
    dt = {np.dtype(bool): 'bool'}.get(a.dtype, a.dtype.name)
    vals = ' '.join(fmt(x) for x in a.ravel(order='C'))
    shape = ' '.join(str(s) for s in a.shape)
    arrays.append(f"{name} {dt} {a.ndim}{' ' + shape if shape else ''}{' ' + vals if vals else ''}")


inputs = {
    'in_f': rng.integers(-8, 9, size=(3, 4)) * 0.5 + 0.25,
    'in_i': rng.integers(1, 7, size=(3, 4)).astype(np.int64) * rng.choice([-1, 1], size=(3, 4)),
    'in_i8': rng.integers(1, 5, size=(2, 3, 4)).astype(np.int8),
    'in_u8': rng.integers(1, 200, size=(6,)).astype(np.uint8),
    'in_b': rng.integers(0, 2, size=(3, 4)).astype(bool),
    'in_f32': (rng.integers(-8, 9, size=(5,)) * 0.25 + 0.125).astype(np.float32),
    'in_e': np.zeros((0, 3)),
    'in_s': np.array(2.5),
    'idx': np.array([0, 2, 1, 3]),
    'idx_full': np.array([0, 1, 1, 2, 0]),
    'idx_bad': np.array([0, 9]),
    'idx_neg': np.array([-1, 0, -1]),
    'idx_e': np.array([], dtype=np.int64),
    'v3': np.array([1.5, -2.0, 4.0]),
    'vi3': np.array([3, 1, 2], dtype=np.int64),
}
for k, v in inputs.items():
    put(k, v)


def view(a, spec):
    if spec == '-':
        return a
    return eval('a[' + spec + ']')


# NumPy's SIMD loops for these read a zero-stride first operand once, so f.reduce along
# a contiguous axis gives f(a[0], a[-1]) (np.power.reduce([2., 3., 2.]) is 4.0); numc
# applies f in sequence as NumPy documents: ((2 ** 3) ** 2). The reference does the same.
SEQUENTIAL = ('arctan2', 'power')


def seq_reduce(f, a, axis, keepdims):
    want = f.reduce(a, axis=axis, keepdims=keepdims).dtype
    m = np.moveaxis(a, axis, 0)
    r = m[0].astype(want)
    for k in range(1, m.shape[0]):
        r = f(r, m[k])
    r = np.asarray(r).astype(want)
    return np.expand_dims(r, axis) if keepdims else r


def case(name, method, func, inp, vspec='-', axis='0', keepdims=0, extra='-'):
    a = view(inputs[inp], vspec)
    f = getattr(np, func)
    ax = None if axis == 'N' else (tuple(int(x) for x in axis.split(',')) if ',' in axis else int(axis))
    cases.append(f"{name} {method} {func} {inp} {vspec} {axis} {keepdims} {extra}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            if method == 'reduce' and func in SEQUENTIAL and isinstance(ax, int):
                r = seq_reduce(f, a, ax, bool(keepdims))
            elif method == 'reduce':
                r = f.reduce(a, axis=ax, keepdims=bool(keepdims))
            elif method == 'accumulate':
                r = f.accumulate(a, axis=ax)
            elif method == 'reduceat':
                r = f.reduceat(a, inputs[extra], axis=ax)
            elif method == 'outer':
                r = f.outer(a, view(inputs[extra], '-'))
            elif method == 'at':
                r = a.copy()
                if f.nin == 2:
                    f.at(r, inputs['idx_full' if extra == '-' else extra.split(':')[0]],
                         inputs[extra.split(':')[1]] if ':' in extra else 1)
                else:
                    f.at(r, inputs[extra], )
        if np.asarray(r).dtype == np.float16:  # numc has no float16 (it gives float32)
            cases.pop()
            return
        put(name, r)
    except Exception:
        arrays.append(f"{name} ERR")


FUNCS = ['add', 'subtract', 'multiply', 'divide', 'floor_divide', 'maximum', 'minimum',
         'fmax', 'logical_and', 'logical_or', 'bitwise_xor', 'hypot', 'arctan2', 'gcd',
         'equal', 'power']
INS = ['in_f', 'in_i', 'in_i8', 'in_u8', 'in_b', 'in_f32']
n = 0
for func in FUNCS:
    for inp in INS:
        nd = inputs[inp].ndim
        case(f"r{n}", 'reduce', func, inp, '-', '0'); n += 1
        case(f"r{n}", 'reduce', func, inp, '-', str(nd - 1), 1); n += 1
        case(f"a{n}", 'accumulate', func, inp, '-', str(nd - 1)); n += 1
        case(f"ra{n}", 'reduceat', func, inp, '-', str(nd - 1), 0, 'idx' if inputs[inp].shape[-1] >= 4 else 'idx_neg'); n += 1
        case(f"o{n}", 'outer', func, inp, '-', '0', 0, 'v3'); n += 1
# views: non-contiguous, negative strides, several axes, None, empty, 0-d
for func in ['add', 'subtract', 'maximum', 'multiply']:
    case(f"v{n}", 'reduce', func, 'in_f', '::-1, ::2', '1'); n += 1
    case(f"v{n}", 'reduce', func, 'in_i8', ':, ::-1, 1::2', '0,2', 1); n += 1
    case(f"v{n}", 'reduce', func, 'in_i8', '-', 'N'); n += 1
    case(f"v{n}", 'reduce', func, 'in_e', '-', '0'); n += 1
    case(f"v{n}", 'reduce', func, 'in_e', '-', '1'); n += 1
    case(f"v{n}", 'reduce', func, 'in_s', '-', 'N'); n += 1
    case(f"v{n}", 'accumulate', func, 'in_f', '::-1, ::-2', '0'); n += 1
    case(f"v{n}", 'accumulate', func, 'in_e', '-', '0'); n += 1
    case(f"v{n}", 'accumulate', func, 'in_s', '-', '0'); n += 1
    case(f"v{n}", 'reduceat', func, 'in_f', '::-1, :', '1', 0, 'idx'); n += 1
    case(f"v{n}", 'reduceat', func, 'in_f', '-', '1', 0, 'idx_bad'); n += 1
    case(f"v{n}", 'reduceat', func, 'in_f', '-', '0', 0, 'idx_e'); n += 1
    case(f"v{n}", 'outer', func, 'in_f', '::2, ::-1', '0', 0, 'in_s'); n += 1
    case(f"v{n}", 'outer', func, 'in_s', '-', '0', 0, 'in_s'); n += 1
# at: repeated, negative, out of bounds, values array, dtype casting, unary
for func in ['add', 'subtract', 'multiply', 'maximum', 'divide']:
    for inp in ['in_f', 'in_i', 'in_u8', 'in_f32']:
        case(f"t{n}", 'at', func, inp, '-', '0', 0, 'idx_full'); n += 1
        case(f"t{n}", 'at', func, inp, '-', '0', 0, 'idx_neg'); n += 1
        case(f"t{n}", 'at', func, inp, '-', '0', 0, 'idx_bad'); n += 1
        case(f"t{n}", 'at', func, inp, '-', '0', 0, 'idx_neg:v3'); n += 1
        case(f"t{n}", 'at', func, inp, '-', '0', 0, 'idx_neg:vi3'); n += 1
for func in ['negative', 'square', 'sqrt', 'invert']:
    for inp in ['in_f', 'in_i', 'in_b']:
        case(f"t{n}", 'at', func, inp, '-', '0', 0, 'idx_full'); n += 1

# piecewise and apply_along_axis (the C callbacks: 2x, x*x, sum; lane -> [min, max])
x = np.linspace(-2.0, 2.0, 9)
put('pw_x', x)
put('pw_two', np.piecewise(x, [x < 0, x >= 1], [lambda v: 2 * v, lambda v: v * v]))
put('pw_default', np.piecewise(x, [x < 0, x > 1], [-1.0, lambda v: 2 * v, 7.0]))
put('pw_consts', np.piecewise(x, [x < 0], [5.0]))
xi = np.arange(-3, 4)
put('pw_xi', xi)
put('pw_int', np.piecewise(xi, [xi < 0], [lambda v: v * 2.6, 1.0]))
m = np.arange(24.0).reshape(2, 3, 4) ** 1.5
put('aa_m', m)
put('aa_sum1', np.apply_along_axis(np.sum, 1, m))
put('aa_minmax2', np.apply_along_axis(lambda v: np.array([v.min(), v.max()]), 2, m))
put('aa_minmax0', np.apply_along_axis(lambda v: np.array([v.min(), v.max()]), 0, m))
put('aa_outer1', np.apply_along_axis(lambda v: np.outer(v, v[:2]), 1, m))
put('ao_sum02', np.apply_over_axes(np.sum, m, [0, 2]))
put('ao_sumneg', np.apply_over_axes(np.sum, m, [-1]))

# user ufuncs: hypot-like binary (float64), clip01 unary, and an int64 x int64 loop
u = np.frompyfunc(lambda a, b: (a * a + b * b) ** 0.5, 2, 1)
uf = inputs['in_f']
put('uu_f', u(uf, uf[0]).astype(float))
put('uu_reduce0', np.hypot.reduce(uf, axis=0))
put('uu_acc1', np.hypot.accumulate(uf, axis=1))
put('uu_outer', np.hypot.outer(uf[0], inputs['v3']))
put('uu_reduceat', np.hypot.reduceat(uf, inputs['idx'], axis=1))
put('uu_i', (inputs['in_i'] * 3 + 1))
put('uu_absdiff_i', np.abs(inputs['in_i'] - inputs['in_i'][::-1]))
ua = np.zeros(5)
np.add.at(ua, [0, 1, 1, 4, 4, 4], 0.5)
put('uu_at', ua)
put('uu_sq', np.sqrt(np.abs(uf)))

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, 'ufuncm.txt'), 'w') as fh:
    fh.write('\n'.join(arrays) + '\n')
with open(os.path.join(OUT, 'cases.txt'), 'w') as fh:
    fh.write('\n'.join(cases) + '\n')
