#!/usr/bin/env bash
# Programs vdm must refuse, and how: each malformed file exits with status
# 126 ("exists but cannot run") and a missing program with 127, each with
# exactly one line on stderr starting "vdm:" and nothing on stdout (the
# public contract in DESIGN.md). The files are made here, in a temp dir;
# the header fields follow RBIL INT 21/AH=4Bh, "Format of .EXE file header".
# Usage: bad_programs.sh VDM DOS_BUILD_DIR BUILD_DIR (as ctest calls it).
# Prints one line per case; exits 1 if any case fails.
set -u
vdm=$(realpath "$1")
dir=$(mktemp -d "${TMPDIR:-/tmp}/vdm-bad.XXXXXX")
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1

# le16 N...: each N as a little-endian word.
le16() {
  local w
  for w in "$@"; do
    printf "\\x$(printf %02x $((w & 255)))\\x$(printf %02x $(((w >> 8) & 255)))"
  done
}
# mz LAST PAGES RELOCS HDRPARAS MINALLOC MAXALLOC: a 28-byte MZ header
# (SS=0, SP=100h, IP=0, CS=0, relocation table at 1Ch).
mz() { printf 'MZ'; le16 "$@" 0 0x100 0 0 0 0x1C 0; }
# pad FILE SIZE: extend FILE with zero bytes to SIZE.
pad() { truncate -s "$2" "$1"; }

: > EMPTY.COM
head -c 70000 /dev/zero | tr '\0' '\220' > BIG.COM        # NOPs, > 65,280
printf 'MZ\x40\x00\x01\x00\x00' > TRUNC.EXE               # 7 bytes of header
mz 64 10 0 2 0 0xFFFF > LYING.EXE; pad LYING.EXE 64       # 10 pages, 64 bytes
mz 64 1 100 2 0 0xFFFF > RELOC.EXE; pad RELOC.EXE 64      # 100 entries at 1Ch
mz 64 1 0 2 0xFFFF 0xFFFF > HUGE.EXE; pad HUGE.EXE 64     # needs ~1 MiB
# Control: the same header builder, a sound file: MOV AX,4C05h; INT 21h.
{ mz 64 1 0 2 0 0xFFFF; printf '\0\0\0\0\xB8\x05\x4C\xCD\x21'; } > GOOD.EXE
pad GOOD.EXE 64

fails=0
# check NAME WANT_STATUS PROGRAM: run it, judge status and output.
check() {
  local name=$1 want=$2 prog=$3 status lines
  "$vdm" --timeout=10 "$prog" > out.txt 2> err.txt < /dev/null
  status=$?
  lines=$(wc -l < err.txt)
  if [ "$status" = "$want" ] && [ "$lines" = 1 ] && grep -q '^vdm: ' err.txt &&
     [ ! -s out.txt ]; then
    echo "ok   $name: status $status, $(cat err.txt)"
  else
    echo "FAIL $name: status $status (want $want), $lines stderr lines:"
    sed 's/^/     | /' err.txt
    [ -s out.txt ] && echo "     stdout was not empty"
    fails=$((fails + 1))
  fi
}

check "empty .COM" 126 EMPTY.COM
check "70,000-byte .COM" 126 BIG.COM
check "truncated MZ header" 126 TRUNC.EXE
check "MZ page count past EOF" 126 LYING.EXE
check "relocation table past EOF" 126 RELOC.EXE
check "min-alloc beyond memory" 126 HUGE.EXE
check "missing program" 127 NOSUCH.COM
check "missing program, no extension" 127 nosuch

# The control case proves the files above are refused for what is wrong
# in them, not for how they were made.
"$vdm" --timeout=10 GOOD.EXE > /dev/null 2> err.txt < /dev/null
status=$?
if [ "$status" = 5 ] && [ ! -s err.txt ]; then
  echo "ok   control: a well-formed MZ file runs (status 5)"
else
  echo "FAIL control: a well-formed MZ file gave status $status (want 5)"
  fails=$((fails + 1))
fi

[ "$fails" = 0 ] || { echo "$fails case(s) failed"; exit 1; }
