/* Arrays of dates from and to text: numpy.array(strings, dtype='M8[...]') and
 * numpy.datetime_as_string. */
#include <string.h>

#include "dt_internal.h"

nd_array *nd_datetime64_from_strings(ptrdiff_t n, const char *const *strs, nd_dtype dtype)
{
    static const char who[] = "nd_datetime64_from_strings";
    if (n < 0) return ND_FAIL(ND_EVALUE, "%s: negative count %td", who, n);
    if (n > 0 && !strs) return ND_FAIL(ND_EVALUE, "%s: strs is NULL", who);
    if (!nd_dtype_is_datetime(dtype))
        return ND_FAIL(ND_EDTYPE, "%s: %s is not a datetime64 dtype", who, nd_dtype_name(dtype));
    nd_datetimestruct *dts = nd__malloc_n(n > 0 ? n : 1, sizeof *dts, who);
    if (!dts) return NULL;
    nd_dtype t = dtype;
    bool generic = nd_dtype_unit(dtype) == ND_DT_GENERIC;
    int finest = -1;
    for (ptrdiff_t i = 0; i < n; i++) {
        nd_dtunit best;
        if (!strs[i]) {
            nd_free_mem(dts);
            return ND_FAIL(ND_EVALUE, "%s: string %td is NULL", who, i);
        }
        if (nd__dt_parse_struct(strs[i], &dts[i], &best, who) < 0) {
            nd_free_mem(dts);
            return NULL;
        }
        if (best != ND_DT_GENERIC && (int)best > finest) finest = (int)best;
    }
    if (generic && finest >= 0) t = ND_DATETIME64_OF(finest);
    nd_array *out = nd__alloc(1, &n, t, false, who);
    if (!out) {
        nd_free_mem(dts);
        return NULL;
    }
    int64_t *v = (int64_t *)(void *)out->data;
    for (ptrdiff_t i = 0; i < n; i++) {
        if (nd__dt_from_struct(&dts[i], t, &v[i], who) < 0) {
            nd_free_mem(dts);
            nd_free(out);
            return NULL;
        }
    }
    nd_free_mem(dts);
    return out;
}

/* Calls fn(i, text, len, ctx) for each element of a in C order; stops at an error. */
static nd_status each_text(const nd_array *a, const nd_dt_format_opts *opts, const char *who,
                           nd_status (*fn)(ptrdiff_t i, const char *s, size_t len, void *ctx), void *ctx)
{
    if (!a) return nd_set_error(ND_EVALUE, "%s: array is NULL", who);
    nd_dtunit base;
    bool utc;
    nd_status st = nd__dt_format_setup(a->dtype, opts, &base, &utc, who);
    if (st < 0) return st;
    nd_array *c = nd_ascontiguousarray(a);
    if (!c) return ND_ENOMEM;
    const int64_t *v = (const int64_t *)(const void *)c->data;
    bool generic = nd_dtype_unit(a->dtype) == ND_DT_GENERIC;
    for (ptrdiff_t i = 0; i < c->size && st >= 0; i++) {
        char buf[ND_DATETIME_STRLEN];
        nd_datetimestruct d;
        size_t len;
        if (generic || v[i] == ND_NAT) {
            len = 3;
            memcpy(buf, "NaT", 4);
        } else {
            st = nd__dt_to_struct(v[i], a->dtype, &d, who);
            if (st < 0) break;
            len = nd__dt_format_struct(&d, base, utc, buf);
        }
        st = fn(i, buf, len, ctx);
    }
    nd_free(c);
    return st;
}

struct measure {
    size_t total;
};

static nd_status measure_fn(ptrdiff_t i, const char *s, size_t len, void *ctx)
{
    ((struct measure *)ctx)->total += len + 1;
    return ND_OK;
}

struct fill {
    char **ptrs;
    char *next;
};

static nd_status fill_fn(ptrdiff_t i, const char *s, size_t len, void *ctx)
{
    struct fill *f = ctx;
    f->ptrs[i] = f->next;
    memcpy(f->next, s, len + 1);
    f->next += len + 1;
    return ND_OK;
}

