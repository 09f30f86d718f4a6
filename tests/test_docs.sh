#!/usr/bin/env bash
# Docs that compile: every ```c block of README.md and docs/*.md is compiled against this
# build tree and run, and its output is compared with the page where the page shows it
# (scripts/doc_blocks.py says how blocks are classified). Then the runner itself is checked
# on a page with a wrong output, a leak and a block that does not compile: it must fail.
set -euo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"
py=$(command -v python3)
"$py" "$NUMC_SOURCE_DIR/scripts/doc_blocks.py" --source "$NUMC_SOURCE_DIR" --build "$NUMC_BUILD_DIR"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-docs-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { # name, page text: the runner must reject the page
  printf '%s\n' "$2" >"$tmp/$1.md"
  if "$py" "$NUMC_SOURCE_DIR/scripts/doc_blocks.py" --source "$tmp" --build "$NUMC_BUILD_DIR" \
       "$tmp/$1.md" >"$tmp/$1.log" 2>&1; then
    cat "$tmp/$1.log"; echo "FAIL: the runner accepted $1"; exit 1
  fi
  echo "ok: the runner rejects $1"
}
bad wrong_output '```c
printf("%d\n", 1 + 1);
```
```text
3
```'
bad no_compile '```c
nd_array *a = nd_no_such_function(3);
```'
bad wrong_prototype '<!-- doc: declarations -->
```c
int nd_ndim(const nd_array *a, int extra);
```'
if [ -n "${NUMC_SANITIZE_FLAGS:-}" ]; then
  bad leak '```c
nd_array *a = nd_zeros(ND_SHAPE(3), ND_FLOAT64);
printf("%td\n", nd_size(a));
```'
fi
