/* Bit generators and SeedSequence against NumPy's streams and published vectors. */
#include <numc/random.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

/* Read fixture `name` from tests/data/random/<file> (lines "name v1 v2 ..."). */
static int fixture_u64(const char *file, const char *name, uint64_t *out, int cap)
{
    char path[512];
    snprintf(path, sizeof path, "%s/random/%s", NUMC_TEST_DATA, file);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    static char line[1 << 20];
    int n = -1;
    size_t len = strlen(name);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, name, len) != 0 || line[len] != ' ') continue;
        char *p = line + len, *end;
        n = 0;
        for (;;) {
            unsigned long long v = strtoull(p, &end, 10);
            if (end == p || n >= cap) break;
            out[n++] = v;
            p = end;
        }
        break;
    }
    fclose(f);
    return n;
}

static void check_stream(nd_rng *r, const char *name)
{
    uint64_t want[64];
    int n = fixture_u64("bitgen.txt", name, want, 64);
    CU_ASSERT_FATAL(n > 0);
    int bad = 0;
    for (int i = 0; i < n; i++) bad += nd_rng_next_u64(r) != want[i];
    if (bad) printf("\n  %s: %d of %d differ\n", name, bad, n);
    CU_ASSERT_EQUAL(bad, 0);
}

static void test_pcg64_seed42_matches_numpy_default_rng(void)
{
    nd_rng *r = nd_rng_new(42);
    CU_ASSERT_EQUAL(nd_rng_kind(r), ND_PCG64);
    nd_rng_state st;
    uint64_t want[4];
    CU_ASSERT_EQUAL(fixture_u64("bitgen.txt", "pcg64_42_state", want, 4), 4);
    nd_rng_get_state(r, &st);
    for (int i = 0; i < 4; i++) CU_ASSERT_EQUAL(st.w[i], want[i]);
    check_stream(r, "pcg64_42_raw");
    nd_rng_free(r);
}

static void test_each_kind_seeded_matches_numpy(void)
{
    static const struct { nd_bitgen_kind k; const char *name; } kinds[] = {
        { ND_PCG64, "pcg64" }, { ND_PCG64DXSM, "pcg64dxsm" }, { ND_PHILOX, "philox" },
        { ND_SFC64, "sfc64" },
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        char nm[64];
        nd_rng *r = nd_rng_new_kind(kinds[i].k, 42);
        snprintf(nm, sizeof nm, "%s_42_raw", kinds[i].name);
        check_stream(r, nm);
        nd_rng_free(r);
        r = nd_rng_new_kind(kinds[i].k, 12345678901234567890u);
        snprintf(nm, sizeof nm, "%s_big_raw", kinds[i].name);
        check_stream(r, nm);
        nd_rng_free(r);
    }
}

static void test_seedseq_big_integer_entropy(void)
{
    /* SeedSequence(2**100 + 12345): words low first */
    const uint32_t w[4] = { 12345, 0, 0, 16 };
    nd_rng *r = nd_rng_from_entropy(ND_PCG64, w, 4);
    /* PCG64 seeded from that sequence: check via the first generate_state words = the
     * state, recomputed from the fixture of generate_state(4, uint64). */
    uint64_t want[4];
    CU_ASSERT_EQUAL(fixture_u64("bitgen.txt", "ss_big_u64x4", want, 4), 4);
    /* reproduce PCG64 seeding from want[] through set_state and compare streams */
    nd_rng *ref = nd_rng_new(0);
    nd_rng_state st;
    nd_rng_get_state(ref, &st);
    __extension__ typedef unsigned __int128 u128;
    const u128 M = ((u128)0x2360ed051fc65da4u << 64) | 0x4385df649fccf645u;
    u128 inc = ((((u128)want[2] << 64) | want[3]) << 1) | 1u;
    u128 s = (inc + (((u128)want[0] << 64) | want[1])) * M + inc;
    st.w[0] = (uint64_t)(s >> 64);
    st.w[1] = (uint64_t)s;
    st.w[2] = (uint64_t)(inc >> 64);
    st.w[3] = (uint64_t)inc;
    CU_ASSERT_EQUAL(nd_rng_set_state(ref, &st), ND_OK);
    for (int i = 0; i < 16; i++) CU_ASSERT_EQUAL(nd_rng_next_u64(r), nd_rng_next_u64(ref));
    nd_rng_free(r);
    nd_rng_free(ref);
}

