/* The ufunc methods (reduce, accumulate, reduceat, outer, at) against NumPy fixtures
 * (scripts/gen_ufuncm_fixtures.py → tests/data/ufuncm), plus the options (out, where,
 * initial, dtype), the fast add.at path and the errors; apply_along_axis,
 * apply_over_axes and piecewise. */
#define _GNU_SOURCE
#include <numc/ufunc.h>

#include "faultsim.h"
#include "fixture.h"

#define FX NUMC_TEST_DATA "/ufuncm/ufuncm.txt"
#define CASES NUMC_TEST_DATA "/ufuncm/cases.txt"

static nd_array *in(const char *name) { return fixture_load(FX, name); }

static int ufunc_by_name(const char *name)
{
    for (int f = 0; f < ND_UF_COUNT; f++)
        if (!strcmp(nd_ufunc_name((nd_ufunc)f), name) && f != ND_UF_ANGLE_DEG) return f;
    return -1;
}

/* Compare got with fixture `name` (dtype, shape, values; floats within rtol). */
static bool same_as(const char *name, const nd_array *got, double rtol, const char *what)
{
    nd_array *want = in(name);
    if (!want) {
        printf("\n%s: fixture %s missing\n", what, name);
        return false;
    }
    bool ok = fixture_same(what, want, got, rtol, true);
    nd_free(want);
    return ok;
}

static bool is_err(const char *name)
{
    char *line = fixture_line(FX, name);
    bool e = line && strstr(line, " ERR") != NULL;
    free(line);
    return e;
}

static nd_array *run_case(const char *method, int f, nd_array *a, const char *axis, bool keepdims,
                          const char *extra, nd_status *st)
{
    *st = ND_OK;
    if (!strcmp(method, "reduce")) {
        nd_reduce_opts o = ND_REDUCE_DEFAULTS;
        o.keepdims = keepdims;
        if (strchr(axis, ',')) {
            char buf[32];
            snprintf(buf, sizeof buf, "%s", axis);
            for (char *p = strtok(buf, ","); p; p = strtok(NULL, ",")) o.axes.ax[o.axes.n++] = atoi(p);
        } else if (strcmp(axis, "N")) {
            o.axis = atoi(axis);
        }
        return nd_ufunc_reduce((nd_ufunc)f, a, &o);
    }
    nd_accumulate_opts ao = { .axis = atoi(axis) };
    if (!strcmp(method, "accumulate")) return nd_ufunc_accumulate((nd_ufunc)f, a, &ao);
    if (!strcmp(method, "reduceat")) {
        nd_array *ix = in(extra);
        nd_array *r = nd_ufunc_reduceat((nd_ufunc)f, a, ix, &ao);
        nd_free(ix);
        return r;
    }
    if (!strcmp(method, "outer")) {
        nd_array *b = in(extra);
        nd_array *r = nd_ufunc_outer((nd_ufunc)f, a, b, NULL);
        nd_free(b);
        return r;
    }
    /* at: on a copy; extra is "indices" or "indices:values" */
    char buf[64];
    snprintf(buf, sizeof buf, "%s", extra);
    char *colon = strchr(buf, ':');
    if (colon) *colon = '\0';
    nd_array *ix = in(buf), *vals = colon ? in(colon + 1) : NULL;
    nd_array *r = nd_copy(a, ND_ORDER_C);
    if (nd_ufunc_nin((nd_ufunc)f) == 1) *st = nd_ufunc_at((nd_ufunc)f, r, ix, ND_NOBOUND);
    else if (vals) *st = nd_ufunc_at((nd_ufunc)f, r, ix, vals);
    else *st = nd_ufunc_at((nd_ufunc)f, r, ix, 1);
    nd_free(ix);
    nd_free(vals);
    if (*st < 0) {
        nd_free(r);
        return NULL;
    }
    return r;
}

