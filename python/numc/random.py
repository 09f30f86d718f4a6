"""numc.random: numpy.random's Generator, bit generators, SeedSequence and the legacy
RandomState functions over numc's random.h. The streams are NumPy's bit for bit:
numc.random.default_rng(42).normal(size=3) draws what numpy.random.default_rng(42) draws.

Distribution parameters may be arrays (broadcast against each other and `size`, drawn
element by element in NumPy's order, so the stream stays NumPy's).
"""
import operator as _op
import secrets as _secrets

from . import _core
from ._core import _random as _m

__all__ = ["default_rng", "Generator", "BitGenerator", "SeedSequence", "PCG64", "PCG64DXSM",
           "Philox", "SFC64", "MT19937", "RandomState", "seed", "rand", "randn", "random",
           "random_sample", "randint", "normal", "uniform", "standard_normal", "get_state",
           "set_state"]

_MASK32 = 0xFFFFFFFF
_INIT_A, _MULT_A, _INIT_B, _MULT_B = 0x43b0d7e5, 0x931e8875, 0x8b51f9dd, 0x58f38ded
_MIX_MULT_L, _MIX_MULT_R, _XSHIFT = 0xca01f9dd, 0x4973f715, 16


def _int_words(n):
    n = _op.index(n)
    if n < 0:
        raise ValueError("expected non-negative integer")
    if n == 0:
        return [0]
    out = []
    while n:
        out.append(n & _MASK32)
        n >>= 32
    return out


def _coerce_words(x):
    """NumPy's _coerce_to_uint32_array: ints → 32-bit words, least significant first;
    sequences → their elements' words concatenated."""
    if isinstance(x, float):
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
    try:
        return _int_words(x)
    except TypeError:
        pass
    if isinstance(x, (str, bytes)):
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
    if isinstance(x, _core.ndarray):
        x = x.tolist()
    out = []
    for v in x:
        out.extend(_coerce_words(v))
    return out


class SeedSequence:
    """numpy.random.SeedSequence(entropy=None, *, spawn_key=(), pool_size=4)."""

    def __init__(self, entropy=None, *, spawn_key=(), pool_size=4, n_children_spawned=0):
        if pool_size < 4:
            raise ValueError("The size of the entropy pool should be at least 4")
        if entropy is None:
            entropy = _secrets.randbits(128)
        elif not isinstance(entropy, int):
            _coerce_words(entropy)
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned
        self.pool = self._mix()

    def __repr__(self):
        return "SeedSequence(entropy=%r, spawn_key=%r)" % (self.entropy, self.spawn_key)

    @property
    def state(self):
        return {"entropy": self.entropy, "spawn_key": self.spawn_key,
                "pool_size": self.pool_size, "n_children_spawned": self.n_children_spawned}

    def _assembled(self):
        run = _coerce_words(self.entropy)
        spawn = _coerce_words(self.spawn_key)
        if spawn and len(run) < self.pool_size:
            run = run + [0] * (self.pool_size - len(run))
        return run + spawn

    def _mix(self):
        hc = [_INIT_A]

        def hashmix(value):
            value = (value ^ hc[0]) & _MASK32
            hc[0] = (hc[0] * _MULT_A) & _MASK32
            value = (value * hc[0]) & _MASK32
            return value ^ (value >> _XSHIFT)

        def mix(x, y):
            r = (_MIX_MULT_L * x - _MIX_MULT_R * y) & _MASK32
            return r ^ (r >> _XSHIFT)

        ent = self._assembled()
        n = self.pool_size
        pool = [hashmix(ent[i] if i < len(ent) else 0) for i in range(n)]
        for s in range(n):
            for d in range(n):
                if s != d:
                    pool[d] = mix(pool[d], hashmix(pool[s]))
        for s in range(n, len(ent)):
            for d in range(n):
                pool[d] = mix(pool[d], hashmix(ent[s]))
        return pool

    def _words32(self, n):
        hc = _INIT_B
        out = []
        for i in range(n):
            v = self.pool[i % len(self.pool)]
            v = (v ^ hc) & _MASK32
            hc = (hc * _MULT_B) & _MASK32
            v = (v * hc) & _MASK32
            out.append(v ^ (v >> _XSHIFT))
        return out

    def generate_state(self, n_words, dtype="uint32"):
        """uint32 (or uint64: pairs of words, low first) array of n_words."""
        dt = _core.asarray(0, dtype=dtype).dtype if not isinstance(dtype, str) else None
        name = dt.name if dt is not None else str(_dtype(dtype))
        if name == "uint32":
            return _core.array(self._words32(n_words), dtype="uint32")
        if name == "uint64":
            w = self._words32(2 * n_words)
            return _u64([w[2 * i] | (w[2 * i + 1] << 32) for i in range(n_words)])
        raise TypeError("only support uint32 or uint64")

    def spawn(self, n_children):
        kids = [SeedSequence(self.entropy, spawn_key=self.spawn_key + (i,),
                             pool_size=self.pool_size)
                for i in range(self.n_children_spawned, self.n_children_spawned + n_children)]
        self.n_children_spawned += n_children
        return kids


