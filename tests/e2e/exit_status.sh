#!/usr/bin/env bash
# vdm's exit status is the DOS program's return code (DESIGN.md, "The
# public contract"), so `vdm PROG; echo $?`, `if vdm PROG`, make and CI see
# a DOS failure as a failure. TAIL_EXIT.COM (tests/dos/tail_exit.asm) ends
# the way its tail says: INT 21h/4Ch with AL = N, INT 20h, or RET to PSP:0.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
dos_prog tail_exit.COM TAIL_EXIT.COM
cp "$BUILD_DIR/HELLO.COM" "$work/"

for code in 0 1 42 255; do
  begin "4Ch return code $code is the exit status"
  vdm_run TAIL_EXIT.COM $code
  want_status $code; want_no_err; want_out ""
  end_case
done

begin "INT 20h ends with status 0"
vdm_run TAIL_EXIT.COM i
want_status 0; want_no_err
end_case

begin "RET to PSP:0000 (INT 20h) ends with status 0"
vdm_run TAIL_EXIT.COM
want_status 0; want_no_err
end_case

begin "the demo HELLO.COM greets and exits with 0"
vdm_run HELLO.COM
want_status 0; want_no_err
want_out $'Hello from DOS, running under vdm!\r\n'
end_case

begin "a shell's if and || see the DOS failure"
(cd "$work" && if "$VDM" TAIL_EXIT.COM 1; then exit 10; else exit 0; fi) || bad "if took the success branch"
(cd "$work" && "$VDM" TAIL_EXIT.COM 3 || exit 0; exit 11) || bad "|| did not run"
end_case

finish
