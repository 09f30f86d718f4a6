/* numpy.emath (ufunc.h: nd_emath_*) against NumPy 1.24: the cases of
 * tests/data/ufunc/emath/manifest.txt, written with the .npy fixtures by
 * tests/data/ufunc/gen_emath.py (real input that stays real, negative / |x| > 1 input that
 * turns the whole result complex, float32 → complex64, int64 → float64 or complex128,
 * int16 → complex64, complex input, empty, 0-d, reversed, strided and transposed views,
 * logn and power with scalars and arrays), plus scalars, NULL arguments and errors. */
#include "testutil.h"

#include <numc/numc.h>
#include <stdio.h>
#include <string.h>

#define DIR NUMC_TEST_DATA "/ufunc/emath/"

static nd_array *load(const char *prefix, const char *name)
{
    return test_load_npy(DIR, prefix, name);
}

/* "s:f:-2.0" / "s:i:2": a C scalar; otherwise in_NAME.npy (owned in *own). */
static nd_operand operand(const char *tok, nd_array **own)
{
    *own = NULL;
    if (strncmp(tok, "s:f:", 4) == 0) return nd_op_f64(strtod(tok + 4, NULL));
    if (strncmp(tok, "s:i:", 4) == 0) return nd_op_i64(strtoll(tok + 4, NULL, 10));
    *own = load("in_", tok);
    return nd_op_array(*own);
}

static nd_array *call(const char *fn, nd_operand a, nd_operand b)
{
    if (!strcmp(fn, "sqrt")) return nd_emath_sqrt_(a);
    if (!strcmp(fn, "log")) return nd_emath_log_(a);
    if (!strcmp(fn, "log2")) return nd_emath_log2_(a);
    if (!strcmp(fn, "log10")) return nd_emath_log10_(a);
    if (!strcmp(fn, "arccos")) return nd_emath_arccos_(a);
    if (!strcmp(fn, "arcsin")) return nd_emath_arcsin_(a);
    if (!strcmp(fn, "arctanh")) return nd_emath_arctanh_(a);
    if (!strcmp(fn, "logn")) return nd_emath_logn_(a, b);
    if (!strcmp(fn, "power")) return nd_emath_power_(a, b);
    return NULL;
}

static bool same_shape(const nd_array *a, const nd_array *b)
{
    if (nd_ndim(a) != nd_ndim(b)) return false;
    for (int d = 0; d < nd_ndim(a); d++)
        if (nd_shape(a)[d] != nd_shape(b)[d]) return false;
    return true;
}

