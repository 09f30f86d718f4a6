/* ax.table as matplotlib 3.6's matplotlib.table: cells of 1.2 x 10 pt height and axes-fraction
 * widths, an auto-width row label column, automatic font size, aligned into a grid and
 * offset by loc (or scaled into bbox) at draw time, each drawn as a Rectangle (edges by
 * visible_edges) with its text. */
#include "plot_render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { TL_LEFT = 0, TL_CENTER, TL_RIGHT };

typedef struct table_cell {
    int row, col;  /* col -1: the row labels; row 0 the column labels when there are some */
    const char *text;
    rgba face;
    int loc;       /* TL_* */
    double w, h;   /* axes fractions */
    double x, y;   /* lower left, axes fractions */
} table_cell;

struct table_data {
    int ncells;
    table_cell *cells;
    double fontsize;  /* 0: automatic */
    int loc;          /* matplotlib's Table.codes */
    bool has_bbox;
    double bbox[4];
    char edges[5];    /* letters of BRTL; "BRTL" draws the closed rectangle */
    bool auto_rowlabels;
    text_style ts;    /* the cells' font (its size set at draw time) */
    double last_fs;   /* the font size of the last layout */
};

static const char *const LOCS[18] = { "best", "upper right", "upper left", "lower left", "lower right",
                                      "center left", "center right", "lower center", "upper center",
                                      "center", "top right", "top left", "bottom left", "bottom right",
                                      "right", "left", "top", "bottom" };

static int parse_cell_loc(const char *s, int dflt)
{
    if (!s) return dflt;
    if (!strcmp(s, "left")) return TL_LEFT;
    if (!strcmp(s, "center")) return TL_CENTER;
    if (!strcmp(s, "right")) return TL_RIGHT;
    return -1;
}

static bool parse_edges(const char *s, char *out)
{
    if (!s || !strcmp(s, "closed")) s = "BRTL";
    else if (!strcmp(s, "open")) s = "";
    else if (!strcmp(s, "horizontal")) s = "BT";
    else if (!strcmp(s, "vertical")) s = "RL";
    size_t n = strlen(s);
    if (n > 4) return false;
    for (size_t i = 0; i < n; i++)
        if (!strchr("BRTL", s[i]) || strchr(s + i + 1, s[i])) return false;
    memcpy(out, s, n + 1);
    return true;
}

/* Append a cell (text copied to *str; height set at draw time); a bad color sets *st. */
static void add_cell(struct table_data *t, char **str, nplot_figure *fig, nd_status *st, int row, int col,
                     const char *text, const char *color, int loc, double w)
{
    table_cell *c = &t->cells[t->ncells++];
    const char *tx = text ? text : "";
    size_t l = strlen(tx);
    memcpy(*str, tx, l + 1);
    *c = (table_cell){ .row = row, .col = col, .text = *str, .face = { 1, 1, 1, 1 }, .loc = loc, .w = w };
    *str += l + 1;
    if (color && !*st && nplot__color(color, fig->style, &c->face, "nplot_table")) *st = ND_EVALUE;
}

