/* numpy.testing.assert_string_equal: Python's difflib.Differ (SequenceMatcher with
 * autojunk, _fancy_replace's 0.75 similarity cutoff and "? " hint lines) over the lines of
 * two C strings, then NumPy's filtering of its output, so the report is word for word
 * NumPy 1.24's. Strings are read as UTF-8: the hints count code points as Python does. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <numc/error.h>
#include <numc/testing.h>

#include "internal.h"

static const char *const WHO = "nd_assert_string_equal";

/* ---- SequenceMatcher over int sequences (isjunk=None, autojunk=True) ------------------- */
typedef struct matcher {
    const int32_t *a, *b;
    ptrdiff_t la, lb;
    bool *popb;         /* b[j] is "popular" (len(b) >= 200, autojunk) */
    ptrdiff_t *prev, *cur; /* find_longest_match's j2len rows, indexed j + 1 */
    ptrdiff_t (*blocks)[3];
    ptrdiff_t nblocks;
    bool failed;
} matcher;

static int cmp_i32(const void *x, const void *y)
{
    int32_t p = *(const int32_t *)x, q = *(const int32_t *)y;
    return p < q ? -1 : p > q;
}

static void longest(const matcher *m, ptrdiff_t alo, ptrdiff_t ahi, ptrdiff_t blo, ptrdiff_t bhi,
                    ptrdiff_t *bi, ptrdiff_t *bj, ptrdiff_t *bk)
{
    ptrdiff_t besti = alo, bestj = blo, best = 0;
    ptrdiff_t *prev = m->prev, *cur = m->cur;
    for (ptrdiff_t j = blo; j <= bhi; j++) prev[j] = 0;
    for (ptrdiff_t i = alo; i < ahi; i++) {
        cur[blo] = 0;
        for (ptrdiff_t j = blo; j < bhi; j++) {
            ptrdiff_t k = 0;
            if (m->a[i] == m->b[j] && !m->popb[j]) {
                k = prev[j] + 1;
                if (k > best) {
                    besti = i - k + 1;
                    bestj = j - k + 1;
                    best = k;
                }
            }
            cur[j + 1] = k;
        }
        ptrdiff_t *t = prev;
        prev = cur;
        cur = t;
    }
    /* no junk: extend over equal (popular) elements on both sides */
    while (besti > alo && bestj > blo && m->a[besti - 1] == m->b[bestj - 1]) besti--, bestj--, best++;
    while (besti + best < ahi && bestj + best < bhi && m->a[besti + best] == m->b[bestj + best]) best++;
    *bi = besti;
    *bj = bestj;
    *bk = best;
}

static int cmp_block(const void *x, const void *y)
{
    const ptrdiff_t *p = x, *q = y;
    for (int k = 0; k < 3; k++)
        if (p[k] != q[k]) return p[k] < q[k] ? -1 : 1;
    return 0;
}

