/* Comparison sorts for one element type, included once per dtype by sort_kernels.c
 * (NumPy's .c.src idea). Before including, define:
 *   SORT_T       the element type
 *   SORT_NAME    a suffix for the generated names
 *   SORT_LT(a,b) strict "a sorts before b" (NaNs last for floating types)
 * Generated: introsort, mergesort (stable), their argsort forms over int64 indices,
 * and selection (partition) for values and indices from core/array/select_template.h. */
#define SORT_CAT2(a, b) a##_##b
#define SORT_CAT(a, b) SORT_CAT2(a, b)
#define F(name) SORT_CAT(name, SORT_NAME)

enum { F(SMALL) = 16 };

static void F(insertion)(SORT_T *v, ptrdiff_t n)
{
    for (ptrdiff_t i = 1; i < n; i++) {
        SORT_T x = v[i];
        ptrdiff_t j = i;
        for (; j > 0 && SORT_LT(x, v[j - 1]); j--) v[j] = v[j - 1];
        v[j] = x;
    }
}

static void F(sift)(SORT_T *v, ptrdiff_t start, ptrdiff_t n)
{
    SORT_T x = v[start];
    ptrdiff_t i = start;
    for (ptrdiff_t c = 2 * i + 1; c < n; c = 2 * i + 1) {
        if (c + 1 < n && SORT_LT(v[c], v[c + 1])) c++;
        if (!SORT_LT(x, v[c])) break;
        v[i] = v[c];
        i = c;
    }
    v[i] = x;
}

static void F(heapsort)(SORT_T *v, ptrdiff_t n)
{
    for (ptrdiff_t i = n / 2 - 1; i >= 0; i--) F(sift)(v, i, n);
    for (ptrdiff_t end = n - 1; end > 0; end--) {
        SORT_T t = v[0];
        v[0] = v[end];
        v[end] = t;
        F(sift)(v, 0, end);
    }
}

/* Median of three moved to v[0]; partition around it (Hoare style, NumPy's scheme). */
static ptrdiff_t F(partition)(SORT_T *v, ptrdiff_t n)
{
    ptrdiff_t m = n / 2;
    SORT_T t;
#define SORT_SWAP(i, j) (t = v[i], v[i] = v[j], v[j] = t)
    if (SORT_LT(v[m], v[0])) SORT_SWAP(m, 0);
    if (SORT_LT(v[n - 1], v[m])) SORT_SWAP(n - 1, m);
    if (SORT_LT(v[m], v[0])) SORT_SWAP(m, 0);
    SORT_SWAP(0, m);
    SORT_T p = v[0];
    ptrdiff_t i = 0, j = n;
    for (;;) {
        do i++; while (i < n && SORT_LT(v[i], p));
        do j--; while (SORT_LT(p, v[j]));
        if (i >= j) break;
        SORT_SWAP(i, j);
    }
    SORT_SWAP(0, j);
#undef SORT_SWAP
    return j;
}

static void F(introsort)(SORT_T *v, ptrdiff_t n, int depth)
{
    while (n > F(SMALL)) {
        if (depth-- == 0) {
            F(heapsort)(v, n);
            return;
        }
        ptrdiff_t j = F(partition)(v, n);
        /* Recurse into the smaller side, loop on the larger: O(log n) stack. */
        if (j < n - j - 1) {
            F(introsort)(v, j, depth);
            v += j + 1;
            n -= j + 1;
        } else {
            F(introsort)(v + j + 1, n - j - 1, depth);
            n = j;
        }
    }
    F(insertion)(v, n);
}

static void F(mergesort)(SORT_T *v, ptrdiff_t n, SORT_T *buf)
{
    if (n <= F(SMALL)) {
        F(insertion)(v, n);
        return;
    }
    ptrdiff_t h = n / 2;
    F(mergesort)(v, h, buf);
    F(mergesort)(v + h, n - h, buf);
    if (!SORT_LT(v[h], v[h - 1])) return; /* already in order */
    memcpy(buf, v, (size_t)h * sizeof *v);
    ptrdiff_t i = 0, j = h, k = 0;
    while (i < h && j < n) v[k++] = SORT_LT(v[j], buf[i]) ? v[j++] : buf[i++];
    while (i < h) v[k++] = buf[i++];
}

/* ---- the same over indices into v ---- */
#define SORT_ALT(i, j) SORT_LT(v[i], v[j])

static void F(ainsertion)(const SORT_T *v, int64_t *ix, ptrdiff_t n)
{
    for (ptrdiff_t i = 1; i < n; i++) {
        int64_t x = ix[i];
        ptrdiff_t j = i;
        for (; j > 0 && SORT_ALT(x, ix[j - 1]); j--) ix[j] = ix[j - 1];
        ix[j] = x;
    }
}

