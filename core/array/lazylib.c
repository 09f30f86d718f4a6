/* BLAS, LAPACKE and FFTW loaded on first use (lazylib.h): dlopen of the sonames CMake
 * found, dlsym of every function numc calls into the tables lazy_*.h redirect to. */
#define NUMC_LAZYLIB_IMPL 1
#include "lazy_blas.h"
#include "lazy_fftw.h"
#include "lazy_lapacke.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef NUMC_BLAS_SONAME
#define NUMC_BLAS_SONAME "libopenblas.so.0"
#endif
#ifndef NUMC_LAPACKE_SONAME
#define NUMC_LAPACKE_SONAME "liblapacke.so.3"
#endif
#ifndef NUMC_FFTW3_SONAME
#define NUMC_FFTW3_SONAME "libfftw3.so.3"
#endif
#ifndef NUMC_FFTW3F_SONAME
#define NUMC_FFTW3F_SONAME "libfftw3f.so.3"
#endif
#ifndef NUMC_FFTW3_THREADS_SONAME
#define NUMC_FFTW3_THREADS_SONAME "libfftw3_threads.so.3"
#endif
#ifndef NUMC_FFTW3F_THREADS_SONAME
#define NUMC_FFTW3F_THREADS_SONAME "libfftw3f_threads.so.3"
#endif

static const char *sonames[ND_LAZY_NLIBS] = {
    [ND_LAZY_BLAS] = NUMC_BLAS_SONAME,
    [ND_LAZY_LAPACKE] = NUMC_LAPACKE_SONAME,
    [ND_LAZY_FFTW] = NUMC_FFTW3_SONAME,
    [ND_LAZY_FFTWF] = NUMC_FFTW3F_SONAME,
    [ND_LAZY_FFTW_THREADS] = NUMC_FFTW3_THREADS_SONAME,
    [ND_LAZY_FFTWF_THREADS] = NUMC_FFTW3F_THREADS_SONAME,
};

static struct nd__blas_api blas_api;
static struct nd__lapacke_api lapacke_api;
static struct nd__fftw_api fftw_api;

/* One table entry: the function's name, the library that defines it and where its
 * pointer goes. */
typedef struct sym {
    const char *name;
    nd_lazy_lib lib;
    void *slot;
} sym;

#define BLAS_SYM(f) { #f, ND_LAZY_BLAS, &blas_api.f },
static const sym blas_syms[] = { ND__BLAS_SYMS(BLAS_SYM) };
#define LAPACKE_SYM(f) { #f, ND_LAZY_LAPACKE, &lapacke_api.f },
static const sym lapacke_syms[] = { ND__LAPACKE_SYMS(LAPACKE_SYM) };
#define FFTW_SYM(f) { #f, ND_LAZY_FFTW, &fftw_api.f },
#define FFTWF_SYM(f) { #f, ND_LAZY_FFTWF, &fftw_api.f },
#define FFTW_THREADS_SYM(f) { #f, ND_LAZY_FFTW_THREADS, &fftw_api.f },
#define FFTWF_THREADS_SYM(f) { #f, ND_LAZY_FFTWF_THREADS, &fftw_api.f },
static const sym fftw_syms[] = {
    ND__FFTW_SYMS(FFTW_SYM) ND__FFTWF_SYMS(FFTWF_SYM)
#ifdef NUMC_HAVE_FFTW_THREADS
    ND__FFTW_THREADS_SYMS(FFTW_THREADS_SYM) ND__FFTWF_THREADS_SYMS(FFTWF_THREADS_SYM)
#endif
};

/* A set of libraries loaded together, once. */
typedef struct group {
    pthread_once_t once;
    const nd_lazy_lib *libs;
    int nlibs;
    const sym *syms;
    size_t nsyms;
    bool ok;
    char err[512]; /* "cannot load <soname>: <dlerror>" when !ok */
} group;

