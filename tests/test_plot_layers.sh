#!/usr/bin/env bash
# libnumc_plot's files form layers with no cycle (issue 13). Each plot/*.c belongs to one
# layer below; a file may call only functions defined in its own layer or a lower one, and
# the file-level call graph (read from the compiled objects with nm) must be acyclic, within
# a layer too. Headers: plot_model.h (the model, no cairo/pango) never includes the render
# header; plot_render.h (cairo/pango) is included only by files that draw.
#
#   1 base    status, colors, styles, ticks, text, transforms, render state, markers
#   2 model   figure, axes, axes properties
#   3 kinds   one builder file per plot family (and its artists' drawing)
#   4 draw    lines, legend, 3-D axes, layout, the axes painter
#   5 output  savefig, RGBA buffers, PNG I/O, layout getters
set -uo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"

declare -A layer_of=(
  [status.c]=1 [color.c]=1 [style.c]=1 [ticks.c]=1 [text.c]=1 [transform.c]=1 [render.c]=1
  [markers.c]=1 [marker_custom.c]=1 [norm.c]=1 [tri_algo.c]=1 [contour_algo.c]=1 [workers.c]=1
  [figure.c]=2 [axes.c]=2 [axes_props.c]=2
  [secondary.c]=2
  [proj3d.c]=2 [axes3d_state.c]=2 [kind_3d_more.c]=3 [kind_3d_extra.c]=3 [kind_3d_sets.c]=3
  [kind_common.c]=3 [kind_violin.c]=3 [kind_pcolorfast.c]=3 [kind_collection.c]=3 [clim.c]=3 [prop_cycle.c]=2 [kind_more.c]=3 [kind_lines.c]=3 [kind_scatter.c]=3 [kind_fill.c]=3 [kind_text.c]=3
  [kind_bars.c]=3 [kind_stats.c]=3 [kind_mesh.c]=3 [kind_3d.c]=3 [kind_image.c]=3
  [draw_artists.c]=3 [draw_patches.c]=3 [draw_text.c]=3 [kind_vector.c]=3 [kind_tri.c]=3 [kind_contour.c]=3
  [stream_integrate.c]=1
  [polar.c]=1 [kind_polar.c]=3 [draw_polar.c]=4
  [hatch.c]=1 [kind_category.c]=3
  [draw_lines.c]=4 [draw_legend.c]=4 [draw_axes3d.c]=4 [layout.c]=4 [draw_axes.c]=4
  [output.c]=5 [png_write.c]=5
  [axes_ticks.c]=2
  [legend.c]=2
  [fancy.c]=1 [kind_table.c]=3
  [mosaic.c]=2
  [rc.c]=1
  [artist.c]=3
  [vector_lean.c]=1
  [dates.c]=1 [dateaxis.c]=3
  [logit.c]=1 [imsave.c]=5 [savefig_more.c]=5
  [stamp.c]=1
  [axes_more.c]=3 [axes_more_out.c]=5
  [patheffects.c]=3 [fx_paint.c]=1
  [subfigure.c]=2 [draw_subfigs.c]=4
  [figprops.c]=3 [draw_figimage.c]=4
  [axes_getset.c]=2 [axes_query.c]=5
  [artist_protocol.c]=5 [artist_generic.c]=5
  [spectral.c]=1 [kind_spectral.c]=3
  [constrained.c]=4
  [axes3d_more.c]=3 [axes3d_out.c]=5
)
layer_name=("" base model kinds draw output)

