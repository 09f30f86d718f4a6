/* Patches built from polygons: bar / barh (grouped), hist (shared bins), box (Tukey
 * whiskers, matplotlib's defaults) and pie. All bars of one series are a single fill whose
 * rectangles are separated by NaN, so thousands of bars cost one artist. */
#include "render.h"

#include <numc/sort.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_BARS = 200000, MAX_WEDGES = 200 };

static bool dark(const cli_plot *p)
{
    const char *s = p->o->theme ? p->o->theme : p->o->style;
    return s && (strcmp(s, "dark_background") == 0 || strcmp(s, "dark") == 0);
}

/* The finite values of y, sorted (caller frees); *m gets their count. */
static double *sorted_finite(const double *y, size_t n, size_t *m)
{
    double *v = malloc((n ? n : 1) * sizeof *v);
    if (!v) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (isfinite(y[i])) v[k++] = y[i];
    *m = k;
    if (k > 1) {
        nd_array *a = nd_wrap(v, 1, (ptrdiff_t[]){ (ptrdiff_t)k }, NULL, ND_FLOAT64, NULL, NULL);
        nd_status st = a ? nd_sort_inplace(a, 0, ND_SORT_QUICK) : ND_ENOMEM;
        nd_free(a);
        if (st != ND_OK) {
            free(v);
            return NULL;
        }
    }
    return v;
}

/* numpy.percentile's default (linear) on sorted values. */
static double percentile(const double *v, size_t m, double q)
{
    double pos = q / 100.0 * (double)(m - 1);
    size_t lo = (size_t)floor(pos);
    if (lo + 1 >= m) return v[m - 1];
    return v[lo] + (pos - (double)lo) * (v[lo + 1] - v[lo]);
}

/* Rectangles [x0, x1] × [y0, y1] appended to a NaN-separated polygon list. */
typedef struct polys {
    double *x, *y;
    size_t n, cap;
} polys;

static bool rect(polys *P, double x0, double x1, double y0, double y1, bool swap)
{
    if (P->n + 6 > P->cap) {
        size_t nc = P->cap ? P->cap * 2 : 64;
        double *nx = realloc(P->x, nc * sizeof *nx);
        if (!nx) return false;
        P->x = nx;
        double *ny = realloc(P->y, nc * sizeof *ny);
        if (!ny) return false;
        P->y = ny;
        P->cap = nc;
    }
    const double xs[5] = { x0, x1, x1, x0, NAN }, ys[5] = { y0, y0, y1, y1, NAN };
    for (int i = 0; i < 5; i++) {
        P->x[P->n] = swap ? ys[i] : xs[i];
        P->y[P->n] = swap ? xs[i] : ys[i];
        P->n++;
    }
    return true;
}

/* ---- bar / barh ------------------------------------------------------------------------------------ */
int cli_kind_bar(cli_plot *p, nplot_axes *ax, int first, int count, bool horizontal)
{
    size_t total = 0;
    for (int i = 0; i < count; i++) total += p->series[first + i].n;
    if (total > MAX_BARS)
        return cli_plot_fail(p, CLI_EXIT_DATA,
                             "%s: %zu bars are too many for a bar chart (at most %d); try "
                             "--kind line or --kind hist", p->d->file, total, MAX_BARS);
    /* Groups of `count` bars share 0.8 of the distance between categories. */
    double w = 0.8 / count;
    bool all_pos = true;
    char cb[8];
    for (int i = 0; i < count; i++) {
        const cli_series *s = &p->series[first + i];
        double off = (i - (count - 1) / 2.0) * w;
        polys P = { 0 };
        for (size_t r = 0; r < s->n; r++) {
            if (!isfinite(s->y[r])) continue;
            if (s->y[r] < 0) all_pos = false;
            if (!rect(&P, s->x[r] + off - w / 2, s->x[r] + off + w / 2, 0, s->y[r], horizontal)) {
                free(P.x);
                free(P.y);
                return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
            }
        }
        nplot_fill_xy(ax, P.x, P.y, P.n, .color = cli_series_color(p, s->color, cb),
                      .label = s->label, .alpha = p->o->alpha);
        free(P.x);
        free(P.y);
        int rc = cli_plot_status(p);
        if (rc) return rc;
    }
    /* Bars stand on the axis (matplotlib's sticky edge at zero). */
    bool logv = horizontal ? p->o->logx : p->o->logy;
    if (all_pos && !logv) {
        if (horizontal) nplot_set_xlim(ax, 0, NAN);
        else nplot_set_ylim(ax, 0, NAN);
    }
    return cli_plot_status(p);
}

