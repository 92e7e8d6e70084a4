#!/usr/bin/env bash
# The window front end and --screenshot (issue 7, Tests): the screen of
# tests/dos/screen_keys.asm rendered with the build's VGA font and the VGA
# palette, checked pixel by pixel by e2e/pixels.py (glyphs against the PSF
# font read independently, colours of the title and of a 16-colour bar):
#   - --screenshot=FILE.png with no display at all;
#   - the SDL2 window under Xvfb, captured with xwd (integer scale 2);
#   - keys typed into the window (xdotool, XTEST) reach the program as BIOS
#     key words, read back from --screen-dump after "q" ends it;
#   - and reach DOS console input (tests/dos/con_keys.asm, INT 21h/08h,
#     01h, 0Ah, 0Bh) through the BIOS keyboard;
#   - VDM_KEEP_WINDOW=1 keeps the final screen up until a key.
# shellcheck source=tests/e2e/common.bash
source "$(dirname "$0")/common.bash"
dos_prog screen_keys.COM KEYS.COM
dos_prog screen_dump.COM DUMP.COM
dos_prog con_keys.COM CONKEYS.COM
dos_prog mouse_click.COM MOUSE.COM
font=/usr/share/consolefonts/default8x16.psf.gz
pixels=$TESTS_SRC/e2e/pixels.py
have_font=1
[ -r "$font" ] && command -v python3 > /dev/null || have_font=0

begin "--screenshot renders the final screen with no display"
if [ $have_font = 0 ]; then
  skip_case "needs $font (console-data) and python3"
else
  (cd "$work" && env -u DISPLAY -u WAYLAND_DISPLAY "$VDM" --display=stdio --timeout=1 \
     --screenshot=shot.png KEYS.COM < /dev/null > "$out" 2> "$err")
  st=$?
  want_status 124
  if [ -s "$work/shot.png" ]; then
    python3 "$pixels" "$work/shot.png" 1 "$font" > "$work/why" || bad "$(head -3 "$work/why")"
  else
    bad "no shot.png"
  fi
fi
end_case

begin "--screenshot on a normal exit, and an unwritable one fails with 125"
if [ $have_font = 0 ]; then
  skip_case "needs $font (console-data)"
else
  vdm_run --display=stdio --screenshot=ok.png DUMP.COM
  want_status 0
  head -c 8 "$work/ok.png" | od -An -tx1 | grep -q "89 50 4e 47 0d 0a 1a 0a" || bad "ok.png is not a PNG"
  vdm_run --display=stdio --screenshot=no/such/dir.png DUMP.COM
  want_status 125
  want_vdm_line "--screenshot: cannot write no/such/dir.png: .*"
fi
end_case

# in_window PROG DUMP ACTION [ARGS...]: run PROG in a window (screen dumped
# to DUMP at the end), call ACTION WINDOW-ID ARGS... once the window is up,
# and wait for vdm, which must exit 0. Generous waits: a sanitizer build on
# a loaded machine takes seconds to bring SDL up; nothing here is judged on
# time. About one launch in a dozen under Xvfb ends with vdm running but no
# X window at all (not understood yet: see the session note); such a launch
# is killed and retried once, and said so, instead of failing the run.
in_window() {
  local prog=$1 dump=$2 action=$3 win="" i try vdm
  shift 3
  for try in 1 2; do
    (cd "$work" && ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
       "$VDM" --display=window --timeout=60 --screen-dump="$dump" "$prog" \
       < /dev/null > "$out" 2> "$err") &
    vdm=$!
    for ((i = 0; i < 200; i++)); do
      win=$(xdotool search --name "$prog - vdm" 2> /dev/null | head -1)
      [ -n "$win" ] && break
      sleep 0.1
    done
    [ -n "$win" ] && break
    kill $vdm 2> /dev/null
    wait $vdm 2> /dev/null
    [ $try = 1 ] && echo "note $case_name: no window for $prog within 20 s; launching again"
  done
  sleep 0.5
  if [ -z "$win" ]; then
    bad "no window named '$prog - vdm' appeared (two launches)"
  else
    "$action" "$win" "$@"
  fi
  wait $vdm
  st=$?
  want_status 0
}
# Actions for in_window: type keys; click the left button at (x, y).
type_keys() {
  local win=$1 k
  shift
  xdotool windowfocus --sync "$win" 2> /dev/null
  for k in "$@"; do
    xdotool key "$k"
    sleep 0.1
  done
}
click_at() { xdotool mousemove --window "$1" "$2" "$3" click 1; }

begin "the SDL2 window under Xvfb shows the screen (auto: DISPLAY set, no terminal)"
if [ $have_font = 0 ]; then
  skip_case "needs $font (console-data) and python3"
elif ! command -v Xvfb > /dev/null || ! command -v xwd > /dev/null; then
  skip_case "needs Xvfb and xwd (x11-apps)"