static const nd_lazy_lib blas_libs[] = { ND_LAZY_BLAS };
static const nd_lazy_lib lapacke_libs[] = { ND_LAZY_LAPACKE };
static const nd_lazy_lib fftw_libs[] = {
    ND_LAZY_FFTW, ND_LAZY_FFTWF,
#ifdef NUMC_HAVE_FFTW_THREADS
    ND_LAZY_FFTW_THREADS, ND_LAZY_FFTWF_THREADS,
#endif
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
static group g_blas = { PTHREAD_ONCE_INIT, blas_libs, (int)NELEM(blas_libs), blas_syms, NELEM(blas_syms),
                        false, "" };
static group g_lapacke = { PTHREAD_ONCE_INIT, lapacke_libs, (int)NELEM(lapacke_libs), lapacke_syms,
                           NELEM(lapacke_syms), false, "" };
static group g_fftw = { PTHREAD_ONCE_INIT, fftw_libs, (int)NELEM(fftw_libs), fftw_syms, NELEM(fftw_syms),
                        false, "" };

/* Opens the group's libraries and fills its table. The libraries stay loaded for the
 * life of the process (a failed group keeps what it opened: dlclose of a half-used
 * library set gains nothing). */
static void load(group *g)
{
    void *handle[ND_LAZY_NLIBS] = { 0 };
    for (int i = 0; i < g->nlibs; i++) {
        nd_lazy_lib l = g->libs[i];
        if (!(handle[l] = dlopen(sonames[l], RTLD_NOW | RTLD_LOCAL))) {
            const char *e = dlerror();
            snprintf(g->err, sizeof g->err, "cannot load %s: %s", sonames[l], e ? e : "unknown error");
            return;
        }
    }
    for (size_t i = 0; i < g->nsyms; i++) {
        void *p = dlsym(handle[g->syms[i].lib], g->syms[i].name);
        if (!p) {
            snprintf(g->err, sizeof g->err, "cannot load %s: it has no function %s",
                     sonames[g->syms[i].lib], g->syms[i].name);
            return;
        }
        /* POSIX guarantees that dlsym's object pointer converts to a function pointer;
         * ISO C has no such conversion, so the bytes are copied. */
        memcpy(g->syms[i].slot, &p, sizeof p);
    }
    g->ok = true;
}

static void load_blas(void) { load(&g_blas); }
static void load_lapacke(void) { load(&g_lapacke); }
static void load_fftw(void) { load(&g_fftw); }

static nd_status need(group *g, void (*once)(void), const char *who)
{
    pthread_once(&g->once, once);
    if (g->ok) return ND_OK;
    return nd_set_error(ND_EIO, "%s: %s", who, g->err);
}

nd_status nd__need_blas(const char *who) { return need(&g_blas, load_blas, who); }

nd_status nd__need_lapack(const char *who)
{
    if (need(&g_blas, load_blas, who) < 0) return ND_EIO;
    return need(&g_lapacke, load_lapacke, who);
}

nd_status nd__need_fftw(const char *who) { return need(&g_fftw, load_fftw, who); }

/* A redirected call that no nd__need_* preceded, with the library missing: the numc bug
 * is reported and the process stops (there is no way to return an error from here). */
static void loaded_or_abort(group *g, void (*once)(void))
{
    pthread_once(&g->once, once);
    if (g->ok) return;
    fprintf(stderr, "numc: internal error: a function of %s called without nd__need_*: %s\n",
            sonames[g->libs[0]], g->err);
    abort();
}

const struct nd__blas_api *nd__blas_api(void)
{
    loaded_or_abort(&g_blas, load_blas);
    return &blas_api;
}

const struct nd__lapacke_api *nd__lapacke_api(void)
{
    loaded_or_abort(&g_lapacke, load_lapacke);
    return &lapacke_api;
}

const struct nd__fftw_api *nd__fftw_api(void)
{
    loaded_or_abort(&g_fftw, load_fftw);
    return &fftw_api;
}

const char *nd__lazy_soname(nd_lazy_lib lib)
{
    return (unsigned)lib < ND_LAZY_NLIBS ? sonames[lib] : "";
}

void nd__lazy_set_soname(nd_lazy_lib lib, const char *soname)
{
    if ((unsigned)lib < ND_LAZY_NLIBS && soname) sonames[lib] = soname;
}