/* get_matching_blocks into m->blocks (the (la, lb, 0) sentinel last). */
static void match(matcher *m, const int32_t *a, ptrdiff_t la, const int32_t *b, ptrdiff_t lb)
{
    memset(m, 0, sizeof *m);
    m->a = a;
    m->b = b;
    m->la = la;
    m->lb = lb;
    size_t nb = (size_t)(la < lb ? la : lb) + 2;
    m->popb = nd_calloc((size_t)lb + 1, sizeof *m->popb, WHO);
    m->prev = nd_calloc((size_t)lb + 2, sizeof *m->prev, WHO);
    m->cur = nd_calloc((size_t)lb + 2, sizeof *m->cur, WHO);
    m->blocks = nd_calloc(nb, sizeof *m->blocks, WHO);
    ptrdiff_t (*queue)[4] = nd_calloc(nb, sizeof *queue, WHO);
    int32_t *sorted = nd_calloc((size_t)lb + 1, sizeof *sorted, WHO);
    if (!m->popb || !m->prev || !m->cur || !m->blocks || !queue || !sorted) {
        m->failed = true;
        goto done;
    }
    if (lb >= 200) { /* autojunk: elements more frequent than 1% + 1 are ignored */
        memcpy(sorted, b, (size_t)lb * sizeof *b);
        qsort(sorted, (size_t)lb, sizeof *sorted, cmp_i32);
        ptrdiff_t ntest = lb / 100 + 1;
        for (ptrdiff_t s = 0; s < lb;) {
            ptrdiff_t e = s;
            while (e < lb && sorted[e] == sorted[s]) e++;
            if (e - s > ntest)
                for (ptrdiff_t j = 0; j < lb; j++)
                    if (b[j] == sorted[s]) m->popb[j] = true;
            s = e;
        }
    }
    ptrdiff_t nq = 0, n = 0;
    queue[nq][0] = 0, queue[nq][1] = la, queue[nq][2] = 0, queue[nq][3] = lb, nq++;
    while (nq) {
        nq--;
        ptrdiff_t alo = queue[nq][0], ahi = queue[nq][1], blo = queue[nq][2], bhi = queue[nq][3];
        ptrdiff_t i, j, k;
        longest(m, alo, ahi, blo, bhi, &i, &j, &k);
        if (!k) continue;
        m->blocks[n][0] = i, m->blocks[n][1] = j, m->blocks[n][2] = k, n++;
        if (alo < i && blo < j)
            queue[nq][0] = alo, queue[nq][1] = i, queue[nq][2] = blo, queue[nq][3] = j, nq++;
        if (i + k < ahi && j + k < bhi)
            queue[nq][0] = i + k, queue[nq][1] = ahi, queue[nq][2] = j + k, queue[nq][3] = bhi, nq++;
    }
    qsort(m->blocks, (size_t)n, sizeof *m->blocks, cmp_block);
    /* collapse adjacent blocks */
    ptrdiff_t out = 0, i1 = 0, j1 = 0, k1 = 0;
    for (ptrdiff_t t = 0; t < n; t++) {
        ptrdiff_t i2 = m->blocks[t][0], j2 = m->blocks[t][1], k2 = m->blocks[t][2];
        if (i1 + k1 == i2 && j1 + k1 == j2) {
            k1 += k2;
        } else {
            if (k1) m->blocks[out][0] = i1, m->blocks[out][1] = j1, m->blocks[out][2] = k1, out++;
            i1 = i2, j1 = j2, k1 = k2;
        }
    }
    if (k1) m->blocks[out][0] = i1, m->blocks[out][1] = j1, m->blocks[out][2] = k1, out++;
    m->blocks[out][0] = la, m->blocks[out][1] = lb, m->blocks[out][2] = 0, out++;
    m->nblocks = out;
done:
    nd_free_mem(queue);
    nd_free_mem(sorted);
}

static void match_free(matcher *m)
{
    nd_free_mem(m->popb);
    nd_free_mem(m->prev);
    nd_free_mem(m->cur);
    nd_free_mem(m->blocks);
}

static double ratio(const matcher *m)
{
    ptrdiff_t s = 0;
    for (ptrdiff_t t = 0; t < m->nblocks; t++) s += m->blocks[t][2];
    return m->la + m->lb ? 2.0 * (double)s / (double)(m->la + m->lb) : 1.0;
}

/* get_opcodes: calls fn(tag, i1, i2, j1, j2) with tag 'r', 'd', 'i' or 'e'. */
typedef struct opcode {
    char tag;
    ptrdiff_t i1, i2, j1, j2;
} opcode;

static ptrdiff_t opcodes(const matcher *m, opcode *ops)
{
    ptrdiff_t i = 0, j = 0, n = 0;
    for (ptrdiff_t t = 0; t < m->nblocks; t++) {
        ptrdiff_t ai = m->blocks[t][0], bj = m->blocks[t][1], size = m->blocks[t][2];
        char tag = i < ai && j < bj ? 'r' : i < ai ? 'd' : j < bj ? 'i' : 0;
        if (tag) ops[n++] = (opcode){ tag, i, ai, j, bj };
        i = ai + size;
        j = bj + size;
        if (size) ops[n++] = (opcode){ 'e', ai, i, bj, j };
    }
    return n;
}

