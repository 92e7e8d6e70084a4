#!/usr/bin/env bash
# Double-click support (vdm/data/vdm.desktop, vdm/data/vdm-mime.xml): after
# `cmake --install` into a fresh prefix used as XDG_DATA_HOME and the
# update-mime-database / update-desktop-database runs a package's triggers
# make, `xdg-mime query default` names vdm.desktop for DOS programs and
# batch files, the entry opens them in a vdm window, and the MIME
# database knows .COM and .BAT by name. Nothing outside $work is touched.
# Skipped (77) without desktop-file-utils, shared-mime-info and xdg-utils.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"

for tool in update-desktop-database update-mime-database xdg-mime desktop-file-validate; do
  if ! command -v "$tool" > /dev/null; then
    echo "skip: $tool not installed (desktop-file-utils, shared-mime-info, xdg-utils)"
    exit 77
  fi
done
# A private XDG world: nothing of the system's (an installed vdm package
# included) takes part.
export XDG_DATA_HOME=$work/prefix/share XDG_CONFIG_HOME=$work/config
export XDG_CONFIG_DIRS=$work/etc-xdg XDG_DATA_DIRS=$work/system-share HOME=$work
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION GNOME_DESKTOP_SESSION_ID
types="application/x-dosexec application/x-ms-dos-executable application/x-msdos-program
application/x-bat text/x-msdos-batch"

begin "before the install no type opens with vdm"
for t in $types; do
  [ "$(xdg-mime query default "$t" 2> /dev/null)" != vdm.desktop ] || bad "$t already vdm's"
done
end_case

begin "cmake --install puts the desktop entry and MIME package under the prefix"
cmake --install "$BUILD_DIR" --prefix "$work/prefix" > "$out" 2> "$err"; st=$?
want_status 0
for f in applications/vdm.desktop mime/packages/vdm.xml; do
  [ -f "$XDG_DATA_HOME/$f" ] || bad "no $f"
done
end_case

begin "the desktop entry is valid and runs vdm in a window"
app=$XDG_DATA_HOME/applications/vdm.desktop
desktop-file-validate "$app" > "$out" 2>&1 || bad "desktop-file-validate: $(head -3 "$out")"
grep -qx 'Exec=vdm --display=window --program-dir %f' "$app" || bad "Exec line: $(grep ^Exec= "$app" | head -1)"
grep -q 'VDM_KEEP_WINDOW=1 vdm --display=window --program-dir %f' "$app" || bad "no keep-window action"
end_case

begin "update-mime-database and update-desktop-database accept them"
update-mime-database "$XDG_DATA_HOME/mime" > "$out" 2> "$err" || bad "update-mime-database failed"
update-desktop-database "$XDG_DATA_HOME/applications" > "$out" 2>> "$err" ||
  bad "update-desktop-database failed"
end_case

begin "xdg-mime query default names vdm.desktop for every DOS type"
for t in $types; do
  got=$(xdg-mime query default "$t" 2> "$err")
  [ "$got" = vdm.desktop ] || bad "$t -> '$got'"
done
end_case

begin "the MIME database knows .COM and .BAT files and the x-dosexec name"
mime=$XDG_DATA_HOME/mime
grep -qx '50:application/x-msdos-program:\*.com' "$mime/globs2" || bad "no *.com glob"
grep -qx '50:application/x-bat:\*.bat' "$mime/globs2" || bad "no *.bat glob"
grep -qx 'application/x-dosexec application/x-ms-dos-executable' "$mime/aliases" ||
  bad "x-dosexec is no alias of x-ms-dos-executable"
end_case

begin "files a file manager sees open with vdm (xdg-mime query filetype)"
if ! command -v file > /dev/null; then
  skip_case "file(1) not installed"
else
  cp "$BUILD_DIR/HELLO.COM" "$work/HELLO.COM"
  printf '@echo off\r\necho hi\r\n' > "$work/JOB.BAT"
  for f in HELLO.COM JOB.BAT; do
    t=$(xdg-mime query filetype "$work/$f" 2> "$err")
    got=$(xdg-mime query default "$t" 2>> "$err")
    [ "$got" = vdm.desktop ] || bad "$f is '$t', opened by '$got'"
  done
fi
end_case

finish
