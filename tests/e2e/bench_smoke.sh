#!/usr/bin/env bash
# The benchmark runner still works: run it once on the quick workloads and
# check it printed a row for every workload and backend and that the
# filter workload passed its data through intact. Times are not judged.
set -u
vdm=$1 build=$3
out=$(BENCH_RUNS=1 BENCH_COPY_MIB=1 BENCH_FILTER_MIB=1 \
      bash "$(dirname "$0")/../bench/run.sh" "$vdm" "$build/tests/bench/quick" x86emu 2>&1)
echo "$out"
fails=0
for w in hello loop16 sieve dec32 int21 copy filter; do
  row=$(grep -E "^$w +" <<< "$out" | grep " x86emu ")
  if [ -z "$row" ]; then echo "FAIL: no row for $w"; fails=$((fails + 1)); continue; fi
  if grep -q " fail " <<< "$row"; then echo "FAIL: $w did not run cleanly"; fails=$((fails + 1)); fi
done
grep -q "filter output matches its input" <<< "$out" || { echo "FAIL: filter output differs"; fails=$((fails + 1)); }
[ $fails = 0 ] && echo "bench smoke: ok"
exit $((fails > 0))
