"""numc.random against numpy.random: the same streams, bit for bit, for the same seeds."""
import numpy as np
import pytest

import numc as nc
import numc.random as nr


def same(a, b, exact=True):
    an, bn = np.asarray(a), np.asarray(b)
    assert an.shape == bn.shape, (an.shape, bn.shape)
    assert an.dtype == bn.dtype, (an.dtype, bn.dtype)
    if exact:
        np.testing.assert_array_equal(an, bn)
    else:
        np.testing.assert_allclose(an, bn, rtol=1e-12)


def pair(seed=42):
    return nr.default_rng(seed), np.random.default_rng(seed)


DRAWS = [
    ("random", (), {}), ("standard_normal", (), {}), ("standard_exponential", (), {}),
    ("standard_cauchy", (), {}), ("standard_gamma", (2.5,), {}), ("standard_gamma", (0.5,), {}),
    ("uniform", (), {}), ("uniform", (-2.0, 5.0), {}), ("normal", (), {}), ("normal", (3.0, 0.5), {}),
    ("exponential", (2.0,), {}), ("gamma", (2.0, 3.0), {}), ("beta", (0.5, 0.7), {}),
    ("chisquare", (3.0,), {}), ("f", (3.0, 5.0), {}), ("standard_t", (4.0,), {}),
    ("lognormal", (0.5, 0.3), {}), ("laplace", (1.0, 2.0), {}), ("logistic", (1.0, 2.0), {}),
    ("gumbel", (1.0, 2.0), {}), ("weibull", (1.5,), {}), ("pareto", (3.0,), {}),
    ("power", (2.0,), {}), ("rayleigh", (2.0,), {}), ("vonmises", (0.5, 2.0), {}),
    ("triangular", (0.0, 1.0, 3.0), {}), ("wald", (1.0, 2.0), {}),
    ("noncentral_chisquare", (3.0, 1.5), {}), ("noncentral_f", (3.0, 5.0, 1.5), {}),
    ("binomial", (10, 0.3), {}), ("binomial", (1000, 0.6), {}), ("negative_binomial", (5, 0.4), {}),
    ("poisson", (), {}), ("poisson", (3.5,), {}), ("poisson", (50.0,), {}), ("geometric", (0.3,), {}),
    ("hypergeometric", (10, 20, 8), {}), ("zipf", (2.5,), {}), ("logseries", (0.7,), {}),
]


@pytest.mark.parametrize("name,args,kw", DRAWS, ids=[d[0] + str(d[1]) for d in DRAWS])
def test_distribution_streams(name, args, kw):
    g, n = pair()
    exact = name not in ("noncentral_f", "vonmises", "beta", "f", "standard_t", "noncentral_chisquare")
    same(getattr(g, name)(*args, size=(3, 5), **kw), getattr(n, name)(*args, size=(3, 5), **kw), exact)
    # a scalar draw (size=None) continues the same stream and is a Python number
    a, b = getattr(g, name)(*args, **kw), getattr(n, name)(*args, **kw)
    assert isinstance(a, (int, float)) and a == pytest.approx(b, rel=1e-12)
    same(getattr(g, name)(*args, size=7, **kw), getattr(n, name)(*args, size=7, **kw), exact)


def test_array_parameters_broadcast():
    g, n = pair(1)
    same(g.normal([0.0, 10.0, 100.0], [[1.0], [2.0]]), n.normal([0.0, 10.0, 100.0], [[1.0], [2.0]]))
    same(g.uniform(0, np.arange(1, 5.0), size=(2, 4)), n.uniform(0, np.arange(1, 5.0), size=(2, 4)))
    same(g.poisson(np.array([1.0, 5.0, 20.0])), n.poisson(np.array([1.0, 5.0, 20.0])))
    same(g.binomial([5, 10], 0.5), n.binomial([5, 10], 0.5))
    with pytest.raises(ValueError):
        g.normal([0.0, 1.0], 1.0, size=3)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_dtype_and_out(dtype):
    g, n = pair(7)
    for name in ("random", "standard_normal", "standard_exponential"):
        same(getattr(g, name)(size=9, dtype=dtype), getattr(n, name)(size=9, dtype=dtype))
    same(g.standard_gamma(1.5, size=4, dtype=dtype), n.standard_gamma(1.5, size=4, dtype=dtype))
    out_c = nc.zeros((2, 3), dtype=dtype)
    out_n = np.zeros((2, 3), dtype=dtype)
    assert g.random(out=out_c, dtype=dtype) is out_c
    n.random(out=out_n, dtype=dtype)
    same(out_c, out_n)
    g.standard_normal(out=out_c, dtype=dtype)
    n.standard_normal(out=out_n, dtype=dtype)
    same(out_c, out_n)


