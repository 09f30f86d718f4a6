"""libnumc loads OpenBLAS, LAPACKE and FFTW on the first call that needs them, not at
import (docs/architecture.md): `import numc, numc.pyplot` maps none of them, numc.linalg
loads BLAS and LAPACK, numc.fft loads FFTW. Each case runs in a fresh interpreter (this
one has imported NumPy, which may bring its own BLAS)."""
import os
import subprocess
import sys

import pytest

PROBE = r"""
import os, sys
def libs():
    names = set()
    with open("/proc/self/maps") as f:
        for line in f:
            base = os.path.basename(line.split()[-1]) if "/" in line else ""
            for key in ("openblas", "lapack", "fftw", "gfortran", "libblas"):
                if key in base:
                    names.add(key)
    return sorted(names)
import numc, numc.pyplot
print(",".join(libs()))
a = numc.array([[4.0, 7.0], [2.0, 6.0]])
print(numc.linalg.inv(a).tolist())
print(",".join(libs()))
print(numc.fft.fft(numc.arange(4.0)).tolist())
print(",".join(libs()))
print(os.environ.get("OPENBLAS_THREAD_TIMEOUT"))
"""


def run(env_extra=None):
    env = dict(os.environ)
    env.pop("OPENBLAS_THREAD_TIMEOUT", None)
    env.update(env_extra or {})
    r = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs /proc/self/maps")
def test_libraries_load_on_first_use():
    after_import, inv, after_inv, fft, after_fft, timeout = run()
    assert after_import == ""
    assert [round(v, 12) for row in eval(inv) for v in row] == [0.6, -0.7, -0.2, 0.4]
    assert "openblas" in after_inv.split(",") and "lapack" in after_inv.split(",")
    assert "fftw" not in after_inv.split(",")
    assert eval(fft) == [6, -2 + 2j, -2, -2 - 2j]
    assert "fftw" in after_fft.split(",")
    # OpenBLAS reads OPENBLAS_THREAD_TIMEOUT when it loads, after the import: the value
    # numc sets stays in the environment.
    assert timeout == "20"


def test_user_thread_timeout_is_kept():
    assert run({"OPENBLAS_THREAD_TIMEOUT": "7"})[-1] == "7"