static void test_methods_match_numpy(void)
{
    FILE *fh = fopen(CASES, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fh);
    char *line = NULL;
    size_t cap = 0;
    int run = 0, failed = 0;
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    while (fixture_getline(fh, &line, &cap)) {
        char name[32], method[16], func[32], input[32], view[64], axis[16], extra[64];
        int keepdims;
        /* the view spec may contain spaces: fields are split on the known layout */
        char *tok[16];
        int nt = 0;
        for (char *p = strtok(line, " \n"); p && nt < 16; p = strtok(NULL, " \n")) tok[nt++] = p;
        if (nt < 8) continue;
        snprintf(name, sizeof name, "%s", tok[0]);
        snprintf(method, sizeof method, "%s", tok[1]);
        snprintf(func, sizeof func, "%s", tok[2]);
        snprintf(input, sizeof input, "%s", tok[3]);
        view[0] = '\0';
        for (int i = 4; i < nt - 3; i++) {
            strncat(view, tok[i], sizeof view - strlen(view) - 2);
            if (i < nt - 4) strcat(view, " ");
        }
        snprintf(axis, sizeof axis, "%s", tok[nt - 3]);
        keepdims = atoi(tok[nt - 2]);
        snprintf(extra, sizeof extra, "%s", tok[nt - 1]);
        int f = ufunc_by_name(func);
        CU_ASSERT_FATAL(f >= 0);
        nd_array *base = in(input);
        nd_array *a = strcmp(view, "-") ? nd_view(base, view) : nd_ref(base);
        CU_ASSERT_PTR_NOT_NULL_FATAL(a);
        nd_status st;
        nd_array *got = run_case(method, f, a, axis, keepdims != 0, extra, &st);
        char what[512];
        snprintf(what, sizeof what, "%s: %s.%s(%s[%s], axis=%s, keepdims=%d, %s)", name, func, method,
                 input, view, axis, keepdims, extra);
        bool ok;
        if (is_err(name)) {
            ok = got == NULL && nd_last_error() < 0 && strlen(nd_errmsg()) > 0;
            if (!ok) printf("\n%s: expected an error\n", what);
        } else {
            nd_dtype t = got ? nd_dtype_of(got) : ND_FLOAT64;
            ok = same_as(name, got, t == ND_FLOAT32 ? 1e-6 : 1e-12, what);
        }
        run++;
        if (!ok) failed++;
        CU_ASSERT_TRUE(ok);
        nd_free(got);
        nd_free(a);
        nd_free(base);
    }
    nd_seterr_(&old);
    free(line);
    fclose(fh);
    if (failed) printf("\n%d of %d cases failed\n", failed, run);
    CU_ASSERT(run > 600);
}

static void test_reduce_options(void)
{
    nd_array *a = test_iota(2, (ptrdiff_t[]){ 2, 3 });
    nd_array *w = nd_from_buffer((bool[]){ true, false, true }, 1, (ptrdiff_t[]){ 3 }, ND_BOOL);
    /* np.add.reduce(a, axis=0, where=[T, F, T], initial=10) → [13, 10, 17] */
    nd_array *r = nd_ufunc_reduce(ND_UF_ADD, a, &(nd_reduce_opts){ .axis = 0, .where = w,
                                                                   .initial = &ND_I64(10) });
    CU_ASSERT_EQUAL(nd_get_i64(r, 1, (ptrdiff_t[]){ 0 }), 13);
    CU_ASSERT_EQUAL(nd_get_i64(r, 1, (ptrdiff_t[]){ 1 }), 10);
    CU_ASSERT_EQUAL(nd_get_i64(r, 1, (ptrdiff_t[]){ 2 }), 17);
    nd_free(r);
    /* maximum has no identity: where needs initial */
    CU_ASSERT_PTR_NULL(nd_ufunc_reduce(ND_UF_MAXIMUM, a, &(nd_reduce_opts){ .axis = 0, .where = w }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "initial"));
    /* subtract over two axes: not reorderable */
    CU_ASSERT_PTR_NULL(nd_ufunc_reduce(ND_UF_SUBTRACT, a, &(nd_reduce_opts){ .axis = ND_AXIS_NONE, .axes = ND_AXES(0, 1) }));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "not reorderable"));
    /* subtract with initial and a mask: 100 - 0 - 2 and 100 - 3 - 5 along axis 1 */
    r = nd_ufunc_reduce(ND_UF_SUBTRACT, a, &(nd_reduce_opts){ .axis = 1, .where = w,
                                                             .initial = &ND_I64(100) });
    CU_ASSERT_EQUAL(nd_get_i64(r, 1, (ptrdiff_t[]){ 0 }), 98);
    CU_ASSERT_EQUAL(nd_get_i64(r, 1, (ptrdiff_t[]){ 1 }), 92);
    nd_free(r);
    /* out= and dtype: out's dtype is the loop's */
    nd_array *out = nd_zeros(ND_SHAPE(3), ND_FLOAT32);
    CU_ASSERT_EQUAL(nd_ufunc_reduce_into(ND_UF_MULTIPLY, out, a, &(nd_reduce_opts){ .axis = 0 }), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, 1, (ptrdiff_t[]){ 2 }), 10.0, 0);
    /* wrong shape of out */
    nd_array *bad = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_ufunc_reduce_into(ND_UF_ADD, bad, a, &(nd_reduce_opts){ .axis = 0 }), ND_ESHAPE);
    /* casting: float result into an int out is not same_kind */
    nd_array *fa = nd_astype(a, ND_FLOAT64, ND_CAST_SAFE);
    nd_array *iout = nd_zeros(ND_SHAPE(3), ND_INT64);
    CU_ASSERT_EQUAL(nd_ufunc_reduce_into(ND_UF_ADD, iout, fa, &(nd_reduce_opts){ .axis = 0 }), ND_EDTYPE);
    /* dtype = float32 for int input */
    r = nd_ufunc_reduce(ND_UF_DIVIDE, a, &(nd_reduce_opts){ .axis = 1, .dtype = ND_FLOAT64 });
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, 1, (ptrdiff_t[]){ 1 }), 3.0 / 4.0 / 5.0, 1e-15);
    nd_free(r);
    nd_free(iout);
    nd_free(fa);
    nd_free(bad);
    nd_free(out);
    nd_free(w);
    nd_free(a);
}

