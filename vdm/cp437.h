/*
 * Code page 437, the IBM PC's character set, and Unicode: what each of the
 * 256 glyphs of the VGA font shows (control codes included, as the screen
 * draws them: 01h is a smiley, not SOH), and the way back for typed text.
 * Used by every display front end and by the font converter.
 */
#ifndef VDM_CP437_H
#define VDM_CP437_H

#include <stddef.h>
#include <stdint.h>

/* The Unicode code point glyph `c` shows on a VGA text screen. 00h and
 * FFh are blanks (space and no-break space). */
extern const uint16_t cp437_unicode[256];

/* The CP437 byte for Unicode code point `u`, or -1 when CP437 has none.
 * A few look-alikes map too (Greek beta to the sharp s at E1h, micro sign
 * to mu at E6h), as typed text may use either. */
int cp437_from_unicode(uint32_t u);

/* Encode code point `u` (below 10000h) as UTF-8 into out; returns 1..3. */
size_t cp437_utf8_encode(uint32_t u, char out[3]);

/* The UTF-8 bytes for glyph `c` into out; returns their count (1..3). */
size_t cp437_to_utf8(uint8_t c, char out[3]);

/* Decode one UTF-8 sequence at s[0..n). Returns the bytes it takes (1..4),
 * 0 when the sequence is incomplete (more bytes may come), and stores the
 * code point in *u; an invalid byte takes 1 and gives U+FFFD. */
size_t cp437_utf8_decode(const uint8_t *s, size_t n, uint32_t *u);

#endif
