/*
 * Keys into the guest: what the front ends (terminal, window) call when
 * the user types. Everything goes through the 8042 keyboard controller as
 * set-1 scancodes, make and break, so INT 09h handlers of the program's
 * own and INT 16h readers both see them (hw/kbc.h: kbc_key_event).
 */
#ifndef VDM_KEYIN_H
#define VDM_KEYIN_H

#include <stdbool.h>
#include <stdint.h>

#include "hw/kbc.h"

struct machine;

/* Set-1 scancodes (make codes; break = make | KEY_BREAK). */
#define KEY_BREAK 0x80
#define KEY_E0 0xE0        /* prefix of the extended keys */
#define KEY_ESC 0x01
#define KEY_BACKSPACE 0x0E
#define KEY_TAB 0x0F
#define KEY_ENTER 0x1C
#define KEY_CTRL 0x1D
#define KEY_LSHIFT 0x2A
#define KEY_RSHIFT 0x36
#define KEY_ALT 0x38
#define KEY_SPACE 0x39
#define KEY_CAPS 0x3A
#define KEY_F1 0x3B        /* F1..F10 are 3Bh..44h */
#define KEY_F11 0x57
#define KEY_F12 0x58
#define KEY_HOME 0x47      /* grey keys: with the E0 prefix */
#define KEY_UP 0x48
#define KEY_PGUP 0x49
#define KEY_LEFT 0x4B
#define KEY_CENTER 0x4C    /* keypad 5 */
#define KEY_RIGHT 0x4D
#define KEY_END 0x4F
#define KEY_DOWN 0x50
#define KEY_PGDN 0x51
#define KEY_INS 0x52
#define KEY_DEL 0x53
#define KEY_SCAN_MAX 0x59

/* Modifiers held around a key stroke. */
#define KEY_MOD_SHIFT 0x01
#define KEY_MOD_CTRL 0x02
#define KEY_MOD_ALT 0x04

/* One key press as the user meant it: the key, whether it is one of the
 * grey (E0-prefixed) keys, and the modifiers held. scan 0 with `ch` set:
 * a character no key of a US keyboard types (typed as Alt + keypad
 * digits, as DOS users did). */
struct key_stroke {
    uint8_t scan;
    bool ext;
    uint8_t mods;
    uint8_t ch;        /* with scan 0: the CP437 character */
};

/* The stroke that types CP437 character `c` on a US keyboard: a key
 * with Shift or Ctrl (control codes 01h-1Ah are Ctrl + letter), or, for
 * characters no key types, scan 0 and ch = c. */
struct key_stroke keyin_from_char(uint8_t c);

/* Press and release: modifiers down, key down, key up, modifiers up
 * (keypad digits under Alt for scan 0). */
void keyin_stroke(struct machine *m, struct key_stroke k);

/* One key going down or up (a window sees real make and break). */
void keyin_key(struct machine *m, uint8_t scan, bool ext, bool down);

#endif
