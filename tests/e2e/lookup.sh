#!/usr/bin/env bash
# How vdm finds PROGRAM on the host (DESIGN.md, "The public contract"):
# names match case-insensitively; without an extension .COM, .EXE, .BAT
# are tried in that order; a program outside the current directory runs
# while the current directory stays drive C:; a missing program is status
# 127 with one line on stderr starting "vdm:"; a .BAT runs through the
# built-in COMMAND.COM.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
cp "$BUILD_DIR/HELLO.COM" "$work/"
dos_prog tail_exit.COM
dos_prog env_print.COM PRINTENV.COM
greeting=$'Hello from DOS, running under vdm!\r\n'

for name in hello HELLO HeLLo.com hello.COM ./hello "$work/Hello"; do
  begin "'vdm $name' runs HELLO.COM"
  vdm_run "$name"
  want_status 0; want_no_err; want_out "$greeting"
  end_case
done

# Same base name, different contents: which one ran shows in the result.
# (The loader goes by the MZ signature, not the extension, so a .COM image
# named .EXE still runs.)
mkdir "$work/both"
cp "$DOS_DIR/tail_exit.COM" "$work/both/PROG.COM"
cp "$BUILD_DIR/HELLO.COM" "$work/both/PROG.EXE"
printf '@echo off\r\n' > "$work/both/PROG.BAT"
begin ".COM is chosen before .EXE and .BAT"
vdm_run both/prog 7
want_status 7; want_out ""
end_case
rm "$work/both/PROG.COM"
begin ".EXE is chosen before .BAT"
vdm_run both/prog 7
want_status 0; want_out "$greeting"$'Arguments: 7\r\n'
end_case
rm "$work/both/PROG.EXE"
begin "a .BAT found through the extension list runs through COMMAND.COM"
vdm_run both/prog
want_status 0; want_no_err; want_out ""
end_case

begin "an explicit extension is not replaced"
vdm_run both/prog.com
want_status 127; want_vdm_line "both/prog\.com: program not found"
end_case

mkdir -p "$work/cwd" "$work/other" "$work/cwd/sub"
cp "$DOS_DIR/env_print.COM" "$work/other/PRINTENV.COM"
cp "$DOS_DIR/env_print.COM" "$work/cwd/sub/PRINTENV.COM"
run_in_cwd() {
  (cd "$work/cwd" && "$VDM" "$@" < /dev/null > "$out" 2> "$err"); st=$?
}
# The program's DOS path, which PRINTENV prints after the environment
# strings as "<0001> PATH".
check_paths() {
  local path
  path=$(tr -d '\r' < "$out" | grep '^<')
  [[ "$path" =~ $1 ]] || bad "program path '$path', want /$1/"
}
begin "a program in another directory runs; its path is on another drive"
run_in_cwd ../other/printenv
want_status 0; want_no_err
check_paths '^<0001> [D-Z]:\\PRINTENV\.COM$'
end_case

begin "a program given by absolute path outside the cwd runs the same way"
run_in_cwd "$work/other/PRINTENV.COM"
want_status 0; want_no_err
check_paths '^<0001> [D-Z]:\\PRINTENV\.COM$'
end_case

begin "a program in a subdirectory of the cwd is C:\\SUB\\NAME"
run_in_cwd sub/printenv
want_status 0; want_no_err
check_paths '^<0001> C:\\SUB\\PRINTENV\.COM$'
end_case

# 17 levels of "DIRLEVEL": 152 bytes of directory, past DOS's 64 (and
# past a whole DOS path's 128): the program's directory gets a drive.
deep=$(printf 'DIRLEVEL/%.0s' $(seq 17))
mkdir -p "$work/cwd/$deep"
cp "$DOS_DIR/env_print.COM" "$work/cwd/$deep/PRINTENV.COM"
begin "a program deeper than a DOS path allows runs from a drive of its own"
run_in_cwd "$deep/PRINTENV.COM"
want_status 0; want_no_err
check_paths '^<0001> [D-Z]:\\PRINTENV\.COM$'
end_case

# The boundary: a 64-byte directory is on C:, 65 bytes is not.
d64=$(printf 'ABCDEFGH.XYZ/%.0s' 1 2 3 4)ABCDEFGH/ABC
for d in "$d64" "${d64}D"; do
  begin "a ${#d}-byte directory under the cwd is $([ ${#d} = 64 ] && echo "on C:" || echo "a drive of its own")"
  mkdir -p "$work/cwd/$d"
  cp "$DOS_DIR/env_print.COM" "$work/cwd/$d/PRINTENV.COM"
  run_in_cwd "$d/printenv"
  want_status 0; want_no_err
  if [ ${#d} = 64 ]; then
    check_paths "^<0001> C:\\\\$(sed 's/\./\\./g; s#/#\\\\#g' <<< "$d")\\\\PRINTENV\\.COM\$"
  else
    check_paths '^<0001> [D-Z]:\\PRINTENV\.COM$'
  fi
  end_case
done

begin "a program in the cwd given by absolute path is C:\\NAME"
cp "$DOS_DIR/env_print.COM" "$work/cwd/PRINTENV.COM"
run_in_cwd "$work/cwd/printenv.com"
want_status 0; want_no_err
check_paths '^<0001> C:\\PRINTENV\.COM$'
end_case

begin "the DOS current drive stays C: when the program is on another"
run_in_cwd ../other/printenv
want_status 0
drive=$(tail -n 1 "$out" | tr -d '\r')
case "$drive" in
  "drive C:") ;;
  "drive ?:") skip_case "INT 21h/19h (current drive) is not available" ;;
  *) bad "current drive line '$drive', want 'drive C:'" ;;
esac
end_case

begin "a missing program is status 127 with one vdm: line"
vdm_run nosuchprog arg
want_status 127; want_out ""
want_vdm_line "nosuchprog: program not found.*"
end_case

begin "a missing directory on the way is status 127"
vdm_run nosuchdir/hello
want_status 127; want_vdm_line "nosuchdir/hello: .*not found.*"
end_case

begin "a directory named like a program is not a program"
mkdir "$work/DIR.COM"
vdm_run DIR.COM
want_status 127; want_vdm_line "DIR\.COM: .*"
end_case

begin "a .BAT named directly runs, echoing its commands (ECHO is on)"
printf 'echo hi\r\n' > "$work/JOB.BAT"
vdm_run job.bat 1
want_status 0; want_no_err; want_out $'\r\nC:\\>echo hi\r\nhi\r\n'
end_case

begin "--program-dir makes the program's directory C: (a double-click's data files)"
mkdir -p "$work/deep/dir"
dos_prog make_file.COM deep/dir/MAKE.COM
vdm_run --program-dir deep/dir/MAKE.COM
want_status 0; want_no_err
[ -f "$work/deep/dir/MADE.TXT" ] || bad "MADE.TXT is not beside the program"
[ ! -e "$work/MADE.TXT" ] || bad "MADE.TXT was made in the shell's directory"
end_case

begin "without --program-dir the shell's directory stays C:"
rm -f "$work/deep/dir/MADE.TXT"
vdm_run deep/dir/MAKE.COM
want_status 0
[ -f "$work/MADE.TXT" ] || bad "MADE.TXT is not in the shell's directory"
rm -f "$work/MADE.TXT"
end_case

finish
