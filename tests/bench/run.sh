#!/usr/bin/env bash
# vdm benchmarks: prints a table of figures, one row per workload and
# backend, with ratios against DOSBox (Debian package dosbox, headless,
# dynamic core, cycles=max) and emu2 when they are installed. Never fails
# on a time: it measures, it does not judge.
#
# Usage: run.sh VDM BENCH_DIR [BACKEND...]
#   BENCH_DIR holds the assembled workloads (build/tests/bench/full, or
#   .../quick for a fast smoke run). Backends default to every available one.
# Environment: BENCH_RUNS (runs per cell, default 5; the median is shown),
#   BENCH_COPY_MIB (workload 5 file size, default 64),
#   BENCH_FILTER_MIB (workload 6 input size, default 16).
set -u
vdm=$(realpath "$1") dir=$(realpath "$2"); shift 2
runs=${BENCH_RUNS:-5}
copy_mib=${BENCH_COPY_MIB:-64}
filter_mib=${BENCH_FILTER_MIB:-16}

if [ $# -gt 0 ]; then
  backends=("$@")
else
  mapfile -t backends < <("$vdm" --backends | sed -n 's/^\([a-z0-9]*\): available$/\1/p')
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vdm-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$dir"/*.COM "$work/"
head -c $((copy_mib << 20)) /dev/urandom > "$work/IN.DAT"
head -c $((filter_mib << 20)) /dev/urandom > "$work/FILTER.IN"

now_ns() { date +%s%N; }

# median of the numbers on stdin
median() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# time_cmd CMD...: run the command $runs times in $work; print the median
# wall time in milliseconds, or "fail" when any run exits non-zero.
time_cmd() {
  local t0 t1 i out=()
  for ((i = 0; i < runs; i++)); do
    t0=$(now_ns)
    if ! (cd "$work" && "$@") > /dev/null 2>&1; then echo fail; return; fi
    t1=$(now_ns)
    out+=("$(( (t1 - t0) / 1000 ))")
  done
  printf '%s\n' "${out[@]}" | median | awk '{printf "%.2f", $1 / 1000}'
}

# Each workload: name, program, how vdm runs it (stdin/stdout redirections
# are part of the command), the DOS command line for DOSBox and emu2.
workloads=(hello loop16 sieve dec32 int21 copy filter)
scale=""
[ "$(basename "$dir")" = quick ] && scale=" [quick]"
declare -A prog=( [hello]=HELLO.COM [loop16]=LOOP16.COM [sieve]=SIEVE.COM
  [dec32]=DEC32.COM [int21]=INT21.COM [copy]=COPY.COM [filter]=FILTER.COM )
declare -A what=( [hello]="start-up: HELLO.COM end to end"
  [loop16]="10^8 LOOP iterations" [sieve]="8190-flag sieve x1000"
  [dec32]="2^28 DEC ECX/JNZ" [int21]="10^6 INT 21h/19h"
  [copy]="copy ${copy_mib} MiB, 32 KiB blocks" [filter]="stdin->stdout ${filter_mib} MiB" )

run_vdm() { # backend workload
  local b=$1 w=$2
  case $w in
    filter) time_cmd sh -c "'$vdm' --backend=$b FILTER.COM < FILTER.IN > FILTER.OUT" ;;
    *) time_cmd "$vdm" --backend="$b" "${prog[$w]}" ;;
  esac
}

dosbox_bin=$(command -v dosbox || true)
run_dosbox() { # workload
  local w=$1 cmdline=${prog[$1]}
  [ -n "$dosbox_bin" ] || { echo "-"; return; }
  case $w in filter) cmdline="FILTER.COM < FILTER.IN > FILTER.OUT" ;; *) cmdline="$cmdline > NUL" ;; esac
  cat > "$work/dosbox.conf" <<CONF
[sdl]
output=surface
[cpu]
core=dynamic
cycles=max
[mixer]
nosound=true
[speaker]
pcspeaker=false
[autoexec]
mount c "$work"
c:
$cmdline
exit
CONF
  SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy time_cmd "$dosbox_bin" -conf "$work/dosbox.conf" -noconsole
}

emu2_bin=$(command -v emu2 || true)
run_emu2() {
  local w=$1
  [ -n "$emu2_bin" ] || { echo "-"; return; }
  case $w in
    filter) time_cmd sh -c "'$emu2_bin' FILTER.COM < FILTER.IN > FILTER.OUT" ;;
    *) time_cmd "$emu2_bin" "${prog[$w]}" ;;
  esac
}

ratio() { # other vdm
  case "$1$2" in *-*|*fail*) echo "-" ;; *) awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}' ;; esac
}

rss_kib() { # backend
  if [ -x /usr/bin/time ]; then
    (cd "$work" && /usr/bin/time -f %M "$vdm" --backend="$1" HELLO.COM 2>&1 >/dev/null | tail -1)
  else
    echo "-"
  fi
}

printf 'vdm benchmarks: %d runs per cell, median wall time; ratios are the other emulator'"'"'s time / vdm'"'"'s (above 1 = vdm faster)\n' "$runs"
printf 'DOSBox: %s   emu2: %s\n\n' "${dosbox_bin:-not installed}" "${emu2_bin:-not installed}"
printf '%-8s %-34s %-8s %12s %12s %12s %12s %12s\n' workload description backend "vdm ms" "dosbox ms" "vs dosbox" "emu2 ms" "vs emu2"
for w in "${workloads[@]}"; do
  d=$(run_dosbox "$w")
  e=$(run_emu2 "$w")
  for b in "${backends[@]}"; do
    v=$(run_vdm "$b" "$w")
    printf '%-8s %-34s %-8s %12s %12s %12s %12s %12s\n' "$w" "${what[$w]}$scale" "$b" "$v" "$d" "$(ratio "$d" "$v")" "$e" "$(ratio "$e" "$v")"
  done
done
echo
for b in "${backends[@]}"; do
  printf 'peak RSS of HELLO.COM on %s: %s KiB\n' "$b" "$(rss_kib "$b")"
done
if cmp -s "$work/FILTER.IN" "$work/FILTER.OUT"; then
  echo "filter output matches its input"
else
  echo "filter output DIFFERS from its input"
fi
