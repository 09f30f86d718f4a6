/* The string functions under allocation failure (tests/faultsim.h): every failed
 * allocation gives ND_ENOMEM and leaks nothing. */
#define _POSIX_C_SOURCE 200809L
#include <numc/numc.h>

#include <stdio.h>
#include <string.h>

#include "faultsim.h"
#include "testutil.h"

static nd_status body_core(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *bad = NULL, *num = NULL, *n = NULL, *back = NULL, *s = NULL, *cmp = NULL;
    nd_array *srt = NULL, *ix = NULL, *u = NULL, *cnt = NULL, *inv = NULL, *ss = NULL, *in = NULL;
    nd_array *ld = NULL;
    char *txt = NULL, *r = NULL;
    void *npy = NULL;
    size_t len;
    if (!(a = nd_str_array(4, (const char *[]){ "pear", "\xc3\xa9t\xc3\xa9", "", "pear" }, ND_STR_OF(0))))
        goto fail;
    /* text that 'S' cannot hold: ND_EVALUE when nothing else failed first */
    if ((bad = nd_astype(a, ND_BYTES_OF(2), ND_CAST_UNSAFE)) || nd_last_error() == ND_ENOMEM) {
        rc = bad ? ND_EVALUE : ND_ENOMEM;
        goto out;
    }
    if (!(num = nd_str_array(2, (const char *[]){ " 12 ", "3.5e2" }, ND_STR_OF(0)))) goto fail;
    if (!(n = nd_astype(num, ND_FLOAT64, ND_CAST_UNSAFE))) goto fail;
    if (!(back = nd_astype(n, ND_STR_OF(0), ND_CAST_UNSAFE))) goto fail;
    if (!(s = nd_astype(back, ND_BYTES_OF(0), ND_CAST_UNSAFE))) goto fail;
    if (!(cmp = nd_less(a, a))) goto fail;
    if (!(srt = nd_sort(a, 0))) goto fail;
    if (!(ix = nd_argsort(a, 0, ND_SORT_STABLE))) goto fail;
    if (!(u = nd_unique(a, .counts = &cnt, .inverse = &inv))) goto fail;
    if (!(ss = nd_searchsorted(u, a, ND_SIDE_LEFT))) goto fail;
    if (!(in = nd_isin(a, u))) goto fail;
    if (!(txt = nd_repr(a))) goto fail;
    if (!(r = nd_str_get_alloc(a, 1, (ptrdiff_t[]){ 1 }, &len))) goto fail;
    nd_free_mem(r);
    r = NULL;
    if (!(npy = nd_save_buffer(&len, &(nd_save_opts){ .array = a }))) goto fail;
    if (!(ld = nd_load_buffer(npy, len))) goto fail;
    if (nd_str_set(ld, 1, (ptrdiff_t[]){ 0 }, "x") < 0) goto fail;
    if (!(r = nd_repr(back))) goto fail;
    if (strcmp(txt, "array(['pear', '\xc3\xa9t\xc3\xa9', '', 'pear'], dtype='<U4')") != 0 ||
        strcmp(r, "array(['12.0', '350.0'], dtype='<U32')") != 0)
        rc = ND_EVALUE;
    goto out;
fail:
    rc = nd_last_error();
out:
    nd_free(a), nd_free(bad), nd_free(num), nd_free(n), nd_free(back), nd_free(s), nd_free(cmp);
    nd_free(srt), nd_free(ix), nd_free(u), nd_free(cnt), nd_free(inv), nd_free(ss), nd_free(in);
    nd_free(ld);
    nd_free_mem(txt), nd_free_mem(r), nd_free_mem(npy);
    return rc;
}

static nd_status body_char(void *ctx)
{
    (void)ctx;
    nd_status rc = ND_OK;
    nd_array *a = NULL, *r[12] = { NULL }, *v = NULL, *f = NULL;
    if (!(a = nd_str_array(3, (const char *[]){ "Stra\xc3\x9f" "e-\xce\xa3", " a\tb ", "x-y" }, ND_STR_OF(0))))
        goto fail;
    if (!(v = nd_from_f64((double[]){ 2.5 }, 1))) goto fail;
    if (!(f = nd_str_array(1, (const char *[]){ "%06.2f|%%" }, ND_STR_OF(0)))) goto fail;
    if (!(r[0] = nd_char_upper(a)) || !(r[1] = nd_char_lower(a)) || !(r[2] = nd_char_title(a)) ||
        !(r[3] = nd_char_replace(a, "-", "--", -1)) || !(r[4] = nd_char_partition(a, "-")) ||
        !(r[5] = nd_char_expandtabs(a, 4)) || !(r[6] = nd_char_encode(a, "utf-8")) ||
        !(r[7] = nd_char_decode(r[6], "utf-8")) || !(r[8] = nd_char_mod(f, v)) ||
        !(r[9] = nd_char_add(a, a)) || !(r[10] = nd_char_find(a, "-", 0, ND_CHAR_END)) ||
        !(r[11] = nd_char_center(a, 9, "*")))
        goto fail;
    goto out;
fail:
    rc = nd_last_error();
out:
    nd_free(a), nd_free(v), nd_free(f);
    for (int i = 0; i < 12; i++) nd_free(r[i]);
    return rc;
}

static void test_string_paths_survive_allocation_failure(void)
{
    faultsim_report r = faultsim_run("strings", body_core, NULL);
    if (!r.ok) printf("\n  %s\n", r.why);
    CU_ASSERT(r.ok);
    CU_ASSERT(r.runs > 20);
}

static void test_char_functions_survive_allocation_failure(void)
{
    faultsim_report r = faultsim_run("numpy.char", body_char, NULL);
    if (!r.ok) printf("\n  %s\n", r.why);
    CU_ASSERT(r.ok);
    CU_ASSERT(r.runs > 20);
}

static const ND_TEST tests[] = {
    ND_T(test_string_paths_survive_allocation_failure),
    ND_T(test_char_functions_survive_allocation_failure),
    { 0 },
};

ND_TEST_MAIN("strings_fault", tests)
