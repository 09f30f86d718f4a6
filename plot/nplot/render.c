/* The figure for the loaded data: series, panels, axes furniture and saving. */
#include "render.h"

#include <numc/error.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_plot_fail(cli_plot *p, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err, p->errcap, fmt, ap);
    va_end(ap);
    return code;
}

/* The figure's first error, without the library function's name in front. */
int cli_plot_status(cli_plot *p)
{
    if (nplot_figure_status(p->fig) == ND_OK) return CLI_EXIT_OK;
    const char *m = nplot_figure_errmsg(p->fig);
    if (strncmp(m, "nplot_", 6) == 0 && strstr(m, ": ")) m = strstr(m, ": ") + 2;
    return cli_plot_fail(p, CLI_EXIT_DATA, "%s: cannot plot: %s", p->d->file, m);
}

const char *cli_series_color(const cli_plot *p, int idx, char buf[8])
{
    if (p->o->color) return p->o->color;
    snprintf(buf, 8, "C%d", idx % 10);
    return buf;
}

const char *cli_series_linestyle(const cli_plot *p, int idx)
{
    static const char *const styles[] = { "-", "--", "-.", ":" };
    if (p->o->color) return NULL;
    return styles[(idx / 10) % 4];
}

double cli_series_absmax(const cli_series *s)
{
    double m = 0;
    for (size_t r = 0; r < s->n; r++)
        if (isfinite(s->y[r]) && fabs(s->y[r]) > m) m = fabs(s->y[r]);
    return m;
}

/* Orders of magnitude between the smallest and the largest non-zero maximum. */
static int decades(const double *absmax, const cli_series *s, int count)
{
    double lo = INFINITY, hi = 0;
    for (int i = 0; i < count; i++) {
        double m = absmax ? absmax[i] : cli_series_absmax(&s[i]);
        if (m == 0) continue; /* all zero or empty: no scale */
        if (m < lo) lo = m;
        if (m > hi) hi = m;
    }
    if (!(hi > 0) || !isfinite(lo)) return 0;
    return (int)floor(log10(hi / lo));
}

int cli_decades_of(const double *absmax, int count) { return decades(absmax, NULL, count); }

int cli_scale_decades(const cli_series *s, int count) { return decades(NULL, s, count); }

static const char *date_format(int what)
{
    if (what == CLI_DT_TIME) return "%H:%M:%S";
    if (what & CLI_DT_TIME) return "%Y-%m-%d %H:%M";
    return "%Y-%m-%d";
}

void cli_x_label(const cli_data *d, ptrdiff_t r, char *buf, size_t cap)
{
    double v = d->x[r];
    switch (d->xtype) {
    case CLI_X_CATEGORY: snprintf(buf, cap, "%s", d->cats[(int)v]); break;
    case CLI_X_DATE:
        if (isnan(v)) snprintf(buf, cap, "NaT");
        else cli_format_date(v, date_format(d->xdate_what), buf, cap);
        break;
    default: snprintf(buf, cap, "%.10g", v); break;
    }
}

/* ---- ticks for categories and dates --------------------------------------------------------- */
static double label_em(const char *s)
{
    double w = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c & 0xC0) == 0x80) continue;
        w += c >= 'A' && c <= 'Z' ? 0.72 : c >= '0' && c <= '9' ? 0.64 : 0.58;
    }
    return w;
}

