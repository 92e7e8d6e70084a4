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

#endif