static void test_accumulate_reduceat_out_and_errors(void)
{
    nd_array *a = nd_arange(1, 7, 1, ND_INT64);
    nd_array *out = nd_zeros(ND_SHAPE(6), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_ufunc_accumulate_into(ND_UF_MULTIPLY, out, a, NULL), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, 1, (ptrdiff_t[]){ 5 }), 720.0, 0);
    nd_array *s = nd_scalar_array(ND_F64(2));
    CU_ASSERT_PTR_NULL(nd_ufunc_accumulate(ND_UF_ADD, s, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "cannot accumulate on a scalar"));
    CU_ASSERT_PTR_NULL(nd_ufunc_accumulate(ND_UF_ADD, a, &(nd_accumulate_opts){ .axis = 1 }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_PTR_NULL(nd_ufunc_accumulate(ND_UF_SQRT, a, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_ufunc_accumulate(ND_UF_LESS, a, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    /* reduceat: the message names the index and the size */
    nd_array *ix = nd_from_i64((int64_t[]){ 0, 7 }, 2);
    CU_ASSERT_PTR_NULL(nd_ufunc_reduceat(ND_UF_ADD, a, ix, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "index 7 out-of-bounds in add.reduceat [0, 6)"));
    nd_array *fx = nd_from_f64((double[]){ 0, 1 }, 2);
    CU_ASSERT_PTR_NULL(nd_ufunc_reduceat(ND_UF_ADD, a, fx, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EINDEX);
    nd_array *ix2 = nd_reshape(ix, 2, (ptrdiff_t[]){ 1, 2 });
    CU_ASSERT_PTR_NULL(nd_ufunc_reduceat(ND_UF_ADD, a, ix2, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    /* np.add.reduceat(arange(8), [0, 4, 1, 5, 7]) = [6, 4, 10, 11, 7] */
    nd_array *e = nd_arange(0, 8, 1, ND_INT64);
    nd_array *ri = nd_from_i64((int64_t[]){ 0, 4, 1, 5, 7 }, 5);
    nd_array *r = nd_ufunc_reduceat(ND_UF_ADD, e, ri, NULL);
    int64_t want[5] = { 6, 4, 10, 11, 7 };
    for (int i = 0; i < 5; i++) CU_ASSERT_EQUAL(nd_get_i64(r, 1, (ptrdiff_t[]){ i }), want[i]);
    nd_array *rout = nd_zeros(ND_SHAPE(5), ND_INT64);
    CU_ASSERT_EQUAL(nd_ufunc_reduceat_into(ND_UF_ADD, rout, e, ri, NULL), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(rout, 1, (ptrdiff_t[]){ 2 }), 10);
    nd_array *arr[] = { a, out, s, ix, fx, ix2, e, ri, r, rout };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_outer_shapes_and_where(void)
{
    nd_array *a = test_iota(2, (ptrdiff_t[]){ 2, 3 }), *b = nd_arange(0, 4, 1, ND_INT64);
    nd_array *r = nd_ufunc_outer(ND_UF_MULTIPLY, a, b, NULL);
    CU_ASSERT_EQUAL(nd_ndim(r), 3);
    CU_ASSERT_EQUAL(nd_shape(r)[2], 4);
    CU_ASSERT_EQUAL(nd_get_i64(r, 3, (ptrdiff_t[]){ 1, 2, 3 }), 15);
    nd_free(r);
    nd_array *out = nd_full(ND_SHAPE(2, 3, 4), ND_INT64, ND_I64(-1));
    nd_array *w = nd_from_buffer((bool[]){ true, false, true, false }, 1, (ptrdiff_t[]){ 4 }, ND_BOOL);
    CU_ASSERT_EQUAL(nd_ufunc_outer_into(ND_UF_ADD, out, a, b, &(nd_ufunc_opts){ .where = w }), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(out, 3, (ptrdiff_t[]){ 1, 1, 2 }), 6);
    CU_ASSERT_EQUAL(nd_get_i64(out, 3, (ptrdiff_t[]){ 1, 1, 1 }), -1);
    CU_ASSERT_PTR_NULL(nd_ufunc_outer(ND_UF_NEGATIVE, a, b, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(w);
    nd_free(out);
    nd_free(a);
    nd_free(b);
}

static void test_at_semantics_and_errors(void)
{
    nd_array *a = nd_zeros(ND_SHAPE(3), ND_INT64);
    nd_array *ix = nd_from_i64((int64_t[]){ 0, 0 }, 2);
    /* np.add.at(int64 zeros, [0, 0], 1.5) casts back after each application: a[0] == 2 */
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, a, ix, 1.5), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(a, 1, (ptrdiff_t[]){ 0 }), 2);
    nd_array *bad = nd_from_i64((int64_t[]){ 1, 3 }, 2);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, a, bad, 1), ND_EINDEX);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "index 3 is out of bounds for axis 0 with size 3"));
    CU_ASSERT_EQUAL(nd_get_i64(a, 1, (ptrdiff_t[]){ 1 }), 0); /* nothing applied (NumPy) */
    nd_array *f = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, f, bad, 1.0), ND_EINDEX); /* the fast path */
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "index 3"));
    nd_array *fi = nd_from_f64((double[]){ 0 }, 1);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, f, fi, 1.0), ND_EINDEX);
    nd_array *v2 = nd_from_f64((double[]){ 1, 2, 3 }, 3);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, f, ix, v2), ND_ESHAPE);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, f, ix, ND_NOBOUND), ND_EVALUE);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_NEGATIVE, f, ix, 1.0), ND_EVALUE);
    /* a tuple of index arrays and a bool mask */
    nd_array *m = nd_zeros(ND_SHAPE(2, 3), ND_FLOAT64);
    nd_array *r0 = nd_from_i64((int64_t[]){ 0, 1, 0 }, 3), *c2 = nd_from_i64((int64_t[]){ 2, 2, 2 }, 3);
    CU_ASSERT_EQUAL(nd_ufunc_at_n(ND_UF_ADD, m, 2, ((const nd_array *[]){ r0, c2 }), 1.0), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(m, 2, (ptrdiff_t[]){ 0, 2 }), 2.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(m, 2, (ptrdiff_t[]){ 1, 2 }), 1.0, 0);
    nd_array *bm = nd_from_buffer((bool[]){ true, false, true }, 1, (ptrdiff_t[]){ 3 }, ND_BOOL);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, f, bm, 1.0), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(f, 1, (ptrdiff_t[]){ 0 }), 1.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(f, 1, (ptrdiff_t[]){ 2 }), 1.0, 0);
    /* the call with index 3 out of bounds applied nothing */
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(f, 1, (ptrdiff_t[]){ 1 }), 0.0, 0);
    /* a negative-stride view as the target: writes land in the base, reversed */
    nd_array *base = nd_zeros(ND_SHAPE(4), ND_FLOAT64), *rev = nd_view(base, "::-1");
    nd_array *i01 = nd_from_i64((int64_t[]){ 0, 0, 3 }, 3);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, rev, i01, 2.0), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(base, 1, (ptrdiff_t[]){ 3 }), 4.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(base, 1, (ptrdiff_t[]){ 0 }), 2.0, 0);
    nd_array *step2 = nd_view(base, "::2"); /* strided int-valued view, unary function */
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_NEGATIVE, step2, i01, ND_NOBOUND), ND_EINDEX); /* 3 >= 2 */
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(base, 1, (ptrdiff_t[]){ 0 }), 2.0, 0); /* untouched */
    nd_array *zd = nd_scalar_array(ND_F64(1));
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, zd, i01, 1.0), ND_EINDEX); /* 0-d: too many indices */
    nd_free(zd);
    nd_free(step2);
    nd_free(i01);
    nd_free(rev);
    nd_free(base);
    /* read-only */
    nd_array *ro = nd_copy(f, ND_ORDER_C);
    nd_set_readonly(ro);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, ro, ix, 1.0), ND_EVALUE);
    nd_array *arr[] = { a, ix, bad, f, fi, v2, m, r0, c2, bm, ro };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}

