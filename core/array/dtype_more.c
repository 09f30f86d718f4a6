/* numpy.issubdtype over the concrete dtypes and NumPy's abstract scalar types, and
 * numpy.mintypecode. */
#include <numc/dtype.h>

#include <string.h>

#include "internal.h"

/* The abstract type directly above each abstract type (generic has none). */
static int kind_parent(int k)
{
    switch (k) {
    case ND_KIND_NUMBER: return ND_KIND_GENERIC;
    case ND_KIND_INTEGER: return ND_KIND_NUMBER;
    case ND_KIND_SIGNEDINTEGER: return ND_KIND_INTEGER;
    case ND_KIND_UNSIGNEDINTEGER: return ND_KIND_INTEGER;
    case ND_KIND_INEXACT: return ND_KIND_NUMBER;
    case ND_KIND_FLOATING: return ND_KIND_INEXACT;
    case ND_KIND_COMPLEXFLOATING: return ND_KIND_INEXACT;
    case ND_KIND_BOOL: return ND_KIND_GENERIC;
    case ND_KIND_FLEXIBLE: return ND_KIND_GENERIC;
    case ND_KIND_CHARACTER: return ND_KIND_FLEXIBLE;
    default: return -1;
    }
}

/* The abstract type a concrete dtype sits directly under. */
static int dtype_parent(nd_dtype t)
{
    if (t == ND_BOOL) return ND_KIND_BOOL;
    if (t >= ND_INT8 && t <= ND_INT64) return ND_KIND_SIGNEDINTEGER;
    if (t >= ND_UINT8 && t <= ND_UINT64) return ND_KIND_UNSIGNEDINTEGER;
    if (t == ND_FLOAT32 || t == ND_FLOAT64) return ND_KIND_FLOATING;
    if (nd_dtype_is_datetime(t)) return ND_KIND_GENERIC;
    if (nd_dtype_is_timedelta(t)) return ND_KIND_SIGNEDINTEGER; /* NumPy's timedelta64 is one */
    if (nd_dtype_is_string(t)) return ND_KIND_CHARACTER;
    return ND_KIND_COMPLEXFLOATING;
}

static bool is_kind(int k) { return k >= ND_KIND_GENERIC && k <= ND_KIND_CHARACTER; }

bool nd_issubdtype(int arg1, int arg2)
{
    bool d1 = nd_dtype_is_valid(arg1), d2 = nd_dtype_is_valid(arg2);
    if ((!d1 && !is_kind(arg1)) || (!d2 && !is_kind(arg2)))
        return (nd_set_error(ND_EDTYPE, "nd_issubdtype: %d is neither an nd_dtype nor an nd_kind",
                             (!d1 && !is_kind(arg1)) ? arg1 : arg2),
                false);
    /* NumPy's bool_ is a concrete type: ND_KIND_BOOL names the same thing as ND_BOOL. */
    if (arg1 == ND_KIND_BOOL) arg1 = ND_BOOL, d1 = true;
    if (arg2 == ND_KIND_BOOL) arg2 = ND_BOOL, d2 = true;
    /* A concrete type has no subtypes; the flexible ones are one type whatever their
     * parameter (datetime64[D] is a datetime64, 'U3' a str_). */
    if (d2) return d1 && nd_dtype_base((nd_dtype)arg1) == nd_dtype_base((nd_dtype)arg2);
    for (int k = d1 ? dtype_parent((nd_dtype)arg1) : arg1; k >= 0; k = kind_parent(k))
        if (k == arg2) return true;
    return false;
}

const char *nd_kind_name(int kind)
{
    static const char *const names[] = { "generic",  "number",   "integer",         "signedinteger",
                                         "unsignedinteger", "inexact", "floating", "complexfloating",
                                         "bool_", "flexible", "character" };
    return is_kind(kind) ? names[kind - ND_KIND_GENERIC] : "?";
}

char nd_dtype_char(nd_dtype t)
{
    static const char chars[ND_NTYPES] = { '?', 'b', 'h', 'i', 'l', 'B', 'H', 'I', 'L', 'f', 'd', 'F', 'D' };
    if (nd_dtype_is_flexible((int)t)) return nd_dtype_kind(t);
    return nd_dtype_is_numeric((int)t) ? chars[t] : '\0';
}

char (nd_mintypecode)(const char *typechars, const char *typeset, char default_)
{
    /* NumPy's _typecodes_by_elsize (q and Q spell the same 8-byte integers as l and L). */
    static const char by_elsize[] = "GDFgdfQqLlIiHhBb?";
    if (!typechars) return (char)(nd_set_error(ND_EVALUE, "nd_mintypecode: typechars is NULL"), '\0');
    if (!typeset) typeset = "GDFgdf";
    if (!default_) default_ = 'd';
    bool in[256] = { false };
    int count = 0;
    for (const unsigned char *p = (const unsigned char *)typechars; *p; p++)
        if (strchr(typeset, *p) && !in[*p]) in[*p] = true, count++;
    if (!count) return default_;
    if (in['F'] && in['d']) return 'D';
    for (const char *p = by_elsize; *p; p++)
        if (in[(unsigned char)*p]) return *p;
    for (int c = 1; c < 256; c++)
        if (in[c])
            return (char)(nd_set_error(ND_EVALUE, "nd_mintypecode: '%c' is not in list (the type codes by size are %s)", c,
                                       by_elsize),
                          '\0');
    return default_;
}
