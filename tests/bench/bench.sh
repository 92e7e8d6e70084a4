#!/usr/bin/env bash
# Print instructions per second of BENCH.COM on every available backend.
# Usage: tests/bench/bench.sh [BUILD_DIR]   (default: build)
# Figures only: nothing here passes or fails on time. The wall time includes
# vdm's start-up (a few ms), so short runs understate the fastest backends.
set -u
build=${1:-build}
vdm=$build/vdm
prog=$build/tests/bench/full/BENCH.COM
BENCH_INSNS=4004000 # see bench.asm
[ -x "$vdm" ] && [ -f "$prog" ] || { echo "build vdm first ($vdm, $prog)" >&2; exit 1; }

"$vdm" --backends | while IFS= read -r line; do
  name=${line%%:*}
  case "$line" in
    auto:*) echo "$line"; continue ;;
    *": available"|*": available ("*) ;;
    *) echo "$line"; continue ;;
  esac
  t0=$(date +%s%N)
  out=$("$vdm" --backend="$name" --timeout=60 "$prog" | tr -d '\r')
  t1=$(date +%s%N)
  ns=$((t1 - t0))
  awk -v n="$name" -v i=$BENCH_INSNS -v ns=$ns -v r="$out" \
    'BEGIN { printf "%-8s %8.1f MIPS  (%.3f s, result %s)\n", n ":", i * 1000 / ns, ns / 1e9, r }'
done