static void test_add_at_many_repeated_indices(void)
{
    /* 1M indices into 1000 bins: every bin gets exactly its count (float64 and int64) */
    const ptrdiff_t n = 1000000;
    nd_array *ix = nd_empty(ND_SHAPE(n), ND_INT64);
    int64_t *p = nd_data(ix);
    uint64_t s = 12345;
    static int64_t count[1000];
    memset(count, 0, sizeof count);
    for (ptrdiff_t i = 0; i < n; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        p[i] = (int64_t)((s >> 33) % 1000) - (i % 2 ? 1000 : 0);
        count[p[i] < 0 ? p[i] + 1000 : p[i]]++;
    }
    nd_array *f = nd_zeros(ND_SHAPE(1000), ND_FLOAT64);
    nd_array *g = nd_zeros(ND_SHAPE(1000), ND_INT64);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, f, ix, 1.0), ND_OK);
    CU_ASSERT_EQUAL(nd_ufunc_at(ND_UF_ADD, g, ix, 2), ND_OK);
    int bad = 0;
    for (int i = 0; i < 1000; i++) {
        bad += nd_get_f64(f, 1, (ptrdiff_t[]){ i }) != (double)count[i];
        bad += nd_get_i64(g, 1, (ptrdiff_t[]){ i }) != 2 * count[i];
    }
    CU_ASSERT_EQUAL(bad, 0);
    nd_free(f);
    nd_free(g);
    nd_free(ix);
}

