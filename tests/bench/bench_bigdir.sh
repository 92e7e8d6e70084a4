#!/usr/bin/env bash
# Time to list a large directory through DOS find first/next: creates N
# empty files (default 100000) in a temporary directory, then runs
# FINDALL.COM (tests/bench/findall.asm: 4Eh "*.*", 4Fh until 12h) on it
# under each backend and prints the entry count and the wall time. Run it
# at two sizes to see that the time grows linearly with the directory.
#
# Usage: bench_bigdir.sh VDM BENCH_DIR [N] [BACKEND...]
#   BENCH_DIR holds FINDALL.COM (build/tests/bench/full).
set -eu
vdm=$(realpath "$1") dir=$(realpath "$2"); n=${3:-100000}; shift 2; shift || true
if [ $# -gt 0 ]; then
  backends=("$@")
else
  mapfile -t backends < <("$vdm" --backends | sed -n 's/^\([a-z0-9]*\): available$/\1/p')
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/vdm-bigdir.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/BIG"
(cd "$work/BIG" && seq -f 'F%07g.DAT' 1 "$n" | xargs touch)
cp "$dir/FINDALL.COM" "$work/"
for b in "${backends[@]}"; do
  t0=$(date +%s%N)
  found=$(cd "$work" && "$vdm" --backend="$b" --timeout=600 FINDALL.COM BIG | tr -d '\r')
  t1=$(date +%s%N)
  printf '%-10s %8s entries listed of %s files in %6d ms\n' "$b" "$found" "$n" \
    $(((t1 - t0) / 1000000))
done
