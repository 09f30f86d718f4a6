/* Elementwise functions against NumPy fixtures, plus the engine's behaviours:
 * broadcasting, out/where/dtype/casting options, overlap, scalars, errors. */
#define _GNU_SOURCE
#include "test_ufunc_fixture.h"

#include <float.h>
#include <numc/threads.h>

/* ---- fixture driver ------------------------------------------------------------------- */
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

static int ufunc_by_name(const char *name)
{
    for (int f = 0; f < ND_UF_COUNT; f++)
        if (!strcmp(nd_ufunc_name((nd_ufunc)f), name)) return f;
    if (!strcmp(name, "fix")) return ND_UF_FIX;
    return -1;
}

/* Relative tolerance per function: exact for arithmetic, comparisons, bit and rounding
 * operations; a few ULP for transcendentals (NumPy and numc use different libraries). */
static double tolerance(const char *fn, nd_dtype t)
{
    static const char *const approx[] = {
        "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
        "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
        "logaddexp", "logaddexp2", "arctan2", "hypot", "sinc", "power", "float_power",
        "divide", "reciprocal", "sqrt", "angle", "deg2rad", "rad2deg", "absolute", NULL
    };
    for (int i = 0; approx[i]; i++) {
        if (strcmp(fn, approx[i])) continue;
        if (t == ND_FLOAT32 || t == ND_COMPLEX64) return 8 * FLT_EPSILON;
        return 8 * DBL_EPSILON;
    }
    return 0;
}

static nd_operand scalar_operand(const char *kind, const char *val)
{
    switch (kind[0]) {
    case 'i': return nd_op_scalar(ND_I64(strtoll(val, NULL, 10)));
    case 'f': return nd_op_scalar(ND_F64(strtod(val, NULL)));
    case 'b': return nd_op_scalar(ND_BOOL_S(atoi(val) != 0));
    default: return nd_op_scalar(ND_C128(strtod(val, NULL), 0)); /* not used */
    }
}

typedef struct counts {
    int run, failed;
} counts;

static void run_line(ufx_line *l, counts *c)
{
    const char *kind = l->tok[0];
    if (!strcmp(kind, "I")) {
        int pos = 2;
        if (ninputs < MAXIN) {
            snprintf(inputs[ninputs].name, sizeof inputs[ninputs].name, "%s", l->tok[1]);
            inputs[ninputs].a = ufx_array(l, &pos);
            ninputs++;
        }
        return;
    }
    if (strcmp(kind, "U") && strcmp(kind, "B") && strcmp(kind, "S") && strcmp(kind, "L")) return;
    const char *fn = l->tok[1];
    int f = ufunc_by_name(fn);
    nd_operand in[2];
    int pos;
    char what[160];
    if (!strcmp(kind, "U")) {
        in[0] = nd_op_array(input(l->tok[2]));
        pos = 3;
        snprintf(what, sizeof what, "%s(%s)", fn, l->tok[2]);
    } else if (!strcmp(kind, "B")) {
        in[0] = nd_op_array(input(l->tok[2]));
        in[1] = nd_op_array(input(l->tok[3]));
        pos = 4;
        snprintf(what, sizeof what, "%s(%s, %s)", fn, l->tok[2], l->tok[3]);
    } else if (!strcmp(kind, "S")) {
        in[0] = nd_op_array(input(l->tok[2]));
        in[1] = l->tok[3][0] == 'c' ? nd_op_scalar(ND_C128(0, 1)) : scalar_operand(l->tok[3], l->tok[4]);
        pos = 5;
        snprintf(what, sizeof what, "%s(%s, %s %s)", fn, l->tok[2], l->tok[3], l->tok[4]);
    } else {
        in[0] = l->tok[2][0] == 'c' ? nd_op_scalar(ND_C128(0, 1)) : scalar_operand(l->tok[2], l->tok[3]);
        in[1] = nd_op_array(input(l->tok[4]));
        pos = 5;
        snprintf(what, sizeof what, "%s(%s %s, %s)", fn, l->tok[2], l->tok[3], l->tok[4]);
    }
    c->run++;
    CU_ASSERT_TRUE_FATAL(f >= 0);
    nd_array *got = nd_ufunc_apply((nd_ufunc)f, in, NULL);
    bool ok;
    if (!strcmp(l->tok[pos], "ERR")) {
        ok = got == NULL && (nd_last_error() == ND_EDTYPE || nd_last_error() == ND_EVALUE);
        if (!ok) printf("\n%s: expected an error, got a result\n", what);
    } else {
        nd_array *want = ufx_array(l, &pos);
        ok = ufx_equal(got, want, tolerance(fn, nd_dtype_of(want)), what);
        nd_free(want);
    }
    nd_free(got);
    if (!ok) c->failed++;
    CU_ASSERT_TRUE(ok);
}

