/* numc._core._plot's private header (python/src/ns_plot.c, plot_opts.c, plot_table.c):
 * the handle capsule names, the keyword tables (ns_plot_kw.h: { name, offset, kind }), the
 * per-call arena that keeps what an options struct points to, and the entry points the
 * files share. Included by those three files only. */
#ifndef NUMC_PY_NS_PLOT_COMMON_H
#define NUMC_PY_NS_PLOT_COMMON_H

#include "numc_py.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <numc/plot.h>

enum { K_D = 1, K_I, K_TRI, K_B, K_U64, K_S, K_F64S, K_STRS, K_ARR, K_NORM, K_OUT, K_FN, K_AX,
       K_F64SS /* a list of float lists (violinplot's quantiles per dataset) */ };
typedef struct npp_kw {
    const char *name;
    size_t off;
    int kind;
    size_t ctx_off; /* K_FN: where the callback's ctx goes */
} npp_kw;
#include "ns_plot_kw.h"

static const char FIG_CAP[] = "numc.nplot_figure", AX_CAP[] = "numc.nplot_axes",
                  GS_CAP[] = "numc.nplot_gridspec", SF_CAP[] = "numc.nplot_subfigure";

/* ---- plot_opts.c: per-call storage and keyword conversion ------------------------------ */
#define NPP_MAXA 64
typedef struct npp_arena {
    nd_array *arrs[NPP_MAXA];
    int narrs;
    void *mem[NPP_MAXA];
    int nmem;
    PyObject *objs[NPP_MAXA];
    int nobjs;
    size_t elems; /* data elements seen (decides GIL release) */
} npp_arena;

void npp_arena_free(npp_arena *A);
void *npp_arena_alloc(npp_arena *A, size_t n);
/* o as a numc array kept in the arena (NULL with the Python error set) */
nd_array *npp_arena_array(npp_arena *A, PyObject *o);
/* A string option (str or an RGB(A) color tuple), a float sequence, a str sequence; 0 or
 * -1 with the Python error set */
int npp_get_str(npp_arena *A, PyObject *v, const char **out, const char *what);
int npp_get_f64s(npp_arena *A, PyObject *v, nplot_f64s *out);
int npp_get_strs(npp_arena *A, PyObject *v, nplot_strs *out, const char *what);
/* Python keyword arguments into an options struct by its table; an unknown keyword is a
 * TypeError naming it and fname. */
int npp_fill_opts(npp_arena *A, const npp_kw *table, void *opts, PyObject *kwargs,
                  const char *fname);
/* an axes capsule, or the pending numc error raised for NULL */
PyObject *npp_wrap_axes(nplot_axes *ax);
/* with an exception set: drop the RuntimeWarnings the failure also queued */
void npp_drop_warnings(void);

/* ---- plot_table.c: the function table behind _plot.call ------------------------------- */
PyObject *npp_call(PyObject *self, PyObject *args, PyObject *kwargs);
PyObject *npp_keywords(PyObject *self, PyObject *arg);
PyObject *npp_functions(PyObject *self, PyObject *noargs);

#endif
