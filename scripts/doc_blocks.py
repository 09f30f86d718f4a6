#!/usr/bin/env python3
"""Compile and run every ```c block of the manual (README.md and docs/*.md).

    scripts/doc_blocks.py --source SRC --build BUILD [--cc CC] [--list] [FILE.md ...]

What a block is, by the line just above its fence (an HTML comment, invisible on the page):
  - a block with `int main(` is a program: compiled as it stands and run;
  - `<!-- doc: declarations -->`: prototypes and types shown for reference; compiled at
    file scope after the public headers, so a prototype that no longer matches the header
    fails (not run);
  - `<!-- doc: skip REASON -->`: not C that can compile on its own (a template with `...`
    for the reader to fill in), or a program another runner checks (docs/mpi.md's MPI
    programs: tests/test_mpi_docs.sh); the reason is required;
  - anything else is a fragment: wrapped in `int main(void) { ... return 0; }` after the
    public headers and <stdio.h>, <stdlib.h>, <string.h>, <math.h>, then run.
Programs and fragments run in a fresh temporary directory, so files they write vanish. When
the block is followed (after blank lines only) by a ```text block, that block is the
expected standard output and must match exactly (trailing spaces aside). A non-zero exit
fails the block; under a sanitizer build (NUMC_SANITIZE_FLAGS) a leak does too.

Exit status: 0 when every block passes, 1 otherwise (each failure is printed).
"""
import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

MARK = re.compile(r"^<!--\s*doc:\s*(declarations|skip|fragment)\b\s*(.*?)\s*-->\s*$")
PRELUDE = """#include <numc/numc.h>
{plot}#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
"""


def blocks(path):
    """Yield (line, kind, code, expected_output or None) for each ```c block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() != "```c":
            i += 1
            continue
        start = i + 1
        j = start
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        if j == len(lines):
            raise SystemExit(f"{path}:{start}: ```c block is not closed")
        code = "\n".join(lines[start:j]) + "\n"
        mark = MARK.match(lines[i - 1].strip()) if i > 0 else None
        if mark and mark.group(1) == "skip":  # a reason given: skipped, programs too
            kind, reason = "skip", mark.group(2)
        elif "int main(" in code:
            kind, reason = "program", ""
        elif mark:
            kind, reason = mark.group(1), mark.group(2)
        else:
            kind, reason = "fragment", ""
        if kind == "skip" and not reason:
            raise SystemExit(f"{path}:{start}: '<!-- doc: skip -->' needs a reason")
        expected = None
        k = j + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and lines[k].strip() == "```text":
            m = k + 1
            while m < len(lines) and lines[m].strip() != "```":
                m += 1
            expected = "\n".join(lines[k + 1:m])
        yield start, kind, code, expected
        i = j + 1


def find_lib(build, name):
    hits = sorted(glob.glob(os.path.join(build, "**", f"lib{name}.so"), recursive=True))
    hits += sorted(glob.glob(os.path.join(build, "**", f"lib{name}.a"), recursive=True))
    return os.path.abspath(hits[0]) if hits else None


def norm(text):
    return "\n".join(line.rstrip() for line in text.strip("\n").split("\n"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", required=True)
    ap.add_argument("--cc", default=os.environ.get("NUMC_C_COMPILER", "cc"))
    ap.add_argument("--list", action="store_true", help="print the blocks and their kind only")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or [os.path.join(a.source, "README.md")] + sorted(
        glob.glob(os.path.join(a.source, "docs", "*.md")))

    numc = find_lib(a.build, "numc")
    plot = find_lib(a.build, "numc_plot")
    if not numc and not a.list:
        raise SystemExit(f"doc_blocks: libnumc not found under {a.build}")
    san = shlex.split(os.environ.get("NUMC_SANITIZE_FLAGS", ""))
    cflags = ["-std=c11", "-Wall", "-Wextra", "-Werror", "-Wno-unused-variable",
              "-Wno-unused-but-set-variable", "-g", "-I", os.path.join(a.source, "include")] + san
    libs = []
    for lib in (plot, numc):
        if lib:
            libs += [lib, "-Wl,-rpath," + os.path.dirname(lib)]
    libs += ["-lm"]
    prelude = PRELUDE.format(plot="#include <numc/plot.h>\n" if plot else "")

    failed = counted = 0
    with tempfile.TemporaryDirectory(prefix="numc-docs.") as tmp:
        for path in files:
            rel = os.path.relpath(path, a.source)
            for line, kind, code, expected in blocks(path):
                where = f"{rel}:{line}"
                if a.list:
                    print(f"{where}: {kind}{' (output checked)' if expected is not None else ''}")
                    continue
                if kind == "skip":
                    print(f"skip {where}")
                    continue
                if "plot.h" in code and not plot:
                    print(f"skip {where}: libnumc_plot is not built")
                    continue
                counted += 1
                if kind == "program":
                    src = code
                elif kind == "declarations":
                    src = prelude + "\n#line %d \"%s\"\n" % (line, rel) + code
                else:
                    src = (prelude + "int main(void)\n{\n#line %d \"%s\"\n" % (line, rel)
                           + code + "    return 0;\n}\n")
                c = os.path.join(tmp, f"block{counted}.c")
                with open(c, "w", encoding="utf-8") as f:
                    f.write(src)
                exe = c[:-2]
                if kind == "declarations":
                    cmd = [a.cc] + cflags + ["-c", c, "-o", exe + ".o"]
                else:
                    cmd = [a.cc] + cflags + [c, "-o", exe] + libs
                r = subprocess.run(cmd, capture_output=True, text=True)
                if r.returncode != 0:
                    print(f"FAIL {where}: does not compile ({kind})\n{r.stderr}")
                    failed += 1
                    continue
                if kind == "declarations":
                    print(f"ok   {where} ({kind})")
                    continue
                run_dir = os.path.join(tmp, f"run{counted}")
                os.mkdir(run_dir)
                try:
                    r = subprocess.run([exe], cwd=run_dir, capture_output=True, text=True,
                                       timeout=120, stdin=subprocess.DEVNULL)
                except subprocess.TimeoutExpired:
                    print(f"FAIL {where}: timed out")
                    failed += 1
                    continue
                if r.returncode != 0:
                    print(f"FAIL {where}: exit status {r.returncode}\n{r.stdout}{r.stderr}")
                    failed += 1
                    continue
                if expected is not None and norm(r.stdout) != norm(expected):
                    print(f"FAIL {where}: output differs from the page\n--- page\n{expected}\n"
                          f"--- program\n{r.stdout}")
                    failed += 1
                    continue
                checked = " output matches" if expected is not None else ""
                print(f"ok   {where} ({kind}{checked})")
    if not a.list:
        print(f"doc_blocks: {counted - failed} of {counted} blocks pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
