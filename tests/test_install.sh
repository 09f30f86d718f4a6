#!/usr/bin/env bash
# Install numc into a temporary prefix, then build tests/install/hello.c against the
# installed tree twice -- with pkg-config and with a CMake find_package project -- and
# check that both programs run and print the same expected line; then build the
# README's example the same way and check it prints what its comment promises.
set -euo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"
CC=${NUMC_C_COMPILER:-cc}
# An ASan build's library needs the sanitizer runtime in every program that loads it.
SAN=${NUMC_SANITIZE_FLAGS:-}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

cmake --install "$NUMC_BUILD_DIR" --prefix "$prefix" >"$tmp/install.log" \
  || { cat "$tmp/install.log"; exit 1; }
for f in include/numc/numc.h include/numc/array.h; do
  [ -f "$prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
pcdir=$(dirname "$(find "$prefix" -name numc.pc -print -quit)")
cfgdir=$(dirname "$(find "$prefix" -name numcConfig.cmake -print -quit)")
[ -f "$pcdir/numc.pc" ] || { echo "FAIL: numc.pc not installed"; exit 1; }
[ -f "$cfgdir/numcConfigVersion.cmake" ] || { echo "FAIL: numcConfigVersion.cmake"; exit 1; }
libdir=$(PKG_CONFIG_PATH=$pcdir pkg-config --variable=libdir numc)
ls "$libdir"/libnumc.* >/dev/null || { echo "FAIL: libnumc not in $libdir"; exit 1; }

for pc in "$pcdir"/*.pc; do
  grep -q '^Libs:.*-Wl,-rpath,${libdir}' "$pc" \
    || { echo "FAIL: $pc has no rpath for the non-system prefix $prefix"; exit 1; }
done
# A system prefix gets no rpath: the loader searches /usr/local/lib already.
DESTDIR=$tmp/dest cmake --install "$NUMC_BUILD_DIR" --prefix /usr/local >"$tmp/install2.log" \
  || { cat "$tmp/install2.log"; exit 1; }
syspc=$(find "$tmp/dest" -name numc.pc -print -quit)
[ -n "$syspc" ] || { echo "FAIL: numc.pc not installed under DESTDIR"; exit 1; }
if grep -q 'rpath' "$syspc"; then echo "FAIL: rpath in $syspc for /usr/local"; exit 1; fi
echo "ok (.pc rpath only for non-system prefixes)"

version=$(PKG_CONFIG_PATH=$pcdir pkg-config --modversion numc)
expected="numc $version size=12 ndim=2 float64"

# Every program runs WITHOUT LD_LIBRARY_PATH: the .pc files carry an rpath for this
# non-system prefix, and CMake's imported targets give one too.
check() { # name, program
  local out
  out=$(env -u LD_LIBRARY_PATH "$2")
  if [ "$out" != "$expected" ]; then
    echo "FAIL ($1): got '$out', expected '$expected'"
    exit 1
  fi
  echo "ok ($1): $out"
}

# pkg-config --static when only the archive was built.
static=
[ -e "$libdir/libnumc.so" ] || static=--static

build_and_check() { # module (numc or numc-plot), cmake WITH_PLOT value
  # 1. pkg-config
  # shellcheck disable=SC2046,SC2086
  "$CC" -std=c11 -Wall -Wextra -Werror $SAN "$NUMC_SOURCE_DIR/tests/install/hello.c" \
    $(PKG_CONFIG_PATH=$pcdir pkg-config $static --cflags --libs "$1") -o "$tmp/hello_pc_$1"
  check "pkg-config $1" "$tmp/hello_pc_$1"

  # 2. CMake find_package(numc)
  local proj=$tmp/proj_$1
  cmake -S "$NUMC_SOURCE_DIR/tests/install" -B "$proj" -DCMAKE_PREFIX_PATH="$prefix" \
    -DWITH_PLOT="$2" -DCMAKE_C_COMPILER="$CC" -DCMAKE_C_FLAGS="$SAN" \
    -DCMAKE_BUILD_TYPE=Debug >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; exit 1; }
  cmake --build "$proj" >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; exit 1; }
  check "find_package $1" "$proj/hello"
}

build_and_check numc OFF

# The README's example, built the way the README says, prints what its comment says.
awk '/^```c$/ { on = 1; next } /^```$/ { if (on) exit } on' "$NUMC_SOURCE_DIR/README.md" \
  >"$tmp/taste.c"
want=$(sed -n 's|.*printf("%s\\n", s); *.\* \(.*\) \*/$|\1|p' "$tmp/taste.c")
[ -n "$want" ] || { echo "FAIL: README example or its expected-output comment not found"; exit 1; }
# shellcheck disable=SC2046,SC2086
"$CC" -std=c11 -Wall -Wextra -Wpedantic -Werror $SAN "$tmp/taste.c" \
  $(PKG_CONFIG_PATH=$pcdir pkg-config $static --cflags --libs numc) -o "$tmp/taste"
got=$(env -u LD_LIBRARY_PATH "$tmp/taste")
[ "$got" = "$want" ] || { echo "FAIL (README): got '$got', expected '$want'"; exit 1; }
echo "ok (README example): $got"

# numc::plot and numc-plot.pc come with libnumc_plot.
if [ -f "$NUMC_SOURCE_DIR/plot/CMakeLists.txt" ]; then
  build_and_check numc-plot ON
fi