char **nd_datetime_as_string(const nd_array *a, const nd_dt_format_opts *opts)
{
    static const char who[] = "nd_datetime_as_string";
    struct measure m = { 0 };
    if (each_text(a, opts, who, measure_fn, &m) < 0) return NULL;
    size_t ptrs = 0;
    if (!nd__mul_size((size_t)a->size, sizeof(char *), &ptrs))
        return ND_FAIL(ND_ENOMEM, "%s: %td strings overflow size_t", who, a->size);
    char **out = nd_malloc(ptrs + m.total + 1, who);
    if (!out) return NULL;
    struct fill f = { out, (char *)out + ptrs };
    if (each_text(a, opts, who, fill_fn, &f) < 0) {
        nd_free_mem(out);
        return NULL;
    }
    return out;
}

struct into {
    char *buf;
    size_t width;
    const char *who;
};

static nd_status into_fn(ptrdiff_t i, const char *s, size_t len, void *ctx)
{
    struct into *f = ctx;
    if (len >= f->width)
        return nd_set_error(ND_EVALUE, "%s: \"%s\" (element %td) needs a width of %zu, not %zu",
                            f->who, s, i, len + 1, f->width);
    char *row = f->buf + (size_t)i * f->width;
    memcpy(row, s, len);
    memset(row + len, 0, f->width - len);
    return ND_OK;
}

nd_status nd_datetime_as_string_into(const nd_array *a, const nd_dt_format_opts *opts, char *buf,
                                     size_t width)
{
    static const char who[] = "nd_datetime_as_string_into";
    if (a && a->size > 0 && !buf) return nd_set_error(ND_EVALUE, "%s: buf is NULL", who);
    struct into f = { buf, width, who };
    return each_text(a, opts, who, into_fn, &f);
}

size_t nd__dt_elem_text(const char *p, nd_dtype dt, bool quote, char *buf)
{
    int64_t v;
    memcpy(&v, p, 8);
    const char *q = quote ? "'" : "";
    if (v == ND_NAT || (nd_dtype_unit(dt) == ND_DT_GENERIC && nd_dtype_is_datetime(dt)))
        return (size_t)snprintf(buf, ND_DATETIME_STRLEN + 2, "%sNaT%s", q, q);
    if (nd_dtype_is_timedelta(dt)) {
        /* a lone timedelta (str of a 0-d array) says its unit as numpy.timedelta64 does */
        static const char *const words[ND_DT_NUNITS] = {
            "years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds",
            "microseconds", "nanoseconds", "picoseconds", "femtoseconds", "attoseconds", ""
        };
        nd_dtunit u = nd_dtype_unit(dt);
        if (quote || u == ND_DT_GENERIC || nd_dtype_unit_count(dt) != 1)
            return (size_t)snprintf(buf, ND_DATETIME_STRLEN + 2, "%lld", (long long)v);
        return (size_t)snprintf(buf, ND_DATETIME_STRLEN + 2, "%lld %s", (long long)v, words[u]);
    }
    nd_datetimestruct d;
    char t[ND_DATETIME_STRLEN];
    if (nd__dt_to_struct(v, dt, &d, "print") < 0) {
        nd_clear_error();
        return (size_t)snprintf(buf, ND_DATETIME_STRLEN + 2, "%s?%s", q, q);
    }
    nd__dt_format_struct(&d, nd_dtype_unit(dt), false, t);
    return (size_t)snprintf(buf, ND_DATETIME_STRLEN + 2, "%s%s%s", q, t, q);
}

