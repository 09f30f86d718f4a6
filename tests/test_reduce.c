/* Reductions against NumPy fixtures, accuracy of the pairwise sums, and the options
 * (axes, keepdims, dtype, initial, where) and errors. */
#define _GNU_SOURCE
#include "test_ufunc_fixture.h"

#include <float.h>
#include <numc/threads.h>

#define MAXIN 128
static struct {
    char name[32];
    nd_array *a;
} inputs[MAXIN];
static int ninputs;

static nd_array *input(const char *name)
{
    for (int i = 0; i < ninputs; i++)
        if (!strcmp(inputs[i].name, name)) return inputs[i].a;
    return NULL;
}

typedef nd_array *(*red_fn)(const nd_array *, const nd_reduce_opts *);
static const struct {
    const char *name;
    red_fn fn;
} reds[] = {
    { "sum", nd_sum_ }, { "prod", nd_prod_ }, { "amin", nd_amin_ }, { "amax", nd_amax_ },
    { "all", nd_all_ }, { "any", nd_any_ }, { "mean", nd_mean_ }, { "var", nd_var_ },
    { "std", nd_std_ }, { "ptp", nd_ptp_ }, { "count_nonzero", nd_count_nonzero_ },
    { "nansum", nd_nansum_ }, { "nanprod", nd_nanprod_ }, { "nanmin", nd_nanmin_ },
    { "nanmax", nd_nanmax_ }, { "nanmean", nd_nanmean_ }, { "nanvar", nd_nanvar_ },
    { "nanstd", nd_nanstd_ }, { "argmin", nd_argmin_ }, { "argmax", nd_argmax_ },
    { "nanargmin", nd_nanargmin_ }, { "nanargmax", nd_nanargmax_ }, { "cumsum", nd_cumsum_ },
    { "cumprod", nd_cumprod_ }, { "nancumsum", nd_nancumsum_ }, { "nancumprod", nd_nancumprod_ },
};

static void run_line(ufx_line *l, int *run, int *failed)
{
    if (!strcmp(l->tok[0], "I")) {
        int pos = 2;
        snprintf(inputs[ninputs].name, sizeof inputs[ninputs].name, "%s", l->tok[1]);
        inputs[ninputs].a = ufx_array(l, &pos);
        ninputs++;
        return;
    }
    if (strcmp(l->tok[0], "R")) return;
    red_fn fn = NULL;
    for (size_t i = 0; i < sizeof reds / sizeof reds[0]; i++)
        if (!strcmp(reds[i].name, l->tok[1])) fn = reds[i].fn;
    CU_ASSERT_PTR_NOT_NULL_FATAL(fn);
    nd_reduce_opts o = ND_REDUCE_DEFAULTS;
    if (strcmp(l->tok[3], "-")) {
        char axes[64];
        snprintf(axes, sizeof axes, "%s", l->tok[3]);
        for (char *p = strtok(axes, ","); p; p = strtok(NULL, ",")) o.axes.ax[o.axes.n++] = atoi(p);
    }
    o.keepdims = atoi(l->tok[4]) != 0;
    o.ddof = atof(l->tok[5]);
    char what[160];
    snprintf(what, sizeof what, "%s(%s, axis=%s, keepdims=%s, ddof=%s)", l->tok[1], l->tok[2],
             l->tok[3], l->tok[4], l->tok[5]);
    nd_array *a = input(l->tok[2]);
    nd_array *got = fn(a, &o);
    bool ok;
    int pos = 6;
    (*run)++;
    if (!strcmp(l->tok[pos], "ERR")) {
        ok = got == NULL;
        if (!ok) printf("\n%s: expected an error\n", what);
    } else {
        nd_array *want = ufx_array(l, &pos);
        nd_dtype t = nd_dtype_of(want);
        double tol = (t == ND_FLOAT32 || t == ND_COMPLEX64) ? 1e-5 : 1e-13;
        ok = ufx_equal(got, want, tol, what);
        nd_free(want);
    }
    nd_free(got);
    if (!ok) (*failed)++;
    CU_ASSERT_TRUE(ok);
}