cli_label_fit cli_category_fit(const char *const *labels, int n, double len_pt, bool on_y)
{
    cli_label_fit f = { .fontsize = 10, .rotation = 0, .step = 1 };
    if (n <= 0) return f;
    /* Widths in em of DejaVu Sans (capitals about 0.72, digits 0.64, the rest 0.58) and
     * 1.2 em per line of text; horizontal neighbours need half of each one's width plus
     * a gap of 0.8 em. */
    double need_em = 0;
    for (int i = 0; i < n; i++) {
        double w = label_em(labels[i]);
        double w2 = i + 1 < n ? label_em(labels[i + 1]) : w;
        if ((w + w2) / 2 + 0.8 > need_em) need_em = (w + w2) / 2 + 0.8;
    }
    static const double sizes[] = { 10, 9, 8, 7 };
    enum { NSIZES = sizeof sizes / sizeof sizes[0] };
    /* 1. Every label at the default size, then at smaller sizes (down to 7 pt). */
    for (int i = 0; i < NSIZES; i++) {
        double per = on_y ? 1.2 * sizes[i] : need_em * sizes[i];
        if (n * per <= len_pt) {
            f.fontsize = sizes[i];
            return f;
        }
    }
    if (!on_y) {
        /* 2. Rotated: slanted labels at 45 degrees sit 1.2 em / sin 45 apart, upright
         *    ones 1.2 em apart (the default size first, then smaller ones). */
        if (n * 1.2 * 10 * 1.4142135623730951 <= len_pt) {
            f.rotation = 45;
            return f;
        }
        for (int i = 0; i < NSIZES; i++)
            if (n * 1.2 * sizes[i] <= len_pt) {
                f.fontsize = sizes[i];
                f.rotation = 90;
                return f;
            }
        f.rotation = 90;
    }
    /* 3. Only then thinned: every step-th label at the default size. */
    f.fontsize = 10;
    f.step = (int)ceil(n * 12.0 / len_pt);
    if (f.step < 1) f.step = 1;
    return f;
}

int cli_category_ticks(cli_plot *p, nplot_axes *ax, bool on_y, const char *const *labels,
                       int n, const double *pos)
{
    if (n <= 0) return CLI_EXIT_OK;
    /* The axis as laid out now (before tight_layout, which only makes it longer), or
     * matplotlib's default subplot box. */
    double len_pt = on_y ? p->height_pt * 0.77 : p->width_pt * 0.775;
    double x0, y0, x1, y1;
    if (nplot_figure_draw(p->fig) == ND_OK && nplot_axes_pixel_box(ax, &x0, &y0, &x1, &y1) == ND_OK) {
        double dpi = p->o->dpi > 0 ? p->o->dpi : 100, px = on_y ? fabs(y1 - y0) : fabs(x1 - x0);
        if (px > 0) len_pt = px * 72 / dpi;
    }
    cli_label_fit f = cli_category_fit(labels, n, len_pt, on_y);
    int step = f.step;
    int m = (n + step - 1) / step;
    double *t = malloc((size_t)m * sizeof *t);
    const char **l = malloc((size_t)m * sizeof *l);
    if (!t || !l) {
        free(t);
        free(l);
        return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    }
    for (int i = 0, k = 0; i < n; i += step, k++) {
        t[k] = pos ? pos[i] : i;
        l[k] = labels[i];
    }
    /* The default size stays the style's (0 → the tick label size of the rc). */
    double fs = f.fontsize == 10 ? 0 : f.fontsize;
    if (on_y)
        nplot_set_yticks(ax, t, m, .labels = NPLOT_STR_ARRAY(l, m), .fontsize = fs);
    else if (f.rotation != 0)
        nplot_set_xticks(ax, t, m, .labels = NPLOT_STR_ARRAY(l, m), .rotation = f.rotation,
                         .ha = f.rotation == 45 ? "right" : "center", .fontsize = fs);
    else
        nplot_set_xticks(ax, t, m, .labels = NPLOT_STR_ARRAY(l, m), .fontsize = fs);
    if (p->o->verbose) {
        if (step == 1)
            fprintf(stderr, "nplot: %s categories: all %d labels at %g pt, rotated %g degrees\n",
                    on_y ? "y" : "x", n, f.fontsize, f.rotation);
        else
            fprintf(stderr, "nplot: %s categories: every %d%s of %d labels (%d shown) at %g pt, "
                    "rotated %g degrees; they do not fit at 7 pt\n", on_y ? "y" : "x", step,
                    step == 2 ? "nd" : step == 3 ? "rd" : "th", n, m, f.fontsize, f.rotation);
    }
    free(t);
    free(l);
    return cli_plot_status(p);
}

