#!/usr/bin/env python3
"""Generate tests/null_sweep_table.h: one call per public libnumc function that takes an
nd_array pointer (or an nd_operand, or a masked array), for tests/test_null_sweep.c (issue 15). Run it again
after adding public functions (tests/test_null_sweep.c also checks that the headers have no
more array-taking functions than the table):  python3 scripts/gen_null_sweep.py
Two calls per function: (a) every array NULL and every other argument zero; (b) every array
NULL, lists of arrays {NULL, x, x, ...}, out-pointers to slots and counts of 2.
Masked arrays (nd_marray) are NULL in both calls.
  --defined LIB  keep only the functions the shared library LIB defines (for a branch
                 whose header declares functions another branch implements)."""
import os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADERS = ["array", "manip", "sort", "stats", "io", "linalg", "fft", "random", "ufunc", "testing", "poly",
           "ma", "strings", "datetime"]
DECL = re.compile(r"__attribute__\(\(visibility\(\"default\"\)\)\)\s+([^;{}]*?)\b(\w+)\s*\(([^;{}]*?)\)\s*(?:__attribute__\(\(format\([^)]*\)\)\))?\s*;", re.S)

# Functions whose contract passes NULL through without an error (nd_free's rule): the
# child must not crash and must return NULL.
PASS_THROUGH = {"nd_keep", "nd_ma_mask_or"}
# Functions whose array arguments are all optional (NULL means "none"): the child must not
# crash; any result is allowed (nd_busdaycalendar(NULL, NULL) is NumPy's default calendar).
OPTIONAL_ARRAYS = {"nd_busdaycalendar"}

def split_params(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip()); cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out

def param_type(p):
    p = re.sub(r"\s+", " ", p)
    if "(" in p:
        return None, p  # function pointer written inline
    m = re.match(r"(.*?)(\w+)\s*((?:\[[^\]]*\])*)$", p)
    if not m or m.group(1).strip() == "" or m.group(1).strip() in ("const", "unsigned", "struct"):
        return p, ""  # unnamed
    t, name, arr = m.group(1).strip(), m.group(2), m.group(3)
    if arr:
        t += " *"
    return t, name

def arg(t, name, variant):
    if t is None:
        return "NULL"
    stripped = t.replace("const", "").replace(" ", "")
    if "*" not in t:
        if variant == "b" and stripped in ("int", "ptrdiff_t", "size_t") and name in ("n", "count", "narrays", "nout", "k"):
            return "2"
        return "(%s){0}" % t
    base = stripped.rstrip("*")
    stars = stripped.count("*")
    if re.search(r"_opts$|_style$", base) and stars == 1:
        return "&(%s){0}" % t.replace("*", "").replace("const", "").strip()
    if base == "FILE":
        return "NULL"
    if variant == "a":
        return "NULL"
    if base in ("nd_array", "nd_marray") and stars == 1:
        return "NULL"
    if base == "nd_array" and stars == 2:
        # out-slots (nd_array **) or an input list (const nd_array *const *)
        return "(%s)(void *)(%s)" % (t, "slots" if "const" not in t else "list")
    if base == "nd_rng":
        return "rng"
    if base == "nd_operand":
        return "(%s)(void *)ops" % t
    if base == "char":
        return '""' if "const" in t else "(char *)(void *)zbuf"
    return "(%s)(void *)zbuf" % t

def preprocess(h):
    """The header's own declarations after the preprocessor (macros that declare families
    of functions expand); ND_API is the gcc visibility attribute."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "t.c")
        with open(src, "w") as f:
            f.write("#include <numc/%s.h>\n" % h)
        cc = os.environ.get("CC", "cc")
        out = subprocess.run([cc, "-E", "-I", os.path.join(ROOT, "include"), src],
                             check=True, capture_output=True, text=True).stdout
    keep, own = [], False
    for line in out.splitlines():
        m = re.match(r'# \d+ "([^"]*)"', line)
        if m:
            own = m.group(1).endswith("numc/%s.h" % h)
            continue
        if own:
            keep.append(line)
    return "\n".join(keep)

def defined_in(lib):
    """The function names the shared library exports."""
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True,
                         text=True).stdout
    return {line.split()[-1] for line in out.splitlines() if line.strip()}

def main():
    keep = None
    if len(sys.argv) == 3 and sys.argv[1] == "--defined":
        keep = defined_in(sys.argv[2])
    rows = []
    for h in HEADERS:
        text = preprocess(h)
        for ret, fn, params in DECL.findall(text):
            ps = [] if params.strip() in ("", "void") else split_params(params)
            if not any("nd_array" in p or "nd_operand" in p or "nd_marray" in p or "nd_ma_operand" in p
                       for p in ps):
                continue
            if keep is not None and fn not in keep:
                continue
            if ps and ps[-1] == "...":
                ps = ps[:-1]
            typed = [param_type(p) for p in ps]
            ret = re.sub(r"\s+", " ", ret.strip())
            kind = "V" if ret == "void" else ("P" if "*" in ret else "S")
            if fn in PASS_THROUGH:
                kind = "N"
            if fn in OPTIONAL_ARRAYS:
                kind = "O"
            for variant in ("a", "b"):
                call = "%s(%s)" % (fn, ", ".join(arg(t, n, variant) for t, n in typed))
                rows.append((h, fn, variant, kind, call))
    out = ["/* Generated by scripts/gen_null_sweep.py from the public headers: do not edit. */",
           "#define NULL_SWEEP_NFUNCS %d" % (len(rows) // 2), ""]
    for h, fn, variant, kind, call in rows:
        if kind == "V":
            body = "%s; return 0;" % call
        elif kind == "P":
            body = "return (intptr_t)(%s);" % call
        else:  # the value is not checked (a NaN would not even convert to intptr_t)
            body = "(void)(%s); return 0;" % call
        out.append("SWEEP(%s, %s, %s, %s, { %s })" % (h, fn, variant, kind, body))
    open(os.path.join(ROOT, "tests", "null_sweep_table.h"), "w").write("\n".join(out) + "\n")
    print("%d functions" % (len(rows) // 2))

main()
