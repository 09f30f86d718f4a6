/* numc's one selection algorithm (order statistics), included once per element type: by
 * select.c for the statistics (doubles without NaN) and by core/sort/sort_template.h for
 * nd_partition / nd_argpartition (every dtype, values and indices).
 *
 * Large ranges use Floyd & Rivest's SELECT (CACM 1975, Algorithm 489): a pivot range
 * picked from a recursive sample brackets the k-th value so tightly that about 1.5 n
 * comparisons suffice, against ~3.4 n for quickselect. Small ranges use quickselect with
 * a median-of-three pivot. Both are introspective (Musser 1997): past a depth limit the
 * range is heap-sorted, so the worst case stays O(n log n). Several order statistics are
 * found by recursing into the two sides of each one found, as NumPy's partition with a
 * kth list.
 *
 * Before including, define:
 *   SEL_T           the stored element type
 *   SEL_NAME        a suffix for the generated names
 *   SEL_LT(c, a, b) strict "stored element a sorts before b" (a strict weak order); c is
 *                   the context pointer passed through (argpartition: the values that
 *                   the stored indices point at), unused otherwise
 * Generated (static):
 *   sel_one_NAME(v, n, k, c)          v[k] = the k-th smallest of v[0..n), smaller before,
 *                                     larger after
 *   sel_multi_NAME(v, n, ks, nk, c)   the same for every k in ks (sorted ascending,
 *                                     duplicates allowed) */
#include <math.h>
#include <stddef.h>

#define SEL_CAT2(a, b) a##_##b
#define SEL_CAT(a, b) SEL_CAT2(a, b)
#define SF(name) SEL_CAT(name, SEL_NAME)
#define SEL_SWAP(a, b) \
    do {               \
        SEL_T t_ = *(a); \
        *(a) = *(b);   \
        *(b) = t_;     \
    } while (0)
#define LT(a, b) SEL_LT(c, a, b)

static void SF(sel_insertion)(SEL_T *v, ptrdiff_t n, const void *c)
{
    for (ptrdiff_t i = 1; i < n; i++) {
        SEL_T x = v[i];
        ptrdiff_t j = i;
        for (; j > 0 && LT(x, v[j - 1]); j--) v[j] = v[j - 1];
        v[j] = x;
    }
}

static void SF(sel_sift_down)(SEL_T *v, ptrdiff_t root, ptrdiff_t n, const void *c)
{
    for (;;) {
        ptrdiff_t ch = 2 * root + 1;
        if (ch >= n) return;
        if (ch + 1 < n && LT(v[ch], v[ch + 1])) ch++;
        if (!LT(v[root], v[ch])) return;
        SEL_SWAP(&v[ch], &v[root]);
        root = ch;
    }
}

/* Fallback: heapsort the range (O(n log n) whatever the input). */
static void SF(sel_heap_sort)(SEL_T *v, ptrdiff_t n, const void *c)
{
    for (ptrdiff_t i = n / 2 - 1; i >= 0; i--) SF(sel_sift_down)(v, i, n, c);
    for (ptrdiff_t end = n - 1; end > 0; end--) {
        SEL_SWAP(&v[0], &v[end]);
        SF(sel_sift_down)(v, 0, end, c);
    }
}

static void SF(sel_quick)(SEL_T *v, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t k, int depth,
                          const void *c)
{
    while (hi - lo > 16) {
        if (depth-- == 0) {
            SF(sel_heap_sort)(v + lo, hi - lo + 1, c);
            return;
        }
        ptrdiff_t mid = lo + (hi - lo) / 2;
        /* median of three to v[lo], with v[lo+1] <= pivot <= v[hi] as sentinels */
        if (LT(v[mid], v[lo])) SEL_SWAP(&v[mid], &v[lo]);
        if (LT(v[hi], v[mid])) SEL_SWAP(&v[hi], &v[mid]);
        if (LT(v[mid], v[lo])) SEL_SWAP(&v[mid], &v[lo]);
        SEL_SWAP(&v[mid], &v[lo + 1]);
        SEL_T pivot = v[lo + 1];
        ptrdiff_t i = lo + 1, j = hi;
        for (;;) {
            do i++; while (LT(v[i], pivot));
            do j--; while (LT(pivot, v[j]));
            if (i >= j) break;
            SEL_SWAP(&v[i], &v[j]);
        }
        SEL_SWAP(&v[lo + 1], &v[j]);
        if (j == k) return;
        if (j < k)
            lo = j + 1;
        else
            hi = j - 1;
    }
    SF(sel_insertion)(v + lo, hi - lo + 1, c);
}

