/* numc random: generator object and bit generators (internal). */
#ifndef NUMC_RNG_INTERNAL_H
#define NUMC_RNG_INTERNAL_H

#include <numc/random.h>

#include "internal.h"

__extension__ typedef unsigned __int128 nd__u128;

#define ND__SS_POOL 4          /* SeedSequence pool size in 32-bit words (NumPy's) */
#define ND__SS_MAXWORDS 32     /* entropy words and spawn-key depth we keep */

/* NumPy's SeedSequence: entropy words, spawn key, mixed pool. */
typedef struct nd__seedseq {
    uint32_t entropy[ND__SS_MAXWORDS];
    int n_entropy;
    uint32_t spawn_key[ND__SS_MAXWORDS];
    int n_spawn_key;
    uint32_t n_children;
    uint32_t pool[ND__SS_POOL];
} nd__seedseq;

ND_INTERNAL ND_WARN_UNUSED
nd_status nd__seedseq_init(nd__seedseq *ss, const uint32_t *entropy, int n_entropy,
                           const uint32_t *spawn_key, int n_spawn_key, const char *who);
/* generate_state(n, uint32): n words into out. */
ND_INTERNAL void nd__seedseq_words32(const nd__seedseq *ss, uint32_t *out, int n);
/* generate_state(n, uint64): pairs of 32-bit words, low word first. */
ND_INTERNAL void nd__seedseq_words64(const nd__seedseq *ss, uint64_t *out, int n);

#define ND__MT_N 624          /* MT19937 state words */

typedef struct nd__philox {
    uint64_t ctr[4], key[2], buf[4];
    int pos;
} nd__philox;

struct nd_rng {
    nd_bitgen_kind kind;
    union {
        struct { nd__u128 state, inc; } pcg;
        nd__philox ph;
        struct { uint64_t a, b, c, w; } sfc;
        uint64_t xo[4];
        struct { uint32_t key[ND__MT_N]; int pos; } mt;
    } s;
    int has_uint32;
    uint32_t uinteger;
    int has_gauss;     /* legacy RandomState's cached second polar-method normal */
    double gauss;
    nd__seedseq seq;
};

#define ND__PCG_MULT ((((nd__u128)0x2360ed051fc65da4u) << 64) | 0x4385df649fccf645u)
#define ND__PCG_CHEAP_MULT 0xda942042e4dd58b5u

static inline uint64_t nd__rotr64(uint64_t v, unsigned r)
{
    return (v >> (r & 63u)) | (v << ((64u - r) & 63u));
}
static inline uint64_t nd__rotl64(uint64_t v, unsigned r)
{
    return (v << (r & 63u)) | (v >> ((64u - r) & 63u));
}

static inline uint64_t nd__pcg64_next(nd_rng *r)
{
    r->s.pcg.state = r->s.pcg.state * ND__PCG_MULT + r->s.pcg.inc;
    nd__u128 st = r->s.pcg.state;
    return nd__rotr64((uint64_t)(st >> 64) ^ (uint64_t)st, (unsigned)(st >> 122));
}

/* DXSM outputs a hash of the state *before* the step. */
static inline uint64_t nd__dxsm_next(nd_rng *r)
{
    nd__u128 st = r->s.pcg.state;
    uint64_t hi = (uint64_t)(st >> 64), lo = (uint64_t)st | 1u;
    hi ^= hi >> 32;
    hi *= ND__PCG_CHEAP_MULT;
    hi ^= hi >> 48;
    hi *= lo;
    r->s.pcg.state = st * ND__PCG_CHEAP_MULT + r->s.pcg.inc;
    return hi;
}

ND_INTERNAL uint64_t nd__philox_refill(nd_rng *r);
static inline uint64_t nd__philox_next(nd_rng *r)
{
    if (r->s.ph.pos < 4) return r->s.ph.buf[r->s.ph.pos++];
    return nd__philox_refill(r);
}