int cli_date_axis(cli_plot *p, nplot_axes *ax, bool on_y, double axis_pt)
{
    double lo, hi;
    if ((on_y ? nplot_get_ylim(ax, &lo, &hi) : nplot_get_xlim(ax, &lo, &hi)) != ND_OK)
        return cli_plot_status(p);
    if (!(fabs(lo) <= CLI_DATE_MAX_DAYS && fabs(hi) <= CLI_DATE_MAX_DAYS))
        return cli_plot_fail(p, CLI_EXIT_DATA,
                             "%s: the date axis runs from %g to %g days from 1970-01-01, beyond "
                             "years -1000000 to 1000000; check --%slim", p->d->file, lo, hi,
                             on_y ? "y" : "x");
    /* The library's date axis: matplotlib's AutoDateLocator and AutoDateFormatter. */
    (void)axis_pt;
    nplot_axis_date(ax, on_y ? "y" : "x");
    /* The ticks must not move the view they are computed for. */
    if (on_y) nplot_set_ylim(ax, lo, hi);
    else nplot_set_xlim(ax, lo, hi);
    return cli_plot_status(p);
}

void cli_apply_limits(cli_plot *p, nplot_axes *ax, bool x_dates)
{
    const cli_opts *o = p->o;
    if (o->has_xlim) {
        double lo = o->xlim[0], hi = o->xlim[1];
        if (x_dates) lo = cli_date_limit(lo, o->xlim_date[0]), hi = cli_date_limit(hi, o->xlim_date[1]);
        nplot_set_xlim(ax, lo, hi);
    }
    if (o->has_ylim) nplot_set_ylim(ax, o->ylim[0], o->ylim[1]);
}

/* --xlim without --ylim: the y range fits the points inside the x window (gnuplot's
 * autoscale of the visible data), with matplotlib's 5% margins; area and stack stand on
 * zero. Series [first, first + count) of the panel. */
static void refit_y(cli_plot *p, nplot_axes *ax, bool x_dates, int first, int count)
{
    const cli_opts *o = p->o;
    cli_kind k = o->kind;
    if (!o->has_xlim || o->has_ylim || count <= 0) return;
    if (k != CLI_LINE && k != CLI_SCATTER && k != CLI_STEP && k != CLI_AREA && k != CLI_STACK)
        return;
    double xlo = o->xlim[0], xhi = o->xlim[1];
    if (x_dates) xlo = cli_date_limit(xlo, o->xlim_date[0]), xhi = cli_date_limit(xhi, o->xlim_date[1]);
    if (isnan(xlo)) xlo = -INFINITY;
    if (isnan(xhi)) xhi = INFINITY;
    if (xlo > xhi) {
        double t = xlo;
        xlo = xhi, xhi = t;
    }
    double lo = INFINITY, hi = -INFINITY;
    size_t seen = 0;
    bool stacked = k == CLI_STACK;
    const cli_series *s0 = &p->series[first];
    if (stacked) {
        /* Stacked series share x (and rows): the running sums are what is drawn. */
        for (size_t r = 0; r < s0->n; r++) {
            if (!(s0->x[r] >= xlo && s0->x[r] <= xhi)) continue;
            double sum = 0;
            for (int i = 0; i < count; i++) {
                const cli_series *s = &p->series[first + i];
                sum += r < s->n && isfinite(s->y[r]) ? s->y[r] : 0;
                if (sum < lo) lo = sum;
                if (sum > hi) hi = sum;
            }
            seen++;
        }
    } else {
        for (int i = 0; i < count; i++) {
            const cli_series *s = &p->series[first + i];
            for (size_t j = 0; j < s->n; j++) {
                double x = s->x[j], y = s->y[j];
                if (!(x >= xlo && x <= xhi) || !isfinite(y) || (o->logy && !(y > 0))) continue;
                if (y < lo) lo = y;
                if (y > hi) hi = y;
                seen++;
            }
        }
    }
    if (!seen || !(lo <= hi)) return;
    bool zero = (k == CLI_AREA || k == CLI_STACK) && !o->logy;
    if (zero && lo > 0) lo = 0;
    if (zero && hi < 0) hi = 0;
    double vlo, vhi;
    if (o->logy) {
        double a = log10(lo), b = log10(hi), m = a == b ? 0.5 : (b - a) * 0.05;
        vlo = pow(10, a - m), vhi = pow(10, b + m);
    } else {
        double m = lo == hi ? (lo != 0 ? fabs(lo) * 0.05 : 0.5) : (hi - lo) * 0.05;
        vlo = zero && lo == 0 ? 0 : lo - m;
        vhi = zero && hi == 0 ? 0 : hi + m;
    }
    nplot_set_ylim(ax, vlo, vhi);
    if (o->verbose)
        fprintf(stderr, "nplot: y range %.6g..%.6g fitted to the %zu points with x in the "
                "--xlim window\n", vlo, vhi, seen);
}