static void F(amergesort)(const SORT_T *v, int64_t *ix, ptrdiff_t n, int64_t *buf)
{
    if (n <= F(SMALL)) {
        F(ainsertion)(v, ix, n);
        return;
    }
    ptrdiff_t h = n / 2;
    F(amergesort)(v, ix, h, buf);
    F(amergesort)(v, ix + h, n - h, buf);
    if (!SORT_ALT(ix[h], ix[h - 1])) return;
    memcpy(buf, ix, (size_t)h * sizeof *ix);
    ptrdiff_t i = 0, j = h, k = 0;
    while (i < h && j < n) ix[k++] = SORT_ALT(ix[j], buf[i]) ? ix[j++] : buf[i++];
    while (i < h) ix[k++] = buf[i++];
}

static ptrdiff_t F(apartition)(const SORT_T *v, int64_t *ix, ptrdiff_t n)
{
    ptrdiff_t m = n / 2;
    int64_t t;
#define SORT_SWAP(i, j) (t = ix[i], ix[i] = ix[j], ix[j] = t)
    if (SORT_ALT(ix[m], ix[0])) SORT_SWAP(m, 0);
    if (SORT_ALT(ix[n - 1], ix[m])) SORT_SWAP(n - 1, m);
    if (SORT_ALT(ix[m], ix[0])) SORT_SWAP(m, 0);
    SORT_SWAP(0, m);
    int64_t p = ix[0];
    ptrdiff_t i = 0, j = n;
    for (;;) {
        do i++; while (i < n && SORT_ALT(ix[i], p));
        do j--; while (SORT_ALT(p, ix[j]));
        if (i >= j) break;
        SORT_SWAP(i, j);
    }
    SORT_SWAP(0, j);
#undef SORT_SWAP
    return j;
}

static void F(aintrosort)(const SORT_T *v, int64_t *ix, ptrdiff_t n, int depth, int64_t *buf)
{
    while (n > F(SMALL)) {
        if (depth-- == 0) { /* merge sort as the guaranteed O(n log n) fallback */
            F(amergesort)(v, ix, n, buf);
            return;
        }
        ptrdiff_t j = F(apartition)(v, ix, n);
        if (j < n - j - 1) {
            F(aintrosort)(v, ix, j, depth, buf);
            ix += j + 1;
            n -= j + 1;
        } else {
            F(aintrosort)(v, ix + j + 1, n - j - 1, depth, buf);
            n = j;
        }
    }
    F(ainsertion)(v, ix, n);
}

/* Selection (nd_partition, nd_argpartition): numc's one selection algorithm, for the
 * values and for indices into them. */
#define SEL_T SORT_T
#define SEL_NAME SORT_NAME
#define SEL_LT(c, a, b) SORT_LT(a, b)
#include "select_template.h"
#define SEL_T int64_t
#define SEL_NAME SORT_CAT(idx, SORT_NAME)
#define SEL_LT(c, a, b) SORT_LT(((const SORT_T *)(c))[a], ((const SORT_T *)(c))[b])
#include "select_template.h"

/* Entry points with the uniform signatures of the dispatch table. */
static void F(sort_entry)(void *v, ptrdiff_t n, bool stable, void *buf)
{
    if (stable) F(mergesort)((SORT_T *)v, n, (SORT_T *)buf);
    else F(introsort)((SORT_T *)v, n, 2 * (int)(64 - __builtin_clzll((unsigned long long)n | 1)));
}

static void F(argsort_entry)(const void *v, int64_t *ix, ptrdiff_t n, bool stable, int64_t *buf)
{
    if (stable) F(amergesort)((const SORT_T *)v, ix, n, buf);
    else F(aintrosort)((const SORT_T *)v, ix, n, 2 * (int)(64 - __builtin_clzll((unsigned long long)n | 1)), buf);
}

static void F(select_entry)(void *v, ptrdiff_t n, ptrdiff_t kth)
{
    SORT_CAT(sel_one, SORT_NAME)((SORT_T *)v, n, kth, NULL);
}

static void F(aselect_entry)(const void *v, int64_t *ix, ptrdiff_t n, ptrdiff_t kth)
{
    SORT_CAT(sel_one, SORT_CAT(idx, SORT_NAME))(ix, n, kth, v);
}

static bool F(less_entry)(const void *a, const void *b) { return SORT_LT(*(const SORT_T *)a, *(const SORT_T *)b); }

#undef SORT_ALT
#undef F
#undef SORT_CAT
#undef SORT_CAT2
#undef SORT_T
#undef SORT_NAME
#undef SORT_LT