/* ---- hist -------------------------------------------------------------------------------------------- */
int cli_kind_hist(cli_plot *p, nplot_axes *ax, int first, int count)
{
    const cli_opts *o = p->o;
    /* Shared bins over every series of the panel: numpy's 'auto' rule on all values. */
    size_t ntot = 0;
    for (int i = 0; i < count; i++) ntot += p->series[first + i].n;
    double *all = malloc((ntot ? ntot : 1) * sizeof *all);
    if (!all) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    size_t k = 0;
    for (int i = 0; i < count; i++) {
        memcpy(all + k, p->series[first + i].y, p->series[first + i].n * sizeof *all);
        k += p->series[first + i].n;
    }
    size_t m;
    double *v = sorted_finite(all, ntot, &m);
    free(all);
    if (!v) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    if (m == 0) {
        free(v);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no finite values to histogram", p->d->file);
    }
    double lo = v[0], hi = v[m - 1];
    if (lo == hi) lo -= 0.5, hi += 0.5;
    int bins = o->bins;
    if (!bins) {
        double sturges = (hi - lo) / (log2((double)m) + 1.0);
        double iqr = percentile(v, m, 75) - percentile(v, m, 25);
        double fd = 2.0 * iqr / cbrt((double)m);
        double width = fd > 0 ? fmin(fd, sturges) : sturges;
        bins = (int)ceil((hi - lo) / width);
        if (bins < 1) bins = 1;
        if (bins > 1000) bins = 1000;
    }
    free(v);
    double bw = (hi - lo) / bins;
    double *cnt = malloc((size_t)bins * sizeof *cnt);
    double *px = malloc((2 * (size_t)bins + 2) * sizeof *px);
    double *py = malloc((2 * (size_t)bins + 2) * sizeof *py);
    if (!cnt || !px || !py) {
        free(cnt);
        free(px);
        free(py);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    }
    double alpha = o->alpha > 0 ? o->alpha : count > 1 ? 0.5 : 0;
    double ymin_pos = INFINITY;
    char cb[8];
    int rc = CLI_EXIT_OK;
    for (int i = 0; i < count && !rc; i++) {
        const cli_series *s = &p->series[first + i];
        memset(cnt, 0, (size_t)bins * sizeof *cnt);
        size_t used = 0;
        for (size_t r = 0; r < s->n; r++) {
            double x = s->y[r];
            if (!isfinite(x)) continue;
            int b = (int)((x - lo) / bw);
            if (b >= bins) b = bins - 1; /* the last edge belongs to the last bin */
            if (b < 0) b = 0;
            cnt[b]++;
            used++;
        }
        for (int b = 0; b < bins; b++) {
            if (o->density && used) cnt[b] /= (double)used * bw;
            if (cnt[b] > 0 && cnt[b] < ymin_pos) ymin_pos = cnt[b];
        }
        /* The histogram's outline as one polygon (a staircase closed on the base). */
        double base = o->logy ? (isfinite(ymin_pos) ? ymin_pos / 2 : 0.5) : 0;
        size_t n = 0;
        px[n] = lo, py[n++] = base;
        for (int b = 0; b < bins; b++) {
            double h = cnt[b] > 0 ? cnt[b] : base;
            px[n] = lo + b * bw, py[n++] = h;
            px[n] = lo + (b + 1) * bw, py[n++] = h;
        }
        px[n] = hi, py[n++] = base;
        nplot_fill_xy(ax, px, py, n, .color = cli_series_color(p, s->color, cb), .label = s->label,
                      .alpha = alpha);
        rc = cli_plot_status(p);
    }
    free(cnt);
    free(px);
    free(py);
    if (rc) return rc;
    if (o->logy) nplot_set_ylim(ax, isfinite(ymin_pos) ? ymin_pos / 2 : 0.5, NAN);
    else nplot_set_ylim(ax, 0, NAN);
    return cli_plot_status(p);
}

