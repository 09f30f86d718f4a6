/* Bit generators: seeding from a SeedSequence the way NumPy seeds each one, Philox's
 * block function, and the jump / advance functions. */
#include <string.h>

#include "rng_internal.h"

/* ---- Philox4x64-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3") -- */
#define PHILOX_M0 0xD2E7470EE14C6C93u
#define PHILOX_M1 0xCA5A826395121157u
#define PHILOX_W0 0x9E3779B97F4A7C15u
#define PHILOX_W1 0xBB67AE8584CAA73Bu

static void philox_block(const uint64_t ctr_in[4], const uint64_t key_in[2], uint64_t out[4])
{
    uint64_t c[4] = { ctr_in[0], ctr_in[1], ctr_in[2], ctr_in[3] };
    uint64_t k0 = key_in[0], k1 = key_in[1];
    for (int round = 0; round < 10; round++) {
        if (round > 0) {
            k0 += PHILOX_W0;
            k1 += PHILOX_W1;
        }
        nd__u128 p0 = (nd__u128)PHILOX_M0 * c[0];
        nd__u128 p1 = (nd__u128)PHILOX_M1 * c[2];
        uint64_t n0 = (uint64_t)(p1 >> 64) ^ c[1] ^ k0;
        uint64_t n2 = (uint64_t)(p0 >> 64) ^ c[3] ^ k1;
        c[0] = n0;
        c[1] = (uint64_t)p1;
        c[2] = n2;
        c[3] = (uint64_t)p0;
    }
    memcpy(out, c, sizeof c);
}

uint64_t nd__philox_refill(nd_rng *r)
{
    nd__philox *p = &r->s.ph;
    for (int i = 0; i < 4 && ++p->ctr[i] == 0; i++) {
    }
    philox_block(p->ctr, p->key, p->buf);
    p->pos = 1;
    return p->buf[0];
}

/* ---- seeding ----------------------------------------------------------------------- */
void nd__bitgen_seed(nd_rng *r)
{
    uint64_t v[4];
    r->has_uint32 = 0;
    r->uinteger = 0;
    r->has_gauss = 0;
    r->gauss = 0;
    switch (r->kind) {
    case ND_MT19937:
        nd__mt19937_seed_seq(r);
        break;
    case ND_PCG64:
    case ND_PCG64DXSM: {
        /* pcg setseq seeding: state 0, inc = 2·initseq + 1, step, add initstate, step */
        nd__seedseq_words64(&r->seq, v, 4);
        nd__u128 initstate = ((nd__u128)v[0] << 64) | v[1];
        nd__u128 initseq = ((nd__u128)v[2] << 64) | v[3];
        /* both PCG variants seed with the 128-bit multiplier (NumPy's pcg64_set_seed) */
        r->s.pcg.inc = (initseq << 1) | 1u;
        r->s.pcg.state = r->s.pcg.inc;          /* 0·mult + inc */
        r->s.pcg.state += initstate;
        r->s.pcg.state = r->s.pcg.state * ND__PCG_MULT + r->s.pcg.inc;
        break;
    }
    case ND_PHILOX:
        nd__seedseq_words64(&r->seq, v, 2);
        memset(&r->s.ph, 0, sizeof r->s.ph);
        r->s.ph.key[0] = v[0];
        r->s.ph.key[1] = v[1];
        r->s.ph.pos = 4;
        break;
    case ND_SFC64:
        nd__seedseq_words64(&r->seq, v, 3);
        r->s.sfc.a = v[0];
        r->s.sfc.b = v[1];
        r->s.sfc.c = v[2];
        r->s.sfc.w = 1;
        for (int i = 0; i < 12; i++) nd__sfc64_next(r);
        break;
    default:
        nd__seedseq_words64(&r->seq, v, 4);
        if (!(v[0] | v[1] | v[2] | v[3])) v[0] = 1; /* the all-zero state is a fixed point */
        memcpy(r->s.xo, v, sizeof v);
        break;
    }
}

