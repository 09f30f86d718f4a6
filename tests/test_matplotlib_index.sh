#!/usr/bin/env bash
# docs/matplotlib_index.md is what scripts/gen_matplotlib_index.py makes of the headers, the
# Python binding's sources and matplotlib 3.6 (numc issue 20): a public plot.h function, a
# numc.pyplot name or a MAP entry added without regenerating the page fails here. Skipped
# (77) when Debian's interpreter lacks matplotlib or NumPy (`make test` installs both).
set -euo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}"
py=/usr/bin/python3
if ! "$py" -c 'import matplotlib, numpy' >/dev/null 2>&1; then
  echo "SKIP: $py has no matplotlib / numpy (apt-get install python3-matplotlib)"
  exit 77
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/numc-mplindex.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# The generator imports only numc's Python sources (a stand-in replaces the C extension),
# so it needs no build and no sanitizer runtime.
env -u LD_PRELOAD PYTHONDONTWRITEBYTECODE=1 MPLCONFIGDIR="$tmp/mpl" \
  "$py" "$NUMC_SOURCE_DIR/scripts/gen_matplotlib_index.py" >"$tmp/matplotlib_index.md"
if ! diff -u "$NUMC_SOURCE_DIR/docs/matplotlib_index.md" "$tmp/matplotlib_index.md" >"$tmp/diff"; then
  head -60 "$tmp/diff"
  echo "FAIL: docs/matplotlib_index.md is stale: run"
  echo "  /usr/bin/python3 scripts/gen_matplotlib_index.py > docs/matplotlib_index.md"
  exit 1
fi
grep -q '^- `matplotlib.axes.Axes`: [0-9]* functions: [0-9]* covered' "$tmp/matplotlib_index.md" ||
  { echo "FAIL: no coverage line for Axes"; exit 1; }
echo "ok: docs/matplotlib_index.md is up to date"
echo "1 passed, 0 failed"
