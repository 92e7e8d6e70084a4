/*
 * The terminal's key sequences to key strokes: xterm/VT220 CSI and SS3
 * sequences (arrows, F1-F12, Home/End, PgUp/PgDn, Ins/Del, with Shift,
 * Alt and Ctrl in the modifier parameter), the Linux console's F1-F5,
 * ESC + key for Alt, control codes for Ctrl, UTF-8 mapped to CP437.
 * Pure: the unit tests feed bytes and read strokes.
 */
#ifndef VDM_TERM_KEYS_H
#define VDM_TERM_KEYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keyin.h"

enum term_key_result {
    TERM_KEY_NEED_MORE, /* a prefix of a longer sequence: wait for more */
    TERM_KEY_STROKE,    /* *k holds a stroke */
    TERM_KEY_IGNORED,   /* a sequence we do not map (mouse report, ...) */
};

/* Decode the sequence at s[0..n). `more` says whether more bytes may
 * still arrive (false after a pause: a lone ESC is the Esc key then).
 * Sets *used to the bytes taken (with NEED_MORE: 0). */
enum term_key_result term_keys_decode(const uint8_t *s, size_t n, bool more,
                                      struct key_stroke *k, size_t *used);

/* An xterm SGR mouse report, "ESC [ < b ; x ; y M" (press or motion) or
 * "... m" (release) (xterm ctlseqs, "SGR (1006)" extended coordinates). */
struct term_mouse {
    int col, row;       /* 0-based character cell */
    unsigned button;    /* 0 left, 1 middle, 2 right, 3 none (motion) */
    bool motion;        /* b had the motion bit (32) */
    bool wheel;         /* b had the wheel bit (64): not a button */
    bool release;       /* the final byte was 'm' */
};

/* Decode an SGR mouse report at s[0..n). TERM_KEY_STROKE: *ev holds it
 * and *used its length; TERM_KEY_NEED_MORE: a prefix (with `more`: wait);
 * TERM_KEY_IGNORED: not a mouse report (*used 0) or a malformed one
 * (*used its length, so it is dropped). */
enum term_key_result term_mouse_decode(const uint8_t *s, size_t n, bool more,
                                       struct term_mouse *ev, size_t *used);

#endif
