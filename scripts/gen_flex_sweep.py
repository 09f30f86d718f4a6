#!/usr/bin/env python3
"""Generate tests/flex_sweep_table.h: one call per public function that takes an nd_array
(or an nd_operand, a masked array, a list of arrays) in the headers below and plot.h, for
tests/test_flex_sweep.c. Run it again after adding public functions:
    python3 scripts/gen_flex_sweep.py
Modelled on scripts/gen_null_sweep.py, but every array argument is a small valid array:
the first one is A0 (list element 0, operand 0) and the others A1, so the test runs the
table once with A0 = A1 = an array of a flexible dtype (datetime64[D], timedelta64[s],
|S3, <U3) and once with A0 float64 and A1 flexible (the rows with 2+ array arguments).
Every other argument is as in the null sweep's call (b): zeros, counts of 2, pointers to a
zeroed buffer, out-slots for nd_array ** results."""
import os, re

from sweep_common import ROOT, DECL, split_params, param_type, preprocess

HEADERS = ["array", "manip", "sort", "stats", "io", "linalg", "fft", "random", "ufunc", "testing", "poly",
           "ma", "plot", "strings", "datetime"]

# Functions left out: they take no array data (free/keep of the handle itself is exercised
# by the harness), or they block / write files the sweep must not leave behind.
SKIP = {"nd_free", "nd_ma_free"}
PASS_THROUGH = {"nd_keep"}
# A NULL result that is not an error by contract: nd_ptr sets no error, nd_ma_mask and
# nd_ma_getmask return NULL for nomask. Only "no crash" is checked.
# Path parameters get a file in the test's temporary directory.
PATHS = {"path", "fname", "filename", "file"}
NULL_OK = {"nd_ptr", "nd_ma_mask", "nd_ma_getmask"}

def is_array_param(t):
    if t is None:
        return False
    s = t.replace("const", "").replace(" ", "")
    return s in ("nd_array*", "nd_marray*", "nd_operand", "nd_operand*", "nd_ma_operand",
                 "nd_ma_operand*", "nd_array**") and not (s == "nd_array**" and "const" not in t)

def arg(t, name, idx):
    """idx: the position of this argument among the array arguments (None for others)."""
    if t is None:
        return "NULL"
    stripped = t.replace("const", "").replace(" ", "")
    k = "0" if idx == 0 else "1"
    if "*" not in t:
        if stripped == "nd_operand":
            return "op" + k
        if stripped == "nd_ma_operand":
            return "mop" + k
        if stripped in ("int", "ptrdiff_t", "size_t") and name in ("n", "count", "narrays", "nout", "k"):
            return "2"
        return "(%s){0}" % t
    base = stripped.rstrip("*")
    stars = stripped.count("*")
    if re.search(r"_opts$|_style$", base) and stars == 1:
        return "&(%s){0}" % t.replace("*", "").replace("const", "").strip()
    if base == "FILE":
        return "NULL"
    if base == "nd_array" and stars == 1:
        return "(%s)A%s" % (t, k)
    if base == "nd_marray" and stars == 1:
        return "(%s)M%s" % (t, k)
    if base == "nd_array" and stars == 2:
        return "(%s)(void *)(%s)" % (t, "slots" if "const" not in t else "list")
    if base == "nd_rng":
        return "rng"
    if base == "nd_operand":
        return "(%s)(void *)ops" % t
    if base == "nd_ma_operand":
        return "(%s)(void *)mops" % t
    if base == "nplot_axes" and stars == 1:
        return "ax"
    if base == "nplot_figure" and stars == 1:
        return "fig"
    if base == "nplot_triangulation" and stars == 1:
        return "(%s)tri" % t
    if base.startswith("nplot_") and stars == 1:
        return "NULL"
    if base == "char" and stars == 1:
        return '""' if "const" in t else "(char *)(void *)zbuf"
    return "(%s)(void *)zbuf" % t