/* ---- series ---------------------------------------------------------------------------------- */
static bool is_bar_kind(cli_kind k) { return k == CLI_BAR || k == CLI_BARH; }

static int add_series(cli_plot *p, char *label, const double *x, const double *y, size_t n,
                      bool owned, int ycol)
{
    if (!label) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", p->d->file);
    cli_series *s = &p->series[p->nseries];
    s->label = label;
    s->x = (double *)x;
    s->y = (double *)y;
    s->n = n;
    s->owned = owned;
    s->color = p->nseries;
    s->ycol = ycol;
    p->nseries++;
    return CLI_EXIT_OK;
}

static int build_series(cli_plot *p, double **bar_pos)
{
    cli_data *d = p->d;
    size_t nmax = (size_t)d->ny * (size_t)(d->ngroups ? d->ngroups : 1);
    p->series = calloc(nmax ? nmax : 1, sizeof *p->series);
    if (!p->series) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
    const double *x = d->x;
    /* Bars stand on categories: rows in order, labelled by x (pandas does the same). */
    if (is_bar_kind(p->o->kind) && d->xtype != CLI_X_CATEGORY && d->xtype != CLI_X_ROW) {
        *bar_pos = malloc((size_t)d->nrows * sizeof **bar_pos);
        if (!*bar_pos) return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
        for (ptrdiff_t r = 0; r < d->nrows; r++) (*bar_pos)[r] = (double)r;
        x = *bar_pos;
    }
    for (int i = 0; i < d->ny; i++) {
        const char *name = d->names[d->ycols[i]];
        if (!d->ngroups) {
            int rc = add_series(p, strdup(name), x, d->y[i], (size_t)d->nrows, false, i);
            if (rc) return rc;
            continue;
        }
        for (int g = 0; g < d->ngroups; g++) {
            size_t n = 0;
            for (ptrdiff_t r = 0; r < d->nrows; r++) n += d->group[r] == g;
            double *gx = malloc((n ? n : 1) * sizeof *gx), *gy = malloc((n ? n : 1) * sizeof *gy);
            char *label = malloc(strlen(name) + strlen(d->groups[g]) + 3);
            if (!gx || !gy || !label) {
                free(gx);
                free(gy);
                free(label);
                return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
            }
            if (d->ny > 1) sprintf(label, "%s %s", name, d->groups[g]);
            else strcpy(label, d->groups[g]);
            size_t k = 0;
            for (ptrdiff_t r = 0; r < d->nrows; r++)
                if (d->group[r] == g) {
                    gx[k] = x[r];
                    gy[k] = d->y[i][r];
                    k++;
                }
            int rc = add_series(p, label, gx, gy, n, true, i);
            if (rc) {
                free(gx);
                free(gy);
                return rc;
            }
        }
    }
    return CLI_EXIT_OK;
}