/* ---- functional ---------------------------------------------------------------------------- */
static nd_array *twice(const nd_array *v, void *ud) { (void)ud; return nd_multiply(v, 2.0); }
static nd_array *squared(const nd_array *v, void *ud) { (void)ud; return nd_multiply(v, v); }
static nd_array *times26(const nd_array *v, void *ud) { (void)ud; return nd_multiply(v, 2.6); }
static nd_array *lane_sum(const nd_array *v, void *ud) { (void)ud; return nd_sum(v); }
static nd_array *lane_minmax(const nd_array *v, void *ud)
{
    (void)ud;
    nd_array *lo = nd_amin(v), *hi = nd_amax(v);
    double x[2] = { nd_item_f64(lo), nd_item_f64(hi) };
    nd_free(lo);
    nd_free(hi);
    return nd_from_f64(x, 2);
}
static nd_array *lane_outer2(const nd_array *v, void *ud)
{
    (void)ud;
    nd_array *h = nd_view(v, ":2");
    nd_array *r = nd_ufunc_outer(ND_UF_MULTIPLY, v, h, NULL);
    nd_free(h);
    return r;
}
static nd_array *lane_ragged(const nd_array *v, void *ud)
{
    int *calls = ud;
    return nd_zeros(ND_SHAPE(1 + (*calls)++), ND_FLOAT64);
}
static nd_array *axis_sum(const nd_array *a, int axis, void *ud) { (void)ud; return nd_sum(a, axis); }
static nd_array *axis_bad(const nd_array *a, int axis, void *ud) { (void)ud; (void)axis; return nd_sum(a); }