def _u64(values):
    """A uint64 array of Python ints (built from 32-bit halves, exact for every value)."""
    lo = _core.array([v & _MASK32 for v in values], dtype="uint64")
    hi = _core.array([v >> 32 for v in values], dtype="uint64")
    return (hi << 32) | lo


def _dtype(x):
    from . import dtype
    return dtype(x)


class BitGenerator:
    """Base of PCG64, PCG64DXSM, Philox, SFC64 and MT19937: seeded through SeedSequence."""
    _kind = None

    def __init__(self, seed=None):
        if isinstance(seed, SeedSequence):
            ss = seed
        else:
            ss = SeedSequence(seed)
        self._seed_seq = ss
        self._box = _m._new(self._kind, _coerce_words(ss.entropy), ss.spawn_key)

    @classmethod
    def _from_box(cls, box, seed_seq):
        self = cls.__new__(cls)
        self._box = box
        self._seed_seq = seed_seq
        return self

    @property
    def seed_seq(self):
        return self._seed_seq

    def __repr__(self):
        return "%s()" % type(self).__name__

    def random_raw(self, size=None, output=True):
        n = 1 if size is None else _prod(size if isinstance(size, tuple) else (size,))
        r = _m._raw(self._box, n)
        if not output:
            return None
        if size is None:
            return r[0]
        return r.reshape(size)

    def spawn(self, n_children):
        return [type(self)(s) for s in self._seed_seq.spawn(n_children)]

    @property
    def state(self):
        w, has32, u, key, pos, hasg, g = _m._get_state(self._box)
        name = type(self).__name__
        if self._kind in (0, 1):
            st = {"state": (w[0] << 64) | w[1], "inc": (w[2] << 64) | w[3]}
        elif self._kind == 2:
            d = {"bit_generator": name,
                 "state": {"counter": _u64(w[0:4]),
                           "key": _u64(w[4:6])},
                 "buffer": _u64(w[6:10]), "buffer_pos": w[10],
                 "has_uint32": has32, "uinteger": u}
            return d
        elif self._kind == 3:
            st = {"state": _u64(w[0:4])}
        else:
            return {"bit_generator": name,
                    "state": {"key": _core.array(key, dtype="uint32"), "pos": pos}}
        return {"bit_generator": name, "state": st, "has_uint32": has32, "uinteger": u}

    @state.setter
    def state(self, value):
        name = type(self).__name__
        if not isinstance(value, dict) or value.get("bit_generator") != name:
            raise ValueError("state must be for a %s PRNG" % name)
        w = [0] * 11
        key = [0] * 624
        pos = 0
        st = value["state"]
        M = (1 << 64) - 1
        if self._kind in (0, 1):
            w[0:4] = [st["state"] >> 64, st["state"] & M, st["inc"] >> 64, st["inc"] & M]
        elif self._kind == 2:
            w[0:4] = [int(v) for v in st["counter"]]
            w[4:6] = [int(v) for v in st["key"]]
            w[6:10] = [int(v) for v in value["buffer"]]
            w[10] = int(value["buffer_pos"])
        elif self._kind == 3:
            w[0:4] = [int(v) for v in st["state"]]
        else:
            key = [int(v) for v in st["key"]]
            pos = int(st["pos"])
        _m._set_state(self._box, w, int(value.get("has_uint32", 0)), int(value.get("uinteger", 0)),
                      key, pos, 0, 0.0)


class PCG64(BitGenerator):
    _kind = 0

    def jumped(self, jumps=1):
        return type(self)._from_box(_m._jumped(self._box, jumps), self._seed_seq)

    def advance(self, delta):
        delta = _op.index(delta) % (1 << 128)
        _m._advance(self._box, delta >> 64, delta & ((1 << 64) - 1))
        return self


