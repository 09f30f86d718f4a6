/* Printing arrays the way NumPy 1.24 does: repr() ("array([1., 2.])"), str() ("[1. 2.]")
 * and the thread's print options.
 *
 * The layout follows numpy/core/arrayprint.py: _formatArray's recursion (rows wrapped
 * at the line width with a hanging indent, blank lines between blocks of 3-D and
 * higher, "..." when summarised), with every element formatted by one formatter built
 * from the values that are shown (IntegerFormat, BoolFormat, FloatingFormat,
 * ComplexFloatingFormat). The numbers themselves come from print_float.c. */
#include "print_internal.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

/* ---- options ------------------------------------------------------------------------ */

static _Thread_local nd_printoptions tl_opts;

static nd_printoptions effective(nd_printoptions o)
{
    if (o.precision <= 0) o.precision = 8;
    if (o.threshold <= 0) o.threshold = 1000;
    if (o.edgeitems <= 0) o.edgeitems = 3;
    if (o.linewidth <= 0) o.linewidth = 75;
    if (o.sign != '+' && o.sign != ' ') o.sign = '-';
    if (!o.nanstr) o.nanstr = "nan";
    if (!o.infstr) o.infstr = "inf";
    return o;
}

void nd_set_printoptions(const nd_printoptions *o)
{
    tl_opts = o ? effective(*o) : effective((nd_printoptions){ 0 });
}

nd_printoptions nd_get_printoptions(void) { return effective(tl_opts); }

/* ---- elements ------------------------------------------------------------------------- */

typedef union elem {
    bool b;
    int64_t i;
    uint64_t u;
    double f;
    double c[2];
} elem;

/* Element bytes may be unaligned in wrapped buffers: copy them out. */
static elem load(const char *p, nd_dtype dt)
{
    elem e = { 0 };
    switch (dt) {
    case ND_BOOL: e.b = *(const unsigned char *)p != 0; break;
    case ND_INT8: { int8_t v; memcpy(&v, p, 1); e.i = v; } break;
    case ND_INT16: { int16_t v; memcpy(&v, p, 2); e.i = v; } break;
    case ND_INT32: { int32_t v; memcpy(&v, p, 4); e.i = v; } break;
    case ND_INT64: memcpy(&e.i, p, 8); break;
    case ND_UINT8: { uint8_t v; memcpy(&v, p, 1); e.u = v; } break;
    case ND_UINT16: { uint16_t v; memcpy(&v, p, 2); e.u = v; } break;
    case ND_UINT32: { uint32_t v; memcpy(&v, p, 4); e.u = v; } break;
    case ND_UINT64: memcpy(&e.u, p, 8); break;
    case ND_FLOAT32: { float v; memcpy(&v, p, 4); e.f = v; } break;
    case ND_FLOAT64: memcpy(&e.f, p, 8); break;
    case ND_COMPLEX64: { float v[2]; memcpy(v, p, 8); e.c[0] = v[0]; e.c[1] = v[1]; } break;
    case ND_COMPLEX128: memcpy(e.c, p, 16); break;
    default: break;
    }
    return e;
}

static bool is_signed_int(nd_dtype dt) { return dt >= ND_INT8 && dt <= ND_INT64; }
static bool is_unsigned_int(nd_dtype dt) { return dt >= ND_UINT8 && dt <= ND_UINT64; }
static bool is_f32_based(nd_dtype dt) { return dt == ND_FLOAT32 || dt == ND_COMPLEX64; }

/* dtypes repr() leaves implicit (arrayprint._typelessdata on 64-bit Linux). */
static bool dtype_is_implied(nd_dtype dt)
{
    return dt == ND_BOOL || dt == ND_INT64 || dt == ND_FLOAT64 || dt == ND_COMPLEX128;
}

/* ---- the shown elements ---------------------------------------------------------------- */

typedef struct layout {
    nd_dtype dt;
    int ndim;
    const ptrdiff_t *shape, *strides;
    const char *data;
    bool summarise;
    ptrdiff_t edge;
} layout;

static bool axis_summarised(const layout *L, int axis)
{
    return L->summarise && L->shape[axis] > 2 * L->edge;
}

