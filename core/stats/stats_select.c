/* Selection of order statistics. Large ranges use Floyd & Rivest's SELECT (CACM 1975,
 * Algorithm 489): a pivot range picked from a recursive sample brackets the k-th value
 * so tightly that about 1.5 n comparisons suffice, against ~3.4 n for quickselect.
 * Small ranges use quickselect with a median-of-three pivot. Both are introspective
 * (Musser 1997): past a depth limit the range is heap-sorted, so the worst case stays
 * O(n log n). Several order statistics are found by recursing into the two sides of
 * each one found, as NumPy's partition with a kth list. */
#include <math.h>

#include "stats_internal.h"

static void insertion_sort(double *v, ptrdiff_t n)
{
    for (ptrdiff_t i = 1; i < n; i++) {
        double x = v[i];
        ptrdiff_t j = i;
        for (; j > 0 && v[j - 1] > x; j--) v[j] = v[j - 1];
        v[j] = x;
    }
}

static void sift_down(double *v, ptrdiff_t root, ptrdiff_t n)
{
    for (;;) {
        ptrdiff_t c = 2 * root + 1;
        if (c >= n) return;
        if (c + 1 < n && v[c + 1] > v[c]) c++;
        if (!(v[c] > v[root])) return;
        double t = v[c];
        v[c] = v[root];
        v[root] = t;
        root = c;
    }
}

/* Fallback: heapsort the range (O(n log n) whatever the input). */
static void heap_sort(double *v, ptrdiff_t n)
{
    for (ptrdiff_t i = n / 2 - 1; i >= 0; i--) sift_down(v, i, n);
    for (ptrdiff_t end = n - 1; end > 0; end--) {
        double t = v[0];
        v[0] = v[end];
        v[end] = t;
        sift_down(v, 0, end);
    }
}

static inline void swap(double *a, double *b)
{
    double t = *a;
    *a = *b;
    *b = t;
}

static void quickselect(double *v, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t k, int depth);

/* Floyd–Rivest on v[left..right] (inclusive) for position k. */
static void floyd_rivest(double *v, ptrdiff_t left, ptrdiff_t right, ptrdiff_t k, int depth)
{
    while (right > left) {
        if (right - left < 600) {
            quickselect(v, left, right, k, depth);
            return;
        }
        if (depth-- <= 0) {
            heap_sort(v + left, right - left + 1);
            return;
        }
        /* sample about n^(2/3) values around the expected rank and select within it */
        double n = (double)(right - left + 1), i = (double)(k - left + 1);
        double z = log(n), s = 0.5 * exp(2 * z / 3);
        double sd = 0.5 * sqrt(z * s * (n - s) / n) * (i - n / 2 < 0 ? -1 : 1);
        ptrdiff_t nl = (ptrdiff_t)floor((double)k - i * s / n + sd);
        ptrdiff_t nr = (ptrdiff_t)floor((double)k + (n - i) * s / n + sd);
        floyd_rivest(v, nl > left ? nl : left, nr < right ? nr : right, k, depth);
        /* partition v[left..right] around t = v[k] */
        double t = v[k];
        ptrdiff_t a = left, b = right;
        swap(&v[left], &v[k]);
        if (v[right] > t) swap(&v[right], &v[left]);
        while (a < b) {
            swap(&v[a], &v[b]);
            a++;
            b--;
            while (v[a] < t) a++;
            while (v[b] > t) b--;
        }
        if (v[left] == t) {
            swap(&v[left], &v[b]);
        } else {
            b++;
            swap(&v[b], &v[right]);
        }
        if (b <= k) left = b + 1;
        if (k <= b) right = b - 1;
    }
}

/* Put the k-th smallest of v[0..n) at v[k], smaller ones before, larger after. */
static void select_one(double *v, ptrdiff_t n, ptrdiff_t k)
{
    int depth = 0;
    for (ptrdiff_t m = n; m > 1; m >>= 1) depth += 2;
    floyd_rivest(v, 0, n - 1, k, depth);
}

static void quickselect(double *v, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t k, int depth)
{
    while (hi - lo > 16) {
        if (depth-- == 0) {
            heap_sort(v + lo, hi - lo + 1);
            return;
        }
        ptrdiff_t mid = lo + (hi - lo) / 2;
        /* median of three to v[lo], with v[lo+1] <= pivot <= v[hi] as sentinels */
        if (v[mid] < v[lo]) swap(&v[mid], &v[lo]);
        if (v[hi] < v[mid]) swap(&v[hi], &v[mid]);
        if (v[mid] < v[lo]) swap(&v[mid], &v[lo]);
        swap(&v[mid], &v[lo + 1]);
        double pivot = v[lo + 1];
        ptrdiff_t i = lo + 1, j = hi;
        for (;;) {
            do i++; while (v[i] < pivot);
            do j--; while (v[j] > pivot);
            if (i >= j) break;
            swap(&v[i], &v[j]);
        }
        swap(&v[lo + 1], &v[j]);
        if (j == k) return;
        if (j < k)
            lo = j + 1;
        else
            hi = j - 1;
    }
    insertion_sort(v + lo, hi - lo + 1);
}

/* The smallest of v[0..n) to v[0] (a scan beats partitioning for this). */
static void select_min(double *v, ptrdiff_t n)
{
    ptrdiff_t best = 0;
    for (ptrdiff_t i = 1; i < n; i++)
        if (v[i] < v[best]) best = i;
    swap(&v[0], &v[best]);
}

static void select_max(double *v, ptrdiff_t n)
{
    ptrdiff_t best = 0;
    for (ptrdiff_t i = 1; i < n; i++)
        if (v[i] > v[best]) best = i;
    swap(&v[n - 1], &v[best]);
}

/* ks are absolute positions in [lo, lo + n). */
static void select_range(double *v, ptrdiff_t lo, ptrdiff_t n, const ptrdiff_t *ks, int nk)
{
    while (nk > 0 && n > 1) {
        int mid = nk / 2;
        ptrdiff_t k = ks[mid] - lo;
        if (k == 0)
            select_min(v + lo, n);
        else if (k == n - 1)
            select_max(v + lo, n);
        else
            select_one(v + lo, n, k);
        /* left: keys below k on [lo, lo + k); right: keys above on the rest */
        int l_end = mid, r_start = mid + 1;
        while (l_end > 0 && ks[l_end - 1] == ks[mid]) l_end--;
        while (r_start < nk && ks[r_start] == ks[mid]) r_start++;
        select_range(v, lo, k, ks, l_end);
        ks += r_start;
        nk -= r_start;
        lo += k + 1;
        n -= k + 1;
    }
}

void nd__select_multi(double *v, ptrdiff_t n, const ptrdiff_t *ks, int nk)
{
    select_range(v, 0, n, ks, nk);
}
