#!/usr/bin/env bash
# The DOS program's environment (DESIGN.md; vdm/hostenv.h): host variables
# are visible with upper-cased names and their values unchanged; PATH,
# COMSPEC, TEMP and TMP get DOS values (a host path means nothing to DOS);
# --env=NAME=VALUE overrides and adds. After the strings, an empty one, the
# word 0001h and the program's full DOS path (RBIL INT 21/AH=4Bh "Format of
# environment block"). PRINTENV.COM (tests/dos/env_print.asm) prints it all.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
dos_prog env_print.COM PRINTENV.COM

# Run PRINTENV under `env`, then split its output: $work/vars holds the
# NAME=VALUE lines without CRs.
env_run() {
  (cd "$work" && env "$@" < /dev/null > "$out" 2> "$err"); st=$?
  tr -d '\r' < "$out" | grep -v '^<' | grep -v '^drive ' > "$work/vars"
}
has_var() { grep -qxF -- "$1" "$work/vars" || bad "no line '$1'"; }
lacks_name() { ! grep -qi "^$1=" "$work/vars" || bad "'$1' is there: $(grep -i "^$1=" "$work/vars")"; }

begin "host variables appear with upper-cased names, values as they were"
env_run vdm_e2e_Lower='Mixed Case/Value' VDM_E2E_UPPER=x "$VDM" PRINTENV.COM
want_status 0; want_no_err
has_var 'VDM_E2E_LOWER=Mixed Case/Value'
has_var 'VDM_E2E_UPPER=x'
bad_names=$(cut -d= -f1 "$work/vars" | grep '[a-z]')
[ -z "$bad_names" ] || bad "lower-case names: $bad_names"
end_case

begin "PATH, COMSPEC, TEMP and TMP hold DOS paths, not the host's"
env_run PATH="$PATH" TEMP=/host/temp TMP=/host/tmp COMSPEC=/bin/sh "$VDM" PRINTENV.COM
want_status 0
for v in PATH COMSPEC TEMP TMP; do
  line=$(grep "^$v=" "$work/vars")
  [[ "$line" =~ ^$v=[A-Z]:\\ ]] || bad "$v is '$line', want a DOS path"
  [[ "$line" != */* ]] || bad "$v keeps a host path: '$line'"
done
end_case

begin "--env adds a variable and overrides host and DOS values"
env_run VDM_E2E_HOST=host "$VDM" --env=VDM_E2E_NEW=new --env=vdm_e2e_host=mine \
  --env='PATH=C:\BIN;C:\' --env=EMPTY= PRINTENV.COM
want_status 0; want_no_err
has_var 'VDM_E2E_NEW=new'
has_var 'VDM_E2E_HOST=mine'
has_var 'PATH=C:\BIN;C:\'
has_var 'EMPTY='
[ "$(grep -c '^VDM_E2E_HOST=' "$work/vars")" = 1 ] || bad "VDM_E2E_HOST twice"
[ "$(grep -c '^PATH=' "$work/vars")" = 1 ] || bad "PATH twice"
end_case

begin "the last --env for a name wins"
env_run "$VDM" --env=VDM_E2E_X=1 --env=VDM_E2E_X=2 PRINTENV.COM
has_var 'VDM_E2E_X=2'
[ "$(grep -c '^VDM_E2E_X=' "$work/vars")" = 1 ] || bad "VDM_E2E_X twice"
end_case

begin "after the strings: word 0001h and the full DOS path of the program"
env_run "$VDM" PRINTENV.COM
want_status 0
last=$(tr -d '\r' < "$out" | grep '^<')
[ "$last" = '<0001> C:\PRINTENV.COM' ] || bad "got '$last', want '<0001> C:\\PRINTENV.COM'"
end_case

begin "an empty host environment still gets the DOS variables"
env_run -i "$VDM" PRINTENV.COM
want_status 0; want_no_err
for v in PATH COMSPEC TEMP TMP; do grep -q "^$v=" "$work/vars" || bad "no $v"; done
end_case

begin "a 40 KiB host environment is cut to fit, keeping DOS's and --env's"
big=$(head -c 40000 /dev/zero | tr '\0' 'b')
env_run VDM_E2E_BIG="$big" "$VDM" --env=VDM_E2E_MINE=kept PRINTENV.COM
want_status 0
has_var 'VDM_E2E_MINE=kept'
for v in PATH COMSPEC TEMP TMP; do grep -q "^$v=" "$work/vars" || bad "no $v"; done
lacks_name VDM_E2E_BIG
last=$(tr -d '\r' < "$out" | grep '^<')
[ "$last" = '<0001> C:\PRINTENV.COM' ] || bad "path line '$last'"
end_case

begin "--env without '=' is status 125 with one vdm: line"
vdm_run --env=NOVALUE PRINTENV.COM
want_status 125; want_out ""
want_vdm_line "--env wants NAME=VALUE, not 'NOVALUE'"
end_case

begin "--env with an empty name is status 125"
vdm_run --env==x PRINTENV.COM
want_status 125; want_vdm_line "--env wants NAME=VALUE.*"
end_case

finish
