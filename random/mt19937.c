/* MT19937 (Matsumoto & Nishimura) as NumPy's MT19937 bit generator: the reference
 * generator, init_genrand / init_by_array seeding (NumPy's legacy np.random.seed), and
 * SeedSequence seeding (MT19937(seed), Generator(MT19937(seed))). */
#include <string.h>

#include "rng_internal.h"

#define MT_M 397
#define MT_MATRIX_A 0x9908b0dfu
#define MT_UPPER 0x80000000u
#define MT_LOWER 0x7fffffffu

void nd__mt19937_gen(nd_rng *r)
{
    uint32_t *k = r->s.mt.key, y;
    int i;
    for (i = 0; i < ND__MT_N - MT_M; i++) {
        y = (k[i] & MT_UPPER) | (k[i + 1] & MT_LOWER);
        k[i] = k[i + MT_M] ^ (y >> 1) ^ (-(y & 1u) & MT_MATRIX_A);
    }
    for (; i < ND__MT_N - 1; i++) {
        y = (k[i] & MT_UPPER) | (k[i + 1] & MT_LOWER);
        k[i] = k[i + (MT_M - ND__MT_N)] ^ (y >> 1) ^ (-(y & 1u) & MT_MATRIX_A);
    }
    y = (k[ND__MT_N - 1] & MT_UPPER) | (k[0] & MT_LOWER);
    k[ND__MT_N - 1] = k[MT_M - 1] ^ (y >> 1) ^ (-(y & 1u) & MT_MATRIX_A);
    r->s.mt.pos = 0;
}

/* init_genrand (NumPy's mt19937_seed): Knuth's multiplier 1812433253. */
void nd__mt19937_seed32(nd_rng *r, uint32_t s)
{
    uint32_t *mt = r->s.mt.key;
    mt[0] = s;
    for (int i = 1; i < ND__MT_N; i++)
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->s.mt.pos = ND__MT_N;
}

/* init_by_array (the 2002 reference, as NumPy's mt19937_init_by_array). */
void nd__mt19937_seed_array(nd_rng *r, const uint32_t *key, int n)
{
    uint32_t *mt = r->s.mt.key;
    nd__mt19937_seed32(r, 19650218u);
    int i = 1, j = 0;
    for (int k = ND__MT_N > n ? ND__MT_N : n; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= ND__MT_N) {
            mt[0] = mt[ND__MT_N - 1];
            i = 1;
        }
        if (j >= n) j = 0;
    }
    for (int k = ND__MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= ND__MT_N) {
            mt[0] = mt[ND__MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;   /* MSB set: the state is never all zero */
    r->s.mt.pos = ND__MT_N;
}

/* NumPy's MT19937._seed_seq path: 624 words from SeedSequence.generate_state, word 0
 * replaced by 0x80000000, and pos left at 623 (the Cython loop variable), so the first
 * output is the tempered last seeded word. */
void nd__mt19937_seed_seq(nd_rng *r)
{
    nd__seedseq_words32(&r->seq, r->s.mt.key, ND__MT_N);
    r->s.mt.key[0] = 0x80000000u;
    r->s.mt.pos = ND__MT_N - 1;
}

/* Generator.random over MT19937 into a contiguous float64 buffer: the state words are
 * consumed from a local index so the loop carries no generator pointer traffic. */
void nd__mt19937_fill_double(nd_rng *r, double *d, ptrdiff_t n)
{
    uint32_t *k = r->s.mt.key;
    int pos = r->s.mt.pos;
    for (ptrdiff_t i = 0; i < n; i++) {
        uint32_t w[2];
        for (int j = 0; j < 2; j++) {
            if (pos >= ND__MT_N) {
                nd__mt19937_gen(r);
                pos = 0;
            }
            uint32_t y = k[pos++];
            y ^= y >> 11;
            y ^= (y << 7) & 0x9d2c5680u;
            y ^= (y << 15) & 0xefc60000u;
            y ^= y >> 18;
            w[j] = y;
        }
        d[i] = ((double)(w[0] >> 5) * 67108864.0 + (double)(w[1] >> 6)) * (1.0 / 9007199254740992.0);
    }
    r->s.mt.pos = pos;
}
