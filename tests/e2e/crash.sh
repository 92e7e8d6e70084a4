#!/usr/bin/env bash
# A guest that crashes its virtual CPU ends vdm with status 125 and exactly
# one stderr line "vdm: PROGRAM: <what> at CS:IP" naming the faulting
# instruction; a guest that never ends is stopped by --timeout with 124
# (DESIGN.md, "The public contract"). Files the program wrote before are
# complete on the host however it ended.
# Each crash_*.asm prints "where CS:IP" (its own CS and the label of the
# faulting instruction) first, so the expected address is not hard-coded.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
for p in crash_div0 crash_ud crash_hlt crash_ffbytes crash_loop crash_write; do
  dos_prog $p.COM
done

crash_case() { # PROGRAM WHAT
  begin "$1: $2 -> 125 and one line at the right CS:IP"
  vdm_run --timeout=20 "$1.COM"
  want_status 125
  local where
  where=$(tr -d '\r' < "$out" | sed -n 's/^where //p')
  [[ "$where" =~ ^[0-9A-F]{4}:[0-9A-F]{4}$ ]] || bad "no 'where' line in stdout"
  want_vdm_line "$1\.COM: $2 at $where"
  end_case
}
crash_case crash_div0 "division by zero"
crash_case crash_ud "invalid opcode"
crash_case crash_hlt "HLT with interrupts disabled"
crash_case crash_ffbytes "invalid opcode"

for mode in spin idle; do
  begin "an endless loop ($mode) with --timeout=1 -> 124 within a few seconds"
  arg=""; [ $mode = idle ] && arg=H
  start=$(date +%s%N)
  vdm_run --timeout=1 crash_loop.COM $arg
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  want_status 124
  want_out $'looping\r\n'
  want_vdm_line "crash_loop\.COM: timed out.*"
  [ $ms -ge 900 ] || bad "stopped after $ms ms, before the timeout"
  [ $ms -lt 5000 ] || bad "took $ms ms"
  end_case
done

begin "--timeout takes fractions of a second"
start=$(date +%s%N)
vdm_run --timeout=0.3 crash_loop.COM
ms=$(( ($(date +%s%N) - start) / 1000000 ))
want_status 124
[ $ms -lt 3000 ] || bad "took $ms ms"
end_case

# crash_write.COM: creates WROTE.TXT, writes three lines, then ends as its
# tail says (D: divide by zero, L: loop, none: exit 0).
write_case() { # NAME STATUS VDM-ARGS...
  local name=$1 want=$2; shift 2
  begin "$name"
  rm -f "$work/WROTE.TXT"
  vdm_run "$@"
  if [ "$st" = 2 ] && grep -q "3ch FAIL got 0001" "$out"; then
    skip_case "INT 21h/3Ch (create) is not available in this build"
  else
    want_status "$want"
    cmp -s "$work/WROTE.TXT" "$TESTS_SRC/dos/crash_write.txt" ||
      bad "WROTE.TXT is not the three lines: $(head -c 200 "$work/WROTE.TXT" 2>&1)"
  fi
  end_case
}
write_case "a file written before a normal exit is complete" 0 crash_write.COM
write_case "a file written before a division by zero is complete" 125 crash_write.COM D
write_case "a file written before --timeout is complete" 124 --timeout=1 crash_write.COM L

finish