/* ---- lines and code points ----------------------------------------------------------- */
typedef struct line {
    const char *p;
    size_t n;       /* bytes, the line end included (splitlines(True)) */
    int32_t *cp;    /* code points */
    ptrdiff_t ncp;
} line;

/* str.splitlines(True) over the ASCII line boundaries (\n, \r, \r\n, \v, \f, \x1c-\x1e). */
static ptrdiff_t split_lines(const char *s, line *out)
{
    ptrdiff_t n = 0;
    while (*s) {
        const char *e = s;
        while (*e && !strchr("\n\r\v\f\x1c\x1d\x1e", *e)) e++;
        if (*e == '\r' && e[1] == '\n') e += 2;
        else if (*e) e++;
        if (out) out[n] = (line){ s, (size_t)(e - s), NULL, 0 };
        n++;
        s = e;
    }
    return n;
}

/* UTF-8 into code points (a byte that does not start a valid sequence is one unit). */
static ptrdiff_t decode(const char *p, size_t n, int32_t *cp)
{
    ptrdiff_t k = 0;
    const unsigned char *u = (const unsigned char *)p;
    for (size_t i = 0; i < n;) {
        int len = u[i] < 0x80 ? 1 : (u[i] >> 5) == 6 ? 2 : (u[i] >> 4) == 14 ? 3 : (u[i] >> 3) == 30 ? 4 : 1;
        int32_t c = len == 1 ? u[i] : u[i] & (0x7f >> len);
        bool ok = i + (size_t)len <= n;
        for (int t = 1; ok && t < len; t++) {
            ok = (u[i + (size_t)t] & 0xc0) == 0x80;
            c = (c << 6) | (u[i + (size_t)t] & 0x3f);
        }
        if (!ok) len = 1, c = u[i];
        cp[k++] = c;
        i += (size_t)len;
    }
    return k;
}

static bool py_isspace(int32_t c)
{
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0;
}

static void put_cp(nd__strbuf *b, int32_t c)
{
    char t[4];
    int n = 0;
    if (c < 0x80) t[n++] = (char)c;
    else if (c < 0x800) t[n++] = (char)(0xc0 | (c >> 6)), t[n++] = (char)(0x80 | (c & 0x3f));
    else if (c < 0x10000)
        t[n++] = (char)(0xe0 | (c >> 12)), t[n++] = (char)(0x80 | ((c >> 6) & 0x3f)),
        t[n++] = (char)(0x80 | (c & 0x3f));
    else
        t[n++] = (char)(0xf0 | (c >> 18)), t[n++] = (char)(0x80 | ((c >> 12) & 0x3f)),
        t[n++] = (char)(0x80 | ((c >> 6) & 0x3f)), t[n++] = (char)(0x80 | (c & 0x3f));
    nd__sb_putn(b, t, (size_t)n);
}

/* ---- Differ ---------------------------------------------------------------------------- */
typedef struct differ {
    line *a, *b;
    int32_t *ida, *idb; /* line identities for the outer matcher */
    nd__strbuf *out;    /* the Differ lines, each ending with '\0' (a list of strings) */
    ptrdiff_t nout;
    bool failed;
} differ;

static void emit(differ *d, const char *tag, const line *l)
{
    nd__sb_puts(d->out, tag);
    nd__sb_putn(d->out, l->p, l->n);
    nd__sb_putc(d->out, '\0');
    d->nout++;
}

static void dump(differ *d, const char *tag, const line *x, ptrdiff_t lo, ptrdiff_t hi)
{
    for (ptrdiff_t i = lo; i < hi; i++) emit(d, tag, &x[i]);
}

