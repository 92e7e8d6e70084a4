#!/usr/bin/env bash
# The backend choice: `vdm --backends` format, an explicit --backend=kvm
# running HELLO.COM, an unknown backend refused with status 125,
# --backend=auto never picking a backend its probe rejected (a KVM that
# emulates real mode slowly), checked against tests/bench/vdm-probe, and a
# KVM device that cannot be opened (VDM_KVM_DEVICE pointed at nothing):
# listed as unavailable with the reason, --backend=kvm ends with 125.
# Usage: backends.sh VDM DOS_TEST_DIR BUILD_DIR
set -u
vdm=$1 build=$3
probe=$build/tests/bench/vdm-probe
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# 1. Format: "NAME: available", "NAME: available (not chosen by auto: WHY)"
# or "NAME: unavailable (REASON)", then "auto: NAME".
list=$("$vdm" --backends) || fail "--backends exited $?"
echo "$list"
body=$(echo "$list" | sed '$d')
last=$(echo "$list" | tail -n 1)
while IFS= read -r line; do
  [[ $line =~ ^[a-z0-9]+:\ (available|available\ \(not\ chosen\ by\ auto:\ .+\)|unavailable\ \(.+\))$ ]] ||
    fail "bad --backends line: '$line'"
done <<< "$body"
[[ $last =~ ^auto:\ [a-z0-9]+$ ]] || fail "bad auto line: '$last'"
echo "$body" | grep -qx "x86emu: available" || fail "x86emu is not listed as available"
auto=${last#auto: }
echo "$body" | grep -qx "$auto: available" || fail "auto picks '$auto', which is not available or not for auto"

# 2. --backend=kvm runs HELLO.COM where KVM is there at all (slow or not).
if echo "$body" | grep -q "^kvm: available"; then
  out=$(cd "$build" && "$vdm" --backend=kvm --timeout=20 HELLO.COM)
  st=$?
  [ "$st" = 0 ] || fail "--backend=kvm HELLO.COM exited $st"
  [[ $out == "Hello from DOS"* ]] || fail "--backend=kvm HELLO.COM printed '$out'"
else
  echo "note: kvm unavailable here, --backend=kvm run not checked"
fi

# 3. An unknown backend is a usage error: status 125 and a message.
err=$("$vdm" --backend=nonsense "$build/HELLO.COM" 2>&1 >/dev/null)
st=$?
[ "$st" = 125 ] || fail "--backend=nonsense exited $st, want 125"
[[ $err == *nonsense* ]] || fail "--backend=nonsense said '$err'"

# 4. auto against the probes: auto is the first backend, in list order, that
# is usable and whose probe agrees; a backend the probe rejects is never it.
verdicts=$("$probe") || fail "vdm-probe exited $?"
echo "$verdicts"
want=$(echo "$verdicts" | grep -m1 ': usable, auto may pick it' | cut -d: -f1)
[ "$auto" = "$want" ] || fail "auto is '$auto', the probes say '$want'"
if echo "$verdicts" | grep -q "^$auto: usable, auto skips it"; then
  fail "auto picked $auto although its probe rejected it"
fi

# 5. Backends auto turns away say why on their own line, in the words of
# their probe.
while IFS= read -r v; do
  name=${v%%:*} why=${v#*auto skips it (}
  why=${why%)}
  echo "$body" | grep -qxF "$name: available (not chosen by auto: $why)" ||
    fail "--backends does not say why auto skips $name ($why)"
done < <(echo "$verdicts" | grep ': usable, auto skips it')

# 6. A KVM device that does not open: unavailable with the reason, auto
# goes elsewhere, and an explicit --backend=kvm is vdm's failure (125) with
# the reason on stderr.
nokvm=$(VDM_KVM_DEVICE=/nonexistent/kvm "$vdm" --backends)
echo "$nokvm" | grep -qx 'kvm: unavailable (cannot open $VDM_KVM_DEVICE: no such device)' ||
  fail "kvm with a missing device listed as: $(echo "$nokvm" | grep '^kvm')"
[ "$(echo "$nokvm" | tail -n 1)" != "auto: kvm" ] || fail "auto picks a kvm that does not open"
err=$(cd "$build" && VDM_KVM_DEVICE=/nonexistent/kvm "$vdm" --backend=kvm HELLO.COM 2>&1 >/dev/null)
st=$?
[ "$st" = 125 ] || fail "--backend=kvm without a device exited $st, want 125"
[[ $err == "vdm: "*"kvm"*"no such device"* ]] || fail "--backend=kvm without a device said '$err'"

[ $fails = 0 ] || exit 1
echo "PASS"
