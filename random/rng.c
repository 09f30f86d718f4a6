/* The generator object: construction through SeedSequence, spawn / jump / copy,
 * state save and restore, raw draws. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include "rng_internal.h"

const char *nd_bitgen_name(nd_bitgen_kind kind)
{
    switch (kind) {
    case ND_PCG64: return "PCG64";
    case ND_PCG64DXSM: return "PCG64DXSM";
    case ND_PHILOX: return "Philox";
    case ND_SFC64: return "SFC64";
    case ND_XOSHIRO256: return "Xoshiro256**";
    case ND_MT19937: return "MT19937";
    }
    return "?";
}

static nd_rng *rng_make(nd_bitgen_kind kind, const uint32_t *words, int n,
                        const uint32_t *key, int nkey, const char *who)
{
    if ((unsigned)kind > ND_MT19937)
        return ND_FAIL(ND_EVALUE, "%s: unknown bit generator kind %d", who, (int)kind);
    nd_rng *r = nd_calloc(1, sizeof *r, who);
    if (!r) return NULL;
    r->kind = kind;
    if (nd__seedseq_init(&r->seq, words, n, key, nkey, who) < 0) {
        nd_free_mem(r);
        return NULL;
    }
    nd__bitgen_seed(r);
    return r;
}

/* NumPy splits an integer seed into 32-bit words, least significant first. */
static int seed_words(uint64_t seed, uint32_t w[2])
{
    w[0] = (uint32_t)seed;
    w[1] = (uint32_t)(seed >> 32);
    return w[1] ? 2 : 1;
}

nd_rng *nd_rng_new_kind(nd_bitgen_kind kind, uint64_t seed)
{
    uint32_t w[2];
    int n = seed_words(seed, w);
    return rng_make(kind, w, n, NULL, 0, "nd_rng_new");
}

nd_rng *nd_rng_new(uint64_t seed) { return nd_rng_new_kind(ND_PCG64, seed); }

nd_rng *nd_rng_from_entropy(nd_bitgen_kind kind, const uint32_t *words, size_t n)
{
    if (n > ND__SS_MAXWORDS)
        return ND_FAIL(ND_EVALUE, "nd_rng_from_entropy: %zu entropy words (at most %d)", n,
                       ND__SS_MAXWORDS);
    if (n > 0 && !words) return ND_FAIL(ND_EVALUE, "nd_rng_from_entropy: NULL words");
    /* NumPy drops leading zero words of a big integer except the last one */
    while (n > 1 && words[n - 1] == 0) n--;
    return rng_make(kind, words, (int)n, NULL, 0, "nd_rng_from_entropy");
}

nd_rng *nd_rng_from_os(nd_bitgen_kind kind)
{
    uint32_t w[4];
    size_t got = 0;
    while (got < sizeof w) {
        ssize_t k = getrandom((char *)w + got, sizeof w - got, 0);
        if (k < 0) {
            if (errno == EINTR) continue;
            return ND_FAIL(ND_EIO, "nd_rng_from_os: getrandom failed (errno %d)", errno);
        }
        got += (size_t)k;
    }
    int n = 4;
    while (n > 1 && w[n - 1] == 0) n--;
    return rng_make(kind, w, n, NULL, 0, "nd_rng_from_os");
}

void nd_rng_free(nd_rng *r) { nd_free_mem(r); }

nd_rng *nd_rng_copy(const nd_rng *r)
{
    if (!r) return ND_FAIL(ND_EVALUE, "nd_rng_copy: NULL generator");
    nd_rng *c = nd_malloc(sizeof *c, "nd_rng_copy");
    if (c) memcpy(c, r, sizeof *c);
    return c;
}

nd_bitgen_kind nd_rng_kind(const nd_rng *r) { return r->kind; }

