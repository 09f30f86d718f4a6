#!/bin/bash
# Compile one tests/compile_fail/*.c file and check the outcome:
#   fail_*.c must NOT compile (plain -std=c11, no -Werror: a hard error, not a warning),
#            and the compiler's message must match the file's "expect:" line;
#   ok_*.c   must compile with -std=c11 -Wall -Wextra -Wpedantic -Werror (positive control).
# Usage: check.sh COMPILER FILE INCLUDE_DIR
set -u
cc=$1 src=$2 inc=$3
name=$(basename "$src")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
case $name in
ok_*)
    if "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$inc" "$src" >"$log" 2>&1; then
        echo "ok: $name compiles with $cc"
        exit 0
    fi
    cat "$log"
    echo "FAIL: $name should compile with $cc"
    exit 1 ;;
fail_*)
    expect=$(sed -n 's/^.*expect: *\(.*\) \*\/$/\1/p' "$src" | head -1)
    if [ -z "$expect" ]; then echo "FAIL: $name has no 'expect:' line"; exit 1; fi
    if "$cc" -std=c11 -fsyntax-only -I"$inc" "$src" >"$log" 2>&1; then
        cat "$log"
        echo "FAIL: $name compiled with $cc; the trap it shows is open"
        exit 1
    fi
    if grep -Eq -- "$expect" "$log"; then
        echo "ok: $name does not compile with $cc (matched: $expect)"
        exit 0
    fi
    cat "$log"
    echo "FAIL: $name failed to compile with $cc, but not with the expected message: $expect"
    exit 1 ;;
*)  echo "FAIL: $name is neither ok_*.c nor fail_*.c"; exit 1 ;;
esac
