#!/usr/bin/env python3
"""Fixtures for the flexible dtypes (datetime64, timedelta64, 'S', 'U'): NumPy's str(dtype),
itemsize, kind and char of each, numpy.promote_types over pairs and numpy.can_cast over
every pair and casting level. Run with Debian's python3-numpy:
    /usr/bin/python3 tests/data/dtype/gen_flex.py
writes flex_names.txt, flex_promote.txt and flex_cast.txt here."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
FLEX = ['M8', 'M8[Y]', 'M8[M]', 'M8[W]', 'M8[D]', 'M8[h]', 'M8[m]', 'M8[s]', 'M8[ms]', 'M8[us]',
        'M8[ns]', 'M8[ps]', 'M8[fs]', 'M8[as]', 'M8[25s]', 'M8[3D]', 'M8[6h]',
        'm8', 'm8[Y]', 'm8[M]', 'm8[W]', 'm8[D]', 'm8[h]', 'm8[s]', 'm8[ms]', 'm8[ns]', 'm8[10ms]',
        'm8[2M]', 'm8[3Y]',
        'S1', 'S5', 'S21', 'U1', 'U3', 'U32', 'U64']
NUM = ['?', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'f4', 'f8', 'c8', 'c16']


def name(d):
    return str(np.dtype(d))


def main():
    with open(os.path.join(HERE, 'flex_names.txt'), 'w') as f:
        for d in FLEX:
            dt = np.dtype(d)
            f.write(f'{d} {name(d)} {dt.itemsize} {dt.kind} {dt.char}\n')
    with open(os.path.join(HERE, 'flex_promote.txt'), 'w') as f:
        for a in FLEX:
            for b in FLEX + NUM:
                try:
                    r = name(np.promote_types(a, b))
                except (TypeError, OverflowError):
                    r = 'error'
                f.write(f'{name(a)} {name(b)} {r}\n')
    with open(os.path.join(HERE, 'flex_cast.txt'), 'w') as f:
        for a in FLEX + NUM:
            for b in FLEX + NUM:
                if a in NUM and b in NUM:
                    continue
                bits = ''.join('1' if np.can_cast(a, b, c) else '0'
                               for c in ('no', 'equiv', 'safe', 'same_kind', 'unsafe'))
                f.write(f'{name(a)} {name(b)} {bits}\n')


if __name__ == '__main__':
    main()