static void test_spawn_matches_numpy_seedsequence_spawn(void)
{
    nd_rng *r = nd_rng_new(42), *kids[3], *more[1], *grand[2];
    CU_ASSERT_EQUAL_FATAL(nd_rng_spawn(r, 2, kids), ND_OK);
    CU_ASSERT_EQUAL_FATAL(nd_rng_spawn(r, 1, kids + 2), ND_OK);
    for (int i = 0; i < 3; i++) {
        uint64_t want[4];
        char nm[64];
        snprintf(nm, sizeof nm, "ss42_child%d_u64x4", i);
        CU_ASSERT_EQUAL(fixture_u64("bitgen.txt", nm, want, 4), 4);
        /* PCG64 state after seeding from want[] */
        __extension__ typedef unsigned __int128 u128;
        const u128 M = ((u128)0x2360ed051fc65da4u << 64) | 0x4385df649fccf645u;
        u128 inc = ((((u128)want[2] << 64) | want[3]) << 1) | 1u;
        u128 s = (inc + (((u128)want[0] << 64) | want[1])) * M + inc;
        nd_rng_state st;
        nd_rng_get_state(kids[i], &st);
        CU_ASSERT_EQUAL(st.w[0], (uint64_t)(s >> 64));
        CU_ASSERT_EQUAL(st.w[1], (uint64_t)s);
        CU_ASSERT_EQUAL(st.w[3], (uint64_t)inc);
    }
    CU_ASSERT_EQUAL_FATAL(nd_rng_spawn(kids[1], 2, grand), ND_OK);
    {
        uint64_t want[4];
        CU_ASSERT_EQUAL(fixture_u64("bitgen.txt", "ss42_child1_child1_u64x4", want, 4), 4);
        __extension__ typedef unsigned __int128 u128;
        u128 inc = ((((u128)want[2] << 64) | want[3]) << 1) | 1u;
        nd_rng_state st;
        nd_rng_get_state(grand[1], &st);
        CU_ASSERT_EQUAL(st.w[3], (uint64_t)inc);
        CU_ASSERT_EQUAL(st.w[2], (uint64_t)(inc >> 64));
    }
    (void)more;
    for (int i = 0; i < 3; i++) nd_rng_free(kids[i]);
    for (int i = 0; i < 2; i++) nd_rng_free(grand[i]);
    CU_ASSERT_EQUAL(nd_rng_spawn(r, -1, kids), ND_EVALUE);
    nd_rng_free(r);
}

static void test_jumped_matches_numpy(void)
{
    static const struct { nd_bitgen_kind k; const char *name; } kinds[] = {
        { ND_PCG64, "pcg64" }, { ND_PCG64DXSM, "pcg64dxsm" }, { ND_PHILOX, "philox" },
    };
    for (size_t i = 0; i < 3; i++) {
        char nm[64];
        nd_rng *r = nd_rng_new_kind(kinds[i].k, 42);
        nd_rng *j1 = nd_rng_jumped(r, 1), *j5 = nd_rng_jumped(r, 5);
        snprintf(nm, sizeof nm, "%s_42_jumped1_raw", kinds[i].name);
        check_stream(j1, nm);
        snprintf(nm, sizeof nm, "%s_42_jumped5_raw", kinds[i].name);
        check_stream(j5, nm);
        snprintf(nm, sizeof nm, "%s_42_raw", kinds[i].name);
        check_stream(r, nm); /* the original is untouched */
        nd_rng_free(r);
        nd_rng_free(j1);
        nd_rng_free(j5);
    }
}

static void test_sfc64_has_no_jump(void)
{
    nd_rng *r = nd_rng_new_kind(ND_SFC64, 1);
    CU_ASSERT_PTR_NULL(nd_rng_jumped(r, 1));
    CU_ASSERT_EQUAL(nd_last_error(), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "SFC64"));
    nd_rng_free(r);
}

static void test_pcg_explicit_state_and_advance_match_numpy(void)
{
    nd_bitgen_kind ks[2] = { ND_PCG64, ND_PCG64DXSM };
    const char *names[2] = { "pcg64", "pcg64dxsm" };
    for (int i = 0; i < 2; i++) {
        char nm[64];
        nd_rng *r = nd_rng_new_kind(ks[i], 0);
        nd_rng_state st;
        nd_rng_get_state(r, &st);
        st.w[0] = 0x0123456789abcdefu;
        st.w[1] = 0xfedcba9876543210u;
        st.w[2] = 0x0f1e2d3c4b5a6978u;
        st.w[3] = 0x8796a5b4c3d2e1f1u;
        CU_ASSERT_EQUAL(nd_rng_set_state(r, &st), ND_OK);
        snprintf(nm, sizeof nm, "%s_explicit_raw", names[i]);
        check_stream(r, nm);
        nd_rng_free(r);
        r = nd_rng_new_kind(ks[i], 42);
        CU_ASSERT_EQUAL(nd_rng_advance(r, 64, 12345), ND_OK); /* 2^70 + 12345 */
        snprintf(nm, sizeof nm, "%s_42_advanced_raw", names[i]);
        check_stream(r, nm);
        nd_rng_free(r);
    }
}

