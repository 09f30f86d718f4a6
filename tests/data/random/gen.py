#!/usr/bin/python3
"""NumPy reference streams for tests/test_random*.c.

Run with Debian's /usr/bin/python3 (python3-numpy): writes bitgen.txt and dist.txt
next to this script. Each line is `name v1 v2 ...`; floats are written with repr()
so they round-trip exactly."""
import os
import numpy as np
from numpy.random import (SeedSequence, PCG64, PCG64DXSM, Philox, SFC64, Generator,
                          default_rng)

HERE = os.path.dirname(os.path.abspath(__file__))


def line(f, name, vals):
    vals = np.asarray(vals).ravel()
    if vals.dtype.kind == 'f':
        txt = ' '.join(repr(float(v)) for v in vals)
    elif vals.dtype.kind == 'b':
        txt = ' '.join(str(int(v)) for v in vals)
    else:
        txt = ' '.join(str(int(v)) for v in vals)
    f.write(f'{name} {txt}\n')


def bitgen_fixtures(f):
    line(f, 'ss42_u32x8', SeedSequence(42).generate_state(8, np.uint32))
    line(f, 'ss42_u64x4', SeedSequence(42).generate_state(4, np.uint64))
    line(f, 'ss0_u64x4', SeedSequence(0).generate_state(4, np.uint64))
    line(f, 'ss_big_u64x4', SeedSequence(2**100 + 12345).generate_state(4, np.uint64))
    line(f, 'ss_words6_u32x8', SeedSequence([1, 2, 3, 4, 5, 6]).generate_state(8, np.uint32))
    kids = SeedSequence(42).spawn(3)
    for i, k in enumerate(kids):
        line(f, f'ss42_child{i}_u64x4', k.generate_state(4, np.uint64))
    grandkid = kids[1].spawn(2)[1]
    line(f, 'ss42_child1_child1_u64x4', grandkid.generate_state(4, np.uint64))

    for name, cls in (('pcg64', PCG64), ('pcg64dxsm', PCG64DXSM), ('philox', Philox),
                      ('sfc64', SFC64)):
        bg = cls(42)
        line(f, f'{name}_42_raw', bg.random_raw(64))
        bg = cls(12345678901234567890)
        line(f, f'{name}_big_raw', bg.random_raw(16))
    for name, cls in (('pcg64', PCG64), ('pcg64dxsm', PCG64DXSM), ('philox', Philox)):
        line(f, f'{name}_42_jumped1_raw', cls(42).jumped(1).random_raw(8))
        line(f, f'{name}_42_jumped5_raw', cls(42).jumped(5).random_raw(8))

    # PCG64 state after seeding and a stream from an explicit 128-bit state / increment.
    st = PCG64(42).state['state']
    line(f, 'pcg64_42_state', np.array([st['state'] >> 64, st['state'] & (2**64 - 1),
                               st['inc'] >> 64, st['inc'] & (2**64 - 1)], dtype=np.uint64))
    for name, cls in (('pcg64', PCG64), ('pcg64dxsm', PCG64DXSM)):
        bg = cls(0)
        s = bg.state
        s['state']['state'] = 0x0123456789abcdef_fedcba9876543210
        s['state']['inc'] = 0x0f1e2d3c4b5a6978_8796a5b4c3d2e1f1
        bg.state = s
        line(f, f'{name}_explicit_raw', bg.random_raw(16))
        bg = cls(42)
        bg.advance(2**70 + 12345)
        line(f, f'{name}_42_advanced_raw', bg.random_raw(8))
    # Philox4x64-10 known answers (Random123 kat_vectors): the counter is incremented
    # before use, so start one below the published counter.
    for nm, ctr, key in (('zero', 0, 0),
                         ('ones', 2**256 - 1, 2**128 - 1),
                         ('pi', 0x082efa98ec4e6c89_a4093822299f31d0_13198a2e03707344_243f6a8885a308d3,
                          0xbe5466cf34e90c6c_452821e638d01377)):
        bg = Philox(counter=(ctr - 1) % 2**256, key=key)
        line(f, f'philox_kat_{nm}', bg.random_raw(4))
    # uint32 draws interleaved with uint64 (the half-word buffer)
    g = Generator(PCG64(42))
    line(f, 'pcg64_42_u32_then_u64', np.concatenate([
        g.integers(0, 2**32, 3, dtype=np.uint32).astype(np.uint64),
        g.bit_generator.random_raw(2)]))


def dist_fixtures(f):
    g = default_rng(42)
    line(f, 'random_f64', g.random(2000))
    line(f, 'random_f32', g.random(2000, dtype=np.float32))
    g = default_rng(42)
    line(f, 'standard_normal_f64', g.standard_normal(10000))
    g = default_rng(43)
    line(f, 'standard_normal_f32', g.standard_normal(5000, dtype=np.float32))
    g = default_rng(44)
    line(f, 'standard_exponential_f64', g.standard_exponential(5000))
    g = default_rng(45)
    line(f, 'standard_exponential_f32', g.standard_exponential(5000, dtype=np.float32))
    g = default_rng(46)
    line(f, 'normal_1_2', g.normal(1.0, 2.0, 100))
    line(f, 'uniform_m2_3', g.uniform(-2.0, 3.0, 100))
    line(f, 'exponential_3', g.exponential(3.0, 100))
    g = default_rng(47)
    line(f, 'integers_0_10', g.integers(0, 10, 200))
    line(f, 'integers_m5_5_endpoint', g.integers(-5, 5, 200, endpoint=True))
    line(f, 'integers_0_2p40', g.integers(0, 2**40, 200))
    line(f, 'integers_i8_full', g.integers(-128, 127, 200, dtype=np.int8, endpoint=True))
    line(f, 'integers_u16_1000', g.integers(0, 1000, 200, dtype=np.uint16))
    line(f, 'integers_i32_m7_100', g.integers(-7, 100, 200, dtype=np.int32))
    line(f, 'integers_bool', g.integers(0, 2, 200, dtype=np.bool_))
    line(f, 'integers_full_i64', g.integers(-2**63, 2**63 - 1, 50, endpoint=True))
    line(f, 'integers_u8_0_200', g.integers(0, 200, 200, dtype=np.uint8))
    line(f, 'integers_after_u8', g.integers(0, 10, 5))


if __name__ == '__main__':
    with open(os.path.join(HERE, 'bitgen.txt'), 'w') as f:
        bitgen_fixtures(f)
    with open(os.path.join(HERE, 'dist.txt'), 'w') as f:
        dist_fixtures(f)