elif "$VDM" --display=window 2>&1 | grep -q "not available"; then
  skip_case "this vdm has no window front end"
else
  exec 3> "$work/displayfd"
  Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp > /dev/null 2>&1 &
  xvfb=$!
  exec 3>&-
  for ((i = 0; i < 100; i++)); do [ -s "$work/displayfd" ] && break; sleep 0.05; done
  DISPLAY=:$(head -1 "$work/displayfd")
  export DISPLAY
  # Under the sanitizer build: SDL dlopens the X11 and D-Bus libraries and
  # unloads them in SDL_Quit, and their own leftovers then show up as
  # leaks in "<unknown module>", which LeakSanitizer can neither name nor
  # suppress. vdm's own allocations are leak-checked by the other cases.
  (cd "$work" && ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
     "$VDM" --timeout=15 KEYS.COM < /dev/null > "$out" 2> "$err") &
  vdm=$!
  got=0
  for ((i = 0; i < 400; i++)); do
    sleep 0.1
    xwd -silent -name "KEYS.COM - vdm" -out "$work/win.xwd" 2> /dev/null && { got=1; break; }
  done
  sleep 0.5 # let it draw
  if [ $got = 1 ] && xwd -silent -name "KEYS.COM - vdm" -out "$work/win.xwd"; then
    python3 "$pixels" "$work/win.xwd" 2 "$font" > "$work/why" || bad "$(head -3 "$work/why")"
  else
    bad "no window named 'KEYS.COM - vdm' appeared"
  fi
  wait $vdm
  st=$?
  want_status 124

  end_case
  begin "keys typed into the window reach the program"
  if ! command -v xdotool > /dev/null; then
    skip_case "needs xdotool"
  else
    in_window KEYS.COM keys.txt type_keys a Up F1 shift+F2 ctrl+c alt+x Escape Return q
    for want in '^KEY 00: 1E61 a$' '^KEY 01: 48(00|E0)' '^KEY 02: 3B00' '^KEY 03: 5500' \
                '^KEY 04: 2E03 ♥$' '^KEY 05: 2D00' '^KEY 06: 011B ←$' '^KEY 07: 1C0D ♪$'; do
      grep -qE "$want" "$work/keys.txt" 2> /dev/null || bad "no line matching '$want'"
    done
  fi
  end_case
  begin "VDM_KEEP_WINDOW=1 keeps the final screen up until a key"
  if ! command -v xdotool > /dev/null; then
    skip_case "needs xdotool"
  else
    cp "$BUILD_DIR/HELLO.COM" "$work/HELLO.COM"
    (cd "$work" && VDM_KEEP_WINDOW=1 ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
       "$VDM" --display=window HELLO.COM < /dev/null > "$out" 2> "$err") &
    vdm=$!
    win=""
    for ((i = 0; i < 400; i++)); do
      win=$(xdotool search --name "HELLO.COM - vdm \(ended" 2> /dev/null | head -1)
      [ -n "$win" ] && break
      sleep 0.1
    done
    if [ -z "$win" ]; then
      bad "no window titled 'HELLO.COM - vdm (ended...' stayed after the program ended"
      kill $vdm 2> /dev/null
    else
      kill -0 $vdm 2> /dev/null || bad "vdm did not wait for a key"
      xdotool windowfocus --sync "$win" 2> /dev/null
      xdotool key space
    fi
    wait $vdm
    st=$?
    want_status 0
  fi
  end_case
  begin "keys typed into the window reach DOS console input (INT 21h)"
  if ! command -v xdotool > /dev/null; then
    skip_case "needs xdotool"
  else
    in_window CONKEYS.COM con.txt type_keys a F1 b h e l l p BackSpace o Return z x Escape \
              j F3 Return a b Return ctrl+c k
    for want in '^R08:\[a\]$' '^R08X:\[00 3B\]$' '^R01:b\[b\]$' '^L5=\[hello\]$' \
                '^R0B:(00 )?FF\[z\]$' '^L5=\[jello\]$' '^N4=\[ab\]$' '^1\[k\]$' \
                '^DONE$'; do
      grep -qE "$want" "$work/con.txt" 2> /dev/null || bad "no line matching '$want'"
    done
  fi
  end_case
  begin "a click in the window reaches INT 33h (cell 10,5)"
  if ! command -v xdotool > /dev/null; then
    skip_case "needs xdotool"
  else
    # Scale 2 (checked above): cell (10,5) spans x 160-175, y 160-191.
    in_window MOUSE.COM mouse.txt click_at 170 170
    for want in '^mouse-x ok$' '^mouse-y ok$' '^CLICKED$'; do
      grep -qE "$want" "$work/mouse.txt" 2> /dev/null || bad "no line matching '$want'"
    done
  fi
  kill $xvfb 2> /dev/null
  wait $xvfb 2> /dev/null
  unset DISPLAY
fi
end_case

finish
