#!/usr/bin/env bash
# binfmt_misc for real (vdm/binfmt.c): `vdm --register-binfmt` makes the
# kernel start vdm for ./X.COM and ./X.EXE run straight from bash, with
# their path and arguments intact and their return code as the status; a
# Windows PE file sent the same way is refused with 126; registering and
# removing are idempotent; `--unregister-binfmt` leaves nothing behind.
# Registers under a name of its own (VDM_BINFMT_PREFIX), and removes it
# on every way out. Skipped (77) unless root with binfmt_misc mounted.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"

BFDIR=/proc/sys/fs/binfmt_misc
if [ "$(id -u)" != 0 ] || [ ! -w $BFDIR/register ]; then
  echo "skip: needs root and binfmt_misc mounted at $BFDIR"
  exit 77
fi
export VDM_BINFMT_PREFIX=vdmtest$$
trap '"$VDM" --unregister-binfmt; rm -rf "$work"' EXIT
entries="$VDM_BINFMT_PREFIX-mz $VDM_BINFMT_PREFIX-zm $VDM_BINFMT_PREFIX-com $VDM_BINFMT_PREFIX-COM"

dos_prog tail_print.COM PRINTTAIL.COM
dos_prog tail_exit.COM TAILEXIT.COM
cp "$BUILD_DIR/HELLO.COM" "$work/HELLO.COM"
cp "$BUILD_DIR/HELLO.COM" "$work/hello.com"
for reloc in "$DOS_DIR"/exe_mz_reloc.*; do cp "$reloc" "$work/RELOC.EXE"; done
# The same program with the other signature MS-DOS accepts, "ZM".
cp "$work/RELOC.EXE" "$work/RELOCZM.EXE"
printf 'ZM' | dd of="$work/RELOCZM.EXE" bs=1 count=2 conv=notrunc status=none
# A Windows program as linkers make them: a 4-paragraph MZ stub whose
# relocation table offset is 40h and whose dword at 3Ch points at "PE\0\0".
{
  printf 'MZ\x84\x00\x01\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00\xb8\x00'
  printf '\x00\x00\x00\x00\x00\x00\x40\x00'
  head -c $((0x3C - 0x1A)) /dev/zero
  printf '\x80\x00\x00\x00'
  head -c $((0x80 - 0x40)) /dev/zero
  printf 'PE\x00\x00'
} > "$work/WIN.EXE"
chmod +x "$work"/*.COM "$work"/*.com "$work"/*.EXE

# run_direct CMD...: run a program by path from bash in $work, no vdm.
run_direct() {
  (cd "$work" && "$@" < /dev/null > "$out" 2> "$err")
  st=$?
}

begin "--register-binfmt registers every entry for this vdm"
vdm_run --register-binfmt
want_status 0; want_no_err; want_out ""
for e in $entries; do
  if [ ! -e $BFDIR/"$e" ]; then bad "$e missing"; continue; fi
  grep -qx "interpreter $VDM" $BFDIR/"$e" || bad "$e: $(grep interpreter $BFDIR/"$e")"
  grep -qx enabled $BFDIR/"$e" || bad "$e not enabled"
done
grep -qx "magic 4d5a" $BFDIR/"$VDM_BINFMT_PREFIX-mz" || bad "mz entry has no magic 4d5a"
grep -qx "extension .COM" $BFDIR/"$VDM_BINFMT_PREFIX-COM" || bad "COM entry has no extension .COM"
end_case

begin "--register-binfmt again is a no-op"
vdm_run --register-binfmt
want_status 0; want_no_err
for e in $entries; do [ -e $BFDIR/"$e" ] || bad "$e missing"; done
end_case

begin "./HELLO.COM runs from bash"
run_direct ./HELLO.COM
want_status 0; want_no_err
grep -q "Hello from DOS" "$out" || bad "stdout $(head -c 100 "$out")"
end_case

begin "./hello.com (lower-case extension) runs too"
run_direct ./hello.com
want_status 0; want_no_err
grep -q "Hello from DOS" "$out" || bad "stdout $(head -c 100 "$out")"
end_case

begin "arguments arrive intact, vdm-looking ones included"
run_direct ./PRINTTAIL.COM a 'b  c' --help /?
want_status 0; want_no_err; want_out $'[ a b  c --help /?]\r\n'
end_case

begin "found through PATH"
(cd / && PATH="$work:$PATH" PRINTTAIL.COM x < /dev/null > "$out" 2> "$err"); st=$?
want_status 0; want_no_err; want_out $'[ x]\r\n'
end_case

begin "the return code is the exit status"
run_direct ./TAILEXIT.COM 42
want_status 42; want_no_err
end_case

begin "./RELOC.EXE (MZ magic) runs from bash"
run_direct ./RELOC.EXE
want_status 0; want_no_err
[ "$(grep -c ' ok' "$out")" = 13 ] || bad "stdout $(head -c 200 "$out")"
grep -q FAIL "$out" && bad "a check failed: $(grep FAIL "$out" | head -1)"
end_case

begin "./RELOCZM.EXE (ZM magic) runs from bash"
run_direct ./RELOCZM.EXE
want_status 0; want_no_err
[ "$(grep -c ' ok' "$out")" = 13 ] || bad "stdout $(head -c 200 "$out")"
end_case

begin "a Windows PE program is refused with 126"
run_direct ./WIN.EXE
want_status 126; want_out ""
want_vdm_line "\./WIN\.EXE: cannot run: a Windows program \(PE executable\), not a DOS program"
end_case

begin "--unregister-binfmt removes every entry, twice is fine"
vdm_run --unregister-binfmt
want_status 0; want_no_err
for e in $entries; do [ ! -e $BFDIR/"$e" ] || bad "$e still there"; done
vdm_run --unregister-binfmt
want_status 0; want_no_err
end_case

begin "a bad VDM_BINFMT_PREFIX is vdm's failure"
VDM_BINFMT_PREFIX=a:b vdm_run --register-binfmt
want_status 125; want_out ""
want_vdm_line "VDM_BINFMT_PREFIX='a:b' is not a usable name prefix.*"
end_case

begin "not root: a clear vdm: line"
if ! command -v setpriv > /dev/null; then
  skip_case "no setpriv"
else
  chmod 755 "$work"
  (cd "$work" && setpriv --reuid=65534 --regid=65534 --clear-groups "$VDM" --register-binfmt \
     < /dev/null > "$out" 2> "$err"); st=$?
  want_status 125; want_out ""
  want_vdm_line "cannot register binfmt_misc entries: .*needs root.*"
  for e in $entries; do [ ! -e $BFDIR/"$e" ] || bad "$e registered"; done
fi
end_case

finish
