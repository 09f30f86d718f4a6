#!/usr/bin/env bash
# The benchmark's chart and bandwidth column, on the committed results
# tests/data/bench_sample.csv: bench_chart draws a PNG of the expected size with one bar
# per row that has a ratio, grouped by area (colors in area order), and target ticks;
# peer.py's bandwidth() gives the GB/s and STREAM fractions written in that CSV.
set -uo pipefail
: "${NUMC_SOURCE_DIR:?run through ctest}" "${NUMC_BUILD_DIR:?run through ctest}"
chart=$NUMC_BUILD_DIR/bench/bench_chart
if [ ! -x "$chart" ]; then
  echo "SKIP: bench_chart is not built (NUMC_BUILD_BENCH=OFF or no numc_plot)"
  exit 77
fi
sample=$NUMC_SOURCE_DIR/tests/data/bench_sample.csv
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-chart-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0

"$chart" "$sample" "$tmp/bench.png" || { echo "FAIL: bench_chart exited $?"; fail=1; }

# Errors: wrong usage, a missing file, a CSV without the ratio column.
"$chart" 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: no arguments should exit 2"; fail=1; }
"$chart" "$tmp/missing.csv" "$tmp/x.png" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "missing.csv" "$tmp/err" || { echo "FAIL: missing CSV"; fail=1; }
printf 'name,numc_s\na,1\n' >"$tmp/noratio.csv"
"$chart" "$tmp/noratio.csv" "$tmp/x.png" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "ratio" "$tmp/err" || { echo "FAIL: CSV without ratio"; fail=1; }

/usr/bin/python3 - "$NUMC_SOURCE_DIR" "$sample" "$tmp/bench.png" <<'PY' || fail=1
import csv, importlib.util, math, os, struct, sys, zlib

src, sample, png = sys.argv[1:4]
bad = []

# ---- peer.py's bandwidth column against the hand-computed values of the sample -------
spec = importlib.util.spec_from_file_location("peer", os.path.join(src, "bench", "peer.py"))
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)
rows = list(csv.DictReader(open(sample)))
assert list(rows[0].keys()) == peer.CSV_HEADER, "sample header is peer.py's CSV_HEADER"
numc_s = {r["name"]: float(r["numc_s"]) for r in rows}
for r in rows:
    gbps, frac = peer.bandwidth(r["name"], numc_s)
    for got, want, col in ((gbps, r["gbps"], "gbps"), (frac, r["stream_frac"], "stream_frac")):
        if want == "":
            if not math.isnan(got):
                bad.append(f"{r['name']}: {col} {got}, want none")
        elif not abs(got - float(want)) <= 1e-9 * max(1.0, abs(float(want))):
            bad.append(f"{r['name']}: {col} {got}, want {want}")
# Without its STREAM row a bandwidth row still has GB/s but no fraction.
g, f = peer.bandwidth("add_f64_10M", {"add_f64_10M": 0.04})
if not (abs(g - 6.0) < 1e-12 and math.isnan(f)):
    bad.append(f"add_f64_10M without stream_triad: {g}, {f}")

# ---- the PNG: size and bars --------------------------------------------------------------
def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "PNG signature"
    pos, idat, w = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), f"depth {depth} color type {ctype}"
            bpp = 4 if ctype == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    img, prev = [], bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1: line[i] = (line[i] + a) & 255
            elif ft == 2: line[i] = (line[i] + b) & 255
            elif ft == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        img.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(w)])
        prev = line
    return w, h, img

w, h, img = read_png(png)
nbars = sum(1 for r in rows if r["ratio"] != "")
want_w, want_h = 900, round((1.4 + 0.22 * nbars) * 100)
if (w, h) != (want_w, want_h):
    bad.append(f"PNG is {w}x{h}, want {want_w}x{want_h}")

BLUE, ORANGE, GREEN, RED = (31, 119, 180), (255, 127, 14), (44, 160, 44), (255, 0, 0)
names = {BLUE: "blue", ORANGE: "orange", GREEN: "green"}
xs = [x for row in img for x, p in enumerate(row) if p in names]
if not xs:
    bad.append("no bar pixels")
else:
    x0 = min(xs) + 2  # every bar starts at the axes' left edge
    runs, last = [], None
    for y in range(h):
        p = img[y][x0]
        c = names.get(p)
        if c and c != last:
            runs.append(c)
        last = c
    want = ["blue"] * 3 + ["orange"] * 2 + ["green"]  # ufunc, nplot, linalg
    if runs != want:
        bad.append(f"bars down the left edge {runs}, want {want}")
if not any(p == RED for row in img for p in row):
    bad.append("no red target ticks")

for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
[ $fail -eq 0 ] && echo "PASS" || exit 1
