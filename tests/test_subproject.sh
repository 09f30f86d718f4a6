#!/usr/bin/env bash
# numc as a CMake subproject: the parent project tests/subproject takes numc by
# add_subdirectory, by FetchContent from a source directory and by FetchContent from a
# file:// tarball; each build must configure without numc's tests/examples/bench, build
# (each time the parent's numc::numc target must exist); the subdir build also builds the
# parent's program and runs it (without LD_LIBRARY_PATH).
# The mechanism does not depend on the compiler or the sanitizers, so the test runs in the
# plain gcc build only (exit 77 = skipped elsewhere) and builds only the parent's target.
set -euo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"
CC=${NUMC_C_COMPILER:-cc}
if [ -n "${NUMC_SANITIZE_FLAGS:-}" ] || ! "$CC" --version 2>/dev/null | grep -qi 'gcc\|free software'; then
  echo "skipped: runs in the plain gcc build"
  exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-subproject.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A copy of the source tree as a release tarball would have it (no build or output dirs).
tar -C "$NUMC_SOURCE_DIR" --exclude=./.git --exclude='./build*' --exclude=./out \
  -czf "$tmp/numc.tar.gz" .
mkdir "$tmp/numc" && tar -C "$tmp/numc" -xzf "$tmp/numc.tar.gz"

version=$(sed -n 's/^project(numc VERSION \([0-9.]*\).*/\1/p' "$NUMC_SOURCE_DIR/CMakeLists.txt")
expected="numc $version size=10 float64"
launcher=
command -v ccache >/dev/null 2>&1 && launcher=-DCMAKE_C_COMPILER_LAUNCHER=ccache
export CCACHE_BASEDIR=$tmp

for mode in subdir fetch_dir fetch_url; do
  b=$tmp/build-$mode
  # shellcheck disable=SC2086
  if ! cmake -S "$NUMC_SOURCE_DIR/tests/subproject" -B "$b" -Wno-dev -DNUMC_MODE=$mode \
      -DNUMC_DIR="$tmp/numc" -DNUMC_TARBALL="$tmp/numc.tar.gz" -DCMAKE_C_COMPILER="$CC" \
      -DCMAKE_BUILD_TYPE=Release $launcher >"$b.configure.log" 2>&1; then
    cat "$b.configure.log"; echo "FAIL ($mode): configure"; exit 1
  fi
  # The three modes differ only in how CMake finds the source; building the library
  # once (subdir) proves the targets link and run, and keeps CI's time down.
  if [ "$mode" = subdir ]; then
    cmake --build "$b" --target app -j2 >"$b.build.log" 2>&1 \
      || { tail -40 "$b.build.log"; echo "FAIL ($mode): build"; exit 1; }
    got=$(env -u LD_LIBRARY_PATH "$b/app")
    [ "$got" = "$expected" ] || { echo "FAIL ($mode): got '$got', expected '$expected'"; exit 1; }
  else
    got="configured, numc::numc defined"
  fi
  # numc's test suites were not configured: the parent's tree has no numc CTest file
  # listing them.
  if grep -rqs 'test_ufunc' "$b" --include=CTestTestfile.cmake; then
    echo "FAIL ($mode): numc registered its tests in the parent's build"; exit 1
  fi
  echo "ok ($mode): $got"
done
