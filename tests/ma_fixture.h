/* The NumPy fixtures of the masked-array tests (scripts/gen_ma_*_fixtures.py): masked
 * inputs and masked results read from one fixture file and compared with what numc gives.
 * The including test defines MA_FX (the fixture file) and MA_RTOL (the tolerance of
 * check) first. A masked result `r` is four lines: r_d (the data, under the mask too),
 * r_m (the full mask), r_nomask (1 when NumPy's mask is nomask) and r_fill. */
#ifndef NUMC_TEST_MA_FIXTURE_H
#define NUMC_TEST_MA_FIXTURE_H

#include <numc/ma.h>

#include "fixture.h"

#if !defined(MA_FX) || !defined(MA_RTOL)
#error "define MA_FX (the fixture file) and MA_RTOL before including ma_fixture.h"
#endif

static nd_array *in(const char *name)
{
    nd_array *a = fixture_load(MA_FX, name);
    if (!a) printf("\nfixture input %s missing\n", name);
    return a;
}

/* The masked input in_<name> (mask in_<name>_m; none: nomask). */
static nd_marray *min_(const char *name)
{
    char n[64];
    snprintf(n, sizeof n, "in_%s", name);
    nd_array *d = in(n);
    snprintf(n, sizeof n, "in_%s_m", name);
    nd_array *k = fixture_load(MA_FX, n);
    nd_marray *m = d ? nd_ma_array(d, k) : NULL;
    nd_free(d);
    nd_free(k);
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    return m;
}

static double fx1(const char *name)
{
    double v = NAN;
    if (fixture_values(MA_FX, name, &v, 1) != 1) printf("\nfixture %s missing\n", name);
    return v;
}

/* got against want: dtype, shape, then every value (under the mask too when `under`;
 * NaN equals NaN) within rtol; `mask` NULL compares everything. */
static bool same_values(const char *name, const nd_array *want, const nd_array *got,
                        const nd_array *mask, bool under, double rtol)
{
    bool ok = want && got && nd_dtype_of(got) == nd_dtype_of(want) && nd_ndim(got) == nd_ndim(want) &&
              !memcmp(nd_shape(got), nd_shape(want), sizeof(ptrdiff_t) * (size_t)nd_ndim(want));
    if (!ok) {
        printf("\n%s: dtype/shape differ (got %s ndim %d, want %s ndim %d)\n", name,
               got ? nd_dtype_name(nd_dtype_of(got)) : "NULL", got ? nd_ndim(got) : -1,
               want ? nd_dtype_name(nd_dtype_of(want)) : "NULL", want ? nd_ndim(want) : -1);
        return false;
    }
    for (ptrdiff_t i = 0; i < nd_size(want); i++) {
        nd_scalar a, b, k;
        nd_get_flat(got, i, &a);
        nd_get_flat(want, i, &b);
        if (mask && !under && (nd_get_flat(mask, i, &k), k.v.b))
            continue;
        double x = nd_scalar_as_f64(a), y = nd_scalar_as_f64(b);
        if (!(x == y || (x != x && y != y) || fabs(x - y) <= rtol * fabs(y))) {
            printf("\n%s[%td]: got %.17g want %.17g\n", name, i, x, y);
            ok = false;
        }
    }
    return ok;
}

/* m against the fixtures name_d / name_m / name_nomask / name_fill (nomask is checked for
 * results of at least one dimension: NumPy's 0-d results are scalars). Frees m. */
static void check_(const char *name, nd_marray *m, bool under, double rtol)
{
    char n[96];
    if (!m) printf("\n%s: NULL (%s)\n", name, nd_errmsg());
    CU_ASSERT_PTR_NOT_NULL_FATAL(m);
    snprintf(n, sizeof n, "%s_m", name);
    nd_array *wm = fixture_load(MA_FX, n), *gm = nd_ma_getmaskarray(m);
    if (!wm) printf("\nfixture %s missing\n", n);
    CU_ASSERT_TRUE(same_values(n, wm, gm, NULL, true, 0.0));
    snprintf(n, sizeof n, "%s_d", name);
    nd_array *wd = fixture_load(MA_FX, n);
    CU_ASSERT_TRUE(same_values(n, wd, nd_ma_data(m), wm, under, rtol));
    if (nd_ma_ndim(m) > 0) {
        snprintf(n, sizeof n, "%s_nomask", name);
        bool want = fx1(n) != 0;
        if (nd_ma_is_nomask(m) != want) printf("\n%s: nomask %d, NumPy %d\n", name, nd_ma_is_nomask(m), want);
        CU_ASSERT_EQUAL(nd_ma_is_nomask(m), want);
    }
    snprintf(n, sizeof n, "%s_fill", name);
    double fill = nd_scalar_as_f64(nd_ma_fill_value(m)), want = fx1(n);
    if (fill != want) printf("\n%s: fill %.17g, NumPy %.17g\n", name, fill, want);
    CU_ASSERT_EQUAL(fill, want);
    nd_free(wm);
    nd_free(gm);
    nd_free(wd);
    nd_ma_free(m);
}
static void check(const char *name, nd_marray *m) { check_(name, m, true, MA_RTOL); }

#endif
