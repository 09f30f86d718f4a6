#!/usr/bin/env bash
# Run every example program (and nplot, when it is built) with OUT as the working
# directory, so that the figures and files they write land there.
#   scripts/demo.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
shared=$src/data

n=0
fail=0
if [ -f "$build/examples.txt" ]; then
  while IFS= read -r prog; do
    [ -n "$prog" ] || continue
    name=$(basename "$prog")
    echo "== $name"
    # Console output is shown and kept next to the files the example writes.
    if (cd "$out" && "$prog" </dev/null 2>&1 | tee "$out/$name.txt"; exit "${PIPESTATUS[0]}"); then
      :
    else
      echo "demo: $name FAILED (exit $?)" >&2
      fail=1
    fi
    n=$((n + 1))
  done <"$build/examples.txt"
fi

# MPI examples (libnumc_mpi built): each under mpirun with 2 ranks.
if [ -f "$build/mpi_examples.txt" ] && command -v mpirun >/dev/null; then
  while IFS= read -r prog; do
    [ -n "$prog" ] || continue
    name=$(basename "$prog")
    echo "== mpirun -np 2 $name"
    if (cd "$out" && OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader,tcp \
          OMPI_MCA_btl_tcp_if_include=lo OMPI_MCA_oob_tcp_if_include=lo OMPI_MCA_hwloc_base_binding_policy=none \
          OMPI_MCA_btl_vader_single_copy_mechanism=none \
          mpirun --oversubscribe --allow-run-as-root -np 2 "$prog" </dev/null 2>&1 | tee "$out/$name.txt"; \
          exit "${PIPESTATUS[0]}"); then
      :
    else
      echo "demo: $name FAILED (exit $?)" >&2
      fail=1
    fi
    n=$((n + 1))
  done <"$build/mpi_examples.txt"
fi

if [ -f "$build/nplot_path.txt" ]; then
  nplot=$(head -n1 "$build/nplot_path.txt")
  csv=$shared/sunspots.csv
  if (cd "$out" && "$nplot" "$csv" </dev/null -o "$out/nplot_demo.png" --title "nplot demo"); then
    echo "demo: nplot $csv -> $out/nplot_demo.png"
  else
    echo "demo: nplot FAILED on $csv" >&2
    fail=1
  fi
  n=$((n + 1))
  # The gallery: one chart per kind from data/ into out/nplot/.
  bash "$(dirname "$0")/demo-nplot.sh" "$build" "$out" || fail=1
fi

[ "$n" -gt 0 ] || echo "demo: no examples yet (examples/*.c) -- nothing to run"
echo "demo: outputs are in $out"
exit $fail
