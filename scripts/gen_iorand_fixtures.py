#!/usr/bin/python3
"""NumPy fixtures for tests/test_random_more.c, tests/test_io_rawfile.c and
tests/test_print_format.c (issue 16: raw files, float formatting, more random).

Writes tests/data/iorand/. Run with Debian's /usr/bin/python3 (NumPy 1.24):
    /usr/bin/python3 scripts/gen_iorand_fixtures.py
Lines are "name v0 v1 ..." (floats as repr, integers exact)."""
import os
import numpy as np
from numpy.random import Generator, MT19937, PCG64, RandomState

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'data', 'iorand')
os.makedirs(OUT, exist_ok=True)


def fmt(v):
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    return repr(float(v))


def line(f, name, vals):
    f.write(name + ' ' + ' '.join(fmt(v) for v in np.asarray(vals).ravel().tolist()) + '\n')


def gen_random():
    with open(os.path.join(OUT, 'random.txt'), 'w') as f:
        # MT19937 through SeedSequence (Generator(MT19937(seed)))
        line(f, 'mt_seq_raw_42', MT19937(42).random_raw(1300))
        line(f, 'mt_seq_raw_big', MT19937(2**40 + 7).random_raw(5))
        line(f, 'mt_gen_random_42', Generator(MT19937(42)).random(10))
        line(f, 'mt_gen_normal_7', Generator(MT19937(7)).standard_normal(20))
        line(f, 'mt_gen_integers_7', Generator(MT19937(7)).integers(0, 1000, 20))
        line(f, 'mt_gen_float32_9', Generator(MT19937(9)).random(7, dtype=np.float32))
        # legacy RandomState / np.random.seed
        rs = RandomState(0)
        line(f, 'legacy_raw_0', rs._bit_generator.random_raw(700))
        np.random.seed(0)
        line(f, 'legacy_rand_0', np.random.rand(1000))
        np.random.seed(12345)
        line(f, 'legacy_rand_12345', np.random.rand(5))
        np.random.seed(4294967295)
        line(f, 'legacy_rand_max', np.random.rand(3))
        rs = RandomState(1)
        a = rs.randn(11)
        b = rs.standard_normal(3)
        line(f, 'legacy_randn_1', np.concatenate([a, b]))
        line(f, 'legacy_normal_2', RandomState(2).normal(3, 2, 7))
        line(f, 'legacy_uniform_3', RandomState(3).uniform(-2, 5, 6))
        rs = RandomState(4)
        line(f, 'legacy_randint_4', rs.randint(0, 10, 50))
        line(f, 'legacy_randint_4b', rs.randint(-2**63, 2**63 - 1, 5))
        line(f, 'legacy_randint_4c', rs.randint(-5, 2**32 - 5, 5))
        line(f, 'legacy_randint_4d', rs.randint(7, 2**40, 5))
        line(f, 'legacy_array_123', RandomState([1, 2, 3]).rand(5))
        line(f, 'legacy_array_long', RandomState(np.arange(700, dtype=np.uint32) * 2654435761 % 2**32).rand(4))
        line(f, 'legacy_gauss_state_1', [RandomState(1).get_state()[1][5]])
        rs = RandomState(1)
        rs.randn(1)
        st = rs.get_state()
        line(f, 'legacy_state_after_1', [st[2], st[3], st[4]])
        # Generator.bytes
        line(f, 'bytes_pcg_5', list(Generator(PCG64(5)).bytes(13)))
        line(f, 'bytes_mt_5', list(Generator(MT19937(5)).bytes(7)))
        g = Generator(PCG64(6))
        b1 = list(g.bytes(3))
        b2 = list(g.bytes(5))
        line(f, 'bytes_pcg_6_twice', b1 + b2)
        # noncentral
        line(f, 'ncx2_3_2', np.random.default_rng(10).noncentral_chisquare(3, 2, 50))
        line(f, 'ncx2_05_2', np.random.default_rng(11).noncentral_chisquare(0.5, 2, 50))
        line(f, 'ncx2_4_0', np.random.default_rng(12).noncentral_chisquare(4, 0, 20))
        line(f, 'ncf_3_5_15', np.random.default_rng(13).noncentral_f(3, 5, 1.5, 50))
        line(f, 'ncf_07_2_3', np.random.default_rng(14).noncentral_f(0.7, 2, 3, 30))
        # multivariate hypergeometric
        g = np.random.default_rng
        line(f, 'mvhg_marg', g(20).multivariate_hypergeometric([5, 10, 15], 12, size=20))
        line(f, 'mvhg_count', g(21).multivariate_hypergeometric([5, 10, 15], 12, size=20, method='count'))
        line(f, 'mvhg_marg_half', g(22).multivariate_hypergeometric([5, 10, 15], 20, size=(4, 5)))
        line(f, 'mvhg_count_half', g(23).multivariate_hypergeometric([5, 10, 15], 20, size=(4, 5), method='count'))
        line(f, 'mvhg_marg_big', g(24).multivariate_hypergeometric([100, 200, 50, 0, 30], 150, size=10))
        line(f, 'mvhg_count_big', g(25).multivariate_hypergeometric([100, 200, 50, 0, 30], 150, size=10, method='count'))
        line(f, 'mvhg_one', g(26).multivariate_hypergeometric(np.array([3, 0, 4], dtype=np.uint8), 5))
        # multivariate normal, NumPy's default method='svd'
        mean = [1.0, -2.0, 0.5]
        cov = [[2.0, 0.3, 0.1], [0.3, 1.0, -0.2], [0.1, -0.2, 0.5]]
        line(f, 'mvn_svd_default', g(30).multivariate_normal(mean, cov, 10))
        line(f, 'mvn_svd_singular', g(31).multivariate_normal([0, 0], [[1, 1], [1, 1]], 6))