nd_array *nd_datetime_arange(const char *start, const char *stop, nd_scalar step, nd_dtype dtype)
{
    static const char who[] = "nd_datetime_arange";
    if (!start || !stop) return ND_FAIL(ND_EVALUE, "%s: start or stop is NULL", who);
    if (!nd_dtype_is_datetime(dtype))
        return ND_FAIL(ND_EDTYPE, "%s: %s is not a datetime64 dtype", who, nd_dtype_name(dtype));
    bool step_td = nd_dtype_is_timedelta(step.dtype);
    if (!step_td && step.dtype != ND_BOOL && !nd_dtype_is_integer(step.dtype))
        return ND_FAIL(ND_EDTYPE, "%s: the step must be a timedelta64 or an integer, not %s", who,
                       nd_dtype_name(step.dtype));
    int64_t a, b;
    nd_dtype ta, tb;
    if (nd_datetime_parse(start, ND_DATETIME64_OF(ND_DT_GENERIC), &a, &ta) < 0 ||
        nd_datetime_parse(stop, ND_DATETIME64_OF(ND_DT_GENERIC), &b, &tb) < 0)
        return NULL;
    if (a == ND_NAT || b == ND_NAT)
        return ND_FAIL(ND_EVALUE, "%s: arange: cannot use NaT (not-a-time) datetime values", who);
    /* the unit: the dtype's, else the common one of start, stop and a timedelta step (a
     * timedelta's Y/M unit does not mix with a linear one, as in NumPy's gcd) */
    nd_dtype t = dtype;
    if (nd_dtype_unit(dtype) == ND_DT_GENERIC) {
        int c = nd__dt_common(ta, tb, who);
        if (c < 0) return NULL;
        t = (nd_dtype)c;
        if (step_td && nd_dtype_unit(step.dtype) != ND_DT_GENERIC) {
            nd_dtunit us = nd_dtype_unit(step.dtype), ut = nd_dtype_unit(t);
            if (us <= ND_DT_M && ut > ND_DT_M)
                return ND_FAIL(ND_EDTYPE, "%s: Cannot get a common metadata divisor for Numpy datetime "
                               "metadata [%s] and [%s] because they have incompatible nonlinear base "
                               "time units", who, nd_dtunit_name(us), nd_dtunit_name(ut));
            c = nd__dt_common(t, step.dtype, who);
            if (c < 0) return NULL;
            t = nd_dtype_datetime(ND_DATETIME64, nd_dtype_unit((nd_dtype)c), nd_dtype_unit_count((nd_dtype)c));
        }
    }
    int64_t s = step.v.i;
    if (step_td) {
        if (s == ND_NAT) return ND_FAIL(ND_EVALUE, "%s: arange: cannot use NaT (not-a-time) step", who);
        nd_dtype td = nd_dtype_datetime(ND_TIMEDELTA64, nd_dtype_unit(t), nd_dtype_unit_count(t));
        if (nd_dtype_unit(step.dtype) != ND_DT_GENERIC && nd__dt_cast(&s, td, 8, &step.v.i, step.dtype, 8, 1, who) < 0)
            return NULL;
    } else if (step.dtype == ND_BOOL) {
        s = step.v.b;
    }
    if (s == 0) return ND_FAIL(ND_EVALUE, "%s: arange: step cannot be zero", who);
    if (nd__dt_cast(&a, t, 8, &a, ta, 8, 1, who) < 0 || nd__dt_cast(&b, t, 8, &b, tb, 8, 1, who) < 0) return NULL;
    nd__i128 span = (nd__i128)b - a, n128 = 0;
    if ((span > 0 && s > 0) || (span < 0 && s < 0)) n128 = (span + s - (s > 0 ? 1 : -1)) / s;
    if (n128 > PTRDIFF_MAX / 8) return ND_FAIL(ND_ENOMEM, "%s: %lld elements are too many", who, (long long)n128);
    ptrdiff_t n = (ptrdiff_t)n128;
    nd_array *out = nd__alloc(1, &n, t, false, who);
    if (!out) return NULL;
    int64_t *v = (int64_t *)(void *)out->data;
    for (ptrdiff_t i = 0; i < n; i++) v[i] = (int64_t)((nd__i128)a + (nd__i128)i * s);
    return out;
}
