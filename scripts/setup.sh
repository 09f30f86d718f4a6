#!/usr/bin/env bash
# Make sure the Debian packages named on the command line are installed.
#   - all present: print nothing, exit 0 (so `make` stays quiet on every later run);
#   - some missing and we are root: apt-get update once, then apt-get install -y them;
#   - some missing otherwise: print the exact command to run and exit 1.
# On a system without dpkg (not Debian) it says so once and lets CMake find things.
set -euo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: no dpkg-query (not Debian?); not checking packages: $*" >&2
  exit 0
fi

missing=()
for pkg in "$@"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  case "$status" in
    ii*) ;;
    *) missing+=("$pkg") ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "numc needs these Debian packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  echo "then run make again." >&2
  exit 1
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