/* Floyd–Rivest on v[left..right] (inclusive) for position k. */
static void SF(sel_floyd_rivest)(SEL_T *v, ptrdiff_t left, ptrdiff_t right, ptrdiff_t k,
                                 int depth, const void *c)
{
    while (right > left) {
        if (right - left < 600) {
            SF(sel_quick)(v, left, right, k, depth, c);
            return;
        }
        if (depth-- <= 0) {
            SF(sel_heap_sort)(v + left, right - left + 1, c);
            return;
        }
        /* sample about n^(2/3) values around the expected rank and select within it */
        double n = (double)(right - left + 1), i = (double)(k - left + 1);
        double z = log(n), s = 0.5 * exp(2 * z / 3);
        double sd = 0.5 * sqrt(z * s * (n - s) / n) * (i - n / 2 < 0 ? -1 : 1);
        ptrdiff_t nl = (ptrdiff_t)floor((double)k - i * s / n + sd);
        ptrdiff_t nr = (ptrdiff_t)floor((double)k + (n - i) * s / n + sd);
        SF(sel_floyd_rivest)(v, nl > left ? nl : left, nr < right ? nr : right, k, depth, c);
        /* partition v[left..right] around t = v[k] */
        SEL_T t = v[k];
        ptrdiff_t a = left, b = right;
        SEL_SWAP(&v[left], &v[k]);
        if (LT(t, v[right])) SEL_SWAP(&v[right], &v[left]);
        while (a < b) {
            SEL_SWAP(&v[a], &v[b]);
            a++;
            b--;
            while (LT(v[a], t)) a++;
            while (LT(t, v[b])) b--;
        }
        if (!LT(v[left], t) && !LT(t, v[left])) { /* v[left] equivalent to t */
            SEL_SWAP(&v[left], &v[b]);
        } else {
            b++;
            SEL_SWAP(&v[b], &v[right]);
        }
        if (b <= k) left = b + 1;
        if (k <= b) right = b - 1;
    }
}

/* The smallest of v[0..n) to v[0], or the largest to v[n-1] (a scan beats
 * partitioning for these). */
static void SF(sel_min)(SEL_T *v, ptrdiff_t n, const void *c)
{
    ptrdiff_t best = 0;
    for (ptrdiff_t i = 1; i < n; i++)
        if (LT(v[i], v[best])) best = i;
    SEL_SWAP(&v[0], &v[best]);
}

static void SF(sel_max)(SEL_T *v, ptrdiff_t n, const void *c)
{
    ptrdiff_t best = 0;
    for (ptrdiff_t i = 1; i < n; i++)
        if (LT(v[best], v[i])) best = i;
    SEL_SWAP(&v[n - 1], &v[best]);
}

static void SF(sel_one)(SEL_T *v, ptrdiff_t n, ptrdiff_t k, const void *c)
{
    if (n <= 1) return;
    if (k == 0) {
        SF(sel_min)(v, n, c);
        return;
    }
    if (k == n - 1) {
        SF(sel_max)(v, n, c);
        return;
    }
    int depth = 0;
    for (ptrdiff_t m = n; m > 1; m >>= 1) depth += 2;
    SF(sel_floyd_rivest)(v, 0, n - 1, k, depth, c);
}

/* ks are absolute positions in [lo, lo + n). */
static inline void SF(sel_range)(SEL_T *v, ptrdiff_t lo, ptrdiff_t n, const ptrdiff_t *ks, int nk,
                                 const void *c)
{
    while (nk > 0 && n > 1) {
        int mid = nk / 2;
        ptrdiff_t k = ks[mid] - lo;
        SF(sel_one)(v + lo, n, k, c);
        /* left: keys below k on [lo, lo + k); right: keys above on the rest */
        int l_end = mid, r_start = mid + 1;
        while (l_end > 0 && ks[l_end - 1] == ks[mid]) l_end--;
        while (r_start < nk && ks[r_start] == ks[mid]) r_start++;
        SF(sel_range)(v, lo, k, ks, l_end, c);
        ks += r_start;
        nk -= r_start;
        lo += k + 1;
        n -= k + 1;
    }
}

static inline void SF(sel_multi)(SEL_T *v, ptrdiff_t n, const ptrdiff_t *ks, int nk,
                                 const void *c)
{
    SF(sel_range)(v, 0, n, ks, nk, c);
}

#undef LT
#undef SEL_SWAP
#undef SF
#undef SEL_CAT
#undef SEL_CAT2
#undef SEL_T
#undef SEL_NAME
#undef SEL_LT