/* Random123's kat_vectors for philox4x64_10 (published with the algorithm). */
static void test_philox_published_known_answers(void)
{
    static const uint64_t zero[4] = { 0x16554d9eca36314cu, 0xdb20fe9d672d0fdcu,
                                      0xd7e772cee186176bu, 0x7e68b68aec7ba23bu };
    static const uint64_t ones[4] = { 0x87b092c3013fe90bu, 0x438c3c67be8d0224u,
                                      0x9cc7d7c69cd777b6u, 0xa09caebf594f0ba0u };
    static const uint64_t pi[4] = { 0xa528f45403e61d95u, 0x38c72dbd566e9788u,
                                    0xa5a1610e72fd18b5u, 0x57bd43b5e52b7fe6u };
    nd_rng *r = nd_rng_new_kind(ND_PHILOX, 0);
    nd_rng_state st;
    nd_rng_get_state(r, &st);
    const uint64_t *want[3] = { zero, ones, pi };
    const uint64_t ctr[3][4] = {
        { 0, 0, 0, 0 },
        { UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX },
        { 0x243f6a8885a308d3u, 0x13198a2e03707344u, 0xa4093822299f31d0u, 0x082efa98ec4e6c89u },
    };
    const uint64_t key[3][2] = { { 0, 0 },
                                 { UINT64_MAX, UINT64_MAX },
                                 { 0x452821e638d01377u, 0xbe5466cf34e90c6cu } };
    for (int t = 0; t < 3; t++) {
        /* the counter is incremented before each block: start one below */
        uint64_t c[4];
        memcpy(c, ctr[t], sizeof c);
        for (int i = 0; i < 4 && c[i]-- == 0; i++) {
        }
        memcpy(st.w, c, sizeof c);
        st.w[4] = key[t][0];
        st.w[5] = key[t][1];
        st.w[10] = 4;
        st.has_uint32 = 0;
        CU_ASSERT_EQUAL(nd_rng_set_state(r, &st), ND_OK);
        for (int i = 0; i < 4; i++) CU_ASSERT_EQUAL(nd_rng_next_u64(r), want[t][i]);
    }
    nd_rng_free(r);
}

/* xoshiro256** reference outputs for the state {1, 2, 3, 4} (as published with the
 * reference implementation's test data, e.g. in Rust's rand_xoshiro). */
static void test_xoshiro_reference_vector(void)
{
    static const uint64_t want[10] = {
        11520u, 0u, 1509978240u, 1215971899390074240u, 1216172134540287360u,
        607988272756665600u, 16172922978634559625u, 8476171486693032832u,
        10595114339597558777u, 2904607092377533576u };
    nd_rng *r = nd_rng_new_kind(ND_XOSHIRO256, 0);
    nd_rng_state st = { .kind = ND_XOSHIRO256, .w = { 1, 2, 3, 4 } };
    CU_ASSERT_EQUAL(nd_rng_set_state(r, &st), ND_OK);
    for (int i = 0; i < 10; i++) CU_ASSERT_EQUAL(nd_rng_next_u64(r), want[i]);
    nd_rng_state zero = { .kind = ND_XOSHIRO256 };
    CU_ASSERT_EQUAL(nd_rng_set_state(r, &zero), ND_EVALUE);
    nd_rng_free(r);
}

static void test_uint32_draws_split_uint64_like_numpy(void)
{
    uint64_t want[5];
    CU_ASSERT_EQUAL_FATAL(fixture_u64("bitgen.txt", "pcg64_42_u32_then_u64", want, 5), 5);
    nd_rng *r = nd_rng_new(42);
    for (int i = 0; i < 3; i++) CU_ASSERT_EQUAL(nd_rng_next_u32(r), want[i]);
    /* the buffered upper half is not consumed by 64-bit draws */
    CU_ASSERT_EQUAL(nd_rng_next_u64(r), want[3]);
    CU_ASSERT_EQUAL(nd_rng_next_u64(r), want[4]);
    nd_rng_free(r);
}