/* Index of the k-th shown position along `axis` (leading then trailing edge items). */
static ptrdiff_t shown_index(const layout *L, int axis, ptrdiff_t k)
{
    if (!axis_summarised(L, axis) || k < L->edge) return k;
    return L->shape[axis] - 2 * L->edge + k;
}

static ptrdiff_t shown_count(const layout *L, int axis)
{
    return axis_summarised(L, axis) ? 2 * L->edge : L->shape[axis];
}

typedef void (*visit_fn)(const char *p, void *ctx);

/* Call fn on every shown element, in C order (arrayprint._leading_trailing). */
static void visit_shown(const layout *L, int axis, const char *p, visit_fn fn, void *ctx)
{
    if (axis == L->ndim) {
        fn(p, ctx);
        return;
    }
    ptrdiff_t n = shown_count(L, axis);
    for (ptrdiff_t k = 0; k < n; k++)
        visit_shown(L, axis + 1, p + shown_index(L, axis, k) * L->strides[axis], fn, ctx);
}

/* ---- formatters -------------------------------------------------------------------------- */

typedef struct formatter {
    nd_dtype dt;
    bool pad_true;     /* " True" so it lines up with "False" (not for 0-d) */
    int int_width;     /* IntegerFormat: widest of str(max), str(min) */
    nd__floatfmt re, im;
} formatter;

typedef struct gather {
    nd_dtype dt;
    ptrdiff_t n;
    double *re, *im;
    bool any;
    int64_t imin, imax;
    uint64_t umin, umax;
} gather;

static void gather_one(const char *p, void *ctx)
{
    gather *g = ctx;
    elem e = load(p, g->dt);
    if (is_signed_int(g->dt)) {
        if (!g->any || e.i < g->imin) g->imin = e.i;
        if (!g->any || e.i > g->imax) g->imax = e.i;
    } else if (is_unsigned_int(g->dt)) {
        if (!g->any || e.u < g->umin) g->umin = e.u;
        if (!g->any || e.u > g->umax) g->umax = e.u;
    } else if (g->dt == ND_FLOAT32 || g->dt == ND_FLOAT64) {
        g->re[g->n] = e.f;
    } else if (g->dt == ND_COMPLEX64 || g->dt == ND_COMPLEX128) {
        g->re[g->n] = e.c[0];
        g->im[g->n] = e.c[1];
    }
    g->any = true;
    g->n++;
}

static int ndigits_i64(int64_t v)
{
    char b[32];
    return snprintf(b, sizeof b, "%" PRId64, v);
}

static int ndigits_u64(uint64_t v)
{
    char b[32];
    return snprintf(b, sizeof b, "%" PRIu64, v);
}

/* datetime64 / timedelta64 elements (core/datetime): the widest text among the shown ones */
static void date_width_one(const char *p, void *ctx)
{
    char b[80];
    int *w = ctx;
    int n = (int)nd__dt_elem_text(p, *(const nd_dtype *)(w + 1), true, b);
    if (n > *w) *w = n;
}

static nd_status formatter_build(formatter *F, const layout *L, const nd_printoptions *o,
                                 const char *who)
{
    if (nd_dtype_is_datetime(L->dt) || nd_dtype_is_timedelta(L->dt)) { /* dates: core/datetime */
        memset(F, 0, sizeof *F);
        F->dt = L->dt;
        int wd[2] = { 0, (int)L->dt };
        visit_shown(L, 0, L->data, date_width_one, wd);
        F->int_width = wd[0];
        return ND_OK;
    }
    memset(F, 0, sizeof *F);
    F->dt = L->dt;
    F->pad_true = L->ndim > 0;
    nd__floatfmt_init(&F->re, is_f32_based(L->dt), false, o->precision, o->suppress);
    nd__floatfmt_init(&F->im, is_f32_based(L->dt), true, o->precision, o->suppress);
    nd__floatfmt_style(&F->re, o->sign, o->nanstr, o->infstr);
    nd__floatfmt_style(&F->im, 0, o->nanstr, o->infstr);
    if (nd_dtype_is_string(L->dt)) return ND_OK; /* strings: no common width (core/strings) */
    if (nd__need_numeric(L->dt, who) < 0) return nd_last_error(); /* numeric formats only */
    if (L->dt == ND_BOOL) return ND_OK;

    gather g = { .dt = L->dt };
    ptrdiff_t count = 1;
    for (int d = 0; d < L->ndim; d++) count *= shown_count(L, d);
    bool is_float = L->dt == ND_FLOAT32 || L->dt == ND_FLOAT64;
    bool is_complex = L->dt == ND_COMPLEX64 || L->dt == ND_COMPLEX128;
    if (is_float || is_complex) {
        g.re = nd_malloc((size_t)count * sizeof(double) * (is_complex ? 2 : 1), who);
        if (!g.re) return ND_ENOMEM;
        g.im = is_complex ? g.re + count : NULL;
    }
    visit_shown(L, 0, L->data, gather_one, &g);
    if (is_signed_int(L->dt)) {
        int a = ndigits_i64(g.imax), b = ndigits_i64(g.imin);
        F->int_width = a > b ? a : b;
    } else if (is_unsigned_int(L->dt)) {
        int a = ndigits_u64(g.umax), b = ndigits_u64(g.umin);
        F->int_width = a > b ? a : b;
    } else {
        nd__floatfmt_fill(&F->re, g.re, g.n);
        if (is_complex) nd__floatfmt_fill(&F->im, g.im, g.n);
    }
    nd_free_mem(g.re);
    return ND_OK;
}

