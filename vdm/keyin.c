/*
 * Keys into the guest as set-1 scancodes, and the US keyboard layout that
 * turns typed characters into key strokes.
 *
 * The scancodes go to the 8042 (hw/kbc.c), whose IRQ1 runs the BIOS INT
 * 09h handler or the program's own.
 */
#include "keyin.h"

#include "bios/bda.h"
#include "machine.h"
#include "mem.h"

/* The main block of a US keyboard, 01h..39h: unshifted and shifted. */
static const char key_chars[2][0x3A] = {
    "\0\x1b" "1234567890-=\b\tqwertyuiop[]\r\0asdfghjkl;'`\0\\zxcvbnm,./\0*\0 ",
    "\0\x1b" "!@#$%^&*()_+\b\tQWERTYUIOP{}\r\0ASDFGHJKL:\"~\0|ZXCVBNM<>?\0*\0 ",
};

/* Keypad digit keys 0..9 (Alt + digits types a character code). */
static const uint8_t keypad_digit[10] = {
    KEY_INS, KEY_END, KEY_DOWN, KEY_PGDN, KEY_LEFT, KEY_CENTER, KEY_RIGHT, KEY_HOME, KEY_UP,
    KEY_PGUP,
};

struct key_stroke keyin_from_char(uint8_t c)
{
    struct key_stroke k = { 0 };
    if (c == 0x1B || c == '\b' || c == '\t' || c == '\r') {
        k.scan = c == 0x1B ? KEY_ESC : c == '\b' ? KEY_BACKSPACE : c == '\t' ? KEY_TAB : KEY_ENTER;
        return k;
    }
    if (c == '\n') { /* a terminal's Ctrl-J: Ctrl+Enter types 0Ah */
        k.scan = KEY_ENTER;
        k.mods = KEY_MOD_CTRL;
        return k;
    }
    if (c >= 1 && c <= 26) { /* Ctrl + letter */
        k = keyin_from_char((uint8_t)('a' + c - 1));
        k.mods |= KEY_MOD_CTRL;
        return k;
    }
    for (int shift = 0; shift < 2; shift++)
        for (uint8_t s = 1; s < sizeof key_chars[0] - 1; s++)
            if (key_chars[shift][s] == (char)c && c != 0) {
                k.scan = s;
                k.mods = shift ? KEY_MOD_SHIFT : 0;
                return k;
            }
    k.ch = c;
    return k;
}

void keyin_key(struct machine *m, uint8_t scan, bool ext, bool down)
{
    if (ext)
        kbc_key_event(m, KEY_E0);
    kbc_key_event(m, (uint8_t)(down ? scan : scan | KEY_BREAK));
}

static void mods(struct machine *m, uint8_t mods, bool down)
{
    if (mods & KEY_MOD_CTRL)
        keyin_key(m, KEY_CTRL, false, down);
    if (mods & KEY_MOD_ALT)
        keyin_key(m, KEY_ALT, false, down);
    if (mods & KEY_MOD_SHIFT)
        keyin_key(m, KEY_LSHIFT, false, down);
}

void keyin_stroke(struct machine *m, struct key_stroke k)
{
    if (k.scan == 0) {
        if (!k.ch)
            return;
        /* Alt + the code in decimal on the keypad; releasing Alt types it. */
        keyin_key(m, KEY_ALT, false, true);
        char digits[4];
        int n = 0;
        for (unsigned v = k.ch; v; v /= 10)
            digits[n++] = (char)(v % 10);
        while (n--) {
            keyin_key(m, keypad_digit[(int)digits[n]], false, true);
            keyin_key(m, keypad_digit[(int)digits[n]], false, false);
        }
        keyin_key(m, KEY_ALT, false, false);
        return;
    }
    mods(m, k.mods, true);
    keyin_key(m, k.scan, k.ext, true);
    keyin_key(m, k.scan, k.ext, false);
    mods(m, k.mods, false);
}
