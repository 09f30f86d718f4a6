#!/usr/bin/env python3
"""Fixtures for tests/test_strings.c, from NumPy (run with Debian's /usr/bin/python3):

    /usr/bin/python3 tests/data/strings/gen.py tests/data/strings

Every string is written as the hex of its UTF-8 (bytes: of the bytes), '-' for the empty
string, so the files are plain ASCII lines of space-separated tokens."""
import os
import sys

import numpy as np

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))


def hx(s):
    b = s.encode('utf-8') if isinstance(s, str) else bytes(s)
    return b.hex() if b else '-'


def line(f, tag, items):
    f.write(tag + ' ' + ' '.join(items) + '\n')


# text with non-ASCII, empty strings, trailing and leading spaces, repeats, prefixes
TEXT = ['banana', 'apple', '', 'Äpfel', 'apple ', ' apple', 'zebra', 'é', 'e', 'apple',
        'ß', '日本', '', 'app', 'applesauce', '\U0001F600', 'Zebra', 'banana', 'a\tb', 'E']
BYTES = [s.encode('latin-1', 'replace') if all(ord(c) < 128 for c in s) else b'\xe9\xff'
         for s in TEXT]

with open(os.path.join(OUT, 'strings.txt'), 'w') as f:
    for kind, data in (('U', TEXT), ('S', BYTES)):
        a = np.array(data)
        line(f, kind + 'data', [hx(s) for s in data])
        line(f, kind + 'dtype', [a.dtype.str])
        line(f, kind + 'argsort', [str(i) for i in np.argsort(a, kind='stable')])
        u, idx, inv, cnt = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
        line(f, kind + 'unique', [hx(s) for s in u])
        line(f, kind + 'uindex', [str(i) for i in idx])
        line(f, kind + 'uinverse', [str(i) for i in inv])
        line(f, kind + 'ucounts', [str(i) for i in cnt])
        b = a[::-1].copy()
        for op in ('equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal'):
            line(f, kind + op, [str(int(x)) for x in getattr(np, op)(a, b)])
        line(f, kind + 'ssleft', [str(i) for i in np.searchsorted(u, a, side='left')])
        line(f, kind + 'ssright', [str(i) for i in np.searchsorted(u, a[:5], side='right')])
        line(f, kind + 'isin', [str(int(x)) for x in np.isin(a, a[3:8])])
        two = a.reshape(4, 5)
        line(f, kind + 'sort2d0', [hx(s) for s in np.sort(two, axis=0).ravel()])
        line(f, kind + 'sort2d1', [hx(s) for s in np.sort(two, axis=1).ravel()])

# repr and str of arrays (the C side builds the same arrays)
REPRS = [
    ('U', ['a', 'bc']),
    ('U', ['', '']),
    ('U', ['it\'s', 'say "hi"', 'both \' and "', 'back\\slash']),
    ('U', ['a\x00b', '\t\n\r\x01\x7f', 'é\x80\xa0\xad', '\u0378\u2028\U000e0001\U0001F600']),
    ('U', ['é' * 30, 'ü' * 30, 'x' * 20]),
    ('U', ['a' * 70]),
    ('U', ['word%d' % i for i in range(30)]),
    ('U', ['x'] * 1001),
    ('S', [b'a', b'bc']),
    ('S', [b'a\x00b', b'\t\n\\\'"', b'\xe9\x01\x7f\x80']),
    ('S', [b'it\'s', b'']),
]
with open(os.path.join(OUT, 'repr.txt'), 'w') as f:
    for kind, data in REPRS:
        a = np.array(data)
        line(f, kind, [hx(s) for s in data])
        line(f, 'repr', [hx(repr(a))])
        line(f, 'str', [hx(str(a))])
        two = a[:4].reshape(2, 2) if a.size >= 4 else a.reshape(1, -1)
        line(f, 'repr2', [hx(repr(two))])
    for kind, s in (('U', 'ab'), ('U', ''), ('S', b'ab')):
        a = np.array(s)
        line(f, kind + '0', [hx(s)])
        line(f, 'repr', [hx(repr(a))])
        line(f, 'str', [hx(str(a))])

