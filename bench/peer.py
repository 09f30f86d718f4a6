#!/usr/bin/python3
"""numc vs NumPy / matplotlib, in one run.

    /usr/bin/python3 bench/peer.py --numc build/bench/numc_bench [--csv out/bench.csv]
                                   [--filter SUB]... [--repeats N] [--min-time S] [NAME]...

1. runs the C harness (numc_bench --tsv), which times every workload registered by
   bench/wl_*.c in-process (warm-up, >= N repeats, median, peak RSS per workload);
2. runs the same workload names in NumPy / matplotlib: every bench/peer_*.py module is
   imported and its WORKLOADS dict {name: (setup, run)} used -- setup() builds the inputs
   (untimed) and returns a state, run(state) is timed with the same protocol. A module
   may set TARGET (ratio goal for its workloads, default 1.0) and TARGETS {name: goal};
3. prints `name  numc_s  peer_s  ratio` for every workload and writes the CSV.

The NumPy side runs in a separate process without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE
and with matplotlib's Agg backend. Debian's NumPy links the same system OpenBLAS as numc,
and on this CPU those variables pin it to slower Haswell kernels; `--same-blas-env` drops
them for numc too, so both sides run the same BLAS kernels (make bench BENCH_ARGS=...).
"""
import argparse
import csv
import importlib.util
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_REPEATS = 200
PEER_ENV_DROP = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")
# Library floors of WORKLOADS.md (peer = the C library, timed by numc_bench), by suffix.
FLOOR_TARGETS = {"_vs_dgemm": 1.05, "_vs_fftw": 1.10, "_vs_simd": 1.10}
# Bytes each bandwidth-bound row moves per run (STREAM convention: reads + writes, no
# write-allocate traffic), and the STREAM row that is its ceiling: a row that reads two
# arrays and writes one is held to triad, one read (+ one write) to copy.
N_10M = 10_000_000
STREAM_BYTES = {"stream_copy": 16 * N_10M, "stream_triad": 24 * N_10M}
BANDWIDTH_ROWS = {
    "add_f64_10M": (24 * N_10M, "stream_triad"),
    "mul_scalar_f64_10M": (16 * N_10M, "stream_copy"),
    "copy_f64_10M": (16 * N_10M, "stream_copy"),
    "sum_f64_10M": (8 * N_10M, "stream_copy"),
}


