/*
 * Key sequence decoder. Sources: xterm's ctlseqs ("PC-Style Function
 * Keys": CSI 1;m A-D/H/F, CSI n;m ~, SS3 P-S; modifier m = 1 + Shift(1)
 * + Alt(2) + Ctrl(4)) and the Linux console's CSI [ A-E for F1-F5.
 */
#include "term_keys.h"

#include "cp437.h"

#define ESC 0x1B
#define DEL 0x7F
#define CSI_PARAMS_MAX 4
#define MOD_PARAM_SHIFT 1
#define MOD_PARAM_ALT 2
#define MOD_PARAM_CTRL 4

/* CSI/SS3 final letters. */
static const struct {
    char final;
    uint8_t scan;
    bool ext;
} letter_keys[] = {
    { 'A', KEY_UP, true },   { 'B', KEY_DOWN, true }, { 'C', KEY_RIGHT, true },
    { 'D', KEY_LEFT, true }, { 'H', KEY_HOME, true }, { 'F', KEY_END, true },
    { 'E', KEY_CENTER, false }, { 'P', KEY_F1, false }, { 'Q', KEY_F1 + 1, false },
    { 'R', KEY_F1 + 2, false }, { 'S', KEY_F1 + 3, false },
};

/* CSI n ~ : n -> key (VT220 numbering). */
static const struct {
    uint8_t n;
    uint8_t scan;
    bool ext;
} tilde_keys[] = {
    { 1, KEY_HOME, true }, { 2, KEY_INS, true },  { 3, KEY_DEL, true },  { 4, KEY_END, true },
    { 5, KEY_PGUP, true }, { 6, KEY_PGDN, true }, { 7, KEY_HOME, true }, { 8, KEY_END, true },
    { 11, KEY_F1, false }, { 12, KEY_F1 + 1, false }, { 13, KEY_F1 + 2, false },
    { 14, KEY_F1 + 3, false }, { 15, KEY_F1 + 4, false }, { 17, KEY_F1 + 5, false },
    { 18, KEY_F1 + 6, false }, { 19, KEY_F1 + 7, false }, { 20, KEY_F1 + 8, false },
    { 21, KEY_F1 + 9, false }, { 23, KEY_F11, false }, { 24, KEY_F12, false },
};

static uint8_t mods_from_param(unsigned m)
{
    uint8_t r = 0;
    if (m < 2)
        return 0;
    m -= 1;
    if (m & MOD_PARAM_SHIFT)
        r |= KEY_MOD_SHIFT;
    if (m & MOD_PARAM_ALT)
        r |= KEY_MOD_ALT;
    if (m & MOD_PARAM_CTRL)
        r |= KEY_MOD_CTRL;
    return r;
}

static bool letter_key(char final, struct key_stroke *k)
{
    for (size_t i = 0; i < sizeof letter_keys / sizeof letter_keys[0]; i++)
        if (letter_keys[i].final == final) {
            k->scan = letter_keys[i].scan;
            k->ext = letter_keys[i].ext;
            return true;
        }
    return false;
}

/* ESC [ ... : parameters, intermediates, one final byte 40h-7Eh. */
static enum term_key_result csi(const uint8_t *s, size_t n, struct key_stroke *k, size_t *used)
{
    unsigned p[CSI_PARAMS_MAX] = { 0 };
    int np = 0;
    size_t i = 2;
    if (n > 2 && s[2] == '[') { /* Linux console F1-F5: ESC [ [ A..E */
        if (n < 4)
            return TERM_KEY_NEED_MORE;
        *used = 4;
        if (s[3] >= 'A' && s[3] <= 'E') {
            k->scan = (uint8_t)(KEY_F1 + (s[3] - 'A'));
            return TERM_KEY_STROKE;
        }
        return TERM_KEY_IGNORED;
    }
    bool private = false;
    for (; i < n; i++) {
        uint8_t c = s[i];
        if (c >= '0' && c <= '9') {
            if (np == 0)
                np = 1;
            if (np <= CSI_PARAMS_MAX && p[np - 1] < 10000)
                p[np - 1] = p[np - 1] * 10 + (c - '0');
        } else if (c == ';') {
            np = np == 0 ? 2 : np + 1;
        } else if (c >= 0x3C && c <= 0x3F) {
            private = true; /* "<" of SGR mouse reports, "?" replies */
        } else if (c >= 0x20 && c <= 0x2F) {
            /* intermediate */
        } else if (c >= 0x40 && c <= 0x7E) {
            break;
        } else {
            *used = i; /* broken sequence: drop what we have */
            return TERM_KEY_IGNORED;
        }
    }
    if (i >= n)
        return TERM_KEY_NEED_MORE;
    *used = i + 1;
    if (private)
        return TERM_KEY_IGNORED;
    uint8_t final = s[i];
    unsigned mod = np >= 2 ? p[1] : 0;
    if (final == '~') {
        for (size_t t = 0; t < sizeof tilde_keys / sizeof tilde_keys[0]; t++)
            if (np >= 1 && tilde_keys[t].n == p[0]) {
                k->scan = tilde_keys[t].scan;
                k->ext = tilde_keys[t].ext;
                k->mods = mods_from_param(mod);
                return TERM_KEY_STROKE;
            }
        return TERM_KEY_IGNORED;
    }
    if (final == 'Z') { /* back tab */
        k->scan = KEY_TAB;
        k->mods = KEY_MOD_SHIFT;
        return TERM_KEY_STROKE;
    }
    if (!letter_key((char)final, k))
        return TERM_KEY_IGNORED;
    k->mods = mods_from_param(mod);
    return TERM_KEY_STROKE;
}

