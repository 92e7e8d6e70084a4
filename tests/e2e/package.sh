#!/usr/bin/env bash
# Installing and packaging (vdm/data/CMakeLists.txt): `cpack -G DEB` makes
# a Debian package holding the binary, vdm(1), the desktop entry, the MIME
# package, binfmt.d/vdm.conf and the demo HELLO.COM, depending on the
# runtime libraries; the vdm unpacked from it runs that HELLO.COM. As
# root, with dpkg free and no vdm package installed, `dpkg -i` installs it
# for real (its postinst registers the binfmt_misc entries, so
# ./HELLO.COM runs) and `dpkg -r` takes everything away again, entries
# included.
# Skipped (77) without cpack and dpkg-deb.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"

for tool in cpack dpkg-deb dpkg-shlibdeps; do
  if ! command -v $tool > /dev/null; then echo "skip: no $tool"; exit 77; fi
done
BFDIR=/proc/sys/fs/binfmt_misc
entries="vdm-mz vdm-zm vdm-com vdm-COM"
installed=""
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
  if [ -n "$installed" ]; then dpkg -r vdm > /dev/null 2>&1; fi
  rm -rf "$work"
}
trap cleanup EXIT

begin "cpack -G DEB builds the package"
(cd "$work" && cpack -G DEB -B "$work/pkg" --config "$BUILD_DIR/CPackConfig.cmake" \
   > "$out" 2> "$err"); st=$?
want_status 0
debs=("$work"/pkg/vdm_*.deb)
deb=${debs[0]}
[ -f "$deb" ] || bad "no vdm_*.deb in $(ls "$work/pkg")"
end_case
[ -f "$deb" ] || finish

begin "dpkg-deb -c lists the installed files"
dpkg-deb -c "$deb" | awk '{ print $6 }' > "$out"
for f in ./usr/bin/vdm ./usr/share/man/man1/vdm.1 ./usr/share/applications/vdm.desktop \
         ./usr/share/mime/packages/vdm.xml ./usr/lib/binfmt.d/vdm.conf \
         ./usr/share/doc/vdm/examples/HELLO.COM; do
  grep -qx -- "$f" "$out" || bad "$f missing"
done
end_case

begin "the control file: name, version, runtime dependencies, scripts"
[ "$(dpkg-deb -f "$deb" Package)" = vdm ] || bad "Package: $(dpkg-deb -f "$deb" Package)"
ver=$("$VDM" --version | head -1)
[ "vdm $(dpkg-deb -f "$deb" Version)" = "$ver" ] || bad "Version vs '$ver'"
deps=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libx86emu3; do
  [[ $deps == *"$lib "* ]] || bad "Depends '$deps' lacks $lib"
done
ldd "$VDM" | grep -q libunicorn && [[ $deps != *libunicorn* ]] && bad "Depends lacks libunicorn"
ldd "$VDM" | grep -q libSDL2 && [[ $deps != *libsdl2* ]] && bad "Depends lacks libsdl2"
dpkg-deb -I "$deb" postinst > /dev/null 2>&1 || bad "no postinst"
dpkg-deb -I "$deb" prerm > /dev/null 2>&1 || bad "no prerm"
end_case

begin "binfmt.d/vdm.conf names /usr/bin/vdm, as --register-binfmt does"
dpkg-deb -x "$deb" "$work/root"
grep -v '^#' "$work/root/usr/lib/binfmt.d/vdm.conf" > "$out"
want_out $':vdm-mz:M::MZ::/usr/bin/vdm:\n:vdm-zm:M::ZM::/usr/bin/vdm:\n:vdm-com:E::com::/usr/bin/vdm:\n:vdm-COM:E::COM::/usr/bin/vdm:\n'
end_case

begin "the unpacked vdm runs the packaged HELLO.COM"
cp "$work/root/usr/share/doc/vdm/examples/HELLO.COM" "$work/HELLO.COM"
VDM=$work/root/usr/bin/vdm vdm_run HELLO.COM
want_status 0; want_no_err
grep -q "Hello from DOS" "$out" || bad "stdout $(head -c 100 "$out")"
end_case

begin "dpkg -i installs it, ./HELLO.COM runs, dpkg -r restores the system"
if [ "$(id -u)" != 0 ]; then
  skip_case "not root"
elif dpkg-query -W -f='${Status}' vdm 2> /dev/null | grep -q installed; then
  skip_case "a vdm package is installed already; left alone"
elif [ -e /usr/bin/vdm ]; then
  skip_case "/usr/bin/vdm exists outside dpkg"
else
  before=$(ls $BFDIR 2> /dev/null | grep '^vdm-')
  if ! dpkg -i "$deb" > "$out" 2> "$err"; then
    if grep -q lock "$err"; then skip_case "dpkg is busy"; else bad "dpkg -i failed"; fi
    dpkg -r vdm > /dev/null 2>&1
  else
    installed=1
    [ -x /usr/bin/vdm ] || bad "no /usr/bin/vdm"
    (cd "$work" && /usr/bin/vdm HELLO.COM < /dev/null > "$out" 2> "$err") ||
      bad "/usr/bin/vdm HELLO.COM: status $?"
    grep -q "Hello from DOS" "$out" || bad "installed vdm: stdout $(head -c 100 "$out")"
    if [ -w $BFDIR/register ]; then
      grep -qx "interpreter /usr/bin/vdm" $BFDIR/vdm-mz 2> /dev/null ||
        bad "postinst registered no vdm-mz entry"
      chmod +x "$work/HELLO.COM"
      (cd "$work" && ./HELLO.COM < /dev/null > "$out" 2> "$err") || bad "./HELLO.COM: status $?"
      grep -q "Hello from DOS" "$out" || bad "./HELLO.COM: stdout $(head -c 100 "$out")"
    fi
    dpkg -r vdm > "$out" 2> "$err" || bad "dpkg -r failed"
    installed=""
    [ ! -e /usr/bin/vdm ] || bad "/usr/bin/vdm left behind"
    [ ! -e /usr/lib/binfmt.d/vdm.conf ] || bad "binfmt.d/vdm.conf left behind"
    for e in $entries; do [ ! -e $BFDIR/"$e" ] || bad "binfmt entry $e left behind"; done
    [ "$(ls $BFDIR 2> /dev/null | grep '^vdm-')" = "$before" ] || bad "vdm-* entries changed"
    dpkg-query -W -f='${Status}' vdm 2> /dev/null | grep -q ' installed' &&
      bad "dpkg still lists vdm as installed"
  fi
fi
end_case

finish
