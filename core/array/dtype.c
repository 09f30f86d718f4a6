/* dtype metadata, name parsing, promotion and the casting levels (NumPy's rules).
 * The element conversions themselves live in cast.c. */
#include "internal.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    char kind;
    unsigned char size;
} info[ND_NTYPES] = {
    [ND_BOOL] = { "bool", 'b', 1 },
    [ND_INT8] = { "int8", 'i', 1 },
    [ND_INT16] = { "int16", 'i', 2 },
    [ND_INT32] = { "int32", 'i', 4 },
    [ND_INT64] = { "int64", 'i', 8 },
    [ND_UINT8] = { "uint8", 'u', 1 },
    [ND_UINT16] = { "uint16", 'u', 2 },
    [ND_UINT32] = { "uint32", 'u', 4 },
    [ND_UINT64] = { "uint64", 'u', 8 },
    [ND_FLOAT32] = { "float32", 'f', 4 },
    [ND_FLOAT64] = { "float64", 'f', 8 },
    [ND_COMPLEX64] = { "complex64", 'c', 8 },
    [ND_COMPLEX128] = { "complex128", 'c', 16 },
};

/* ---- the flexible dtypes: base code in bits 0-7, parameter above ------------------- */
/* Date types: unit in bits 8-11, count - 1 in bits 12-30. Strings: width in bits 8-30. */
#define BASE(t) ((int)(t) & 0xff)
#define PARAM(t) ((unsigned)(t) >> 8)
#define DT_UNIT(t) ((int)(PARAM(t) & 0xfu))
#define DT_COUNT(t) ((int)(PARAM(t) >> 4) + 1)

static const char *const unit_names[ND_DT_NUNITS] = {
    "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "generic"
};

bool nd_dtype_is_numeric(int t) { return t >= 0 && t < (int)ND_NTYPES; }

bool nd_dtype_is_flexible(int t)
{
    if (t < 0) return false;
    switch (BASE(t)) {
    case ND_DATETIME64:
    case ND_TIMEDELTA64:
        return DT_UNIT(t) < ND_DT_GENERIC || (DT_UNIT(t) == ND_DT_GENERIC && DT_COUNT(t) == 1);
    case ND_BYTES:
    case ND_STR:
        return true; /* any width up to ND_STR_MAXWIDTH fits the bits */
    default:
        return false;
    }
}

/* The enum's underlying type may be unsigned, so test through int. */
bool nd_dtype_is_valid(int t) { return nd_dtype_is_numeric(t) || nd_dtype_is_flexible(t); }

int nd_dtype_base(nd_dtype t)
{
    if (nd_dtype_is_numeric((int)t)) return (int)t;
    return nd_dtype_is_flexible((int)t) ? BASE(t) : -1;
}

bool nd_dtype_is_datetime(nd_dtype t) { return nd_dtype_base(t) == ND_DATETIME64; }
bool nd_dtype_is_timedelta(nd_dtype t) { return nd_dtype_base(t) == ND_TIMEDELTA64; }
bool nd_dtype_is_string(nd_dtype t)
{
    int b = nd_dtype_base(t);
    return b == ND_BYTES || b == ND_STR;
}

nd_dtype nd_dtype_datetime(nd_dtype base, nd_dtunit unit, int count)
{
    if (base != ND_DATETIME64 && base != ND_TIMEDELTA64) {
        nd_set_error(ND_EDTYPE, "nd_dtype_datetime: base %d is neither ND_DATETIME64 nor ND_TIMEDELTA64",
                     (int)base);
        return ND_NTYPES;
    }
    if ((int)unit < 0 || unit >= ND_DT_NUNITS) {
        nd_set_error(ND_EDTYPE, "nd_dtype_datetime: invalid unit %d", (int)unit);
        return ND_NTYPES;
    }
    if (count < 1 || count > ND_DT_MAXCOUNT || (unit == ND_DT_GENERIC && count != 1)) {
        nd_set_error(ND_EDTYPE, "nd_dtype_datetime: count %d is out of range (1..%d, 1 for generic)",
                     count, ND_DT_MAXCOUNT);
        return ND_NTYPES;
    }
    return (nd_dtype)((int)base | (int)unit << 8 | (count - 1) << 12);
}