nd_status nd_rng_spawn(nd_rng *r, int n, nd_rng **children)
{
    if (!r || !children) return nd_set_error(ND_EVALUE, "nd_rng_spawn: NULL argument");
    if (n < 0) return nd_set_error(ND_EVALUE, "nd_rng_spawn: n = %d < 0", n);
    if (r->seq.n_spawn_key >= ND__SS_MAXWORDS)
        return nd_set_error(ND_EVALUE, "nd_rng_spawn: spawn tree deeper than %d levels",
                         ND__SS_MAXWORDS);
    uint32_t key[ND__SS_MAXWORDS];
    memcpy(key, r->seq.spawn_key, sizeof key);
    int nk = r->seq.n_spawn_key;
    for (int i = 0; i < n; i++) {
        key[nk] = r->seq.n_children + (uint32_t)i;
        children[i] = rng_make(r->kind, r->seq.entropy, r->seq.n_entropy, key, nk + 1,
                               "nd_rng_spawn");
        if (!children[i]) {
            for (int j = 0; j < i; j++) {
                nd_rng_free(children[j]);
                children[j] = NULL;
            }
            return nd_last_error();
        }
    }
    r->seq.n_children += (uint32_t)n;
    return ND_OK;
}

nd_rng *nd_rng_jumped(const nd_rng *r, uint64_t jumps)
{
    if (!r) return ND_FAIL(ND_EVALUE, "nd_rng_jumped: NULL generator");
    nd_rng *c = nd_rng_copy(r);
    if (!c) return NULL;
    if (nd__bitgen_jump(c, jumps) < 0) {
        nd_rng_free(c);
        return NULL;
    }
    /* Give the copy its own seed-sequence branch ("jump", jumps) so that children
     * spawned from it differ from the parent's. */
    if (c->seq.n_spawn_key + 2 <= ND__SS_MAXWORDS) {
        uint32_t key[ND__SS_MAXWORDS];
        int nk = c->seq.n_spawn_key;
        memcpy(key, c->seq.spawn_key, sizeof key);
        key[nk] = 0x6a756d70u;
        key[nk + 1] = (uint32_t)jumps;
        nd__seedseq tmp;
        if (nd__seedseq_init(&tmp, c->seq.entropy, c->seq.n_entropy, key, nk + 2,
                             "nd_rng_jumped") == ND_OK)
            c->seq = tmp;
    }
    return c;
}

nd_status nd_rng_get_state(const nd_rng *r, nd_rng_state *st)
{
    if (!r || !st) return nd_set_error(ND_EVALUE, "nd_rng_get_state: NULL argument");
    memset(st, 0, sizeof *st);
    st->kind = r->kind;
    st->has_uint32 = r->has_uint32;
    st->uinteger = r->uinteger;
    st->has_gauss = r->has_gauss;
    st->gauss = r->gauss;
    switch (r->kind) {
    case ND_MT19937:
        memcpy(st->mt_key, r->s.mt.key, sizeof st->mt_key);
        st->mt_pos = r->s.mt.pos;
        break;
    case ND_PCG64:
    case ND_PCG64DXSM:
        st->w[0] = (uint64_t)(r->s.pcg.state >> 64);
        st->w[1] = (uint64_t)r->s.pcg.state;
        st->w[2] = (uint64_t)(r->s.pcg.inc >> 64);
        st->w[3] = (uint64_t)r->s.pcg.inc;
        break;
    case ND_PHILOX:
        memcpy(st->w, r->s.ph.ctr, sizeof r->s.ph.ctr);
        memcpy(st->w + 4, r->s.ph.key, sizeof r->s.ph.key);
        memcpy(st->w + 6, r->s.ph.buf, sizeof r->s.ph.buf);
        st->w[10] = (uint64_t)r->s.ph.pos;
        break;
    case ND_SFC64:
        st->w[0] = r->s.sfc.a;
        st->w[1] = r->s.sfc.b;
        st->w[2] = r->s.sfc.c;
        st->w[3] = r->s.sfc.w;
        break;
    default:
        memcpy(st->w, r->s.xo, sizeof r->s.xo);
        break;
    }
    return ND_OK;
}