static void run_fixtures(const char *kinds)
{
    FILE *fp = fopen(UFX_PATH, "r");
    CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
    char *line = NULL;
    size_t cap = 0;
    counts c = { 0, 0 };
    static ufx_line l;
    nd_errstate old = nd_seterr(.all = ND_ERR_IGNORE);
    while (getline(&line, &cap, fp) > 0) {
        if (!strchr(kinds, line[0]) && line[0] != 'I') continue;
        ufx_split(&l, line);
        if (l.ntok > 0) run_line(&l, &c);
    }
    nd_seterr_(&old);
    printf(" [%d cases, %d failed] ", c.run, c.failed);
    free(line);
    fclose(fp);
    for (int i = 0; i < ninputs; i++) nd_free(inputs[i].a);
    ninputs = 0;
}

static void test_unary_fixtures(void) { run_fixtures("U"); }
static void test_binary_fixtures(void) { run_fixtures("B"); }
static void test_scalar_operand_fixtures(void) { run_fixtures("SL"); }

/* ---- behaviours ----------------------------------------------------------------------- */
static nd_array *vec(const double *v, ptrdiff_t n) { return nd_from_f64(v, n); }

static void test_broadcast_column_plus_row(void)
{
    nd_array *col = nd_arange(0, 3, 1, ND_FLOAT64), *row = nd_arange(0, 4, 1, ND_FLOAT64);
    nd_array *c2 = nd_reshape(col, ND_SHAPE(3, 1));
    nd_array *s = nd_add(c2, row);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    CU_ASSERT_EQUAL(nd_ndim(s), 2);
    CU_ASSERT_EQUAL(nd_shape(s)[0], 3);
    CU_ASSERT_EQUAL(nd_shape(s)[1], 4);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s, ND_IDX(2, 3)), 5.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s, ND_IDX(1, 0)), 1.0, 0);
    nd_free(s);
    nd_free(c2);
    nd_free(col);
    nd_free(row);
}

static void test_broadcast_mismatch_is_eshape(void)
{
    nd_array *a = nd_zeros(ND_SHAPE(3, 4), ND_FLOAT64), *b = nd_zeros(ND_SHAPE(5), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_add(a, b));
    CU_ASSERT_EQUAL(nd_last_error(), ND_ESHAPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "nd_add"));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "(3, 4)"));
    nd_free(a);
    nd_free(b);
}

static void test_into_writes_out_and_checks_shape(void)
{
    nd_array *a = nd_arange(0, 6, 1, ND_FLOAT64), *out = nd_zeros(ND_SHAPE(6), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_multiply_into(out, a, 2.5), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, ND_IDX(4)), 10.0, 0);
    nd_array *bad = nd_zeros(ND_SHAPE(5), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_multiply_into(bad, a, 2.5), ND_ESHAPE);
    /* out may be larger than the inputs: they broadcast to it */
    nd_array *big = nd_zeros(ND_SHAPE(2, 6), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_add_into(big, a, 1), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(big, ND_IDX(1, 5)), 6.0, 0);
    nd_free(a);
    nd_free(out);
    nd_free(bad);
    nd_free(big);
}

