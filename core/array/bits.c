/* numpy.packbits / unpackbits / bitwise_count / binary_repr / base_repr. */
#include <numc/manip.h>

#include <stdlib.h>
#include <string.h>

#include "internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define ND_PACK_AVX512 1
#endif

/* Nonzero test of one element of an integer or bool dtype. */
static bool elem_nonzero(const char *p, size_t isz)
{
    for (size_t k = 0; k < isz; k++)
        if (p[k]) return true;
    return false;
}


static bool little_endian_host(void)
{
    const uint16_t one = 1;
    unsigned char first;
    memcpy(&first, &one, 1);
    return first == 1;
}

/* a (or its flattened copy) and the normalised axis; moves the axis last in a C-contiguous
 * copy so the work is on rows of length shape[ndim - 1]. */
static nd_array *axis_last(const nd_array *a, int *axis, const char *who)
{
    if (*axis == ND_AXIS_NONE) {
        *axis = 0;
        return nd_ravel(a); /* a view when a is contiguous: only read */
    }
    if (nd__norm_axis(axis, a->ndim, who) < 0) return NULL;
    int src = *axis, dst = a->ndim - 1;
    nd_array *m = nd_moveaxis(a, 1, &src, &dst);
    nd_array *c = m ? nd_ascontiguousarray(m) : NULL;
    nd_free(m);
    return c;
}

/* Move the last axis of c back to `axis` as a C-contiguous result. */
static nd_array *axis_back(nd_array *c, int axis)
{
    if (!c) return NULL;
    int src = c->ndim - 1;
    if (src == axis) return c;
    nd_array *m = nd_moveaxis(c, 1, &src, &axis);
    nd_free(c);
    nd_array *r = m ? nd_ascontiguousarray(m) : NULL;
    nd_free(m);
    return r;
}

#ifdef ND_PACK_AVX512
/* Packed bytes [0, nfull) of a row of one-byte elements (nfull = n / 8), 64 elements a
 * step with AVX-512BW: one mask bit per nonzero byte, bit k of byte j = element 8j + k
 * (the little order); for the big order the bytes of every group of 8 are reversed
 * first. Returns the bytes done (a multiple of 8); the caller finishes the rest. A third
 * of the SSE2 loop's time on 8M bools (data in cache). */
__attribute__((target("avx512bw"))) static ptrdiff_t pack_avx512(const char *row, ptrdiff_t nfull,
                                                                 bool little, uint8_t *drow)
{
    const __m512i rev = /* within each 16-byte lane: bytes 7..0, then 15..8 */
        _mm512_broadcast_i32x4(_mm_set_epi8(8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
    ptrdiff_t b = 0;
    for (; b + 8 <= nfull; b += 8) {
        __m512i v = _mm512_loadu_si512((const void *)(row + b * 8));
        if (!little) v = _mm512_shuffle_epi8(v, rev);
        uint64_t m = _mm512_test_epi8_mask(v, v);
        memcpy(drow + b, &m, 8);
    }
    return b;
}
#endif

nd_array *nd_packbits_(const nd_array *a, const nd_bits_opts *o)
{
    if (!a || !o) return ND_FAIL(ND_EVALUE, "nd_packbits: array is NULL");
    if (a->dtype != ND_BOOL && !nd_dtype_is_integer(a->dtype))
        return ND_FAIL(ND_EDTYPE, "nd_packbits: expected an input array of integer or boolean data type, got %s",
                       nd_dtype_name(a->dtype));
    if (o->bitorder != ND_BITORDER_BIG && o->bitorder != ND_BITORDER_LITTLE)
        return ND_FAIL(ND_EVALUE, "nd_packbits: bitorder must be big or little (got %d)", (int)o->bitorder);
    if (a->ndim == 0 && o->axis != ND_AXIS_NONE)
        return ND_FAIL(ND_EAXIS, "nd_packbits: axis %d is out of bounds for a 0-d array", o->axis);
    int axis = o->axis;
    nd_array *c = axis_last(a, &axis, "nd_packbits");
    if (!c) return NULL;
    ptrdiff_t n = c->shape[c->ndim - 1], nb = (n + 7) / 8, rows = n ? c->size / n : 0, shape[ND_MAXDIMS];
    if (!n) { /* rows of zero length: count the other axes directly */
        rows = 1;
        for (int d = 0; d < c->ndim - 1; d++) rows *= c->shape[d];
    }
    memcpy(shape, c->shape, sizeof(ptrdiff_t) * (size_t)c->ndim);
    shape[c->ndim - 1] = nb;
    nd_array *out = nd_empty(c->ndim, shape, ND_UINT8);
    if (!out) {
        nd_free(c);
        return NULL;
    }
    size_t isz = nd_dtype_size(c->dtype);
    bool little = o->bitorder == ND_BITORDER_LITTLE;
    uint8_t *dst = (uint8_t *)out->data;
    const uint64_t magic = little ? 0x0102040810204080ULL : 0x8040201008040201ULL;
    const bool swap = !little_endian_host();
#ifdef ND_PACK_AVX512
    const bool avx512 = isz == 1 && __builtin_cpu_supports("avx512bw");
#endif
    for (ptrdiff_t r = 0; r < rows; r++) {
        const char *row = c->data + (size_t)(r * n) * isz;
        uint8_t *drow = dst + r * nb;
        ptrdiff_t b = 0;
#ifdef ND_PACK_AVX512
        if (avx512) b = pack_avx512(row, n / 8, little, drow);
#endif
#if defined(__SSE2__)
        if (isz == 1) { /* 64 elements per step: compare with zero, one mask bit per byte */
            const __m128i zero = _mm_setzero_si128();
            for (; b + 8 <= n / 8; b += 8) {
                const char *q = row + b * 8;
                uint64_t m = 0;
                for (int k = 0; k < 4; k++) {
                    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(q + 16 * k));
                    m |= (uint64_t)(~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, zero)) & 0xffffu) << (16 * k);
                }
                if (!little) { /* big order: reverse the bits of every byte */
                    m = ((m >> 1) & 0x5555555555555555ULL) | ((m & 0x5555555555555555ULL) << 1);
                    m = ((m >> 2) & 0x3333333333333333ULL) | ((m & 0x3333333333333333ULL) << 2);
                    m = ((m >> 4) & 0x0f0f0f0f0f0f0f0fULL) | ((m & 0x0f0f0f0f0f0f0f0fULL) << 4);
                }
                memcpy(drow + b, &m, 8); /* x86: little-endian, byte j = elements 8j .. 8j + 7 */
            }
        }
#endif
        if (isz == 1) /* 8 one-byte elements at a time: a high bit per nonzero byte, gathered */
            for (; b < n / 8; b++) {
                uint64_t v, t;
                memcpy(&v, row + b * 8, 8);
                t = (((v & 0x7f7f7f7f7f7f7f7fULL) + 0x7f7f7f7f7f7f7f7fULL) | v) & 0x8080808080808080ULL;
                t >>= 7; /* byte k is 1 when element k (little-endian load) is nonzero */
                if (swap) t = __builtin_bswap64(t);
                drow[b] = (uint8_t)((t * magic) >> 56);
            }
        for (; b < nb; b++) {
            unsigned byte = 0;
            for (int k = 0; k < 8 && b * 8 + k < n; k++)
                if (elem_nonzero(row + (size_t)(b * 8 + k) * isz, isz)) byte |= little ? 1u << k : 0x80u >> k;
            drow[b] = (uint8_t)byte;
        }
    }
    nd_free(c);
    return axis_back(out, axis);
}