class PCG64DXSM(PCG64):
    _kind = 1


class Philox(BitGenerator):
    _kind = 2

    def __init__(self, seed=None, counter=None, key=None):
        if counter is not None or key is not None:
            raise ValueError("numc: Philox(counter=, key=) is not supported; seed it (or set .state)")
        super().__init__(seed)

    jumped = PCG64.jumped
    advance = PCG64.advance


class SFC64(BitGenerator):
    _kind = 3


class MT19937(BitGenerator):
    _kind = 5


def _prod(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _is_scalar(x):
    return isinstance(x, (int, float, bool)) or (
        not isinstance(x, (list, tuple, _core.ndarray)) and not hasattr(x, "__array_interface__")
        and not hasattr(x, "__len__"))


def _shape_of(size):
    if size is None:
        return None
    if isinstance(size, int) or hasattr(size, "__index__"):
        return (_op.index(size),)
    return tuple(_op.index(s) for s in size)


def _broadcast(shapes):
    nd = max(len(s) for s in shapes)
    out = []
    for i in range(nd):
        d = 1
        for s in shapes:
            k = i - (nd - len(s))
            if k < 0:
                continue
            if s[k] != 1:
                if d != 1 and d != s[k]:
                    raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
                d = s[k]
        out.append(d)
    return tuple(out)


def _check_out(out, dtype):
    if out is not None:
        want = _dtype(dtype)
        if out.dtype != want:
            raise TypeError("Supplied output array has the wrong type. Expected %s, got %s"
                            % (want, out.dtype))


_DISCRETE = {"binomial", "negative_binomial", "poisson", "geometric", "hypergeometric", "zipf",
             "logseries"}


def _draw_shape(arrs, size):
    """The output shape of a draw over array parameters: their broadcast shape, or size when given
    (which the parameters must broadcast to)."""
    shape = _broadcast([a.shape for a in arrs])
    if size is not None:
        want = _shape_of(size)
        if _broadcast([shape, want]) != want:
            raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
        shape = want
    return shape


class Generator:
    """numpy.random.Generator(bit_generator)."""

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("Generator expects a numc BitGenerator")
        self._bit_generator = bit_generator
        self._box = bit_generator._box

    def __repr__(self):
        return "Generator(%s)" % type(self._bit_generator).__name__

    @property
    def bit_generator(self):
        return self._bit_generator

    def spawn(self, n_children):
        return [Generator(b) for b in self._bit_generator.spawn(n_children)]

    # ---- the draws ----------------------------------------------------------------------
    def _draw(self, name, params, size, ints=()):
        """Scalar parameters: one call; arrays: broadcast, element by element (NumPy's order)."""
        if all(_is_scalar(p) for p in params):
            params = tuple(int(p) if i in ints else float(p) for i, p in enumerate(params))
            return _m._dist(self._box, name, params, _shape_of(size))
        arrs = [_core.asarray(p) for p in params]
        shape = _draw_shape(arrs, size)
        flat = [(_core.zeros(shape, dtype=a.dtype) + a).ravel().tolist() if a.ndim or shape else [a.item()]
                for a in arrs]
        out = [_m._dist(self._box, name,
                        tuple(int(f[i]) if j in ints else float(f[i]) for j, f in enumerate(flat)), None)
               for i in range(_prod(shape))]
        r = _core.array(out) if out else _core.empty(0, dtype="int64" if name in _DISCRETE else "float64")
        return r.reshape(shape)

    def random(self, size=None, dtype="float64", out=None):
        _check_out(out, dtype)
        return _m._dt(self._box, "random", 0.0, _shape_of(size), dtype, out)

    def standard_normal(self, size=None, dtype="float64", out=None):
        _check_out(out, dtype)
        return _m._dt(self._box, "standard_normal", 0.0, _shape_of(size), dtype, out)

    def standard_exponential(self, size=None, dtype="float64", method="zig", out=None):
        if method != "zig":
            raise ValueError("numc: standard_exponential supports method='zig' only")
        _check_out(out, dtype)
        return _m._dt(self._box, "standard_exponential", 0.0, _shape_of(size), dtype, out)

    def standard_gamma(self, shape, size=None, dtype="float64", out=None):
        if not _is_scalar(shape):
            return self._draw("gamma", (shape, 1.0), size)
        _check_out(out, dtype)
        return _m._dt(self._box, "standard_gamma", float(shape), _shape_of(size), dtype, out)

    def integers(self, low, high=None, size=None, dtype="int64", endpoint=False):
        if high is None:
            low, high = 0, low
        if _is_scalar(low) and _is_scalar(high):
            return _m._integers(self._box, _op.index(low), _op.index(high), _shape_of(size), dtype,
                                bool(endpoint))
        # array bounds: broadcast, one draw per element in NumPy's order (its stream; for
        # narrower dtypes NumPy shares a 32-bit buffer across elements, which numc's scalar
        # draws do not reproduce)
        if _dtype(dtype).name not in ("int64", "uint64"):
            raise TypeError("numc: integers with array bounds supports dtype int64 / uint64")
        arrs = [_core.asarray(low), _core.asarray(high)]
        shape = _draw_shape(arrs, size)
        lo, hi = [(_core.zeros(shape, dtype="int64") + a).ravel().tolist() for a in arrs]
        out = [_m._integers(self._box, int(l), int(h), None, dtype, bool(endpoint))
               for l, h in zip(lo, hi)]
        return _core.array(out, dtype=dtype).reshape(shape)

    def uniform(self, low=0.0, high=1.0, size=None):
        return self._draw("uniform", (low, high), size)

    def normal(self, loc=0.0, scale=1.0, size=None):
        return self._draw("normal", (loc, scale), size)

    def exponential(self, scale=1.0, size=None):
        return self._draw("exponential", (scale,), size)

    def gamma(self, shape, scale=1.0, size=None):
        return self._draw("gamma", (shape, scale), size)

    def beta(self, a, b, size=None):
        return self._draw("beta", (a, b), size)

    def chisquare(self, df, size=None):
        return self._draw("chisquare", (df,), size)

    def f(self, dfnum, dfden, size=None):
        return self._draw("f", (dfnum, dfden), size)

    def standard_t(self, df, size=None):
        return self._draw("standard_t", (df,), size)

    def standard_cauchy(self, size=None):
        return self._draw("standard_cauchy", (), size)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        return self._draw("lognormal", (mean, sigma), size)

    def laplace(self, loc=0.0, scale=1.0, size=None):
        return self._draw("laplace", (loc, scale), size)

    def logistic(self, loc=0.0, scale=1.0, size=None):
        return self._draw("logistic", (loc, scale), size)

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        return self._draw("gumbel", (loc, scale), size)

    def weibull(self, a, size=None):
        return self._draw("weibull", (a,), size)

    def pareto(self, a, size=None):
        return self._draw("pareto", (a,), size)

    def power(self, a, size=None):
        return self._draw("power", (a,), size)

    def rayleigh(self, scale=1.0, size=None):
        return self._draw("rayleigh", (scale,), size)

    def vonmises(self, mu, kappa, size=None):
        return self._draw("vonmises", (mu, kappa), size)

    def triangular(self, left, mode, right, size=None):
        return self._draw("triangular", (left, mode, right), size)

    def wald(self, mean, scale, size=None):
        return self._draw("wald", (mean, scale), size)

    def noncentral_chisquare(self, df, nonc, size=None):
        return self._draw("noncentral_chisquare", (df, nonc), size)

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        return self._draw("noncentral_f", (dfnum, dfden, nonc), size)

    def binomial(self, n, p, size=None):
        return self._draw("binomial", (n, p), size, ints=(0,))

    def negative_binomial(self, n, p, size=None):
        return self._draw("negative_binomial", (n, p), size)

    def poisson(self, lam=1.0, size=None):
        return self._draw("poisson", (lam,), size)

    def geometric(self, p, size=None):
        return self._draw("geometric", (p,), size)

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        return self._draw("hypergeometric", (ngood, nbad, nsample), size, ints=(0, 1, 2))

    def zipf(self, a, size=None):
        return self._draw("zipf", (a,), size)

    def logseries(self, p, size=None):
        return self._draw("logseries", (p,), size)

    def multinomial(self, n, pvals, size=None):
        return _m._multinomial(self._box, _op.index(n), pvals, _shape_of(size))

    def dirichlet(self, alpha, size=None):
        return _m._dirichlet(self._box, alpha, _shape_of(size))

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            method="svd"):
        methods = {"svd": 0, "cholesky": 1, "eigh": 2}
        checks = {"warn": 0, "raise": 1, "ignore": 2}
        if method not in methods:
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        if check_valid not in checks:
            raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
        return _m._mvn(self._box, mean, cov, _shape_of(size), methods[method], checks[check_valid],
                       float(tol))

    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        methods = {"marginals": 0, "count": 1}
        if method not in methods:
            raise ValueError('method must be "count" or "marginals".')
        return _m._mvhg(self._box, colors, _op.index(nsample), _shape_of(size), methods[method])

    def bytes(self, length):
        return _m._bytes(self._box, _op.index(length))

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        if not isinstance(a, int) and _is_scalar(a) and hasattr(a, "__index__"):
            a = _op.index(a)
        return _m._choice(self._box, a, _shape_of(size), bool(replace), p, bool(shuffle), axis)

    def shuffle(self, x, axis=0):
        """In place: numc arrays, NumPy arrays (shared memory) and lists."""
        if isinstance(x, list):
            idx = _m._permutation(self._box, len(x), 0).tolist()
            x[:] = [x[i] for i in idx]
            return None
        _m._shuffle(self._box, x, axis)

    def permutation(self, x, axis=0):
        if isinstance(x, int) or (hasattr(x, "__index__") and _is_scalar(x)):
            return _m._permutation(self._box, _op.index(x), 0)
        return _m._permutation(self._box, x, axis)

    def permuted(self, x, axis=None, out=None):
        r = _m._permuted(self._box, x, axis)
        if out is None:
            return r
        out[...] = r
        return out


