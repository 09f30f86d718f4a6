/* numpy.fromregex: every match of a regular expression in a file, one column per group,
 * with POSIX extended expressions (<regex.h>) in place of Python's re. */
#include "io_internal.h"

#include <regex.h>
#include <stdio.h>
#include <string.h>

#include <numc/io.h>
#include <numc/manip.h>

/* The widest dtype of dt's kind, which the text is parsed into before the cast (NumPy
 * converts each string with int() / float() / complex() and then casts, so 300 -> int8
 * wraps as it does there). */
static nd_dtype wide_of(nd_dtype dt)
{
    switch (nd_dtype_kind(dt)) {
    case 'b': return ND_BOOL;
    case 'i': return ND_INT64;
    case 'u': return ND_UINT64;
    case 'c': return ND_COMPLEX128;
    default: return ND_FLOAT64;
    }
}

/* Parse the text [p, p + n) of match `row`, group `g` as dt's wide type into dst. */
static nd_status parse_field(const char *p, size_t n, nd_dtype wide, void *dst, ptrdiff_t row,
                             int g, const char *who)
{
    if (wide == ND_BOOL) { /* np.array(['0'], bool): a non-empty string is True */
        *(unsigned char *)dst = n > 0;
        return ND_OK;
    }
    if (n > 0 && nd__parse_cell(p, p + n, wide, dst)) return ND_OK;
    char shown[64];
    size_t k = n < sizeof shown - 1 ? n : sizeof shown - 1;
    memcpy(shown, p, k);
    shown[k] = '\0';
    return nd_set_error(ND_EPARSE, "%s: match %td, group %d: could not convert string '%s%s' "
                                   "to %s", who, row, g + 1, shown, n > k ? "..." : "",
                        nd_dtype_name(wide));
}

/* The matches of `regexp` in `path`, converted: columns[g] (g < ngroups) gets the 1-D
 * array of group g as dtypes[g]. Shared by both entry points. */
static nd_status fromregex(const char *path, const char *regexp, int ngroups,
                           const nd_dtype *dtypes, nd_array **columns, const char *who)
{
    if (!path || !regexp)
        return nd_set_error(ND_EVALUE, "%s: %s is NULL", who, path ? "regexp" : "path");
    regex_t re;
    int rc = regcomp(&re, regexp, REG_EXTENDED);
    if (rc != 0) {
        char msg[256];
        regerror(rc, &re, msg, sizeof msg);
        return nd_set_error(ND_EVALUE, "%s: bad regular expression '%s': %s", who, regexp, msg);
    }
    nd_status st = ND_OK;
    int nsub = (int)re.re_nsub, ncol = nsub ? nsub : 1; /* no group: the whole match */
    regmatch_t *m = NULL;
    char *buf = NULL, **vals = NULL;
    size_t *caps = NULL;
    if (ngroups != ncol) {
        st = nd_set_error(ND_EVALUE, "%s: the expression has %d group%s but %d dtype%s given",
                          who, ncol, ncol == 1 ? "" : "s", ngroups, ngroups == 1 ? " is" : "s are");
        goto done;
    }
    for (int g = 0; g < ncol; g++)
        if (!nd_dtype_is_numeric((int)dtypes[g])) {
            st = nd_set_error(ND_EDTYPE, "%s: invalid dtype %d for group %d", who, (int)dtypes[g],
                              g + 1);
            goto done;
        }
    size_t n;
    buf = nd__read_file(path, &n, 1, who);
    m = buf ? nd_malloc(sizeof *m * (size_t)(nsub + 1), who) : NULL;
    vals = m ? nd_calloc((size_t)ncol, sizeof *vals, who) : NULL;
    caps = vals ? nd_calloc((size_t)ncol, sizeof *caps, who) : NULL;
    if (!caps) {
        st = nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
        goto done;
    }
    if (memchr(buf, '\0', n)) {
        st = nd_set_error(ND_EVALUE, "%s: %s: the file holds a NUL byte (text files only)", who,
                          path);
        goto done;
    }
    ptrdiff_t rows = 0;
    const char *p = buf, *end = buf + n;
    while (p <= end) {
        if (regexec(&re, p, (size_t)nsub + 1, m, p == buf ? 0 : REG_NOTBOL) != 0) break;
        for (int g = 0; g < ncol; g++) {
            nd_dtype wide = wide_of(dtypes[g]);
            size_t isz = nd_dtype_size(wide);
            if (nd__buf_reserve(&vals[g], (size_t)rows * isz, &caps[g], (size_t)(rows + 1) * isz,
                                1024, who) < 0) {
                st = nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
                goto done;
            }
            regmatch_t r = m[nsub ? g + 1 : 0];
            const char *s = r.rm_so < 0 ? p : p + r.rm_so; /* an unmatched group is '' */
            size_t len = r.rm_so < 0 ? 0 : (size_t)(r.rm_eo - r.rm_so);
            st = parse_field(s, len, wide, vals[g] + (size_t)rows * isz, rows, g, who);
            if (st < 0) goto done;
        }
        rows++;
        /* findall: the next search starts after the match (one further after an empty one) */
        p += m[0].rm_eo + (m[0].rm_eo == m[0].rm_so ? 1 : 0);
    }
    for (int g = 0; g < ncol; g++) {
        nd_dtype wide = wide_of(dtypes[g]);
        nd_array *w = nd_empty(1, &rows, wide);
        if (!w) {
            st = nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
            goto done;
        }
        if (rows) memcpy(nd_data(w), vals[g], (size_t)rows * nd_dtype_size(wide));
        if (wide != dtypes[g]) {
            nd_array *c = nd_astype(w, dtypes[g], ND_CAST_UNSAFE);
            nd_free(w);
            w = c;
        }
        if (!w) {
            st = nd_last_error() < 0 ? nd_last_error() : ND_ENOMEM;
            goto done;
        }
        columns[g] = w;
    }
done:
    if (st < 0 && columns)
        for (int g = 0; g < ngroups && g < ncol; g++) {
            nd_free(columns[g]);
            columns[g] = NULL;
        }
    for (int g = 0; vals && g < ncol; g++) nd_free_mem(vals[g]);
    nd_free_mem(vals);
    nd_free_mem(caps);
    nd_free_mem(m);
    nd_free_mem(buf);
    regfree(&re);
    return st;
}

