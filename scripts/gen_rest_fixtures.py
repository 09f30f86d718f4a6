#!/usr/bin/python3
"""Fixtures for tests/test_rest.c (NumPy 1.24): writes tests/data/rest/reports.txt, one
"=== name" section per case with the text NumPy produces (an assertion's report, a
printed array, a value list)."""
import os
import numpy as np
import numpy.testing as npt

OUT = os.path.join(os.path.dirname(__file__), '..', 'tests', 'data', 'rest', 'reports.txt')
cases = []


def report(name, fn, *args, **kw):
    try:
        fn(*args, **kw)
    except AssertionError as e:
        cases.append((name, str(e)))
        return
    raise SystemExit('case %s did not fail' % name)


def text(name, s):
    cases.append((name, s))


# ---- testing ------------------------------------------------------------------------
report('almost_scalar', npt.assert_almost_equal, 1.0, 1.00001)
report('almost_scalar_decimal', npt.assert_almost_equal, 2.5, 2.7, decimal=1, err_msg='hi')
report('almost_scalar_nan', npt.assert_almost_equal, float('nan'), 1.0)
report('almost_scalar_int', npt.assert_almost_equal, 3, 4)
report('almost_scalar_complex', npt.assert_almost_equal, 1 + 2j, 1 + 2.1j)
report('almost_array', npt.assert_almost_equal, np.array([1.0, 2.0, 3.0]),
       np.array([1.0, 2.00001, 3.1]))
report('array_almost', npt.assert_array_almost_equal, np.array([1.0, 2.0, 3.0, 4.0]),
       np.array([1.0, 2.0001, 3.0, 4.5]))
report('array_almost_decimal', npt.assert_array_almost_equal, np.array([1.0, 2.0]),
       np.array([1.01, 2.0]), decimal=3)
report('array_almost_int', npt.assert_array_almost_equal, np.array([1, 2, 3]),
       np.array([1, 2, 4]))
report('array_almost_nan', npt.assert_array_almost_equal, np.array([1.0, np.nan]),
       np.array([np.nan, 1.0]))
report('array_almost_shape', npt.assert_array_almost_equal, np.zeros(2), np.zeros(3))
report('array_almost_scalar', npt.assert_array_almost_equal, np.array([1.0, 1.5]), 1.0)
report('approx', npt.assert_approx_equal, 1.0, 1.0001)
report('approx_sig', npt.assert_approx_equal, 123456.0, 123476.0, significant=5)
report('approx_nan', npt.assert_approx_equal, np.nan, 1.0)
report('approx_inf', npt.assert_approx_equal, np.inf, -np.inf)
report('equal_scalar', npt.assert_equal, 1, 2)
report('equal_float', npt.assert_equal, 0.5, 0.25, err_msg='msg')
report('equal_zero_sign', npt.assert_equal, 0.0, -0.0)
report('equal_complex', npt.assert_equal, 1 + 1j, 1 - 1j)
report('equal_array', npt.assert_equal, np.array([1.0, np.nan, 3.0]),
       np.array([1.0, np.nan, 4.0]))
report('equal_array_shape', npt.assert_equal, np.zeros((2, 2)), np.zeros(4))
report('equal_bool', npt.assert_equal, True, False)

def values(name, a):
    """An array as "shape d0 d1 ..." and a line of its values (%.17g; complex: re im)."""
    a = np.asarray(a)
    flat = a.ravel()
    if np.iscomplexobj(a):
        vals = ' '.join('%.17g %.17g' % (v.real, v.imag) for v in flat)
    else:
        vals = ' '.join('%.17g' % v for v in flat)
    cases.append((name, 'shape' + ''.join(' %d' % d for d in a.shape) + '\n' + vals))


# ---- polyvalfromroots -----------------------------------------------------------------
from numpy.polynomial import polynomial as P
values('vfr_scalar', P.polyvalfromroots(2.5, [1.0, -2.0, 0.5]))
values('vfr_array', P.polyvalfromroots(np.array([[0.0, 1.5], [2.0, -3.0]]), [1, 2, 3]))
values('vfr_tensor', P.polyvalfromroots(np.array([-1.0, 0.5, 4.0]),
                                         np.array([[1.0, 2.0], [3.0, -1.0]])))
