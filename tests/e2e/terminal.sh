#!/usr/bin/env bash
# The terminal front end driven for real under tmux (DESIGN.md, "How to
# test"; issue 7): a full-screen program (tests/dos/screen_keys.asm) reads
# keys and draws them into video memory; tmux send-keys types, and
# capture-pane reads the screen. After every way out - the program's own
# exit, --timeout, Ctrl-C twice, SIGTERM - the terminal modes must be as
# before (stty -g), the alternate screen left, and the final DOS screen
# left in the normal screen. tests/dos/con_keys.asm reads the keys
# through the DOS console functions instead.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
command -v tmux > /dev/null || { echo "SKIP: tmux is not installed"; exit 77; }
dos_prog screen_keys.COM KEYS.COM
dos_prog con_keys.COM CONKEYS.COM
dos_prog mouse_click.COM MOUSE.COM
cp "$BUILD_DIR/HELLO.COM" "$work/"

sock="vdm-e2e-$$"
tm() { tmux -L "$sock" "$@"; }
trap 'tmux -L "$sock" kill-server 2> /dev/null; rm -rf "$work"' EXIT
export TMUX_TMPDIR=$work

# A fresh 100x30 pane running a plain bash in $work.
# A session that lives for the whole script keeps the tmux server up
# between cases (a server that is shutting down refuses new sessions).
tm new-session -d -s keep "sleep 600"
new_pane() { # [COLS ROWS]
  tm kill-session -t t 2> /dev/null
  tm new-session -d -x "${1:-100}" -y "${2:-30}" -s t \
    "cd '$work' && PS1='$ ' TERM=xterm-256color exec bash --norc --noprofile"
  tm set-option -t t status off
  wait_pane '^\$' 5
}
pane() { tm capture-pane -p -t t "$@"; }
# Wait up to $2 seconds for the pane to show a line matching regex $1.
wait_pane() {
  local i
  for ((i = 0; i < ${2:-10} * 20; i++)); do
    pane | grep -qE "$1" && return 0
    sleep 0.05
  done
  return 1
}
# Run vdm in the pane with the terminal modes recorded before and after;
# the exit status lands in $work/status.
run_pane() {
  rm -f "$work/status" "$work/before" "$work/after"
  tm send-keys -t t "stty -g > before; '$VDM' $*; echo \$? > status; stty -g > after" Enter
}
wait_status() {
  local i
  for ((i = 0; i < 300; i++)); do
    [ -s "$work/status" ] && [ -s "$work/after" ] && { st=$(cat "$work/status"); return 0; }
    sleep 0.05
  done
  st=none
  return 1
}
key() { tm send-keys -t t "$@"; sleep 0.15; }
# The terminal after vdm: modes as before, normal screen, cursor shown.
want_restored() {
  cmp -s "$work/before" "$work/after" || bad "terminal modes changed: $(cat "$work/before") -> $(cat "$work/after")"
  local state; state=$(tm display -p -t t '#{alternate_on} #{cursor_flag}')
  [ "$state" = "0 1" ] || bad "alternate screen / cursor flags '$state', want '0 1'"
}

begin "a program that never takes the screen streams like any command"
new_pane
run_pane --timeout=10 HELLO.COM
wait_status || bad "vdm did not end"
want_status 0
pane | grep -q "Hello" || bad "no greeting in the pane: $(pane | head -5)"
want_restored
end_case

begin "keys reach the program as BIOS key words"
new_pane
run_pane --timeout=20 KEYS.COM
wait_pane "^KEYS: type, q quits" 10 || bad "the program's screen did not appear"
[ "$(tm display -p -t t '#{alternate_on}')" = 1 ] || bad "not on the alternate screen"
key a; key Up; key F1; key é; key C-c; key M-x; key Escape; sleep 0.2; key Enter; key S-F2
wait_pane "^KEY 08:" 5 || true
want_line() { pane | grep -qE "$1" || bad "no line matching '$1'"; }
want_line '^KEY 00: 1E61 a$'
want_line '^KEY 01: 48(00|E0)'          # Up: a grey key
want_line '^KEY 02: 3B00'               # F1
want_line '^KEY 03: 0082 é$'            # UTF-8 in, CP437 82h (Alt+130)
want_line '^KEY 04: 2E03 ♥$'            # one Ctrl-C reaches the program
want_line '^KEY 05: 2D00'               # Alt+X
want_line '^KEY 06: 011B ←$'            # Esc alone
want_line '^KEY 07: 1C0D ♪$'            # Enter
want_line '^KEY 08: 5500'               # Shift+F2
# Colours: the title is yellow (FFFF55) on blue (0000AA), 256-colour SGR.
pane -e | head -1 | grep -q '38;5;227' || bad "title not in yellow: $(pane -e | head -1 | cat -v | cut -c1-80)"
pane -e | head -1 | grep -q '48;5;19' || bad "title not on blue"
key q
wait_status || bad "vdm did not end after q"
want_status 0
want_restored
pane | grep -q "^KEY 00: 1E61 a" || bad "the final screen is not in the normal screen"
end_case

