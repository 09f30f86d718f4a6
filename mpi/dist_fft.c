/* n-dimensional FFTs of distributed arrays through FFTW's MPI transforms (fftw3-mpi):
 * complex (fftn / ifftn), real to complex (rfftn) and complex to real (irfftn), 2-D and
 * up, with FFTW_MPI_TRANSPOSED_IN / _OUT.
 *
 * FFTW-MPI distributes the first axis in blocks of ceil(n0 / P) (the foundation's default
 * BLOCK layout) and asks for a local buffer of its own size (fftw_mpi_local_size*: room for
 * its transposes, and for r2c / c2r the padded real rows 2 (n/2 + 1)). Every transform
 * runs in place in such a buffer (allocated through numc's hooks): the user's piece is
 * copied in (cast to double precision, cut or zero-padded for irfft, reordered locally
 * for a transposed input), FFTW runs, and the result is copied into an ordinary C-ordered
 * piece of a new nd_dist (reordered locally for a transposed output) and scaled. */
#include <fftw3-mpi.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <numc/manip.h>

#include "dist_internal.h"

typedef enum fft_kind { FK_FWD, FK_INV, FK_R2C, FK_C2R } fft_kind;

static const char *const kind_name[] = { "fft", "ifft", "rfft", "irfft" };

/* The argument record compared between ranks. */
static void pack_args(int64_t *rec, const nd_dist *a, const nd_dist_fft_opts *o)
{
    memset(rec, 0, (ND_MAXDIMS + 12) * sizeof *rec);
    rec[0] = a->ndim;
    rec[1] = a->dtype;
    rec[2] = a->dist.kind;
    rec[3] = a->dist.axis;
    rec[4] = a->dist.block;
    rec[5] = a->dist.pr * 65536 + a->dist.pc;
    rec[6] = a->dist.mb;
    rec[7] = a->dist.nb;
    rec[8] = o->norm;
    rec[9] = o->transposed_out;
    rec[10] = o->last;
    rec[11] = o->planner;
    for (int k = 0; k < a->ndim; k++) rec[12 + k] = a->shape[k];
}

static ptrdiff_t default_block(ptrdiff_t n, int P) { return n == 0 ? 1 : (n + P - 1) / P; }

/* Is d BLOCK along `axis` with FFTW's default block? */
static bool fftw_block(const nd_dist *d, int axis)
{
    return d->dist.kind == ND_DIST_BLOCK && d->dist.axis == axis &&
           d->dist.block == default_block(d->shape[axis], d->nprocs);
}

static unsigned planner_flags(nd_fft_planner p)
{
    switch (p) {
    case ND_FFT_MEASURE: return FFTW_MEASURE;
    case ND_FFT_PATIENT: return FFTW_PATIENT;
    case ND_FFT_EXHAUSTIVE: return FFTW_EXHAUSTIVE;
    default: return FFTW_ESTIMATE;
    }
}

/* A view of the buffer: `n` complex128 (real: float64 padded rows, `rowpad` doubles per
 * last-axis row) elements in C order over shape sh; with `swap`, axes 0 and 1 swapped
 * (the buffer holds (sh[1], sh[0], ...) and the view shows (sh[0], sh[1], ...)). */
static nd_array *buf_view(void *buf, int nd, const ptrdiff_t *sh, bool real, ptrdiff_t rowpad, bool swap)
{
    ptrdiff_t bsh[ND_MAXDIMS] = { 0 }, st[ND_MAXDIMS] = { 0 };
    for (int k = 0; k < nd; k++) bsh[k] = sh[k];
    if (swap) {
        bsh[0] = sh[1];
        bsh[1] = sh[0];
    }
    size_t isz = real ? sizeof(double) : 2 * sizeof(double);
    st[nd - 1] = (ptrdiff_t)isz;
    for (int k = nd - 2; k >= 0; k--)
        st[k] = k == nd - 2 && real ? rowpad * (ptrdiff_t)sizeof(double) : st[k + 1] * bsh[k + 1];
    nd_array *w = nd_wrap(buf, nd, bsh, st, real ? ND_FLOAT64 : ND_COMPLEX128, NULL, NULL);
    if (!w || !swap) return w;
    nd_array *v = nd_swapaxes(w, 0, 1);
    nd_free(w);
    return v;
}

