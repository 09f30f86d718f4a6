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


def more_fixtures(f):
    """Every other distribution, one seed each: name, parameters, 200 draws."""
    cases = [
        ('gamma_0.5_2', lambda g: g.gamma(0.5, 2.0, 200)),
        ('gamma_3_1', lambda g: g.gamma(3.0, 1.0, 200)),
        ('standard_gamma_f32_2.5', lambda g: g.standard_gamma(2.5, 200, dtype=np.float32)),
        ('standard_gamma_f32_0.3', lambda g: g.standard_gamma(0.3, 200, dtype=np.float32)),
        ('beta_0.5_0.7', lambda g: g.beta(0.5, 0.7, 200)),
        ('beta_2_5', lambda g: g.beta(2.0, 5.0, 200)),
        ('chisquare_3', lambda g: g.chisquare(3.0, 200)),
        ('f_4_7', lambda g: g.f(4.0, 7.0, 200)),
        ('standard_t_5', lambda g: g.standard_t(5.0, 200)),
        ('standard_cauchy', lambda g: g.standard_cauchy(200)),
        ('lognormal_0.5_0.3', lambda g: g.lognormal(0.5, 0.3, 200)),
        ('laplace_1_2', lambda g: g.laplace(1.0, 2.0, 200)),
        ('logistic_1_2', lambda g: g.logistic(1.0, 2.0, 200)),
        ('gumbel_1_2', lambda g: g.gumbel(1.0, 2.0, 200)),
        ('weibull_1.5', lambda g: g.weibull(1.5, 200)),
        ('pareto_3', lambda g: g.pareto(3.0, 200)),
        ('power_2', lambda g: g.power(2.0, 200)),
        ('rayleigh_2', lambda g: g.rayleigh(2.0, 200)),
        ('vonmises_0.5_2', lambda g: g.vonmises(0.5, 2.0, 200)),
        ('vonmises_0_1e-6', lambda g: g.vonmises(0.0, 1e-6, 200)),
        ('triangular_0_1_3', lambda g: g.triangular(0.0, 1.0, 3.0, 200)),
        ('wald_1_2', lambda g: g.wald(1.0, 2.0, 200)),
        ('binomial_10_0.3', lambda g: g.binomial(10, 0.3, 200)),
        ('binomial_1000_0.4', lambda g: g.binomial(1000, 0.4, 200)),
        ('binomial_1000_0.9', lambda g: g.binomial(1000, 0.9, 200)),
        ('binomial_50_0.95', lambda g: g.binomial(50, 0.95, 200)),
        ('negative_binomial_5_0.3', lambda g: g.negative_binomial(5, 0.3, 200)),
        ('poisson_3', lambda g: g.poisson(3.0, 200)),
        ('poisson_250', lambda g: g.poisson(250.0, 200)),
        ('geometric_0.5', lambda g: g.geometric(0.5, 200)),
        ('geometric_0.05', lambda g: g.geometric(0.05, 200)),
        ('hypergeometric_10_20_5', lambda g: g.hypergeometric(10, 20, 5, 200)),
        ('hypergeometric_100_200_50', lambda g: g.hypergeometric(100, 200, 50, 200)),
        ('hypergeometric_300_20_290', lambda g: g.hypergeometric(300, 20, 290, 200)),
        ('zipf_2', lambda g: g.zipf(2.0, 200)),
        ('logseries_0.7', lambda g: g.logseries(0.7, 200)),
        ('multinomial_20', lambda g: g.multinomial(20, [0.2, 0.3, 0.5], 50)),
        ('multinomial_1000', lambda g: g.multinomial(1000, [0.1, 0.6, 0.05, 0.25], 50)),
        ('dirichlet_big', lambda g: g.dirichlet([1.0, 2.5, 0.5], 50)),
        ('dirichlet_small', lambda g: g.dirichlet([0.05, 0.02, 0.08], 50)),
        ('mvn_cholesky', lambda g: g.multivariate_normal([1.0, -2.0, 0.5],
                                                         [[2.0, 0.3, 0.1], [0.3, 1.0, -0.2],
                                                          [0.1, -0.2, 0.5]], 100,
                                                         method='cholesky')),
        ('permutation_10', lambda g: g.permutation(10)),
        ('permutation_1000', lambda g: g.permutation(1000)),
        ('permutation_2d_axis1', lambda g: g.permutation(np.arange(12).reshape(3, 4), axis=1)),
        ('shuffle_2d_axis0', lambda g: shuffled(g, np.arange(15.0).reshape(5, 3), 0)),
        ('permuted_axis1', lambda g: g.permuted(np.arange(12).reshape(3, 4), axis=1)),
        ('permuted_axis0', lambda g: g.permuted(np.arange(12).reshape(3, 4), axis=0)),
        ('permuted_none', lambda g: g.permuted(np.arange(12).reshape(3, 4))),
        ('choice_10_replace', lambda g: g.choice(10, 30)),
        ('choice_10_p', lambda g: g.choice(10, 30, p=np.arange(10) / 45.0)),
        ('choice_100_noreplace', lambda g: g.choice(100, 20, replace=False)),
        ('choice_100_noreplace_noshuffle', lambda g: g.choice(100, 20, replace=False,
                                                              shuffle=False)),
        ('choice_20000_noreplace_tail', lambda g: g.choice(20000, 1000, replace=False)),
        ('choice_10_p_noreplace', lambda g: g.choice(10, 6, replace=False,
                                                     p=np.arange(10) / 45.0)),
        ('choice_array_axis1', lambda g: g.choice(np.arange(12.0).reshape(3, 4), 5, axis=1)),
        ('mvn_svd', lambda g: g.multivariate_normal([1.0, -2.0, 0.5],
                                                    [[2.0, 0.3, 0.1], [0.3, 1.0, -0.2],
                                                     [0.1, -0.2, 0.5]], 100)),
        ('mvn_eigh', lambda g: g.multivariate_normal([0.0, 1.0], [[1.0, 1.0], [1.0, 1.0]], 50,
                                                     method='eigh')),
    ]
    for i, (name, fn) in enumerate(cases):
        line(f, name, fn(default_rng(1000 + i)))


def shuffled(g, x, axis):
    g.shuffle(x, axis=axis)
    return x


if __name__ == '__main__':
    with open(os.path.join(HERE, 'dist_more.txt'), 'w') as f:
        more_fixtures(f)
    with open(os.path.join(HERE, 'bitgen.txt'), 'w') as f:
        bitgen_fixtures(f)
    with open(os.path.join(HERE, 'dist.txt'), 'w') as f:
        dist_fixtures(f)
