"""numc's PEP 517 build backend: the wheel is the package directory of a CMake build.

`pip install .` (pyproject.toml at the top of the tree names this file) configures numc
with CMake, builds the target numc_python and zips build-wheel/python/numc/ (the extension
_core.abi3.so, libnumc.so.0 and libnumc_plot.so.0 found through the $ORIGIN rpath, the .py
files) into a cp311-abi3 wheel. Only the standard library and CMake are used: no download,
no setuptools, so it works offline with Debian's python3 and cmake.

Environment:
  NUMC_WHEEL_BUILD_DIR  the CMake build directory (default: <source>/build-wheel); when it
                        is already configured it is only built, so a test can package the
                        build it has just tested
  NUMC_WHEEL_JOBS       parallel jobs of the build (default 2)
"""
import base64
import hashlib
import os
import subprocess
import sys
import sysconfig
import zipfile

NAME = "numc"
VERSION = "0.1.0"
SUMMARY = "NumPy and matplotlib rebuilt in C, from Python: numc arrays sharing memory with NumPy"
SOURCE = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _tag():
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return "cp311-abi3-" + plat


def _metadata():
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\n"
            "Requires-Python: >=3.11\nLicense: see the numc source tree\n" % (NAME, VERSION, SUMMARY))


def _build():
    build = os.environ.get("NUMC_WHEEL_BUILD_DIR") or os.path.join(SOURCE, "build-wheel")
    jobs = os.environ.get("NUMC_WHEEL_JOBS", "2")
    if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
        subprocess.check_call(["cmake", "-S", SOURCE, "-B", build, "-Wno-dev",
                               "-DCMAKE_BUILD_TYPE=Release", "-DNUMC_PYTHON=ON",
                               "-DNUMC_PYTHON_EXECUTABLE=" + sys.executable,
                               "-DNUMC_BUILD_TESTS=OFF", "-DNUMC_BUILD_EXAMPLES=OFF",
                               "-DNUMC_BUILD_BENCH=OFF", "-DNUMC_INSTALL=OFF"],
                              stdout=sys.stderr)
    subprocess.check_call(["cmake", "--build", build, "-j" + jobs, "--target", "numc_python"],
                          stdout=sys.stderr)
    pkg = os.path.join(build, "python", NAME)
    if not os.path.exists(os.path.join(pkg, "_core.abi3.so")):
        raise RuntimeError("numc: the build made no %s/_core.abi3.so" % pkg)
    return pkg


def _digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _write_wheel(wheel_directory, pkg):
    tag = _tag()
    name = "%s-%s-%s.whl" % (NAME, VERSION, tag)
    dist = "%s-%s.dist-info" % (NAME, VERSION)
    records = []
    path = os.path.join(wheel_directory, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def add(arc, data, mode=0o644):
            info = zipfile.ZipInfo(arc, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
            records.append("%s,%s,%d" % (arc, _digest(data), len(data)))
        for root, dirs, files in os.walk(pkg):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for f in sorted(files):
                if f.endswith(".pyc"):
                    continue
                full = os.path.join(root, f)
                arc = os.path.relpath(full, os.path.dirname(pkg)).replace(os.sep, "/")
                with open(full, "rb") as fh:
                    add(arc, fh.read(), 0o755 if ".so" in f else 0o644)
        add(dist + "/METADATA", _metadata().encode())
        add(dist + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: numc_build\nRoot-Is-Purelib: false\n"
                              "Tag: %s\n" % tag).encode())
        add(dist + "/top_level.txt", (NAME + "\n").encode())
        records.append(dist + "/RECORD,,")
        z.writestr(zipfile.ZipInfo(dist + "/RECORD", date_time=(2020, 1, 1, 0, 0, 0)),
                   "\n".join(records) + "\n")
    return name


# ---- PEP 517 hooks ---------------------------------------------------------------------------
def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist = "%s-%s.dist-info" % (NAME, VERSION)
    os.makedirs(os.path.join(metadata_directory, dist), exist_ok=True)
    with open(os.path.join(metadata_directory, dist, "METADATA"), "w") as f:
        f.write(_metadata())
    return dist


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    os.makedirs(wheel_directory, exist_ok=True)
    return _write_wheel(wheel_directory, _build())
