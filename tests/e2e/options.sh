#!/usr/bin/env bash
# vdm's own options (vdm/main.c's option table): --help and --version
# succeed; an unknown option or a bad value is vdm's failure, status 125
# with one "vdm:" line; everything after PROGRAM belongs to the DOS
# program, even when it looks like a vdm option.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
dos_prog tail_print.COM PRINTTAIL.COM

begin "--help prints usage on stdout, status 0"
vdm_run --help
want_status 0; want_no_err
grep -q '^Usage: vdm ' "$out" || bad "no Usage line"
for o in --timeout --trace --env --backend --display; do
  grep -q -- "$o" "$out" || bad "$o not in the help"
done
end_case

begin "--version prints the version, status 0"
vdm_run --version
want_status 0; want_no_err
grep -qE '^vdm [0-9]+\.[0-9]+\.[0-9]+$' "$out" || bad "stdout '$(cat "$out")'"
end_case

begin "--help wins over a program after it"
vdm_run --help PRINTTAIL.COM x
want_status 0
grep -q '^Usage: vdm ' "$out" || bad "no Usage line"
end_case

fail_case() { # REGEX ARGS...: status 125 with one matching vdm: line
  local re=$1; shift
  begin "vdm $* -> 125"
  vdm_run "$@"
  want_status 125; want_out ""
  want_vdm_line "$re"
  end_case
}
fail_case "unknown option '--bogus'.*" --bogus PRINTTAIL.COM
fail_case "unknown option '-x'.*" -x PRINTTAIL.COM
fail_case "option '--version=2' takes no value.*" --version=2
fail_case "option '--timeout' needs a value.*" --timeout
fail_case "--timeout wants .*'abc'" --timeout=abc PRINTTAIL.COM
fail_case "--timeout wants .*'0'" --timeout=0 PRINTTAIL.COM
fail_case "--timeout wants .*'-1'" --timeout=-1 PRINTTAIL.COM
fail_case "--timeout wants .*'nan'" --timeout=nan PRINTTAIL.COM
fail_case "--timeout wants .*'inf'" --timeout=inf PRINTTAIL.COM
fail_case "--timeout wants .*'5s'" --timeout=5s PRINTTAIL.COM
fail_case "--timeout wants .*''" --timeout= PRINTTAIL.COM
fail_case "--trace wants .*'bogus'" --trace=bogus PRINTTAIL.COM
fail_case "--trace wants .*'dos,nope'" --trace=dos,nope PRINTTAIL.COM
fail_case "--trace wants .*''" --trace= PRINTTAIL.COM
fail_case "unknown backend 'nonesuch'.*" --backend=nonesuch PRINTTAIL.COM
fail_case "--display=bogus .*" --display=bogus PRINTTAIL.COM

begin "no PROGRAM: the interactive prompt, which ends at end of input"
vdm_run --timeout=5
want_status 0; want_no_err; want_out 'C:\>'
end_case

begin "good values are accepted"
vdm_run --timeout=2.5 --trace=dos,bios --backend=auto --display=stdio PRINTTAIL.COM ok
want_status 0; want_out $'[ ok]\r\n'
end_case

begin "options after PROGRAM go to the DOS program"
vdm_run PRINTTAIL.COM --help --timeout=x -v /?
want_status 0; want_no_err; want_out $'[ --help --timeout=x -v /?]\r\n'
end_case

begin "-- ends vdm's options"
vdm_run --timeout=5 -- PRINTTAIL.COM --version
want_status 0; want_no_err; want_out $'[ --version]\r\n'
end_case

begin "--backends lists x86emu and what auto picks"
vdm_run --backends
want_status 0
grep -q '^x86emu: available$' "$out" || bad "no 'x86emu: available'"
grep -q '^auto: ' "$out" || bad "no 'auto:' line"
end_case

finish
