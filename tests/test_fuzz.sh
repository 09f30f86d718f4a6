#!/usr/bin/env bash
# Runs every libFuzzer target of fuzz/ under ASan+UBSan (fuzz/run.sh): 6 targets (csv npy
# npz nplot text parse) x NUMC_FUZZ_SECONDS (default 30, issue 15: CI runs each >= 30 s)
# seconds, about 3 minutes plus the clang build (a few minutes the first time). The targets are built by clang with their own sanitizers whatever this build is,
# so the test runs in the plain gcc build only (exit 77 = skipped elsewhere). Skipped,
# saying so, when clang or its libFuzzer runtime is missing or NUMC_FUZZ_SECONDS=0.
# Longer runs: make fuzz FUZZ_SECONDS=600.
set -euo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"
secs=${NUMC_FUZZ_SECONDS:-30}
CC=${NUMC_C_COMPILER:-cc}
if [ -n "${NUMC_SANITIZE_FLAGS:-}" ] || ! "$CC" --version 2>/dev/null | grep -qi 'gcc\|free software'; then
  echo "skipped: runs in the plain gcc build"
  exit 77
fi
if [ "$secs" = 0 ]; then echo "skipped: NUMC_FUZZ_SECONDS=0"; exit 0; fi
cc=$(command -v clang || command -v clang-14 || true)
if [ -z "$cc" ]; then echo "skipped: clang is not installed"; exit 0; fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-fuzzprobe.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$tmp/p.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined "$tmp/p.c" -o "$tmp/p" >/dev/null 2>&1; then
    echo "skipped: $cc has no libFuzzer runtime (Debian: libclang-rt-14-dev)"
    exit 0
fi
# The sanitizer options ctest sets for the CUnit suites are not meant for libFuzzer.
unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
FUZZ_BUILD="$NUMC_BUILD_DIR/fuzz" CLANG="$cc" bash "$NUMC_SOURCE_DIR/fuzz/run.sh" "$secs"
