#!/usr/bin/env bash
# DOS handles 0, 1 and 2 are the host's stdin, stdout and stderr (DESIGN.md,
# "The public contract"), so vdm works in pipes and with redirections like
# any Linux filter. Byte-for-byte binary safety is the file-I/O tests' job;
# this is the shell plumbing. FILTER.COM (tests/dos/tail_stdio.asm) writes
# "[tail]" to handle 2 and copies handle 0 to handle 1.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
set -o pipefail
cp "$BUILD_DIR/HELLO.COM" "$work/"
dos_prog tail_stdio.COM FILTER.COM
greeting=$'Hello from DOS, running under vdm!\r\n'

begin "vdm HELLO.COM > out.txt writes exactly the greeting"
(cd "$work" && "$VDM" HELLO.COM > out.txt 2> "$err"); st=$?
want_status 0; want_no_err
cmp -s "$work/out.txt" <(printf '%s' "$greeting") || bad "out.txt is $(od -c "$work/out.txt" | head -3)"
end_case

begin "vdm HELLO.COM >> out.txt appends"
(cd "$work" && "$VDM" HELLO.COM >> out.txt 2> "$err"); st=$?
want_status 0
cmp -s "$work/out.txt" <(printf '%s%s' "$greeting" "$greeting") || bad "out.txt is not two greetings"
end_case

# PIPESTATUS of a pipeline run in $work, saved to a file (a $(...) keeps
# its own).
pipe_status() { cat "$work/.pipestatus"; }

begin "vdm HELLO.COM a b | head -1 gives the first line"
line=$(cd "$work" && "$VDM" HELLO.COM a b 2> "$err" | head -1
       echo "${PIPESTATUS[0]}" > .pipestatus)
st=$(pipe_status)
# head may quit before vdm writes its second line: then vdm gets SIGPIPE
# (141), as a native program would.
[ "$st" = 0 ] || [ "$st" = 141 ] || bad "exit status $st, want 0 or 141"
want_no_err
[ "$line" = "${greeting%$'\n'}" ] || bad "got $(printf %q "$line")"
end_case

begin "printf | vdm FILTER.COM | od: the bytes go through, stderr apart"
got=$(cd "$work" && printf 'abc\n\001\377x' | "$VDM" FILTER.COM t 2> "$err" | od -An -tx1 | tr -s ' \n' ' ')
st=$?
want_status 0
[ "$got" = " 61 62 63 0a 01 ff 78 " ] || bad "od says '$got'"
[ "$(cat "$err")" = $'[ t]\r' ] || bad "stderr $(od -c "$err" | head -2)"
end_case

begin "stdout and stderr redirected to different files"
(cd "$work" && printf 'line\n' | "$VDM" FILTER.COM to-stderr > o.txt 2> e.txt); st=$?
want_status 0
[ "$(cat "$work/o.txt")" = "line" ] || bad "o.txt: $(cat "$work/o.txt")"
[ "$(cat "$work/e.txt")" = $'[ to-stderr]\r' ] || bad "e.txt: $(cat "$work/e.txt")"
end_case

begin "2>&1 merges handle 2 into stdout, in write order"
got=$(cd "$work" && printf 'x\n' | "$VDM" FILTER.COM e 2>&1); st=$?
want_status 0
[ "$got" = $'[ e]\r\nx' ] || bad "got $(printf %q "$got")"
end_case

begin "stdin from a file; EOF ends the copy"
seq 1 2000 > "$work/numbers.txt"
(cd "$work" && "$VDM" FILTER.COM < numbers.txt > copy.txt 2> /dev/null); st=$?
want_status 0
cmp -s "$work/numbers.txt" "$work/copy.txt" || bad "copy differs"
end_case

begin "stdin from /dev/null is an immediate EOF"
stdin_file=/dev/null
vdm_run FILTER.COM
want_status 0; want_out ""
end_case

begin "a here-string and a pipeline of two vdm runs"
got=$(cd "$work" && "$VDM" FILTER.COM 2>/dev/null <<< "two stages" | "$VDM" FILTER.COM 2>/dev/null); st=$?
want_status 0
[ "$got" = "two stages" ] || bad "got $(printf %q "$got")"
end_case

begin "a reader that quits early ends vdm (yes | vdm FILTER.COM | head -1)"
got=$(cd "$work" && yes | timeout 20 "$VDM" FILTER.COM 2>/dev/null | head -1
      echo "${PIPESTATUS[1]}" > .pipestatus)
st=$(pipe_status)
[ "$got" = "y" ] || bad "got $(printf %q "$got")"
# SIGPIPE, as for a native filter; 124 would be the outer timeout.
if sig_ignored 13; then
  # vdm keeps an inherited SIG_IGN: the write fails and FILTER exits 1.
  [ "$st" = 1 ] || bad "exit status $st, want 1 (SIGPIPE ignored here)"
else
  [ "$st" = 141 ] || bad "exit status $st, want 141 (SIGPIPE)"
fi
end_case

finish
