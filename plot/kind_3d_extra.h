/* The vertex helpers of the 3-D kinds (kind_3d_extra.c), shared with kind_3d_sets.c. */
#ifndef NPLOT_KIND_3D_EXTRA_H
#define NPLOT_KIND_3D_EXTRA_H

#include "plot_model.h"

/* A growing list of 3-D vertices (NaN rows separate polygons or polylines); oom once an
 * allocation failed (later puts do nothing). */
typedef struct nplot__k3x_vbuf {
    double *x, *y, *z;
    size_t n, cap;
    bool oom;
} nplot__k3x_vbuf;
void nplot__k3x_put(nplot__k3x_vbuf *b, double x, double y, double z);
void nplot__k3x_break(nplot__k3x_vbuf *b);
void nplot__k3x_free(nplot__k3x_vbuf *b);
/* A new 3-D artist of kind taking b's vertices (b is emptied); grow: the data limits grow
 * by them. ART_POLY3D gets its polygon count, a face and 1-point edges. NULL on failure
 * (the figure's status set). */
artist *nplot__k3x_take(nplot_axes *ax, artist_kind kind, nplot__k3x_vbuf *b, bool grow, const char *who);
/* "x" 0, "y" 1, "z" (or NULL) 2; -1 otherwise. */
int nplot__k3x_zdir(const char *s);
/* art3d.juggle_axes(u, v, h, zdir): "x" → (h, u, v), "y" → (u, h, v), "z" → (u, v, h);
 * with rot (rotate_axes of '-' + zdir, used for contour sets) "y" → (v, h, u). */
void nplot__k3x_juggle(int zdir, bool rot, double u, double v, double h, double *x, double *y, double *z);
/* The data limits (x, y and z) grow by a finite point. */
void nplot__k3x_grow(nplot_axes *ax, double x, double y, double z);

#endif
