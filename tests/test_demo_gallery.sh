#!/usr/bin/env bash
# "A fresh clone has everything make demo uses" (issue 14): the nplot gallery of
# `make demo` is rendered from a copy of the files git tracks in data/ and scripts/ (what
# a clone gets; an untracked or ignored sample CSV does not count), into a temporary
# directory, and every chart it promises must be there: one PNG per `chart NAME.png` line
# of scripts/demo-nplot.sh, every sample CSV of data/README.md plotted at least once, and
# nothing read from outside the repository.
set -uo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"
if [ ! -f "$NUMC_BUILD_DIR/nplot_path.txt" ]; then
  echo "SKIP: nplot is not built"
  exit 77
fi
src=$NUMC_SOURCE_DIR
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-gallery.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# ---- the clone: tracked files of data/ and scripts/ ---------------------------------------------
clone=$tmp/clone
mkdir -p "$clone"
if files=$(git -C "$src" ls-files -- data scripts 2>/dev/null) && [ -n "$files" ]; then
  (cd "$src" && printf '%s\n' "$files" | while IFS= read -r f; do
    mkdir -p "$clone/$(dirname "$f")" && cp "$f" "$clone/$f"
  done)
else
  echo "note: $src is not a git checkout; copying data/ and scripts/ as they are"
  cp -r "$src/data" "$src/scripts" "$clone/"
fi

# The sample CSVs data/README.md lists (its table's first column), all in the clone.
csvs=$(sed -n 's/^| `\([A-Za-z0-9_.-]*\.csv\)` |.*/\1/p' "$src/data/README.md")
ncsv=$(printf '%s\n' "$csvs" | grep -c .)
[ "$ncsv" -ge 5 ] && ok || bad "data/README.md lists $ncsv sample CSVs, expected at least 5"
for c in $csvs; do
  [ -s "$clone/data/$c" ] && ok || bad "data/$c is not tracked by git: a fresh clone lacks it"
done

# Nothing the demo runs reads outside the repository.
if grep -n '\.\./shared\|/work/shared' "$clone"/scripts/demo.sh "$clone"/scripts/demo-nplot.sh; then
  bad "the demo scripts read files outside the repository"
else
  ok
fi

# ---- the gallery -------------------------------------------------------------------------------------
out=$tmp/out
if bash "$clone/scripts/demo-nplot.sh" "$NUMC_BUILD_DIR" "$out" >"$tmp/log" 2>&1; then
  ok
else
  bad "demo-nplot.sh failed: $(tail -n 5 "$tmp/log")"
fi
want=$(grep -c '^chart [^ ]*\.png ' "$clone/scripts/demo-nplot.sh")
got=$(find "$out/nplot" -maxdepth 1 -type f -name '*.png' -size +0 2>/dev/null | wc -l)
[ "$want" -ge 10 ] && ok || bad "demo-nplot.sh promises only $want PNG charts"
[ "$got" -eq "$want" ] && ok || bad "the gallery has $got PNGs, expected $want: $(ls "$out/nplot" 2>/dev/null | tr '\n' ' ')"
# Each PNG is a PNG.
for f in "$out"/nplot/*.png; do
  [ "$(od -An -tx1 -N8 "$f" | tr -d ' \n')" = "89504e470d0a1a0a" ] && ok || bad "$(basename "$f") is not a PNG"
done
# Every sample CSV shows up in the gallery, read from the clone.
for c in $csvs; do
  grep -qF "$clone/data/$c" "$tmp/log" && ok || bad "the gallery never plots data/$c"
done

echo "demo gallery test: $pass passed, $fail failed ($got of $want PNGs, $ncsv sample CSVs)"
[ "$fail" -eq 0 ]