/* Append one element; `scratch` holds the imaginary part while 'j' goes in. */
static void format_elem(const formatter *F, const char *p, nd__strbuf *out, nd__strbuf *scratch)
{
    if (nd_dtype_is_string(F->dt)) { /* Python's repr of the element (core/strings) */
        nd__str_put_elem(p, F->dt, true, out);
        return;
    }
    if (nd_dtype_is_datetime(F->dt) || nd_dtype_is_timedelta(F->dt)) { /* dates: core/datetime */
        char t[80];
        size_t n = nd__dt_elem_text(p, F->dt, true, t);
        for (size_t k = n; k < (size_t)F->int_width; k++) nd__sb_putc(out, ' ');
        nd__sb_puts(out, t);
        return;
    }
    elem e = load(p, F->dt);
    char b[32];
    switch (F->dt) {
    case ND_BOOL:
        nd__sb_puts(out, e.b ? (F->pad_true ? " True" : "True") : "False");
        break;
    case ND_INT8: case ND_INT16: case ND_INT32: case ND_INT64:
        snprintf(b, sizeof b, "%*" PRId64, F->int_width, e.i);
        nd__sb_puts(out, b);
        break;
    case ND_UINT8: case ND_UINT16: case ND_UINT32: case ND_UINT64:
        snprintf(b, sizeof b, "%*" PRIu64, F->int_width, e.u);
        nd__sb_puts(out, b);
        break;
    case ND_FLOAT32: case ND_FLOAT64:
        nd__floatfmt_put(&F->re, e.f, out);
        break;
    default: {
        nd__floatfmt_put(&F->re, e.c[0], out);
        scratch->len = 0;
        nd__floatfmt_put(&F->im, e.c[1], scratch);
        if (scratch->failed) {
            out->failed = true;
            return;
        }
        /* the 'j' goes before the padding of the imaginary part */
        size_t sp = scratch->len;
        while (sp > 0 && scratch->p[sp - 1] == ' ') sp--;
        nd__sb_putn(out, scratch->p, sp);
        nd__sb_putc(out, 'j');
        nd__sb_putn(out, scratch->p + sp, scratch->len - sp);
        break;
    }
    }
}

/* ---- layout (arrayprint._formatArray) ------------------------------------------------------ */

typedef struct writer {
    const layout *L;
    const formatter *F;
    nd__strbuf *out;
    nd__strbuf word, scratch;
    const char *sep;   /* ", " for repr, " " for str */
    size_t sep_trim;   /* len(sep.rstrip()) */
    size_t line_start; /* offset of the current line in out */
} writer;

/* The column of the output equals len(line) in NumPy's code: its hanging indent
 * stands exactly where our "array([" / "[" prefixes are. */
static size_t column(const writer *w)
{
    /* in characters: a string element's UTF-8 takes one column per code point */
    size_t n = w->out->len - w->line_start;
    return n ? nd__str_columns(w->out->p + w->line_start, n) : 0;
}

static void newline(writer *w)
{
    nd__sb_putc(w->out, '\n');
    w->line_start = w->out->len;
}

/* _extendLine: start a new line when the word would pass `width`, unless the line
 * holds nothing but its indent yet. */