nd_array *nd_unpackbits_(const nd_array *a, const nd_bits_opts *o)
{
    if (!a || !o) return ND_FAIL(ND_EVALUE, "nd_unpackbits: array is NULL");
    if (a->dtype != ND_UINT8)
        return ND_FAIL(ND_EDTYPE, "nd_unpackbits: expected an input array of unsigned byte data type, got %s",
                       nd_dtype_name(a->dtype));
    if (o->bitorder != ND_BITORDER_BIG && o->bitorder != ND_BITORDER_LITTLE)
        return ND_FAIL(ND_EVALUE, "nd_unpackbits: bitorder must be big or little (got %d)", (int)o->bitorder);
    if (a->ndim == 0 && o->axis != ND_AXIS_NONE)
        return ND_FAIL(ND_EAXIS, "nd_unpackbits: axis %d is out of bounds for a 0-d array", o->axis);
    int axis = o->axis;
    nd_array *c = axis_last(a, &axis, "nd_unpackbits");
    if (!c) return NULL;
    ptrdiff_t n = c->shape[c->ndim - 1], rows = 1, shape[ND_MAXDIMS];
    for (int d = 0; d < c->ndim - 1; d++) rows *= c->shape[d];
    ptrdiff_t bits = n * 8, outn = bits;
    if (o->count != ND_COUNT_ALL) {
        outn = o->count >= 0 ? o->count : bits + o->count;
        if (outn < 0) outn = 0;
    }
    memcpy(shape, c->shape, sizeof(ptrdiff_t) * (size_t)c->ndim);
    shape[c->ndim - 1] = outn;
    nd_array *out = nd_zeros(c->ndim, shape, ND_UINT8);
    if (!out) {
        nd_free(c);
        return NULL;
    }
    bool little = o->bitorder == ND_BITORDER_LITTLE;
    const uint8_t *src = (const uint8_t *)c->data;
    uint8_t *dst = (uint8_t *)out->data;
    ptrdiff_t take = outn < bits ? outn : bits;
    for (ptrdiff_t r = 0; r < rows; r++)
        for (ptrdiff_t j = 0; j < take; j++) {
            unsigned byte = src[r * n + j / 8], k = (unsigned)(j % 8);
            dst[r * outn + j] = (uint8_t)(little ? (byte >> k) & 1u : (byte >> (7 - k)) & 1u);
        }
    nd_free(c);
    return axis_back(out, axis);
}

