/* The basic samplers — uniform, ziggurat normal and exponential, gamma, bounded
 * integers — and the fillers that turn any sampler into an array. The algorithms are
 * NumPy's Generator ones (numpy/random/src/distributions), so that equal bit streams
 * give equal variates. */
#include <math.h>
#include <string.h>

#include "dist_internal.h"
#include "ziggurat.h"

/* ---- ziggurat normal --------------------------------------------------------------- */
/* One 64-bit draw gives the layer (8 bits), the sign (1 bit) and a 52-bit abscissa. */
double nd__std_normal(nd_rng *r)
{
    for (;;) {
        uint64_t u = nd__next64(r);
        int idx = (int)(u & 0xff);
        u >>= 8;
        int neg = (int)(u & 1);
        uint64_t rabs = (u >> 1) & 0x000fffffffffffffu;
        double x = (double)rabs * nd__zig_wi[idx];
        if (neg) x = -x;
        if (rabs < nd__zig_ki[idx]) return x;
        if (idx == 0) {
            /* tail beyond r (Marsaglia 1964); 1 - U avoids log(0) */
            for (;;) {
                double xx = -ND__ZIG_NOR_INV_R * log1p(-nd__next_double(r));
                double yy = -log1p(-nd__next_double(r));
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 1) ? -(ND__ZIG_NOR_R + xx) : ND__ZIG_NOR_R + xx;
            }
        }
        if ((nd__zig_fi[idx - 1] - nd__zig_fi[idx]) * nd__next_double(r) + nd__zig_fi[idx] <
            exp(-0.5 * x * x))
            return x;
    }
}

float nd__std_normal_f(nd_rng *r)
{
    for (;;) {
        uint32_t u = nd__next32(r);
        int idx = (int)(u & 0xff);
        int neg = (int)((u >> 8) & 1);
        uint32_t rabs = (u >> 9) & 0x0007fffffu;
        float x = (float)rabs * nd__zig_wi_f[idx];
        if (neg) x = -x;
        if (rabs < nd__zig_ki_f[idx]) return x;
        if (idx == 0) {
            for (;;) {
                float xx = -(float)ND__ZIG_NOR_INV_R * log1pf(-nd__next_float(r));
                float yy = -log1pf(-nd__next_float(r));
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 1) ? -((float)ND__ZIG_NOR_R + xx)
                                             : (float)ND__ZIG_NOR_R + xx;
            }
        }
        if ((nd__zig_fi_f[idx - 1] - nd__zig_fi_f[idx]) * nd__next_float(r) + nd__zig_fi_f[idx] <
            expf(-0.5f * x * x))
            return x;
    }
}

/* ---- ziggurat exponential ---------------------------------------------------------- */
double nd__std_exponential(nd_rng *r)
{
    for (;;) {
        uint64_t u = nd__next64(r) >> 3;
        int idx = (int)(u & 0xff);
        u >>= 8;
        double x = (double)u * nd__zig_we[idx];
        if (u < nd__zig_ke[idx]) return x;
        if (idx == 0) return ND__ZIG_EXP_R - log1p(-nd__next_double(r));
        if ((nd__zig_fe[idx - 1] - nd__zig_fe[idx]) * nd__next_double(r) + nd__zig_fe[idx] <
            exp(-x))
            return x;
    }
}

float nd__std_exponential_f(nd_rng *r)
{
    for (;;) {
        uint32_t u = nd__next32(r) >> 1;
        int idx = (int)(u & 0xff);
        u >>= 8;
        float x = (float)u * nd__zig_we_f[idx];
        if (u < nd__zig_ke_f[idx]) return x;
        if (idx == 0) return (float)ND__ZIG_EXP_R - log1pf(-nd__next_float(r));
        if ((nd__zig_fe_f[idx - 1] - nd__zig_fe_f[idx]) * nd__next_float(r) + nd__zig_fe_f[idx] <
            expf(-x))
            return x;
    }
}