static void extend_line(writer *w, const char *word, size_t wlen, ptrdiff_t width, ptrdiff_t hanging)
{
    ptrdiff_t col = (ptrdiff_t)column(w);
    if (col + (ptrdiff_t)nd__str_columns(word, wlen) > width && col > hanging) {
        nd__strbuf *o = w->out;
        while (o->len > w->line_start && o->p[o->len - 1] == ' ') o->len--;
        if (o->p) o->p[o->len] = '\0';
        newline(w);
        nd__sb_spaces(o, hanging);
    }
    nd__sb_putn(w->out, word, wlen);
}

static void put_word(writer *w, const char *p, ptrdiff_t width, ptrdiff_t hanging)
{
    w->word.len = 0;
    format_elem(w->F, p, &w->word, &w->scratch);
    if (w->word.failed) {
        w->out->failed = true;
        return;
    }
    extend_line(w, w->word.p, w->word.len, width, hanging);
}

static void write_rows(writer *w, int axis, const char *p, ptrdiff_t hanging, ptrdiff_t width)
{
    const layout *L = w->L;
    int axes_left = L->ndim - axis;
    ptrdiff_t n = L->shape[axis], stride = L->strides[axis];
    bool summary = axis_summarised(L, axis);
    ptrdiff_t lead = summary ? L->edge : 0, trail = summary ? L->edge : n;

    nd__sb_putc(w->out, '[');
    if (axes_left == 1) {
        /* width minus max(len(separator.rstrip()), len(']')) */
        ptrdiff_t elem_width = width - (w->sep_trim > 1 ? (ptrdiff_t)w->sep_trim : 1);
        for (ptrdiff_t i = 0; i < lead; i++) {
            put_word(w, p + i * stride, elem_width, hanging);
            nd__sb_puts(w->out, w->sep);
        }
        if (summary) {
            extend_line(w, "...", 3, elem_width, hanging);
            nd__sb_puts(w->out, w->sep);
        }
        for (ptrdiff_t i = trail; i > 1; i--) {
            put_word(w, p + (n - i) * stride, elem_width, hanging);
            nd__sb_puts(w->out, w->sep);
        }
        put_word(w, p + (n - 1) * stride, elem_width, hanging);
    } else {
        /* rows separated by the separator's non-blank part and axes_left-1 newlines */
        for (ptrdiff_t k = 0; k < lead + (summary ? 1 : 0) + trail - 1; k++) {
            if (k < lead) {
                write_rows(w, axis + 1, p + k * stride, hanging + 1, width - 1);
            } else if (summary && k == lead) {
                nd__sb_puts(w->out, "...");
            } else {
                ptrdiff_t i = trail - (k - lead - (summary ? 1 : 0)); /* trail .. 2 */
                write_rows(w, axis + 1, p + (n - i) * stride, hanging + 1, width - 1);
            }
            nd__sb_putn(w->out, w->sep, w->sep_trim);
            for (int j = 0; j < axes_left - 1; j++) newline(w);
            nd__sb_spaces(w->out, hanging);
        }
        write_rows(w, axis + 1, p + (n - 1) * stride, hanging + 1, width - 1);
    }
    nd__sb_putc(w->out, ']');
}

/* arrayprint._array2string for a non-empty array: `prefix` is already in out. */
static nd_status array2string(nd__strbuf *out, const nd_array *a, const nd_printoptions *o,
                              const char *sep, size_t prefix_len, size_t suffix_len,
                              const char *who)
{
    layout L = {
        .dt = nd_dtype_of(a), .ndim = nd_ndim(a), .shape = nd_shape(a), .strides = nd_strides(a),
        .data = nd_data(a), .summarise = nd_size(a) > o->threshold, .edge = o->edgeitems,
    };
    formatter F;
    nd_status st = formatter_build(&F, &L, o, who);
    if (st < 0) return st;
    writer w = { .L = &L, .F = &F, .out = out, .sep = sep, .word = { .who = who },
                 .scratch = { .who = who } };
    w.sep_trim = strlen(sep);
    while (w.sep_trim > 0 && (sep[w.sep_trim - 1] == ' ' || sep[w.sep_trim - 1] == '\t' ||
                              sep[w.sep_trim - 1] == '\n' || sep[w.sep_trim - 1] == '\r'))
        w.sep_trim--;
    if (L.ndim == 0) {
        format_elem(&F, L.data, out, &w.scratch);
    } else {
        w.line_start = 0;
        ptrdiff_t width = (ptrdiff_t)o->linewidth - (ptrdiff_t)suffix_len;
        write_rows(&w, 0, L.data, (ptrdiff_t)prefix_len + 1, width);
    }
    if (w.word.failed || w.scratch.failed) out->failed = true;
    nd__sb_release(&w.word);
    nd__sb_release(&w.scratch);
    return out->failed ? ND_ENOMEM : ND_OK;
}