values('vfr_no_tensor', P.polyvalfromroots(np.array([-1.0, 0.5]),
                                            np.array([[1.0, 2.0], [3.0, -1.0]]), tensor=False))
values('vfr_empty_roots', P.polyvalfromroots(np.array([1.0, 2.0]), np.array([])))
values('vfr_complex', P.polyvalfromroots(np.array([1.0, 2.0]), np.array([1j, -1j])))


# ---- array2string ---------------------------------------------------------------------
a = np.arange(12.) / 7
text('a2s_default', np.array2string(a))
text('a2s_precision0', np.array2string(a, precision=0))
text('a2s_precision3', np.array2string(a, precision=3))
text('a2s_edge0', np.array2string(a, threshold=0, edgeitems=0))
text('a2s_edge1', np.array2string(a, threshold=0, edgeitems=1))
text('a2s_prefix', np.array2string(a.reshape(3, 4), separator=', ', prefix='xx('))
text('a2s_sep', np.array2string(a.reshape(3, 4), separator=';  '))
text('a2s_0d', np.array2string(np.array(1.5)))
text('a2s_empty', np.array2string(np.zeros((2, 0))))
text('a2s_suppress', np.array2string(np.array([1e-10, 1]), suppress_small=True))
text('a2s_width', np.array2string(np.arange(30), max_line_width=20, suffix=')'))
text('a2s_3d', np.array2string(np.arange(24).reshape(2, 3, 4), separator=','))
text('a2s_summary2d', np.array2string(np.arange(100).reshape(10, 10), threshold=50,
                                      edgeitems=2, separator=', '))
text('a2s_sign', np.array2string(np.array([1.5, -2.0]), sign='+'))
text('a2s_complex', np.array2string(np.array([1 + 2j, 3.5 - 1j]), precision=2))


# ---- fromstring / fromregex -----------------------------------------------------------
values('fs_space', np.fromstring('1 2 3.5', sep=' '))
values('fs_comma_int', np.fromstring('1, 2,3', dtype=np.int64, sep=','))
values('fs_count', np.fromstring('1,2,3', sep=',', count=2))
values('fs_trailing_sep', np.fromstring('1,2,3,', sep=','))
values('fs_empty', np.fromstring('', sep=','))
values('fs_int8_wrap', np.fromstring('1 300 -129', dtype=np.int8, sep=' '))
values('fs_newlines', np.fromstring('1\n 2\t3\n', sep=' '))

REGEX_TXT = os.path.join(os.path.dirname(OUT), 'regex.txt')
with open(REGEX_TXT, 'w') as f:
    f.write('id=1 x=2.5 y=-3\nid=2 x=1e3 y=7\nnoise here\nid=30 x=-0.125 y=0\n')
dt = np.dtype([('id', np.int32), ('x', np.float64), ('y', np.int64)])
rec = np.fromregex(REGEX_TXT, r'id=(\d+) x=(\S+) y=(-?\d+)', dt)
values('fr_id', rec['id'])
values('fr_x', rec['x'])
values('fr_y', rec['y'])
one = np.fromregex(REGEX_TXT, r'x=(\S+)', np.dtype([('x', np.float64)]))
values('fr_one', one['x'])
allf = np.fromregex(REGEX_TXT, r'id=(\d+) x=(\S+)', np.dtype([('a', float), ('b', float)]))
values('fr_two', np.stack([allf['a'], allf['b']], axis=1))


# ---- find_common_type: "array types;scalar types;result" per line -----------------------
import itertools
import warnings
TYPES = ['bool', 'int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64',
         'float32', 'float64', 'complex64', 'complex128']
lines = []
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    combos = [([a], [b]) for a in TYPES for b in TYPES]
    combos += [([a, b], []) for a, b in itertools.combinations(TYPES, 2)]
    combos += [([], [a, b]) for a, b in itertools.combinations(TYPES, 2)]
    combos += [(['int8', 'uint16'], ['float32']), (['uint64', 'int8'], ['complex64']),
               (['float32', 'int16'], ['int64', 'uint8']), (['bool'], ['bool', 'int8'])]
    for arr, sc in combos:
        r = np.find_common_type(arr, sc)
        lines.append('%s;%s;%s' % (','.join(arr), ','.join(sc), r.name))