static void free_series(cli_plot *p)
{
    for (int i = 0; i < p->nseries; i++) {
        free(p->series[i].label);
        if (p->series[i].owned) {
            free(p->series[i].x);
            free(p->series[i].y);
        }
    }
    free(p->series);
}

/* ---- furniture -------------------------------------------------------------------------------- */
typedef struct panel {
    nplot_axes *ax;
    int first, count;   /* its series */
    bool bottom;        /* shows the x label */
} panel;

static const char *printf_kind(const char *fmt) { return fmt ? "printf" : NULL; }

static int decorate(cli_plot *p, const panel *pn)
{
    const cli_opts *o = p->o;
    cli_data *d = p->d;
    nplot_axes *ax = pn->ax;
    cli_kind k = o->kind;
    bool barh = k == CLI_BARH, hist = k == CLI_HIST, box = k == CLI_BOX;
    /* Labels: the x column on the data axis, the y column when the panel has one. */
    const char *xname = d->xcol >= 0 ? d->names[d->xcol] : NULL;
    bool one_col = true;
    for (int i = 1; i < pn->count; i++)
        one_col &= p->series[pn->first + i].ycol == p->series[pn->first].ycol;
    const char *yname = pn->count > 0 && one_col ? d->names[d->ycols[p->series[pn->first].ycol]] : NULL;
    const char *xl = o->xlabel, *yl = o->ylabel;
    if (hist) {
        if (!xl) xl = yname;
        if (!yl) yl = o->density ? "density" : "count";
    } else if (box) {
        if (!yl && d->ny == 1) yl = yname;
    } else if (barh) {
        if (!xl) xl = yname;
        if (!yl) yl = xname;
    } else {
        if (!xl) xl = xname;
        if (!yl) yl = yname;
    }
    if (xl && (pn->bottom || o->xlabel)) nplot_set_xlabel(ax, xl);
    if (yl) nplot_set_ylabel(ax, yl);
    if (o->logx) nplot_set_xscale(ax, "log");
    if (o->logy) nplot_set_yscale(ax, "log");
    if (o->grid) nplot_grid(ax);
    /* -f formats the axis of the y columns' values, --xformat the other one. */
    bool values_on_x = barh || hist;
    const char *fx = values_on_x ? o->yfmt : o->xfmt, *fy = values_on_x ? o->xfmt : o->yfmt;
    if (fx) nplot_set_xformatter(ax, .kind = printf_kind(fx), .fmt = fx);
    if (fy) nplot_set_yformatter(ax, .kind = printf_kind(fy), .fmt = fy);
    cli_apply_limits(p, ax, d->xtype == CLI_X_DATE && !is_bar_kind(k) && !hist && !box);
    refit_y(p, ax, d->xtype == CLI_X_DATE, pn->first, pn->count);
    int rc = cli_plot_status(p);
    if (rc) return rc;
    /* Several series get a legend unless told otherwise. */
    bool want = o->legend ? strcmp(o->legend, "none") != 0 : pn->count > 1;
    if (want && pn->count > 0 && !box) {
        nplot_legend(ax, .loc = o->legend && strcmp(o->legend, "auto") != 0 ? o->legend : "best");
        if ((rc = cli_plot_status(p))) return rc;
    }
    if (hist || box) return CLI_EXIT_OK;
    /* The data axis: categories, dates, or plain numbers. */
    bool on_y = barh;
    if (is_bar_kind(k)) {
        if (d->xtype == CLI_X_CATEGORY)
            return cli_category_ticks(p, ax, on_y, d->cats, d->ncats, NULL);
        if (d->xtype == CLI_X_ROW) return CLI_EXIT_OK;
        char **bufs = malloc((size_t)d->nrows * sizeof *bufs);
        char *store = malloc((size_t)d->nrows * 48);
        if (!bufs || !store) {
            free(bufs);
            free(store);
            return cli_plot_fail(p, CLI_EXIT_DATA, "%s: out of memory", d->file);
        }
        for (ptrdiff_t r = 0; r < d->nrows; r++) {
            bufs[r] = store + r * 48;
            cli_x_label(d, r, bufs[r], 48);
        }
        rc = cli_category_ticks(p, ax, on_y, (const char *const *)bufs, (int)d->nrows, NULL);
        free(bufs);
        free(store);
        return rc;
    }
    if (d->xtype == CLI_X_CATEGORY) return cli_category_ticks(p, ax, false, d->cats, d->ncats, NULL);
    if (d->xtype == CLI_X_DATE && !o->xfmt && !o->logx)
        return cli_date_axis(p, ax, false, p->width_pt * 0.72);
    return CLI_EXIT_OK;
}