static void test_reduction_fixtures(void)
{
    FILE *fp = fopen(UFX_PATH, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    char *line = NULL;
    size_t cap = 0;
    static ufx_line l;
    int run = 0, failed = 0;
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    while (getline(&line, &cap, fp) > 0) {
        if (line[0] != 'I' && line[0] != 'R') continue;
        ufx_split(&l, line);
        if (l.ntok > 0) run_line(&l, &run, &failed);
    }
    nd_seterr_(&old);
    printf(" [%d cases, %d failed] ", run, failed);
    free(line);
    fclose(fp);
    for (int i = 0; i < ninputs; i++) nd_free(inputs[i].a);
    ninputs = 0;
}

/* ---- accuracy ------------------------------------------------------------------------ */
static void test_pairwise_sum_of_ten_million_tenths(void)
{
    const ptrdiff_t n = 10000000;
    nd_array *a = nd_full(ND_SHAPE(n), ND_FLOAT64, ND_F64(0.1));
    nd_array *s = nd_sum(a);
    long double ref = (long double)0.1 * (long double)n; /* exact: n copies of double(0.1) */
    double got = nd_item_f64(s);
    double err = fabs((double)((long double)got - ref));
    /* naive summation is off by ~1.6e-4 here; pairwise stays within a few ulp */
    CU_ASSERT_TRUE(err <= 8 * DBL_EPSILON * 1e6);
    nd_free(s);
    /* the same through a strided (non-contiguous) view and along an axis */
    nd_array *m = nd_reshape(a, ND_SHAPE(1000, 10000));
    nd_array *col = nd_sum(m, .axis = 1);
    CU_ASSERT_TRUE(fabs(nd_get_f64(col, ND_IDX(7)) - 1000.0) < 1e-9);
    nd_free(col);
    nd_free(m);
    nd_free(a);
}

static void test_mean_and_std_accuracy(void)
{
    /* values 1e9 + {0, 1, 2, 3, ...}: the two-pass variance is exact here */
    const ptrdiff_t n = 1000001;
    nd_array *a = nd_arange(1e9, 1e9 + (double)n, 1, ND_FLOAT64);
    nd_array *m = nd_mean(a), *v = nd_var(a), *sd = nd_std(a, .ddof = 1);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(m), 1e9 + 500000.0, 1e-6);
    double want_var = ((double)n * n - 1) / 12.0;
    CU_ASSERT_TRUE(fabs(nd_item_f64(v) - want_var) / want_var < 1e-12);
    CU_ASSERT_TRUE(fabs(nd_item_f64(sd) - sqrt(want_var * n / (n - 1))) < 1e-6);
    nd_free(m);
    nd_free(v);
    nd_free(sd);
    nd_free(a);
}

/* ---- options --------------------------------------------------------------------------- */
static nd_array *arange2(ptrdiff_t r, ptrdiff_t c)
{
    nd_array *a = nd_arange(0, (double)(r * c), 1, ND_FLOAT64);
    nd_array *m = nd_reshape(a, ND_SHAPE(r, c));
    nd_free(a);
    return m;
}

static void test_sum_over_transposed_view_without_copy(void)
{
    nd_array *m = arange2(3, 4), *t = nd_transpose(m, NULL);
    nd_array *s0 = nd_sum(t, .axis = 0), *s1 = nd_sum(t, .axis = 1);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s0, ND_IDX(2)), 8 + 9 + 10 + 11, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s1, ND_IDX(3)), 3 + 7 + 11, 0);
    nd_array *ev = nd_view(m, "::2, ::-1");
    nd_array *se = nd_sum(ev, .axis = 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(se, ND_IDX(0)), 3 + 11, 0);
    nd_free(se);
    nd_free(ev);
    nd_free(s0);
    nd_free(s1);
    nd_free(t);
    nd_free(m);
}

static void test_initial_and_where(void)
{
    nd_array *m = arange2(2, 3);
    nd_array *s = nd_sum(m, .initial = &ND_F64(100));
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(s), 115.0, 0);
    nd_free(s);
    nd_array *mask = nd_greater(m, 2.5);
    s = nd_sum(m, .where = mask, .axis = 1);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s, ND_IDX(0)), 0.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s, ND_IDX(1)), 12.0, 0);
    nd_free(s);
    /* max without identity needs initial with where */
    CU_ASSERT_PTR_NULL(nd_amax(m, .where = mask));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    s = nd_amax(m, .where = mask, .initial = &ND_F64(-1), .axis = 1);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s, ND_IDX(0)), -1.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s, ND_IDX(1)), 5.0, 0);
    nd_free(s);
    s = nd_mean(m, .where = mask);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(s), 4.0, 0);
    nd_free(s);
    s = nd_amin(m, .initial = &ND_F64(-7));
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(s), -7.0, 0);
    nd_free(s);
    nd_free(mask);
    nd_free(m);
}