text('find_common_type', '\n'.join(lines))


# ---- assert_string_equal: the C test uses the same pairs (STRING_CASES in test_rest.c) ---
STRING_CASES = [
    ('str_word', 'hello', 'hellp'),
    ('str_lines', 'line one\nline two\nline three\n', 'line one\nline 2\nline three\n'),
    ('str_unrelated', 'abc\n', 'xyz\n'),
    ('str_insert_char', 'foo bar\n', 'foo baar\n'),
    ('str_tabs', '\tx = 1;\n', '\tx = 2;\n'),
    ('str_extra_line', 'a\nb\n', 'a\nb\nc\n'),
    ('str_missing_line', 'a\nb\nc\n', 'a\nc\n'),
    ('str_two_blocks', 'alpha\nbeta\ngamma\ndelta\n', 'alpha\nbeta2\ngamma\ndelta3\n'),
    ('str_utf8', 'caf\u00e9 cr\u00e8me\n', 'caf\u00e9 crime\n'),
    ('str_long', 'x' * 250 + 'a' + 'y' * 10, 'x' * 250 + 'b' + 'y' * 10),
]
for name, a, b in STRING_CASES:
    report(name, npt.assert_string_equal, a, b)


# ---- einsum_path: the report, then "path (0, 1) ..." (EINSUM_CASES in test_rest.c) ---------
EINSUM_CASES = [
    ('ep_chain', 'ij,jk,kl,lm->im', [(2, 3), (3, 4), (4, 5), (5, 2)]),
    ('ep_chain_implicit', 'ij,jk,kl,lm', [(2, 3), (3, 4), (4, 5), (5, 2)]),
    ('ep_two', 'ij,jk->ik', [(2, 3), (3, 4)]),
    ('ep_one', 'ii->i', [(4, 4)]),
    ('ep_big', 'ea,fb,abcd,gc,hd->efgh', [(10, 10)] * 2 + [(10, 10, 10, 10)] + [(10, 10)] * 2),
    ('ep_outer', 'i,j,k->ijk', [(3,), (4,), (5,)]),
    ('ep_mixed', 'abc,bd,cde,ea->', [(3, 4, 5), (4, 6), (5, 6, 2), (2, 3)]),
    ('ep_bcast', 'ij,jk,kl->il', [(1, 3), (3, 7), (7, 2)]),
    ('ep_rep', 'iij,jk,kl->il', [(3, 3, 4), (4, 5), (5, 6)]),
]
for name, sub, shapes in EINSUM_CASES:
    ops = [np.ones(s) for s in shapes]
    for kind in ('greedy', 'optimal'):
        path, rep = np.einsum_path(sub, *ops, optimize=kind)
        text('%s_%s' % (name, kind), rep + '\npath' + ''.join(
            ' ' + str(tuple(step)) for step in path[1:]))


# ---- more edge cases: float32, complex, 2-d, views -----------------------------------
report('array_almost_f32', npt.assert_array_almost_equal, np.array([1, 2], np.float32),
       np.array([1, 2.001], np.float32))
report('array_almost_complex', npt.assert_array_almost_equal, np.array([1 + 1j, 2]),
       np.array([1 + 1.1j, 2]))
report('array_almost_2d', npt.assert_array_almost_equal, np.arange(6.).reshape(2, 3),
       np.arange(6.).reshape(2, 3) + np.array([[0, 0, 1e-5], [0, 0, 0]]))
report('array_almost_inf', npt.assert_array_almost_equal, np.array([np.inf, 1.0]),
       np.array([np.inf, 1.1]))
report('almost_0d', npt.assert_almost_equal, np.array(1.0), np.array(1.5))
text('a2s_reversed', np.array2string(np.arange(10.)[::-3] / 3, precision=4))
text('a2s_transposed', np.array2string(np.arange(6).reshape(2, 3).T, separator=' | '))
values('vfr_reversed_roots', P.polyvalfromroots(np.array([0.5, 2.0]), np.array([1.0, 2.0, 3.0, 4.0])[::-2]))


with open(OUT, 'w') as f:
    for name, s in cases:
        f.write('=== %s\n%s\n' % (name, s))
