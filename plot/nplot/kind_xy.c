/* Series against x: line, scatter, step, area (each filled to zero) and stack. */
#include "render.h"

#include <numc/threads.h>

#include <float.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

/* Marker area for n points: matplotlib's 36 pt² hides structure past a few thousand. */
static double scatter_size(size_t n)
{
    if (n <= 2000) return 0; /* the default */
    if (n <= 20000) return 12;
    if (n <= 200000) return 4;
    return 1;
}

static int stack(cli_plot *p, nplot_axes *ax, int first, int count)
{
    size_t n = p->series[first].n;
    for (int i = 1; i < count; i++)
        if (p->series[first + i].n != n)
            return cli_plot_fail(p, CLI_EXIT_DATA,
                                 "%s: --kind stack needs series of equal length (not with --sep "
                                 "groups of different sizes)", p->d->file);
    double *base = calloc(n ? n : 1, sizeof *base), *top = malloc((n ? n : 1) * sizeof *top);
    if (!base || !top) {
        free(base);
        free(top);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    }
    char cb[8];
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        /* Missing cells add nothing to the stack. */
        for (size_t r = 0; r < n; r++) top[r] = base[r] + (isnan(s->y[r]) ? 0 : s->y[r]);
        nplot_fill_between_xy(ax, s->x, top, base, n, .color = cli_series_color(p, s->color, cb),
                              .label = s->label, .alpha = p->o->alpha);
        double *t = base;
        base = top;
        top = t;
    }
    free(base);
    free(top);
    return cli_plot_status(p);
}

/* Whether v is neither NaN nor infinite (one compare, no call). */
static inline bool finite_v(double v) { return fabs(v) <= DBL_MAX; }

/* The x slice of a finite x (the conversion is defined: x lies within the slices, or
 * far out only on data that is not increasing, where it is clamped). */
static inline long bucket_of(double x, double lo, double scale)
{
    double t = (x - lo) * scale;
    t = t >= -1e18 ? t : -1e18;
    t = t <= 1e18 ? t : 1e18;
    return (long)t;
}

/* The t = (x - lo) * scale of slice b as a closed interval [*tlo, *thi] (the conversion
 * truncates toward zero, so slice 0 holds (-1, 1)), so that testing a point takes two
 * compares instead of a conversion that does not vectorise. False when b is too large
 * for its neighbours to be exact doubles. */
static bool slice_bounds(long b, double *tlo, double *thi)
{
    if (b > (1L << 52) || b < -(1L << 52)) return false;
    *tlo = b >= 1 ? (double)b : nextafter((double)(b - 1), INFINITY);
    *thi = b <= -1 ? (double)b : nextafter((double)(b + 1), -INFINITY);
    return true;
}

/* Where the run of points from i on that are finite and in slice b ends: blocks of 8
 * tested whole (no exit inside a block: fewer, better predicted branches), then one at
 * a time. */
static size_t run_end(const double *x, const double *y, size_t i, size_t n, double lo,
                      double scale, long b)
{
    enum { BLOCK = 8 };
    double tlo, thi;
    if (slice_bounds(b, &tlo, &thi))
        while (n - i >= BLOCK) {
            int out = 0;
            for (size_t k = i; k < i + BLOCK; k++) {
                double t = (x[k] - lo) * scale; /* NaN or infinite for x that is */
                out += !(t >= tlo && t <= thi && finite_v(y[k]));
            }
            if (out) break;
            i += BLOCK;
        }
    while (i < n && finite_v(x[i]) && finite_v(y[i]) && bucket_of(x[i], lo, scale) == b) i++;
    return i;
}

/* The index of the first lowest and of the first highest of y[a..e), all finite: the
 * values from four independent chains, then the first index holding each. */
