"""Shared by scripts/gen_null_sweep.py and scripts/gen_flex_sweep.py: the public
declarations of a numc header after the preprocessor, and their parameters split and typed."""
import os, re, subprocess, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DECL = re.compile(r"__attribute__\(\(visibility\(\"default\"\)\)\)\s+([^;{}]*?)\b(\w+)\s*\(([^;{}]*?)\)\s*(?:__attribute__\(\(format\([^)]*\)\)\))?\s*;", re.S)

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
