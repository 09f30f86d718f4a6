/* numpy.ma sorting and runs (core/ma/ma_sort.c): sort, argsort, unique, polyfit,
 * clump_masked / clump_unmasked / notmasked_contiguous, flatnotmasked_edges. Values are
 * NumPy 1.24's, written by scripts/gen_ma_sort_fixtures.py to tests/data/ma/sort.txt. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"
#include "fixture.h"
#include "faultsim.h"

#include <numc/ma.h>
#include <numc/numc.h>
#include <string.h>

#define FIX NUMC_TEST_DATA "/ma/sort.txt"

/* The complex array re + im j (both freed here). */
static nd_array *complex_of(nd_array *re, nd_array *im)
{
    CU_ASSERT_PTR_NOT_NULL_FATAL(re);
    CU_ASSERT_PTR_NOT_NULL_FATAL(im);
    ptrdiff_t n = nd_size(re);
    double *v = malloc(sizeof *v * 2 * (size_t)(n ? n : 1)), *a = malloc(sizeof *a * (size_t)(n ? n : 1)),
           *b = malloc(sizeof *b * (size_t)(n ? n : 1));
    nd_to_f64(re, a);
    nd_to_f64(im, b);
    for (ptrdiff_t i = 0; i < n; i++) v[2 * i] = a[i], v[2 * i + 1] = b[i];
    nd_array *w = nd_wrap(v, nd_ndim(re), nd_shape(re), NULL, ND_COMPLEX128, NULL, NULL);
    nd_array *c = nd_copy(w, ND_ORDER_C);
    nd_free(w);
    free(v);
    free(a);
    free(b);
    nd_free(re);
    nd_free(im);
    return c;
}

/* The data "<prefix>.data", or complex from "<prefix>.re" and "<prefix>.im". */
static nd_array *load_data(const char *prefix)
{
    char key[160], k2[160];
    snprintf(key, sizeof key, "%s.data", prefix);
    nd_array *d = fixture_load(FIX, key);
    if (d) return d;
    snprintf(key, sizeof key, "%s.re", prefix);
    snprintf(k2, sizeof k2, "%s.im", prefix);
    return complex_of(fixture_load(FIX, key), fixture_load(FIX, k2));
}

/* The input masked array "in.<name>" (nomask when the fixture has no mask line); "hard"
 * gets a hard mask, "view" is made as NumPy's base[:, ::2].T (a non-contiguous view). */
static nd_marray *input(const char *name)
{
    char key[128];
    snprintf(key, sizeof key, "in.%s", name);
    nd_array *d = load_data(key);
    snprintf(key, sizeof key, "in.%s.mask", name);
    nd_array *mk = fixture_load(FIX, key);
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    nd_marray *m = nd_ma_array(d, mk);
    nd_free(d);
    nd_free(mk);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    if (!strcmp(name, "hard")) nd_ma_harden_mask(m);
    if (!strcmp(name, "view")) {
        nd_marray *v = nd_ma_view(m, ":, ::2");
        nd_marray *t = nd_ma_transpose(v);
        nd_ma_free(v);
        nd_ma_free(m);
        m = t;
        CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    }
    return m;
}

/* got (freed here) against "<name>.data" and "<name>.mask" (no mask line: nomask). */
static void check_ma(const char *name, nd_marray *got)
{
    if (!got) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    char key[160];
    if (nd_dtype_is_complex(nd_ma_dtype(got))) {
        snprintf(key, sizeof key, "%s.re", name);
        fixture_check(FIX, key, nd_real(nd_ma_data(got)));
        snprintf(key, sizeof key, "%s.im", name);
        fixture_check(FIX, key, nd_imag(nd_ma_data(got)));
    } else {
        snprintf(key, sizeof key, "%s.data", name);
        fixture_check(FIX, key, nd_ma_getdata(got));
    }
    snprintf(key, sizeof key, "%s.mask", name);
    char *line = fixture_line(FIX, key);
    if (line) {
        CU_ASSERT_FALSE(nd_ma_is_nomask(got));
        if (!nd_ma_is_nomask(got)) fixture_check(FIX, key, nd_ma_getmask(got));
    } else {
        if (!nd_ma_is_nomask(got)) printf("\n%s: expected nomask\n", name);
        CU_ASSERT_TRUE(nd_ma_is_nomask(got));
    }
    free(line);
    nd_ma_free(got);
}

static const char *const INPUTS[] = {
    "f1", "f2", "f3", "nan", "i8", "u8", "i64", "f32", "b", "c", "f32nan", "i16", "nomask", "allmasked",
    "nomask_empty", "empty", "runs", "nothing_masked", "long", "hard", "view", NULL,
};