/* "? " + _keep_original_ws(s, tags).rstrip() + "\n" when not empty. */
static void hint(differ *d, const line *l, const char *tags, ptrdiff_t ntags)
{
    ptrdiff_t n = ntags < l->ncp ? ntags : l->ncp;
    int32_t *t = nd_malloc(sizeof *t * (size_t)(n + 1), WHO);
    if (!t) {
        d->failed = true;
        return;
    }
    for (ptrdiff_t i = 0; i < n; i++)
        t[i] = tags[i] == ' ' && py_isspace(l->cp[i]) ? l->cp[i] : (int32_t)(unsigned char)tags[i];
    while (n > 0 && py_isspace(t[n - 1])) n--;
    if (n > 0) {
        nd__sb_puts(d->out, "? ");
        for (ptrdiff_t i = 0; i < n; i++) put_cp(d->out, t[i]);
        nd__sb_puts(d->out, "\n");
        nd__sb_putc(d->out, '\0');
        d->nout++;
    }
    nd_free_mem(t);
}

static void fancy_replace(differ *d, ptrdiff_t alo, ptrdiff_t ahi, ptrdiff_t blo, ptrdiff_t bhi);

static void fancy_helper(differ *d, ptrdiff_t alo, ptrdiff_t ahi, ptrdiff_t blo, ptrdiff_t bhi)
{
    if (alo < ahi) {
        if (blo < bhi) fancy_replace(d, alo, ahi, blo, bhi);
        else dump(d, "- ", d->a, alo, ahi);
    } else if (blo < bhi) {
        dump(d, "+ ", d->b, blo, bhi);
    }
}

static void fancy_replace(differ *d, ptrdiff_t alo, ptrdiff_t ahi, ptrdiff_t blo, ptrdiff_t bhi)
{
    double best_ratio = 0.74;
    ptrdiff_t best_i = -1, best_j = -1, eqi = -1, eqj = -1;
    for (ptrdiff_t j = blo; j < bhi && !d->failed; j++)
        for (ptrdiff_t i = alo; i < ahi; i++) {
            if (d->ida[i] == d->idb[j]) {
                if (eqi < 0) eqi = i, eqj = j;
                continue;
            }
            matcher m;
            match(&m, d->a[i].cp, d->a[i].ncp, d->b[j].cp, d->b[j].ncp);
            if (m.failed) d->failed = true;
            double r = m.failed ? 0 : ratio(&m);
            match_free(&m);
            if (r > best_ratio) best_ratio = r, best_i = i, best_j = j;
        }
    if (d->failed) return;
    if (best_ratio < 0.75) {
        if (eqi < 0) { /* _plain_replace */
            if (bhi - blo < ahi - alo) {
                dump(d, "+ ", d->b, blo, bhi);
                dump(d, "- ", d->a, alo, ahi);
            } else {
                dump(d, "- ", d->a, alo, ahi);
                dump(d, "+ ", d->b, blo, bhi);
            }
            return;
        }
        best_i = eqi, best_j = eqj;
    } else {
        eqi = -1;
    }
    fancy_helper(d, alo, best_i, blo, best_j);
    const line *al = &d->a[best_i], *bl = &d->b[best_j];
    if (eqi < 0) {
        matcher m;
        match(&m, al->cp, al->ncp, bl->cp, bl->ncp);
        opcode *ops = m.failed ? NULL : nd_malloc(sizeof *ops * (size_t)(2 * m.nblocks + 1), WHO);
        char *at = ops ? nd_malloc((size_t)al->ncp + 1, WHO) : NULL;
        char *bt = at ? nd_malloc((size_t)bl->ncp + 1, WHO) : NULL;
        if (!bt) {
            d->failed = true;
        } else {
            ptrdiff_t na = 0, nb = 0, nops = opcodes(&m, ops);
            for (ptrdiff_t t = 0; t < nops; t++) {
                ptrdiff_t la = ops[t].i2 - ops[t].i1, lb = ops[t].j2 - ops[t].j1;
                char ca = ops[t].tag == 'r' ? '^' : ops[t].tag == 'd' ? '-' : ops[t].tag == 'e' ? ' ' : 0;
                char cb = ops[t].tag == 'r' ? '^' : ops[t].tag == 'i' ? '+' : ops[t].tag == 'e' ? ' ' : 0;
                if (ca) memset(at + na, ca, (size_t)la), na += la;
                if (cb) memset(bt + nb, cb, (size_t)lb), nb += lb;
            }
            emit(d, "- ", al);
            hint(d, al, at, na);
            emit(d, "+ ", bl);
            hint(d, bl, bt, nb);
        }
        nd_free_mem(ops);
        nd_free_mem(at);
        nd_free_mem(bt);
        match_free(&m);
    } else {
        emit(d, "  ", al);
    }
    fancy_helper(d, best_i + 1, ahi, best_j + 1, bhi);
}