nd_dtunit nd_dtype_unit(nd_dtype t)
{
    int b = nd_dtype_base(t);
    return b == ND_DATETIME64 || b == ND_TIMEDELTA64 ? (nd_dtunit)DT_UNIT(t) : ND_DT_NUNITS;
}

int nd_dtype_unit_count(nd_dtype t)
{
    int b = nd_dtype_base(t);
    return b == ND_DATETIME64 || b == ND_TIMEDELTA64 ? DT_COUNT(t) : 0;
}

size_t nd_dtype_width(nd_dtype t) { return nd_dtype_is_string(t) ? PARAM(t) : 0; }

/* A per-thread ring of 16 name buffers (the names of counts other than 1 and of strings). */
static char *ring_buf(void)
{
    static _Thread_local char ring[16][48];
    static _Thread_local unsigned next;
    return ring[next++ % 16];
}

static const char *flexible_name(nd_dtype t)
{
    static const char *const dt_names[2][ND_DT_NUNITS] = {
        { "datetime64[Y]", "datetime64[M]", "datetime64[W]", "datetime64[D]", "datetime64[h]",
          "datetime64[m]", "datetime64[s]", "datetime64[ms]", "datetime64[us]", "datetime64[ns]",
          "datetime64[ps]", "datetime64[fs]", "datetime64[as]", "datetime64" },
        { "timedelta64[Y]", "timedelta64[M]", "timedelta64[W]", "timedelta64[D]", "timedelta64[h]",
          "timedelta64[m]", "timedelta64[s]", "timedelta64[ms]", "timedelta64[us]", "timedelta64[ns]",
          "timedelta64[ps]", "timedelta64[fs]", "timedelta64[as]", "timedelta64" },
    };
    char *buf;
    switch (BASE(t)) {
    case ND_DATETIME64:
    case ND_TIMEDELTA64: {
        int which = BASE(t) == ND_TIMEDELTA64;
        if (DT_COUNT(t) == 1) return dt_names[which][DT_UNIT(t)];
        buf = ring_buf();
        snprintf(buf, 48, "%s[%d%s]", which ? "timedelta64" : "datetime64", DT_COUNT(t),
                 unit_names[DT_UNIT(t)]);
        return buf;
    }
    default:
        buf = ring_buf();
        snprintf(buf, 48, "%s%u", BASE(t) == ND_BYTES ? "|S" : "<U", PARAM(t));
        return buf;
    }
}

const char *nd_dtype_name(nd_dtype t)
{
    if (nd_dtype_is_numeric((int)t)) return info[t].name;
    return nd_dtype_is_flexible((int)t) ? flexible_name(t) : "?";
}

size_t nd_dtype_size(nd_dtype t)
{
    if (nd_dtype_is_numeric((int)t)) return info[t].size;
    if (!nd_dtype_is_flexible((int)t)) return 0;
    switch (BASE(t)) {
    case ND_BYTES: return PARAM(t);
    case ND_STR: return 4u * PARAM(t);
    default: return 8;
    }
}

char nd_dtype_kind(nd_dtype t)
{
    if (nd_dtype_is_numeric((int)t)) return info[t].kind;
    if (!nd_dtype_is_flexible((int)t)) return '?';
    static const char kinds[] = { 'M', 'm', 'S', 'U' };
    return kinds[BASE(t) - ND_DATETIME64];
}

bool nd_dtype_is_integer(nd_dtype t)
{
    char k = nd_dtype_kind(t);
    return k == 'i' || k == 'u';
}

bool nd_dtype_is_float(nd_dtype t) { return nd_dtype_kind(t) == 'f'; }
bool nd_dtype_is_complex(nd_dtype t) { return nd_dtype_kind(t) == 'c'; }