static void test_into_casting_rules(void)
{
    nd_array *a = nd_arange(0, 4, 1, ND_FLOAT64), *iout = nd_zeros(ND_SHAPE(4), ND_INT32);
    CU_ASSERT_EQUAL(nd_add_into(iout, a, 0.5), ND_EDTYPE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "same_kind"));
    CU_ASSERT_EQUAL(nd_add_into(iout, a, 0.5, .casting = ND_CAST_UNSAFE), ND_OK);
    CU_ASSERT_EQUAL(nd_get_i64(iout, ND_IDX(3)), 3);
    /* int32 + int32 into float64 is a safe output cast */
    nd_array *i = nd_arange(0, 4, 1, ND_INT32), *fout = nd_zeros(ND_SHAPE(4), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_add_into(fout, i, i), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(fout, ND_IDX(3)), 6.0, 0);
    nd_free(a);
    nd_free(iout);
    nd_free(i);
    nd_free(fout);
}

static void test_dtype_option_selects_loop(void)
{
    nd_array *a = nd_arange(0, 4, 1, ND_FLOAT64);
    nd_array *r = nd_sqrt(a, .dtype = ND_FLOAT32);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT32);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(2)), (double)sqrtf(2.0f), 0);
    nd_free(r);
    CU_ASSERT_PTR_NULL(nd_add(a, a, .dtype = ND_INT32));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(a);
}

static void test_where_leaves_unselected(void)
{
    nd_array *a = nd_arange(0, 6, 1, ND_FLOAT64);
    nd_array *m = nd_less(a, 2.5);
    nd_array *out = nd_full(ND_SHAPE(6), ND_FLOAT64, ND_F64(-1));
    CU_ASSERT_EQUAL(nd_add_into(out, a, 10, .where = m), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, ND_IDX(2)), 12.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(out, ND_IDX(3)), -1.0, 0);
    /* a fresh output is zero where the mask is false */
    nd_array *fresh = nd_add(a, 10, .where = m);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(fresh, ND_IDX(5)), 0.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(fresh, ND_IDX(0)), 10.0, 0);
    nd_free(a);
    nd_free(m);
    nd_free(out);
    nd_free(fresh);
}

static void test_overlap_shifted_view_is_copied(void)
{
    /* out = a[1:], input a[:-1]: NumPy semantics read the original values */
    nd_array *a = nd_arange(0, 6, 1, ND_FLOAT64);
    nd_array *dst = nd_view(a, "1:"), *src = nd_view(a, ":-1");
    CU_ASSERT_EQUAL(nd_add_into(dst, src, 0), ND_OK);
    double want[6] = { 0, 0, 1, 2, 3, 4 };
    for (int i = 0; i < 6; i++) CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(a, ND_IDX(i)), want[i], 0);
    nd_free(dst);
    nd_free(src);
    /* in place with identical layout needs no copy and is fine */
    CU_ASSERT_EQUAL(nd_multiply_into(a, a, a), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(a, ND_IDX(5)), 16.0, 0);
    /* reversed view onto itself */
    nd_array *b = nd_arange(0, 5, 1, ND_FLOAT64), *rev = nd_view(b, "::-1");
    CU_ASSERT_EQUAL(nd_add_into(b, rev, 0), ND_OK);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(b, ND_IDX(0)), 4.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(b, ND_IDX(4)), 0.0, 0);
    nd_free(rev);
    nd_free(b);
    nd_free(a);
}

static void test_transposed_input_gives_f_order_output(void)
{
    nd_array *a = nd_arange(0, 12, 1, ND_FLOAT64), *m = nd_reshape(a, ND_SHAPE(3, 4));
    nd_array *t = nd_transpose(m, NULL);
    nd_array *e = nd_negative(t);
    CU_ASSERT_TRUE(nd_is_f_contiguous(e));
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(e, ND_IDX(3, 1)), -7.0, 0);
    nd_free(e);
    nd_free(t);
    nd_free(m);
    nd_free(a);
}

static void test_strided_and_readonly(void)
{
    nd_array *a = nd_arange(0, 10, 1, ND_FLOAT64);
    nd_array *ev = nd_view(a, "::2"), *od = nd_view(a, "1::2");
    nd_array *s = nd_add(ev, od);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(s, ND_IDX(4)), 17.0, 0);
    nd_array *bc = nd_broadcast_to(ev, ND_SHAPE(2, 5));
    CU_ASSERT_EQUAL(nd_add_into(bc, bc, 1), ND_EVALUE);
    nd_free(bc);
    nd_free(s);
    nd_free(ev);
    nd_free(od);
    nd_free(a);
}