enum term_key_result term_keys_decode(const uint8_t *s, size_t n, bool more,
                                      struct key_stroke *k, size_t *used)
{
    struct key_stroke z = { 0 };
    *k = z;
    *used = 0;
    if (n == 0)
        return TERM_KEY_NEED_MORE;
    if (s[0] == ESC) {
        if (n == 1) {
            if (more)
                return TERM_KEY_NEED_MORE;
            *k = keyin_from_char(ESC);
            *used = 1;
            return TERM_KEY_STROKE;
        }
        if (s[1] == '[') {
            enum term_key_result r = csi(s, n, k, used);
            if (r != TERM_KEY_NEED_MORE || more)
                return r;
            /* Stalled: it was Alt+[ after all. */
        } else if (s[1] == 'O') {
            if (n == 2 && more)
                return TERM_KEY_NEED_MORE;
            if (n > 2 && letter_key((char)s[2], k)) {
                *used = 3;
                return TERM_KEY_STROKE;
            }
        }
        /* ESC + key: the key with Alt. */
        size_t u;
        enum term_key_result r = term_keys_decode(s + 1, n - 1, more, k, &u);
        if (r == TERM_KEY_NEED_MORE)
            return r;
        *used = 1 + u;
        if (r == TERM_KEY_STROKE)
            k->mods |= KEY_MOD_ALT;
        return r;
    }
    if (s[0] == DEL || s[0] == '\b') {
        k->scan = KEY_BACKSPACE;
        *used = 1;
        return TERM_KEY_STROKE;
    }
    if (s[0] == 0) { /* Ctrl-Space / Ctrl-@ */
        k->scan = KEY_SPACE;
        k->mods = KEY_MOD_CTRL;
        *used = 1;
        return TERM_KEY_STROKE;
    }
    uint32_t u;
    size_t l = cp437_utf8_decode(s, n, &u);
    if (l == 0) {
        if (more)
            return TERM_KEY_NEED_MORE;
        *used = n;
        return TERM_KEY_IGNORED;
    }
    *used = l;
    int c = cp437_from_unicode(u);
    if (c < 0)
        return TERM_KEY_IGNORED;
    *k = keyin_from_char((uint8_t)c);
    return TERM_KEY_STROKE;
}

enum term_key_result term_mouse_decode(const uint8_t *s, size_t n, bool more,
                                       struct term_mouse *ev, size_t *used)
{
    static const uint8_t intro[3] = { 0x1B, '[', '<' };
    *used = 0;
    for (size_t i = 0; i < 3; i++) {
        if (i == n)
            return more ? TERM_KEY_NEED_MORE : TERM_KEY_IGNORED;
        if (s[i] != intro[i])
            return TERM_KEY_IGNORED;
    }
    unsigned v[3] = { 0, 0, 0 };
    unsigned k = 0;
    bool digits = false;
    for (size_t i = 3; i < n; i++) {
        uint8_t c = s[i];
        if (c >= '0' && c <= '9' && v[k] < 100000) {
            v[k] = v[k] * 10 + (unsigned)(c - '0');
            digits = true;
        } else if (c == ';' && k < 2 && digits) {
            k++;
            digits = false;
        } else if ((c == 'M' || c == 'm') && k == 2 && digits && v[1] > 0 && v[2] > 0) {
            *ev = (struct term_mouse){
                .col = (int)v[1] - 1, .row = (int)v[2] - 1, .button = v[0] & 3u,
                .motion = v[0] & 32u, .wheel = v[0] & 64u, .release = c == 'm',
            };
            *used = i + 1;
            return TERM_KEY_STROKE;
        } else {
            *used = i + 1;
            return TERM_KEY_IGNORED;
        }
    }
    return more ? TERM_KEY_NEED_MORE : TERM_KEY_IGNORED;
}
