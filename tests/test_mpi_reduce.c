/* Distributed reductions equal numc's single-process reductions of the gathered array bit
 * for bit, for every rank count (1..4), odd sizes, every axis and every distribution. */
#include "test_mpi_util.h"

/* A deterministic array with values whose float sums depend on the summation order
 * (mixed magnitudes and signs), the same on every rank. */
static nd_array *values(int ndim, const ptrdiff_t *shape, nd_dtype dt, unsigned seed)
{
    ptrdiff_t n = 1;
    for (int k = 0; k < ndim; k++) n *= shape[k];
    nd_array *f = (nd_empty)(1, &n, ND_FLOAT64);
    double *v = nd_data(f);
    unsigned long long x = 0x9E3779B97F4A7C15ULL ^ seed;
    for (ptrdiff_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double u = (double)(x >> 11) / 9007199254740992.0;
        v[i] = nd_dtype_is_integer(dt) || dt == ND_BOOL ? floor(u * 200 - 100) : (u - 0.3) * pow(10.0, (double)(x % 9) - 4);
    }
    nd_array *c = nd_astype(f, dt, ND_CAST_UNSAFE);
    nd_array *r = nd_reshape(c, ndim, shape);
    nd_free(f);
    nd_free(c);
    return r;
}

typedef nd_dist *(*dist_red)(const nd_dist *, int);
typedef nd_array *(*local_red)(const nd_array *, const nd_reduce_opts *);

static int compare(const char *what, nd_dist *r, nd_array *want, const nd_dist *src, int axis)
{
    nd_array *got = r ? nd_dist_allgather(r) : NULL;
    int same = test_same_bits(got, want);
    if (!same && mpi_rank == 0) {
        char b[200];
        printf("\n  %s axis %d of %s differs", what, axis, nd_dist_describe(src, b, sizeof b));
        if (!r) printf(" (%s)", nd_errmsg());
        if (got && want && nd_size(got) == 1 && nd_size(want) == 1)
            printf(": %.17g vs %.17g", nd_item_f64(got), nd_item_f64(want));
        printf("\n");
    }
    nd_free(got);
    return same;
}

/* Every reduction of x (held by every rank as g) over every axis and None. */
static void check_all(const nd_array *g, const nd_distribution *dist)
{
    nd_dist *x = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? g : NULL, dist);
    CU_ASSERT_PTR_NOT_NULL(x);
    if (!x) return;
    static const struct {
        const char *name;
        dist_red d;
        local_red l;
    } reds[] = {
        { "sum", nd_dist_sum, nd_sum_ },     { "mean", nd_dist_mean, nd_mean_ },
        { "min", nd_dist_min, nd_amin_ },    { "max", nd_dist_max, nd_amax_ },
        { "all", nd_dist_all, nd_all_ },     { "any", nd_dist_any, nd_any_ },
        { "argmin", nd_dist_argmin, nd_argmin_ }, { "argmax", nd_dist_argmax, nd_argmax_ },
    };
    bool cplx = nd_dtype_is_complex(nd_dtype_of(g));
    for (int axis = -1; axis < nd_ndim(g); axis++) {
        int ax = axis < 0 ? ND_AXIS_NONE : axis;
        nd_reduce_opts o = { ._ = 0, .axis = ax };
        for (size_t i = 0; i < sizeof reds / sizeof reds[0]; i++) {
            if (cplx && i < 2) continue;
            nd_array *want = reds[i].l(g, &o);
            if (!want) { /* e.g. min of an empty array: the distributed call fails alike */
                nd_dist *r = reds[i].d(x, ax);
                CU_ASSERT_PTR_NULL(r);
                nd_dist_free(r);
                continue;
            }
            nd_dist *r = reds[i].d(x, ax);
            CU_ASSERT(compare(reds[i].name, r, want, x, ax));
            nd_dist_free(r);
            nd_free(want);
        }
        if (cplx) continue;
        for (int sd = 0; sd < 2; sd++)
            for (double ddof = 0; ddof <= 1; ddof++) {
                o.ddof = ddof;
                nd_array *want = sd ? nd_std_(g, &o) : nd_var_(g, &o);
                nd_dist *r = sd ? nd_dist_std(x, ax, ddof) : nd_dist_var(x, ax, ddof);
                CU_ASSERT(compare(sd ? "std" : "var", r, want, x, ax));
                nd_dist_free(r);
                nd_free(want);
            }
    }
    nd_dist_free(x);
}