/* ---- names ------------------------------------------------------------------ */

/* Whole-word names NumPy accepts (np.dtype(name)), with the LP64 meanings NumPy
 * gives them on Linux (long = int64). Byte-order prefixes do not apply to these. */
static const struct {
    const char *name;
    nd_dtype t;
} aliases[] = {
    { "int", ND_INT64 }, { "uint", ND_UINT64 }, { "float", ND_FLOAT64 },
    { "complex", ND_COMPLEX128 }, { "double", ND_FLOAT64 }, { "single", ND_FLOAT32 },
    { "byte", ND_INT8 }, { "ubyte", ND_UINT8 }, { "short", ND_INT16 },
    { "ushort", ND_UINT16 }, { "intc", ND_INT32 }, { "uintc", ND_UINT32 },
    { "long", ND_INT64 }, { "ulong", ND_UINT64 }, { "longlong", ND_INT64 },
    { "ulonglong", ND_UINT64 }, { "intp", ND_INT64 }, { "uintp", ND_UINT64 },
    { "int_", ND_INT64 }, { "float_", ND_FLOAT64 }, { "complex_", ND_COMPLEX128 },
    { "bool_", ND_BOOL }, { "csingle", ND_COMPLEX64 }, { "cdouble", ND_COMPLEX128 },
    { "cfloat", ND_COMPLEX128 }, { "singlecomplex", ND_COMPLEX64 },
};

/* NumPy's one-letter type codes (again with Linux's long = 64 bits). */
static const struct {
    char code;
    nd_dtype t;
} codes[] = {
    { '?', ND_BOOL }, { 'b', ND_INT8 }, { 'B', ND_UINT8 }, { 'h', ND_INT16 },
    { 'H', ND_UINT16 }, { 'i', ND_INT32 }, { 'I', ND_UINT32 }, { 'l', ND_INT64 },
    { 'L', ND_UINT64 }, { 'q', ND_INT64 }, { 'Q', ND_UINT64 }, { 'p', ND_INT64 },
    { 'P', ND_UINT64 }, { 'f', ND_FLOAT32 }, { 'd', ND_FLOAT64 }, { 'F', ND_COMPLEX64 },
    { 'D', ND_COMPLEX128 },
};

/* A type string without its byte-order prefix: a code ("d"), or a kind letter and
 * a size in bytes ("f8", "c16", "b1"). -1 when it is neither. */
static int parse_typestr(const char *p)
{
    if (p[0] == '\0') return -1;
    if (p[1] == '\0') {
        for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
            if (codes[i].code == p[0]) return (int)codes[i].t;
        return -1;
    }
    char kind = p[0];
    if (kind != 'b' && kind != 'i' && kind != 'u' && kind != 'f' && kind != 'c') return -1;
    /* NumPy also takes "i01" or "i 8" (atoi quirks); those are not accepted here. */
    const char *d = p + 1;
    if (d[0] < '1' || d[0] > '9') return -1;
    unsigned size = (unsigned)(d[0] - '0');
    if (d[1] != '\0') {
        if (d[1] < '0' || d[1] > '9' || d[2] != '\0') return -1;
        size = size * 10 + (unsigned)(d[1] - '0');
    }
    for (int t = 0; t < (int)ND_NTYPES; t++)
        if (info[t].kind == kind && info[t].size == size) return t;
    return -1;
}

static bool host_is_little_endian(void)
{
    const uint16_t one = 1;
    unsigned char first;
    memcpy(&first, &one, 1);
    return first == 1;
}