@pytest.mark.parametrize("dtype", ["int64", "int32", "int16", "int8", "uint64", "uint32", "uint8", "bool"])
def test_integers(dtype):
    g, n = pair(3)
    hi = 2 if dtype == "bool" else 100
    same(g.integers(hi, size=20, dtype=dtype), n.integers(hi, size=20, dtype=dtype))
    hi = 1 if dtype == "bool" else 100
    same(g.integers(0, hi, size=(4, 5), dtype=dtype, endpoint=True),
         n.integers(0, hi, size=(4, 5), dtype=dtype, endpoint=True))
    assert g.integers(5, 10, dtype=dtype if dtype != "bool" else "int64") == \
        n.integers(5, 10, dtype=dtype if dtype != "bool" else "int64")


def test_integers_ranges():
    g, n = pair(11)
    same(g.integers(-(2 ** 62), 2 ** 62, size=10), n.integers(-(2 ** 62), 2 ** 62, size=10))
    same(g.integers(-5, 5, size=10), n.integers(-5, 5, size=10))
    with pytest.raises(ValueError):
        g.integers(5, 5)
    same(g.integers([0, 10, 100], [5, 20, 1000]), n.integers([0, 10, 100], [5, 20, 1000]))
    same(g.integers(0, [[3], [2 ** 40]], size=(2, 3), dtype="int64"),
         n.integers(0, [[3], [2 ** 40]], size=(2, 3), dtype="int64"))
    same(g.integers(np.array([1, 2]), 9, endpoint=True), n.integers(np.array([1, 2]), 9, endpoint=True))
    with pytest.raises(TypeError):
        g.integers(np.array([1, 2]), 9, dtype="int16")


def test_choice_shuffle_permutation():
    g, n = pair(5)
    same(g.choice(10, size=6), n.choice(10, size=6))
    same(g.choice(10, size=6, replace=False), n.choice(10, size=6, replace=False))
    p = [0.1, 0.2, 0.3, 0.4]
    same(g.choice(4, size=8, p=p), n.choice(4, size=8, p=p))
    same(g.choice(np.arange(20.0), size=(2, 3), replace=False, shuffle=False),
         n.choice(np.arange(20.0), size=(2, 3), replace=False, shuffle=False))
    a = np.arange(12).reshape(4, 3)
    same(g.choice(a, 2, axis=1), n.choice(a, 2, axis=1))
    assert g.choice(5) == n.choice(5)
    same(g.permutation(10), n.permutation(10))
    same(g.permutation(a), n.permutation(a))
    same(g.permutation(a, axis=1), n.permutation(a, axis=1))
    same(g.permuted(a, axis=1), n.permuted(a, axis=1))
    same(g.permuted(a), n.permuted(a))
    x_c = nc.arange(10)
    x_n = np.arange(10)
    g.shuffle(x_c)
    n.shuffle(x_n)
    same(x_c, x_n)
    shared = np.arange(12.0).reshape(3, 4)         # NumPy memory, shuffled in place by numc
    ref = shared.copy()
    g.shuffle(shared, axis=1)
    n.shuffle(ref, axis=1)
    same(shared, ref)
    lc, ln = list(range(8)), list(range(8))
    g.shuffle(lc)
    n.shuffle(ln)
    assert lc == ln


def test_multivariate():
    g, n = pair(9)
    same(g.multinomial(20, [0.2, 0.3, 0.5], size=4), n.multinomial(20, [0.2, 0.3, 0.5], size=4))
    same(g.dirichlet([1.0, 2.0, 3.0], size=3), n.dirichlet([1.0, 2.0, 3.0], size=3), exact=False)
    cov = [[2.0, 0.5], [0.5, 1.0]]
    for method in ("svd", "cholesky", "eigh"):
        a = np.asarray(g.multivariate_normal([1.0, 2.0], cov, size=5, method=method))
        b = n.multivariate_normal([1.0, 2.0], cov, size=5, method=method)
        assert a.shape == b.shape
        if method == "cholesky":
            np.testing.assert_allclose(a, b, rtol=1e-10)
    colors = [5, 10, 15]
    for method in ("marginals", "count"):
        same(g.multivariate_hypergeometric(colors, 8, size=3, method=method),
             n.multivariate_hypergeometric(colors, 8, size=3, method=method))
    assert g.bytes(13) == n.bytes(13)


