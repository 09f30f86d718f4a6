/* A tour of libnumc in NumPy's vocabulary: arrays, views, ufuncs, reductions, linear
 * algebra, FFT, random numbers, statistics, sorting and files. Prints what NumPy would.
 * Every call is checked: numc reports failures as values, never by aborting. */
#include <numc/numc.h>
#include <stdio.h>
#include <stdlib.h>

/* Print "name = repr(a)" and free a; stop the program on a failed call. */
static void show(const char *name, nd_array *a)
{
    if (!a) {
        fprintf(stderr, "%s failed: %s\n", name, nd_errmsg());
        exit(1);
    }
    char *s = nd_repr(a);
    printf("%s = %s\n\n", name, s);
    nd_free_mem(s);
    nd_free(a);
}

int main(void)
{
    /* Creation and views: a = np.arange(12.).reshape(3, 4); a[::-1, 1:3] is a view. */
    nd_array *r = nd_arange(0, 12, 1, ND_FLOAT64);
    nd_array *a = nd_reshape(r, ND_SHAPE(3, 4));
    nd_free(r);
    show("a[::-1, 1:3]", nd_view(a, "::-1, 1:3"));
    show("np.linspace(0, 1, 5)", nd_linspace(0, 1, 5));

    /* Ufuncs broadcast: a + a[:, :1] * 10, np.sqrt(a), np.where(a > 5, a, -1). */
    nd_array *col = nd_view(a, ":, :1");
    nd_array *scaled = nd_multiply(col, 10);
    show("a + a[:, :1] * 10", nd_add(a, scaled));
    nd_free(scaled);
    nd_free(col);
    show("np.sqrt(a)", nd_sqrt(a, .dtype = ND_FLOAT32));
    nd_array *big = nd_greater(a, 5), *minus = nd_full(0, NULL, ND_FLOAT64, ND_F64(-1));
    show("np.where(a > 5, a, -1)", nd_where(big, a, minus));
    nd_free(big);
    nd_free(minus);

    /* Reductions over any axes. */
    show("a.sum(axis=0)", nd_sum(a, .axis = 0));
    show("a.mean(axis=1, keepdims=True)", nd_mean(a, .axis = 1, .keepdims = true));
    show("a.std()", nd_std(a));

    /* Linear algebra: solve a well-conditioned system and check it. */
    nd_array *m = nd_eye(3, -1, 0, ND_FLOAT64), *b = nd_arange(1, 4, 1, ND_FLOAT64);
    nd_array *m2 = nd_add(m, 0.5);
    show("np.linalg.solve(I + 0.5, [1, 2, 3])", nd_solve(m2, b));
    show("np.linalg.det(I + 0.5)", nd_det(m2));
    nd_free(m);
    nd_free(m2);
    nd_free(b);

    /* FFT of a pure tone: all energy in bins 2 and 6. */
    nd_array *t = nd_arange(0, 8, 1, ND_FLOAT64);
    nd_array *phase = nd_multiply(t, 2 * 3.141592653589793 * 2 / 8);
    nd_array *tone = nd_cos(phase);
    nd_array *spec = nd_fft(tone);
    nd_array *mag = nd_abs(spec);
    show("np.abs(np.fft.fft(np.cos(2*pi*2*t/8))).round(6)", nd_around(mag, 6));
    nd_free(mag);
    nd_free(t);
    nd_free(phase);
    nd_free(tone);
    nd_free(spec);

    /* Random numbers: the same stream as np.random.default_rng(42). */
    nd_rng *rng = nd_rng_new(42);
    nd_array *x = nd_rng_standard_normal(rng, ND_SHAPE(100000), ND_FLOAT64);
    show("x[:3]", nd_view(x, ":3"));
    show("np.median(x)", nd_median(x));
    show("np.percentile(x, 95)", nd_percentile(x, 95));
    nd_array *hist, *edges;
    if (nd_histogram(x, &hist, &edges, 5) == ND_OK) {
        show("np.histogram(x, 5)[0]", hist);
        show("np.histogram(x, 5)[1]", edges);
    }

    /* Sorting and sets. */
    nd_array *ints = nd_rng_integers(rng, 0, 10, ND_SHAPE(12), ND_INT64, false);
    show("integers", nd_copy(ints, ND_ORDER_C));
    show("np.sort(integers)", nd_sort(ints, -1, ND_SORT_QUICK));
    show("np.unique(integers)", nd_unique(ints));
    nd_free(ints);

    /* Files: a .npy round trip (NumPy reads it too). */
    if (nd_save("tour.npy", a) == ND_OK) show("np.load('tour.npy')", nd_load("tour.npy"));
    remove("tour.npy");

    nd_free(x);
    nd_rng_free(rng);
    nd_free(a);
    return 0;
}
