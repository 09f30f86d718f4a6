#!/usr/bin/env bash
# Only the public API is exported: every dynamic symbol that libnumc and libnumc_plot
# define must be a public name (nd_*, nplot_*, ND_*, NPLOT_*) and none may be an
# internal one (nd__*, nplot__*). Also checks that each declaration marked ND_API /
# NPLOT_API in include/numc/ is really exported (a missing definition or a typo in a
# prototype shows up here, not in a user's link).
set -euo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"

libs=$(find "$NUMC_BUILD_DIR" -maxdepth 2 -name 'libnumc*.so.*.*' -type f | sort)
if [ -z "$libs" ] && [ -f "$NUMC_BUILD_DIR/libnumc.a" ]; then
  echo "no shared libraries in $NUMC_BUILD_DIR (static build): nothing to check"
  echo "1 passed, 0 failed"
  exit 0
fi
[ -n "$libs" ] || { echo "FAIL: no libnumc shared library under $NUMC_BUILD_DIR"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-symbols.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for lib in $libs; do
  nm -D --defined-only "$lib" | awk '{print $NF}' | sed 's/@.*//' | sort -u >"$tmp/syms"
  n=$(wc -l <"$tmp/syms")
  bad=$(grep -vE '^(nd_|nplot_|ND_|NPLOT_)' "$tmp/syms" | grep -vE '^(_init|_fini)$' || true)
  internal=$(grep -E '^(nd__|nplot__)' "$tmp/syms" || true)
  if [ "$n" -lt 50 ] || [ -n "$bad$internal" ]; then
    echo "FAIL: $(basename "$lib") exports $n symbols; not public:"
    printf '  %s\n' $bad $internal | head -40
    fail=$((fail + 1))
  else
    echo "ok: $(basename "$lib") exports $n symbols, all public"
    pass=$((pass + 1))
  fi
  cat "$tmp/syms" >>"$tmp/all"
done

# Names declared with ND_API / NPLOT_API that no library exports. Macro-generated
# prototypes (nd_rng_##name) and option-struct wrappers are skipped: they are not
# plain identifiers in the header text.
grep -hoE '^(ND_API|NPLOT_API) [^(]*\b[a-z_][a-z0-9_]*\(' "$NUMC_SOURCE_DIR"/include/numc/*.h |
  sed -E 's/.*\b([a-z_][a-z0-9_]*)\($/\1/' | sort -u >"$tmp/declared"
sort -u "$tmp/all" >"$tmp/all.sorted"
missing=$(comm -23 "$tmp/declared" "$tmp/all.sorted")
if [ -n "$missing" ]; then
  echo "FAIL: declared in include/numc but not exported:"
  printf '  %s\n' $missing | head -40
  fail=$((fail + 1))
else
  echo "ok: all $(wc -l <"$tmp/declared") ND_API/NPLOT_API declarations are exported"
  pass=$((pass + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