static void test_scalar_promotion(void)
{
    nd_array *f4 = nd_zeros(ND_SHAPE(3), ND_FLOAT32), *i8 = nd_zeros(ND_SHAPE(3), ND_INT8);
    nd_array *r;
    r = nd_multiply(f4, 2.5);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT32);
    nd_free(r);
    r = nd_add(i8, 2.5);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_FLOAT64);
    nd_free(r);
    r = nd_add(i8, 100);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_INT8);
    nd_free(r);
    r = nd_add(i8, 300);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_INT16);
    nd_free(r);
    r = nd_add(f4, (double _Complex)1.0);
    CU_ASSERT_EQUAL(nd_dtype_of(r), ND_COMPLEX64);
    nd_free(r);
    r = nd_add(2, 3.5); /* two scalars: a 0-d result */
    CU_ASSERT_EQUAL(nd_ndim(r), 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_item_f64(r), 5.5, 0);
    nd_free(r);
    nd_free(f4);
    nd_free(i8);
}

static void test_integer_division_by_zero(void)
{
    nd_array *a = nd_from_i64((int64_t[]){ 7, -7, 0 }, 3);
    nd_errstate old = nd_seterr(.divide = ND_ERR_IGNORE);
    nd_array *q = nd_floor_divide(a, 0), *r = nd_remainder(a, 0);
    CU_ASSERT_EQUAL(nd_get_i64(q, ND_IDX(0)), 0);
    CU_ASSERT_EQUAL(nd_get_i64(r, ND_IDX(1)), 0);
    nd_free(q);
    nd_free(r);
    nd_seterr(.divide = ND_ERR_RAISE);
    CU_ASSERT_PTR_NULL(nd_floor_divide(a, 0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "divide by zero"));
    nd_seterr_(&old);
    nd_free(a);
}

static int warn_count;
static unsigned warn_bits;
static void count_warnings(const char *msg, unsigned bits, void *ctx)
{
    (void)msg;
    (void)ctx;
    warn_count++;
    warn_bits |= bits;
}

static void test_seterr_modes(void)
{
    nd_array *a = vec((double[]){ 1, 0, -1 }, 3);
    nd_errstate old = nd_seterr(.all = ND_ERR_WARN);
    nd_seterrcall(count_warnings, NULL);
    warn_count = 0;
    warn_bits = 0;
    nd_array *r = nd_divide(a, 0.0); /* 1/0 divide, 0/0 invalid */
    CU_ASSERT_PTR_NOT_NULL(r);
    CU_ASSERT_EQUAL(warn_count, 2);
    CU_ASSERT_EQUAL(warn_bits, ND_FPE_DIVIDE | ND_FPE_INVALID);
    nd_free(r);
    nd_seterr(.invalid = ND_ERR_RAISE, .divide = ND_ERR_IGNORE);
    CU_ASSERT_PTR_NULL(nd_divide(a, 0.0));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_errstate now = nd_geterr();
    CU_ASSERT_EQUAL(now.invalid, ND_ERR_RAISE);
    CU_ASSERT_EQUAL(now.divide, ND_ERR_IGNORE);
    CU_ASSERT_EQUAL(now.over, ND_ERR_WARN);
    nd_array *big = vec((double[]){ 1e308 }, 1);
    warn_count = 0;
    r = nd_multiply(big, 10);
    CU_ASSERT_EQUAL(warn_count, 1);
    CU_ASSERT_EQUAL(warn_bits & ND_FPE_OVERFLOW, ND_FPE_OVERFLOW);
    nd_free(r);
    nd_seterrcall(NULL, NULL);
    nd_seterr_(&old);
    nd_errstate back = nd_geterr();
    CU_ASSERT_EQUAL(back.divide, ND_ERR_WARN);
    CU_ASSERT_EQUAL(back.under, ND_ERR_IGNORE);
    nd_free(big);
    nd_free(a);
}

