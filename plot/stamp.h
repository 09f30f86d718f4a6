/* libnumc_plot internals: raster fast paths (stamp.c).
 *
 * Markers: on an image surface a marker of one class (shape, size, face, edge, line
 * width) is rendered once into a small premultiplied ARGB tile, cropped to its ink, and
 * blended ("over") at every position, clipped to the axes rectangle: matplotlib's Agg
 * stamps its markers the same way, at whole-pixel positions. The tile is painted through
 * a callback (markers.c's painter), so this file does not call back into markers.c.
 *
 * Images: a minified single-channel image is averaged down to the output pixels in data
 * space, then colour-mapped (matplotlib resamples the data before the norm and the
 * colormap, so only the visible pixels are mapped). */
#ifndef NPLOT_STAMP_H
#define NPLOT_STAMP_H

#include "plot_render.h"

#include <stddef.h>

/* Paints marker m centred at (x, y) on cr (markers.c's marker painter). */
typedef void (*stamp_paint_fn)(cairo_t *cr, int m, double x, double y, double size, rgba face,
                               rgba edge, double lw, bool filled);

/* True when markers may be stamped on rc: an image surface with no rotation or shear in
 * cairo's transform, and NUMC_PLOT_NO_STAMP not set in the environment (a non-empty
 * value other than "0" turns stamping off, for comparing with cairo's own rendering). */
bool nplot__stamp_usable(const render_ctx *rc);

/* Stamp a marker batch (arguments as nplot__draw_markers, positions in device pixels).
 * Returns how many leading points were handled: n, or fewer when a tile could not be
 * made (out of memory): the caller draws the rest its own way. */
size_t nplot__stamp_markers(render_ctx *rc, const double *xs, const double *ys, size_t n,
                            int marker, double size_dev, const double *sizes_dev, rgba face,
                            const rgba *faces, rgba edge, bool edge_is_face, double edge_lw,
                            bool filled, const bbox *clip, stamp_paint_fn paint);

/* A batch of one marker class stamped in several parts (a scatter too large to transform
 * at once): begin makes the tile (NULL when the class cannot be accumulated — a tile of
 * two colours, a zero size, nothing visible — or out of memory: draw another way), add
 * counts points given in device pixels, end composites them all once and frees the
 * accumulator (false when out of memory: nothing was drawn). */
typedef struct stamp_acc stamp_acc;
stamp_acc *nplot__stamp_acc_begin(render_ctx *rc, int marker, double size_dev, rgba face, rgba edge,
                                  double edge_lw, bool filled, const bbox *clip, stamp_paint_fn paint);
void nplot__stamp_acc_add(stamp_acc *acc, const double *xs, const double *ys, size_t n);
bool nplot__stamp_acc_end(stamp_acc *acc);

/* Area-average (box filter) the iw x ih values z down to ow x oh (ow <= iw, oh <= ih) into
 * out, with the same partition of input pixels as the colour box filter: output pixel o
 * of an axis covers inputs [o * n / on, (o + 1) * n / on). Non-finite values propagate
 * through the sums (a NaN under a box gives NaN: the bad colour, as matplotlib masks a
 * resampled pixel touched by masked data). Returns false when out of memory. */
bool nplot__box_mean(const double *z, int iw, int ih, double *out, int ow, int oh);

#endif
