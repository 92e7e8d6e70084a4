#!/usr/bin/env bash
# vdm benchmarks: prints a table of figures, one row per workload and
# backend, with ratios against DOSBox (Debian package dosbox, headless,
# dynamic core, cycles=max) and emu2 when they are installed, then the
# derived figures (per-trap cost, copy throughput, speed-ups). Never fails
# on a time: it measures, it does not judge.
#
# Usage: run.sh VDM BENCH_DIR [BACKEND...]
#   BENCH_DIR holds the assembled workloads (build/tests/bench/full, or
#   .../quick for a fast smoke run). Backends default to every available one.
# Environment:
#   BENCH_RUNS        runs per cell, default 5; the median is shown
#   BENCH_RUNS_<B>    runs per cell for backend B (e.g. BENCH_RUNS_x86emu=3)
#   BENCH_BACKENDS    backends to measure (space-separated), instead of args
#   BENCH_SKIP        cells not to run, space-separated: BACKEND:WORKLOAD,
#                     BACKEND (whole row set) or WORKLOAD; shown as "skipped"
#   BENCH_TIMEOUT     seconds per vdm run (--timeout); a cell that runs out
#                     shows ">Ns", never a figure
#   BENCH_COPY_MIB    workload 5 file size, default 64
#   BENCH_FILTER_MIB  workload 6 input size, default 16
set -u
vdm=$(realpath "$1") dir=$(realpath "$2"); shift 2
runs=${BENCH_RUNS:-5}
copy_mib=${BENCH_COPY_MIB:-64}
filter_mib=${BENCH_FILTER_MIB:-16}
skip=" ${BENCH_SKIP:-} "
timeout_s=${BENCH_TIMEOUT:-}

if [ $# -gt 0 ]; then
  backends=("$@")
elif [ -n "${BENCH_BACKENDS:-}" ]; then
  read -r -a backends <<< "$BENCH_BACKENDS"
else
  mapfile -t backends < <("$vdm" --backends | sed -n 's/^\([a-z0-9]*\): available.*$/\1/p')
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vdm-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$dir"/*.COM "$work/"
head -c $((copy_mib << 20)) /dev/urandom > "$work/IN.DAT"
head -c $((filter_mib << 20)) /dev/urandom > "$work/FILTER.IN"
cd "$work" || exit 1 # every run starts here (no subshell in the timed span)

# median of the numbers on stdin
median() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

# time_cmd CMD...: run the command $runs times; print the median
# wall time in milliseconds, "fail" when any run exits non-zero, or ">Ns"
# when a run hit BENCH_TIMEOUT (vdm's status 124).
time_cmd() {
  local t0 t1 i st out=()
  for ((i = 0; i < runs; i++)); do
    rm -f OUT.DAT FILTER.OUT # every run writes its output afresh, as the first did
    t0=${EPOCHREALTIME/./}
    "$@" > /dev/null 2>&1
    st=$?
    t1=${EPOCHREALTIME/./}
    [ $st = 124 ] && { echo ">${timeout_s}s"; return; }
    [ $st = 0 ] || { echo fail; return; }
    out+=("$((t1 - t0))")
  done
  printf '%s\n' "${out[@]}" | median | awk '{printf "%.2f", $1 / 1000}'
}

# Each workload: name, program, how vdm runs it (stdin/stdout redirections
# are part of the command), the DOS command line for DOSBox and emu2.
workloads=(hello loop16 sieve dec32 int21 outloop copy filter)
scale=""
[ "$(basename "$dir")" = quick ] && scale=" [quick]"
declare -A prog=( [hello]=HELLO.COM [loop16]=LOOP16.COM [sieve]=SIEVE.COM
  [dec32]=DEC32.COM [int21]=INT21.COM [outloop]=OUTLOOP.COM [copy]=COPY.COM
  [filter]=FILTER.COM )
declare -A what=( [hello]="start-up: HELLO.COM end to end"
  [loop16]="10^8 LOOP iterations" [sieve]="8190-flag sieve x1000"
  [dec32]="2^28 DEC ECX/JNZ" [int21]="10^6 INT 21h/19h" [outloop]="10^6 OUT to a free port"
  [copy]="copy ${copy_mib} MiB, 32 KiB blocks" [filter]="stdin->stdout ${filter_mib} MiB" )

run_vdm() { # backend workload
  local b=$1 w=$2 to=()
  [ -n "$timeout_s" ] && to=(--timeout="$timeout_s")
  case $w in
    filter) time_cmd sh -c "'$vdm' ${to[*]} --backend=$b FILTER.COM < FILTER.IN > FILTER.OUT" ;;
    *) time_cmd "$vdm" "${to[@]}" --backend="$b" "${prog[$w]}" ;;
  esac
}

skipped() { # backend workload
  case "$skip" in *" $1:$2 "*|*" $1 "*|*" $2 "*) return 0 ;; esac
  return 1
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
  case "$1$2" in *-*|*fail*|*skip*|*'>'*) echo "-" ;; *) awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a / b}' ;; esac
}

rss_kib() { # backend
  if [ -x /usr/bin/time ]; then
    (cd "$work" && /usr/bin/time -f %M "$vdm" --backend="$1" HELLO.COM 2>&1 >/dev/null | tail -1)
  else
    echo "-"
  fi
}

