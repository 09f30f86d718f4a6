/* numc — masked arrays: repr, str and print as NumPy 1.24's numpy.ma prints them
 * (MaskedArray.__repr__, __str__ and _insert_masked_print in numpy/ma/core.py).
 *
 * With a mask, NumPy prints the data as an object array: each element is the Python
 * repr of the value (1.0, not 1.; a float32 as the double it holds), masked ones are
 * "--", and nothing is padded to a common width. Before that conversion, an axis
 * longer than _print_width (100; 1500 for 1-D arrays) keeps only its first and last 50
 * (750) entries, and the summarising threshold is then applied to what remains. Without
 * a mask (nomask) the data prints as a plain array and the mask as "False". */
#include <inttypes.h>
#include <string.h>

#include "ma_internal.h"
#include "print_internal.h"

/* MaskedArray._print_width and _print_width_1d */
enum { PRINT_WIDTH = 100, PRINT_WIDTH_1D = 1500 };

/* ---- element text ------------------------------------------------------------------- */

/* Python's repr of the element's value once the array is cast to object: int, bool, float
 * (a float32 widened to double) or complex. */
static void put_object(nd_scalar v, nd__strbuf *b)
{
    char t[32];
    nd_dtype dt = v.dtype; /* the value lives in the widest member of its kind */
    if (dt == ND_BOOL) {
        nd__sb_puts(b, v.v.b ? "True" : "False");
    } else if (dt >= ND_UINT8 && dt <= ND_UINT64) {
        snprintf(t, sizeof t, "%" PRIu64, v.v.u);
        nd__sb_puts(b, t);
    } else if (nd_dtype_is_integer(dt)) {
        snprintf(t, sizeof t, "%" PRId64, v.v.i);
        nd__sb_puts(b, t);
    } else if (nd_dtype_is_complex(dt)) {
        nd__complex_scalar_str(v.v.c[0], v.v.c[1], false, b);
    } else {
        nd__float_scalar_str(v.v.f, false, false, b);
    }
}

/* repr of the fill value as the NumPy scalar of the array's dtype (float32 digits for
 * float32 and complex64). */
static void put_fill(const nd_marray *m, nd__strbuf *b)
{
    nd_dtype dt = nd_dtype_of(m->data);
    bool f32 = dt == ND_FLOAT32 || dt == ND_COMPLEX64;
    nd_scalar v = m->fill;
    if (v.dtype == ND_FLOAT64)
        nd__float_scalar_str(v.v.f, f32, false, b);
    else if (v.dtype == ND_COMPLEX128)
        nd__complex_scalar_str(v.v.c[0], v.v.c[1], f32, b);
    else
        put_object(v, b);
}

/* ---- the object array: layout as arrayprint._formatArray ---------------------------- */

typedef struct objview {
    const nd_marray *m;
    int ndim;
    ptrdiff_t shape[ND_MAXDIMS]; /* after the corner extraction */
    ptrdiff_t keep[ND_MAXDIMS];  /* entries kept at each end of an extracted axis (0: all) */
    bool summarise;
    ptrdiff_t edge;
} objview;

typedef struct writer {
    const objview *v;
    nd__strbuf *out, word;
    const char *sep;
    size_t sep_trim;   /* len(sep.rstrip()) */
    size_t line_start; /* offset of the current line in out */
    ptrdiff_t idx[ND_MAXDIMS];
} writer;

/* The text of the element at w->idx (indices into the extracted array). */
static void put_elem(writer *w)
{
    const objview *v = w->v;
    ptrdiff_t at[ND_MAXDIMS];
    for (int d = 0; d < v->ndim; d++) {
        ptrdiff_t k = v->keep[d], i = w->idx[d];
        at[d] = k && i >= k ? nd_shape(v->m->data)[d] - 2 * k + i : i;
    }
    if (nd_get_bool(v->m->mask, v->ndim, at)) {
        nd__sb_puts(&w->word, "--");
        return;
    }
    nd_scalar s;
    if (nd_get(v->m->data, v->ndim, at, &s) < 0)
        w->word.failed = true;
    else
        put_object(s, &w->word);
}

static bool summarised(const objview *v, int axis)
{
    return v->summarise && v->shape[axis] > 2 * v->edge;
}

/* _extendLine: a new line when the word would pass `width`, unless the line holds
 * nothing but its indent yet. */