# astype: numbers to text, text to numbers, widths
with open(os.path.join(OUT, 'astype.txt'), 'w') as f:
    F = np.array([0.1, 1e20, 1.0, np.nan, -np.inf, 1e-5, 123456789012345678.0, -0.0, 2.5e-300,
                  1 / 3])
    for code in ('U', 'S', 'U4'):
        r = F.astype(code)
        line(f, 'f8_' + code, [r.dtype.str] + [hx(s) for s in r])
    r = F.astype('f4').astype('U')
    line(f, 'f4_U', [r.dtype.str] + [hx(s) for s in r])
    I = np.array([0, -5, 300, -9223372036854775808, 9223372036854775807])
    for code in ('U', 'S2'):
        r = I.astype(code)
        line(f, 'i8_' + code, [r.dtype.str] + [hx(s) for s in r])
    for t in ('?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f4', 'f8', 'c8', 'c16'):
        line(f, 'width', [t, np.zeros(1, t).astype('U').dtype.str, np.zeros(1, t).astype('S').dtype.str])
    r = np.array([True, False]).astype('U')
    line(f, 'b_U', [r.dtype.str] + [hx(s) for s in r])
    r = np.array([1 + 2j, 1j, -0.0 - 1j, np.nan + 0j, 1.5]).astype('U')
    line(f, 'c16_U', [r.dtype.str] + [hx(s) for s in r])
    for t, texts in (('i8', [' 12 ', '1_000', '+7', '-0', '\uff11\uff12', '\t-42\n']),
                     ('u1', ['300', '-1', '255']),
                     ('f8', [' 1.5 ', '1_0.5', 'nan', '-inf', 'Infinity', '1e5', '.5', '5.', '-1E-3',
                             'INF', '1_000.000_1']),
                     ('c16', ['1+2j', '3', '(1-1j)', '2j', '-j', ' (1+j) ', 'inf-nanj']),
                     ('?', ['0', '1', '2', ' 0'])):
        r = np.array(texts).astype(t)
        if t == 'c16':
            vals = ['%r,%r' % (x.real, x.imag) for x in r]
        else:
            vals = [repr(x.item()) for x in r]
        line(f, 'parse_' + t, [hx(s) for s in texts] + ['='] + vals)
    for t, s in (('i8', '1.5'), ('i8', ''), ('i8', '0x10'), ('i8', '1__0'), ('i8', '_1'),
                 ('f8', 'abc'), ('f8', ''), ('f8', '0x1p3'), ('f8', '1._5'), ('f8', '1e'),
                 ('?', 'True'), ('c16', '1+2'), ('i8', '99999999999999999999')):
        try:
            np.array([s]).astype(t)
            ok = 'ok'
        except (ValueError, OverflowError):
            ok = 'error'
        line(f, 'bad_' + t, [hx(s), ok])
    for src, dst, data in (('U', 'S', ['abc', '', 'a b ']), ('S', 'U', [b'abc', b'', b'a\x00b'])):
        a = np.array(data)
        for w in ('', '1', '6'):
            r = a.astype(dst + w)
            line(f, src + '_' + dst + w, [r.dtype.str] + [hx(s) for s in r])
    for src, dst, data in (('U', 'S', ['ab', 'aé']), ('S', 'U', [b'ab', b'a\xff'])):
        try:
            np.array(data).astype(dst)
            ok = 'ok'
        except UnicodeError:
            ok = 'error'
        line(f, 'bad_' + src + dst, [ok])
    a = np.array(['hello', 'hi'], dtype='U3')
    line(f, 'U3_create', [a.dtype.str] + [hx(s) for s in a])
    a[1] = 'world'
    line(f, 'U3_set', [hx(s) for s in a])

# .npy files as NumPy writes them (the C test loads them and saves byte-identical copies)
NPY = {
    'u5': np.array(['naïve', '', 'apple', '日本', 'tail '], dtype='<U5'),
    's3': np.array([b'ab', b'', b'xyz', b'a\x00b'], dtype='|S3'),
    'u2d': np.array([['a', 'bc', 'def'], ['', 'é', '\U0001F600']]),
    'ufortran': np.asfortranarray(np.array([['a', 'bc', 'def'], ['', 'é', 'zz']])),
    'ubig': np.array(['big', 'é'], dtype='>U3'),
    'uempty': np.zeros((0, 2), dtype='<U4'),
}
for name, arr in NPY.items():
    np.save(os.path.join(OUT, name + '.npy'), arr)