def gen_rawfile():
    raw = os.path.join(OUT, 'raw')
    os.makedirs(raw, exist_ok=True)
    P = lambda n: os.path.join(raw, n)
    # binary written by NumPy (numc's tofile must give the same bytes)
    np.array([1.5, -2, np.nan, np.inf, 1e-300]).tofile(P('f64.bin'))
    np.arange(12, dtype=np.int32).reshape(3, 4).T.tofile(P('i32_T.bin'))
    np.arange(10, dtype=np.int16)[::-3].tofile(P('i16_neg.bin'))
    with open(P('odd7.bin'), 'wb') as f:
        f.write(bytes(range(1, 8)))
    # .npy files for open_memmap
    from numpy.lib.format import open_memmap
    m = open_memmap(P('mm_w.npy'), mode='w+', dtype=np.float32, shape=(3, 4))
    m[:] = np.arange(12, dtype=np.float32).reshape(3, 4)
    m.flush()
    del m
    m = open_memmap(P('mm_wf.npy'), mode='w+', dtype=np.int16, shape=(2, 3), fortran_order=True)
    m[:] = [[1, 2, 3], [4, 5, 6]]
    m.flush()
    del m
    np.save(P('mm_be.npy'), np.arange(5, dtype='>i4'))
    with open(P('mm_w.npy'), 'rb') as g:
        b = g.read()
    with open(P('mm_short.npy'), 'wb') as g:
        g.write(b[:-5])
    with open(P('mm_badmagic.npy'), 'wb') as g:
        g.write(b'\x93NUMPX' + b[6:])
    # text written by NumPy
    a = np.array([1.5, 2, np.nan, -np.inf, 1e-5, 1e20, 0.1, 1e16, 123456789.0])
    a.tofile(P('f64_sep.txt'), sep=', ')
    a.tofile(P('f64_fmt.txt'), sep='\n', format='%.3f')
    np.array([1, -2, 300]).tofile(P('i64_fmt.txt'), sep=' ', format='%5d')
    np.array([26, -26, 255]).tofile(P('i64_hex.txt'), sep=';', format='<%x>')
    np.array([True, False]).tofile(P('bool.txt'), sep=' ')
    np.array([1 + 2j, 3, -1.5j, complex(-0.0, 1)]).tofile(P('c128.txt'), sep=' ')
    np.array([1.5, 0.1], dtype=np.float32).tofile(P('f32.txt'), sep=' ')
    np.array([1.25, -3.75]).tofile(P('f64_as_int.txt'), sep=',', format='%d%%')
    np.array([], dtype=float).tofile(P('empty.txt'), sep=' ')
    # text read by NumPy: inputs and what fromfile gives
    ins = {
        'in_comma': ('1, 2,3 ,  4', dict(sep=',')),
        'err_comma_newline': ('1, 2,3 ,  4\n5', dict(sep=',')),
        'err_double_sep': ('1,2,,3', dict(sep=',')),
        'err_float_for_int': ('1.5 2', dict(sep=' ', dtype=np.int64)),
        'err_hex': ('0x1A 2', dict(sep=' ')),
        'err_word': ('1 2 x 3', dict(sep=' ')),
        'in_space_int': ('1 2  3\n4', dict(sep=' ', dtype=np.int64)),
        'in_count': ('1 2 3', dict(sep=' ', count=2)),
        'in_count_more': ('1 2 3', dict(sep=' ', count=5)),
        'in_special': ('1e3 -2.5 inf nan -inf +3 .5', dict(sep=' ')),
        'in_comma_space': (' 1, 2 ', dict(sep=', ')),
        'in_u8_wrap': ('300 -1 +4', dict(sep=' ', dtype=np.uint8)),
        'in_bool': ('1 0 5', dict(sep=' ', dtype=bool)),
        'in_x': ('1x2x3', dict(sep='x')),
        'in_sat': ('99999999999999999999 -99999999999999999999 2', dict(sep=' ', dtype=np.int64)),
        'in_trailing': ('1,2,', dict(sep=',')),
        'in_empty': ('', dict(sep=',')),
        'in_f32': ('0.1 2.5', dict(sep=' ', dtype=np.float32)),
        'in_c128': ('1+2j 3 -1.5j', dict(sep=' ', dtype=complex)),
    }
    with open(os.path.join(OUT, 'rawfile.txt'), 'w') as f:
        for name, (text, kw) in ins.items():
            with open(P(name + '.txt'), 'w') as g:
                g.write(text)
            import warnings
            with warnings.catch_warnings():
                warnings.simplefilter('error')   # NumPy 1.24 warns where NumPy 2 raises
                try:
                    v = np.fromfile(P(name + '.txt'), **kw)
                except (DeprecationWarning, ValueError):
                    line(f, name, [-1])
                    continue
            if v.dtype.kind == 'c':
                v = np.stack([v.real, v.imag], axis=-1)
            elif v.dtype.kind == 'f':
                v = v.astype(np.float64)
            line(f, name, v)
        line(f, 'odd7_i16', np.fromfile(P('odd7.bin'), dtype=np.int16))
        line(f, 'odd7_i16_off3', np.fromfile(P('odd7.bin'), dtype=np.int16, offset=3))
        line(f, 'odd7_u8_count', np.fromfile(P('odd7.bin'), dtype=np.uint8, count=4, offset=1))


