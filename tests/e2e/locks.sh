#!/usr/bin/env bash
# Two vdm processes share a data file (issue 4, "Files"): record locks
# (INT 21h/5Ch) and sharing modes (3Dh) are host OFD locks, so one vdm
# sees what the other holds. HOLD.COM (tests/dos/share_hold.asm) opens
# DATA.TXT deny-write, locks bytes 0-9 and waits for EOF on a fifo;
# TRY.COM (tests/dos/share_try.asm) prints what its opens, reads and lock
# got, once while the holder waits and once after it ended.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
dos_prog share_hold.COM HOLD.COM
dos_prog share_try.COM TRY.COM
printf 'JELLO WORLD, LOCKED\r\n' > "$work/DATA.TXT"
mkfifo "$work/fifo"

begin "a second vdm sees the first one's deny-write open and record lock"
(cd "$work" && exec "$VDM" HOLD.COM < fifo > hold.out 2> hold.err) &
holder=$!
exec 3> "$work/fifo"   # the holder's stdin stays open until we close it
for _ in $(seq 100); do
  grep -q held "$work/hold.out" 2>/dev/null && break
  kill -0 "$holder" 2>/dev/null || break
  sleep 0.1
done
if ! grep -q held "$work/hold.out"; then
  bad "the holder did not get its open and lock: $(cat "$work/hold.out" "$work/hold.err")"
else
  vdm_run TRY.COM
  want_status 0; want_no_err
  want_out $'open-rw 1 0020\r\nopen-r 0 0005\r\nread0 1 0021\r\nread10 0 0004\r\nlock 1 0021\r\n'
fi
end_case

begin "the holder ends when its stdin closes, and its locks go with it"
exec 3>&-
wait "$holder"; st=$?
want_status 0
vdm_run TRY.COM
want_status 0; want_no_err
want_out $'open-rw 0 0005\r\nopen-r 0 0005\r\nread0 0 0004\r\nread10 0 0004\r\nlock 0 5C00\r\n'
end_case
finish