static void test_integer_negative_power_is_error(void)
{
    nd_array *a = nd_from_i64((int64_t[]){ 2, 3 }, 2);
    CU_ASSERT_PTR_NULL(nd_power(a, -1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_array *p = nd_power(a, 10);
    CU_ASSERT_EQUAL(nd_get_i64(p, ND_IDX(1)), 59049);
    nd_free(p);
    nd_free(a);
}

static void test_bitwise_on_float_is_edtype(void)
{
    nd_array *a = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    CU_ASSERT_PTR_NULL(nd_bitwise_and(a, a));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    CU_ASSERT_PTR_NULL(nd_left_shift(a, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_array *b = nd_zeros(ND_SHAPE(2), ND_BOOL);
    CU_ASSERT_PTR_NULL(nd_subtract(b, b));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EDTYPE);
    nd_free(a);
    nd_free(b);
}

static void test_null_operand_is_error(void)
{
    nd_array *nul = NULL;
    CU_ASSERT_PTR_NULL(nd_add(nul, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
}

static void test_divmod_matches_floor_divide_and_remainder(void)
{
    nd_array *a = vec((double[]){ 7, -7, 7.5, -0.5 }, 4);
    nd_array *q = NULL, *r = NULL;
    CU_ASSERT_EQUAL(nd_divmod(a, 2, &q, &r), ND_OK);
    double wq[4] = { 3, -4, 3, -1 }, wr[4] = { 1, 1, 1.5, 1.5 };
    for (int i = 0; i < 4; i++) {
        CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(q, ND_IDX(i)), wq[i], 0);
        CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(i)), wr[i], 0);
    }
    nd_free(q);
    nd_free(r);
    nd_free(a);
}

static void test_clip_bounds_and_nan(void)
{
    nd_array *a = vec((double[]){ -5, 0.5, 9, NAN }, 4);
    nd_array *c = nd_clip(a, 0, 1);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(c, ND_IDX(0)), 0.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(c, ND_IDX(1)), 0.5, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(c, ND_IDX(2)), 1.0, 0);
    CU_ASSERT_TRUE(isnan(nd_get_f64(c, ND_IDX(3))));
    nd_free(c);
    c = nd_clip(a, ND_NOBOUND, 1);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(c, ND_IDX(0)), -5.0, 0);
    nd_free(c);
    CU_ASSERT_PTR_NULL(nd_clip(a, ND_NOBOUND, ND_NOBOUND));
    nd_array *i = nd_from_i64((int64_t[]){ -3, 4, 10 }, 3);
    c = nd_clip(i, 0, 5);
    CU_ASSERT_EQUAL(nd_dtype_of(c), ND_INT64);
    CU_ASSERT_EQUAL(nd_get_i64(c, ND_IDX(2)), 5);
    nd_free(c);
    nd_free(i);
    nd_free(a);
}

static void test_around_floats_and_ints(void)
{
    nd_array *a = vec((double[]){ 1.25, 2.5, -0.5, 1234.5678, 1250, 1350 }, 6);
    nd_array *r1 = nd_around(a, 1), *r2 = nd_around(a, -2), *r0 = nd_around(a, 0);
    double w1[6] = { 1.2, 2.5, -0.5, 1234.6, 1250, 1350 };
    double w2[6] = { 0, 0, -0.0, 1200, 1200, 1400 };
    double w0[6] = { 1, 2, -0.0, 1235, 1250, 1350 };
    for (int k = 0; k < 6; k++) {
        CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r1, ND_IDX(k)), w1[k], 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r2, ND_IDX(k)), w2[k], 0);
        CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r0, ND_IDX(k)), w0[k], 0);
    }
    nd_array *i = nd_from_i64((int64_t[]){ 15, 25, -15, -25, 14, 16, 5, -5 }, 8);
    nd_array *ri = nd_around(i, -1);
    int64_t wi[8] = { 20, 20, -20, -20, 10, 20, 0, 0 };
    CU_ASSERT_EQUAL(nd_dtype_of(ri), ND_INT64);
    for (int k = 0; k < 8; k++) CU_ASSERT_EQUAL(nd_get_i64(ri, ND_IDX(k)), wi[k]);
    nd_free(r0);
    nd_free(r1);
    nd_free(r2);
    nd_free(ri);
    nd_free(i);
    nd_free(a);
}