int nd_dtype_from_name(const char *name)
{
    if (!name) {
        nd_set_error(ND_EDTYPE, "nd_dtype_from_name: name is NULL");
        return -1;
    }
    for (int t = 0; t < (int)ND_NTYPES; t++)
        if (strcmp(name, info[t].name) == 0) return t;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(name, aliases[i].name) == 0) return (int)aliases[i].t;

    char order = name[0];
    bool prefixed = order == '<' || order == '>' || order == '=' || order == '|';
    int t = parse_typestr(prefixed ? name + 1 : name);
    if (t < 0 && order != '>') t = nd__flex_from_name(name);
    if (t >= 0 && !nd_dtype_is_numeric(t)) return t;
    if (t < 0) {
        nd_set_error(ND_EDTYPE, "nd_dtype_from_name: unknown dtype '%.200s'", name);
        return -1;
    }
    /* '|' means "not applicable" and NumPy treats it as native for multi-byte types. */
    char foreign = host_is_little_endian() ? '>' : '<';
    if (order == foreign && info[t].size > 1) {
        nd_set_error(ND_EDTYPE,
                  "nd_dtype_from_name: %s-endian dtype '%.200s' is not supported "
                  "(numc arrays are native-endian)",
                  foreign == '>' ? "big" : "little", name);
        return -1;
    }
    return t;
}

/* ---- promotion and casting ---------------------------------------------------- */

/* NumPy's kind order for same_kind casting: bool < unsigned < signed < float < complex. */
static int kind_rank(nd_dtype t)
{
    switch (info[t].kind) {
    case 'b': return 0;
    case 'u': return 1;
    case 'i': return 2;
    case 'f': return 3;
    default: return 4;
    }
}

static nd_dtype sized(char kind, unsigned size)
{
    for (int t = 0; t < (int)ND_NTYPES; t++)
        if (info[t].kind == kind && info[t].size == size) return (nd_dtype)t;
    return ND_FLOAT64;  /* no integer wider than 64 bits: NumPy falls back to float64 */
}

/* The smallest float that holds every value of t exactly (t bool, int or float). */
static nd_dtype float_for(nd_dtype t)
{
    if (info[t].kind == 'f') return t;
    return info[t].size <= 2 ? ND_FLOAT32 : ND_FLOAT64;
}

static nd_dtype promote(nd_dtype a, nd_dtype b)
{
    if (a == b || b == ND_BOOL) return a;
    if (a == ND_BOOL) return b;
    char ka = info[a].kind, kb = info[b].kind;
    if (ka == 'c' || kb == 'c') {
        nd_dtype ra = ka == 'c' ? sized('f', info[a].size / 2u) : a;
        nd_dtype rb = kb == 'c' ? sized('f', info[b].size / 2u) : b;
        return sized('c', 2u * info[promote(ra, rb)].size);
    }
    if (ka == 'f' || kb == 'f') {
        nd_dtype fa = float_for(a), fb = float_for(b);
        return info[fa].size >= info[fb].size ? fa : fb;
    }
    if (ka == kb) return info[a].size >= info[b].size ? a : b;
    nd_dtype s = ka == 'i' ? a : b, u = ka == 'i' ? b : a;
    if (info[s].size > info[u].size) return s;
    return sized('i', 2u * info[u].size);
}

nd_dtype nd_result_type(nd_dtype a, nd_dtype b)
{
    if (!nd_dtype_is_valid((int)a) || !nd_dtype_is_valid((int)b)) {
        nd_set_error(ND_EDTYPE, "nd_result_type: invalid dtype (%d, %d)", (int)a, (int)b);
        return ND_NTYPES;
    }
    if (!nd_dtype_is_numeric((int)a) || !nd_dtype_is_numeric((int)b)) {
        int t = nd__flex_promote(a, b, "nd_result_type");
        return t < 0 ? ND_NTYPES : (nd_dtype)t;
    }
    return promote(a, b);
}

