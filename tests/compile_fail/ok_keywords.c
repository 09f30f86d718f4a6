/* Positive control: the spellings the keyword macros accept compile cleanly with
 * -Wall -Wextra -Wpedantic -Werror (the override of the macro-filled .axis default
 * included). */
#include <numc/numc.h>

int main(void)
{
    nd_array *a = nd_ones(ND_SHAPE(3, 4), ND_FLOAT64), *out = nd_zeros(ND_SHAPE(3, 4), ND_FLOAT64);
    nd_rng *rng = nd_rng_new(1);
    nd_array *r[] = {
        nd_sum(a),
        nd_sum(a, 0),                              /* NumPy: a.sum(0) is axis 0 */
        nd_mean(a, .axis = 1),
        nd_mean(a, .axis = 0, .keepdims = true),
        nd_std(a, 1),
        nd_std(a, .ddof = 1),
        nd_sum(a, .axes = ND_AXES(0, 1)),
        nd_argmax(a, .axis = -1),
        nd_add(a, 2.0),
        nd_add(a, a, .where = NULL),
        nd_percentile(a, 50),
        nd_percentile(a, 50, 1),                   /* NumPy: percentile(a, q, axis) */
        nd_median(a, 0),
        nd_average(a, .axis = 1),
        nd_fft(a),
        nd_fft(a, 8, 0),                           /* NumPy: fft(a, n, axis) */
        nd_norm(a, .axis = 1),
        nd_zeros(ND_SHAPE(2, 2)),                  /* NumPy's defaults left out */
        nd_eye(3),
        nd_identity(2),
        nd_sort(a),
        nd_argsort(a, 0),
        nd_transpose(a),
        nd_linspace(0, 1),
        nd_diff(a),
        nd_diff(a, 2, 0, .prepend = NULL),
        nd_round(a),
        nd_fftfreq(8),
        nd_concatenate(ND_ARRAYS(a, a)),           /* NumPy: concatenate((a, a)) is axis 0 */
        nd_concatenate(ND_ARRAYS(a, a), 1),
        nd_rng_integers(rng, 10, ND_SHAPE(4)),     /* NumPy: rng.integers(10, size=4) */
        nd_rng_integers(rng, -3, 3, ND_SHAPE(2, 2)),
        nd_unwrap(a),
        nd_unwrap(a, 4.0),                         /* NumPy: unwrap(p, discont) */
        nd_unwrap(a, 4.0, 0),                      /* NumPy: unwrap(p, discont, axis) */
        nd_unwrap(a, .axis = 0, .period = 360),
        nd_real_if_close(a),
        nd_real_if_close(a, 1000),
        nd_ldexp(a, 3),
    };
    nd_array *h = NULL, *e = NULL;
    (void)nd_histogram(a, &h, &e);                 /* 10 bins */
    (void)nd_histogram(a, &h, NULL, 5, .range = (const double[]){ 0.0, 2.0 });
    nd_free(h);
    nd_free(e);
    nd_rng_free(rng);
    (void)nd_add_into(out, a, a);
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) nd_free(r[i]);
    nd_free(a);
    nd_free(out);
    return 0;
}