static void run_extremes(const double *y, size_t a, size_t e, size_t *imin, size_t *imax)
{
    double lo[4] = { y[a], y[a], y[a], y[a] }, hi[4] = { y[a], y[a], y[a], y[a] };
    size_t k = a + 1;
    for (; e - k >= 4; k += 4)
        for (int j = 0; j < 4; j++) {
            lo[j] = y[k + j] < lo[j] ? y[k + j] : lo[j];
            hi[j] = y[k + j] > hi[j] ? y[k + j] : hi[j];
        }
    for (; k < e; k++) {
        lo[0] = y[k] < lo[0] ? y[k] : lo[0];
        hi[0] = y[k] > hi[0] ? y[k] : hi[0];
    }
    for (int j = 1; j < 4; j++) {
        lo[0] = lo[j] < lo[0] ? lo[j] : lo[0];
        hi[0] = hi[j] > hi[0] ? hi[j] : hi[0];
    }
    for (k = a; y[k] != lo[0]; k++) {}
    *imin = k;
    for (k = a; y[k] != hi[0]; k++) {}
    *imax = k;
}

/* The points of the run [a, e) at ox/oy + m: first, lowest, highest, last in index order,
 * each once. Returns the new count. */
static size_t emit_run(const double *x, const double *y, size_t a, size_t e, double *ox,
                       double *oy, size_t m)
{
    size_t k[4] = { a, 0, 0, e - 1 };
    run_extremes(y, a, e, &k[1], &k[2]);
    if (k[1] > k[2]) {
        size_t t = k[1];
        k[1] = k[2];
        k[2] = t;
    }
    for (int j = 0; j < 4; j++)
        if (j == 0 || k[j] != k[j - 1]) ox[m] = x[k[j]], oy[m++] = y[k[j]];
    return m;
}

/* M4 decimation of a line over increasing x: in each of `buckets` equal x slices keep
 * the first, lowest, highest and last point (in order), and keep every NaN gap. With
 * several slices per pixel column the stroked line covers the same pixels as the full
 * data, and the plot library gets thousands of points instead of millions. Writes to
 * ox/oy (capacity 4 * buckets + 2 * gaps + 4) and returns the count. A slice's points
 * are a run of consecutive finite points with the same slice number, taken whole: the
 * run's end found a block at a time, its extremes by a pass over the run alone. */
size_t cli_decimate(const double *x, const double *y, size_t n, int buckets, double *ox,
                    double *oy)
{
    /* The slices span the first to the last finite x. */
    size_t first = 0, end = n;
    while (first < n && !isfinite(x[first])) first++;
    if (first == n) return 0;
    while (!isfinite(x[end - 1])) end--;
    double lo = x[first], hi = x[end - 1];
    double scale = hi > lo ? buckets / (hi - lo) : 0;
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        if (!finite_v(x[i]) || !finite_v(y[i])) {
            if (m && !isnan(oy[m - 1])) ox[m] = NAN, oy[m++] = NAN;
            i++;
            continue;
        }
        size_t e = run_end(x, y, i + 1, n, lo, scale, bucket_of(x[i], lo, scale));
        m = emit_run(x, y, i, e, ox, oy, m);
        i = e;
    }
    return m;
}

/* Whether a line series may be decimated without changing the picture. */
static bool can_decimate(const cli_plot *p, const cli_series *s)
{
    const cli_opts *o = p->o;
    return o->kind == CLI_LINE && !o->marker && !o->logx && !o->has_xlim &&
           s->n > 64 * (size_t)(p->width_pt / 72 * (o->dpi > 0 ? o->dpi : 100)) &&
           (s->x == p->d->x && p->d->xmono != -2 ? p->d->xmono : cli_monotonic(s->x, s->n)) == 1;
}

/* x[0..n) and y[0..n) as masked arrays (cli_series_ma: missing cells masked). */
typedef struct series_ma {
    nd_marray *x, *y;
} series_ma;

static int series_ma_make(cli_plot *p, const double *x, const double *y, size_t n, series_ma *m)
{
    m->x = cli_series_ma(x, n);
    m->y = m->x ? cli_series_ma(y, n) : NULL;
    if (m->y) return CLI_EXIT_OK;
    nd_ma_free(m->x);
    m->x = NULL;
    return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
}

static void series_ma_free(series_ma *m)
{
    nd_ma_free(m->x);
    nd_ma_free(m->y);
}