/* ---- output ------------------------------------------------------------------------------------ */
static char *default_output(const cli_opts *o)
{
    const char *in = strcmp(o->input, "-") == 0 ? "nplot" : o->input;
    const char *base = strrchr(in, '/');
    base = base ? base + 1 : in;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base) n = (size_t)(dot - base);
    char *out = malloc(n + 6);
    if (!out) return NULL;
    memcpy(out, base, n);
    sprintf(out + n, ".%s", o->format);
    return out;
}

static int save(cli_plot *p, const char *path)
{
    const cli_opts *o = p->o;
    if (strcmp(path, "-") != 0) {
        if (nplot_savefig(p->fig, path, .format = o->format) != ND_OK) {
            if (nplot_figure_status(p->fig) != ND_OK) return cli_plot_status(p);
            const char *m = nd_errmsg();
            if (strncmp(m, "nplot_", 6) == 0 && strstr(m, ": ")) m = strstr(m, ": ") + 2;
            return cli_plot_fail(p, CLI_EXIT_OUTPUT, "%s", m);
        }
        return CLI_EXIT_OK;
    }
    /* Standard output: render to a temporary file, then copy it out. */
    char tmpl[64];
    snprintf(tmpl, sizeof tmpl, "/tmp/nplot-XXXXXX.%s", o->format);
    int fd = mkstemps(tmpl, (int)strlen(o->format) + 1);
    if (fd < 0)
        return cli_plot_fail(p, CLI_EXIT_OUTPUT, "cannot make a temporary file: %s", strerror(errno));
    close(fd);
    int rc = CLI_EXIT_OK;
    if (nplot_savefig(p->fig, tmpl, .format = o->format) != ND_OK) {
        rc = cli_plot_fail(p, CLI_EXIT_OUTPUT, "%s", nd_errmsg());
    } else {
        FILE *f = fopen(tmpl, "rb");
        char buf[65536];
        size_t got;
        if (!f) rc = cli_plot_fail(p, CLI_EXIT_OUTPUT, "%s: %s", tmpl, strerror(errno));
        while (f && (got = fread(buf, 1, sizeof buf, f)) > 0)
            if (fwrite(buf, 1, got, stdout) != got) {
                rc = cli_plot_fail(p, CLI_EXIT_OUTPUT, "cannot write to standard output: %s",
                                   strerror(errno));
                break;
            }
        if (f) fclose(f);
        if (fflush(stdout) != 0 && rc == CLI_EXIT_OK)
            rc = cli_plot_fail(p, CLI_EXIT_OUTPUT, "cannot write to standard output: %s",
                               strerror(errno));
    }
    remove(tmpl);
    return rc;
}