/* ---- gamma: Marsaglia & Tsang (2000) for shape >= 1, Johnk-style rejection below ----- */
double nd__std_gamma(nd_rng *r, double shape)
{
    if (shape == 1.0) return nd__std_exponential(r);
    if (shape == 0.0) return 0.0;
    if (shape < 1.0) {
        for (;;) {
            double u = nd__next_double(r), v = nd__std_exponential(r);
            if (u <= 1.0 - shape) {
                double x = pow(u, 1.0 / shape);
                if (x <= v) return x;
            } else {
                double y = -log((1 - u) / shape);
                double x = pow(1.0 - shape + shape * y, 1.0 / shape);
                if (x <= v + y) return x;
            }
        }
    }
    double b = shape - 1.0 / 3.0, c = 1.0 / sqrt(9 * b);
    for (;;) {
        double x, v;
        do {
            x = nd__std_normal(r);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        double u = nd__next_double(r);
        if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
        if (log(u) < 0.5 * x * x + b * (1.0 - v + log(v))) return b * v;
    }
}

float nd__std_gamma_f(nd_rng *r, float shape)
{
    if (shape == 1.0f) return nd__std_exponential_f(r);
    if (shape == 0.0f) return 0.0f;
    if (shape < 1.0f) {
        for (;;) {
            float u = nd__next_float(r), v = nd__std_exponential_f(r);
            if (u <= 1.0f - shape) {
                float x = powf(u, 1.0f / shape);
                if (x <= v) return x;
            } else {
                float y = -logf((1.0f - u) / shape);
                float x = powf(1.0f - shape + shape * y, 1.0f / shape);
                if (x <= v + y) return x;
            }
        }
    }
    float b = shape - 1.0f / 3.0f, c = 1.0f / sqrtf(9.0f * b);
    for (;;) {
        float x, v;
        do {
            x = nd__std_normal_f(r);
            v = 1.0f + c * x;
        } while (v <= 0.0f);
        v = v * v * v;
        float u = nd__next_float(r);
        if (u < 1.0f - 0.0331f * (x * x) * (x * x)) return b * v;
        if (logf(u) < 0.5f * x * x + b * (1.0f - v + logf(v))) return b * v;
    }
}

/* ---- bounded integers: Lemire, "Fast random integer generation in an interval" ------- */
static uint32_t lemire32(nd_rng *r, uint32_t rng)
{
    const uint32_t excl = rng + 1;
    uint64_t m = (uint64_t)nd__next32(r) * excl;
    uint32_t left = (uint32_t)m;
    if (left < excl) {
        const uint32_t threshold = (UINT32_MAX - rng) % excl;
        while (left < threshold) {
            m = (uint64_t)nd__next32(r) * excl;
            left = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

static uint64_t lemire64(nd_rng *r, uint64_t rng)
{
    const uint64_t excl = rng + 1;
    nd__u128 m = (nd__u128)nd__next64(r) * excl;
    uint64_t left = (uint64_t)m;
    if (left < excl) {
        const uint64_t threshold = (UINT64_MAX - rng) % excl;
        while (left < threshold) {
            m = (nd__u128)nd__next64(r) * excl;
            left = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

uint64_t nd__bounded_u64(nd_rng *r, uint64_t rng)
{
    if (rng == 0) return 0;
    if (rng < 0xffffffffu) return lemire32(r, (uint32_t)rng);
    if (rng == 0xffffffffu) return nd__next32(r);
    if (rng == UINT64_MAX) return nd__next64(r);
    return lemire64(r, rng);
}

uint64_t nd__interval(nd_rng *r, uint64_t max)
{
    if (max == 0) return 0;
    uint64_t mask = max, v;
    for (int s = 1; s < 64; s <<= 1) mask |= mask >> s;
    if (max <= 0xffffffffu) {
        while ((v = (nd__next32(r) & mask)) > max) {
        }
    } else {
        while ((v = (nd__next64(r) & mask)) > max) {
        }
    }
    return v;
}

/* NumPy hands 8- and 16-bit draws out of one 32-bit word (low bits first) and keeps the
 * leftover only for the duration of one fill call. */
typedef struct small_buf {
    int cnt;
    uint32_t buf;
} small_buf;

static uint32_t buffered16(nd_rng *r, small_buf *b)
{
    if (!b->cnt) {
        b->buf = nd__next32(r);
        b->cnt = 1;
    } else {
        b->buf >>= 16;
        b->cnt--;
    }
    return b->buf & 0xffffu;
}

static uint32_t buffered8(nd_rng *r, small_buf *b)
{
    if (!b->cnt) {
        b->buf = nd__next32(r);
        b->cnt = 3;
    } else {
        b->buf >>= 8;
        b->cnt--;
    }
    return b->buf & 0xffu;
}

static uint32_t lemire_small(nd_rng *r, uint32_t rng, int bits, small_buf *b)
{
    const uint32_t excl = rng + 1, lowmask = (1u << bits) - 1;
    uint32_t (*draw)(nd_rng *, small_buf *) = bits == 16 ? buffered16 : buffered8;
    uint32_t m = draw(r, b) * excl, left = m & lowmask;
    if (left < excl) {
        const uint32_t threshold = (lowmask - rng) % excl;
        while (left < threshold) {
            m = draw(r, b) * excl;
            left = m & lowmask;
        }
    }
    return m >> bits;
}

/* n draws in [0, rng] for an output of `bits` bits (1 = bool), as NumPy's
 * random_bounded_uintN_fill. */
static void bounded_fill(nd_rng *r, uint64_t rng, int bits, ptrdiff_t n, uint64_t *out)
{
    small_buf b = { 0, 0 };
    if (rng == 0) {
        memset(out, 0, (size_t)n * sizeof *out);
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        switch (bits) {
        case 64: out[i] = nd__bounded_u64(r, rng); break;
        case 32:
            out[i] = rng == 0xffffffffu ? nd__next32(r) : lemire32(r, (uint32_t)rng);
            break;
        case 16:
            out[i] = rng == 0xffffu ? buffered16(r, &b) : lemire_small(r, (uint32_t)rng, 16, &b);
            break;
        case 8:
            out[i] = rng == 0xffu ? buffered8(r, &b) : lemire_small(r, (uint32_t)rng, 8, &b);
            break;
        default: /* bool: one bit at a time from a 32-bit word */
            if (!b.cnt) {
                b.buf = nd__next32(r);
                b.cnt = 31;
            } else {
                b.buf >>= 1;
                b.cnt--;
            }
            out[i] = b.buf & 1u;
            break;
        }
    }
}

/* ---- fillers ----------------------------------------------------------------------- */
nd_status nd__rng_check(const nd_rng *r, const nd_array *out, const char *who)
{
    if (!r) return nd_set_error(ND_EVALUE, "%s: NULL generator", who);
    if (!out) return nd_set_error(ND_EVALUE, "%s: NULL output array", who);
    if (!nd_is_writeable(out)) return nd_set_error(ND_EVALUE, "%s: output array is read-only", who);
    return ND_OK;
}

nd_array *nd__rng_out(int ndim, const ptrdiff_t *shape, nd_dtype dt, const char *who)
{
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return ND_FAIL(ND_EVALUE, "%s: ndim = %d outside [0, %d]", who, ndim, ND_MAXDIMS);
    if (ndim > 0 && !shape) return ND_FAIL(ND_EVALUE, "%s: NULL shape", who);
    for (int i = 0; i < ndim; i++)
        if (shape[i] < 0)
            return ND_FAIL(ND_EVALUE, "%s: negative dimension %td in size", who, shape[i]);
    return nd__alloc(ndim, shape, dt, false, who);
}

/* Outputs that are not C-contiguous are filled through a contiguous temporary so the
 * draws land in C order like NumPy's. */
static nd_array *contiguous_target(nd_array *out, const char *who)
{
    if (nd_is_c_contiguous(out)) return out;
    return nd__alloc(out->ndim, out->shape, out->dtype, false, who);
}

static nd_status finish_target(nd_array *out, nd_array *dst)
{
    if (dst == out) return ND_OK;
    nd_status st = nd__copy_into(out, dst);
    nd_free(dst);
    return st;
}

nd_status nd__fill_cont(nd_rng *r, nd_array *out, nd__cont_fn f, nd__cont_fn_f ff,
                        const double *p, const char *who)
{
    if (nd__rng_check(r, out, who) < 0) return nd_last_error();
    if (out->dtype != ND_FLOAT64 && out->dtype != ND_FLOAT32)
        return nd_set_error(ND_EDTYPE, "%s: output dtype %s (float32 or float64 expected)", who,
                         nd_dtype_name(out->dtype));
    nd_array *dst = contiguous_target(out, who);
    if (!dst) return nd_last_error();
    ptrdiff_t n = dst->size;
    if (dst->dtype == ND_FLOAT64) {
        double *d = (double *)dst->data;
        for (ptrdiff_t i = 0; i < n; i++) d[i] = f(r, p);
    } else {
        float *d = (float *)dst->data;
        if (ff)
            for (ptrdiff_t i = 0; i < n; i++) d[i] = ff(r, p);
        else
            for (ptrdiff_t i = 0; i < n; i++) d[i] = (float)f(r, p);
    }
    return finish_target(out, dst);
}

#define CHUNK 512

static nd_status store_i64(nd_array *dst, ptrdiff_t at, const int64_t *v, ptrdiff_t n)
{
    size_t isz = nd_dtype_size(dst->dtype);
    nd_cast_strided(dst->data + at * (ptrdiff_t)isz, dst->dtype, (ptrdiff_t)isz, v, ND_INT64,
                    sizeof *v, n);
    return ND_OK;
}

nd_status nd__fill_disc(nd_rng *r, nd_array *out, nd__disc_fn f, const double *p, void *ctx,
                        const char *who)
{
    if (nd__rng_check(r, out, who) < 0) return nd_last_error();
    if (nd__need_numeric(out->dtype, who) < 0) return nd_last_error(); /* store_i64's casts */
    if (nd_dtype_is_complex(out->dtype) || out->dtype == ND_BOOL)
        return nd_set_error(ND_EDTYPE, "%s: output dtype %s (integer or float expected)", who,
                         nd_dtype_name(out->dtype));
    nd_array *dst = contiguous_target(out, who);
    if (!dst) return nd_last_error();
    int64_t buf[CHUNK];
    for (ptrdiff_t i = 0; i < dst->size; i += CHUNK) {
        ptrdiff_t m = dst->size - i < CHUNK ? dst->size - i : CHUNK;
        for (ptrdiff_t j = 0; j < m; j++) buf[j] = f(r, p, ctx);
        store_i64(dst, i, buf, m);
    }
    return finish_target(out, dst);
}

/* ---- public: random, standard_normal, standard_exponential, standard_gamma ------------- */
static double s_random(nd_rng *r, const double *p) { (void)p; return nd__next_double(r); }
static float s_random_f(nd_rng *r, const double *p) { (void)p; return nd__next_float(r); }
static double s_normal(nd_rng *r, const double *p) { (void)p; return nd__std_normal(r); }
static float s_normal_f(nd_rng *r, const double *p) { (void)p; return nd__std_normal_f(r); }
static double s_exp(nd_rng *r, const double *p) { (void)p; return nd__std_exponential(r); }
static float s_exp_f(nd_rng *r, const double *p) { (void)p; return nd__std_exponential_f(r); }
static double s_gamma(nd_rng *r, const double *p) { return nd__std_gamma(r, p[0]); }
static float s_gamma_f(nd_rng *r, const double *p) { return nd__std_gamma_f(r, (float)p[0]); }

static nd_array *make_float(nd_rng *r, int ndim, const ptrdiff_t *shape, nd_dtype dt,
                            nd_status (*into)(nd_rng *, nd_array *), const char *who)
{
    if (dt != ND_FLOAT64 && dt != ND_FLOAT32)
        return ND_FAIL(ND_EDTYPE, "%s: dtype %s (float32 or float64 expected)", who,
                       nd_dtype_name(dt));
    nd_array *out = nd__rng_out(ndim, shape, dt, who);
    if (out && into(r, out) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

nd_status nd_rng_random_into(nd_rng *r, nd_array *out)
{
    if (nd__rng_check(r, out, "nd_rng_random") == ND_OK && out->dtype == ND_FLOAT64 &&
        nd_is_c_contiguous(out)) {
        /* the hot path: no call per element */
        double *d = (double *)out->data;
        if (r->kind == ND_MT19937) {
            nd__mt19937_fill_double(r, d, out->size);
            return ND_OK;
        }
        for (ptrdiff_t i = 0; i < out->size; i++) d[i] = nd__next_double(r);
        return ND_OK;
    }
    return nd__fill_cont(r, out, s_random, s_random_f, NULL, "nd_rng_random");
}
nd_array *nd_rng_random(nd_rng *r, int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    return make_float(r, ndim, shape, dt, nd_rng_random_into, "nd_rng_random");
}

nd_status nd_rng_standard_normal_into(nd_rng *r, nd_array *out)
{
    if (nd__rng_check(r, out, "nd_rng_standard_normal") == ND_OK && out->dtype == ND_FLOAT64 &&
        nd_is_c_contiguous(out)) {
        double *d = (double *)out->data;
        for (ptrdiff_t i = 0; i < out->size; i++) d[i] = nd__std_normal(r);
        return ND_OK;
    }
    return nd__fill_cont(r, out, s_normal, s_normal_f, NULL, "nd_rng_standard_normal");
}
nd_array *nd_rng_standard_normal(nd_rng *r, int ndim, const ptrdiff_t *shape, nd_dtype dt)
{
    return make_float(r, ndim, shape, dt, nd_rng_standard_normal_into,
                      "nd_rng_standard_normal");
}

nd_status nd_rng_standard_exponential_into(nd_rng *r, nd_array *out)
{
    return nd__fill_cont(r, out, s_exp, s_exp_f, NULL, "nd_rng_standard_exponential");
}
nd_array *nd_rng_standard_exponential(nd_rng *r, int ndim, const ptrdiff_t *shape,
                                      nd_dtype dt)
{
    return make_float(r, ndim, shape, dt, nd_rng_standard_exponential_into,
                      "nd_rng_standard_exponential");
}

nd_status nd_rng_standard_gamma_into(nd_rng *r, double shape_k, nd_array *out)
{
    if (!(shape_k >= 0))
        return nd_set_error(ND_EVALUE, "nd_rng_standard_gamma: shape = %g < 0", shape_k);
    const double p[1] = { shape_k };
    return nd__fill_cont(r, out, s_gamma, s_gamma_f, p, "nd_rng_standard_gamma");
}
nd_array *nd_rng_standard_gamma(nd_rng *r, double shape_k, int ndim, const ptrdiff_t *shape,
                                nd_dtype dt)
{
    if (dt != ND_FLOAT64 && dt != ND_FLOAT32)
        return ND_FAIL(ND_EDTYPE, "nd_rng_standard_gamma: dtype %s (float32 or float64 expected)",
                       nd_dtype_name(dt));
    nd_array *out = nd__rng_out(ndim, shape, dt, "nd_rng_standard_gamma");
    if (out && nd_rng_standard_gamma_into(r, shape_k, out) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}

/* ---- public: integers -------------------------------------------------------------- */
static int dtype_bits(nd_dtype dt)
{
    return dt == ND_BOOL ? 1 : (int)nd_dtype_size(dt) * 8;
}

static void dtype_range(nd_dtype dt, int64_t *lo, uint64_t *hi)
{
    int bits = dtype_bits(dt);
    bool is_signed = dt == ND_INT8 || dt == ND_INT16 || dt == ND_INT32 || dt == ND_INT64;
    if (dt == ND_BOOL) {
        *lo = 0;
        *hi = 1;
    } else if (is_signed) {
        *lo = bits == 64 ? INT64_MIN : -((int64_t)1 << (bits - 1));
        *hi = bits == 64 ? (uint64_t)INT64_MAX : ((uint64_t)1 << (bits - 1)) - 1;
    } else {
        *lo = 0;
        *hi = bits == 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
    }
}

nd_status nd_rng_integers_into(nd_rng *r, int64_t low, int64_t high, bool endpoint,
                               nd_array *out)
{
    const char *who = "nd_rng_integers";
    if (nd__rng_check(r, out, who) < 0) return nd_last_error();
    nd_dtype dt = out->dtype;
    if (!nd_dtype_is_integer(dt) && dt != ND_BOOL)
        return nd_set_error(ND_EDTYPE, "%s: dtype %s (an integer dtype or bool expected)", who,
                         nd_dtype_name(dt));
    if (endpoint ? low > high : low >= high)
        return nd_set_error(ND_EVALUE, "%s: low %s high (%lld, %lld)", who,
                         endpoint ? ">" : ">=", (long long)low, (long long)high);
    int64_t hi_incl = endpoint ? high : high - 1;
    int64_t dlo;
    uint64_t dhi;
    dtype_range(dt, &dlo, &dhi);
    if (low < dlo)
        return nd_set_error(ND_EVALUE, "%s: low %lld is out of bounds for %s", who,
                         (long long)low, nd_dtype_name(dt));
    if (hi_incl >= 0 && (uint64_t)hi_incl > dhi)
        return nd_set_error(ND_EVALUE, "%s: high %lld is out of bounds for %s", who,
                         (long long)high, nd_dtype_name(dt));
    if (hi_incl < dlo)
        return nd_set_error(ND_EVALUE, "%s: high %lld is out of bounds for %s", who,
                         (long long)high, nd_dtype_name(dt));
    uint64_t rng = (uint64_t)hi_incl - (uint64_t)low;
    nd_array *dst = contiguous_target(out, who);
    if (!dst) return nd_last_error();
    ptrdiff_t n = dst->size;
    uint64_t *tmp = nd__malloc_n((n > 0 ? n : 1), sizeof *tmp, who);
    if (!tmp) {
        if (dst != out) nd_free(dst);
        return nd_last_error();
    }
    bounded_fill(r, rng, dtype_bits(dt), n, tmp);
    for (ptrdiff_t i = 0; i < n; i++) tmp[i] += (uint64_t)low;
    size_t isz = nd_dtype_size(dt);
    /* low + v lies in dt's range, so a two's-complement cast from uint64 is exact */
    nd_cast_strided(dst->data, dt, (ptrdiff_t)isz, tmp, dlo < 0 ? ND_INT64 : ND_UINT64,
                    sizeof *tmp, n);
    nd_free_mem(tmp);
    return finish_target(out, dst);
}

nd_array *(nd_rng_integers)(nd_rng *r, int64_t low, int64_t high, int ndim,
                          const ptrdiff_t *shape, nd_dtype dt, bool endpoint)
{
    if (!nd_dtype_is_numeric((int)dt))
        return ND_FAIL(ND_EDTYPE, "nd_rng_integers: invalid dtype %d", (int)dt);
    nd_array *out = nd__rng_out(ndim, shape, dt, "nd_rng_integers");
    if (out && nd_rng_integers_into(r, low, high, endpoint, out) < 0) {
        nd_free(out);
        return NULL;
    }
    return out;
}
