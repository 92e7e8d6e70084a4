#!/usr/bin/env bash
# The interactive DOS prompt (`vdm` with no program) driven like a user at
# a terminal, under tmux: the C:\> prompt appears, internal commands and a
# program run, CD changes the prompt ($P$G), a syntax error is reported
# and the prompt comes back, and EXIT n ends vdm with status n.
# Usage: cmd_prompt.sh VDM DOS_BUILD_DIR BUILD_DIR (as ctest calls it).
# Exits 77 (skipped) when tmux is not installed.
set -u
command -v tmux > /dev/null || { echo "SKIP: tmux is not installed"; exit 77; }
vdm=$(realpath "$1")
build=$(realpath "$3")
dir=$(mktemp -d "${TMPDIR:-/tmp}/vdm-prompt.XXXXXX")
sock="vdm-prompt-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$dir"' EXIT
cp "$build/HELLO.COM" "$dir/" && mkdir "$dir/SUB" || exit 1

tmux -L "$sock" new-session -d -x 80 -y 30 -s t \
  "cd '$dir' && '$vdm' --backend=x86emu; echo vdm-exit=\$?; sleep 60"

fails=0
# wait_for TEXT: poll the pane until TEXT shows (up to 10 s).
wait_for() {
  for _ in $(seq 100); do
    tmux -L "$sock" capture-pane -p -t t | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "FAIL: '$1' never appeared; the screen was:"
  tmux -L "$sock" capture-pane -p -t t
  fails=$((fails + 1))
  return 1
}
type_line() { tmux -L "$sock" send-keys -t t -l "$1"; tmux -L "$sock" send-keys -t t Enter; }

wait_for 'C:\>' && echo "ok prompt"
type_line 'echo typed at the prompt'
wait_for 'typed at the prompt' && echo "ok echo"
type_line 'hello'
wait_for 'Hello from DOS' && echo "ok program"
type_line 'cd sub'
wait_for 'C:\SUB>' && echo "ok cd changes the prompt"
type_line 'echo |'
wait_for 'Syntax error' && echo "ok syntax error"
type_line 'dir /b ..'
wait_for 'HELLO.COM' && echo "ok dir"
type_line 'exit 3'
wait_for 'vdm-exit=3' && echo "ok exit status"
[ "$fails" = 0 ] || exit 1
echo PASS