/* ---- box ----------------------------------------------------------------------------------------------- */
int cli_kind_box(cli_plot *p, nplot_axes *ax, int first, int count)
{
    const char *fg = p->o->color ? p->o->color : dark(p) ? "white" : "black";
    const char **labels = malloc((size_t)(count ? count : 1) * sizeof *labels);
    double *pos = malloc((size_t)(count ? count : 1) * sizeof *pos);
    if (!labels || !pos) {
        free(labels);
        free(pos);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    }
    int rc = CLI_EXIT_OK;
    const double hw = 0.25, cap = 0.125;
    for (int i = 0; i < count && !rc; i++) {
        const cli_series *s = &p->series[first + i];
        double c = i + 1;
        labels[i] = s->label;
        pos[i] = c;
        size_t m;
        double *v = sorted_finite(s->y, s->n, &m);
        if (!v) {
            rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
            break;
        }
        if (m == 0) {
            free(v);
            continue;
        }
        double q1 = percentile(v, m, 25), med = percentile(v, m, 50), q3 = percentile(v, m, 75);
        double iqr = q3 - q1;
        /* Whiskers reach the furthest data within 1.5 IQR of the box (Tukey). */
        size_t a = 0, b = m - 1;
        while (a < m && v[a] < q1 - 1.5 * iqr) a++;
        while (b > 0 && v[b] > q3 + 1.5 * iqr) b--;
        double wlo = a < m ? fmin(v[a], q1) : q1, whi = fmax(v[b], q3);
        const double lx[] = { c - hw, c + hw, c + hw, c - hw, c - hw, NAN,
                              c, c, NAN, c, c, NAN,
                              c - cap, c + cap, NAN, c - cap, c + cap };
        const double ly[] = { q1, q1, q3, q3, q1, NAN,
                              q1, wlo, NAN, q3, whi, NAN,
                              wlo, wlo, NAN, whi, whi };
        nplot_plot_xy(ax, lx, ly, sizeof lx / sizeof lx[0], .color = fg, .linewidth = 1);
        const double mx[2] = { c - hw, c + hw }, my[2] = { med, med };
        nplot_plot_xy(ax, mx, my, 2, .color = "C1", .linewidth = 1);
        /* Fliers: everything outside the whiskers, as open circles. */
        size_t nf = a + (m - 1 - b);
        if (nf) {
            double *fx = malloc(nf * sizeof *fx), *fy = malloc(nf * sizeof *fy);
            if (!fx || !fy) {
                free(fx);
                free(fy);
                free(v);
                rc = cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
                break;
            }
            size_t k = 0;
            for (size_t j = 0; j < a; j++) fx[k] = c, fy[k++] = v[j];
            for (size_t j = b + 1; j < m; j++) fx[k] = c, fy[k++] = v[j];
            nplot_plot_xy(ax, fx, fy, nf, .linestyle = "None", .marker = "o",
                          .markerfacecolor = "none", .markeredgecolor = fg);
            free(fx);
            free(fy);
        }
        free(v);
        rc = cli_plot_status(p);
    }
    if (!rc) {
        nplot_set_xlim(ax, 0.5, count + 0.5);
        rc = cli_category_ticks(p, ax, false, labels, count, pos);
    }
    free(labels);
    free(pos);
    return rc;
}

