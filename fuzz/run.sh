#!/usr/bin/env bash
# Build numc's libFuzzer targets with clang (AddressSanitizer + UndefinedBehaviorSanitizer)
# and run each for a bounded time, seeded with fuzz/corpus/<target>/.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#       targets: csv npy npz (libnumc's readers: nd_read_csv_buffer, nd_loadtxt,
#       nd_genfromtxt with options, .npy, .npz), nplot (the command's whole pipeline in
#       process, rendered to memory), text (mathtext and text layout through titles,
#       labels, legends, tick labels), parse (slice strings, tick formats, colours,
#       dates and date formats, column specs). Default: all.
#
# Environment: FUZZ_BUILD  build/work directory (default <source>/build-fuzz)
#              CLANG       compiler (default: clang, else clang-14)
#              FUZZ_JOBS   parallel compile jobs (default 2)
# Needs clang with the libFuzzer runtime (Debian: clang-14 + libclang-rt-14-dev).
# Exit status is non-zero when a target crashes, leaks or trips a sanitizer; the input
# that did it is kept as $FUZZ_BUILD/crash-* (rerun: $FUZZ_BUILD/fuzz_csv FILE).
set -euo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv npy npz nplot text parse)
# Inputs as long as what each target parses: text readers need room for deep nesting and
# long lines (a 4 KiB cap hid the recursion findings), the render targets less.
declare -A maxlen=([csv]=65536 [npy]=65536 [npz]=131072 [nplot]=32768 [text]=32768 [parse]=32768)
out=${FUZZ_BUILD:-$src/build-fuzz}
cc=${CLANG:-$(command -v clang || command -v clang-14 || true)}
[ -n "$cc" ] || { echo "fuzz/run.sh: clang not found" >&2; exit 2; }
jobs=${FUZZ_JOBS:-2}

# float-cast-overflow is not part of -fsanitize=undefined: a double out of an integer's
# range (histogram bin counts, axis limits) would pass unchecked.
san="-fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all -fno-omit-frame-pointer"
cflags="-std=c11 -g -O1 -D_GNU_SOURCE $san -I$src/include -I$src/core/array -w"
mkdir -p "$out/obj"
# Objects built with other flags (an older run.sh, another compiler) are rebuilt.
if [ "$(cat "$out/flags" 2>/dev/null)" != "$cc $cflags" ]; then
    rm -rf "$out/obj" "$out/pobj"
    mkdir -p "$out/obj"
    printf '%s\n' "$cc $cflags" >"$out/flags"
fi

# libnumc's core, instrumented for coverage, in a static archive so that each target links
# only the objects it reaches. A source clang cannot compile (GCC-only vector code, say)
# is left out with a note; the link reports it if a target needed it.
compile_one() { # source object
    if "$cc" $cflags -fsanitize=fuzzer-no-link -c "$1" -o "$2.tmp" 2>"$2.err"; then
        mv "$2.tmp" "$2"
        rm -f "$2.err"
    else
        rm -f "$2.tmp"
        : >"$2.skip"
    fi
}
pids=()
newest_h=$(find "$src/core" "$src/random" "$src/include" -name '*.h' -printf '%T@\n' | sort -n | tail -1)
for c in "$src"/core/*/*.c "$src"/random/*.c; do
    o="$out/obj/$(basename "${c%.c}").o"
    stamp=$o
    [ -f "$o.skip" ] && stamp=$o.skip
    if [ -f "$stamp" ] && [ ! "$c" -nt "$stamp" ] &&
       awk -v a="$(stat -c %Y "$stamp")" -v b="$newest_h" 'BEGIN { exit !(a >= b) }'; then
        continue
    fi
    rm -f "$o" "$o.skip"
    compile_one "$c" "$o" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p"; done
objs=()
for c in "$src"/core/*/*.c "$src"/random/*.c; do
    o="$out/obj/$(basename "${c%.c}").o"
    if [ -f "$o" ]; then objs+=("$o"); else echo "fuzz/run.sh: note: $(basename "$c") left out (clang cannot build it: $o.err)"; fi
done
rm -f "$out/libnumc_fuzz.a"
ar rcs "$out/libnumc_fuzz.a" "${objs[@]}"

# libnumc_plot and nplot's library, for the targets that draw: the same instrumentation,
# with cairo/pango/libpng/libjpeg flags from pkg-config.
need_plot=0
for t in "${targets[@]}"; do case $t in nplot|text|parse) need_plot=1 ;; esac; done
plotlibs=()
if [ "$need_plot" = 1 ]; then
    pcflags=$(pkg-config --cflags cairo pangocairo libpng libjpeg qhull_r)
    pclibs=$(pkg-config --libs cairo pangocairo libpng libjpeg qhull_r)
    mkdir -p "$out/pobj"
    pids=()
    pobjs=()
    for c in "$src"/plot/*.c "$src"/plot/nplot/*.c; do
        [ "$(basename "$c")" = main.c ] && continue
        o="$out/pobj/$(basename "$(dirname "$c")")_$(basename "${c%.c}").o"
        pobjs+=("$o")
        if [ -f "$o" ] && [ ! "$c" -nt "$o" ] &&
           [ -z "$(find "$src/plot" "$src/include" -name '*.h' -newer "$o" | head -1)" ]; then
            continue
        fi
        "$cc" $cflags $pcflags -I"$src/plot" -I"$src/plot/nplot" \
            -fsanitize=fuzzer-no-link -c "$c" -o "$o" &
        pids+=($!)
        if [ ${#pids[@]} -ge "$jobs" ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
    done
    for p in "${pids[@]}"; do wait "$p"; done
    rm -f "$out/libnumc_plot_fuzz.a"
    ar rcs "$out/libnumc_plot_fuzz.a" "${pobjs[@]}"
    plotlibs=("$out/libnumc_plot_fuzz.a")
fi
# fontconfig and glib keep caches for the life of the process: not leaks of numc.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/fuzz/lsan.supp:print_suppressions=0}

status=0
for t in "${targets[@]}"; do
    exe="$out/fuzz_$t"
    case $t in
        nplot|text|parse)
            "$cc" $cflags $pcflags -I"$src/plot/nplot" -fsanitize=fuzzer "$src/fuzz/fuzz_$t.c" \
                "${plotlibs[@]}" "$out/libnumc_fuzz.a" $pclibs -lz -lm -lpthread -o "$exe" ;;
        *)
            "$cc" $cflags -fsanitize=fuzzer "$src/fuzz/fuzz_$t.c" "$out/libnumc_fuzz.a" \
                -lz -lm -lpthread -o "$exe" ;;
    esac
    mkdir -p "$out/corpus_$t"
    log="$out/fuzz_$t.log"
    echo "fuzz_$t: ${secs}s ..."
    if "$exe" -max_total_time="$secs" -max_len="${maxlen[$t]:-32768}" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$out/" -print_final_stats=1 \
        "$out/corpus_$t" "$src/fuzz/corpus/$t" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        echo "fuzz_$t: ok, ${runs:-?} executions, $cov, no findings"
    else
        echo "fuzz_$t: FAILED (log: $log)"
        grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -5 || true
        status=1
    fi
done
exit $status