def opts_fields(text, fields):
    """The nd_array * (and nd_marray *) members of every options struct in text."""
    for m in re.finditer(r"typedef\s+struct\s+(\w+)\s*\{", text):
        i, depth = m.end(), 1
        start = i
        while depth and i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        body = text[start:i - 1]
        body = re.sub(r"\{[^{}]*\}", "", body)  # nested unions / structs
        found = []
        for decl in body.split(";"):
            d = re.sub(r"\s+", " ", decl).strip()
            mm = re.match(r"(const )?(nd_array|nd_marray) (.*)$", d)
            if not mm:
                continue
            for part in mm.group(3).split(","):
                pm = re.match(r"^\*\s*(\w+)$", part.strip())
                if pm:
                    found.append((mm.group(2), pm.group(1)))
                pm = re.match(r"^\*\s*const\s*\*\s*(\w+)$", part.strip())
                if pm and mm.group(1) and mm.group(2) == "nd_array":
                    found.append(("list", pm.group(1)))
        fields[m.group(1)] = found

def main():
    rows = []
    fields = {}
    for h in HEADERS:
        opts_fields(preprocess(h), fields)
    for h in HEADERS:
        text = preprocess(h)
        for ret, fn, params in DECL.findall(text):
            ps = [] if params.strip() in ("", "void") else split_params(params)
            if ps and ps[-1] == "...":
                ps = ps[:-1]
            typed = [param_type(p) for p in ps]
            if fn in SKIP or not (any(is_array_param(t) for t, _ in typed) or any(
                    t and t.count("*") == 1 and re.search(r"_opts\s*(const\s*)?\*$", t)
                    and fields.get(t.replace("const", "").replace("*", "").strip())
                    for t, _ in typed)):
                continue
            ret = re.sub(r"\s+", " ", ret.strip())
            if fn in PASS_THROUGH:
                kind = "N"
            elif ret == "void" or fn in NULL_OK:
                kind = "V"
            elif "*" in ret:
                kind = "P"
            elif ret == "nd_status":
                kind = "T"  # a status: negative must come with an error
            else:
                kind = "S"
            args, idx = [], 0
            for t, n in typed:
                if is_array_param(t):
                    args.append(arg(t, n, idx)); idx += 1
                elif t and t.replace(" ", "") == "constchar*" and n in PATHS:
                    args.append("tpath")
                else:
                    args.append(arg(t, n, None))
            lists = any(t and "nd_array*const*" in t.replace(" ", "") for t, _ in typed) \
                or any(t and t.replace("const", "").replace(" ", "") in ("nd_operand*", "nd_ma_operand*") for t, _ in typed)
            many = 1 if idx >= 2 or lists else 0
            if idx or lists:
                rows.append((h, fn, "", kind, many, "%s(%s)" % (fn, ", ".join(args))))
            # one more call per array member of an options argument, that member the
            # flexible array (A1), the others zero
            for k, (t, n) in enumerate(typed):
                base = (t or "").replace("const", "").replace("*", "").strip()
                if not (t and t.count("*") == 1 and base in fields and re.search(r"_opts$", base)):
                    continue
                for ftype, fname in fields[base]:
                    var = list(args)
                    if ftype == "list":
                        var[k] = "&(%s){ .%s = list }" % (base, fname)
                    else:
                        var[k] = "&(%s){ .%s = (%s *)%s }" % (base, fname, ftype, "A1" if ftype == "nd_array" else "M1")
                    rows.append((h, fn, fname, kind, 1 if idx >= 1 or lists else 0,
                                 "%s(%s)" % (fn, ", ".join(var))))
    out = ["/* Generated by scripts/gen_flex_sweep.py from the public headers: do not edit. */",
           "#define FLEX_SWEEP_NCALLS %d" % len(rows), ""]
    for h, fn, field, kind, many, call in rows:
        if kind == "V":
            body = "%s; return 0;" % (call if ret == "void" else "(void)(%s)" % call)
        elif kind in ("P", "N"):
            body = "return (intptr_t)(%s);" % call
        elif kind == "T":
            body = "return (intptr_t)(%s);" % call
        else:
            body = "(void)(%s); return 0;" % call
        out.append("SWEEP(%s, %s, %s, %s, %d, { %s })" % (h, fn, field or "_", kind, many, body))
    open(os.path.join(ROOT, "tests", "flex_sweep_table.h"), "w").write("\n".join(out) + "\n")
    print("%d calls of %d functions" % (len(rows), len({r[1] for r in rows})))

main()