@pytest.mark.parametrize("cls", ["PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"])
def test_bit_generators(cls):
    bc, bn = getattr(nr, cls)(12345), getattr(np.random, cls)(12345)
    same(bc.random_raw(10), bn.random_raw(10))
    g, n = nr.Generator(bc), np.random.Generator(bn)
    same(g.normal(size=5), n.normal(size=5))
    same(g.integers(0, 1000, size=5, dtype="int32"), n.integers(0, 1000, size=5, dtype="int32"))
    sc, sn = bc.state, bn.state
    assert sc["bit_generator"] == sn["bit_generator"]
    assert str(sc) .replace("array", "") != ""  # printable
    saved = bc.state
    first = g.random(4)
    bc.state = saved
    same(g.random(4), first)
    if cls in ("PCG64", "PCG64DXSM", "Philox"):
        bc, bn = getattr(nr, cls)(99), getattr(np.random, cls)(99)
        same(bc.jumped(2).random_raw(3), bn.jumped(2).random_raw(3))
        bc.advance(1000)
        bn.advance(1000)
        same(bc.random_raw(3), bn.random_raw(3))


def test_pcg64_state_dict_matches_numpy():
    g, n = pair(42)
    g.random(3)
    n.random(3)
    g.integers(10, dtype="int32")           # leaves a buffered 32-bit half
    n.integers(10, dtype="int32")
    assert g.bit_generator.state == n.bit_generator.state
    st = n.bit_generator.state
    st["state"]["state"] += 12345
    g.bit_generator.state = st
    n.bit_generator.state = st
    same(g.random(3), n.random(3))


def test_seed_sequence_and_spawn():
    for entropy in (0, 42, 2 ** 70 + 3, [1, 2, 3], [2 ** 40, 7]):
        c, n = nr.SeedSequence(entropy), np.random.SeedSequence(entropy)
        assert list(c.pool) == list(n.pool)
        same(c.generate_state(6), n.generate_state(6))
        same(c.generate_state(3, "uint64"), n.generate_state(3, np.uint64))
    kids_c = nr.SeedSequence(42).spawn(3)
    kids_n = np.random.SeedSequence(42).spawn(3)
    for kc, kn in zip(kids_c, kids_n):
        assert kc.spawn_key == kn.spawn_key
        same(nr.default_rng(kc).random(4), np.random.default_rng(kn).random(4))
    grand_c = kids_c[1].spawn(2)[1]
    grand_n = kids_n[1].spawn(2)[1]
    same(nr.Generator(nr.PCG64(grand_c)).random(3), np.random.Generator(np.random.PCG64(grand_n)).random(3))
    same(nr.default_rng([1, 2, 3]).random(3), np.random.default_rng([1, 2, 3]).random(3))
    a, b = nr.default_rng(), nr.default_rng()
    assert not np.array_equal(np.asarray(a.random(4)), np.asarray(b.random(4)))


def test_legacy_random_state():
    c, n = nr.RandomState(123), np.random.RandomState(123)
    same(c.rand(3, 2), n.rand(3, 2))
    same(c.randn(5), n.randn(5))
    same(c.normal(2.0, 3.0, size=4), n.normal(2.0, 3.0, size=4))
    same(c.uniform(-1, 1, size=4), n.uniform(-1, 1, size=4))
    same(c.randint(0, 50, size=6), n.randint(0, 50, size=6))
    same(c.random_sample((2, 2)), n.random_sample((2, 2)))
    nr.seed(7)
    np.random.seed(7)
    same(nr.rand(4), np.random.rand(4))
    same(nr.randn(2, 2), np.random.randn(2, 2))
    same(nr.randint(10, size=5), np.random.randint(10, size=5))
    st = nr.get_state()
    x = nr.random(3)
    nr.set_state(st)
    same(nr.random(3), x)


def test_errors():
    g = nr.default_rng(0)
    with pytest.raises(ValueError):
        g.normal(0.0, -1.0)
    with pytest.raises(ValueError):
        g.choice(3, size=5, replace=False)
    with pytest.raises(ValueError):
        g.choice(3, p=[0.5, 0.6, 0.1])
    with pytest.raises(ValueError):
        g.multivariate_normal([0, 0], [[1, 0], [0, 1]], method="qr")
    with pytest.raises(TypeError):
        nr.SeedSequence(1.5)
    with pytest.raises(ValueError):
        nr.SeedSequence(-1)
    with pytest.raises(TypeError):
        nr.Generator(42)


def test_large_draw_releases_the_gil_and_matches():
    g, n = pair(2)
    same(g.standard_normal(100000), n.standard_normal(100000))


def test_one_generator_shared_by_threads():
    """Large draws run without the GIL under the generator's lock: each thread's draw is
    one whole consecutive chunk of NumPy's stream."""
    import threading
    g, n = pair(21)
    chunks = [np.asarray(n.standard_normal(50000)) for _ in range(4)]
    got = [None] * 4

    def work(i):
        got[i] = np.asarray(g.standard_normal(50000))

    ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    key = lambda a: a[0]
    for a, b in zip(sorted(got, key=key), sorted(chunks, key=key)):
        np.testing.assert_array_equal(a, b)


def test_out_of_the_wrong_dtype():
    g = nr.default_rng(0)
    with pytest.raises(TypeError):
        g.random(out=nc.zeros(3, dtype="float32"))