/* ---- the whole figure --------------------------------------------------------------------------- */
static int draw_panels(cli_plot *p)
{
    const cli_opts *o = p->o;
    cli_kind k = o->kind;
    if (k == CLI_PIE) {
        nplot_axes *ax = nplot_subplot(p->fig, 1, 1, 1);
        if (!ax) return cli_plot_status(p);
        p->main_ax = ax;
        int rc = cli_kind_pie(p, ax);
        if (rc) return rc;
        if (o->title) nplot_set_title(ax, o->title);
        return cli_plot_status(p);
    }
    /* Panels: one, or one per y column with --subplots. */
    int npanels = o->subplots ? p->d->ny : 1;
    if (npanels > 16) npanels = 16;
    nplot_axes *axs[16];
    if (npanels == 1) {
        axs[0] = nplot_subplot(p->fig, 1, 1, 1);
    } else {
        bool share = k != CLI_HIST && k != CLI_BOX;
        nplot_subplots(p->fig, npanels, 1, axs, .sharex = share ? NPLOT_SHARE_ALL : NPLOT_SHARE_NONE);
    }
    int rc = cli_plot_status(p);
    if (rc) return rc;
    p->main_ax = axs[0];
    int s = 0;
    for (int i = 0; i < npanels; i++) {
        panel pn = { axs[i], s, 0, i == npanels - 1 };
        /* A panel takes the series of its y column (the last panel takes the rest). */
        while (s < p->nseries && (i == npanels - 1 || p->series[s].ycol == i)) s++, pn.count++;
        switch (k) {
        case CLI_BAR:
        case CLI_BARH: rc = cli_kind_bar(p, pn.ax, pn.first, pn.count, k == CLI_BARH); break;
        case CLI_HIST: rc = cli_kind_hist(p, pn.ax, pn.first, pn.count); break;
        case CLI_BOX: rc = cli_kind_box(p, pn.ax, pn.first, pn.count); break;
        default: rc = cli_kind_xy(p, pn.ax, pn.first, pn.count); break;
        }
        if (rc || (rc = decorate(p, &pn))) return rc;
    }
    if (o->title) {
        if (npanels == 1) nplot_set_title(axs[0], o->title);
        else nplot_suptitle(p->fig, o->title);
    }
    return cli_plot_status(p);
}

/* Command-line text as UTF-8: bytes that are not UTF-8 are read as Latin-1 (once, with a
 * note), so the text layer never sees invalid UTF-8. *owned gets what to free. */
static const char *utf8_arg(const cli_opts *o, const char *what, const char *s, char **owned)
{
    *owned = NULL;
    if (!s || cli_utf8_invalid(s, strlen(s)) == (size_t)-1) return s;
    size_t n;
    *owned = cli_latin1_to_utf8(s, strlen(s), &n);
    if (!*owned) return "";
    if (!o->quiet) fprintf(stderr, "nplot: %s is not UTF-8; read as Latin-1\n", what);
    return *owned;
}

static int figure_build(const cli_opts *o, cli_data *d, nplot_figure **fig,
                        nplot_axes **main_ax, char *err, size_t errcap);

int cli_figure_build(const cli_opts *o, cli_data *d, nplot_figure **fig, nplot_axes **main_ax,
                     char *err, size_t errcap)
{
    cli_opts u = *o;
    char *own[3];
    u.title = utf8_arg(o, "--title", o->title, &own[0]);
    u.xlabel = utf8_arg(o, "--xlabel", o->xlabel, &own[1]);
    u.ylabel = utf8_arg(o, "--ylabel", o->ylabel, &own[2]);
    int rc = figure_build(&u, d, fig, main_ax, err, errcap);
    for (int i = 0; i < 3; i++) free(own[i]);
    return rc;
}