static void test_apply_along_axis(void)
{
    nd_array *m = in("aa_m");
    fixture_check(FX, "aa_sum1", nd_apply_along_axis(lane_sum, 1, m, NULL));
    fixture_check(FX, "aa_minmax2", nd_apply_along_axis(lane_minmax, 2, m, NULL));
    fixture_check(FX, "aa_minmax0", nd_apply_along_axis(lane_minmax, -3, m, NULL));
    nd_array *got = nd_apply_along_axis(lane_outer2, 1, m, NULL);
    CU_ASSERT_TRUE(same_as("aa_outer1", got, 1e-12, "apply_along_axis outer"));
    nd_free(got);
    int calls = 0;
    CU_ASSERT_PTR_NULL(nd_apply_along_axis(lane_ragged, 1, m, &calls));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NULL(nd_apply_along_axis(lane_sum, 3, m, NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_array *e = nd_zeros(ND_SHAPE(0, 3), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_apply_along_axis(lane_sum, 1, e, NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "iteration dimensions are 0"));
    fixture_check(FX, "ao_sum02", nd_apply_over_axes(axis_sum, m, ND_AXES(0, 2), NULL));
    fixture_check(FX, "ao_sumneg", nd_apply_over_axes(axis_sum, m, ND_AXES(-1), NULL));
    CU_ASSERT_PTR_NULL(nd_apply_over_axes(axis_bad, m, ND_AXES(0), NULL));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "correct shape"));
    CU_ASSERT_PTR_NULL(nd_apply_over_axes(axis_sum, m, ND_AXES(5), NULL));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    nd_free(e);
    nd_free(m);
}