static void test_nan_to_num_defaults_and_values(void)
{
    nd_array *a = vec((double[]){ NAN, INFINITY, -INFINITY, 1 }, 4);
    nd_array *r = nd_nan_to_num(a, 0, NAN, NAN);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(0)), 0.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(1)), DBL_MAX, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(2)), -DBL_MAX, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(3)), 1.0, 0);
    nd_free(r);
    r = nd_nan_to_num(a, -1, 5, -5);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(0)), -1.0, 0);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(1)), 5.0, 0);
    nd_free(r);
    nd_free(a);
}

static void test_isclose_allclose_array_equal(void)
{
    nd_array *a = vec((double[]){ 1e10, 1e-7, INFINITY, NAN }, 4);
    nd_array *b = vec((double[]){ 1.00001e10, 1e-8, INFINITY, NAN }, 4);
    nd_array *c = nd_isclose(a, b, 1e-5, 1e-8, false);
    bool want[4] = { true, false, true, false };
    for (int i = 0; i < 4; i++) CU_ASSERT_EQUAL(nd_get_bool(c, ND_IDX(i)), want[i]);
    nd_free(c);
    c = nd_isclose(a, b, 1e-5, 1e-8, true);
    CU_ASSERT_TRUE(nd_get_bool(c, ND_IDX(3)));
    nd_free(c);
    CU_ASSERT_EQUAL(nd_allclose(a, a, 1e-5, 1e-8, false), 0); /* NaN */
    CU_ASSERT_EQUAL(nd_allclose(a, a, 1e-5, 1e-8, true), 1);
    CU_ASSERT_EQUAL(nd_array_equal(a, a, false), 0);
    CU_ASSERT_EQUAL(nd_array_equal(a, a, true), 1);
    nd_array *s = nd_zeros(ND_SHAPE(2), ND_FLOAT64);
    CU_ASSERT_EQUAL(nd_array_equal(a, s, false), 0);
    CU_ASSERT_TRUE(nd_allclose(a, s, 1e-5, 1e-8, false) < 0);
    nd_free(s);
    nd_free(a);
    nd_free(b);
}

static void test_unaligned_operand(void)
{
    /* a float64 view starting one byte into a buffer */
    unsigned char *raw = calloc(1, 8 * 5 + 1);
    double v[4] = { 1, 2, 3, 4 };
    memcpy(raw + 1, v, sizeof v);
    nd_array *u = nd_wrap(raw + 1, ND_SHAPE(4), NULL, ND_FLOAT64, NULL, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(u);
    nd_array *r = nd_add(u, 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_DOUBLE_EQUAL(nd_get_f64(r, ND_IDX(3)), 5.0, 0);
    nd_free(r);
    nd_free(u);
    free(raw);
}

/* Conditions raised on worker threads reach the caller's error state. */
static void test_threaded_flags_and_errors_propagate(void)
{
    int old_threads = nd_set_num_threads(4);
    const ptrdiff_t n = 1 << 21;
    nd_array *a = nd_zeros(ND_SHAPE(n), ND_FLOAT64);
    nd_set_f64(a, ND_IDX(n - 3), 1000.0);
    nd_errstate old = nd_seterr(.over = ND_ERR_RAISE);
    CU_ASSERT_PTR_NULL(nd_exp(a));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "overflow"));
    nd_seterr_(&old);
    nd_array *i = nd_ones(ND_SHAPE(n), ND_INT64);
    nd_set_i64(i, ND_IDX(n - 5), -2);
    CU_ASSERT_PTR_NULL(nd_power(3, i));
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "negative integer powers"));
    nd_free(i);
    nd_free(a);
    nd_set_num_threads(old_threads);
}

/* Outputs above the streaming threshold (48 MiB) take the non-temporal store path,
 * including an output that starts off a 16-byte boundary. */