# numpy.char on both dtypes: "kind name args... = result" (args: s:<hex>, i:<int>, i:end for
# None, n for a default string argument; result: dtype and hex strings, or integers)
CU = ['Hello World', 'ßtraße', 'ΑΣ ΣΑ', 'ǆemal', '  padded  ', '', 'abc123', '１２３', 'Ⅻ',
      '\t\n', 'hello\tthere', 'İstanbul', 'ﬁne', 'MiXeD cAsE', 'a-b_c d', "o'neil", '½', '-42',
      '+7', 'x', 'ΌΣΟΣ', 'ǅungla', 'Title Case Words', 'UPPER', 'ab ']
CS = [b'Hello World', b'  padded  ', b'', b'abc123', b'\t\n', b'MiXeD cAsE', b'-42', b'+7',
      b'a-b_c d', b'\xe9t\xe9', b'Title Case', b'UPPER', b'x\x0b']
ch = np.char


def sarg(v):
    if v is None:
        return 'n'
    return 's:' + hx(v)


def iarg(v):
    return 'i:end' if v is None else 'i:%d' % v


CALLS = [
    ('upper', []), ('lower', []), ('swapcase', []), ('capitalize', []), ('title', []),
    ('strip', [None]), ('strip', [' ad']), ('lstrip', [None]), ('rstrip', ['d ']),
    ('center', [13, '*']), ('ljust', [4, ' ']), ('rjust', [15, '-']), ('zfill', [6]),
    ('multiply', [2]), ('multiply', [0]),
    ('replace', ['l', 'LL', -1]), ('replace', ['a', '', 1]), ('replace', ['', '|', 3]),
    ('find', ['l', 0, None]), ('rfind', ['l', 2, -1]), ('count', ['l', 0, None]),
    ('count', ['', 1, 5]), ('startswith', ['He', 0, None]), ('startswith', ['', 3, None]),
    ('endswith', ['d', 0, -1]), ('find', ['', 30, None]),
    ('str_len', []), ('isalpha', []), ('isalnum', []), ('isdigit', []), ('isdecimal', []),
    ('isnumeric', []), ('isspace', []), ('islower', []), ('isupper', []), ('istitle', []),
]
with open(os.path.join(OUT, 'char.txt'), 'w') as f:
    for kind, data in (('U', CU), ('S', CS)):
        a = np.array(data)
        line(f, kind, [hx(s) for s in data])
        enc = (lambda s: s) if kind == 'U' else (lambda s: s.encode() if isinstance(s, str) else s)
        for name, args in CALLS:
            if kind == 'S' and name in ('isdecimal', 'isnumeric'):
                continue
            pyargs = [enc(x) if isinstance(x, str) else x for x in args]
            r = getattr(ch, name)(a, *pyargs)
            toks = [name] + [sarg(x) if (isinstance(x, str) or (x is None and name in ('strip', 'lstrip', 'rstrip', 'ljust'))) else iarg(x) for x in args] + ['=']
            if r.dtype.kind in 'US':
                toks += [r.dtype.str] + [hx(s) for s in r]
            else:
                toks += [str(int(x)) for x in r]
            line(f, kind + 'call', toks)
        b = np.char.add(a[::-1], enc(' '))
        line(f, kind + 'add', [np.char.add(a, a[::-1]).dtype.str] + [hx(s) for s in np.char.add(a, a[::-1])])
        for op in ('equal', 'not_equal', 'less', 'less_equal', 'greater', 'greater_equal'):
            line(f, kind + 'cmp', [op] + [str(int(x)) for x in getattr(ch, op)(a, b)])

