#!/usr/bin/env bash
# The MPI pages' code: every ```c block of docs/mpi.md marked
#   <!-- doc: skip MPI: compiled and run by tests/test_mpi_docs.sh -->
# (which scripts/doc_blocks.py skips: it needs mpicc and mpirun) is a whole program; it
# is compiled against this build's libnumc and libnumc_mpi with MPI's flags and run under
# mpirun with 1, 2 and 3 ranks. When a ```text block follows it, that is rank 0's expected
# output, the same for every rank count. Exit 77 when libnumc_mpi is not built.
set -euo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"
mpilib=$(find "$NUMC_BUILD_DIR" -maxdepth 2 -name 'libnumc_mpi.so' | head -1)
lib=$(find "$NUMC_BUILD_DIR" -maxdepth 1 -name 'libnumc.so' | head -1)
if [ -z "$mpilib" ] || [ -z "$lib" ] || ! command -v mpicc >/dev/null || ! command -v mpirun >/dev/null; then
  echo "libnumc_mpi (shared) or mpicc/mpirun not available: the MPI docs are not checked"
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-mpi-docs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
page="$NUMC_SOURCE_DIR/docs/mpi.md"
# Split the page into block files: tmp/blockN.c (+ tmp/blockN.out) and tmp/blockN.line.
python3 - "$page" "$tmp" <<'PY'
import sys
page, out = sys.argv[1], sys.argv[2]
lines = open(page, encoding="utf-8").read().split("\n")
n = 0
i = 0
while i < len(lines):
    if lines[i].strip() == "```c" and i > 0 and "doc: skip MPI:" in lines[i - 1]:
        j = i + 1
        while lines[j].strip() != "```":
            j += 1
        n += 1
        open(f"{out}/block{n}.c", "w").write("\n".join(lines[i + 1:j]) + "\n")
        open(f"{out}/block{n}.line", "w").write(str(i + 2))
        k = j + 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and lines[k].strip() == "```text":
            m = k + 1
            while lines[m].strip() != "```":
                m += 1
            open(f"{out}/block{n}.out", "w").write("\n".join(lines[k + 1:m]).rstrip() + "\n")
        i = j
    i += 1
print(n)
PY
export OMPI_MCA_btl=self,vader,tcp OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_hwloc_base_binding_policy=none
export OMPI_MCA_mca_base_component_disable_dlclose=1
if [ -n "${ASAN_OPTIONS:-}" ]; then export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0"; fi
pass=0 fail=0
for c in "$tmp"/block*.c; do
  [ -e "$c" ] || continue
  b=${c%.c}
  where="docs/mpi.md:$(cat "$b.line")"
  # shellcheck disable=SC2046,SC2086
  if ! mpicc -std=c11 -Wall -Wextra -Werror ${NUMC_SANITIZE_FLAGS:-} -I"$NUMC_SOURCE_DIR/include" "$c" \
       "$mpilib" "$lib" -lm -Wl,-rpath,"$(dirname "$mpilib")":"$(dirname "$lib")" -o "$b" 2>"$b.err"; then
    cat "$b.err"; echo "FAIL $where: does not compile"; fail=$((fail + 1)); continue
  fi
  ok=1
  for np in 1 2 3; do
    if ! (cd "$tmp" && mpirun --allow-run-as-root -np "$np" "$b" >"$b.got" 2>"$b.log"); then
      cat "$b.log"; echo "FAIL $where: exit status with $np ranks"; ok=0; break
    fi
    if [ -f "$b.out" ] && ! diff <(sed 's/[[:space:]]*$//' "$b.got") "$b.out" >"$b.diff"; then
      cat "$b.diff"; echo "FAIL $where: output with $np ranks differs from the page"; ok=0; break
    fi
  done
  if [ $ok = 1 ]; then echo "ok   $where"; pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ "$pass" -gt 0 ] && [ "$fail" -eq 0 ]