/* ---- repr / str / print ---------------------------------------------------------------------- */

static char *finish(nd__strbuf *b)
{
    if (b->failed) {
        nd__sb_release(b);
        return NULL;
    }
    if (!b->p) nd__sb_putn(b, "", 0);
    return b->failed ? NULL : b->p;
}

char *nd_repr(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_repr: the array is NULL");
    nd_printoptions o = nd_get_printoptions();
    nd__strbuf b = { .who = "nd_repr" };
    nd_dtype dt = nd_dtype_of(a);
    int ndim = nd_ndim(a);
    ptrdiff_t size = nd_size(a);
    bool skipdtype = dtype_is_implied(dt) && size > 0;

    nd__sb_puts(&b, "array(");
    if (size > 0 || ndim == 0) {
        if (array2string(&b, a, &o, ", ", 6, 1, "nd_repr") < 0) goto fail;
    } else if (ndim == 1) {
        nd__sb_puts(&b, "[]");
    } else {
        const ptrdiff_t *shape = nd_shape(a);
        nd__sb_puts(&b, "[], shape=(");
        for (int d = 0; d < ndim; d++) {
            char t[32];
            snprintf(t, sizeof t, d ? ", %td" : "%td", shape[d]);
            nd__sb_puts(&b, t);
        }
        nd__sb_putc(&b, ')');
    }
    if (skipdtype) {
        nd__sb_putc(&b, ')');
    } else {
        char dts[40];
        /* NumPy quotes the names of the flexible dtypes (dtype='<U2', dtype='datetime64[D]'),
         * except a date dtype without a unit (dtype=datetime64) */
        bool quote = nd_dtype_is_flexible((int)dt) && nd_dtype_unit(dt) != ND_DT_GENERIC;
        snprintf(dts, sizeof dts, quote ? "dtype='%s')" : "dtype=%s)", nd_dtype_name(dt));
        nd__sb_putc(&b, ',');
        /* the dtype moves to its own line when it would pass the line width */
        const char *nl = b.p ? strrchr(b.p, '\n') : NULL;
        size_t last = nl ? nd__str_columns(nl + 1, b.len - (size_t)(nl + 1 - b.p)) : nd__str_columns(b.p, b.len);
        if (last + strlen(dts) + 1 > (size_t)o.linewidth) {
            nd__sb_putc(&b, '\n');
            nd__sb_spaces(&b, 6);
        } else {
            nd__sb_putc(&b, ' ');
        }
        nd__sb_puts(&b, dts);
    }
    return finish(&b);
fail:
    nd__sb_release(&b);
    return NULL;
}

char *nd_str(const nd_array *a)
{
    if (!a) return ND_FAIL(ND_EVALUE, "nd_str: the array is NULL");
    nd_printoptions o = nd_get_printoptions();
    nd__strbuf b = { .who = "nd_str" };
    nd_dtype dt = nd_dtype_of(a);
    if (nd_ndim(a) == 0 && nd_dtype_is_string(dt)) { /* str() of the element (core/strings) */
        nd__str_put_elem(nd_data(a), dt, nd_dtype_base(dt) == ND_BYTES, &b);
        return finish(&b);
    }
    if (nd_ndim(a) == 0) {
        /* a 0-d array prints as its scalar: no precision cut, Python-style text */
        bool date = nd_dtype_is_datetime(dt) || nd_dtype_is_timedelta(dt);
        if (!date && nd__need_numeric(dt, "nd_str") < 0) return NULL;
        elem e = load(nd_data(a), dt);
        char t[80];
        if (date) { /* dates: core/datetime */
            nd__dt_elem_text(nd_data(a), dt, false, t);
            nd__sb_puts(&b, t);
        } else if (dt == ND_BOOL) {
            nd__sb_puts(&b, e.b ? "True" : "False");
        } else if (is_signed_int(dt)) {
            snprintf(t, sizeof t, "%" PRId64, e.i);
            nd__sb_puts(&b, t);
        } else if (is_unsigned_int(dt)) {
            snprintf(t, sizeof t, "%" PRIu64, e.u);
            nd__sb_puts(&b, t);
        } else if (dt == ND_FLOAT32 || dt == ND_FLOAT64) {
            nd__float_scalar_str(e.f, dt == ND_FLOAT32, false, &b);
        } else {
            nd__complex_scalar_str(e.c[0], e.c[1], dt == ND_COMPLEX64, &b);
        }
    } else if (nd_size(a) == 0) {
        nd__sb_puts(&b, "[]");
    } else if (array2string(&b, a, &o, " ", 0, 0, "nd_str") < 0) {
        nd__sb_release(&b);
        return NULL;
    }
    return finish(&b);
}