plot=$NUMC_SOURCE_DIR/plot
tmp=$(mktemp -d "${TMPDIR:-/tmp}/plot-layers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# Every source file has a layer (a new file must be placed), and every listed file exists.
sources=$(cd "$plot" && find . -name '*.c' -not -path './nplot/*' | sed 's|^\./||' | sort)
for f in $sources; do
  if [ -n "${layer_of[$f]:-}" ]; then ok; else bad "plot/$f has no layer in $0"; fi
done
for f in "${!layer_of[@]}"; do
  [ -f "$plot/$f" ] || bad "layer table lists plot/$f, which does not exist"
done

# The model header stays free of cairo and pango; the render header builds on the model.
if grep -nE '#include *[<"](cairo|pango|plot_render\.h)' "$plot/plot_model.h"; then
  bad "plot_model.h includes cairo, pango or plot_render.h"
else
  ok
fi
# plot_render.h (and cairo/pango) only where something is drawn or laid out.
for f in $sources; do
  if grep -qE '#include *[<"](cairo|pango|plot_render\.h)' "$plot/$f"; then
    if grep -qE 'render_ctx|cairo_|pango_|text_box|PangoContext' \
         <(grep -vE '^#include' "$plot/$f"); then
      ok
    else
      bad "plot/$f includes the render header but draws nothing: include plot_model.h"
    fi
  fi
done

# The call graph between the compiled objects.
objdir=$(find "$NUMC_BUILD_DIR" -type d -name 'numc_mod_plot.dir' | head -n 1)
if [ -z "$objdir" ]; then
  bad "no numc_mod_plot objects under $NUMC_BUILD_DIR (build the numc_plot target)"
  echo "$pass passed, $fail failed"
  exit 1
fi
: >"$tmp/defs"
: >"$tmp/uses"
while IFS= read -r obj; do
  f=${obj#"$objdir"/}
  f=${f%.o}
  # objects of renamed or deleted sources linger in a build tree: skip them
  [ -f "$plot/$f" ] || continue
  nm "$obj" | awk -v f="$f" '$2 ~ /^[TDRB]$/ { print $3, f }' >>"$tmp/defs"
  nm "$obj" | awk -v f="$f" '$1 == "U" { print $2, f }' >>"$tmp/uses"
done < <(find "$objdir" -name '*.c.o' | sort)
nobj=$(awk '{ print $2 }' "$tmp/defs" | sort -u | wc -l)
nsrc=$(echo "$sources" | wc -w)
if [ "$nobj" -ne "$nsrc" ]; then
  bad "$nobj objects define symbols, $nsrc sources: rebuild numc_plot"
fi
# edges "caller callee symbol", one per caller/symbol
sort -k1,1 "$tmp/defs" >"$tmp/defs.s"
sort -k1,1 "$tmp/uses" >"$tmp/uses.s"
join "$tmp/uses.s" "$tmp/defs.s" | awk '$2 != $3 { print $2, $3, $1 }' >"$tmp/edges"
nedges=$(awk '{ print $1, $2 }' "$tmp/edges" | sort -u | wc -l)
[ "$nedges" -ge 20 ] || bad "only $nedges file edges found: nm output not understood"

# No call into a higher layer.
up=0
while read -r from to sym; do
  lf=${layer_of[$from]:-0} lt=${layer_of[$to]:-0}
  if [ "$lt" -gt "$lf" ]; then
    bad "plot/$from (${layer_name[$lf]}) calls $sym in plot/$to (${layer_name[$lt]})"
    up=1
  fi
done <"$tmp/edges"
[ "$up" -eq 0 ] && ok

# No cycle between files (tsort names the files on a loop).
awk '{ print $1, $2 }' "$tmp/edges" | sort -u >"$tmp/pairs"
if tsort "$tmp/pairs" >/dev/null 2>"$tmp/loop"; then
  ok
else
  bad "the plot files' call graph has a cycle:"
  grep -v 'input contains a loop' "$tmp/loop" | sed 's/^tsort: /  /'
  # the edges among the files tsort named
  names=$(sed -n 's/^tsort: //p' "$tmp/loop" | grep -v 'input contains' | sort -u)
  for a in $names; do
    for b in $names; do
      grep -m1 "^$a $b " "$tmp/edges" | awk '{ print "  " $1 " -> " $2 " (" $3 ")" }'
    done
  done
fi

echo "files: $nsrc in 5 layers, $nedges call edges between them"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
