#!/usr/bin/env bash
# Unclaimed I/O ports from the shell's side: PORTS.COM
# (tests/dos/port_unclaimed.asm) checks that IN reads all ones and OUT
# vanishes; here, that --trace=port shows each access on stderr, one line
# each, and leaves stdout alone, and that without it stderr stays quiet.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
dos_prog port_unclaimed.COM PORTS.COM
want_checks=$'port-1.1 ok\r\nport-1.2 ok\r\nport-1.3 ok\r\nport-2.1 ok\r\nport-2.2 ok\r\n'

begin "unclaimed ports read FFh/FFFFh, writes vanish; no trace by default"
vdm_run PORTS.COM
want_status 0; want_no_err; want_out "$want_checks"
end_case

begin "--trace=port shows every access on stderr, stdout unchanged"
vdm_run --trace=port PORTS.COM
want_status 0; want_out "$want_checks"
cat > "$work/want-trace" <<'TRACE'
vdm-trace: in unclaimed port 00E0h size 1 value FFh
vdm-trace: in unclaimed port 00E0h size 2 value FFFFh
vdm-trace: in unclaimed port 00E8h size 1 value FFh
vdm-trace: out unclaimed port 00E0h size 1 value 5Ah
vdm-trace: in unclaimed port 00E0h size 1 value FFh
vdm-trace: out unclaimed port 00E8h size 2 value A55Ah
vdm-trace: in unclaimed port 00E8h size 2 value FFFFh
TRACE
grep 'port' "$err" > "$work/got-trace"
diff -u "$work/want-trace" "$work/got-trace" > "$work/trace.diff" || bad "trace differs: $(cat "$work/trace.diff")"
end_case

begin "--trace=all includes the port channel"
vdm_run --trace=all PORTS.COM
want_status 0; want_out "$want_checks"
grep -q 'out unclaimed port 00E0h size 1 value 5Ah' "$err" || bad "no port line"
end_case

begin "--trace=dos leaves the port channel off"
vdm_run --trace=dos PORTS.COM
want_status 0
! grep -q 'port' "$err" || bad "port lines without --trace=port"
end_case

finish