is_num() { [[ $1 =~ ^[0-9]+(\.[0-9]+)?$ ]]; }

printf 'vdm benchmarks: %d runs per cell unless BENCH_RUNS_<backend> says otherwise, median wall time; ratios are the other emulator'"'"'s time / vdm'"'"'s (above 1 = vdm faster)\n' "$runs"
printf 'DOSBox: %s   emu2: %s\n\n' "${dosbox_bin:-not installed}" "${emu2_bin:-not installed}"
printf '%-8s %-36s %-8s %12s %12s %10s %10s %8s\n' workload description backend "vdm ms" "dosbox ms" "vs dosbox" "emu2 ms" "vs emu2"
declare -A t
for w in "${workloads[@]}"; do
  d=$(run_dosbox "$w")
  e=$(run_emu2 "$w")
  t[dosbox:$w]=$d
  for b in "${backends[@]}"; do
    if skipped "$b" "$w"; then
      v=skipped
    else
      runs_var="BENCH_RUNS_$b"
      v=$(runs=${!runs_var:-$runs} run_vdm "$b" "$w")
    fi
    t[$b:$w]=$v
    printf '%-8s %-36s %-8s %12s %12s %10s %10s %8s\n' "$w" "${what[$w]}$scale" "$b" "$v" "$d" "$(ratio "$d" "$v")" "$e" "$(ratio "$e" "$v")"
  done
done

# Derived figures. Service-call workloads make N calls (10^6 full, 10^4
# quick); a call's cost is (workload - HELLO.COM start-up) / N.
calls=1000000
[ -n "$scale" ] && calls=10000
echo
printf '%-8s %10s %10s %12s %12s %12s %12s %12s %12s\n' backend "hello ms" "RSS KiB" "INT21h us" "OUT us" "INT/OUT" "copy MB/s" "loop16 vs" "dec32 vs"
printf '%-8s %10s %10s %12s %12s %12s %12s %12s %12s\n' "" "" "" "per call" "per exit" "" "" "x86emu" "x86emu"
for b in "${backends[@]}"; do
  h=${t[$b:hello]} i=${t[$b:int21]} o=${t[$b:outloop]} c=${t[$b:copy]}
  per_int=- per_out=- io=- mbs=- l=- d32=-
  if is_num "$h" && is_num "$i"; then per_int=$(awk -v a="$i" -v h="$h" -v n=$calls 'BEGIN {printf "%.3f", (a - h) * 1000 / n}'); fi
  if is_num "$h" && is_num "$o"; then per_out=$(awk -v a="$o" -v h="$h" -v n=$calls 'BEGIN {printf "%.3f", (a - h) * 1000 / n}'); fi
  if is_num "$per_int" && is_num "$per_out"; then io=$(awk -v a="$per_int" -v b="$per_out" 'BEGIN {printf "%.2fx", a / b}'); fi
  if is_num "$c"; then mbs=$(awk -v c="$c" -v m="$copy_mib" 'BEGIN {printf "%.0f", m * 1048576 / 1e6 / (c / 1000)}'); fi
  x=${t[x86emu:loop16]:-} && is_num "$x" && is_num "${t[$b:loop16]}" && l=$(ratio "$x" "${t[$b:loop16]}")
  x=${t[x86emu:dec32]:-} && is_num "$x" && is_num "${t[$b:dec32]}" && d32=$(ratio "$x" "${t[$b:dec32]}")
  printf '%-8s %10s %10s %12s %12s %12s %12s %12s %12s\n' "$b" "$h" "$(rss_kib "$b")" "$per_int" "$per_out" "$io" "$mbs" "$l" "$d32"
done
# CPU workloads net of start-up (each side's HELLO.COM time taken off):
# DOSBox alone needs most of a second to start, which the table's ratios
# credit to vdm.
echo
for w in loop16 sieve dec32; do
  for b in "${backends[@]}"; do
    v=${t[$b:$w]} vh=${t[$b:hello]} d=${t[dosbox:$w]} dh=${t[dosbox:hello]} x=${t[x86emu:$w]:-} xh=${t[x86emu:hello]:-}
    is_num "$v" && is_num "$vh" || continue
    net=$(awk -v a="$v" -v b="$vh" 'BEGIN {printf "%.2f", a - b}')
    vx=- vd=-
    if is_num "$x" && is_num "$xh"; then vx=$(awk -v a="$x" -v b="$xh" -v n="$net" 'BEGIN {printf "%.2fx", (a - b) / n}'); fi
    if is_num "$d" && is_num "$dh"; then vd=$(awk -v a="$d" -v b="$dh" -v n="$net" 'BEGIN {printf "%.2fx", (a - b) / n}'); fi
    printf '%-8s on %-8s net of start-up: %10s ms   vs x86emu %8s   vs DOSBox %8s\n' "$w" "$b" "$net" "$vx" "$vd"
  done
done
if [ ! -e "$work/FILTER.OUT" ]; then
  echo "filter output not produced"
elif cmp -s "$work/FILTER.IN" "$work/FILTER.OUT"; then
  echo "filter output matches its input"
else
  echo "filter output DIFFERS from its input"
fi
