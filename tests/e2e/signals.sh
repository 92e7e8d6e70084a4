#!/usr/bin/env bash
# SIGINT, SIGTERM and SIGHUP end a running DOS program cleanly: the run
# loop sees the flag, vdm tears down as on any other outcome (DOS files
# closed), prints one "vdm:" line and exits with 128 + the signal number,
# the status a shell gives a command a signal killed (vdm/main.c).
# LOOP.COM (tests/dos/crash_loop.asm) spins in JMP $, or idles in STI/HLT
# with "H" in its tail.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
dos_prog crash_loop.COM LOOP.COM
dos_prog crash_write.COM

# Send signal $1 after 1 s; the run would otherwise last 30 s. -k: a vdm
# that ignores the signal is killed at 10 s (status 137, a failure).
kill_run() { # SIG ARGS...
  local sig=$1; shift
  local start; start=$(date +%s%N)
  (cd "$work" && timeout -k 10 --preserve-status -s "$sig" 1 \
      "$VDM" --timeout=30 "$@" < /dev/null > "$out" 2> "$err")
  st=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
}

for spec in TERM:15:spin TERM:15:idle INT:2:spin INT:2:idle HUP:1:spin; do
  IFS=: read -r sig num mode <<< "$spec"
  begin "SIG$sig ($mode) ends vdm with $((128 + num)) after teardown"
  if sig_ignored "$num"; then
    skip_case "SIG$sig is ignored in this shell, and vdm keeps it ignored"
  else
    arg=""; [ "$mode" = idle ] && arg=H
    kill_run "$sig" LOOP.COM $arg
    want_status $((128 + num))
    want_out $'looping\r\n'
    want_vdm_line "LOOP\.COM: stopped by signal $num .*"
    [ $ms -lt 5000 ] || bad "took $ms ms to stop"
  fi
  end_case
done

begin "a file written before SIGTERM is complete"
kill_run TERM crash_write.COM L
if [ "$st" = 2 ] && grep -q "3ch FAIL got 0001" "$out"; then
  skip_case "INT 21h/3Ch (create) is not available in this build"
else
  want_status 143
  cmp -s "$work/WROTE.TXT" "$TESTS_SRC/dos/crash_write.txt" || bad "WROTE.TXT incomplete"
fi
end_case

begin "a second SIGTERM ends vdm at once, even blocked in a read"
# FILTER.COM reads stdin: a FIFO nobody writes to. The first signal only
# sets the flag (the read goes on); the second finds the default action.
dos_prog tail_stdio.COM FILTER.COM
mkfifo "$work/fifo"
exec 3<> "$work/fifo"
start=$(date +%s%N)
(cd "$work" && exec "$VDM" FILTER.COM <&3 > "$out" 2> "$err") &
pid=$!
sleep 0.5
kill -TERM $pid; sleep 0.5; kill -TERM $pid 2>/dev/null
# A vdm that survives both is killed at 5 s (status 137, a failure).
for _ in $(seq 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
kill -KILL $pid 2>/dev/null
wait $pid; st=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
exec 3>&-
want_status 143
[ $ms -lt 5000 ] || bad "took $ms ms"
end_case

begin "a signal ignored when vdm starts stays ignored (nohup)"
# Not through timeout(1): it resets the disposition in its child.
(cd "$work" && trap '' HUP && exec "$VDM" --timeout=2 LOOP.COM < /dev/null > "$out" 2> "$err") &
pid=$!
sleep 1
kill -HUP $pid 2>/dev/null
wait $pid; st=$?
want_status 124
want_vdm_line "LOOP\.COM: timed out.*"
end_case

finish