nd_status nd_print(const nd_array *a, FILE *f)
{
    if (!a) return nd_set_error(ND_EVALUE, "nd_print: the array is NULL");
    char *s = nd_str(a);
    if (!s) return nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
    if (!f) f = stdout;
    int bad = fputs(s, f) < 0 || fputc('\n', f) == EOF;
    nd_free_mem(s);
    if (bad) return nd_set_error(ND_EIO, "nd_print: writing to the stream failed");
    return ND_OK;
}

/* np.array2string: arrayprint._array2string with the options given over the thread's. */
char *nd_array2string_(const nd_array *a, const nd_array2string_opts *opts)
{
    const char *who = "nd_array2string";
    if (!a) return ND_FAIL(ND_EVALUE, "nd_array2string: the array is NULL");
    nd_array2string_opts d = { 0 };
    if (!opts) opts = &d;
    nd_printoptions o = nd_get_printoptions();
    if (opts->max_line_width < 0)
        return ND_FAIL(ND_EVALUE, "nd_array2string: max_line_width must be positive, got %d",
                       opts->max_line_width);
    if (opts->max_line_width > 0) o.linewidth = opts->max_line_width;
    if (opts->precision == ND_FMT_0) o.precision = 0;
    else if (opts->precision > 0) o.precision = opts->precision;
    else if (opts->precision < 0)
        return ND_FAIL(ND_EVALUE, "nd_array2string: precision must be >= 0, got %d",
                       opts->precision);
    if (opts->threshold == ND_FMT_0) o.threshold = 0;
    else if (opts->threshold > 0) o.threshold = opts->threshold;
    else if (opts->threshold < 0)
        return ND_FAIL(ND_EVALUE, "nd_array2string: threshold must be >= 0, got %td",
                       opts->threshold);
    if (opts->edgeitems == ND_FMT_0) o.edgeitems = 0;
    else if (opts->edgeitems > 0) o.edgeitems = opts->edgeitems;
    else if (opts->edgeitems < 0)
        return ND_FAIL(ND_EVALUE, "nd_array2string: edgeitems must be >= 0, got %d",
                       opts->edgeitems);
    if (opts->suppress_small) o.suppress = true;
    if (opts->sign) {
        if (opts->sign != '-' && opts->sign != '+' && opts->sign != ' ')
            return ND_FAIL(ND_EVALUE, "nd_array2string: sign option must be one of ' ', '+', "
                           "or '-', got '%c'", opts->sign);
        o.sign = opts->sign;
    }
    const char *sep = opts->separator ? opts->separator : " ";
    size_t plen = opts->prefix ? strlen(opts->prefix) : 0;
    size_t slen = opts->suffix ? strlen(opts->suffix) : 0;
    nd__strbuf b = { .who = who };
    if (nd_size(a) == 0 && nd_ndim(a) > 0) {
        nd__sb_puts(&b, "[]");
        return finish(&b);
    }
    /* the prefix's width stands in front of the first line while it is laid out */
    nd__sb_spaces(&b, (ptrdiff_t)plen);
    if (array2string(&b, a, &o, sep, plen, slen, who) < 0) {
        nd__sb_release(&b);
        return NULL;
    }
    if (b.p && plen) {
        memmove(b.p, b.p + plen, b.len - plen + 1);
        b.len -= plen;
    }
    return finish(&b);
}
