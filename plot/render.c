/* The render context's shared state: one pango font map per process, the render lock, the
 * pango context every render uses, and sources kept alive until a vector target finishes. */
#include "plot_render.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

/* One font map for the process. It is kept until exit and never torn down:
 * cairo_debug_reset_static_data() and FcFini() assert when pango still holds fonts
 * (pango may release them from its own thread), which made exits abort at random.
 * Everything stays reachable from font_map, so leak checkers stay quiet. */
static PangoFontMap *font_map;
static pthread_once_t font_map_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t render_mutex = PTHREAD_MUTEX_INITIALIZER;

static void font_map_init(void) { font_map = pango_cairo_font_map_new(); }

/* The head start of nplot_prewarm: a thread that makes the font map and lays out a line
 * in the default font, which reads fontconfig's configuration and cache and opens the
 * font (15-20 ms that the first savefig would otherwise wait for). It holds the render
 * lock while it works, so a render that comes first waits for it rather than repeating
 * the work. */
static pthread_t prewarm_thread;
static bool prewarm_started, prewarm_joined;
static pthread_mutex_t prewarm_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *prewarm_main(void *arg)
{
    (void)arg;
    pthread_once(&font_map_once, font_map_init);
    pthread_mutex_lock(&render_mutex);
    PangoContext *ctx = nplot__pango_context();
    PangoLayout *l = pango_layout_new(ctx);
    PangoFontDescription *d = pango_font_description_from_string("DejaVu Sans 10");
    pango_layout_set_font_description(l, d);
    pango_layout_set_text(l, "0123456789 -.e+ Aa", -1);
    PangoRectangle ink;
    pango_layout_get_pixel_extents(l, &ink, NULL);
    pango_font_description_free(d);
    g_object_unref(l);
    g_object_unref(ctx);
    pthread_mutex_unlock(&render_mutex);
    return NULL;
}

void nplot_prewarm(void)
{
    pthread_mutex_lock(&prewarm_mutex);
    if (!prewarm_started && pthread_create(&prewarm_thread, NULL, prewarm_main, NULL) == 0)
        prewarm_started = true;
    pthread_mutex_unlock(&prewarm_mutex);
}

/* The first render joins the head start's thread (it has finished or holds the lock). */
static void prewarm_join(void)
{
    pthread_mutex_lock(&prewarm_mutex);
    if (prewarm_started && !prewarm_joined) {
        pthread_join(prewarm_thread, NULL);
        prewarm_joined = true;
    }
    prewarm_started = true; /* no head start after the first render */
    pthread_mutex_unlock(&prewarm_mutex);
}

/* pango's font maps are not safe to share between threads: renders take turns. */
void nplot__render_lock(void)
{
    prewarm_join();
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
