#!/usr/bin/env bash
# Host CPU use of the display front ends (issue 7): REDRAW.COM
# (tests/bench/redraw.asm) rewrites the whole 80x25 screen for 5 s, either
# as fast as it can ("spin") or once per timer tick with HLT between
# ("tick"). Prints vdm's own user+sys CPU time per front end: stdio (no
# rendering: the baseline), terminal (inside a tmux pane) and window
# (under Xvfb). Figures only; nothing is judged.
# Usage: display_cpu.sh VDM BENCH_DIR [BACKEND]   (BENCH_DIR: build/tests/bench/full)
set -u
vdm=$(realpath "$1") dir=$(realpath "$2") backend=${3:-auto}
work=$(mktemp -d "${TMPDIR:-/tmp}/vdm-dispcpu.XXXXXX")
sock="vdm-dispcpu-$$"
xvfb=""
cleanup() {
  tmux -L "$sock" kill-server 2> /dev/null
  [ -n "$xvfb" ] && kill "$xvfb" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cp "$dir/REDRAW.COM" "$work/"
cd "$work" || exit 1
fmt="%U %S %e"

report() { # NAME MODE TIMEFILE
  read -r u s e < "$3" || { printf '%-9s %-5s failed\n' "$1" "$2"; return; }
  awk -v n="$1" -v m="$2" -v u="$u" -v s="$s" -v e="$e" \
    'BEGIN { printf "%-9s %-5s %6.2f s user %5.2f s sys %5.2f s wall  %5.1f%% of a CPU\n", n, m, u, s, e, 100 * (u + s) / e }'
}

echo "front end, mode, vdm CPU time (backend $backend)"
for mode in spin tick; do
  arg=""; [ $mode = tick ] && arg=T
  /usr/bin/time -o t.stdio -f "$fmt" "$vdm" --backend="$backend" --display=stdio REDRAW.COM $arg \
    < /dev/null > /dev/null 2>&1
  report stdio $mode t.stdio

  if command -v tmux > /dev/null; then
    TMUX_TMPDIR=$work tmux -L "$sock" new-session -d -x 100 -y 30 -s t \
      "/usr/bin/time -o t.term -f '$fmt' '$vdm' --backend=$backend --display=terminal REDRAW.COM $arg; touch done.term"
    while [ ! -e done.term ]; do sleep 0.1; done
    rm -f done.term
    report terminal $mode t.term
  fi

  if command -v Xvfb > /dev/null && [ -z "$xvfb" ]; then
    exec 3> displayfd
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp > /dev/null 2>&1 &
    xvfb=$!
    exec 3>&-
    for ((i = 0; i < 100; i++)); do [ -s displayfd ] && break; sleep 0.05; done
  fi
  if [ -n "$xvfb" ]; then
    DISPLAY=:$(head -1 displayfd) /usr/bin/time -o t.win -f "$fmt" "$vdm" --backend="$backend" \
      --display=window REDRAW.COM $arg < /dev/null > /dev/null 2>&1
    report window $mode t.win
  fi
done