static void extend_line(writer *w, const char *word, size_t wlen, ptrdiff_t width, ptrdiff_t hanging)
{
    nd__strbuf *o = w->out;
    ptrdiff_t col = (ptrdiff_t)(o->len - w->line_start);
    if (col + (ptrdiff_t)wlen > width && col > hanging) {
        while (o->len > w->line_start && o->p[o->len - 1] == ' ')
            o->len--;
        nd__sb_putc(o, '\n');
        w->line_start = o->len;
        nd__sb_spaces(o, hanging);
    }
    nd__sb_putn(o, word, wlen);
}

static void put_word(writer *w, ptrdiff_t width, ptrdiff_t hanging)
{
    w->word.len = 0;
    put_elem(w);
    if (w->word.failed)
        w->out->failed = true;
    else
        extend_line(w, w->word.p, w->word.len, width, hanging);
}

/* Between rows: the separator's non-blank part, axes_left - 1 newlines, the indent. */
static void row_break(writer *w, int axes_left, ptrdiff_t hanging)
{
    nd__sb_putn(w->out, w->sep, w->sep_trim);
    for (int j = 0; j < axes_left - 1; j++) {
        nd__sb_putc(w->out, '\n');
        w->line_start = w->out->len;
    }
    nd__sb_spaces(w->out, hanging);
}

/* One level of _formatArray's recurser: the leading items, "..." when summarised, the
 * trailing items but the last, then the last one (always shown, as NumPy). */
static void write_rows(writer *w, int axis, ptrdiff_t hanging, ptrdiff_t width)
{
    const objview *v = w->v;
    int axes_left = v->ndim - axis;
    ptrdiff_t n = v->shape[axis];
    bool summary = summarised(v, axis);
    ptrdiff_t lead = summary ? v->edge : 0, trail = summary ? v->edge : n;
    /* width minus max(len(separator.rstrip()), len(']')) */
    ptrdiff_t elem_width = width - (w->sep_trim > 1 ? (ptrdiff_t)w->sep_trim : 1);
    nd__sb_putc(w->out, '[');
    for (ptrdiff_t k = 0; k < lead + (summary ? 1 : 0) + (trail > 1 ? trail - 1 : 0); k++) {
        bool dots = summary && k == lead;
        w->idx[axis] = k < lead ? k : n - (trail - (k - lead - (summary ? 1 : 0)));
        if (axes_left == 1) {
            if (dots)
                extend_line(w, "...", 3, elem_width, hanging);
            else
                put_word(w, elem_width, hanging);
            nd__sb_puts(w->out, w->sep);
        } else {
            if (dots)
                nd__sb_puts(w->out, "...");
            else
                write_rows(w, axis + 1, hanging + 1, width - 1);
            row_break(w, axes_left, hanging);
        }
    }
    w->idx[axis] = n - 1;
    if (axes_left == 1)
        put_word(w, elem_width, hanging);
    else
        write_rows(w, axis + 1, hanging + 1, width - 1);
    nd__sb_putc(w->out, ']');
}

/* np.array2string of the object array of m (m has a mask and at least one element, or
 * is 0-d). The prefix (its width indents wrapped lines) is already at out's line
 * `line_start`; suffix_len is kept free at the end of every line. */
static void object_array2string(const nd_marray *m, nd__strbuf *out, size_t line_start,
                                const char *sep, size_t suffix_len, const char *who)
{
    nd_printoptions o = nd_get_printoptions();
    objview v = { .m = m, .ndim = nd_ndim(m->data), .edge = o.edgeitems };
    ptrdiff_t size = 1, width_limit = v.ndim > 1 ? PRINT_WIDTH : PRINT_WIDTH_1D;
    for (int d = 0; d < v.ndim; d++) {
        ptrdiff_t n = nd_shape(m->data)[d];
        v.keep[d] = n > width_limit ? width_limit / 2 : 0;
        v.shape[d] = v.keep[d] ? 2 * v.keep[d] : n;
        size *= v.shape[d];
    }
    v.summarise = size > o.threshold;
    writer w = { .v = &v, .out = out, .sep = sep, .word = { .who = who }, .line_start = line_start };
    w.sep_trim = strlen(sep);
    while (w.sep_trim > 0 && sep[w.sep_trim - 1] == ' ')
        w.sep_trim--;
    if (v.ndim == 0) {
        put_elem(&w);
        if (w.word.failed)
            out->failed = true;
        else
            nd__sb_putn(out, w.word.p, w.word.len);
    } else {
        ptrdiff_t prefix = (ptrdiff_t)(out->len - line_start);
        write_rows(&w, 0, prefix + 1, (ptrdiff_t)o.linewidth - (ptrdiff_t)suffix_len);
    }
    nd__sb_release(&w.word);
}

/* ---- repr / str / print ------------------------------------------------------------- */

/* Append np.array2string(a, separator=", ", prefix=prefix, suffix=",") of a plain array
 * (the data without a mask, or the mask). */