nd_status nplot_table_(nplot_axes *ax, int rows, int cols, const nplot_table_opts *o)
{
    static const char *who = "nplot_table";
    if (!ax) return nd_set_error(ND_EVALUE, "%s: axes is NULL", who);
    nd_status st = nplot__check(ax->fig);
    if (st) return st;
    o = NPLOT__OPTS(o, nplot_table_opts);
    nplot_figure *fig = ax->fig;
    if (rows < 1 || cols < 1 || (double)rows * cols > 1e6)
        return nplot__fail(fig, ND_EVALUE, "%s: rows and cols must be >= 1 (got %d x %d)", who, rows, cols);
    if (!o->cellText.v && !o->cellColours.v)
        return nplot__fail(fig, ND_EVALUE, "%s: At least one argument from \"cellColours\" or "
                                           "\"cellText\" must be provided to create a table.", who);
    size_t rc = (size_t)rows * (size_t)cols;
    if (NPLOT__CHECK_LEN(fig, who, "cellText", o->cellText, rc, "rows * cols is") ||
        NPLOT__CHECK_LEN(fig, who, "cellColours", o->cellColours, rc, "rows * cols is") ||
        NPLOT__CHECK_LEN(fig, who, "rowLabels", o->rowLabels, (size_t)rows, "rows is") ||
        NPLOT__CHECK_LEN(fig, who, "rowColours", o->rowColours, (size_t)rows, "rows is") ||
        NPLOT__CHECK_LEN(fig, who, "colLabels", o->colLabels, (size_t)cols, "cols is") ||
        NPLOT__CHECK_LEN(fig, who, "colColours", o->colColours, (size_t)cols, "cols is") ||
        NPLOT__CHECK_LEN(fig, who, "colWidths", o->colWidths, (size_t)cols, "cols is") ||
        NPLOT__CHECK_LEN(fig, who, "bbox", o->bbox, 4, "it takes"))
        return fig->status;
    for (size_t i = 0; i < o->colWidths.n; i++)
        if (!(o->colWidths.v[i] >= 0) || !isfinite(o->colWidths.v[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: colWidths[%zu] = %g must be finite and >= 0", who, i,
                               o->colWidths.v[i]);
    for (size_t i = 0; i < o->bbox.n; i++)
        if (!isfinite(o->bbox.v[i]))
            return nplot__fail(fig, ND_EVALUE, "%s: bbox must be finite", who);
    if (o->bbox.v && !(o->bbox.v[2] > 0 && o->bbox.v[3] > 0))
        return nplot__fail(fig, ND_EVALUE, "%s: bbox width and height must be > 0", who);
    if (!(o->fontsize >= 0) || !isfinite(o->fontsize))
        return nplot__fail(fig, ND_EVALUE, "%s: fontsize must be >= 0 (0: automatic)", who);
    int cell_loc = parse_cell_loc(o->cellLoc, TL_RIGHT), row_loc = parse_cell_loc(o->rowLoc, TL_LEFT);
    int col_loc = parse_cell_loc(o->colLoc, TL_CENTER);
    if (cell_loc < 0 || row_loc < 0 || col_loc < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: cellLoc, rowLoc and colLoc must be 'left', 'center' or "
                                           "'right'", who);
    int loc = -1;
    const char *ls = o->loc ? o->loc : "bottom";
    for (int i = 0; i < 18; i++)
        if (!strcmp(ls, LOCS[i])) loc = i;
    if (loc < 0)
        return nplot__fail(fig, ND_EVALUE, "%s: unrecognized location '%s' (valid: 'best', 'upper right', "
                                           "'upper left', 'lower left', 'lower right', 'center left', "
                                           "'center right', 'lower center', 'upper center', 'center', "
                                           "'top right', 'top left', 'bottom left', 'bottom right', "
                                           "'right', 'left', 'top', 'bottom')", who, ls);
    char edges[5];
    if (!parse_edges(o->edges, edges))
        return nplot__fail(fig, ND_EVALUE, "%s: edges must be 'closed', 'open', 'horizontal', 'vertical' "
                                           "or letters of 'BRTL', got '%s'", who, o->edges);
    bool has_rowl = o->rowLabels.v || o->rowColours.v, has_coll = o->colLabels.v || o->colColours.v;
    int offset = has_coll ? 1 : 0;
    size_t ncells = rc + (has_coll ? (size_t)cols : 0) + (has_rowl ? (size_t)rows : 0);
    /* one block: header, cells, then the strings */
    size_t bytes = sizeof(struct table_data) + ncells * sizeof(table_cell) + ncells; /* + NULs */
    const nplot_strs *texts[3] = { &o->cellText, &o->colLabels, &o->rowLabels };
    for (int k = 0; k < 3; k++)
        for (size_t i = 0; texts[k]->v && i < texts[k]->n; i++)
            bytes += texts[k]->v[i] ? strlen(texts[k]->v[i]) : 0;
    struct table_data *t = nd_malloc(bytes, who);
    if (!t) return nplot__fail(fig, ND_ENOMEM, "%s: out of memory", who);
    t->cells = (table_cell *)(t + 1);
    char *str = (char *)(t->cells + ncells);
    t->ncells = 0;
    st = ND_OK;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            add_cell(t, &str, fig, &st, r + offset, c, o->cellText.v ? o->cellText.v[(size_t)r * cols + c] : NULL,
                     o->cellColours.v ? o->cellColours.v[(size_t)r * cols + c] : NULL, cell_loc,
                     o->colWidths.v ? o->colWidths.v[c] : 1.0 / cols);
    if (has_coll)
        for (int c = 0; c < cols; c++)
            add_cell(t, &str, fig, &st, 0, c, o->colLabels.v ? o->colLabels.v[c] : NULL, o->colColours.v ? o->colColours.v[c] : NULL,
                     col_loc, o->colWidths.v ? o->colWidths.v[c] : 1.0 / cols);
    /* rowColours alone: empty labels as wide as the first column; else an automatic width */
    t->auto_rowlabels = o->rowLabels.v != NULL;
    double rlw = o->rowLabels.v ? 1e-15 : o->colWidths.v ? o->colWidths.v[0] : 1.0 / cols;
    if (has_rowl)
        for (int r = 0; r < rows; r++)
            add_cell(t, &str, fig, &st, r + offset, -1, o->rowLabels.v ? o->rowLabels.v[r] : NULL,
                     o->rowColours.v ? o->rowColours.v[r] : NULL, row_loc, rlw);
    if (st) {
        nd_free_mem(t);
        return nplot__fail(fig, ND_EVALUE, "%s", nd_errmsg());
    }
    t->fontsize = o->fontsize;
    t->loc = loc;
    t->has_bbox = o->bbox.v != NULL;
    for (int i = 0; i < 4; i++) t->bbox[i] = o->bbox.v ? o->bbox.v[i] : 0;
    memcpy(t->edges, edges, sizeof edges);
    nplot_text_opts tso = { 0 };
    if (nplot__text_style_from(fig, &tso, fig->style->font_size, &t->ts, who)) {
        nd_free_mem(t);
        return fig->status;
    }
    t->last_fs = 0;
    artist *a = nplot__artist_add(ax, ART_TABLE, who);
    if (!a) {
        nd_free_mem(t);
        return fig->status;
    }
    a->table = t;
    a->zorder = 0;
    a->autoscale = false;
    return ND_OK;
}

/* ---- drawing ------------------------------------------------------------------------------ */
/* width of s at size fs in axes fractions */
static double text_width(render_ctx *rc, const struct table_data *t, const char *s, double fs,
                         double axw)
{
    text_style ts = t->ts;
    ts.size = fs;
    text_box tb = nplot__text_layout(rc, s, &ts);
    double w = tb.layout ? tb.w : 0;
    nplot__text_free(&tb);
    return w / axw;
}

/* Table._do_cell_alignment: columns left to right from 0, rows bottom-up from 0 */
static void align(struct table_data *t)
{
    int minc = 0, maxc = 0, maxr = 0;
    for (int i = 0; i < t->ncells; i++) {
        minc = t->cells[i].col < minc ? t->cells[i].col : minc;
        maxc = t->cells[i].col > maxc ? t->cells[i].col : maxc;
        maxr = t->cells[i].row > maxr ? t->cells[i].row : maxr;
    }
    int nc = maxc - minc + 1, nr = maxr + 1;
    double *wd = nd_calloc((size_t)(nc + nr) * 2, sizeof *wd, "nplot_table");
    if (!wd) return;
    double *ht = wd + nc, *left = ht + nr, *bottom = left + nc;
    for (int i = 0; i < t->ncells; i++) {
        table_cell *c = &t->cells[i];
        wd[c->col - minc] = fmax(wd[c->col - minc], c->w);
        ht[c->row] = fmax(ht[c->row], c->h);
    }
    double pos = 0;
    for (int j = 0; j < nc; j++) left[j] = pos, pos += wd[j];
    pos = 0;
    for (int r = nr - 1; r >= 0; r--) bottom[r] = pos, pos += ht[r];
    for (int i = 0; i < t->ncells; i++) {
        t->cells[i].x = left[t->cells[i].col - minc];
        t->cells[i].y = bottom[t->cells[i].row];
    }
    nd_free_mem(wd);
}

/* The union of the cells of row >= 0 and col >= 0 (the grid without the row labels). */
static void grid_bbox(const struct table_data *t, double *l, double *b, double *w, double *h)
{
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (int i = 0; i < t->ncells; i++) {
        const table_cell *c = &t->cells[i];
        if (c->col < 0) continue;
        x0 = fmin(x0, c->x), y0 = fmin(y0, c->y);
        x1 = fmax(x1, c->x + c->w), y1 = fmax(y1, c->y + c->h);
    }
    *l = x0, *b = y0, *w = x1 - x0, *h = y1 - y0;
}

/* Table._update_positions: cell sizes, font size and offsets in axes fractions; returns
 * the font size */
static double layout_cells(render_ctx *rc, nplot_axes *ax, struct table_data *t)
{
    double axw = ax->dev[2] - ax->dev[0], axh = ax->dev[3] - ax->dev[1];
    /* the unrounded size when the device box is the axes' rectangle snapped to pixels */
    if (fabs(ax->rect[2] * rc->W - axw) < 1.5) axw = ax->rect[2] * rc->W;
    if (fabs(ax->rect[3] * rc->H - axh) < 1.5) axh = ax->rect[3] * rc->H;
    double base = ax->fig->style->font_size;
    double fs = t->fontsize > 0 ? t->fontsize : base;
    double height = 10.0 * 1.2 * rc->scale / axh; /* Table.FONTSIZE / 72 * dpi / height * 1.2 */
    for (int i = 0; i < t->ncells; i++) t->cells[i].h = height;
    if (t->auto_rowlabels) { /* auto_set_column_width(-1) at the cells' initial size */
        double mw = 0;
        for (int i = 0; i < t->ncells; i++)
            if (t->cells[i].col == -1) mw = fmax(mw, text_width(rc, t, t->cells[i].text, fs, axw) * 1.2);
        for (int i = 0; i < t->ncells; i++)
            if (t->cells[i].col == -1) t->cells[i].w = mw;
    }
    if (t->fontsize <= 0) { /* Cell.auto_set_font_size per cell, the minimum for all */
        double best = fs;
        for (int i = 0; i < t->ncells; i++) {
            const table_cell *c = &t->cells[i];
            if (t->auto_rowlabels && c->col == -1) continue;
            double f = fs;
            while (f > 1 && text_width(rc, t, c->text, f, axw) * 1.2 > c->w) f -= 1;
            best = fmin(best, f);
        }
        fs = best;
    }
    align(t);
    double l, b, w, h;
    grid_bbox(t, &l, &b, &w, &h);
    double ox, oy;
    if (t->has_bbox && w > 0 && h > 0) {
        for (int i = 0; i < t->ncells; i++) t->cells[i].w *= t->bbox[2] / w, t->cells[i].h *= t->bbox[3] / h;
        ox = t->bbox[0] - l;
        oy = t->bbox[1] - b;
        align(t);
    } else if (t->has_bbox) { /* zero-width columns: placed at the box, not scaled */
        ox = t->bbox[0] - l;
        oy = t->bbox[1] - b;
    } else {
        enum { BEST, UR, UL, LL, LR, CL, CR, LC, UC, C, TR, TL, BL, BR, R, L, T, B };
        const double pad = 0.02;
        int c = t->loc;
        ox = (0.5 - w / 2) - l;
        oy = (0.5 - h / 2) - b;
        if (c == UL || c == LL || c == CL) ox = pad - l;
        if (c == BEST || c == UR || c == LR || c == R || c == CR) ox = 1 - (l + w + pad);
        if (c == BEST || c == UR || c == UL || c == UC) oy = 1 - (b + h + pad);
        if (c == LL || c == LR || c == LC) oy = pad - b;
        if (c == LC || c == UC || c == C) ox = (0.5 - w / 2) - l;
        if (c == CL || c == CR || c == C) oy = (0.5 - h / 2) - b;
        if (c == TL || c == BL || c == L) ox = -(l + w);
        if (c == TR || c == BR || c == R) ox = 1.0 - l;
        if (c == TR || c == TL || c == T) oy = 1.0 - b;
        if (c == BL || c == BR || c == B) oy = -(b + h);
    }
    for (int i = 0; i < t->ncells; i++) t->cells[i].x += ox, t->cells[i].y += oy;
    t->last_fs = fs;
    return fs;
}

static int cmp_cells(const void *pa, const void *pb)
{
    const table_cell *a = *(const table_cell *const *)pa, *b = *(const table_cell *const *)pb;
    if (a->row != b->row) return a->row < b->row ? -1 : 1;
    return a->col < b->col ? -1 : a->col > b->col;
}

void nplot__draw_table(render_ctx *rc, nplot_axes *ax, artist *a)
{
    struct table_data *t = a->table;
    if (!t || t->ncells == 0) return;
    double fs = layout_cells(rc, ax, t);
    cairo_t *cr = rc->cr;
    double X0 = ax->dev[0], Y1 = ax->dev[3], axw = ax->dev[2] - ax->dev[0], axh = ax->dev[3] - ax->dev[1];
    table_cell **order = nd_malloc((size_t)t->ncells * sizeof *order, "nplot_table");
    if (!order) {
        nplot__fail(ax->fig, ND_ENOMEM, "nplot_table: out of memory drawing");
        return;
    }
    for (int i = 0; i < t->ncells; i++) order[i] = &t->cells[i];
    qsort(order, (size_t)t->ncells, sizeof *order, cmp_cells);
    text_style ts = t->ts;
    ts.size = fs;
    double lw = 1.0 * rc->scale;
    for (int i = 0; i < t->ncells; i++) {
        const table_cell *c = order[i];
        double x0 = X0 + c->x * axw, x1 = X0 + (c->x + c->w) * axw;
        double y0 = Y1 - (c->y + c->h) * axh, y1 = Y1 - c->y * axh; /* device: y0 top */
        cairo_new_path(cr);
        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
        cairo_set_source_rgba(cr, c->face.r, c->face.g, c->face.b, c->face.a * a->alpha);
        cairo_fill(cr);
        cairo_set_source_rgba(cr, 0, 0, 0, a->alpha);
        cairo_set_line_width(cr, lw);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_dash(cr, NULL, 0, 0);
        if (!strcmp(t->edges, "BRTL")) {
            cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
            cairo_stroke(cr);
        } else {
            /* matplotlib's open path: each visible edge of B, R, T, L as its own segment */
            const double seg[4][4] = { { x0, y1, x1, y1 }, { x1, y1, x1, y0 }, { x1, y0, x0, y0 },
                                       { x0, y0, x0, y1 } };
            for (int e = 0; e < 4; e++)
                if (strchr(t->edges, "BRTL"[e])) {
                    cairo_move_to(cr, seg[e][0], seg[e][1]);
                    cairo_line_to(cr, seg[e][2], seg[e][3]);
                }
            cairo_stroke(cr);
        }
        if (!c->text[0]) continue;
        text_box tb = nplot__text_layout(rc, c->text, &ts);
        double tx = c->loc == TL_CENTER ? (x0 + x1) / 2 : c->loc == TL_LEFT ? x0 + (x1 - x0) * 0.1
                                                                            : x0 + (x1 - x0) * 0.9;
        int ha = c->loc == TL_CENTER ? HA_CENTER : c->loc == TL_LEFT ? HA_LEFT : HA_RIGHT;
        nplot__text_place(rc, &tb, tx, (y0 + y1) / 2, ha, VA_CENTER, 0, &ts.color, true);
        nplot__text_free(&tb);
    }
    nd_free_mem(order);
}

/* The cell extents of the last drawing, for tests: (row, col, x, y, w, h) per cell in axes
 * fractions, in matplotlib's sorted key order; returns the cell count (at most cap), 0
 * before the first drawing. */
int nplot__table_cells(const artist *a, double *out, int cap, double *fontsize)
{
    const struct table_data *t = a->table;
    if (!t || t->last_fs == 0) return 0;
    if (fontsize) *fontsize = t->last_fs;
    int n = 0;
    for (int row = -1, done = 0; done < t->ncells && n < cap; row++) /* rows ascending */
        for (int col = -1; col <= t->ncells; col++)
            for (int i = 0; i < t->ncells; i++) {
                const table_cell *c = &t->cells[i];
                if (c->row != row || c->col != col) continue;
                double v[6] = { c->row, c->col, c->x, c->y, c->w, c->h };
                if (n < cap) memcpy(out + 6 * n++, v, sizeof v);
                done++;
            }
    return n;
}