bool nd_can_cast(nd_dtype from, nd_dtype to, nd_casting casting)
{
    if (!nd_dtype_is_valid((int)from) || !nd_dtype_is_valid((int)to)) {
        nd_set_error(ND_EDTYPE, "nd_can_cast: invalid dtype (%d, %d)", (int)from, (int)to);
        return false;
    }
    if ((unsigned)casting > ND_CAST_UNSAFE) {
        nd_set_error(ND_EVALUE, "nd_can_cast: invalid casting %d", (int)casting);
        return false;
    }
    if (!nd_dtype_is_numeric((int)from) || !nd_dtype_is_numeric((int)to))
        return nd__flex_can_cast(from, to, casting);
    switch (casting) {
    case ND_CAST_NO:
    case ND_CAST_EQUIV:  /* differs from "no" only for byte order, which numc fixes */
        return from == to;
    case ND_CAST_DEFAULT:
    case ND_CAST_SAFE:
        return promote(from, to) == to;
    case ND_CAST_SAME_KIND:
        return promote(from, to) == to || kind_rank(from) <= kind_rank(to);
    case ND_CAST_UNSAFE:
        return true;
    }
    nd_set_error(ND_EVALUE, "nd_can_cast: invalid casting %d", (int)casting);
    return false;
}

const char *nd_casting_name(nd_casting c)
{
    switch (c) {
    case ND_CAST_DEFAULT: return "default";
    case ND_CAST_NO: return "no";
    case ND_CAST_EQUIV: return "equiv";
    case ND_CAST_SAFE: return "safe";
    case ND_CAST_SAME_KIND: return "same_kind";
    case ND_CAST_UNSAFE: return "unsafe";
    }
    return "?";
}

/* numpy.find_common_type (1.24, numerictypes.py): _can_coerce_all walks the test types
 * '?bBhHiIlLqQ' + 'fdFD' (numc has no float16 / long double) from `start` and takes the
 * first every type casts to safely. */
static const nd_dtype fct_test[] = { ND_BOOL, ND_INT8, ND_UINT8, ND_INT16, ND_UINT16,
                                     ND_INT32, ND_UINT32, ND_INT64, ND_UINT64, ND_FLOAT32,
                                     ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128 };
#define test fct_test

static int coerce_all(int n, const int *types, int start)
{
    if (n == 1) return types[0];
    for (int t = start; t < (int)(sizeof test / sizeof *test); t++) {
        int k = 0;
        while (k < n && nd_can_cast((nd_dtype)types[k], test[t], ND_CAST_SAFE)) k++;
        if (k == n) return (int)test[t];
    }
    return ND_EDTYPE; /* unreachable: complex128 holds every numc type */
}

int nd_find_common_type(int narray, const int *array_types, int nscalar, const int *scalar_types)
{
    const char *who = "nd_find_common_type";
    if (narray < 0 || nscalar < 0 || (narray && !array_types) || (nscalar && !scalar_types))
        return nd_set_error(ND_EVALUE, "%s: bad type list (%d array types, %d scalar types)",
                            who, narray, nscalar);
    for (int i = 0; i < narray + nscalar; i++) {
        int t = i < narray ? array_types[i] : scalar_types[i - narray];
        if (!nd_dtype_is_valid(t)) return nd_set_error(ND_EDTYPE, "%s: invalid dtype %d", who, t);
    }
    if (!narray && !nscalar)
        return nd_set_error(ND_EVALUE, "%s: no types given (NumPy returns None)", who);
    if (!narray) return coerce_all(nscalar, scalar_types, 0);
    int maxa = coerce_all(narray, array_types, 0);
    if (!nscalar) return maxa;
    int maxsc = coerce_all(nscalar, scalar_types, 0);
    /* a scalar of a higher kind ('b' < 'u' < 'i' < 'f' < 'c') wins: _find_common_coerce */
    static const char kinds[] = "buifc";
    if (strchr(kinds, nd_dtype_kind((nd_dtype)maxsc)) <= strchr(kinds, nd_dtype_kind((nd_dtype)maxa)))
        return maxa;
    if (maxsc != maxa && nd_can_cast((nd_dtype)maxa, (nd_dtype)maxsc, ND_CAST_SAFE)) return maxsc;
    int pair[2] = { maxsc, maxa }, start = 0;
    while (start < (int)(sizeof test / sizeof *test) && (int)test[start] != maxsc) start++;
    return coerce_all(2, pair, start);
}
#undef test
