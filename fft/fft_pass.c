/* Plan keys, single-plan execution, and the per-axis passes used for large transforms.
 *
 * Why passes: with FFTW_ESTIMATE (the default: no planning time) FFTW picks slow
 * algorithms for transforms along a strided axis of a large array — a 2048×2048
 * column pass took 0.49 s where gathering 16 columns at a time into a contiguous buffer,
 * transforming them as rows and scattering them back took 0.036 s. So, for ESTIMATE and
 * large data, a multi-axis transform runs one axis at a time, and strided axes go
 * through such a cache-sized buffer (pocketfft's strategy). The measuring planners find
 * good plans themselves and always get one multi-dimensional guru plan. */
#include "fft_internal.h"

#include <string.h>

/* Below this many bytes of data a single FFTW plan is as fast as anything. */
#define PASS_MIN_BYTES (256 * 1024)
/* Target size of the gather buffer: a comfortable fraction of L2. */
#define BLOCK_BYTES (256 * 1024)
#define BLOCK_MAX 64

void fft_make_key(fft_key *k, fft_kind kind, bool single, int sign, int ndim, const ptrdiff_t *lshape,
                  const ptrdiff_t *istr, ptrdiff_t iesz, const ptrdiff_t *ostr, ptrdiff_t oesz, int naxes,
                  const int *axes)
{
    memset(k, 0, sizeof *k);
    k->kind = kind;
    k->single = single;
    k->sign = sign;
    k->rank = naxes;
    bool is_axis[ND_MAXDIMS] = { false };
    for (int i = 0; i < naxes; i++) {
        int d = axes[i];
        is_axis[d] = true;
        k->dims[i] = (fft_dim){ lshape[d], istr[d] / iesz, ostr[d] / oesz };
    }
    for (int d = 0; d < ndim; d++)
        if (!is_axis[d] && lshape[d] != 1)
            k->hdims[k->howmany++] = (fft_dim){ lshape[d], istr[d] / iesz, ostr[d] / oesz };
}

nd_status fft_run(fft_key *k, void *in, void *out, nd_fft_planner rigor, const char *who)
{
    fft_plan *p = fft_acquire(k, in, out, rigor, who);
    if (!p) return nd_last_error();
    fft_execute(p, in, out);
    fft_release(p);
    return ND_OK;
}

bool fft_use_passes(nd_fft_planner rigor, size_t bytes)
{
    return fft_effective_rigor(rigor) == ND_FFT_ESTIMATE && bytes > PASS_MIN_BYTES;
}

static inline void copy_elem(char *d, const char *s, ptrdiff_t esz)
{
    switch (esz) {
    case 4: memcpy(d, s, 4); break;
    case 8: memcpy(d, s, 8); break;
    default: memcpy(d, s, 16); break;
    }
}

nd_status fft_axis(fft_kind kind, bool single, int sign, int ndim, const ptrdiff_t *lshape, int axis,
                   char *src, const ptrdiff_t *sstr, char *dst, const ptrdiff_t *dstr,
                   nd_fft_planner rigor, const char *who)
{
    ptrdiff_t cz = single ? 8 : 16, rz = single ? 4 : 8;
    ptrdiff_t iesz = kind == FFT_R2C ? rz : cz, oesz = kind == FFT_C2R ? rz : cz;
    ptrdiff_t n = lshape[axis], nin = kind == FFT_C2R ? n / 2 + 1 : n, nout = kind == FFT_R2C ? n / 2 + 1 : n;
    /* The vector dimension to block over: the other axis with the smallest source stride. */
    int v = -1;
    ptrdiff_t others = 1;
    for (int d = 0; d < ndim; d++) {
        if (d == axis) continue;
        others *= lshape[d];
        if (lshape[d] > 1 && (v < 0 || (sstr[d] < 0 ? -sstr[d] : sstr[d]) < (sstr[v] < 0 ? -sstr[v] : sstr[v])))
            v = d;
    }
    bool contiguous = sstr[axis] == iesz && dstr[axis] == oesz;
    fft_key k;
    if (contiguous || v < 0 || !fft_use_passes(rigor, (size_t)(others * nin * iesz))) {
        fft_make_key(&k, kind, single, sign, ndim, lshape, sstr, iesz, dstr, oesz, 1, &axis);
        return fft_run(&k, src, dst, rigor, who);
    }
    ptrdiff_t row = nin * iesz > nout * oesz ? nin * iesz : nout * oesz;
    ptrdiff_t B = BLOCK_BYTES / row;
    if (B < 1) B = 1;
    if (B > BLOCK_MAX) B = BLOCK_MAX;
    if (B > lshape[v]) B = lshape[v];
    char *bin = nd_calloc((size_t)(B * nin), (size_t)iesz, who);
    char *bout = kind == FFT_C2C ? bin : nd_calloc((size_t)(B * nout), (size_t)oesz, who);
    nd_status s = ND_OK;
    fft_plan *p = NULL;
    if (!bin || !bout) {
        s = ND_ENOMEM;
        goto done;
    }
    /* B rows of the buffer, each one transform; unused rows of a last short block are
     * transformed too (their zeros are harmless) so one plan serves every block. */
    memset(&k, 0, sizeof k);
    k.kind = kind;
    k.single = single;
    k.sign = sign;
    k.rank = 1;
    k.dims[0] = (fft_dim){ n, 1, 1 };
    k.howmany = 1;
    k.hdims[0] = (fft_dim){ B, nin, nout };
    if (!(p = fft_acquire(&k, bin, bout, rigor, who))) {
        s = nd_last_error();
        goto done;
    }
    int outer[ND_MAXDIMS], no = 0;
    for (int d = 0; d < ndim; d++)
        if (d != axis && d != v && lshape[d] > 1) outer[no++] = d;
    ptrdiff_t idx[ND_MAXDIMS] = { 0 }, sa = sstr[axis], da = dstr[axis], sv = sstr[v], dv = dstr[v];
    for (;;) {
        char *sb = src, *db = dst;
        for (int j = 0; j < no; j++) {
            sb += idx[j] * sstr[outer[j]];
            db += idx[j] * dstr[outer[j]];
        }
        for (ptrdiff_t v0 = 0; v0 < lshape[v]; v0 += B) {
            ptrdiff_t bt = lshape[v] - v0 < B ? lshape[v] - v0 : B;
            for (ptrdiff_t i = 0; i < nin; i++) {
                const char *s0 = sb + v0 * sv + i * sa;
                for (ptrdiff_t j = 0; j < bt; j++) copy_elem(bin + (j * nin + i) * iesz, s0 + j * sv, iesz);
            }
            fft_execute(p, bin, bout);
            for (ptrdiff_t i = 0; i < nout; i++) {
                char *d0 = db + v0 * dv + i * da;
                for (ptrdiff_t j = 0; j < bt; j++) copy_elem(d0 + j * dv, bout + (j * nout + i) * oesz, oesz);
            }
        }
        int j = no - 1;
        while (j >= 0 && ++idx[j] == lshape[outer[j]]) idx[j--] = 0;
        if (j < 0) break;
    }
done:
    fft_release(p);
    if (bout != bin) nd_free_mem(bout);
    nd_free_mem(bin);
    return s;
}
