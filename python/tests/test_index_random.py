"""Random NumPy indexing expressions (ints, slices, None, Ellipsis, integer and boolean
arrays, in any mix) on random shapes: numc's result, or its exception type, is NumPy's."""
import numpy as np
import pytest

import numc as nc


def random_key(rng, shape):
    items = []
    dims = list(shape)
    k = rng.integers(1, len(shape) + 2)
    used_ellipsis = False
    for _ in range(k):
        r = rng.random()
        n = dims.pop(0) if dims else 3
        if r < 0.25:
            items.append(int(rng.integers(-n - 1, n + 1)))
        elif r < 0.5:
            vals = [None, int(rng.integers(-n - 2, n + 2))]
            start, stop = rng.choice(vals), rng.choice(vals)
            step = rng.choice([None, 1, 2, -1, -2, 3])
            items.append(slice(start, stop, step))
        elif r < 0.6:
            items.append(None)
            dims.insert(0, n)
        elif r < 0.68 and not used_ellipsis:
            items.append(Ellipsis)
            used_ellipsis = True
        elif r < 0.85:
            m = int(rng.integers(0, 4))
            items.append(rng.integers(-n, max(n, 1), size=m if rng.random() < 0.7 else (2, m)))
        else:
            items.append(rng.random(n) < 0.5)
    return tuple(items)


def outcome(fn):
    try:
        return "ok", fn()
    except IndexError:
        return "IndexError", None
    except ValueError:
        return "ValueError", None
    except TypeError:
        return "TypeError", None


@pytest.mark.parametrize("seed", range(40))
def test_random_indexing_matches_numpy(seed):
    rng = np.random.default_rng(seed)
    for _ in range(50):
        ndim = int(rng.integers(1, 4))
        shape = tuple(int(x) for x in rng.integers(1, 5, size=ndim))
        n = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
        a = nc.asarray(n.copy())
        key = random_key(rng, shape)
        kind_n, ref = outcome(lambda: n[key])
        kind_a, got = outcome(lambda: a[key])
        assert kind_a == kind_n, (shape, key, kind_a, kind_n)
        if kind_n != "ok":
            continue
        if isinstance(ref, np.ndarray):
            g = np.asarray(got)
            assert g.shape == ref.shape, (shape, key)
            np.testing.assert_array_equal(g, ref)
        else:
            assert got == ref
        # the same key assigned: the array afterwards is NumPy's
        val = -np.arange(np.size(ref), dtype=np.float64).reshape(np.shape(ref)) - 1
        n2, a2 = n.copy(), nc.asarray(n.copy())
        kn, _ = outcome(lambda: n2.__setitem__(key, val))
        ka, _ = outcome(lambda: a2.__setitem__(key, val))
        assert ka == kn, (shape, key, "set", ka, kn)
        np.testing.assert_array_equal(np.asarray(a2), n2)


# Divergences of numc's C indexing (core/array/fancy.c) found by the random search above;
# strict xfails, so a fix in the library turns them into failures to be promoted to tests.
@pytest.mark.xfail(strict=True, reason="numc: an empty Ellipsis between advanced indices does "
                   "not make them non-adjacent (NumPy moves the broadcast axes first)")
@pytest.mark.parametrize("shape,key", [
    ((1, 2, 3), (slice(1, 1, -2), np.array([0, -1]), Ellipsis, 1)),
    ((2, 3, 3), (slice(None, None, 3), 2, Ellipsis, np.array([1, -3]))),
])
def test_known_divergence_ellipsis_adjacency(shape, key):
    n = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    assert np.asarray(nc.asarray(n)[key]).shape == n[key].shape


@pytest.mark.xfail(strict=True, reason="numc: out-of-bounds index arrays are IndexError even "
                   "when the result is empty (NumPy does not check them then)")
@pytest.mark.parametrize("shape,key", [
    ((2, 2), (slice(2, 2), Ellipsis, np.array([-1, 2]))),
    ((1, 2, 2), (Ellipsis, np.array([1]), np.array([True, False]), slice(1, 1, 1))),
])
def test_known_divergence_empty_result_bounds(shape, key):
    n = np.arange(int(np.prod(shape)), dtype=np.float64).reshape(shape)
    assert np.asarray(nc.asarray(n)[key]).shape == n[key].shape
