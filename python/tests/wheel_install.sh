#!/usr/bin/env bash
# `pip install .` into a fresh venv (--system-site-packages, for NumPy), offline (--no-index),
# through the in-tree PEP 517 backend; then the installed numc is imported from elsewhere and
# must share memory with NumPy and load the libnumc inside the package. The wheel is made
# from this build (NUMC_WHEEL_BUILD_DIR), so the test costs no second build.
# Usage (ctest): wheel_install.sh SOURCE_DIR BUILD_DIR PYTHON
set -euo pipefail
src=$1 build=$2 py=$3
if [ "${NUMC_PY_SANITIZED:-0}" = 1 ]; then
  echo "skip: a sanitizer build's wheel needs the sanitizer runtime preloaded; not a distributable wheel"
  exit 77
fi
if ! "$py" -c "import ensurepip" 2>/dev/null; then
  echo "skip: python3-venv (ensurepip) is not installed"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" -m venv --system-site-packages "$tmp/venv"
NUMC_WHEEL_BUILD_DIR=$build "$tmp/venv/bin/pip" install --no-index --no-cache-dir "$src" \
  >"$tmp/pip.log" 2>&1 || { cat "$tmp/pip.log"; exit 1; }
cd "$tmp"
"$tmp/venv/bin/python" - <<'PY'
import os, subprocess, numpy, numc
site = os.path.dirname(numc.__file__)
assert site.startswith(os.path.realpath(os.environ.get("VIRTUAL_ENV", site))) or "venv" in site, site
a = numc.arange(6.0).reshape(2, 3)
n = numpy.asarray(a)
n[1, 2] = -1
assert a[1, 2] == -1
assert repr(a * 2) == repr(n * 2)
core = [f for f in os.listdir(site) if f.startswith("_core")][0]
ldd = subprocess.run(["ldd", os.path.join(site, core)], capture_output=True, text=True).stdout
line = [l for l in ldd.splitlines() if "libnumc.so" in l][0]
assert site in line, "libnumc is not the package's own: " + line
print("installed numc at", site, "uses", line.split("=>")[1].split("(")[0].strip())
PY
"$tmp/venv/bin/pip" uninstall -y numc >/dev/null
echo "ok: pip install . (offline) into a venv, import, shared memory, bundled libnumc"
