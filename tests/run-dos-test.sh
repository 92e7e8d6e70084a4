#!/usr/bin/env bash
# Run one DOS test program under vdm and judge it against its .expect file.
# Usage: run-dos-test.sh VDM BACKEND PROGRAM EXPECT
# Exit: 0 pass, 1 fail (with the differences on stderr), 77 skipped (the
# backend is not available on this machine; the reason is printed).
#
# .expect directives (one per line; '#' starts a comment):
#   args TEXT...          command-line arguments after PROGRAM
#   option --X=Y          an option for vdm itself (repeatable)
#   host-env NAME=VALUE   set NAME in vdm's own (host) environment, e.g. a
#                         locale for the country tests (repeatable)
#   stdin FILE            feed FILE (next to the .expect) on standard input
#   stdin-text TEXT       feed TEXT and a newline on standard input
#   setup SRC [DEST]      copy SRC (next to the .expect) into the run directory
#   setup-built NAME [DEST]  copy NAME, another assembled test program from
#                         the build directory PROGRAM sits in (e.g. a child
#                         that an EXEC test runs), into the run directory
#   mkdir DIR             create DIR in the run directory first
#   symlink TARGET NAME   make NAME in the run directory a symbolic link to
#                         TARGET (as given: relative to NAME's directory, or
#                         absolute)
#   touch NAME STAMP      set NAME's time in the run directory (touch -t
#                         STAMP, e.g. 199405310622), for listings with dates
#   stdout FILE           standard output must equal FILE byte for byte
#   stdout-lines          the lines that follow, up to "end", are the expected
#                         stdout (CRLF line ends, as DOS programs write them)
#   stderr-has TEXT       stderr must contain TEXT
#   exit N                the exit status must be N (default 0)
#   file NAME FILE        after the run, NAME in the run directory equals FILE
#   file-text NAME TEXT   ... equals TEXT (no newline added)
#   no-file NAME          after the run, NAME must not exist
#   timeout SECONDS       --timeout for vdm (default 20)
set -u
# --display=auto would open a window when run from a desktop session:
# tests choose their front end themselves.
unset DISPLAY WAYLAND_DISPLAY
vdm=$(realpath "$1") backend=$2 prog=$3 expect=$4
srcdir=$(dirname "$expect")

avail=$("$vdm" --backends 2>/dev/null | grep "^$backend: ")
case "$avail" in
  "$backend: available"|"$backend: available ("*) ;; # (not chosen by auto: ...) still runs
  "") echo "SKIP: backend $backend is not built into vdm"; exit 77 ;;
  *) echo "SKIP: ${avail}"; exit 77 ;;
esac

run=$(mktemp -d "${TMPDIR:-/tmp}/vdm-test.XXXXXX")
trap 'rm -rf "$run"' EXIT
cp "$prog" "$run/"
progname=$(basename "$prog")

args=() opts=() hostenv=() stdin=/dev/null want_exit=0 timeout=20
stdout_file="" fails=0
checks=()
lines_mode=0
expected_lines="$run/.expected-stdout"
while IFS= read -r line || [ -n "$line" ]; do
  if [ $lines_mode = 1 ]; then
    if [ "$line" = "end" ]; then lines_mode=0; continue; fi
    printf '%s\r\n' "$line" >> "$expected_lines"
    continue
  fi
  case "$line" in ''|'#'*) continue ;; esac
  key=${line%% *}; rest=${line#"$key"}; rest=${rest# }
  case "$key" in
    args) read -r -a args <<< "$rest" ;;
    option) opts+=("$rest") ;;
    host-env) hostenv+=("$rest") ;;
    stdin) stdin="$srcdir/$rest" ;;
    stdin-text) printf '%s\n' "$rest" > "$run/.stdin"; stdin="$run/.stdin" ;;
    setup) read -r src dest <<< "$rest"; cp "$srcdir/$src" "$run/${dest:-$src}" ;;
    setup-built) read -r src dest <<< "$rest"
                 cp "$(dirname "$prog")/$src" "$run/${dest:-$src}" || exit 1 ;;
    mkdir) mkdir -p "$run/$rest" ;;
    symlink) read -r src dest <<< "$rest"; ln -s "$src" "$run/$dest" ;;
    touch) read -r name stamp <<< "$rest"; touch -t "$stamp" "$run/$name" ;;
    stdout) stdout_file="$srcdir/$rest" ;;
    stdout-lines) : > "$expected_lines"; stdout_file="$expected_lines"; lines_mode=1 ;;
    exit) want_exit=$rest ;;
    timeout) timeout=$rest ;;
    stderr-has|file|file-text|no-file) checks+=("$line") ;;
    *) echo "bad directive in $expect: $line" >&2; exit 1 ;;
  esac
done < "$expect"

(cd "$run" && env "${hostenv[@]+"${hostenv[@]}"}" "$vdm" --backend="$backend" --timeout="$timeout" "${opts[@]}" \
    "$progname" "${args[@]}" < "$stdin" > "$run/.stdout" 2> "$run/.stderr")
status=$?

fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

if [ "$status" != "$want_exit" ]; then
  fail "exit status $status, want $want_exit"
fi
if [ -n "$stdout_file" ] && ! cmp -s "$stdout_file" "$run/.stdout"; then
  fail "stdout differs (- want, + got):"
  diff -u --label want --label got <(cat -A "$stdout_file") <(cat -A "$run/.stdout") >&2
fi
for c in "${checks[@]+"${checks[@]}"}"; do
  key=${c%% *}; rest=${c#"$key "}
  case "$key" in
    stderr-has) grep -qF -- "$rest" "$run/.stderr" || fail "stderr lacks '$rest'" ;;
    file) read -r name want <<< "$rest"
          cmp -s "$srcdir/$want" "$run/$name" || fail "file $name differs from $want" ;;
    file-text) name=${rest%% *}; text=${rest#"$name "}
          [ -f "$run/$name" ] && [ "$(cat "$run/$name"; echo x)" = "${text}x" ] \
            || fail "file $name is not '$text'" ;;
    no-file) [ ! -e "$run/$rest" ] || fail "file $rest exists" ;;
  esac
done
if [ $fails -gt 0 ]; then
  echo "--- stdout:" >&2; cat "$run/.stdout" >&2
  echo "--- stderr:" >&2; cat "$run/.stderr" >&2
  exit 1
fi
echo "PASS ($progname on $backend)"
