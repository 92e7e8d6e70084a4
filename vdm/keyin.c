/*
 * Keys into the guest as set-1 scancodes, and the US keyboard layout that
 * turns typed characters into key strokes.
 *
 * Until the 8042 keyboard controller (hw/kbc.c) is linked in, a weak
 * stand-in for kbc_key_event() does what the BIOS INT 09h handler would
 * do with the scancodes: track Shift/Ctrl/Alt in the BDA shift flags and
 * put scancode << 8 | character into the BDA keyboard buffer (RBIL
 * MEMORY.LST 40:17h, 40:1Ah-3Dh; INT 16/AH=00h for the key codes). The
 * real controller's definition overrides it at link time.
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

uint8_t keyin_key_char(uint8_t scan, bool shift)
{
    if (scan >= sizeof key_chars[0] - 1)
        return 0;
    return (uint8_t)key_chars[shift][scan];
}

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

/* ---- Stand-in INT 09h logic until hw/kbc.c is linked in -------------- */

#define BDA_KBD_FLAGS3 0x96     /* byte: bit 1 = last code was E0 */
#define BDA_ALT_KEYPAD 0x19     /* byte: Alt + keypad digits so far */
#define FLAG_RSHIFT 0x01
#define FLAG_LSHIFT 0x02
#define FLAG_CTRL 0x04
#define FLAG_ALT 0x08
#define FLAGS3_E0 0x02

static void buffer_put(struct machine *m, uint16_t code)
{
    uint32_t b = BDA_LIN;
    uint16_t start = mem_rd16(m, b + BDA_KBD_BUF_START), end = mem_rd16(m, b + BDA_KBD_BUF_END);
    uint16_t tail = mem_rd16(m, b + BDA_KBD_TAIL);
    uint16_t next = (uint16_t)(tail + 2);
    if (next >= end)
        next = start;
    if (next == mem_rd16(m, b + BDA_KBD_HEAD))
        return; /* full: the BIOS beeps and drops the key */
    mem_wr16(m, b + tail, code);
    mem_wr16(m, b + BDA_KBD_TAIL, next);
}

/* Key code of a non-character key with modifiers (RBIL INT 16/AH=00h
 * tables: F1..F10 shift +19h, ctrl +23h, alt +2Dh; F11/F12 85h..8Ch). */
static uint8_t fkey_code(uint8_t scan, uint8_t flags)
{
    bool f1_10 = scan >= KEY_F1 && scan < KEY_F1 + 10;
    bool f11_12 = scan == KEY_F11 || scan == KEY_F12;
    uint8_t idx = f11_12 ? (uint8_t)(scan - KEY_F11) : 0;
    if (!f1_10 && !f11_12)
        return scan;
    if (flags & FLAG_ALT)
        return f1_10 ? (uint8_t)(scan + 0x2D) : (uint8_t)(0x8B + idx);
    if (flags & FLAG_CTRL)
        return f1_10 ? (uint8_t)(scan + 0x23) : (uint8_t)(0x89 + idx);
    if (flags & (FLAG_LSHIFT | FLAG_RSHIFT))
        return f1_10 ? (uint8_t)(scan + 0x19) : (uint8_t)(0x87 + idx);
    return f11_12 ? (uint8_t)(0x85 + idx) : scan;
}

__attribute__((weak)) void kbc_key_event(struct machine *m, uint8_t sc)
{
    uint32_t b = BDA_LIN;
    uint8_t flags = mem_rd8(m, b + BDA_KBD_FLAGS);
    uint8_t f3 = mem_rd8(m, b + BDA_KBD_FLAGS3);
    if (sc == KEY_E0) {
        mem_wr8(m, b + BDA_KBD_FLAGS3, f3 | FLAGS3_E0);
        return;
    }
    bool ext = f3 & FLAGS3_E0;
    mem_wr8(m, b + BDA_KBD_FLAGS3, f3 & ~FLAGS3_E0);
    bool down = !(sc & KEY_BREAK);
    uint8_t scan = sc & ~KEY_BREAK;
    uint8_t bit = scan == KEY_LSHIFT ? FLAG_LSHIFT : scan == KEY_RSHIFT ? FLAG_RSHIFT
                : scan == KEY_CTRL ? FLAG_CTRL : scan == KEY_ALT ? FLAG_ALT : 0;
    if (bit) {
        mem_wr8(m, b + BDA_KBD_FLAGS, down ? flags | bit : flags & ~bit);
        if (bit == FLAG_ALT && !down) {
            uint8_t v = mem_rd8(m, b + BDA_ALT_KEYPAD);
            mem_wr8(m, b + BDA_ALT_KEYPAD, 0);
            if (v)
                buffer_put(m, v);
        }
        return;
    }
    if (!down)
        return;
    if ((flags & FLAG_ALT) && !ext) {
        for (unsigned d = 0; d < 10; d++)
            if (keypad_digit[d] == scan) {
                uint8_t v = mem_rd8(m, b + BDA_ALT_KEYPAD);
                mem_wr8(m, b + BDA_ALT_KEYPAD, (uint8_t)(v * 10 + d));
                return;
            }
    }
    uint8_t ch = keyin_key_char(scan, flags & (FLAG_LSHIFT | FLAG_RSHIFT));
    if (ext && scan != KEY_ENTER)
        ch = 0;
    if (ch && (flags & FLAG_ALT))
        ch = 0;
    else if (ch && (flags & FLAG_CTRL)) {
        if (ch >= 'a' && ch <= 'z')
            ch = (uint8_t)(ch - 'a' + 1);
        else if (ch >= 'A' && ch <= 'Z')
            ch = (uint8_t)(ch - 'A' + 1);
        else if (ch == '\r')
            ch = '\n';
    }
    buffer_put(m, (uint16_t)(fkey_code(scan, flags) << 8 | ch));
}