static void put_plain(nd__strbuf *b, const nd_array *a, const char *prefix)
{
    char *s = nd_array2string(a, .separator = ", ", .prefix = prefix, .suffix = ",");
    if (!s) {
        b->failed = true;
        return;
    }
    nd__sb_puts(b, s);
    nd_free_mem(s);
}

static char *finish(nd__strbuf *b)
{
    if (!b->failed && !b->p)
        nd__sb_putn(b, "", 0);
    if (b->failed) {
        nd__sb_release(b);
        return NULL;
    }
    return b->p;
}

/* Every element masked (np.all(mask); true for an empty mask, false for nomask):
 * 1 or 0, or -1 when it could not be computed (out of memory). */
static int all_masked(const nd_marray *m)
{
    if (!m->mask)
        return 0;
    nd_array *r = nd_all(m->mask);
    if (!r)
        return -1;
    int all = nd_item_bool(r);
    nd_free(r);
    return all;
}

static bool dtype_is_implied(nd_dtype dt)
{
    return dt == ND_BOOL || dt == ND_INT64 || dt == ND_FLOAT64 || dt == ND_COMPLEX128;
}

char *nd_ma_repr(const nd_marray *m)
{
    static const char who[] = "nd_ma_repr";
    if (ma__check(m, who) < 0)
        return NULL;
    nd_dtype dt = nd_dtype_of(m->data);
    int ndim = nd_ndim(m->data);
    const ptrdiff_t *shape = nd_shape(m->data);
    ptrdiff_t size = nd_size(m->data);
    int all = all_masked(m);
    if (all < 0)
        return NULL;
    bool dtype_needed = !dtype_is_implied(dt) || size == 0 || all;
    bool one_row = true;
    for (int d = 0; d + 1 < ndim; d++)
        one_row = one_row && shape[d] == 1;

    /* one row: the first key follows "masked_array(" and the others line up on its '=';
     * more rows: every key on its own line, indented by two */
    static const char *const keys[] = { "data", "mask", "fill_value", "dtype" };
    static const char head[] = "masked_array(";
    char indent[4][32];
    for (int k = 0; k < 4; k++) {
        int n = one_row ? (int)(strlen(head) + strlen(keys[0]) - strlen(keys[k])) : 2;
        if (n < 2)
            n = 2;
        memset(indent[k], ' ', (size_t)n);
        indent[k][n] = '\0';
    }
    if (one_row)
        strcpy(indent[0], head);

    nd__strbuf b = { .who = who };
    if (!one_row) {
        nd__sb_puts(&b, head);
        nd__sb_putc(&b, '\n');
    }
    for (int k = 0; k < (dtype_needed ? 4 : 3); k++) {
        if (k)
            nd__sb_puts(&b, ",\n");
        size_t line_start = b.len;
        char prefix[48];
        snprintf(prefix, sizeof prefix, "%s%s=", indent[k], keys[k]);
        nd__sb_puts(&b, prefix);
        switch (k) {
        case 0:
            if (!m->mask)
                put_plain(&b, m->data, prefix);
            else if (size == 0 && ndim > 0)
                nd__sb_puts(&b, "[]");
            else
                object_array2string(m, &b, line_start, ", ", 1, who);
            break;
        case 1:
            if (m->mask)
                put_plain(&b, m->mask, prefix);
            else
                nd__sb_puts(&b, "False");
            break;
        case 2: put_fill(m, &b); break;
        default: nd__sb_puts(&b, nd_dtype_name(dt)); break;
        }
    }
    nd__sb_putc(&b, ')');
    return finish(&b);
}

char *nd_ma_str(const nd_marray *m)
{
    static const char who[] = "nd_ma_str";
    if (ma__check(m, who) < 0)
        return NULL;
    if (!m->mask)
        return nd_str(m->data);
    nd__strbuf b = { .who = who };
    if (nd_size(m->data) == 0 && nd_ndim(m->data) > 0)
        nd__sb_puts(&b, "[]");
    else
        object_array2string(m, &b, 0, " ", 0, who);
    return finish(&b);
}

nd_status nd_ma_print(const nd_marray *m, FILE *f)
{
    if (ma__check(m, "nd_ma_print") < 0)
        return nd_last_error();
    char *s = nd_ma_str(m);
    if (!s)
        return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    if (!f)
        f = stdout;
    bool bad = fputs(s, f) < 0 || fputc('\n', f) == EOF;
    nd_free_mem(s);
    if (bad)
        return nd_set_error(ND_EIO, "nd_ma_print: writing to the stream failed");
    return ND_OK;
}