/* ---- pie ------------------------------------------------------------------------------------------------- */
int cli_kind_pie(cli_plot *p, nplot_axes *ax)
{
    cli_data *d = p->d;
    if (p->nseries == 0 || d->ny == 0)
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: no values for a pie", d->file);
    if (d->ny > 1 && !p->o->quiet)
        fprintf(stderr, "nplot: pie uses the first y column (%s) only\n", d->names[d->ycols[0]]);
    /* Wedges: one per --sep group (its values summed), otherwise one per row. */
    int nw = d->ngroups ? d->ngroups : (int)(d->nrows < MAX_WEDGES + 1 ? d->nrows : MAX_WEDGES + 1);
    if (nw > MAX_WEDGES)
        return cli_plot_fail(p, CLI_EXIT_DATA,
                             "%s: %td rows are too many wedges for a pie (at most %d); use --sep "
                             "COL to sum the values of each group", d->file, d->nrows, MAX_WEDGES);
    double val[MAX_WEDGES] = { 0 };
    char lab[MAX_WEDGES][48];
    const double *y = d->y[0];
    for (ptrdiff_t r = 0; r < d->nrows; r++) {
        if (isnan(y[r])) continue;
        if (y[r] < 0)
            return cli_plot_fail(p, CLI_EXIT_DATA,
                                 "%s: line %td, column %d (%s): a pie needs values >= 0, not %g",
                                 d->file, cli_row_line(d->buf, d->len, d->header, r),
                                 d->ycols[0] + 1, d->names[d->ycols[0]], y[r]);
        val[d->ngroups ? d->group[r] : r] += y[r];
    }
    for (int w = 0; w < nw; w++) {
        if (d->ngroups) snprintf(lab[w], sizeof lab[w], "%s", d->groups[w]);
        else cli_x_label(d, w, lab[w], sizeof lab[w]);
    }
    double total = 0;
    for (int w = 0; w < nw; w++) total += val[w];
    if (!(total > 0))
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: the values of %s sum to zero; nothing to draw",
                             d->file, d->names[d->ycols[0]]);
    /* matplotlib's defaults: start at 3 o'clock, counterclockwise, radius 1. */
    double px[400], py[400];
    double a0 = 0;
    char cb[8];
    const char *fg = dark(p) ? "white" : "black";
    for (int w = 0; w < nw; w++) {
        double frac = val[w] / total, a1 = a0 + frac * 2 * M_PI;
        if (frac <= 0) continue;
        int steps = (int)ceil((a1 - a0) / (M_PI / 180)) + 1;
        if (steps > 360) steps = 360;
        size_t n = 0;
        px[n] = 0, py[n++] = 0;
        for (int s = 0; s <= steps; s++) {
            double t = a0 + (a1 - a0) * s / steps;
            px[n] = cos(t), py[n++] = sin(t);
        }
        snprintf(cb, sizeof cb, "C%d", w % 10);
        nplot_fill_xy(ax, px, py, n, .color = cb, .alpha = p->o->alpha);
        /* Labels outside, percentages inside; tiny wedges keep quiet. */
        double mid = (a0 + a1) / 2;
        if (frac >= 0.01 || nw <= 12) {
            nplot_text(ax, 1.1 * cos(mid), 1.1 * sin(mid), lab[w], .ha = cos(mid) >= 0 ? "left" : "right",
                       .va = "center", .color = fg);
            char pct[16];
            snprintf(pct, sizeof pct, "%.1f%%", 100 * frac);
            if (frac >= 0.03)
                nplot_text(ax, 0.6 * cos(mid), 0.6 * sin(mid), pct, .ha = "center", .va = "center",
                           .fontsize = 9);
        }
        a0 = a1;
        int rc = cli_plot_status(p);
        if (rc) return rc;
    }
    nplot_set_aspect(ax, 1);
    nplot_set_xlim(ax, -1.25, 1.25);
    nplot_set_ylim(ax, -1.25, 1.25);
    nplot_axis(ax, "off");
    return cli_plot_status(p);
}
