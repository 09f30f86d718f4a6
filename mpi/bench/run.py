#!/usr/bin/env python3
"""`make bench-mpi`: run mpi_bench under mpirun -np 1 and -np 2 (this machine has 2 cores),
strong and weak scaling, and print the table with the efficiency of each row:
    strong: E = T(1) / (2 * T(2))   (the same problem on twice the ranks)
    weak:   E = T(1) / T(2)         (twice the problem on twice the ranks)
    python3 mpi/bench/run.py BUILD_DIR OUT_DIR [--scale s] [--reps r] [--only name]"""
import os
import subprocess
import sys

ENV = {
    "OMPI_MCA_btl": "self,vader,tcp", "OMPI_MCA_btl_tcp_if_include": "lo",
    "OMPI_MCA_oob_tcp_if_include": "lo", "OMPI_MCA_hwloc_base_binding_policy": "none",
    "OMPI_MCA_rmaps_base_oversubscribe": "1", "OMPI_MCA_btl_vader_single_copy_mechanism": "none",
    "OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
    # one thread per rank: the ranks are the parallelism being measured
    "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "NUMC_NUM_THREADS": "1",
}
UNITS = {"add": "elements", "sum": "elements", "matmul": "n", "fft2": "elements", "sort": "elements",
         "npy_write": "bytes", "npy_read": "bytes"}


def run(exe, np_, mode, extra, out):
    env = dict(os.environ, **ENV)
    cmd = ["mpirun", "--oversubscribe", "--allow-run-as-root", "-np", str(np_), exe, mode, "--dir", out] + extra
    print("$", " ".join(cmd), flush=True)
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, text=True)
    res, skips = {}, {}
    for line in p.stdout.splitlines():
        print("  " + line, flush=True)
        f = line.split()
        if f and f[0] == "RESULT":
            res[f[1]] = (float(f[4]), float(f[5]))
        elif f and f[0] == "SKIP":
            skips[f[1]] = " ".join(f[2:])
    if p.returncode != 0:
        print(f"mpi_bench -np {np_} {mode} exited with {p.returncode}", file=sys.stderr)
    return res, skips


def human(v, unit):
    if unit == "n":
        return f"{v:.0f}^2"
    if unit == "bytes":
        return f"{v / 2**30:.2f} GiB"
    return f"{v / 1e6:.0f}M" if v >= 1e6 else f"{v:.0f}"


def main():
    build, out = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    exe = os.path.join(build, "mpi", "mpi_bench")
    os.makedirs(out, exist_ok=True)
    rows = []
    names = ["add", "sum", "matmul", "fft2", "sort", "npy_write", "npy_read"]
    for mode in ("strong", "weak"):
        r1, s1 = run(exe, 1, mode, extra, out)
        r2, s2 = run(exe, 2, mode, extra, out)
        for n in names:
            if n in r1 and n in r2:
                (z1, t1), (z2, t2) = r1[n], r2[n]
                eff = t1 / (2 * t2) if mode == "strong" else t1 / t2
                rows.append((n, mode, human(z1, UNITS[n]), human(z2, UNITS[n]), f"{t1:.4f}", f"{t2:.4f}",
                             f"{t1 / t2:.2f}x", f"{eff * 100:.0f}%"))
            elif n in s1 or n in s2:
                rows.append((n, mode, "-", "-", "-", "-", "-", (s1.get(n) or s2.get(n))))
    head = ("op", "scaling", "size P=1", "size P=2", "T(1) s", "T(2) s", "speed-up", "efficiency")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    table = "\n".join(lines)
    print()
    print(table)
    with open(os.path.join(out, "bench-mpi.md"), "w") as f:
        f.write(table + "\n")
    print(f"\nbench-mpi: table in {os.path.join(out, 'bench-mpi.md')}")


if __name__ == "__main__":
    main()