/* Python's repr() of a str: quotes chosen as Python does, escapes for control bytes. */
static void py_repr(nd__strbuf *b, const char *s)
{
    char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    nd__sb_putc(b, q);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char t[8];
        if (*p == '\\' || *p == (unsigned char)q) {
            t[0] = '\\', t[1] = (char)*p, t[2] = 0;
        } else if (*p == '\n') {
            strcpy(t, "\\n");
        } else if (*p == '\r') {
            strcpy(t, "\\r");
        } else if (*p == '\t') {
            strcpy(t, "\\t");
        } else if (*p < 0x20 || *p == 0x7f) {
            snprintf(t, sizeof t, "\\x%02x", *p);
        } else {
            t[0] = (char)*p, t[1] = 0;
        }
        nd__sb_puts(b, t);
    }
    nd__sb_putc(b, q);
}

nd_status nd_assert_string_equal_(const char *actual, const char *desired, const nd_string_opts *o)
{
    char **report = o ? o->report : NULL;
    if (report) *report = NULL;
    if (!actual || !desired)
        return nd_set_error(ND_EVALUE, "%s: %s is NULL", WHO, actual ? "desired" : "actual");
    if (strcmp(actual, desired) == 0) {
        nd_clear_error();
        return ND_OK;
    }
    nd_status rc = ND_OK;
    differ d = { 0 };
    nd__strbuf out = { .who = WHO }, msg = { .who = WHO };
    d.out = &out;
    ptrdiff_t na = split_lines(actual, NULL), nb = split_lines(desired, NULL);
    d.a = nd_calloc((size_t)na + 1, sizeof *d.a, WHO);
    d.b = nd_calloc((size_t)nb + 1, sizeof *d.b, WHO);
    d.ida = nd_calloc((size_t)na + 1, sizeof *d.ida, WHO);
    d.idb = nd_calloc((size_t)nb + 1, sizeof *d.idb, WHO);
    const char **items = NULL;
    if (!d.a || !d.b || !d.ida || !d.idb) goto oom;
    split_lines(actual, d.a);
    split_lines(desired, d.b);
    for (int side = 0; side < 2; side++) {
        line *l = side ? d.b : d.a;
        for (ptrdiff_t i = 0; i < (side ? nb : na); i++) {
            l[i].cp = nd_malloc(sizeof *l[i].cp * (l[i].n + 1), WHO);
            if (!l[i].cp) goto oom;
            l[i].ncp = decode(l[i].p, l[i].n, l[i].cp);
        }
    }
    /* line identities: the index of the first equal line in a, then b */
    for (ptrdiff_t k = 0; k < na + nb; k++) {
        const line *x = k < na ? &d.a[k] : &d.b[k - na];
        int32_t id = (int32_t)k;
        for (ptrdiff_t t = 0; t < k; t++) {
            const line *y = t < na ? &d.a[t] : &d.b[t - na];
            if (y->n == x->n && memcmp(y->p, x->p, x->n) == 0) {
                id = t < na ? d.ida[t] : d.idb[t - na];
                break;
            }
        }
        if (k < na) d.ida[k] = id;
        else d.idb[k - na] = id;
    }
    matcher m;
    match(&m, d.ida, na, d.idb, nb);
    opcode *ops = m.failed ? NULL : nd_malloc(sizeof *ops * (size_t)(2 * m.nblocks + 1), WHO);
    if (!ops) {
        match_free(&m);
        goto oom;
    }
    ptrdiff_t nops = opcodes(&m, ops);
    for (ptrdiff_t t = 0; t < nops && !d.failed; t++) {
        const opcode *op = &ops[t];
        if (op->tag == 'r') fancy_replace(&d, op->i1, op->i2, op->j1, op->j2);
        else if (op->tag == 'd') dump(&d, "- ", d.a, op->i1, op->i2);
        else if (op->tag == 'i') dump(&d, "+ ", d.b, op->j1, op->j2);
        else dump(&d, "  ", d.a, op->i1, op->i2);
    }
    nd_free_mem(ops);
    match_free(&m);
    if (d.failed || out.failed) goto oom;
    /* NumPy's walk over the Differ lines */
    items = nd_calloc((size_t)d.nout + 1, sizeof *items, WHO);
    if (!items) goto oom;
    const char *p = out.p;
    for (ptrdiff_t i = 0; i < d.nout; i++, p += strlen(p) + 1) items[i] = p;
    nd__strbuf list = { .who = WHO };
    const char *bad = NULL;
    for (ptrdiff_t i = 0; i < d.nout && !bad;) {
        const char *d1 = items[i++];
        if (!strncmp(d1, "  ", 2)) continue;
        if (strncmp(d1, "- ", 2) != 0) {
            bad = d1;
            break;
        }
        const char *l[4] = { d1, NULL, NULL, NULL };
        int nl = 1;
        if (i == d.nout) { /* NumPy: IndexError, the unmatched line */
            bad = d1;
            break;
        }
        const char *d2 = items[i++];
        if (!strncmp(d2, "? ", 2)) {
            l[nl++] = d2;
            if (i == d.nout) {
                bad = d2;
                break;
            }
            d2 = items[i++];
        }
        if (strncmp(d2, "+ ", 2) != 0) {
            bad = d2;
            break;
        }
        l[nl++] = d2;
        if (i < d.nout && !strncmp(items[i], "? ", 2)) l[nl++] = items[i++];
        if (!strcmp(d2 + 2, d1 + 2)) continue;
        for (int k = 0; k < nl; k++) nd__sb_puts(&list, l[k]);
    }
    if (bad) {
        py_repr(&msg, bad);
    } else if (list.p && list.len) {
        size_t n = list.len;
        while (n > 0 && strchr(" \t\n\r\v\f", list.p[n - 1])) n--;
        nd__sb_puts(&msg, "Differences in strings:\n");
        nd__sb_putn(&msg, list.p, n);
    }
    bool lf = list.failed;
    nd__sb_release(&list);
    if (lf || msg.failed) goto oom;
    if (!msg.p) { /* nothing left after the filtering: NumPy passes */
        rc = ND_OK;
        nd_clear_error();
    } else {
        rc = nd_set_error(ND_EASSERT, "%s: %s", WHO, msg.p);
        if (report) {
            *report = msg.p;
            msg.p = NULL;
        }
    }
    goto done;
oom:
    rc = nd_set_error(ND_ENOMEM, "%s: out of memory writing the report", WHO);
done:
    for (ptrdiff_t i = 0; d.a && i < na; i++) nd_free_mem(d.a[i].cp);
    for (ptrdiff_t i = 0; d.b && i < nb; i++) nd_free_mem(d.b[i].cp);
    nd_free_mem(d.a);
    nd_free_mem(d.b);
    nd_free_mem(d.ida);
    nd_free_mem(d.idb);
    nd_free_mem((void *)items);
    nd__sb_release(&out);
    nd__sb_release(&msg);
    return rc;
}
