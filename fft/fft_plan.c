/* The FFTW plan cache, wisdom and planner settings.
 *
 * FFTW's planner (and plan destruction) is not thread-safe, so everything here runs
 * under one mutex; fftw_execute_* on an existing plan is thread-safe and runs outside
 * it. Plans are executed with the new-array interface (fftw_execute_dft(p, in, out)),
 * which is valid for any arrays with the planned strides, in-place-ness and alignment —
 * exactly what the key records. */
#include "fft_internal.h"

#include "lazy_fftw.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_MAX 64

struct fft_plan {
    fft_key key;
    uint64_t hash, last_use;
    nd_fft_planner rigor;
    long refs;
    void *plan; /* fftw_plan or fftwf_plan */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static fft_plan *cache[CACHE_MAX];
static size_t ncache;
static uint64_t clock_tick;
static nd_fft_planner default_rigor = ND_FFT_ESTIMATE;
static int nthreads = 1;
static bool threads_ready;

static uint64_t hash_key(const fft_key *k)
{
    /* FNV-1a over the bytes of the (zero-initialised) key. */
    const unsigned char *p = (const unsigned char *)k;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < sizeof *k; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

static unsigned fftw_flags(nd_fft_planner r)
{
    switch (r) {
    case ND_FFT_MEASURE: return FFTW_MEASURE;
    case ND_FFT_PATIENT: return FFTW_PATIENT;
    case ND_FFT_EXHAUSTIVE: return FFTW_EXHAUSTIVE;
    default: return FFTW_ESTIMATE;
    }
}

static void destroy(fft_plan *p)
{
    if (p->key.single) fftwf_destroy_plan((fftwf_plan)p->plan);
    else fftw_destroy_plan((fftw_plan)p->plan);
    nd_free_mem(p);
}

/* Elements spanned by one side of a transform (dims + hdims, non-negative strides). */
static ptrdiff_t extent(const fft_key *k, bool out, bool complex_side)
{
    ptrdiff_t e = 1;
    for (int i = 0; i < k->rank; i++) {
        ptrdiff_t n = k->dims[i].n;
        /* The halved dimension of r2c/c2r on the complex side. */
        if (complex_side && k->kind != FFT_C2C && i == k->rank - 1) n = n / 2 + 1;
        e += (n - 1) * (out ? k->dims[i].os : k->dims[i].is);
    }
    for (int i = 0; i < k->howmany; i++) e += (k->hdims[i].n - 1) * (out ? k->hdims[i].os : k->hdims[i].is);
    return e;
}

/* Scratch memory whose address is congruent to `like` modulo 64, so that FFTW sees the
 * same alignment as the real arrays. */
static char *scratch(size_t bytes, const void *like, char **raw, const char *who)
{
    *raw = nd_malloc(bytes + 128, who);
    if (!*raw) return NULL;
    uintptr_t r = (uintptr_t)*raw % 64, want = (uintptr_t)like % 64;
    return *raw + (want + 64 - r) % 64;
}

static void *make_plan(const fft_key *k, void *in, void *out, unsigned flags)
{
    fftw_iodim64 d[ND_MAXDIMS], h[ND_MAXDIMS];
    for (int i = 0; i < k->rank; i++) d[i] = (fftw_iodim64){ k->dims[i].n, k->dims[i].is, k->dims[i].os };
    for (int i = 0; i < k->howmany; i++)
        h[i] = (fftw_iodim64){ k->hdims[i].n, k->hdims[i].is, k->hdims[i].os };
#ifdef NUMC_HAVE_FFTW_THREADS
    if (threads_ready) {
        fftw_plan_with_nthreads(nthreads);
        fftwf_plan_with_nthreads(nthreads);
    }
#endif
    if (k->single) {
        switch (k->kind) {
        case FFT_C2C:
            return fftwf_plan_guru64_dft(k->rank, d, k->howmany, h, in, out, k->sign, flags);
        case FFT_R2C: return fftwf_plan_guru64_dft_r2c(k->rank, d, k->howmany, h, in, out, flags);
        default: return fftwf_plan_guru64_dft_c2r(k->rank, d, k->howmany, h, in, out, flags);
        }
    }
    switch (k->kind) {
    case FFT_C2C: return fftw_plan_guru64_dft(k->rank, d, k->howmany, h, in, out, k->sign, flags);
    case FFT_R2C: return fftw_plan_guru64_dft_r2c(k->rank, d, k->howmany, h, in, out, flags);
    default: return fftw_plan_guru64_dft_c2r(k->rank, d, k->howmany, h, in, out, flags);
    }
}

/* Make room: drop the least recently used plan nobody is executing. */
static void evict(void)
{
    size_t victim = ncache;
    for (size_t i = 0; i < ncache; i++)
        if (cache[i]->refs == 0 && (victim == ncache || cache[i]->last_use < cache[victim]->last_use))
            victim = i;
    if (victim == ncache) return;
    destroy(cache[victim]);
    cache[victim] = cache[--ncache];
}

nd_fft_planner fft_effective_rigor(nd_fft_planner r)
{
    if (r != ND_FFT_PLANNER_DEFAULT) return r;
    pthread_mutex_lock(&lock);
    r = default_rigor;
    pthread_mutex_unlock(&lock);
    return r;
}

fft_plan *fft_acquire(fft_key *key, void *in, void *out, nd_fft_planner rigor, const char *who)
{
    if (nd__need_fftw(who) < 0) return NULL;
    if (key->single) {
        key->align_in = fftwf_alignment_of(in);
        key->align_out = fftwf_alignment_of(out);
    } else {
        key->align_in = fftw_alignment_of(in);
        key->align_out = fftw_alignment_of(out);
    }
    key->inplace = in == out;
    pthread_mutex_lock(&lock);
    if (rigor == ND_FFT_PLANNER_DEFAULT) rigor = default_rigor;
    key->nthreads = nthreads;
    uint64_t h = hash_key(key);
    fft_plan *best = NULL;
    for (size_t i = 0; i < ncache; i++)
        if (cache[i]->hash == h && !memcmp(&cache[i]->key, key, sizeof *key) &&
            (!best || cache[i]->rigor > best->rigor))
            best = cache[i];
    if (best && best->rigor >= rigor) {
        best->refs++;
        best->last_use = ++clock_tick;
        pthread_mutex_unlock(&lock);
        return best;
    }
    /* Plan: ESTIMATE never touches the arrays; the measuring planners overwrite them, so
     * they get scratch arrays laid out and aligned like the real ones. */
    void *pin = in, *pout = out, *plan = NULL;
    char *raw_in = NULL, *raw_out = NULL;
    fft_plan *p = NULL;
    if (rigor != ND_FFT_ESTIMATE) {
        size_t rsz = key->single ? sizeof(float) : sizeof(double);
        size_t in_sz = rsz * (key->kind == FFT_R2C ? 1 : 2), out_sz = rsz * (key->kind == FFT_C2R ? 1 : 2);
        size_t in_b = in_sz * (size_t)extent(key, false, key->kind != FFT_R2C);
        size_t out_b = out_sz * (size_t)extent(key, true, key->kind != FFT_C2R);
        pin = scratch(key->inplace ? (in_b > out_b ? in_b : out_b) : in_b, in, &raw_in, who);
        pout = key->inplace ? pin : scratch(out_b, out, &raw_out, who);
        if (!pin || !pout) goto done;
    }
    plan = make_plan(key, pin, pout, fftw_flags(rigor));
    if (!plan) {
        nd_set_error(ND_EVALUE, "%s: FFTW could not plan a rank-%d transform of %d vector dimensions",
                  who, key->rank, key->howmany);
        goto done;
    }
    if (!(p = nd_malloc(sizeof *p, who))) {
        if (key->single) fftwf_destroy_plan(plan);
        else fftw_destroy_plan(plan);
        goto done;
    }
    *p = (fft_plan){ .key = *key, .hash = h, .last_use = ++clock_tick, .rigor = rigor, .refs = 1,
                     .plan = plan };
    if (ncache == CACHE_MAX) evict();
    if (ncache < CACHE_MAX) cache[ncache++] = p;
    else p->refs = -1; /* cache full of plans in use: this one is private (see release) */
done:
    pthread_mutex_unlock(&lock);
    nd_free_mem(raw_in);
    nd_free_mem(raw_out);
    return p;
}

void fft_execute(const fft_plan *p, void *in, void *out)
{
    if (p->key.single) {
        switch (p->key.kind) {
        case FFT_C2C: fftwf_execute_dft((fftwf_plan)p->plan, in, out); break;
        case FFT_R2C: fftwf_execute_dft_r2c((fftwf_plan)p->plan, in, out); break;
        default: fftwf_execute_dft_c2r((fftwf_plan)p->plan, in, out); break;
        }
        return;
    }
    switch (p->key.kind) {
    case FFT_C2C: fftw_execute_dft((fftw_plan)p->plan, in, out); break;
    case FFT_R2C: fftw_execute_dft_r2c((fftw_plan)p->plan, in, out); break;
    default: fftw_execute_dft_c2r((fftw_plan)p->plan, in, out); break;
    }
}

void fft_release(fft_plan *p)
{
    if (!p) return;
    pthread_mutex_lock(&lock);
    if (p->refs < 0) destroy(p); /* a private plan made while the cache was full */
    else p->refs--;
    pthread_mutex_unlock(&lock);
}

/* ---- settings ------------------------------------------------------------------------------ */

void nd_fft_set_planner(nd_fft_planner r)
{
    pthread_mutex_lock(&lock);
    default_rigor = (r <= ND_FFT_PLANNER_DEFAULT || r > ND_FFT_EXHAUSTIVE) ? ND_FFT_ESTIMATE : r;
    pthread_mutex_unlock(&lock);
}

nd_status nd_fft_set_threads(int n)
{
    if (n < 1) return nd_set_error(ND_EVALUE, "nd_fft_set_threads: %d threads (must be >= 1)", n);
#ifdef NUMC_HAVE_FFTW_THREADS
    pthread_mutex_lock(&lock);
    if (!threads_ready && n > 1) {
        if (nd__need_fftw("nd_fft_set_threads") < 0) {
            pthread_mutex_unlock(&lock);
            return ND_EIO;
        }
        if (!fftw_init_threads() || !fftwf_init_threads()) {
            pthread_mutex_unlock(&lock);
            return nd_set_error(ND_EVALUE, "nd_fft_set_threads: FFTW could not start its threads");
        }
        threads_ready = true;
    }
    nthreads = n;
    pthread_mutex_unlock(&lock);
    return ND_OK;
#else
    (void)threads_ready;
    if (n == 1) return ND_OK;
    return nd_set_error(ND_EVALUE, "nd_fft_set_threads: numc was built without FFTW's thread library");
#endif
}

void nd_fft_cache_clear(void)
{
    pthread_mutex_lock(&lock);
    size_t keep = 0;
    for (size_t i = 0; i < ncache; i++) {
        if (cache[i]->refs > 0) cache[keep++] = cache[i];
        else destroy(cache[i]);
    }
    ncache = keep;
    pthread_mutex_unlock(&lock);
}

size_t nd_fft_cache_size(void)
{
    pthread_mutex_lock(&lock);
    size_t n = ncache;
    pthread_mutex_unlock(&lock);
    return n;
}

/* ---- wisdom --------------------------------------------------------------------------------
 * File format: "numc-fftw-wisdom 1\n", then for double and single precision the length in
 * bytes on a line followed by FFTW's own wisdom text. */

nd_status nd_fft_wisdom_save(const char *path)
{
    const char *who = "nd_fft_wisdom_save";
    if (!path) return nd_set_error(ND_EVALUE, "%s: path is NULL", who);
    if (nd__need_fftw(who) < 0) return ND_EIO;
    pthread_mutex_lock(&lock);
    char *wd = fftw_export_wisdom_to_string(), *wf = fftwf_export_wisdom_to_string();
    pthread_mutex_unlock(&lock);
    nd_status s = ND_OK;
    FILE *f = NULL;
    if (!wd || !wf) {
        s = nd_set_error(ND_ENOMEM, "%s: FFTW could not export its wisdom", who);
        goto done;
    }
    if (!(f = fopen(path, "w"))) {
        s = nd_set_error(ND_EIO, "%s: cannot open '%s' for writing", who, path);
        goto done;
    }
    fprintf(f, "numc-fftw-wisdom 1\n%zu\n%s\n%zu\n%s\n", strlen(wd), wd, strlen(wf), wf);
    if (ferror(f)) s = nd_set_error(ND_EIO, "%s: error writing '%s'", who, path);
    if (fclose(f) != 0 && s == ND_OK) s = nd_set_error(ND_EIO, "%s: error writing '%s'", who, path);
done:
    /* FFTW's export_wisdom_to_string returns memory from its own malloc and documents
     * free() as the way to release it; it never passes through numc's hooks. */
    free(wd);
    free(wf);
    return s;
}

static char *read_block(FILE *f, const char *who, const char *path)
{
    size_t len;
    if (fscanf(f, "%zu", &len) != 1 || fgetc(f) != '\n' || len > (1u << 28)) {
        nd_set_error(ND_EPARSE, "%s: '%s' is not a numc wisdom file", who, path);
        return NULL;
    }
    char *s = nd_malloc(len + 1, who);
    if (!s) return NULL;
    if (fread(s, 1, len, f) != len) {
        nd_free_mem(s);
        nd_set_error(ND_EPARSE, "%s: '%s' is truncated", who, path);
        return NULL;
    }
    s[len] = '\0';
    return s;
}

nd_status nd_fft_wisdom_load(const char *path)
{
    const char *who = "nd_fft_wisdom_load";
    if (!path) return nd_set_error(ND_EVALUE, "%s: path is NULL", who);
    FILE *f = fopen(path, "r");
    if (!f) return nd_set_error(ND_EIO, "%s: cannot open '%s'", who, path);
    char magic[32] = { 0 };
    int version = 0;
    char *wd = NULL, *wf = NULL;
    nd_status s = ND_OK;
    if (fscanf(f, "%31s %d", magic, &version) != 2 || strcmp(magic, "numc-fftw-wisdom") || version != 1 ||
        fgetc(f) != '\n') {
        s = nd_set_error(ND_EPARSE, "%s: '%s' is not a numc wisdom file", who, path);
        goto done;
    }
    if (!(wd = read_block(f, who, path)) || !(wf = read_block(f, who, path))) {
        s = nd_last_error();
        goto done;
    }
    if (nd__need_fftw(who) < 0) {
        s = ND_EIO;
        goto done;
    }
    pthread_mutex_lock(&lock);
    int ok = fftw_import_wisdom_from_string(wd) && fftwf_import_wisdom_from_string(wf);
    pthread_mutex_unlock(&lock);
    if (!ok) s = nd_set_error(ND_EPARSE, "%s: FFTW rejected the wisdom in '%s'", who, path);
done:
    fclose(f);
    nd_free_mem(wd);
    nd_free_mem(wf);
    return s;
}
