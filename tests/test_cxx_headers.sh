#!/usr/bin/env bash
# The public headers compile as C++ (issue "The first hour of a C programmer"): a C++17
# program including <numc/numc.h> and <numc/plot.h> builds with -Wall -Wextra -Werror
# under g++ and clang++ (each one installed; none installed: skip), links against
# libnumc by the C names the extern "C" guards give, and runs.
set -uo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"
lib=$(find "$NUMC_BUILD_DIR" -maxdepth 1 \( -name 'libnumc.so' -o -name 'libnumc.a' \) | head -1)
[ -n "$lib" ] || { echo "FAIL: no libnumc in $NUMC_BUILD_DIR"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-cxx.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 tried=0
# A sanitizer build's libnumc needs the program built with the same runtime: then only
# the C++ compiler of the library's compiler family is tried, with the same flags.
cxxs="g++ clang++" san=${NUMC_SANITIZE_FLAGS:-}
if [ -n "$san" ]; then
  case "$(basename "${NUMC_C_COMPILER:-gcc}")" in clang*) cxxs=clang++ ;; *) cxxs=g++ ;; esac
fi
for cxx in $cxxs; do
  command -v "$cxx" >/dev/null || continue
  tried=$((tried + 1))
  if "$cxx" -std=c++17 -Wall -Wextra -Werror $san -I"$NUMC_SOURCE_DIR/include" \
       "$NUMC_SOURCE_DIR/tests/cxx/headers.cpp" "$lib" -lm -lpthread -o "$tmp/headers" \
       >"$tmp/log" 2>&1 && LD_LIBRARY_PATH="$NUMC_BUILD_DIR" "$tmp/headers" >>"$tmp/log" 2>&1; then
    echo "ok: $cxx: $(tail -1 "$tmp/log")"
    pass=$((pass + 1))
  else
    cat "$tmp/log"
    echo "FAIL: the public headers as C++ with $cxx"
    fail=$((fail + 1))
  fi
done
if [ "$tried" -eq 0 ]; then echo "no C++ compiler (g++ or clang++): skipped"; exit 77; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