static void test_dtype_option(void)
{
    nd_array *i = nd_arange(0, 10, 1, ND_INT8);
    nd_array *s = nd_sum(i);
    CU_ASSERT_EQUAL(nd_dtype_of(s), ND_INT64);
    nd_free(s);
    s = nd_sum(i, .dtype = ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_dtype_of(s), ND_FLOAT32);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(s), 45.0, 0);
    nd_free(s);
    nd_array *f = nd_arange(0, 4, 0.5, ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_sum(f, .dtype = ND_INT32));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_array *u = nd_full(ND_SHAPE(300), ND_UINT8, ND_I64(255));
    s = nd_sum(u);
    CU_ASSERT_EQUAL(nd_dtype_of(s), ND_UINT64);
    CU_ASSERT_EQUAL(nd_item_u64(s), 76500u);
    nd_free(s);
    s = nd_mean(i, .dtype = ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_dtype_of(s), ND_FLOAT32);
    nd_free(s);
    nd_free(u);
    nd_free(f);
    nd_free(i);
}

static void test_axis_errors(void)
{
    nd_array *m = arange2(2, 3);
    CU_ASSERT_PTR_NULL(nd_sum(m, .axis = 2));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_sum(m, .axes = ND_AXES(0, -2)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_argmax(m, .axes = ND_AXES(0, 1)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_cumsum(m, .axis = -3));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_free(m);
}

static void test_empty_reductions(void)
{
    nd_array *e = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64);
    nd_array *s = nd_sum(e);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(s), 0.0, 0);
    nd_free(s);
    s = nd_prod(e, .axis = 0);
    CU_ASSERT_EQUAL(nd_size(s), 3);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s, ND_IDX(1)), 1.0, 0);
    nd_free(s);
    CU_ASSERT_PTR_NULL(nd_amax(e));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "identity"));
    CU_ASSERT_PTR_NULL(nd_argmin(e));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* max over the non-empty axis of an empty array is an empty result */
    s = nd_amax(e, .axis = 1);
    CU_ASSERT_PTR_NOT_NULL(s);
    CU_ASSERT_EQUAL(nd_size(s), 0);
    nd_free(s);
    s = nd_all(e);
    CU_ASSERT_TRUE(nd_item_bool(s));
    nd_free(s);
    nd_free(e);
}

static void test_nan_functions(void)
{
    nd_array *a = nd_from_f64((double[]){ 1, NAN, 3 }, 3);
    nd_array *r = nd_nanmean(a);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(r), 2.0, 0);
    nd_free(r);
    r = nd_nanargmax(a);
    CU_ASSERT_EQUAL(nd_item_i64(r), 2);
    nd_free(r);
    r = nd_argmax(a); /* NaN wins */
    CU_ASSERT_EQUAL(nd_item_i64(r), 1);
    nd_free(r);
    nd_array *allnan = nd_from_f64((double[]){ NAN, NAN }, 2);
    CU_ASSERT_PTR_NULL(nd_nanargmin(allnan));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_errstate old = nd_seterr(.invalid = ND_ERR_RAISE);
    CU_ASSERT_PTR_NULL(nd_nanmax(allnan));
    nd_seterr_(&old);
    r = nd_nancumsum(a);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(2)), 4.0, 0);
    nd_free(r);
    nd_free(allnan);
    nd_free(a);
}

static void test_ufunc_reduce_generic(void)
{
    nd_array *i = nd_from_i64((int64_t[]){ 12, 18, 30 }, 3);
    nd_array *g = nd_ufunc_reduce(ND_UF_GCD, i, NULL);
    CU_ASSERT_EQUAL(nd_item_i64(g), 6);
    nd_free(g);
    g = nd_ufunc_reduce(ND_UF_BITWISE_OR, i, NULL);
    CU_ASSERT_EQUAL(nd_item_i64(g), 12 | 18 | 30);
    nd_free(g);
    g = nd_ufunc_reduce(ND_UF_SUBTRACT, i, NULL); /* np.subtract.reduce: 12 - 18 - 30 */
    CU_ASSERT_EQUAL(nd_item_i64(g), -36);
    nd_free(g);
    CU_ASSERT_PTR_NULL(nd_ufunc_reduce(ND_UF_SQRT, i, NULL));
    /* 2-D: no options is axis 0, as np.add.reduce(m) == [5, 7, 9] (not nd_sum's all axes);
     * .axis = ND_AXIS_NONE is axis=None (21). */
    nd_array *m = nd_from_i64((int64_t[]){ 1, 2, 3, 4, 5, 6 }, 6), *m2 = nd_reshape(m, ND_SHAPE(2, 3));
    double v[3] = { 0 };
    g = nd_ufunc_reduce(ND_UF_ADD, m2, NULL);
    CU_ASSERT_TRUE(g && nd_ndim(g) == 1 && nd_size(g) == 3 && nd_to_f64(g, v) == ND_OK);
    CU_ASSERT_TRUE(v[0] == 5 && v[1] == 7 && v[2] == 9);
    nd_free(g);
    g = nd_ufunc_reduce(ND_UF_SUBTRACT, m2, NULL); /* [1 - 4, 2 - 5, 3 - 6] */
    CU_ASSERT_TRUE(g && nd_ndim(g) == 1 && nd_size(g) == 3 && nd_to_f64(g, v) == ND_OK);
    CU_ASSERT_TRUE(v[0] == -3 && v[1] == -3 && v[2] == -3);
    nd_free(g);
    g = nd_ufunc_reduce(ND_UF_ADD, m2, &(nd_reduce_opts){ .axis = ND_AXIS_NONE });
    CU_ASSERT_TRUE(g && nd_ndim(g) == 0 && nd_item_i64(g) == 21);
    nd_free(g);
    nd_free(m2);
    nd_free(m);
    nd_free(i);
}

