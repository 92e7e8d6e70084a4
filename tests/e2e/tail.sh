#!/usr/bin/env bash
# ARGS become the DOS command tail, joined with single spaces, verbatim
# (DESIGN.md, "The public contract"): a leading space as COMMAND.COM
# gives one, case and inner spacing kept, at most 126 bytes (the PSP holds
# 127 with the CR; RBIL INT 21/AH=26h "Format of Program Segment Prefix").
# A longer tail is vdm's own failure: status 125 with one "vdm:" line.
# PRINTTAIL.COM (tests/dos/tail_print.asm) prints its tail in brackets.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
dos_prog tail_print.COM PRINTTAIL.COM

tail_case() { # NAME WANT ARGS...
  local name=$1 want=$2; shift 2
  begin "$name"
  vdm_run PRINTTAIL.COM "$@"
  want_status 0; want_no_err; want_out "[$want]"$'\r\n'
  end_case
}
tail_case "no arguments: empty tail" ""
tail_case "one argument gets a leading space" " one" one
tail_case "arguments joined with single spaces, case kept" " Hello WORLD /x -Y" Hello WORLD /x -Y
tail_case "an argument with spaces stays verbatim" " a  b   c d" "a  b   c" d
tail_case "shell-quoted specials pass through" ' "q" *.* %PATH% <in >out |x ;&' '"q"' '*.*' '%PATH%' '<in' '>out' '|x' ';&'
tail_case "non-ASCII bytes pass unchanged" " caf"$'\xc3\xa9'" "$'\x81' "caf"$'\xc3\xa9' $'\x81'

# 126 bytes: a space and 125 letters; 127: one more.
a125=$(printf 'a%.0s' $(seq 125))
tail_case "exactly 126 bytes fit" " $a125" "$a125"
begin "two arguments making 126 bytes fit"
vdm_run PRINTTAIL.COM "${a125:0:62}" "${a125:0:62}"
want_status 0; want_out "[ ${a125:0:62} ${a125:0:62}]"$'\r\n'
end_case

begin "127 bytes is status 125 with one vdm: line"
vdm_run PRINTTAIL.COM "${a125}b"
want_status 125; want_out ""
want_vdm_line "PRINTTAIL\.COM: command line too long for DOS \(at most 126 bytes\)"
end_case

begin "127 bytes over two arguments is refused too"
vdm_run PRINTTAIL.COM "${a125:0:62}" "${a125:0:63}"
want_status 125; want_out ""
want_vdm_line "PRINTTAIL\.COM: command line too long.*"
end_case

finish