# ---- the peer side (runs in its own process: peer.py --worker) --------------------------
def load_peer_modules():
    """Import bench/peer_*.py; a module whose import fails (say, no matplotlib) is skipped."""
    mods = []
    for fn in sorted(os.listdir(HERE)):
        if not (fn.startswith("peer_") and fn.endswith(".py")):
            continue
        name = fn[:-3]
        spec = importlib.util.spec_from_file_location("numc_bench_" + name, os.path.join(HERE, fn))
        mod = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(mod)
        except Exception as e:  # missing peer library: report and go on
            print(f"peer: skipping {fn}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        if not isinstance(getattr(mod, "WORKLOADS", None), dict):
            print(f"peer: {fn} has no WORKLOADS dict", file=sys.stderr)
            continue
        mods.append(mod)
    return mods


def time_runs(run, state, min_repeats, min_time):
    run(state)  # warm-up
    times = []
    total = 0.0
    while len(times) < min_repeats or (total < min_time and len(times) < MAX_REPEATS):
        t0 = time.perf_counter()
        run(state)
        dt = time.perf_counter() - t0
        times.append(dt)
        total += dt
        if len(times) >= MAX_REPEATS:
            break
    return statistics.median(times), min(times), len(times)


def run_one_forked(setup, run, min_repeats, min_time):
    """Run one workload in a child so that ru_maxrss is its own; returns a dict."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        res = {}
        try:
            state = setup()
            med, mn, reps = time_runs(run, state, min_repeats, min_time)
            del state
            res = {"status": "ok", "median": med, "min": mn, "reps": reps}
        except BaseException as e:  # report, never hang the parent
            res = {"status": "fail", "error": f"{type(e).__name__}: {e}"}
        res["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with os.fdopen(wfd, "w") as f:
            f.write(json.dumps(res))
        os._exit(0)
    os.close(wfd)
    with os.fdopen(rfd) as f:
        data = f.read()
    _, wst = os.waitpid(pid, 0)
    if not data:
        return {"status": "fail", "error": f"peer child died (wait status {wst})"}
    return json.loads(data)


def worker(args):
    mods = load_peer_modules()
    for mod in mods:
        area = mod.__name__.rsplit("peer_", 1)[-1]
        target = float(getattr(mod, "TARGET", 1.0))
        targets = getattr(mod, "TARGETS", {}) or {}
        for name, goal in targets.items():
            print(json.dumps({"name": name, "target": float(goal), "only_target": True}), flush=True)
        for name, (setup, run) in mod.WORKLOADS.items():
            if not selected(name, args):
                continue
            res = run_one_forked(setup, run, args.repeats, args.min_time)
            res["name"] = name
            res["area"] = area
            res["peer"] = getattr(mod, "PEER", "python")
            res["target"] = float(targets.get(name, target))
            print(json.dumps(res), flush=True)


# ---- the driver ----------------------------------------------------------------------------
def selected(name, args):
    if not args.names and not args.filter:
        return True
    return name in args.names or any(s in name for s in args.filter)


def bench_args(args):
    out = ["--repeats", str(args.repeats), "--min-time", str(args.min_time)]
    for s in args.filter:
        out += ["--filter", s]
    return out + list(args.names)


def run_numc(args):
    """Rows from numc_bench --tsv, in registration order."""
    cmd = [args.numc, "--tsv"] + bench_args(args)
    print("numc: " + " ".join(cmd), file=sys.stderr, flush=True)
    env = None
    if args.same_blas_env:
        env = {k: v for k, v in os.environ.items() if k not in PEER_ENV_DROP}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    rows = []
    header = None
    for line in proc.stdout:
        fields = line.rstrip("\n").split("\t")
        if header is None:
            header = fields
            continue
        row = dict(zip(header, fields))
        rows.append(row)
        shown = row["numc_s"] if row["status"] == "ok" else "FAILED " + row.get("error", "")
        print(f"numc: {row['name']:<28} {shown}", file=sys.stderr, flush=True)
    proc.wait()
    return rows


def run_peer(args):
    env = {k: v for k, v in os.environ.items() if k not in PEER_ENV_DROP}
    env.setdefault("MPLBACKEND", "Agg")
    cmd = [sys.executable, os.path.abspath(__file__), "--worker",
           "--repeats", str(args.repeats), "--min-time", str(args.min_time)]
    for s in args.filter:
        cmd += ["--filter", s]
    cmd += list(args.names)
    print("peer: " + " ".join(cmd), file=sys.stderr, flush=True)
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env)
    rows = []
    for line in proc.stdout:
        row = json.loads(line)
        rows.append(row)
        if not row.get("only_target"):
            shown = f"{row['median']:.6g}" if row["status"] == "ok" else "FAILED " + row["error"]
            print(f"peer: {row['name']:<28} {shown}", file=sys.stderr, flush=True)
    proc.wait()
    return rows


def num(x):
    try:
        v = float(x)
    except (TypeError, ValueError):
        return math.nan
    return v


# Second peers: a peer module with PEER = "<name>" fills the column <name>_s and the ratio
# <name>_ratio = numc_s / <name>_s instead of the main peer's.
EXTRA_PEERS = ("gnuplot",)
CSV_HEADER = (["name", "numc_s", "peer_s", "ratio", "target", "peer", "numc_rss_mb",
               "peer_rss_mb", "gbps", "stream_frac"]
              + [f"{p}_{c}" for p in EXTRA_PEERS for c in ("s", "ratio")] + ["area", "error"])


def bandwidth(name, numc_s):
    """(GB/s, fraction of its STREAM row) for one row; numc_s maps name -> numc seconds.
    STREAM rows get their own GB/s and fraction 1; rows that are not bandwidth-bound, or
    whose STREAM row was not run, get NaN where the number is unknown."""
    if name in STREAM_BYTES:
        nbytes, ref = STREAM_BYTES[name], name
    elif name in BANDWIDTH_ROWS:
        nbytes, ref = BANDWIDTH_ROWS[name]
    else:
        return math.nan, math.nan
    t = numc_s.get(name, math.nan)
    gbps = nbytes / t / 1e9 if t > 0 else math.nan
    t_ref = numc_s.get(ref, math.nan)
    ref_gbps = STREAM_BYTES[ref] / t_ref / 1e9 if t_ref > 0 else math.nan
    return gbps, gbps / ref_gbps


def fmt(v, spec=".6f", missing="-"):
    return missing if v is None or math.isnan(v) else format(v, spec)


def render_chart(args):
    """out/bench.png beside the CSV, drawn by bench_chart (built next to numc_bench)."""
    chart = os.path.join(os.path.dirname(os.path.abspath(args.numc)), "bench_chart")
    png = os.path.splitext(args.csv)[0] + ".png"
    if not os.access(chart, os.X_OK):
        print(f"chart: {chart} is not built; no {png}", file=sys.stderr)
        return
    proc = subprocess.run([chart, args.csv, png])
    print(f"chart: {png}" if proc.returncode == 0 else f"chart: bench_chart failed ({proc.returncode})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--numc", default=os.path.join("build", "bench", "numc_bench"))
    ap.add_argument("--csv", default=os.path.join("out", "bench.csv"))
    ap.add_argument("--filter", action="append", default=[])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--min-time", type=float, default=0.5)
    ap.add_argument("--no-peer", action="store_true", help="time numc only")
    ap.add_argument("--same-blas-env", action="store_true",
                    help="drop OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE for numc as well")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    args.repeats = max(1, min(args.repeats, MAX_REPEATS))

    if args.worker:
        worker(args)
        return 0

    numc_rows = run_numc(args)
    peer_rows = [] if args.no_peer else run_peer(args)

    table = {}
    order = []
    for r in numc_rows:
        order.append(r["name"])
        ok = r["status"] == "ok"
        c_peer = num(r.get("peer_s"))
        table[r["name"]] = {
            "numc_s": num(r["numc_s"]) if ok else math.nan,
            "numc_rss_mb": num(r["maxrss_kb"]) / 1024.0,
            "numc_error": "" if ok else r.get("error", ""),
            # A library-floor workload's peer is the C library, timed by numc_bench.
            "peer_s": c_peer, "peer": "C library" if not math.isnan(c_peer) else "",
            "peer_rss_mb": math.nan, "peer_error": "",
            "target": next((g for suf, g in FLOOR_TARGETS.items() if r["name"].endswith(suf)), 1.0),
            "area": "stream" if r["name"] in STREAM_BYTES else "floor" if not math.isnan(c_peer) else "",
            "extra": {},
        }
    for r in peer_rows:
        name = r["name"]
        if name not in table:
            if r.get("only_target"):
                continue
            order.append(name)
            table[name] = {"numc_s": math.nan, "numc_rss_mb": math.nan, "numc_error": "",
                           "peer_s": math.nan, "peer": "", "peer_rss_mb": math.nan,
                           "peer_error": "", "target": 1.0, "area": "", "extra": {}}
        t = table[name]
        if r.get("peer", "python") in EXTRA_PEERS:
            # A second peer (gnuplot): its own column; the main peer keeps ratio and target.
            t["extra"][r["peer"]] = r["median"] if r["status"] == "ok" else math.nan
            if r["status"] != "ok":
                print(f"peer {r['peer']}: {name} FAILED {r['error']}", file=sys.stderr)
            continue
        t["target"] = r["target"]
        t["area"] = r.get("area", t["area"])
        if r.get("only_target"):
            continue
        t["peer"] = "python"
        if r["status"] == "ok":
            t["peer_s"] = r["median"]
        else:
            t["peer_error"] = r["error"]
        t["peer_rss_mb"] = r["maxrss_kb"] / 1024.0

    numc_s = {name: t["numc_s"] for name, t in table.items()}
    print()
    print(f"{'name':<30} {'numc_s':>11} {'peer_s':>11} {'ratio':>8} {'target':>7}"
          f" {'numc_MB':>8} {'peer_MB':>8} {'GB/s':>6} {'stream':>6}"
          + "".join(f" {'vs_' + p:>11}" for p in EXTRA_PEERS))
    failures = 0
    slow = 0
    rows = []
    for name in order:
        t = table[name]
        ratio = t["numc_s"] / t["peer_s"] if t["peer_s"] and not math.isnan(t["peer_s"]) else math.nan
        mark = ""
        if t["numc_error"]:
            mark = "  numc FAILED: " + t["numc_error"]
            failures += 1
        elif t["peer_error"]:
            mark = "  peer FAILED: " + t["peer_error"]
        elif not math.isnan(ratio) and ratio > t["target"]:
            mark = "  (slower than target)"
            slow += 1
        if t["peer"] == "C library":
            mark += "  [peer: C library]"
        gbps, frac = bandwidth(name, numc_s)
        extra_s = [t["extra"].get(p, math.nan) for p in EXTRA_PEERS]
        extra_ratio = [t["numc_s"] / x if x > 0 else math.nan for x in extra_s]
        print(f"{name:<30} {fmt(t['numc_s']):>11} {fmt(t['peer_s']):>11} {fmt(ratio, '.3f'):>8}"
              f" {t['target']:>7.2f} {fmt(t['numc_rss_mb'], '.1f'):>8}"
              f" {fmt(t['peer_rss_mb'], '.1f'):>8} {fmt(gbps, '.1f'):>6}"
              f" {fmt(frac * 100, '.0f') + ('%' if not math.isnan(frac) else ''):>6}"
              + "".join(f" {fmt(x, '.3f'):>11}" for x in extra_ratio) + mark)
        rows.append([name, fmt(t["numc_s"], ".9g", ""), fmt(t["peer_s"], ".9g", ""),
                     fmt(ratio, ".4f", ""), t["target"], t["peer"],
                     fmt(t["numc_rss_mb"], ".1f", ""), fmt(t["peer_rss_mb"], ".1f", ""),
                     fmt(gbps, ".3f", ""), fmt(frac, ".4f", "")]
                    + [fmt(v, ".9g", "") for pair in zip(extra_s, extra_ratio) for v in pair]
                    + [t["area"], t["numc_error"] or t["peer_error"]])
    print(f"\n{len(order)} workloads, {slow} slower than their target, {failures} numc failures")

    if args.csv:
        os.makedirs(os.path.dirname(os.path.abspath(args.csv)), exist_ok=True)
        with open(args.csv, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(CSV_HEADER)
            w.writerows(rows)
        print(f"results: {args.csv}")
        render_chart(args)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