static void test_large_output_streaming_path(void)
{
    const ptrdiff_t n = 6400001;
    nd_array *a = nd_arange(0, (double)n, 1, ND_FLOAT64);
    nd_array *big = nd_empty(ND_SHAPE(n + 1), ND_FLOAT64);
    nd_array *out = nd_view(big, "1:");
    CU_ASSERT_EQUAL_FATAL(nd_multiply_into(out, a, 0.5), ND_OK);
    const ptrdiff_t probe[] = { 0, 1, 2, 255, 256, 257, 4095, n / 2, n - 2, n - 1 };
    for (size_t k = 0; k < sizeof probe / sizeof probe[0]; k++)
        CU_ASSERT_EQUAL(nd_get_f64(out, ND_IDX(probe[k])), 0.5 * (double)probe[k]);
    nd_array *s = nd_add(a, a);
    nd_array *t = nd_sum(s);
    CU_ASSERT_EQUAL(nd_item_f64(t), (double)n * (double)(n - 1));
    nd_free(t);
    nd_free(s);
    nd_free(out);
    nd_free(big);
    nd_free(a);
}

/* NumPy's comparison, min/max, fmax/fmin, sign and heaviside loops warn of nothing for a
 * NaN operand (np.less(nan, 1) is quiet under seterr(all='raise')); arithmetic still does. */
#define QUIET(call)                 \
    do {                            \
        nd_array *r_ = (call);      \
        CU_ASSERT_PTR_NOT_NULL(r_); \
        nd_free(r_);                \
    } while (0)

static void test_nan_comparisons_are_quiet(void)
{
    nd_errstate old = nd_seterr(.all = ND_ERR_RAISE);
    nd_array *a = vec((double[]){ NAN, 1, 2 }, 3);
    QUIET(nd_less(a, 1.5));
    QUIET(nd_greater_equal(a, 1.5));
    QUIET(nd_equal(a, a));
    QUIET(nd_maximum(a, 1.5));
    QUIET(nd_fmin(a, 1.5));
    QUIET(nd_sign(a));
    QUIET(nd_heaviside(a, 0.5));
    QUIET(nd_amax(a));
    QUIET(nd_clip(a, 0.0, 1.0));
    /* the control: inf - inf is an invalid operation, raised */
    nd_array *inf = vec((double[]){ INFINITY }, 1);
    CU_ASSERT_PTR_NULL(nd_subtract(inf, inf));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    nd_free(inf);
    nd_free(a);
    nd_seterr_(&old);
}

static const ND_TEST tests[] = {
    ND_T(test_nan_comparisons_are_quiet),
    ND_T(test_large_output_streaming_path),
    ND_T(test_threaded_flags_and_errors_propagate),
    ND_T(test_unary_fixtures),
    ND_T(test_binary_fixtures),
    ND_T(test_scalar_operand_fixtures),
    ND_T(test_broadcast_column_plus_row),
    ND_T(test_broadcast_mismatch_is_eshape),
    ND_T(test_into_writes_out_and_checks_shape),
    ND_T(test_into_casting_rules),
    ND_T(test_dtype_option_selects_loop),
    ND_T(test_where_leaves_unselected),
    ND_T(test_overlap_shifted_view_is_copied),
    ND_T(test_transposed_input_gives_f_order_output),
    ND_T(test_strided_and_readonly),
    ND_T(test_scalar_promotion),
    ND_T(test_integer_division_by_zero),
    ND_T(test_seterr_modes),
    ND_T(test_integer_negative_power_is_error),
    ND_T(test_bitwise_on_float_is_edtype),
    ND_T(test_null_operand_is_error),
    ND_T(test_divmod_matches_floor_divide_and_remainder),
    ND_T(test_clip_bounds_and_nan),
    ND_T(test_around_floats_and_ints),
    ND_T(test_nan_to_num_defaults_and_values),
    ND_T(test_isclose_allclose_array_equal),
    ND_T(test_unaligned_operand),
    { 0 },
};
ND_TEST_MAIN("ufunc", tests)