static void run_shapes(nd_dtype dt)
{
    static const ptrdiff_t s1[] = { 1 }, s2[] = { 7 }, s3[] = { 257 }, s4[] = { 1001 }, s5[] = { 40000 };
    static const ptrdiff_t m1[] = { 5, 3 }, m2[] = { 3, 700 }, m3[] = { 600, 3 }, m4[] = { 33, 65 };
    static const ptrdiff_t t1[] = { 3, 5, 70 }, t2[] = { 2, 300, 1 }, t3[] = { 40, 17, 2 };
    const struct {
        int nd;
        const ptrdiff_t *s;
    } shapes[] = { { 1, s1 }, { 1, s2 }, { 1, s3 }, { 1, s4 }, { 1, s5 }, { 2, m1 }, { 2, m2 },
                   { 2, m3 }, { 2, m4 }, { 3, t1 }, { 3, t2 }, { 3, t3 } };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
        nd_array *g = values(shapes[i].nd, shapes[i].s, dt, (unsigned)i + 1);
        for (int ax = 0; ax < shapes[i].nd; ax++) {
            nd_distribution b = nd_dist_block(ax);
            check_all(g, &b);
        }
        if (shapes[i].nd == 2) {
            nd_distribution c = nd_dist_cyclic2d(0, 0, 4, 3);
            check_all(g, &c);
        }
        nd_distribution r = nd_dist_replicated();
        if (i % 4 == 0) check_all(g, &r);
        nd_free(g);
    }
}

static void test_reduce_f64(void) { run_shapes(ND_FLOAT64); }
static void test_reduce_f32(void) { run_shapes(ND_FLOAT32); }
static void test_reduce_i32(void) { run_shapes(ND_INT32); }
static void test_reduce_bool_u8(void)
{
    nd_array *g = values(ND_SHAPE(9, 5), ND_UINT8, 3);
    nd_array *b = nd_greater(g, 100);
    nd_distribution d0 = nd_dist_block(0), d1 = nd_dist_block(1);
    check_all(g, &d0);
    check_all(b, &d1);
    nd_free(g);
    nd_free(b);
}

/* A large sum: the parallel pairwise top (n >= 2^20) and many tree levels across ranks. */
static void test_reduce_large(void)
{
    ptrdiff_t n = (1 << 20) + 12345;
    nd_array *g = values(1, &n, ND_FLOAT64, 9);
    nd_dist *x = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? g : NULL, NULL);
    nd_dist *s = x ? nd_dist_sum(x, ND_AXIS_NONE) : NULL, *v = x ? nd_dist_var(x, ND_AXIS_NONE, 0) : NULL;
    nd_array *ws = nd_sum(g), *wv = nd_var(g);
    CU_ASSERT(compare("sum", s, ws, x, ND_AXIS_NONE));
    CU_ASSERT(compare("var", v, wv, x, ND_AXIS_NONE));
    nd_free(ws);
    nd_free(wv);
    nd_dist_free(s);
    nd_dist_free(v);
    nd_dist_free(x);
    nd_free(g);
}

/* The result of reducing a non-distributed axis stays distributed, with no messages. */
static void test_reduce_keeps_distribution(void)
{
    nd_array *g = values(ND_SHAPE(10, 6), ND_FLOAT64, 4);
    nd_distribution b = nd_dist_block(0);
    nd_dist *x = nd_dist_scatter(MPI_COMM_WORLD, 0, mpi_rank == 0 ? g : NULL, &b);
    nd_dist *s = x ? nd_dist_sum(x, 1) : NULL, *t = x ? nd_dist_sum(x, 0) : NULL;
    CU_ASSERT(s && nd_dist_get_kind(s) == ND_DIST_BLOCK && nd_dist_ndim(s) == 1 && nd_dist_shape(s)[0] == 10);
    CU_ASSERT(t && nd_dist_get_kind(t) == ND_DIST_REPLICATED && nd_dist_shape(t)[0] == 6);
    nd_dist *bad = x ? nd_dist_sum(x, 2) : NULL;
    CU_ASSERT_PTR_NULL(bad);
    CU_ASSERT_EQUAL(nd_last_error(), ND_EAXIS);
    /* axes that differ between ranks: an error on every rank, not a hang */
    bad = x ? nd_dist_mean(x, mpi_rank == mpi_size - 1 && mpi_size > 1 ? 0 : 1) : NULL;
    if (mpi_size > 1) {
        CU_ASSERT_PTR_NULL(bad);
        CU_ASSERT_PTR_NOT_NULL(strstr(nd_errmsg(), "the axis or ddof differs from rank 0's"));
    }
    nd_dist_free(bad);
    nd_dist_free(s);
    nd_dist_free(t);
    nd_dist_free(x);
    nd_free(g);
}

static const ND_TEST tests[] = {
    ND_T(test_reduce_f64),
    ND_T(test_reduce_f32),
    ND_T(test_reduce_i32),
    ND_T(test_reduce_bool_u8),
    ND_T(test_reduce_large),
    ND_T(test_reduce_keeps_distribution),
    { 0 },
};

ND_MPI_TEST_MAIN("mpi_reduce", tests)
