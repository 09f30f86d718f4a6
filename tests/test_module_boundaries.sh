#!/usr/bin/env bash
# The dependency rule of docs/architecture.md, checked on the sources: a module folder
# (core/array, core/ufunc, core/sort, core/stats, core/testing, core/poly, core/io, linalg, fft, random, plot,
# plot/nplot, mpi) includes only public headers (<numc/...>), headers of core/array/
# (libnumc's modules only), and its own headers. The build enforces the same rule with
# per-folder include paths; this test names the offending line, and also catches
# relative escapes ("../x.h") that an include path cannot stop. Then it proves the build
# really refuses: a stats source that includes ufunc's private header must not compile
# with the stats folder's include path.
set -euo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}"
cd "$NUMC_SOURCE_DIR"
CC=${NUMC_C_COMPILER:-cc}
pass=0 fail=0

check_folder() { # folder allowed-dir...
  local dir=$1; shift
  local bad=0
  for f in "$dir"/*.c "$dir"/*.h; do
    [ -e "$f" ] || continue
    while IFS= read -r line; do
      inc=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]+)".*/\1/' <<<"$line")
      case $inc in
        */*) echo "FAIL: $f: '#include \"$inc\"' reaches outside its folder"; bad=1; continue ;;
      esac
      found=0
      for d in "$dir" "$@"; do [ -f "$d/$inc" ] && found=1; done
      if [ $found = 0 ]; then
        echo "FAIL: $f: '#include \"$inc\"' is not in $dir or ${*:-(nothing else)}"
        bad=1
      fi
    done < <(grep -E '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" || true)
  done
  if [ $bad = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}

for m in core/array core/ufunc core/sort core/stats core/testing core/poly core/io linalg fft random; do
  check_folder "$m" core/array
done
# Extension libraries see include/ and themselves only.
for m in plot plot/nplot; do
  [ -d "$m" ] && check_folder "$m"
done
# libnumc_mpi (mpi/) sees include/, core/array/ (macros and inline helpers) and itself.
[ -d mpi ] && check_folder mpi core/array
# Subfolders of plot/ (if the plot library is split by role) follow the plot rule.
for m in plot/*/; do
  m=${m%/}
  [ "$m" = plot/nplot ] && continue
  [ -d "$m" ] && ls "$m"/*.c >/dev/null 2>&1 && check_folder "$m" plot plot/*/
done

# The compiler refuses a reach into another module's private header.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-bounds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf '#include "ufunc_internal.h"\nint x;\n' >"$tmp/reach.c"
if "$CC" -std=c11 -fsyntax-only -Iinclude -Icore/array -Icore/stats "$tmp/reach.c" 2>/dev/null; then
  echo "FAIL: core/stats's include path reaches core/ufunc's private header"
  fail=$((fail + 1))
else
  pass=$((pass + 1))
fi
printf '#include "internal.h"\nint x;\n' >"$tmp/reach2.c"
if "$CC" -std=c11 -fsyntax-only -Iinclude -Iplot "$tmp/reach2.c" 2>/dev/null; then
  echo "FAIL: plot's include path reaches core's private header"
  fail=$((fail + 1))
else
  pass=$((pass + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