/* One line through the masked path: breaks at missing cells as matplotlib's do. */
static int line_ma(cli_plot *p, nplot_axes *ax, const double *x, const double *y, size_t n,
                   const char *color, const char *label, const char *marker, const char *ls)
{
    const cli_opts *o = p->o;
    series_ma m;
    int rc = series_ma_make(p, x, y, n, &m);
    if (rc) return rc;
    nplot_plot_ma(ax, m.x, m.y, .color = color, .label = label, .linewidth = o->linewidth,
                  .marker = marker, .alpha = o->alpha, .linestyle = ls);
    series_ma_free(&m);
    return cli_plot_status(p);
}

/* What drawing a series needs from a pass over all its values: its largest |y| (for
 * cli_scale_decades) and, for a line that may be decimated, the decimated points. All the
 * series are prepared at once, one per thread, before they are drawn in order. */
typedef struct series_prep {
    const cli_plot *p;
    const cli_series *s;
    bool absmax_wanted, line;
    double absmax;
    bool decimated, oom; /* decimated: ox/oy hold m points */
    double *ox, *oy;
    size_t m;
} series_prep;

typedef struct prep_job {
    series_prep *v;
    int count;
    atomic_int next;
} prep_job;

static void prep_one(series_prep *sp)
{
    const cli_plot *p = sp->p;
    const cli_series *s = sp->s;
    const cli_opts *o = p->o;
    if (!sp->line || !can_decimate(p, s)) {
        if (sp->absmax_wanted) sp->absmax = cli_series_absmax(s);
        return;
    }
    /* Eight slices per pixel column of the whole figure width. */
    int buckets = 8 * (int)(p->width_pt / 72 * (o->dpi > 0 ? o->dpi : 100));
    /* The gaps (for the room the output needs) and cli_series_absmax in one pass. */
    size_t gaps = 0;
    double m = 0;
    for (size_t i = 0; i < s->n; i++) {
        double y = s->y[i], a = fabs(y);
        bool fy = isfinite(y);
        gaps += !fy || !isfinite(s->x[i]);
        m = fy && a > m ? a : m;
    }
    sp->absmax = m;
    size_t cap = 4 * (size_t)buckets + 2 * gaps + 4;
    sp->ox = malloc(cap * sizeof *sp->ox);
    sp->oy = malloc(cap * sizeof *sp->oy);
    if (!sp->ox || !sp->oy) {
        sp->oom = true;
        return;
    }
    sp->m = cli_decimate(s->x, s->y, s->n, buckets, sp->ox, sp->oy);
    sp->decimated = true;
}

static void *prep_run(void *arg)
{
    prep_job *job = arg;
    for (int i; (i = atomic_fetch_add(&job->next, 1)) < job->count;) prep_one(&job->v[i]);
    return NULL;
}

/* Below this many values in all, the series are prepared on this thread alone. */
enum { PREP_PAR_MIN = 200000, PREP_MAX_THREADS = 16 };

static void prep_all(series_prep *v, int count)
{
    size_t total = 0;
    for (int i = 0; i < count; i++) total += v[i].s->n;
    int nt = nd_get_num_threads();
    if (nt > count) nt = count;
    if (nt > PREP_MAX_THREADS) nt = PREP_MAX_THREADS;
    if (total < PREP_PAR_MIN) nt = 1;
    prep_job job = { .v = v, .count = count };
    atomic_init(&job.next, 0);
    pthread_t th[PREP_MAX_THREADS];
    bool started[PREP_MAX_THREADS] = { false };
    for (int t = 1; t < nt; t++) started[t] = pthread_create(&th[t], NULL, prep_run, &job) == 0;
    prep_run(&job);
    for (int t = 1; t < nt; t++)
        if (started[t]) pthread_join(th[t], NULL);
}

static void prep_free(series_prep *v, int count)
{
    for (int i = 0; i < count; i++) {
        free(v[i].ox);
        free(v[i].oy);
    }
    free(v);
}

static int plot_line(cli_plot *p, nplot_axes *ax, const series_prep *sp, const char *color)
{
    const cli_series *s = sp->s;
    const char *ls = cli_series_linestyle(p, s->color);
    if (sp->oom) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    if (!sp->decimated)
        return line_ma(p, ax, s->x, s->y, s->n, color, s->label, p->o->marker, ls);
    return line_ma(p, ax, sp->ox, sp->oy, sp->m, color, s->label, NULL, ls);
}

