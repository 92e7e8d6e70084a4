#!/usr/bin/env bash
# --help and --version follow the GNU coding standards ("--help",
# "--version"): on stdout, status 0, whatever else is on the line; the
# version's first line is "vdm VERSION" (the project's), then copyright,
# licence and no-warranty lines; the help has a usage line, the options
# and where to report bugs. The manual page (vdm/data/vdm.1.in) documents
# every option the help lists, plus those of the public contract, and has
# the sections a manual page needs.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
manpage=$BUILD_DIR/data/vdm.1

begin "--version: name and version, copyright, licence, no warranty"
vdm_run --version
want_status 0; want_no_err
ver=$(sed -n 's/^project(vdm VERSION \([0-9.]*\).*/\1/p' "$TESTS_SRC/../CMakeLists.txt")
[ "$(sed -n 1p "$out")" = "vdm $ver" ] || bad "first line '$(sed -n 1p "$out")', want 'vdm $ver'"
grep -q '^Copyright (C) [0-9]\{4\}' "$out" || bad "no Copyright line"
grep -q '^License: ' "$out" || bad "no License line"
grep -q 'NO WARRANTY' "$out" || bad "no warranty line"
end_case

begin "--version wins over other arguments"
vdm_run --version --bogus HELLO.COM
want_status 0; want_no_err
grep -q "^vdm $ver\$" "$out" || bad "stdout $(head -1 "$out")"
end_case

begin "--help: usage, description, options, bug reports"
vdm_run --help
want_status 0; want_no_err
[ "$(sed -n 1p "$out")" = 'Usage: vdm [OPTION]... PROGRAM [ARG]...' ] ||
  bad "first line '$(sed -n 1p "$out")'"
grep -q '^Options:$' "$out" || bad "no Options: heading"
grep -q '^  --help ' "$out" || bad "--help not listed"
grep -q '^  --version ' "$out" || bad "--version not listed"
grep -q '^Report bugs' "$out" || bad "no 'Report bugs' line"
awk 'length > 79 { exit 1 }' "$out" || bad "a line is wider than 79 columns"
end_case

begin "the manual page documents every option --help lists"
if [ ! -f "$manpage" ]; then
  bad "no $manpage"
else
  vdm_run --help
  while read -r o; do
    grep -qE -- "^\.BR? ${o//-/\\\\-}(=| |$)" "$manpage" || bad "$o not in vdm.1"
  done < <(grep -o '^  --[a-z-]*' "$out" | sed 's/^  //')
  # The public contract's options, some built in other branches.
  for o in --drive --display --screen-dump --screenshot --backend --timeout --trace --env \
           --register-binfmt --unregister-binfmt; do
    grep -qE -- "^\.BR? ${o//-/\\\\-}(=| |$)" "$manpage" || bad "$o not in vdm.1"
  done
fi
end_case

begin "the manual page: sections, exit statuses, version"
for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
  grep -q "^\.SH \"\?$s\"\?\$" "$manpage" || bad "no $s section"
done
for n in 124 125 126 127 "128+"; do
  grep -q "^\.B $n" "$manpage" || bad "exit status $n not described"
done
grep -q "\"vdm $ver\"" "$manpage" || bad "not version $ver"
if command -v groff > /dev/null; then
  groff -man -Tutf8 -ww -z "$manpage" > "$out" 2> "$err"
  want_no_err
fi
end_case

finish