static int figure_build(const cli_opts *o, cli_data *d, nplot_figure **fig,
                        nplot_axes **main_ax, char *err, size_t errcap)
{
    cli_plot p = { .o = o, .d = d, .err = err, .errcap = errcap };
    *fig = NULL;
    *main_ax = NULL;
    const char *style = o->theme ? o->theme : o->style ? o->style : "default";
    nplot_rc_defaults(); /* each figure from the defaults, the style on top */
    if (nplot_style_use(style) != ND_OK) {
        snprintf(err, errcap, "unknown style '%s' (default, ggplot, seaborn-whitegrid, "
                 "dark_background, bmh, grayscale)", style);
        return CLI_EXIT_USAGE;
    }
    nplot_rgba probe;
    if (o->color && nplot_color_parse(o->color, &probe) != ND_OK) {
        snprintf(err, errcap, "bad --color '%s' (a name like red or tab:blue, #rrggbb, C0..C9, "
                 "or a gray level like 0.5)", o->color);
        return CLI_EXIT_USAGE;
    }
    double dpi = o->dpi > 0 ? o->dpi : 100;
    double w = 8, h = 6;
    if (o->inch_w > 0) w = o->inch_w, h = o->inch_h;
    else if (o->width > 0) w = o->width / dpi, h = o->height / dpi;
    p.fig = nplot_figure_new(.width = w, .height = h, .dpi = dpi);
    if (!p.fig) {
        snprintf(err, errcap, "cannot make a %gx%g in figure: %s", w, h, nd_errmsg());
        return CLI_EXIT_USAGE;
    }
    p.width_pt = w * 72;
    p.height_pt = h * 72;
    double *bar_pos = NULL;
    int rc = build_series(&p, &bar_pos);
    if (rc) goto done;
    switch (o->kind) {
    case CLI_HEATMAP: rc = cli_kind_heatmap(&p); break;
    case CLI_HEXBIN: rc = cli_kind_hexbin(&p); break;
    case CLI_SURFACE:
    case CLI_WIREFRAME: rc = cli_kind_surface(&p, o->kind == CLI_WIREFRAME); break;
    default: rc = draw_panels(&p); break;
    }
    if (rc) goto done;
    nplot_tight_layout(p.fig);
    rc = cli_plot_status(&p);
done:
    free(bar_pos);
    free_series(&p);
    if (rc) {
        nplot_figure_free(p.fig);
        return rc;
    }
    *fig = p.fig;
    *main_ax = p.main_ax;
    return CLI_EXIT_OK;
}

bool cli_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || strcmp(a, "-") == 0 || strcmp(b, "-") == 0) return false;
    /* stat follows symbolic links: a link to the input is the input. */
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0) return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cli_render(const cli_opts *o, cli_data *d, char *err, size_t errcap)
{
    cli_plot p = { .o = o, .d = d, .err = err, .errcap = errcap };
    char *out = o->output ? NULL : default_output(o);
    const char *path = o->output ? o->output : out;
    if (!path) {
        free(out);
        return cli_plot_fail(&p, CLI_EXIT_OUTPUT, "out of memory");
    }
    if (cli_same_file(o->input, path)) {
        int rc = cli_plot_fail(&p, CLI_EXIT_OUTPUT,
                               "%s: the output is the input file; refusing to overwrite it "
                               "(choose another -o)", path);
        free(out);
        return rc;
    }
    nplot_axes *ax;
    int rc = cli_figure_build(o, d, &p.fig, &ax, err, errcap);
    if (rc) {
        free(out);
        return rc;
    }
    rc = save(&p, path);
    if (rc == CLI_EXIT_OK && !o->quiet && strcmp(path, "-") != 0) {
        int pw = 0, ph = 0;
        nplot_figure_pixel_size(p.fig, &pw, &ph);
        if (strcmp(o->format, "png") == 0)
            fprintf(stderr, "nplot: wrote %s (%dx%d)\n", path, pw, ph);
        else
            fprintf(stderr, "nplot: wrote %s\n", path);
    }
    free(out);
    nplot_figure_free(p.fig);
    return rc;
}

nd_marray *cli_series_ma(const double *v, size_t n)
{
    ptrdiff_t len = (ptrdiff_t)n;
    /* nd_wrap takes a writable pointer; the masked forms only read their data */
    nd_array *data = nd_wrap((void *)(uintptr_t)v, 1, &len, NULL, ND_FLOAT64, NULL, NULL);
    nd_array *mask = nd_empty(1, &len, ND_BOOL);
    nd_marray *m = NULL;
    if (data && mask) {
        bool *mb = nd_data(mask);
        for (size_t i = 0; i < n; i++) mb[i] = !isfinite(v[i]);
        m = nd_ma_array(data, mask);
    }
    nd_free(data);
    nd_free(mask);
    return m;
}