static void test_manifest_against_numpy(void)
{
    FILE *f = fopen(DIR "manifest.txt", "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    char fn[32], cname[64], view[32], in1[64], in2[64], out[128];
    int ncases = 0, bad = 0;
    while (fscanf(f, "%31s %63s %31s %63s %63s %127s", fn, cname, view, in1, in2, out) == 6) {
        ncases++;
        nd_array *o1 = NULL, *o2 = NULL, *v = NULL;
        nd_operand a = operand(in1, &o1), b = nd_op_f64(0);
        if (strcmp(in2, "-")) b = operand(in2, &o2);
        if (strcmp(view, "-")) {
            v = !strcmp(view, "T") ? nd_transpose(o1, NULL) : nd_view(o1, view);
            CU_ASSERT_PTR_NOT_NULL(v);
            a = nd_op_array(v);
        }
        nd_array *want = load("out_", out);
        nd_array *got = call(fn, a, b);
        const char *why = NULL;
        char *report = NULL;
        if (!want || !got) {
            why = got ? "fixture missing" : nd_errmsg();
        } else if (nd_dtype_of(got) != nd_dtype_of(want)) {
            why = "dtype";
        } else if (!same_shape(got, want)) {
            why = "shape";
        } else {
            bool f32 = nd_dtype_of(want) == ND_FLOAT32 || nd_dtype_of(want) == ND_COMPLEX64;
            if (nd_assert_allclose(got, want, .rtol = f32 ? 2e-6 : 1e-13, .atol = 1e-300,
                                   .report = &report) != ND_OK)
                why = report ? report : nd_errmsg();
        }
        if (why) {
            bad++;
            fprintf(stderr, "  nd_emath_%s %s: %s (got %s, want %s)\n", fn, cname, why,
                    got ? nd_dtype_name(nd_dtype_of(got)) : "NULL",
                    want ? nd_dtype_name(nd_dtype_of(want)) : "NULL");
        }
        nd_free_mem(report);
        nd_free(got);
        nd_free(want);
        nd_free(v);
        nd_free(o1);
        nd_free(o2);
    }
    fclose(f);
    nd_seterr_(&old);
    CU_ASSERT(ncases >= 140);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_scalars(void)
{
    nd_array *r = nd_emath_sqrt(-4.0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(nd_ndim(r), 0);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_COMPLEX128);
    double re, im;
    CU_ASSERT_EQUAL(nd_item_c128(r, &re, &im), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(re, 0.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(im, 2.0, 0);
    nd_free(r);

    r = nd_emath_sqrt(4); /* int scalar, in the domain: float64 */
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(r), 2.0, 0);
    nd_free(r);

    r = nd_emath_log(-1); /* pi j */
    CU_ASSERT_EQUAL(nd_item_c128(r, &re, &im), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(re, 0.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(im, 3.141592653589793, 1e-15);
    nd_free(r);

    r = nd_emath_arcsin(2.0); /* NumPy: (1.5707963267948966+1.3169578969248164j) */
    CU_ASSERT_EQUAL(nd_item_c128(r, &re, &im), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(re, 1.5707963267948966, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(im, 1.3169578969248164, 1e-15);
    nd_free(r);

    r = nd_emath_power(-8, 1.0 / 3); /* NumPy: (1.0000000000000002+1.7320508075688772j) */
    CU_ASSERT_EQUAL(nd_item_c128(r, &re, &im), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(re, 1.0, 1e-15);
    CU_ASSERT_DOUBLE_EQUAL(im, 1.7320508075688772, 1e-15);
    nd_free(r);

    r = nd_emath_power(2, -2); /* int exponent < 0 → float64: 0.25 */
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(r), 0.25, 0);
    nd_free(r);

    r = nd_emath_logn(2, 8.0);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(r), 3.0, 1e-15);
    nd_free(r);
}

/* Unsigned, bool and NaN input are never out of the domain. */
static void test_stays_real(void)
{
    const uint8_t u[3] = { 1, 4, 9 };
    nd_array *a = nd_from_buffer(u, ND_SHAPE(3), ND_UINT8);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    nd_array *r = nd_emath_sqrt(a);
    /* NumPy gives float16; numc has no float16 and its nd_sqrt gives float32 */
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT32);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(2)), 3.0, 0);
    nd_free(r);
    nd_free(a);

    const double x[2] = { NAN, -0.0 };
    a = nd_from_f64(x, 2);
    r = nd_emath_log(a);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    nd_free(r);
    r = nd_emath_sqrt(a);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    CU_ASSERT(signbit(nd_get_f64(r, ND_IDX(1))));
    nd_free(r);
    nd_free(a);
}

static void test_errors(void)
{
    nd_clear_error();
    CU_ASSERT_PTR_NULL(nd_emath_sqrt_(nd_op_array(NULL)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_emath_sqrt: array is NULL");
    CU_ASSERT_PTR_NULL(nd_emath_logn_(nd_op_f64(2), nd_op_array(NULL)));
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_emath_logn: array is NULL");
    CU_ASSERT_PTR_NULL(nd_emath_power_(nd_op_f64(2), nd_op_array(NULL)));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);

    nd_array *a = nd_zeros(ND_SHAPE(3), ND_FLOAT64), *b = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_emath_power(a, b));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_STRING_EQUAL(nd_errmsg(), "nd_emath_power: operands could not be broadcast "
                                        "together with shapes (3,) (4,)");
    nd_free(a);
    nd_free(b);
}

static const ND_TEST tests[] = {
    ND_T(test_manifest_against_numpy),
    ND_T(test_scalars),
    ND_T(test_stays_real),
    ND_T(test_errors),
    { 0 },
};
ND_TEST_MAIN("emath", tests)