static void test_piecewise(void)
{
    nd_array *x = in("pw_x");
    nd_array *neg = nd_less(x, 0.0), *ge1 = nd_greater_equal(x, 1.0), *gt1 = nd_greater(x, 1.0);
    fixture_check(FX, "pw_two", nd_piecewise(x, 2, (const nd_array *[]){ neg, ge1 }, 2,
                                             (nd_piece[]){ { twice, 0, NULL }, { squared, 0, NULL } }));
    fixture_check(FX, "pw_default",
                  nd_piecewise(x, 2, (const nd_array *[]){ neg, gt1 }, 3,
                               (nd_piece[]){ { NULL, -1.0, NULL }, { twice, 0, NULL }, { NULL, 7.0, NULL } }));
    fixture_check(FX, "pw_consts", nd_piecewise(x, 1, (const nd_array *[]){ neg }, 1,
                                                (nd_piece[]){ { NULL, 5.0, NULL } }));
    nd_array *xi = in("pw_xi"), *ineg = nd_less(xi, 0);
    fixture_check(FX, "pw_int", nd_piecewise(xi, 1, (const nd_array *[]){ ineg }, 2,
                                             (nd_piece[]){ { times26, 0, NULL }, { NULL, 1.0, NULL } }));
    /* errors: function count, shape mismatch, non-bool condition */
    CU_ASSERT_PTR_NULL(nd_piecewise(x, 2, (const nd_array *[]){ neg, gt1 }, 1,
                                    (nd_piece[]){ { NULL, 1.0, NULL } }));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "with 2 condition(s), either 2 or 3 functions"));
    CU_ASSERT_PTR_NULL(nd_piecewise(x, 1, (const nd_array *[]){ ineg }, 1,
                                    (nd_piece[]){ { NULL, 1.0, NULL } }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NULL(nd_piecewise(x, 1, (const nd_array *[]){ x }, 1, (nd_piece[]){ { NULL, 1.0, NULL } }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    /* a piece returning the wrong number of values */
    CU_ASSERT_PTR_NULL(nd_piecewise(x, 1, (const nd_array *[]){ neg }, 1, (nd_piece[]){ { lane_minmax, 0, NULL } }));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    nd_array *arr[] = { x, neg, ge1, gt1, xi, ineg };
    for (size_t i = 0; i < sizeof arr / sizeof *arr; i++) nd_free(arr[i]);
}


/* ---- every allocation failure is a clean ND_ENOMEM (tests/faultsim.h) ---------------------- */
static double fs_hyp(double a, double b) { return sqrt(a * a + b * b); }
#define TRY(expr) do { if (!(expr)) { rc = nd_last_error(); goto out; } } while (0)
#define TRYS(expr) do { if ((rc = (expr)) < 0) goto out; } while (0)
#define CHECK(cond) do { if (!(cond)) { rc = ND_EVALUE; goto out; } } while (0)

static nd_status fs_body(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *f = NULL, *ix = NULL, *w = NULL, *r[10] = { NULL };
    nd_userfunc *u = NULL;
    nd_array *flat = NULL;
    TRY(flat = nd_arange(0, 20, 1, ND_INT64));
    a = nd_reshape(flat, 2, (ptrdiff_t[]){ 4, 5 });
    nd_free(flat);
    TRY(a);
    TRY(f = nd_astype(a, ND_FLOAT64, ND_CAST_SAFE));
    TRY(ix = nd_from_i64((int64_t[]){ 0, 2, 2, 1 }, 4));
    TRY(w = nd_greater(a, 3));
    TRY(r[0] = nd_ufunc_reduce(ND_UF_SUBTRACT, a, &(nd_reduce_opts){ .axis = 1, .keepdims = true }));
    TRY(r[1] = nd_ufunc_accumulate(ND_UF_ADD, a, &(nd_accumulate_opts){ .axis = 1 }));
    TRY(r[2] = nd_ufunc_reduceat(ND_UF_MULTIPLY, f, ix, &(nd_accumulate_opts){ .axis = 1 }));
    TRY(r[3] = nd_ufunc_outer(ND_UF_ADD, ix, f, NULL));
    TRY(r[4] = nd_ufunc_reduce(ND_UF_ADD, a, &(nd_reduce_opts){ .axis = ND_AXIS_NONE, .where = w,
                                                                .initial = &ND_I64(1) }));
    TRYS(nd_ufunc_at(ND_UF_ADD, a, ix, 1.5)); /* the casting path */
    TRYS(nd_ufunc_at(ND_UF_ADD, f, ix, 1.0)); /* not 1-d: the general path */
    TRY(u = nd_ufunc_from_f64_binary("hyp", fs_hyp, &ND_F64(0)));
    TRY(r[5] = nd_userfunc_call2(u, a, f, .where = w));
    TRY(r[6] = nd_userfunc_reduce(u, f, NULL));
    TRY(r[7] = nd_apply_along_axis(lane_sum, 1, f, NULL));
    TRY(r[8] = nd_piecewise(f, 1, (const nd_array *[]){ w }, 2,
                            (nd_piece[]){ { twice, 0, NULL }, { NULL, -1, NULL } }));
    TRY(r[9] = nd_apply_over_axes(axis_sum, f, ND_AXES(0, 1), NULL));
    CHECK(nd_item_i64(r[4]) == 1 + (4 + 19) * 16 / 2);
    CHECK(nd_get_i64(r[0], 2, (ptrdiff_t[]){ 1, 0 }) == 5 - 6 - 7 - 8 - 9);
    CHECK(nd_get_f64(r[8], 2, (ptrdiff_t[]){ 0, 0 }) == -1.0);
out:
    for (int i = 0; i < 10; i++) nd_free(r[i]);
    nd_ufunc_free(u);
    nd_free(a), nd_free(f), nd_free(ix), nd_free(w);
    return rc;
}

static void test_allocation_failures_are_clean(void)
{
    faultsim_report rep = faultsim_run("ufunc methods", fs_body, NULL);
    if (!rep.ok) printf("\nfaultsim: %s\n", rep.why);
    CU_ASSERT_TRUE(rep.ok);
    CU_ASSERT(rep.runs > 50);
}

static const ND_TEST tests[] = {
    ND_T(test_methods_match_numpy),
    ND_T(test_reduce_options),
    ND_T(test_accumulate_reduceat_out_and_errors),
    ND_T(test_outer_shapes_and_where),
    ND_T(test_at_semantics_and_errors),
    ND_T(test_add_at_many_repeated_indices),
    ND_T(test_apply_along_axis),
    ND_T(test_piecewise),
    ND_T(test_allocation_failures_are_clean),
    { 0 },
};
ND_TEST_MAIN("ufunc_methods", tests)
