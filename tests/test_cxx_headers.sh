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
# report STATUS LABEL WHAT: count one build-and-run whose output is in $tmp/log.
report() {
  if [ "$1" -eq 0 ]; then
    echo "ok: $2: $(tail -1 "$tmp/log")"
    pass=$((pass + 1))
  else
    cat "$tmp/log"
    echo "FAIL: $3"
    fail=$((fail + 1))
  fi
}
# A sanitizer build's libnumc needs the program built with the same runtime: then only
# the C++ compiler of the library's compiler family is tried, with the same flags.
cxxs="g++ clang++" san=${NUMC_SANITIZE_FLAGS:-}
if [ -n "$san" ]; then
  case "$(basename "${NUMC_C_COMPILER:-gcc}")" in clang*) cxxs=clang++ ;; *) cxxs=g++ ;; esac
fi
for cxx in $cxxs; do
  command -v "$cxx" >/dev/null || continue
  tried=$((tried + 1))
  "$cxx" -std=c++17 -Wall -Wextra -Werror $san -I"$NUMC_SOURCE_DIR/include" \
    "$NUMC_SOURCE_DIR/tests/cxx/headers.cpp" "$lib" -lm -lpthread -o "$tmp/headers" \
    >"$tmp/log" 2>&1 && LD_LIBRARY_PATH="$NUMC_BUILD_DIR" "$tmp/headers" >>"$tmp/log" 2>&1
  report $? "$cxx" "the public headers as C++ with $cxx"
done
# <numc/mpi.h> the same way, when libnumc_mpi is built: compiled with MPI's flags (from
# mpicc) and run under mpirun with 2 ranks.
mpilib=$(find "$NUMC_BUILD_DIR" -maxdepth 2 \( -name 'libnumc_mpi.so' -o -name 'libnumc_mpi.a' \) | head -1)
if [ -n "$mpilib" ] && command -v mpicc >/dev/null && command -v mpirun >/dev/null; then
  for cxx in $cxxs; do
    command -v "$cxx" >/dev/null || continue
    # shellcheck disable=SC2046
    "$cxx" -std=c++17 -Wall -Wextra -Werror $san -I"$NUMC_SOURCE_DIR/include" $(mpicc --showme:compile) \
      "$NUMC_SOURCE_DIR/tests/cxx/mpi_headers.cpp" "$mpilib" "$lib" $(mpicc --showme:link) -lm -lpthread \
      -o "$tmp/mpi_headers" >"$tmp/log" 2>&1 &&
      LD_LIBRARY_PATH="$NUMC_BUILD_DIR:$(dirname "$mpilib")" OMPI_MCA_btl=self,vader,tcp \
        OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo \
        ASAN_OPTIONS="${ASAN_OPTIONS:-}:fast_unwind_on_malloc=0" \
        mpirun --oversubscribe --allow-run-as-root -np 2 "$tmp/mpi_headers" >>"$tmp/log" 2>&1
    report $? "$cxx (mpi.h)" "<numc/mpi.h> as C++ with $cxx"
  done
else
  echo "libnumc_mpi is not built: <numc/mpi.h> not checked"
fi
if [ "$tried" -eq 0 ]; then echo "no C++ compiler (g++ or clang++): skipped"; exit 77; fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