static void test_sort_argsort(void)
{
    for (const char *const *in = INPUTS; *in; in++) {
        nd_marray *m = input(*in);
        int ndim = nd_ma_ndim(m);
        for (int ax = 0; ax <= ndim; ax++) {
            int axis = ax == ndim ? ND_AXIS_NONE : ax;
            char tag[16], name[128];
            if (ax == ndim) strcpy(tag, "N");
            else snprintf(tag, sizeof tag, "%d", ax);
            for (int e = 0; e < 2; e++) {
                bool endwith = e == 0;
                snprintf(name, sizeof name, "sort.%s.%s.%c", *in, tag, endwith ? 'T' : 'F');
                check_ma(name, nd_ma_sort(m, axis, endwith));
                snprintf(name, sizeof name, "argsort.%s.%s.%c", *in, tag, endwith ? 'T' : 'F');
                fixture_check(FIX, name, nd_ma_argsort(m, axis, endwith));
            }
        }
        /* a negative axis counts from the end */
        if (ndim > 0 && nd_ma_size(m) > 0) {
            nd_array *a = nd_ma_argsort(m, -1, true), *b = nd_ma_argsort(m, ndim - 1, true);
            CU_ASSERT_PTR_NOT_NULL_FATAL(a);
            CU_ASSERT_TRUE(nd_array_equal(a, b, false));
            nd_free(a);
            nd_free(b);
        }
        nd_ma_free(m);
    }
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* Lanes longer than NumPy's insertion-sort cutoff: masked elements tie, and the order
 * among them is the quicksort's own. The valid part must match exactly, the masked
 * indices as a set; the sorted mask and the valid data exactly. */
static void test_long_ties(void)
{
    static const char *const names[] = { "long_ties", "long_ties_i" };
    for (int t = 0; t < 2; t++) {
        nd_marray *m = input(names[t]);
        ptrdiff_t n = nd_ma_size(m), k = n - nd_ma_count_masked(m);
        CU_ASSERT(k < n && k > 0);
        for (int e = 0; e < 2; e++) {
            bool endwith = e == 0;
            char name[128];
            snprintf(name, sizeof name, "argsort.%s.0.%c", names[t], endwith ? 'T' : 'F');
            nd_array *want = fixture_load(FIX, name), *got = nd_ma_argsort(m, 0, endwith);
            CU_ASSERT_PTR_NOT_NULL_FATAL(want);
            CU_ASSERT_PTR_NOT_NULL_FATAL(got);
            int64_t *w = malloc(sizeof *w * (size_t)n), *g = malloc(sizeof *g * (size_t)n);
            nd_to_buffer(want, w, ND_INT64);
            nd_to_buffer(got, g, ND_INT64);
            ptrdiff_t v0 = endwith ? 0 : n - k, m0 = endwith ? k : 0; /* valid / masked starts */
            CU_ASSERT_EQUAL(memcmp(w + v0, g + v0, sizeof *w * (size_t)k), 0);
            qsort(w + m0, (size_t)(n - k), sizeof *w, cmp_i64);
            qsort(g + m0, (size_t)(n - k), sizeof *g, cmp_i64);
            CU_ASSERT_EQUAL(memcmp(w + m0, g + m0, sizeof *w * (size_t)(n - k)), 0);
            free(w);
            free(g);
            nd_free(want);
            nd_free(got);

            snprintf(name, sizeof name, "sort.%s.0.%c", names[t], endwith ? 'T' : 'F');
            nd_marray *s = nd_ma_sort(m, 0, endwith);
            CU_ASSERT_PTR_NOT_NULL_FATAL(s);
            char key[160];
            snprintf(key, sizeof key, "%s.mask", name);
            fixture_check(FIX, key, nd_ma_getmask(s));
            snprintf(key, sizeof key, "%s.data", name);
            nd_array *wd = fixture_load(FIX, key);
            nd_array *gv = nd_ma_compressed(s), *wv = nd_getitem(wd, ND_SLICE(v0, v0 + k, 1));
            CU_ASSERT_TRUE(fixture_same(key, wv, gv, 0.0, true));
            nd_free(gv);
            nd_free(wv);
            nd_free(wd);
            nd_ma_free(s);
        }
        nd_ma_free(m);
    }
}

static void test_sort_keeps_input_and_fill(void)
{
    nd_marray *m = input("f1");
    CU_ASSERT_EQUAL(nd_ma_set_fill_value(m, ND_F64(-7.5)), ND_OK);
    nd_marray *s = nd_ma_sort(m, 0, true);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(nd_ma_fill_value(s).v.f, -7.5);
    nd_ma_free(s);
    /* the input is unchanged */
    check_ma("in.f1", m);
}

static void test_zero_d(void)
{
    double v = 5.0;
    nd_array *d = nd_from_f64(&v, 1), *z = nd_reshape(d, 0, NULL);
    bool t = true;
    nd_array *mk = nd_full(0, NULL, ND_BOOL, ND_BOOL_S(t));
    nd_marray *m = nd_ma_array(z, mk);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    fixture_check(FIX, "argsort.zero_d", nd_ma_argsort(m, -1, true));
    check_ma("sort.zero_d", nd_ma_sort(m, ND_AXIS_NONE, true));
    CU_ASSERT_PTR_NULL(nd_ma_sort(m, -1, true));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_sort: axis -1 is out of bounds for array of dimension 0");
    CU_ASSERT_PTR_NULL(nd_ma_argsort(m, 1, true));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_argsort: axis 1 is out of bounds for array of dimension 1");
    nd_ma_free(m);
    nd_free(mk);
    nd_free(z);
    nd_free(d);
}

static void test_unique(void)
{
    for (const char *const *in = INPUTS; *in; in++) {
        nd_marray *m = input(*in);
        char name[128];
        snprintf(name, sizeof name, "unique.%s", *in);
        check_ma(name, nd_ma_unique(m));
        nd_ma_free(m);
    }
}

static void test_runs(void)
{
    static const char *const fns[] = { "clump_masked", "clump_unmasked", "notmasked_contiguous" };
    nd_array *(*const calls[])(const nd_marray *) = {
        nd_ma_clump_masked, nd_ma_clump_unmasked, nd_ma_notmasked_contiguous,
    };
    for (const char *const *in = INPUTS; *in; in++) {
        nd_marray *m = input(*in);
        char name[128];
        for (int k = 0; k < 3; k++) {
            snprintf(name, sizeof name, "%s.%s", fns[k], *in);
            fixture_check(FIX, name, calls[k](m));
        }
        ptrdiff_t first = 99, last = 99;
        CU_ASSERT_EQUAL(nd_ma_flatnotmasked_edges(m, &first, &last), ND_OK);
        snprintf(name, sizeof name, "edges.%s", *in);
        nd_array *w = fixture_load(FIX, name);
        CU_ASSERT_PTR_NOT_NULL_FATAL(w);
        double want[2];
        nd_to_f64(w, want);
        if (first != (ptrdiff_t)want[0] || last != (ptrdiff_t)want[1])
            printf("\n%s: got %td %td, NumPy %g %g\n", name, first, last, want[0], want[1]);
        CU_ASSERT_EQUAL(first, (ptrdiff_t)want[0]);
        CU_ASSERT_EQUAL(last, (ptrdiff_t)want[1]);
        nd_free(w);
        nd_ma_free(m);
    }
}

static nd_marray *fixture_ma(const char *data, const char *mask)
{
    nd_array *d = fixture_load(FIX, data), *mk = mask ? fixture_load(FIX, mask) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(d);
    nd_marray *m = nd_ma_array(d, mk);
    nd_free(d);
    nd_free(mk);
    return m;
}

/* got (freed here) within 1e-9 of the fixture */
static void check_close(const char *name, nd_array *got)
{
    nd_array *want = fixture_load(FIX, name);
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    if (!got) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_TRUE(fixture_same(name, want, got, 1e-9, true));
    nd_free(want);
    nd_free(got);
}

static void test_polyfit(void)
{
    nd_marray *x = fixture_ma("polyfit.x.data", "polyfit.x.mask");
    nd_marray *y = fixture_ma("polyfit.y.data", "polyfit.y.mask");
    for (int deg = 1; deg <= 3; deg++) {
        char name[32];
        snprintf(name, sizeof name, "polyfit.deg%d", deg);
        check_close(name, nd_ma_polyfit(x, y, deg));
    }
    /* without masks: numpy.polyfit itself (y = x**2 - 1) */
    nd_array *xd = nd_ma_getdata(x);
    nd_array *yd = nd_multiply(xd, xd), *yd1 = nd_subtract(yd, 1.0);
    nd_marray *xn = nd_ma_array(xd, NULL), *yn = nd_ma_array(yd1, NULL);
    /* The exact fit is [1, 0, -1]; the middle coefficient is rounding noise (NumPy's is
     * 4e-16, the LAPACK kernels of another CPU give another), so compare absolutely. */
    nd_array *fit = nd_ma_polyfit(xn, yn, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(fit);
    nd_array *want = fixture_load(FIX, "polyfit.nomask");
    CU_ASSERT_PTR_NOT_NULL_FATAL(want);
    CU_ASSERT_EQUAL(nd_size(fit), 3);
    for (ptrdiff_t i = 0; i < 3 && nd_size(fit) == 3; i++)
        ND_ASSERT_CLOSE(nd_get_f64(fit, 1, &i), nd_get_f64(want, 1, &i), 1e-12);
    nd_free(fit);
    nd_free(want);

    /* errors name nd_ma_polyfit */
    CU_ASSERT_PTR_NULL(nd_ma_polyfit(x, y, -1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_polyfit: expected deg >= 0, got -1");
    CU_ASSERT_PTR_NULL(nd_ma_polyfit(NULL, y, 1));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_polyfit: masked array is NULL");
    nd_marray *short_y = nd_ma_view(y, ":5");
    CU_ASSERT_PTR_NULL(nd_ma_polyfit(x, short_y, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_polyfit: x and y have different lengths (11 and 5)");
    ptrdiff_t shape[2] = { 11, 1 };
    nd_marray *y2 = nd_ma_reshape(y, 2, shape);
    CU_ASSERT_PTR_NULL(nd_ma_polyfit(x, y2, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_polyfit: x and y must be 1-d, got 1-d and 2-d");
    nd_array *ones = nd_ones(1, (ptrdiff_t[]){ 11 }, ND_BOOL);
    nd_marray *all = nd_ma_array(xd, ones);
    CU_ASSERT_PTR_NULL(nd_ma_polyfit(x, all, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(),
                           "nd_ma_polyfit: every point is masked (expected non-empty vector for x)");
    nd_ma_free(all);
    nd_free(ones);
    nd_ma_free(y2);
    nd_ma_free(short_y);
    nd_ma_free(xn);
    nd_ma_free(yn);
    nd_free(xd);
    nd_free(yd);
    nd_free(yd1);
    nd_ma_free(x);
    nd_ma_free(y);
}

static void test_errors(void)
{
    CU_ASSERT_PTR_NULL(nd_ma_sort(NULL, 0, true));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_sort: masked array is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_argsort(NULL, 0, true));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_argsort: masked array is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_unique(NULL));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_unique: masked array is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_clump_masked(NULL));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_clump_masked: masked array is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_clump_unmasked(NULL));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_clump_unmasked: masked array is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_notmasked_contiguous(NULL));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_notmasked_contiguous: masked array is NULL");
    ptrdiff_t a, b;
    CU_ASSERT_EQUAL(nd_ma_flatnotmasked_edges(NULL, &a, &b), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_flatnotmasked_edges: masked array is NULL");
    nd_marray *m = input("f2");
    CU_ASSERT_EQUAL(nd_ma_flatnotmasked_edges(m, NULL, &b), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_flatnotmasked_edges: output pointer is NULL");
    CU_ASSERT_PTR_NULL(nd_ma_sort(m, 2, true));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_sort: axis 2 is out of bounds for array of dimension 2");
    CU_ASSERT_PTR_NULL(nd_ma_argsort(m, -3, false));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_argsort: axis -3 is out of bounds for array of dimension 2");
    nd_marray *nm = input("nomask");
    CU_ASSERT_PTR_NULL(nd_ma_sort(nm, 5, true));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_ma_sort: axis 5 is out of bounds for array of dimension 2");
    nd_ma_free(nm);
    nd_ma_free(m);
}

/* ---- out of memory: every allocation failing in turn ---------------------------------- */
static nd_status fs_body(void *ctx)
{
    const nd_marray *m = ctx;
    nd_marray *s = nd_ma_sort(m, 1, true);
    if (!s) return nd_last_error();
    nd_ma_free(s);
    nd_marray *u = nd_ma_unique(m);
    if (!u) return nd_last_error();
    nd_ma_free(u);
    nd_array *r = nd_ma_clump_unmasked(m);
    if (!r) return nd_last_error();
    nd_free(r);
    ptrdiff_t a, b;
    return nd_ma_flatnotmasked_edges(m, &a, &b);
}

static void test_faultsim(void)
{
    nd_marray *m = input("f2");
    faultsim_report r = faultsim_run("ma_sort", fs_body, m);
    if (!r.ok) printf("\n%s\n", r.why);
    CU_ASSERT_TRUE(r.ok);
    nd_ma_free(m);
}

static const ND_TEST tests[] = {
    ND_T(test_sort_argsort), ND_T(test_long_ties), ND_T(test_sort_keeps_input_and_fill), ND_T(test_zero_d),
    ND_T(test_unique), ND_T(test_runs), ND_T(test_polyfit), ND_T(test_errors),
    ND_T(test_faultsim), { 0 },
};

ND_TEST_MAIN("ma_sort", tests)