def gen_format_float():
    """format_float_positional / scientific: one case a line, tab-separated:
    kind(P/S) x(hex) f32 precision unique fractional trim sign pad_left pad_right
    exp_digits min_digits result  (None as -1; result ERROR when NumPy raises)."""
    vals = [0.0, -0.0, 1.0, -1.5, 0.1, 1.999, 123.456, 99.99, 0.001, 0.0006, 1e-7, 2.5,
            0.5, 1e20, 1e16, 123456789.0, 5e-324, 1.7976931348623157e308, np.pi, -np.e * 1e-5,
            np.inf, -np.inf, np.nan, 1e5, 1.5e-300, 0.30000000000000004, 16777217.0, 1e-4]
    combos = [dict()]
    for prec in [0, 1, 3, 8]:
        combos.append(dict(precision=prec))
        combos.append(dict(precision=prec, unique=False))
        combos.append(dict(precision=prec, fractional=False))
        combos.append(dict(precision=prec, unique=False, fractional=False))
    for trim in 'k.0-':
        combos.append(dict(trim=trim))
        combos.append(dict(trim=trim, precision=2, unique=False))
    combos += [dict(sign=True), dict(pad_left=6), dict(pad_right=5), dict(pad_left=4, pad_right=4, trim='-'),
               dict(min_digits=3), dict(min_digits=5, precision=6), dict(min_digits=2, fractional=False),
               dict(exp_digits=0), dict(exp_digits=4), dict(exp_digits=1, precision=3, unique=False),
               dict(sign=True, precision=2, trim='0'), dict(precision=3, min_digits=5)]
    names = ['precision', 'unique', 'fractional', 'trim', 'sign', 'pad_left', 'pad_right',
             'exp_digits', 'min_digits']
    defaults = dict(precision=-1, unique=1, fractional=1, trim='k', sign=0, pad_left=-1,
                    pad_right=-1, exp_digits=-1, min_digits=-1)
    with open(os.path.join(OUT, 'format_float.txt'), 'w') as f:
        for kind in 'PS':
            fn = np.format_float_positional if kind == 'P' else np.format_float_scientific
            for f32 in (0, 1):
                for v in vals:
                    x = np.float32(v) if f32 else np.float64(v)
                    for c in combos:
                        kw = dict(c)
                        if kind == 'P':
                            kw.pop('exp_digits', None)
                        else:
                            kw.pop('fractional', None)
                            kw.pop('pad_right', None) if False else None
                        try:
                            r = fn(x, **kw)
                        except (ValueError, TypeError):
                            r = 'ERROR'
                        row = [kind, float(x).hex(), str(f32)]
                        for n in names:
                            val = kw.get(n, defaults[n])
                            row.append(str(int(val)) if isinstance(val, (bool, int)) else val)
                        row.append(r)
                        f.write('\t'.join(row) + '\n')


def gen_printoptions():
    """str(array) under sign / nanstr / infstr: name|sign|nanstr|infstr|values|text"""
    arrays = {
        'mixed': np.array([1.5, -2.25, np.nan, np.inf, -np.inf, 0.0]),
        'pos': np.array([1.5, 2.0, 30.125]),
        'posnan': np.array([1.5, np.nan, np.inf]),
        'neg': np.array([-1.0, 2.0]),
        'sci': np.array([1e-8, 3.0, 1e9, np.nan]),
        'allnan': np.array([np.nan, np.inf]),
        'cplx': np.array([1 + 2j, np.nan + 1j, 3 - np.inf * 1j]),
    }
    rows = []
    for sign in ['-', '+', ' ']:
        for nanstr, infstr in [('nan', 'inf'), ('NaN', 'Inf'), ('missing', 'infinity')]:
            for name, a in arrays.items():
                with np.printoptions(sign=sign, nanstr=nanstr, infstr=infstr):
                    t = str(a)
                rows.append('|'.join([name, sign, nanstr, infstr, t.replace('\n', '\\n')]))
    with open(os.path.join(OUT, 'printoptions.txt'), 'w') as f:
        f.write('\n'.join(rows) + '\n')


if __name__ == '__main__':
    gen_printoptions()
    gen_random()
    gen_rawfile()
    gen_format_float()
