/* The render context's shared state: one pango font map per process, the render lock, the
 * pango context every render uses, and sources kept alive until a vector target finishes. */
#include "plot_render.h"

#include <pthread.h>
#include <stdlib.h>

/* One font map for the process. It is kept until exit and never torn down:
 * cairo_debug_reset_static_data() and FcFini() assert when pango still holds fonts
 * (pango may release them from its own thread), which made exits abort at random.
 * Everything stays reachable from font_map, so leak checkers stay quiet. */
static PangoFontMap *font_map;
static pthread_once_t font_map_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t render_mutex = PTHREAD_MUTEX_INITIALIZER;

static void font_map_init(void) { font_map = pango_cairo_font_map_new(); }

/* pango's font maps are not safe to share between threads: renders take turns. */
void nplot__render_lock(void)
{
    pthread_once(&font_map_once, font_map_init);
    pthread_mutex_lock(&render_mutex);
}

void nplot__render_unlock(void) { pthread_mutex_unlock(&render_mutex); }

PangoContext *nplot__pango_context(void)
{
    PangoContext *ctx = pango_font_map_create_context(font_map);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
#if PANGO_VERSION_CHECK(1, 44, 0)
    pango_context_set_round_glyph_positions(ctx, FALSE);
#endif
    return ctx;
}

void nplot__defer_destroy(render_ctx *rc, cairo_surface_t *s)
{
    cairo_surface_t **d = nplot__grow(rc->deferred, &rc->cap_deferred, rc->ndeferred,
                                      rc->ndeferred + 1, sizeof *d, "nplot");
    if (!d) { /* cannot defer: cairo copies the source instead, at worst a leak */
        cairo_surface_destroy(s);
        return;
    }
    rc->deferred = d;
    rc->deferred[rc->ndeferred++] = s;
}