nd_status nd_rng_set_state(nd_rng *r, const nd_rng_state *st)
{
    if (!r || !st) return nd_set_error(ND_EVALUE, "nd_rng_set_state: NULL argument");
    if (st->kind != r->kind)
        return nd_set_error(ND_EVALUE, "nd_rng_set_state: state is for %s, generator is %s",
                         nd_bitgen_name(st->kind), nd_bitgen_name(r->kind));
    switch (r->kind) {
    case ND_MT19937: {
        if (st->mt_pos < 0 || st->mt_pos > ND__MT_N)
            return nd_set_error(ND_EVALUE, "nd_rng_set_state: MT19937 pos %d outside [0, 624]",
                                st->mt_pos);
        uint32_t any = 0;
        for (int i = 0; i < ND__MT_N; i++) any |= st->mt_key[i];
        if (!any) return nd_set_error(ND_EVALUE, "nd_rng_set_state: MT19937 key is all zero");
        memcpy(r->s.mt.key, st->mt_key, sizeof r->s.mt.key);
        r->s.mt.pos = st->mt_pos;
        break;
    }
    case ND_PCG64:
    case ND_PCG64DXSM:
        if (!(st->w[3] & 1))
            return nd_set_error(ND_EVALUE, "nd_rng_set_state: PCG increment must be odd");
        r->s.pcg.state = ((nd__u128)st->w[0] << 64) | st->w[1];
        r->s.pcg.inc = ((nd__u128)st->w[2] << 64) | st->w[3];
        break;
    case ND_PHILOX:
        if (st->w[10] > 4)
            return nd_set_error(ND_EVALUE, "nd_rng_set_state: Philox buffer position %llu > 4",
                             (unsigned long long)st->w[10]);
        memcpy(r->s.ph.ctr, st->w, sizeof r->s.ph.ctr);
        memcpy(r->s.ph.key, st->w + 4, sizeof r->s.ph.key);
        memcpy(r->s.ph.buf, st->w + 6, sizeof r->s.ph.buf);
        r->s.ph.pos = (int)st->w[10];
        break;
    case ND_SFC64:
        r->s.sfc.a = st->w[0];
        r->s.sfc.b = st->w[1];
        r->s.sfc.c = st->w[2];
        r->s.sfc.w = st->w[3];
        break;
    default:
        if (!(st->w[0] | st->w[1] | st->w[2] | st->w[3]))
            return nd_set_error(ND_EVALUE, "nd_rng_set_state: xoshiro256** state is all zero");
        memcpy(r->s.xo, st->w, sizeof r->s.xo);
        break;
    }
    r->has_uint32 = st->has_uint32 ? 1 : 0;
    r->uinteger = st->uinteger;
    r->has_gauss = st->has_gauss ? 1 : 0;
    r->gauss = st->has_gauss ? st->gauss : 0.0;
    return ND_OK;
}

uint64_t nd_rng_next_u64(nd_rng *r) { return nd__next64(r); }
uint32_t nd_rng_next_u32(nd_rng *r) { return nd__next32(r); }
double nd_rng_next_double(nd_rng *r) { return nd__next_double(r); }
float nd_rng_next_float(nd_rng *r) { return nd__next_float(r); }

nd_array *nd_rng_random_raw(nd_rng *r, ptrdiff_t n)
{
    if (!r) return ND_FAIL(ND_EVALUE, "nd_rng_random_raw: NULL generator");
    if (n < 0) return ND_FAIL(ND_EVALUE, "nd_rng_random_raw: n = %td < 0", n);
    nd_array *a = nd__alloc(1, &n, ND_UINT64, false, "nd_rng_random_raw");
    if (!a) return NULL;
    uint64_t *d = (uint64_t *)a->data;
    /* MT19937's raw output is its native 32-bit word (NumPy's next_raw) */
    if (r->kind == ND_MT19937)
        for (ptrdiff_t i = 0; i < n; i++) d[i] = nd__mt19937_next(r);
    else
        for (ptrdiff_t i = 0; i < n; i++) d[i] = nd__next64(r);
    return a;
}
