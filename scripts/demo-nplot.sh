#!/usr/bin/env bash
# A gallery of nplot charts from the repository's data/, one per kind, into OUT/nplot/.
#   scripts/demo-nplot.sh BUILD_DIR OUT_DIR
# Needs BUILD_DIR/nplot_path.txt (written by CMake when nplot is built).
set -euo pipefail
build=$(cd "$1" && pwd)
mkdir -p "$2/nplot"
out=$(cd "$2/nplot" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
data=$src/data
if [ ! -f "$build/nplot_path.txt" ]; then
  echo "demo-nplot: nplot is not built -- nothing to run"
  exit 0
fi
nplot=$(head -n1 "$build/nplot_path.txt")
if [ ! -f "$data/sunspots.csv" ]; then
  echo "demo-nplot: no sample data in $data (data/ is part of the repository)" >&2
  exit 1
fi
# A small table for the pie (world electricity by source, rounded percentages).
printf 'source,share\ncoal,36\ngas,23\nhydro,15\nnuclear,9\nwind,8\nsolar,5\nother,4\n' \
  >"$out/electricity.csv"

# A gallery from an earlier run must not count as this run's.
rm -f "$out"/*.png "$out"/*.svg

fail=0
n=0
chart() { # NAME ARGS...
  local name=$1
  shift
  if "$nplot" -q -o "$out/$name" "$@" </dev/null && [ -s "$out/$name" ]; then
    echo "demo-nplot: $name  <-  nplot $*"
  else
    echo "demo-nplot: $name FAILED: nplot $*" >&2
    fail=1
  fi
  n=$((n + 1))
}

chart sunspots.png "$data/sunspots.csv" --title "Yearly sunspot activity"
chart co2_dates.png "$data/co2.csv" --title "Mauna Loa CO2 (YYYYMMDD dates, gaps where missing)"
chart macro_subplots.png "$data/macrodata.csv" -y realgdp,unemp,infl --subplots --title "US macro"
chart macro_stack.png "$data/macrodata.csv" -k stack -y realcons,realinv,realgovt --title "GDP components"
chart macro_hist.png "$data/macrodata.csv" -k hist -y infl,realint --title "Inflation and real interest"
chart macro_hexbin.png "$data/macrodata.csv" -k hexbin -x unemp -y infl --bins 12 --cmap inferno
chart macro_logy.png "$data/macrodata.csv" -y realgdp,m1 --logy --grid --legend "upper left"
chart statecrime_barh.png "$data/statecrime.csv" -k barh -y murder --title "Murders per 100,000"
chart statecrime_scatter.png "$data/statecrime.csv" -k scatter -x poverty -y murder
chart elnino_heatmap.png "$data/elnino.csv" -k heatmap --cmap coolwarm --title "Sea-surface temperature"
chart elnino_box.png "$data/elnino.csv" -k box --ylabel "°C" --title "Monthly SST, 1950–2010"
chart elnino_surface.png "$data/elnino.csv" -k surface --title "SST by month and year"
chart sunspots_step_dark.png "$data/sunspots.csv" -k step --xlim 1900:2008 --theme dark --grid
chart electricity_pie.png "$out/electricity.csv" -k pie --title "Electricity by source (%)"
chart sunspots.svg "$data/sunspots.csv" --title "SVG output"
made=$(find "$out" -maxdepth 1 -type f -size +0 \( -name '*.png' -o -name '*.svg' \) | wc -l)
echo "demo-nplot: $made of $n charts in $out"
if [ "$made" -ne "$n" ]; then
  echo "demo-nplot: the gallery has $made images, expected $n" >&2
  fail=1
fi
exit $fail