begin "--timeout restores the terminal (status 124)"
new_pane
run_pane --timeout=1.5 KEYS.COM
wait_status || bad "vdm did not end"
want_status 124
want_restored
pane | grep -q "timed out" || bad "no 'timed out' line"
end_case

begin "Ctrl-C twice within a second ends vdm (status 130)"
new_pane
run_pane --timeout=20 KEYS.COM
wait_pane "^KEYS:" 10 || bad "the program's screen did not appear"
tm send-keys -t t C-c C-c
wait_status || bad "vdm did not end"
want_status 130
want_restored
end_case

begin "SIGTERM restores the terminal (status 143)"
new_pane
rm -f "$work/pid"
run_pane --timeout=20 KEYS.COM
wait_pane "^KEYS:" 10 || bad "the program's screen did not appear"
pid=$(pgrep -n -f "^$VDM --timeout=20 KEYS.COM")
[ -n "$pid" ] && kill -TERM "$pid"
wait_status || bad "vdm did not end"
want_status 143
want_restored
end_case

begin "a terminal smaller than the DOS screen gets a message and a clipped view"
new_pane 60 20
run_pane --timeout=20 KEYS.COM
wait_pane "smaller than the DOS screen" 10 || bad "no message: $(pane | tail -2)"
pane | grep -q "^KEYS: type, q quits" || bad "the top-left part is not shown"
tm resize-window -t t -x 100 -y 30
sleep 0.3
pane | grep -q "smaller than" && bad "the message stayed after the terminal grew"
key q
wait_status || bad "vdm did not end"
want_status 0
want_restored
end_case

begin "after the takeover, DOS console input reads the keys typed"
# tests/dos/con_keys.asm: INT 21h/08h, 01h, 0Ah (Backspace, Esc, F3), 0Bh,
# 3Fh on CON and Ctrl-C get their keys from the BIOS keyboard, and the
# screen is drawn while they wait.
new_pane
run_pane --timeout=20 CONKEYS.COM
wait_pane "^R08:$" 10 || bad "the screen was not drawn while 08h waits: $(pane | head -3)"
pane | grep -q "^X" || bad "no X at the top left"
key a
wait_pane '^R08:\[a\]$' 5 || bad "08h did not get the key (or echoed it): $(pane | sed -n 3p)"
key F1
wait_pane '^R08X:\[00 3B\]$' 5 || bad "F1 did not read as 00h, 3Bh"
key b
wait_pane '^R01:b\[b\]$' 5 || bad "01h did not echo and return the key"
key h e l l p
wait_pane '^R0A:hellp$' 5 || bad "0Ah does not echo as typed"
key BSpace o Enter
wait_pane '^L5=\[hello\]$' 5 || bad "0Ah did not return the corrected line"
pane | grep -q '^R0A:hello$' || bad "the backspace was not echoed"
wait_pane '^R0B:00 ?$' 5 || bad "0Bh did not report no key"
key z
wait_pane '^R0B:00 FF\[z\]$' 5 || bad "0Bh did not report the key, or 08h did not read it"
key x; key Escape; key j F3 Enter # Esc alone: not the start of Alt+j
wait_pane '^L5=\[jello\]$' 5 || bad "0Ah: Esc, F3 (template) did not give 'jello'"
pane | grep -q '^R0A2:x\\$' || bad "Esc did not echo a backslash"
key a b Enter
wait_pane '^N4=\[ab\]$' 5 || bad "3Fh on CON did not read the line and CR LF"
pane | grep -q '^R3F:ab$' || bad "3Fh did not echo the line"
key C-c k
wait_pane '^1\[k\]$' 5 || bad "Ctrl-C in 08h did not call INT 23h once and restart"
pane | grep -q '^RCC:\^C$' || bad "no ^C echoed"
wait_status || bad "vdm did not end"
want_status 0
want_restored
end_case

begin "a program that reset INT 33h gets xterm mouse reports (a click at cell 10,5)"
new_pane
run_pane --timeout=20 MOUSE.COM
wait_pane 'M' 10 || bad "the program never took the screen"
sleep 0.3
# What xterm sends for a left press and release at column 11, row 6 (SGR).
tm send-keys -t t -l $'\e[<0;11;6M'
sleep 0.2
tm send-keys -t t -l $'\e[<0;11;6m'
wait_status || bad "vdm did not end"
want_status 0
want_restored
for want in '^mouse-0 ok$' '^mouse-x ok$' '^mouse-y ok$' '^CLICKED$'; do
  want_line "$want"
done
end_case

begin "--display=terminal without any terminal fails with one vdm: line (125)"
if ! command -v setsid > /dev/null; then
  skip_case "needs setsid"
else
  (cd "$work" && setsid -w "$VDM" --display=terminal --timeout=5 KEYS.COM < /dev/null > "$out" 2> "$err")
  st=$?
  want_status 125
  want_vdm_line "--display=terminal needs a terminal .*"
fi
end_case

finish
