# common.bash - sourced by the end-to-end scripts (tests/e2e/*.sh), which
# ctest runs as `bash SCRIPT VDM DOS_BUILD_DIR BUILD_DIR`. Named .bash so
# the *.sh glob in tests/CMakeLists.txt does not run it as a test.
#
# Each script makes its cases with:
#   begin NAME                start a case (its line says "ok NAME" or
#                             "FAIL NAME: why", or "skip NAME: why")
#   vdm_run [ARGS...]         run vdm in $work with stdin from /dev/null (or
#                             $stdin_file); sets $st, $out, $err (file names
#                             $work/.out and $work/.err)
#   want_status N             the exit status must be N
#   want_out TEXT             stdout must be TEXT (as printf '%s' gives it)
#   want_vdm_line REGEX       stderr must be exactly one line, starting
#                             "vdm: " and matching the extended REGEX
#   want_no_err               stderr must be empty
#   bad WHY / skip_case WHY   fail the case / skip it (a failure wins)
#   end_case                  print the case's line
#   finish                    exit 0, 1 on any failure, 77 when every case
#                             skipped
# shellcheck disable=SC2034  # the variables are for the sourcing scripts
set -u
# --display=auto would open a window when run from a desktop session:
# tests choose their front end themselves.
unset DISPLAY WAYLAND_DISPLAY
VDM=$(realpath "$1")
DOS_DIR=$(realpath "$2")
BUILD_DIR=$(realpath "$3")
TESTS_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)  # tests/ in the source tree
work=$(mktemp -d "${TMPDIR:-/tmp}/vdm-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=$work/.out err=$work/.err
stdin_file=/dev/null
n_fail=0 n_ok=0 n_skip=0
case_name="" case_why="" case_skip=""

begin() { case_name=$1 case_why="" case_skip=""; }
bad() { case_why="${case_why:+$case_why; }$*"; }
skip_case() { case_skip=$*; }
end_case() {
  if [ -n "$case_why" ]; then
    echo "FAIL $case_name: $case_why"; n_fail=$((n_fail + 1))
    if [ -s "$err" ]; then sed 's/^/    stderr: /' "$err" | head -5; fi
  elif [ -n "$case_skip" ]; then
    echo "skip $case_name: $case_skip"; n_skip=$((n_skip + 1))
  else
    echo "ok   $case_name"; n_ok=$((n_ok + 1))
  fi
}
finish() {
  echo "$n_ok ok, $n_fail failed, $n_skip skipped"
  [ $n_fail -eq 0 ] || exit 1
  [ $n_ok -gt 0 ] || exit 77
  exit 0
}

# Copy DOS test program NAME (from the build) into $work as DEST.
dos_prog() { cp "$DOS_DIR/$1" "$work/${2:-$1}"; }

vdm_run() {
  (cd "$work" && "$VDM" "$@" < "$stdin_file" > "$out" 2> "$err")
  st=$?
}
want_status() { [ "$st" = "$1" ] || bad "exit status $st, want $1"; }
want_out() {
  local got; got=$(cat "$out"; echo x); got=${got%x}
  [ "$got" = "$1" ] || bad "stdout $(printf %q "$got"), want $(printf %q "$1")"
}
want_no_err() { [ ! -s "$err" ] || bad "stderr not empty: $(head -c 200 "$err")"; }
want_vdm_line() {
  local n; n=$(wc -l < "$err")
  if [ "$n" != 1 ]; then bad "stderr has $n lines, want 1"; return; fi
  grep -qE "^vdm: ($1)\$" "$err" || bad "stderr '$(cat "$err")' does not match 'vdm: $1'"
}

# Is signal number $1 ignored in this shell (inherited SIG_IGN, which vdm
# keeps, e.g. SIGINT in a background job or SIGPIPE under some runners)?
sig_ignored() {
  local mask
  mask=$(awk '/^SigIgn:/ { print $2 }' /proc/$BASHPID/status 2>/dev/null) || return 1
  [ -n "$mask" ] && (( (16#$mask >> ($1 - 1)) & 1 ))
}