static void test_cumsum_dtype_and_axis(void)
{
    nd_array *m = arange2(3, 4);
    nd_array *c = nd_cumsum(m, .axis = 0, .dtype = ND_INT32);
    CU_ASSERT_EQUAL(nd_dtype_of(c), ND_INT32);
    CU_ASSERT_EQUAL(nd_get_i64(c, ND_IDX(2, 3)), 3 + 7 + 11);
    nd_free(c);
    nd_array *t = nd_transpose(m, NULL);
    c = nd_cumprod(t, .axis = 1);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(c, ND_IDX(1, 2)), 1.0 * 5 * 9, 0);
    nd_free(c);
    nd_free(t);
    nd_free(m);
}

/* Results do not depend on the number of threads (chunking follows the sizes only). */
static void test_results_identical_for_any_thread_count(void)
{
    const ptrdiff_t n = 3000017;
    nd_array *a = nd_linspace(-3, 7, n);
    nd_array *s2 = nd_sin(a); /* irregular values */
    nd_array *m = NULL;
    nd_array *sq = nd_empty(ND_SHAPE(1500, 2000), ND_FLOAT64);
    double *p = nd_data(sq);
    for (ptrdiff_t i = 0; i < 1500 * 2000; i++) p[i] = sin((double)i * 0.37) * 1e3;
    double r[2][6];
    int old = nd_set_num_threads(1);
    for (int t = 0; t < 2; t++) {
        nd_set_num_threads(t == 0 ? 1 : 4);
        nd_array *x = nd_sum(s2), *v = nd_var(s2), *e = nd_exp(s2);
        nd_array *c0 = nd_sum(sq, .axis = 0), *c1 = nd_sum(sq, .axis = 1);
        nd_array *es = nd_sum(e);
        r[t][0] = nd_item_f64(x);
        r[t][1] = nd_item_f64(v);
        r[t][2] = nd_item_f64(es);
        r[t][3] = nd_get_f64(c0, ND_IDX(1234));
        r[t][4] = nd_get_f64(c1, ND_IDX(777));
        nd_array *f = nd_sum(sq, .dtype = ND_FLOAT32);
        r[t][5] = nd_item_f64(f);
        nd_free(f);
        nd_free(x);
        nd_free(v);
        nd_free(e);
        nd_free(es);
        nd_free(c0);
        nd_free(c1);
    }
    nd_set_num_threads(old);
    for (int k = 0; k < 6; k++) CU_ASSERT_EQUAL(memcmp(&r[0][k], &r[1][k], sizeof(double)), 0);
    nd_free(m);
    nd_free(sq);
    nd_free(s2);
    nd_free(a);
}

static const ND_TEST tests[] = {
    ND_T(test_results_identical_for_any_thread_count),
    ND_T(test_reduction_fixtures),
    ND_T(test_pairwise_sum_of_ten_million_tenths),
    ND_T(test_mean_and_std_accuracy),
    ND_T(test_sum_over_transposed_view_without_copy),
    ND_T(test_initial_and_where),
    ND_T(test_dtype_option),
    ND_T(test_axis_errors),
    ND_T(test_empty_reductions),
    ND_T(test_nan_functions),
    ND_T(test_ufunc_reduce_generic),
    ND_T(test_cumsum_dtype_and_axis),
    { 0 },
};
ND_TEST_MAIN("reduce", tests)
