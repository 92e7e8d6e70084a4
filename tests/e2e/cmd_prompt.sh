#!/usr/bin/env bash
# The interactive DOS prompt (`vdm` with no program) driven like a user at
# a terminal, under tmux: the C:\> prompt appears, internal commands and a
# program run, CD changes the prompt ($P$G), a syntax error is reported
# and the prompt comes back, line editing (Left arrow then typing inserts,
# Backspace) and history (Up arrow recalls a line), and EXIT n ends vdm
# with status n.
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
# wait_for TEXT: poll the pane until TEXT shows (up to 10 s);
# wait_line TEXT: until a line of the pane is exactly TEXT (program output,
# not the command line that was typed).
wait_for() { wait_grep -F "$1"; }
wait_line() { wait_grep -xF "$1"; }
wait_grep() {
  for _ in $(seq 100); do
    tmux -L "$sock" capture-pane -p -t t | grep -q "$@" && return 0
    sleep 0.1
  done
  echo "FAIL: '$2' never appeared; the screen was:"
  tmux -L "$sock" capture-pane -p -t t
  fails=$((fails + 1))
  return 1
}
type_line() { tmux -L "$sock" send-keys -t t -l "$1"; tmux -L "$sock" send-keys -t t Enter; }

wait_for 'C:\>' && echo "ok prompt"
type_line 'echo typed at the prompt'
wait_line 'typed at the prompt' && echo "ok echo"
type_line 'hello'
wait_line 'Hello from DOS, running under vdm!' && echo "ok program"
type_line 'cd sub'
wait_for 'C:\SUB>' && echo "ok cd changes the prompt"
type_line 'echo |'
wait_line 'Syntax error' && echo "ok syntax error"
type_line 'dir /b ..'
wait_line 'HELLO.COM' && echo "ok dir"
tmux -L "$sock" send-keys -t t -l 'echo acx'
tmux -L "$sock" send-keys -t t BSpace Left
tmux -L "$sock" send-keys -t t -l 'b'
tmux -L "$sock" send-keys -t t Enter
wait_line 'abc' && echo "ok left arrow and backspace edit the line"
tmux -L "$sock" send-keys -t t -l 'echo recalled'
tmux -L "$sock" send-keys -t t Enter
wait_line 'recalled' && tmux -L "$sock" send-keys -t t Up Enter
for _ in $(seq 50); do
  [ "$(tmux -L "$sock" capture-pane -p -t t | grep -c '^recalled$')" = 2 ] && break
  sleep 0.1
done
if [ "$(tmux -L "$sock" capture-pane -p -t t | grep -c '^recalled$')" = 2 ]; then
  echo "ok up arrow recalls the last line"
else
  echo "FAIL: up arrow did not run the last line again"; fails=$((fails + 1))
fi
type_line 'exit 3'
wait_line 'vdm-exit=3' && echo "ok exit status"
[ "$fails" = 0 ] || exit 1
echo PASS
