/* NumPy's SeedSequence (numpy/random/bit_generator.pyx): a 4-word pool filled by
 * hashing the entropy words and spawn key, mixed all-to-all, from which each bit
 * generator draws its initial state. Reproducing it bit for bit is what makes
 * nd_rng_new(42) equal numpy.random.default_rng(42). */
#include <string.h>

#include "rng_internal.h"

#define SS_INIT_A 0x43b0d7e5u
#define SS_MULT_A 0x931e8875u
#define SS_INIT_B 0x8b51f9ddu
#define SS_MULT_B 0x58f38dedu
#define SS_MIX_MULT_L 0xca01f9ddu
#define SS_MIX_MULT_R 0x4973f715u
#define SS_XSHIFT 16

static uint32_t hashmix(uint32_t value, uint32_t *hash_const)
{
    value ^= *hash_const;
    *hash_const *= SS_MULT_A;
    value *= *hash_const;
    value ^= value >> SS_XSHIFT;
    return value;
}

static uint32_t mix(uint32_t x, uint32_t y)
{
    uint32_t result = SS_MIX_MULT_L * x - SS_MIX_MULT_R * y;
    return result ^ (result >> SS_XSHIFT);
}

nd_status nd__seedseq_init(nd__seedseq *ss, const uint32_t *entropy, int n_entropy,
                           const uint32_t *spawn_key, int n_spawn_key, const char *who)
{
    if (n_entropy < 0 || n_entropy > ND__SS_MAXWORDS)
        return nd_set_error(ND_EVALUE, "%s: entropy of %d words (at most %d)", who, n_entropy,
                         ND__SS_MAXWORDS);
    if (n_spawn_key < 0 || n_spawn_key > ND__SS_MAXWORDS)
        return nd_set_error(ND_EVALUE, "%s: spawn key deeper than %d levels", who,
                         ND__SS_MAXWORDS);
    memset(ss, 0, sizeof *ss);
    if (n_entropy) memcpy(ss->entropy, entropy, (size_t)n_entropy * sizeof *entropy);
    if (n_spawn_key) memcpy(ss->spawn_key, spawn_key, (size_t)n_spawn_key * sizeof *spawn_key);
    ss->n_entropy = n_entropy;
    ss->n_spawn_key = n_spawn_key;

    /* Assembled entropy: run entropy (zero-padded to the pool size when a spawn key
     * follows, so that keys cannot collide with longer entropy) then the spawn key. */
    uint32_t words[3 * ND__SS_MAXWORDS];
    int n = 0;
    for (int i = 0; i < n_entropy; i++) words[n++] = entropy[i];
    if (n_spawn_key > 0)
        while (n < ND__SS_POOL) words[n++] = 0;
    for (int i = 0; i < n_spawn_key; i++) words[n++] = spawn_key[i];

    uint32_t hc = SS_INIT_A;
    uint32_t *pool = ss->pool;
    for (int i = 0; i < ND__SS_POOL; i++) pool[i] = hashmix(i < n ? words[i] : 0, &hc);
    for (int src = 0; src < ND__SS_POOL; src++)
        for (int dst = 0; dst < ND__SS_POOL; dst++)
            if (src != dst) pool[dst] = mix(pool[dst], hashmix(pool[src], &hc));
    for (int src = ND__SS_POOL; src < n; src++)
        for (int dst = 0; dst < ND__SS_POOL; dst++)
            pool[dst] = mix(pool[dst], hashmix(words[src], &hc));
    return ND_OK;
}

void nd__seedseq_words32(const nd__seedseq *ss, uint32_t *out, int n)
{
    uint32_t hc = SS_INIT_B;
    for (int i = 0; i < n; i++) {
        uint32_t v = ss->pool[i % ND__SS_POOL];
        v ^= hc;
        hc *= SS_MULT_B;
        v *= hc;
        v ^= v >> SS_XSHIFT;
        out[i] = v;
    }
}

void nd__seedseq_words64(const nd__seedseq *ss, uint64_t *out, int n)
{
    uint32_t w[64];
    nd__seedseq_words32(ss, w, 2 * n);
    for (int i = 0; i < n; i++) out[i] = (uint64_t)w[2 * i] | ((uint64_t)w[2 * i + 1] << 32);
}