nd_status nd_fromregex_columns(const char *path, const char *regexp, int ncolumns,
                               const nd_dtype *dtypes, nd_array **columns)
{
    const char *who = "nd_fromregex_columns";
    if (!columns || (ncolumns > 0 && !dtypes))
        return nd_set_error(ND_EVALUE, "%s: %s is NULL", who, columns ? "dtypes" : "columns");
    for (int g = 0; g < ncolumns; g++) columns[g] = NULL;
    if (ncolumns < 1)
        return nd_set_error(ND_EVALUE, "%s: ncolumns = %d, at least one column is needed", who,
                            ncolumns);
    return fromregex(path, regexp, ncolumns, dtypes, columns, who);
}

nd_array *nd_fromregex_(const char *path, const char *regexp, const nd_fromregex_opts *o)
{
    const char *who = "nd_fromregex";
    nd_fromregex_opts d = { 0 };
    if (!o) o = &d;
    nd_dtype dt = o->bool_dtype ? ND_BOOL : o->dtype ? (nd_dtype)o->dtype : ND_FLOAT64;
    if (!nd_dtype_is_numeric((int)dt) || (o->bool_dtype && o->dtype))
        return nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, o->dtype), NULL;
    /* every group the same dtype: count the groups first */
    if (!path || !regexp)
        return nd_set_error(ND_EVALUE, "%s: %s is NULL", who, path ? "regexp" : "path"), NULL;
    regex_t re;
    int ngroups = 1;
    if (regcomp(&re, regexp, REG_EXTENDED) == 0) {
        ngroups = re.re_nsub ? (int)re.re_nsub : 1;
        regfree(&re);
    }
    nd_dtype *dts = nd_malloc(sizeof *dts * (size_t)ngroups, who);
    nd_array **cols = dts ? nd_calloc((size_t)ngroups, sizeof *cols, who) : NULL;
    nd_array *out = NULL;
    if (!cols) goto done;
    for (int g = 0; g < ngroups; g++) dts[g] = dt;
    if (fromregex(path, regexp, ngroups, dts, cols, who) < 0) goto done;
    if (ngroups == 1) {
        out = cols[0];
        cols[0] = NULL;
    } else {
        /* (matches, groups): the columns stacked along axis 1 */
        out = nd_stack(ngroups, (const nd_array *const *)cols, 1);
    }
done:
    for (int g = 0; cols && g < ngroups; g++) nd_free(cols[g]);
    nd_free_mem(cols);
    nd_free_mem(dts);
    return out;
}
