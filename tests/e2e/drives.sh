#!/usr/bin/env bash
# Drives from the command line (vdm/main.c, hostfs/): --drive, --follow-
# symlinks, --printer and --lowercase values checked (status 125 and one
# "vdm:" line on a bad one); --trace lists the drive table; a program
# outside every drive runs from its directory mounted read-only on the
# next free letter, and one inside a --drive mount runs from that drive.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
cp "$BUILD_DIR/HELLO.COM" "$work/"
mkdir -p "$work/SUB/INNER" "$work/elsewhere"
cp "$BUILD_DIR/HELLO.COM" "$work/elsewhere/"

for v in "--drive=Q" "--drive=1=SUB" "--drive=D=" "--follow-symlinks=1" \
         "--follow-symlinks=" "--printer=" "--printer=|"; do
  begin "$v is refused"
  vdm_run "$v" HELLO.COM
  want_status 125; want_vdm_line "--(drive|follow-symlinks|printer) wants .*"
  end_case
done

begin "--drive to a missing directory is refused"
vdm_run --drive=D=nonexistent HELLO.COM
want_status 125; want_vdm_line "--drive=D=nonexistent: No such file or directory"
end_case

begin "--follow-symlinks on an unmounted drive is refused"
vdm_run --follow-symlinks=X HELLO.COM
want_status 125; want_vdm_line "--follow-symlinks=X: drive X: is not mounted"
end_case

begin "--trace shows the drive table and the printer"
vdm_run --trace=dos --drive=D=SUB,ro --follow-symlinks=c HELLO.COM
want_status 0
grep -qxF "vdm-trace: drive C: $work (rw, follows symlinks)" "$err" || bad "no C: line"
grep -qxF "vdm-trace: drive D: $work/SUB (ro)" "$err" || bad "no D: line"
grep -qxF "vdm-trace: printer: none, PRN output is discarded" "$err" || bad "no printer line"
end_case

begin "a program outside every drive runs from the next free drive, read-only"
(cd "$work/SUB" && "$VDM" --trace=dos ../elsewhere/HELLO.COM > "$out" 2> "$err")
st=$?
want_status 0
grep -q "^Hello from DOS" "$out" || bad "stdout '$(head -c 80 "$out")'"
grep -qxF "vdm-trace: drive D: $work/elsewhere (ro)" "$err" || bad "no read-only D: line"
end_case

begin "a program inside a --drive mount runs from that drive"
(cd "$work/SUB" && "$VDM" --trace=dos --drive=E=../elsewhere ../elsewhere/HELLO.COM \
   > "$out" 2> "$err")
st=$?
want_status 0
grep -qxF "vdm-trace: drive E: $work/elsewhere (rw)" "$err" || bad "no E: line"
! grep -q "vdm-trace: drive D:" "$err" || bad "an extra drive was mounted"
end_case

finish