static inline uint64_t nd__sfc64_next(nd_rng *r)
{
    uint64_t tmp = r->s.sfc.a + r->s.sfc.b + r->s.sfc.w++;
    r->s.sfc.a = r->s.sfc.b ^ (r->s.sfc.b >> 11);
    r->s.sfc.b = r->s.sfc.c + (r->s.sfc.c << 3);
    r->s.sfc.c = nd__rotl64(r->s.sfc.c, 24) + tmp;
    return tmp;
}

static inline uint64_t nd__xoshiro_next(nd_rng *r)
{
    uint64_t *s = r->s.xo;
    uint64_t out = nd__rotl64(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = nd__rotl64(s[3], 45);
    return out;
}

/* MT19937 (mt19937.c): one tempered 32-bit output; the state is regenerated every 624. */
ND_INTERNAL void nd__mt19937_gen(nd_rng *r);
/* Seeding: init_genrand(s) (np.random.seed(int)), init_by_array (np.random.seed(array)),
 * SeedSequence words (MT19937(seed)). Each resets the buffered state of r. */
ND_INTERNAL void nd__mt19937_seed32(nd_rng *r, uint32_t s);
ND_INTERNAL void nd__mt19937_seed_array(nd_rng *r, const uint32_t *key, int n);
ND_INTERNAL void nd__mt19937_seed_seq(nd_rng *r);
/* n doubles as nd__mt19937_double would give them, without per-call overhead. */
ND_INTERNAL void nd__mt19937_fill_double(nd_rng *r, double *d, ptrdiff_t n);
static inline uint32_t nd__mt19937_next(nd_rng *r)
{
    if (r->s.mt.pos >= ND__MT_N) nd__mt19937_gen(r);
    uint32_t y = r->s.mt.key[r->s.mt.pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}
/* NumPy's mt19937_next64: the first 32-bit draw is the high half. */
static inline uint64_t nd__mt19937_next64(nd_rng *r)
{
    uint64_t hi = nd__mt19937_next(r);
    return hi << 32 | nd__mt19937_next(r);
}
/* NumPy's (and the reference's) genrand_res53: (a >> 5, b >> 6) → 53 bits. */
static inline double nd__mt19937_double(nd_rng *r)
{
    uint32_t a = nd__mt19937_next(r) >> 5, b = nd__mt19937_next(r) >> 6;
    return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}

static inline uint64_t nd__next64(nd_rng *r)
{
    switch (r->kind) {
    case ND_MT19937: return nd__mt19937_next64(r);
    case ND_PCG64: return nd__pcg64_next(r);
    case ND_PCG64DXSM: return nd__dxsm_next(r);
    case ND_PHILOX: return nd__philox_next(r);
    case ND_SFC64: return nd__sfc64_next(r);
    default: return nd__xoshiro_next(r);
    }
}

/* NumPy's 32-bit draws split one 64-bit draw, low half first. */
static inline uint32_t nd__next32(nd_rng *r)
{
    if (r->kind == ND_MT19937) return nd__mt19937_next(r);  /* native 32-bit, no buffer */
    if (r->has_uint32) {
        r->has_uint32 = 0;
        return r->uinteger;
    }
    uint64_t v = nd__next64(r);
    r->has_uint32 = 1;
    r->uinteger = (uint32_t)(v >> 32);
    return (uint32_t)v;
}

static inline double nd__next_double(nd_rng *r)
{
    if (r->kind == ND_MT19937) return nd__mt19937_double(r);
    return (double)(nd__next64(r) >> 11) * (1.0 / 9007199254740992.0);
}
static inline float nd__next_float(nd_rng *r)
{
    return (float)(nd__next32(r) >> 8) * (1.0f / 16777216.0f);
}

/* Seed r's bit generator from r->seq (NumPy's per-kind seeding). */
ND_INTERNAL void nd__bitgen_seed(nd_rng *r);
/* Jump r's bit generator in place, `jumps` times (bitgen.c); the seed sequence is
 * extended so that spawning from the copy does not repeat the parent's children. */
ND_INTERNAL ND_WARN_UNUSED nd_status nd__bitgen_jump(nd_rng *r, uint64_t jumps);

#endif