/* fill_between stands on zero (matplotlib's sticky edge) when nothing goes below it. */
static int sticky_zero(cli_plot *p, nplot_axes *ax, int first, int count)
{
    if (p->o->logy || p->o->has_ylim) return CLI_EXIT_OK;
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        for (size_t r = 0; r < s->n; r++)
            if (s->y[r] < 0) return CLI_EXIT_OK;
    }
    nplot_set_ylim(ax, 0, NAN);
    return cli_plot_status(p);
}

int cli_kind_xy(cli_plot *p, nplot_axes *ax, int first, int count)
{
    const cli_opts *o = p->o;
    if (o->kind == CLI_STACK) {
        int rc = stack(p, ax, first, count);
        return rc ? rc : sticky_zero(p, ax, first, count);
    }
    bool line = o->kind != CLI_SCATTER && o->kind != CLI_STEP && o->kind != CLI_AREA;
    bool want_decades = !(o->logy || o->subplots || o->kind == CLI_SCATTER);
    series_prep *prep = calloc(count > 0 ? (size_t)count : 1, sizeof *prep);
    double *absmax = calloc(count > 0 ? (size_t)count : 1, sizeof *absmax);
    if (!prep || !absmax) {
        free(prep);
        free(absmax);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    }
    for (int i = 0; i < count; i++)
        prep[i] = (series_prep){ .p = p, .s = &p->series[first + i],
                                 .absmax_wanted = want_decades, .line = line };
    prep_all(prep, count);
    for (int i = 0; i < count; i++) absmax[i] = prep[i].absmax;
    /* Lines that differ by orders of magnitude flatten the small ones against zero. */
    int decades = want_decades ? cli_decades_of(absmax, count) : 0;
    free(absmax);
    if (decades >= 3 && !o->quiet)
        fprintf(stderr, "nplot: series differ by 10^%d in scale; try --subplots or -y (or "
                "--logy)\n", decades);
    /* Past the ten colours of the cycle the line style changes (cli_series_linestyle). */
    if (count > 10 && !o->color && !o->quiet && (o->kind == CLI_LINE || o->kind == CLI_STEP))
        fprintf(stderr, "nplot: %d series: the ten colours repeat, so series 11 to %d are "
                "drawn %s\n", count, count, count > 20 ? "dashed, then dash-dot and dotted"
                : "dashed");
    char cb[8];
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        const char *color = cli_series_color(p, s->color, cb);
        if (line) {
            int rc = plot_line(p, ax, &prep[i], color);
            if (rc) {
                prep_free(prep, count);
                return rc;
            }
            continue;
        }
        series_ma m;
        int rc = series_ma_make(p, s->x, s->y, s->n, &m);
        if (rc) {
            prep_free(prep, count);
            return rc;
        }
        switch (o->kind) {
        case CLI_SCATTER:
            nplot_scatter_ma(ax, m.x, m.y, .color = color, .label = s->label,
                             .s = scatter_size(s->n), .marker = o->marker, .alpha = o->alpha);
            break;
        case CLI_STEP:
            nplot_step_ma(ax, m.x, m.y, .color = color, .label = s->label,
                          .linewidth = o->linewidth, .marker = o->marker, .alpha = o->alpha,
                          .linestyle = cli_series_linestyle(p, s->color));
            break;
        default: /* CLI_AREA */
            nplot_fill_between_ma(ax, m.x, m.y, NULL, .color = color,
                                  .alpha = o->alpha > 0 ? o->alpha : 0.35, .label = s->label);
            nplot_plot_ma(ax, m.x, m.y, .color = color, .linewidth = o->linewidth);
            break;
        }
        series_ma_free(&m);
        if ((rc = cli_plot_status(p))) {
            prep_free(prep, count);
            return rc;
        }
    }
    prep_free(prep, count);
    return o->kind == CLI_AREA ? sticky_zero(p, ax, first, count) : CLI_EXIT_OK;
}