def default_rng(seed=None):
    """numpy.random.default_rng: a Generator over PCG64 seeded through SeedSequence(seed)."""
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    return Generator(PCG64(seed))


class RandomState:
    """numpy.random.RandomState (legacy MT19937 stream): seed, random_sample / rand /
    random, randn / standard_normal, normal, uniform, randint."""

    def __init__(self, seed=None):
        self._box = None
        self.seed(seed)

    def seed(self, seed=None):
        if seed is None:
            seed = _secrets.randbits(32)
        if isinstance(seed, int):
            if self._box is None:
                self._box = _m._legacy_new(seed)
            else:
                _m._legacy_seed(self._box, seed)
        else:
            self._box = _m._legacy_new([int(v) for v in seed])

    def random_sample(self, size=None):
        return _m._legacy(self._box, "random_sample", 0.0, 0.0, _shape_of(size))

    random = random_sample

    def rand(self, *dims):
        return self.random_sample(dims if dims else None)

    def standard_normal(self, size=None):
        return _m._legacy(self._box, "standard_normal", 0.0, 0.0, _shape_of(size))

    def randn(self, *dims):
        return self.standard_normal(dims if dims else None)

    def normal(self, loc=0.0, scale=1.0, size=None):
        return _m._legacy(self._box, "normal", float(loc), float(scale), _shape_of(size))

    def uniform(self, low=0.0, high=1.0, size=None):
        return _m._legacy(self._box, "uniform", float(low), float(high), _shape_of(size))

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            low, high = 0, low
        r = _m._legacy(self._box, "randint", _op.index(low), _op.index(high), _shape_of(size))
        if dtype is not int and isinstance(r, _core.ndarray):
            r = r.astype(dtype)
        return r

    def get_state(self):
        w, has32, u, key, pos, hasg, g = _m._get_state(self._box)
        return ("MT19937", _core.array(key, dtype="uint32"), pos, hasg, g)

    def set_state(self, state):
        name, key, pos, hasg, g = state[:5]
        if name != "MT19937":
            raise ValueError("set_state can only be used with legacy MT19937 state instances.")
        _m._set_state(self._box, [0] * 11, 0, 0, [int(v) for v in key], int(pos), int(hasg), float(g))


_global = None


def _g():
    global _global
    if _global is None:
        _global = RandomState()
    return _global


def seed(seed=None):
    _g().seed(seed)


def rand(*dims):
    return _g().rand(*dims)


def randn(*dims):
    return _g().randn(*dims)


def random_sample(size=None):
    return _g().random_sample(size)


def random(size=None):
    return _g().random_sample(size)


def standard_normal(size=None):
    return _g().standard_normal(size)


def normal(loc=0.0, scale=1.0, size=None):
    return _g().normal(loc, scale, size)


def uniform(low=0.0, high=1.0, size=None):
    return _g().uniform(low, high, size)


def randint(low, high=None, size=None, dtype=int):
    return _g().randint(low, high, size, dtype)


def get_state():
    return _g().get_state()


def set_state(state):
    _g().set_state(state)