static void test_state_roundtrip_and_copy(void)
{
    nd_bitgen_kind ks[5] = { ND_PCG64, ND_PCG64DXSM, ND_PHILOX, ND_SFC64, ND_XOSHIRO256 };
    for (int k = 0; k < 5; k++) {
        nd_rng *r = nd_rng_new_kind(ks[k], 7);
        (void)nd_rng_next_u32(r); /* leave a buffered half-word */
        (void)nd_rng_next_u64(r);
        nd_rng_state st;
        CU_ASSERT_EQUAL(nd_rng_get_state(r, &st), ND_OK);
        nd_rng *c = nd_rng_copy(r);
        uint64_t a[8];
        uint32_t h = nd_rng_next_u32(r);
        for (int i = 0; i < 8; i++) a[i] = nd_rng_next_u64(r);
        CU_ASSERT_EQUAL(nd_rng_next_u32(c), h);
        for (int i = 0; i < 8; i++) CU_ASSERT_EQUAL(nd_rng_next_u64(c), a[i]);
        nd_rng *fresh = nd_rng_new_kind(ks[k], 99);
        CU_ASSERT_EQUAL(nd_rng_set_state(fresh, &st), ND_OK);
        CU_ASSERT_EQUAL(nd_rng_next_u32(fresh), h);
        for (int i = 0; i < 8; i++) CU_ASSERT_EQUAL(nd_rng_next_u64(fresh), a[i]);
        nd_rng_free(r);
        nd_rng_free(c);
        nd_rng_free(fresh);
    }
    nd_rng *a = nd_rng_new_kind(ND_PCG64, 1), *b = nd_rng_new_kind(ND_SFC64, 1);
    nd_rng_state st;
    nd_rng_get_state(a, &st);
    CU_ASSERT_EQUAL(nd_rng_set_state(b, &st), ND_EVALUE);
    CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "PCG64"));
    nd_rng_free(a);
    nd_rng_free(b);
}

static void test_xoshiro_jump_and_spawn_give_distinct_streams(void)
{
    nd_rng *r = nd_rng_new_kind(ND_XOSHIRO256, 5);
    nd_rng *j = nd_rng_jumped(r, 1), *j2 = nd_rng_jumped(j, 1), *jj = nd_rng_jumped(r, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(j);
    /* jumping twice by one equals jumping once by two */
    for (int i = 0; i < 8; i++) CU_ASSERT_EQUAL(nd_rng_next_u64(j2), nd_rng_next_u64(jj));
    CU_ASSERT_NOT_EQUAL(nd_rng_next_u64(r), nd_rng_next_u64(j));
    nd_rng *kid[2];
    CU_ASSERT_EQUAL(nd_rng_spawn(r, 2, kid), ND_OK);
    CU_ASSERT_NOT_EQUAL(nd_rng_next_u64(kid[0]), nd_rng_next_u64(kid[1]));
    nd_rng_free(kid[0]);
    nd_rng_free(kid[1]);
    nd_rng_free(r);
    nd_rng_free(j);
    nd_rng_free(j2);
    nd_rng_free(jj);
}

static void test_random_raw_array_and_os_seed(void)
{
    nd_rng *r = nd_rng_new(42), *s = nd_rng_new(42);
    nd_array *a = nd_rng_random_raw(r, 10);
    CU_ASSERT_EQUAL(nd_dtype_of(a), ND_UINT64);
    for (int i = 0; i < 10; i++) CU_ASSERT_EQUAL(nd_get_u64(a, ND_IDX(i)), nd_rng_next_u64(s));
    nd_free(a);
    CU_ASSERT_PTR_NULL(nd_rng_random_raw(r, -1));
    nd_rng *o1 = nd_rng_from_os(ND_PCG64), *o2 = nd_rng_from_os(ND_PCG64);
    CU_ASSERT_NOT_EQUAL(nd_rng_next_u64(o1), nd_rng_next_u64(o2));
    CU_ASSERT_STRING_EQUAL(nd_bitgen_name(ND_PHILOX), "Philox");
    nd_rng_free(o1);
    nd_rng_free(o2);
    nd_rng_free(r);
    nd_rng_free(s);
    nd_rng_free(NULL);
}

static const ND_TEST tests[] = {
    ND_T(test_pcg64_seed42_matches_numpy_default_rng),
    ND_T(test_each_kind_seeded_matches_numpy),
    ND_T(test_seedseq_big_integer_entropy),
    ND_T(test_spawn_matches_numpy_seedsequence_spawn),
    ND_T(test_jumped_matches_numpy),
    ND_T(test_sfc64_has_no_jump),
    ND_T(test_pcg_explicit_state_and_advance_match_numpy),
    ND_T(test_philox_published_known_answers),
    ND_T(test_xoshiro_reference_vector),
    ND_T(test_uint32_draws_split_uint64_like_numpy),
    ND_T(test_state_roundtrip_and_copy),
    ND_T(test_xoshiro_jump_and_spawn_give_distinct_streams),
    ND_T(test_random_raw_array_and_os_seed),
    { 0 },
};
ND_TEST_MAIN("random_bitgen", tests)