nd_array *nd_bitwise_count(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_bitwise_count: array is NULL");
    if (a->dtype != ND_BOOL && !nd_dtype_is_integer(a->dtype))
        return ND_FAIL(ND_EDTYPE, "nd_bitwise_count: ufunc 'bitwise_count' not supported for the input type %s",
                       nd_dtype_name(a->dtype));
    nd_array *c = nd_ascontiguousarray(a);
    nd_array *out = c ? nd_empty(a->ndim, a->shape, ND_UINT8) : NULL;
    if (!out) {
        nd_free(c);
        return NULL;
    }
    size_t isz = nd_dtype_size(a->dtype);
    bool sgn = nd_dtype_kind(a->dtype) == 'i';
    for (ptrdiff_t i = 0; i < c->size; i++) {
        nd_scalar s = nd__scalar_load(c->data + (size_t)i * isz, a->dtype);
        uint64_t v;
        if (a->dtype == ND_BOOL) v = s.v.b;
        else if (sgn) v = s.v.i < 0 ? 0 - (uint64_t)s.v.i : (uint64_t)s.v.i;
        else v = s.v.u;
        ((uint8_t *)out->data)[i] = (uint8_t)__builtin_popcountll(v);
    }
    nd_free(c);
    return out;
}

/* Digits of v in base b into buf (most significant first); returns the count. */
static int digits_of(uint64_t v, int base, char *buf)
{
    static const char dig[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    char tmp[65];
    int n = 0;
    do {
        tmp[n++] = dig[v % (unsigned)base];
        v /= (unsigned)base;
    } while (v);
    for (int i = 0; i < n; i++) buf[i] = tmp[n - 1 - i];
    return n;
}

char *nd_binary_repr(int64_t num, int width)
{
    if (width < 0) return ND_FAIL(ND_EVALUE, "nd_binary_repr: width must be non-negative (got %d)", width);
    char bin[65];
    int nb;
    char *out;
    if (num >= 0) {
        nb = num == 0 ? 1 : digits_of((uint64_t)num, 2, bin);
        if (num == 0) bin[0] = '0';
        if (width && num && width < nb)
            return ND_FAIL(ND_EVALUE, "nd_binary_repr: insufficient bit width=%d provided for binwidth=%d", width, nb);
        int w = width > nb ? width : nb;
        if (!(out = nd_malloc((size_t)w + 1, "nd_binary_repr"))) return NULL;
        memset(out, '0', (size_t)(w - nb));
        memcpy(out + (w - nb), bin, (size_t)nb);
        out[w] = 0;
        return out;
    }
    uint64_t mag = 0 - (uint64_t)num;
    if (!width) {
        nb = digits_of(mag, 2, bin);
        if (!(out = nd_malloc((size_t)nb + 2, "nd_binary_repr"))) return NULL;
        out[0] = '-';
        memcpy(out + 1, bin, (size_t)nb);
        out[nb + 1] = 0;
        return out;
    }
    int poswidth = digits_of(mag, 2, bin);
    if (mag == (uint64_t)1 << (poswidth - 1)) poswidth--; /* gh-8679: -2**k needs k + 1 bits */
    /* 2**(poswidth + 1) + num: the low poswidth + 1 bits of num in two's complement. */
    uint64_t tc = (uint64_t)num & (poswidth + 1 >= 64 ? UINT64_MAX : (((uint64_t)1 << (poswidth + 1)) - 1));
    nb = poswidth + 1;
    for (int i = 0; i < nb; i++) bin[i] = (char)('0' + ((tc >> (nb - 1 - i)) & 1u));
    if (width < nb)
        return ND_FAIL(ND_EVALUE, "nd_binary_repr: insufficient bit width=%d provided for binwidth=%d", width, nb);
    if (!(out = nd_malloc((size_t)width + 1, "nd_binary_repr"))) return NULL;
    memset(out, '1', (size_t)(width - nb));
    memcpy(out + (width - nb), bin, (size_t)nb);
    out[width] = 0;
    return out;
}

char *nd_base_repr(int64_t number, int base, int padding)
{
    if (base > 36) return ND_FAIL(ND_EVALUE, "nd_base_repr: bases greater than 36 not handled (got %d)", base);
    if (base < 2) return ND_FAIL(ND_EVALUE, "nd_base_repr: bases less than 2 not handled (got %d)", base);
    uint64_t mag = number < 0 ? 0 - (uint64_t)number : (uint64_t)number;
    char dig[65];
    /* NumPy joins the digits (none for 0), the padding and the sign, and gives "0" only
     * when all three are empty. */
    int nd = mag ? digits_of(mag, base, dig) : 0, pad = padding > 0 ? padding : 0;
    size_t len = (size_t)nd + (size_t)pad + (number < 0);
    char *out = nd_malloc(len + 2, "nd_base_repr");
    if (!out) return NULL;
    char *p = out;
    if (number < 0) *p++ = '-';
    memset(p, '0', (size_t)pad);
    p += pad;
    memcpy(p, dig, (size_t)nd);
    p += nd;
    if (p == out) *p++ = '0';
    *p = 0;
    return out;
}