# the rest of numpy.char: partition, expandtabs, join, encode/decode, mod
with open(os.path.join(OUT, 'char_more.txt'), 'w') as f:
    for kind, data in (('U', ['a-b-c', 'abc', '', 'é-ü', '-x-', 'a\tb', '\t\tx\ny\tz', 'ab\r\tc']),
                       ('S', [b'a-b-c', b'abc', b'', b'-x-', b'a\tb', b'\t\tx\ny\tz'])):
        a = np.array(data)
        enc = (lambda s: s) if kind == 'U' else (lambda s: s.encode())
        line(f, kind, [hx(s) for s in data])
        for name, r in (('partition', ch.partition(a, enc('-'))), ('rpartition', ch.rpartition(a, enc('-'))),
                        ('expandtabs4', ch.expandtabs(a, 4)), ('expandtabs', ch.expandtabs(a)),
                        ('join', ch.join(enc('::'), a) if kind == 'U' else None)):
            if r is None:  # b'::'.join(b'abc') is a TypeError: NumPy's join has no bytes form
                continue
            line(f, name, [r.dtype.str] + [hx(s) for s in r.ravel()])
    for enc_name in ('utf-8', 'latin-1', 'ascii'):
        data = ['abc', '', 'é', 'ü b'] if enc_name != 'ascii' else ['abc', '', 'x y']
        r = ch.encode(np.array(data), enc_name)
        line(f, 'encode', [enc_name] + [hx(s) for s in data] + ['=', r.dtype.str] + [hx(s) for s in r])
        back = ch.decode(r, enc_name)
        line(f, 'decode', [back.dtype.str] + [hx(s) for s in back])
    FMTS = ['%d items', '%.2f', '%5.1e|', '%s', '%r', '%03d%%', '%+g', '%-6d|', '% d', '%10.3f',
            '%#g', '%G', '%i', '%u', 'no%%pct %d']
    for vals, dt in (([3.7, -0.0, 1e20, 12345.678, -2.5], 'f8'), ([5, -3, 0, 255, 65], 'i8'),
                     ([True, False, True, False, True], '?')):
        v = np.array(vals, dtype=dt)
        for fm in FMTS:
            if dt == 'f8' and fm in ('%c',):
                continue
            r = ch.mod(np.array([fm] * len(vals)), v)
            line(f, 'mod', [hx(fm), dt] + ['=', r.dtype.str] + [hx(s) for s in r])
    for fm in ('%x', '%X', '%o', '%#x', '%#o', '%c', '%5x'):
        v = np.array([255, 8, 65, 10, 97])
        r = ch.mod(np.array([fm] * 5), v)
        line(f, 'mod', [hx(fm), 'i8', '=', r.dtype.str] + [hx(s) for s in r])
    v = np.array([np.nan, np.inf, -np.inf])
    for fm in ('%f', '%5.1e', '%G', '%s', '%08.2f'):
        r = ch.mod(np.array([fm] * 3), v)
        line(f, 'modnan', [hx(fm), '=', r.dtype.str] + [hx(s) for s in r])
    r = ch.mod(np.array([b'%d', b'%5.2f|']), np.array([7, 2.5]))
    line(f, 'modbytes', [r.dtype.str] + [hx(s) for s in r])
np.savez(os.path.join(OUT, 'mixed.npz'), u=NPY['u5'], s=NPY['s3'], f=np.arange(3.0))

# savetxt of string arrays (fmt='%s' forms; NumPy's default '%.18e' is a TypeError)
import io as _io
with open(os.path.join(OUT, 'savetxt.txt'), 'w') as f:
    for kind, data, shape, fmt in (('U', ['a', 'bé'], (2,), '%s'), ('U', ['a', 'b', 'cc', 'd'], (2, 2), '%-3s|'),
                                   ('S', [b'x', b'y'], (2,), '%s'), ('U', ['abc', 'de'], (2,), '%5.2s'),
                                   ('U', ['a', 'b', 'c', 'd'], (2, 2), '%s:%s')):
        buf = _io.StringIO()
        np.savetxt(buf, np.array(data).reshape(shape), fmt=fmt, delimiter=',', header='h')
        line(f, kind, [hx(s) for s in data] + ['=', str(len(shape)), hx(fmt), hx(buf.getvalue())])