/* ---- jumps ------------------------------------------------------------------------- */
/* Brown's O(log n) LCG skip: state·mult^δ + inc·(mult^δ − 1)/(mult − 1). */
static nd__u128 lcg_advance(nd__u128 state, nd__u128 delta, nd__u128 mult, nd__u128 plus)
{
    nd__u128 acc_mult = 1, acc_plus = 0;
    while (delta > 0) {
        if (delta & 1) {
            acc_mult *= mult;
            acc_plus = acc_plus * mult + plus;
        }
        plus = (mult + 1) * plus;
        mult *= mult;
        delta >>= 1;
    }
    return acc_mult * state + acc_plus;
}

static void pcg_advance(nd_rng *r, nd__u128 delta)
{
    nd__u128 mult = r->kind == ND_PCG64 ? ND__PCG_MULT : (nd__u128)ND__PCG_CHEAP_MULT;
    r->s.pcg.state = lcg_advance(r->s.pcg.state, delta, mult, r->s.pcg.inc);
    r->has_uint32 = 0;
    r->uinteger = 0;
}

/* Add a 256-bit step to Philox's counter and drop the buffered block. */
static void philox_advance(nd_rng *r, const uint64_t step[4])
{
    uint64_t carry = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t a = r->s.ph.ctr[i], s = a + step[i];
        uint64_t c1 = s < a;
        uint64_t t = s + carry;
        carry = c1 | (t < s);
        r->s.ph.ctr[i] = t;
    }
    r->s.ph.pos = 4;
    memset(r->s.ph.buf, 0, sizeof r->s.ph.buf);
    r->has_uint32 = 0;
    r->uinteger = 0;
}

/* xoshiro256** jump polynomial for 2^128 steps (Blackman & Vigna's reference code). */
static void xoshiro_jump(nd_rng *r)
{
    static const uint64_t J[4] = { 0x180ec6d33cfd0abau, 0xd5a61266f0c9392cu,
                                   0xa9582618e03fc9aau, 0x39abdc4529b1661cu };
    uint64_t t[4] = { 0, 0, 0, 0 };
    for (int i = 0; i < 4; i++)
        for (int b = 0; b < 64; b++) {
            if (J[i] & ((uint64_t)1 << b))
                for (int k = 0; k < 4; k++) t[k] ^= r->s.xo[k];
            nd__xoshiro_next(r);
        }
    memcpy(r->s.xo, t, sizeof t);
    r->has_uint32 = 0;
    r->uinteger = 0;
}

nd_status nd_rng_advance(nd_rng *r, uint64_t delta_hi, uint64_t delta_lo)
{
    if (!r) return nd_set_error(ND_EVALUE, "nd_rng_advance: NULL generator");
    switch (r->kind) {
    case ND_PCG64:
    case ND_PCG64DXSM:
        pcg_advance(r, ((nd__u128)delta_hi << 64) | delta_lo);
        return ND_OK;
    case ND_PHILOX: {
        const uint64_t step[4] = { delta_lo, delta_hi, 0, 0 };
        philox_advance(r, step);
        return ND_OK;
    }
    default:
        return nd_set_error(ND_EVALUE, "nd_rng_advance: %s has no advance function",
                         nd_bitgen_name(r->kind));
    }
}

/* Jump in place; the seed sequence is extended so that spawning from the copy does not
 * repeat the parent's children. */
nd_status nd__bitgen_jump(nd_rng *r, uint64_t jumps)
{
    switch (r->kind) {
    case ND_PCG64:
    case ND_PCG64DXSM: {
        /* NumPy's step: (φ − 1) · 2^128 rounded to an odd number */
        const nd__u128 phi = ((nd__u128)0x9e3779b97f4a7c15u << 64) | 0xf39cc0605cedc835u;
        pcg_advance(r, phi * jumps);
        return ND_OK;
    }
    case ND_PHILOX: {
        /* jumps · 2^128 counter blocks */
        const uint64_t step[4] = { 0, 0, jumps, 0 };
        philox_advance(r, step);
        return ND_OK;
    }
    case ND_XOSHIRO256:
        for (uint64_t j = 0; j < jumps; j++) xoshiro_jump(r);
        return ND_OK;
    default:
        return nd_set_error(ND_EVALUE,
                         "nd_rng_jumped: %s has no jump function (use nd_rng_spawn)",
                         nd_bitgen_name(r->kind));
    }
}
