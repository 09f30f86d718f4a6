/* libnumc_plot internals: lean vector output (vector_lean.c).
 *
 * SVG: cairo 1.16's SVG surface writes every marker as a full <path> (42 MB for 100k
 * points). While a lean SVG save is running on this thread, nplot__draw_markers hands its
 * batch to nplot__lean_svg_markers instead: the batch is written here as SVG text (each
 * marker shape defined once in <defs>, placed by reference at coordinates rounded to
 * 0.01 pt, nothing outside the clip), and a small placeholder fill is drawn through cairo
 * at the same point of the drawing order and inside the same clip. cairo's output is
 * buffered; nplot__lean_svg_end replaces each placeholder element by its batch.
 *
 * PDF: markers stay cairo form XObjects (one per marker class); vector_lean.c gives the
 * rounding and culling rules shared by both formats. */
#ifndef NPLOT_VECTOR_LEAN_H
#define NPLOT_VECTOR_LEAN_H

#include "plot_render.h"

#include <numc/io.h>

typedef struct lean_svg lean_svg;

/* Start a lean SVG save on this thread (NULL when out of memory, error set). */
lean_svg *nplot__lean_svg_begin(const char *who);
/* cairo_write_func_t buffering cairo's SVG stream; closure is the lean_svg. */
cairo_status_t nplot__lean_svg_stream(void *closure, const unsigned char *data, unsigned int len);
/* End the save: when out is not NULL write the substituted document to it. Frees lean and
 * returns the first error (the one from drawing, or ND_ENOMEM / the writer's). */
nd_status nplot__lean_svg_end(lean_svg *lean, nd_file_writer *out, const char *who);
/* True while a lean SVG save runs on this thread. */
bool nplot__lean_svg_active(void);
/* Write text (copied) into the SVG at this point of the drawing order, outside any clip
 * group (an axes' <g id=...> and </g>, set_gid). */
void nplot__lean_svg_raw(render_ctx *rc, const char *text);

/* Write a marker batch (arguments as nplot__draw_markers) as lean SVG and draw its
 * placeholder on rc->cr (the caller has set the clip). */
/* path traces a marker's outline (markers.c's nplot__marker_path, passed in so that this
 * file does not call back into markers.c: the plot files' call graph stays acyclic). */
typedef void (*lean_marker_path_fn)(cairo_t *cr, marker_kind m, double x, double y, double s);
void nplot__lean_svg_markers(render_ctx *rc, const double *xs, const double *ys, size_t n,
                             int marker, double size_dev, const double *sizes_dev, rgba face,
                             const rgba *faces, rgba edge, bool edge_is_face, double edge_lw,
                             bool filled, const bbox *clip, lean_marker_path_fn path);

/* Radius beyond which no part of a marker of size sz and edge width lw reaches. */
static inline double nplot__marker_reach(double sz, double lw) { return sz * 0.75 + lw; }

/* v rounded to 0.01 (what a vector output shows: 1/7200 in). */
static inline double nplot__round_cpt(double v) { return __builtin_round(v * 100) / 100; }


/* ---- PDF ------------------------------------------------------------------------------------
 * cairo 1.16's PDF surface writes each marker class once as a form XObject, but every
 * placement goes through its whole paint path (~20 µs a point) and prints 6-decimal
 * translations. While a lean PDF save runs on this thread, a run of consecutive markers
 * of one class is painted once (a placeholder at an encoded position) and its points are
 * kept here; nplot__lean_pdf_end inflates the page content, replaces each placeholder by
 * the run's placements (relative translations at 0.01 pt, in bands; markers of one class
 * are identical, so their order within the run does not change the picture), deflates it
 * and rewrites the length objects and the cross-reference table. */
typedef struct lean_pdf lean_pdf;

/* Start a lean PDF save on this thread (NULL when out of memory, error set). */
lean_pdf *nplot__lean_pdf_begin(const char *who);
/* cairo_write_func_t buffering cairo's PDF stream; closure is the lean_pdf. */
cairo_status_t nplot__lean_pdf_stream(void *closure, const unsigned char *data, unsigned int len);
/* True while a lean PDF save runs on this thread. */
bool nplot__lean_pdf_active(void);
/* Place rec (a marker recorded by nplot__draw_markers) at the n translations txy (x, y
 * pairs, device units) inside clip (may be NULL). */
void nplot__lean_pdf_run(render_ctx *rc, cairo_surface_t *rec, const double *txy, size_t n,
                         const bbox *clip);
/* End the save; when out is not NULL write the rewritten document to it. *complete is
 * false when a placeholder was not found (the caller then saves without lean PDF: see
 * nplot__lean_pdf_disable). Frees lean. */
nd_status nplot__lean_pdf_end(lean_pdf *lean, nd_file_writer *out, bool *complete,
                              const char *who);
/* Turn lean PDF off (or back on) for this thread; nplot__lean_pdf_enabled reads it. */
void nplot__lean_pdf_disable(bool off);
bool nplot__lean_pdf_enabled(void);
#endif
