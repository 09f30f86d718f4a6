/* matplotlib's ArrowStyle, ConnectionStyle and BoxStyle geometry (patches.py, bezier.py of
 * matplotlib 3.6), in display units with y up. Used by annotate (draw_text.c) and text
 * bboxes (draw_artists.c); the tests compare the paths with matplotlib's vertices. */
#ifndef NPLOT_FANCY_H
#define NPLOT_FANCY_H

#include <stdbool.h>
#include <stddef.h>

#include <numc/numc.h>

/* path codes as matplotlib.path.Path */
enum { FP_MOVETO = 1, FP_LINETO = 2, FP_CURVE3 = 3, FP_CURVE4 = 4, FP_CLOSE = 79 };

/* A growable path: n vertices (x, y) with codes c; oom set when an append failed. */
typedef struct fpath {
    size_t n, cap;
    double *x, *y;
    unsigned char *c;
    bool oom;
} fpath;
void nplot__fp_free(fpath *p);
void nplot__fp_add(fpath *p, int code, double x, double y);

/* A parsed style string "name,key=value,...": kind indexes the family's table, p[] holds
 * every parameter of that style (defaults filled in, NAN for matplotlib's None). */
#define FSTYLE_NP 10
typedef struct fstyle {
    int kind;
    double p[FSTYLE_NP];
} fstyle;

enum { ARS_CURVE = 0, ARS_CURVE_A, ARS_CURVE_B, ARS_CURVE_AB, ARS_FILLED_A, ARS_FILLED_B,
       ARS_FILLED_AB, ARS_BRACKET_A, ARS_BRACKET_B, ARS_BRACKET_AB, ARS_BAR_AB,
       ARS_BRACKET_CURVE, ARS_CURVE_BRACKET, ARS_SIMPLE, ARS_FANCY, ARS_WEDGE, ARS_N };
enum { CNS_ARC3 = 0, CNS_ANGLE3, CNS_ANGLE, CNS_ARC, CNS_BAR, CNS_N };
enum { BXS_SQUARE = 0, BXS_CIRCLE, BXS_LARROW, BXS_RARROW, BXS_DARROW, BXS_ROUND, BXS_ROUND4,
       BXS_SAWTOOTH, BXS_ROUNDTOOTH, BXS_N };

/* Parse a style string as matplotlib's _Style.__new__ (spaces dropped, the name case-
 * insensitive). ND_EVALUE naming `who` and listing the valid styles (unknown name) or the
 * valid parameters of the style (unknown parameter, value that is not a number). */
nd_status nplot__arrowstyle_parse(const char *s, fstyle *st, const char *who);
nd_status nplot__connstyle_parse(const char *s, fstyle *st, const char *who);
nd_status nplot__boxstyle_parse(const char *s, fstyle *st, const char *who);
/* simple, fancy and wedge need one quadratic Bezier (arc3 / angle3) */
bool nplot__arrowstyle_needs_quad(const fstyle *as);

/* A patch to clip at: a closed path and matplotlib's contains radius (its linewidth when
 * its edge is visible): points within radius / 2 of the outline count as inside. */
typedef struct fpatch {
    const fpath *path;
    double radius;
} fpatch;

/* ConnectionStyle()(posA, posB, shrinkA, shrinkB, patchA, patchB): the connecting path,
 * clipped at the patches (NULL: none) and shrunk by the distances (display units). */
nd_status nplot__connect(const fstyle *cs, double xa, double ya, double xb, double yb,
                         const fpatch *pa, const fpatch *pb, double shrinkA, double shrinkB,
                         fpath *out);
/* ArrowStyle()(path, mutation_size, linewidth): up to 3 paths in out[], fill[i] telling
 * whether out[i] is fillable; returns the count (0 with out[0].oom on failure). The path must
 * be one quadratic Bezier for simple/fancy/wedge (else nothing: 0). */
int nplot__arrow_transmute(const fstyle *as, const fpath *path, double ms, double lw,
                           fpath out[3], bool fill[3]);
/* BoxStyle()(x0, y0, width, height, mutation_size) into out (closed). */
void nplot__box_path(const fstyle *bs, double x0, double y0, double w, double h, double ms,
                     fpath *out);
/* Whether (x, y) is inside the patch (as Patch.contains). */
bool nplot__fpatch_contains(const fpatch *p, double x, double y);

#endif