/* The first `w` entries of the last axis of x (a view). */
static nd_array *cut_last(const nd_array *x, ptrdiff_t w)
{
    int nd = nd_ndim(x);
    nd_index ix[ND_MAXDIMS];
    for (int k = 0; k < nd; k++) ix[k] = ND_ALL;
    ix[nd - 1] = ND_SLICE(0, w, 1);
    return nd_slice(x, nd, ix);
}

static nd_dist *dist_fft(const nd_dist *a, const nd_dist_fft_opts *opts, fft_kind kind, bool two_d)
{
    char who[48];
    snprintf(who, sizeof who, "nd_dist_%s%s", kind_name[kind], two_d ? "2" : "n");
    if (!a) {
        nd_set_error(ND_EVALUE, "%s: the distributed array is NULL", who);
        return NULL;
    }
    nd_dist_fft_opts o;
    memset(&o, 0, sizeof o);
    if (opts) o = *opts;
    int nd = a->ndim, P = a->nprocs;
    ptrdiff_t rn[ND_MAXDIMS], cn[ND_MAXDIMS];
    nd_status st = ND_OK;
    if (two_d && nd != 2)
        st = nd_set_error(ND_EVALUE, "%s: needs a 2-D array, not %d-D (use nd_dist_%sn)", who, nd, kind_name[kind]);
    else if (nd < 2)
        st = nd_set_error(ND_EVALUE, "%s: needs an array of 2 or more dimensions, not %d-D", who, nd);
    for (int k = 0; st == ND_OK && k < nd; k++)
        if (a->shape[k] < 1)
            st = nd_set_error(ND_EVALUE, "%s: invalid number of data points (%td) on axis %d", who, a->shape[k], k);
    if (st == ND_OK && kind == FK_R2C && nd_dtype_is_complex(a->dtype))
        st = nd_set_error(ND_EDTYPE, "%s: the input must be real, not %s", who, nd_dtype_name(a->dtype));
    if (st == ND_OK && ((int)o.norm < ND_FFT_BACKWARD || (int)o.norm > ND_FFT_FORWARD))
        st = nd_set_error(ND_EVALUE, "%s: unknown norm %d", who, (int)o.norm);
    if (st == ND_OK && ((int)o.planner < ND_FFT_PLANNER_DEFAULT || (int)o.planner > ND_FFT_EXHAUSTIVE))
        st = nd_set_error(ND_EVALUE, "%s: unknown planner %d", who, (int)o.planner);
    if (st == ND_OK && kind == FK_C2R && o.transposed_out)
        st = nd_set_error(ND_EVALUE, "%s: transposed_out is not available for the complex-to-real transform "
                          "(FFTW-MPI reads it transposed in instead)", who);
    if (st == ND_OK && kind != FK_C2R && o.last != 0)
        st = nd_set_error(ND_EVALUE, "%s: .last is for irfft2 / irfftn only", who);
    if (st == ND_OK) {
        for (int k = 0; k < nd; k++) rn[k] = cn[k] = a->shape[k];
        if (kind == FK_C2R) {
            ptrdiff_t nl = o.last != 0 ? o.last : 2 * (a->shape[nd - 1] - 1);
            if (nl < 1) st = nd_set_error(ND_EVALUE, "%s: invalid number of data points (%td) specified", who, nl);
            rn[nd - 1] = nl;
        }
        if (kind == FK_R2C || kind == FK_C2R) cn[nd - 1] = rn[nd - 1] / 2 + 1;
    }
    /* The arguments must agree (a rank that failed still takes part). */
    int64_t rec[ND_MAXDIMS + 12];
    pack_args(rec, a, &o);
    char keep[1024];
    if (st != ND_OK) snprintf(keep, sizeof keep, "%s", nd_errmsg());
    nd_status same = nd__dist_check_same(a->comm, rec, sizeof rec, who, "the array's shape, dtype or "
                                         "distribution or an option");
    if (st != ND_OK) nd_set_error(st, "%s", keep);
    else st = same;
    if (nd__dist_agree(a->comm, st) != ND_OK) return NULL;

    fftw_mpi_init();
    MPI_Comm comm = a->comm;
    bool real_in = kind == FK_R2C, real_out = kind == FK_C2R;
    /* The input layout: transposed in, as it is, or redistributed to BLOCK along axis 0. */
    bool tin = (kind == FK_FWD || kind == FK_INV || kind == FK_C2R) && fftw_block(a, 1) && a->shape[1] == cn[1];
    bool tout = o.transposed_out;
    const nd_dist *src = a;
    nd_dist *moved = NULL;
    if (!tin && !fftw_block(a, 0)) {
        nd_distribution b0 = nd_dist_block(0);
        moved = nd_dist_redistribute(a, &b0);
        if (!moved) return NULL;
        src = moved;
    }
    unsigned flags = planner_flags(o.planner) | (tin ? FFTW_MPI_TRANSPOSED_IN : 0) | (tout ? FFTW_MPI_TRANSPOSED_OUT : 0);
    ptrdiff_t ln0 = 0, l0s = 0, ln1 = 0, l1s = 0, alloc;
    if (tin || tout) alloc = fftw_mpi_local_size_transposed(nd, cn, comm, &ln0, &l0s, &ln1, &l1s);
    else alloc = fftw_mpi_local_size(nd, cn, comm, &ln0, &l0s);
    /* FFTW's ranges must be the foundation's default blocks. */
    ptrdiff_t lo, hi;
    nd__dist_block_range(cn[0], default_block(cn[0], P), a->rank, &lo, &hi);
    bool ok = hi - lo == ln0 && (ln0 == 0 || lo == l0s);
    if (tin || tout) {
        nd__dist_block_range(cn[1], default_block(cn[1], P), a->rank, &lo, &hi);
        ok = ok && hi - lo == ln1 && (ln1 == 0 || lo == l1s);
    }
    if (!ok) st = nd_set_error(ND_EVALUE, "%s: FFTW-MPI's local sizes differ from the default block layout", who);
    void *buf = NULL;
    fftw_plan plan = NULL;
    if (st == ND_OK) {
        size_t nbytes = (size_t)(alloc > 0 ? alloc : 1) * sizeof(fftw_complex);
        if (!(buf = nd_malloc(nbytes, who))) st = ND_ENOMEM;
        else memset(buf, 0, nbytes);
    }
    st = nd__dist_agree(comm, st);
    if (st == ND_OK) {
        fftw_complex *cb = buf;
        double *rb = buf;
        if (kind == FK_R2C) plan = fftw_mpi_plan_dft_r2c(nd, rn, rb, cb, comm, flags);
        else if (kind == FK_C2R) plan = fftw_mpi_plan_dft_c2r(nd, rn, cb, rb, comm, flags);
        else plan = fftw_mpi_plan_dft(nd, cn, cb, cb, comm, kind == FK_FWD ? FFTW_FORWARD : FFTW_BACKWARD, flags);
        if (!plan) st = nd_set_error(ND_EVALUE, "%s: FFTW-MPI could not plan this transform", who);
        st = nd__dist_agree(comm, st);
    }
    /* Fill the buffer from the input piece. */
    if (st == ND_OK) {
        ptrdiff_t vsh[ND_MAXDIMS];
        const ptrdiff_t *ish = real_in ? rn : cn;
        for (int k = 0; k < nd; k++) vsh[k] = ish[k];
        if (tin) vsh[1] = ln1;
        else vsh[0] = ln0;
        if (real_out || real_in) memset(buf, 0, (size_t)(alloc > 0 ? alloc : 1) * sizeof(fftw_complex));
        nd_array *view = buf_view(buf, nd, vsh, real_in, 2 * cn[nd - 1], tin);
        nd_array *dst = NULL, *from = NULL;
        if (view) {
            ptrdiff_t w = kind == FK_C2R ? (src->shape[nd - 1] < cn[nd - 1] ? src->shape[nd - 1] : cn[nd - 1])
                                         : vsh[nd - 1];
            dst = cut_last(view, w);
            from = cut_last(src->local, w);
        }
        if (!view || !dst || !from) st = nd_last_error() != ND_OK ? nd_last_error() : ND_ENOMEM;
        else st = nd_assign(dst, from, ND_CAST_UNSAFE);
        nd_free(dst);
        nd_free(from);
        nd_free(view);
        st = nd__dist_agree(comm, st);
    }
    nd_dist_free(moved);
    if (st == ND_OK) fftw_execute(plan);
    /* The result. */
    nd_dist *out = NULL;
    const ptrdiff_t *osh = real_out ? rn : cn;
    if (st == ND_OK) {
        nd_distribution od = nd_dist_block(tout ? 1 : 0);
        st = nd__dist_new(comm, nd, osh, real_out ? ND_FLOAT64 : ND_COMPLEX128, &od, &out, who);
    }
    if (st == ND_OK) {
        ptrdiff_t vsh[ND_MAXDIMS];
        for (int k = 0; k < nd; k++) vsh[k] = osh[k];
        if (tout) vsh[1] = ln1;
        else vsh[0] = ln0;
        nd_array *view = buf_view(buf, nd, vsh, real_out, 2 * cn[nd - 1], tout);
        st = view ? nd_assign(out->local, view, ND_CAST_UNSAFE) : nd_last_error();
        nd_free(view);
        /* NumPy's norm. */
        double n = 1.0;
        for (int k = 0; k < nd; k++) n *= (double)rn[k];
        bool fwd = kind == FK_FWD || kind == FK_R2C;
        double f = 1.0;
        if (o.norm == ND_FFT_ORTHO) f = 1.0 / sqrt(n);
        else if ((o.norm == ND_FFT_FORWARD) == fwd) f = 1.0 / n;
        if (st == ND_OK && f != 1.0) {
            double *p = nd_data(out->local);
            size_t cnt = nd_nbytes(out->local) / sizeof(double);
            for (size_t i = 0; i < cnt; i++) p[i] *= f;
        }
        st = nd__dist_agree(comm, st);
    }
    if (plan) fftw_destroy_plan(plan);
    nd_free_mem(buf);
    if (st != ND_OK) {
        nd_dist_free(out);
        return NULL;
    }
    return out;
}

nd_dist *nd_dist_fftn(const nd_dist *a, const nd_dist_fft_opts *o) { return dist_fft(a, o, FK_FWD, false); }
nd_dist *nd_dist_ifftn(const nd_dist *a, const nd_dist_fft_opts *o) { return dist_fft(a, o, FK_INV, false); }
nd_dist *nd_dist_rfftn(const nd_dist *a, const nd_dist_fft_opts *o) { return dist_fft(a, o, FK_R2C, false); }
nd_dist *nd_dist_irfftn(const nd_dist *a, const nd_dist_fft_opts *o) { return dist_fft(a, o, FK_C2R, false); }
nd_dist *nd_dist_fft2(const nd_dist *a, const nd_dist_fft_opts *o) { return dist_fft(a, o, FK_FWD, true); }
nd_dist *nd_dist_ifft2(const nd_dist *a, const nd_dist_fft_opts *o) { return dist_fft(a, o, FK_INV, true); }
nd_dist *nd_dist_rfft2(const nd_dist *a, const nd_dist_fft_opts *o) { return dist_fft(a, o, FK_R2C, true); }
nd_dist *nd_dist_irfft2(const nd_dist *a, const nd_dist_fft_opts *o) { return dist_fft(a, o, FK_C2R, true); }
