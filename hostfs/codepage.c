/*
 * The DOS code page between DOS names and host names: DOS programs spell
 * names in code page 437 (the US code page MS-DOS 5/6 starts with), host
 * names are UTF-8. A host name whose characters all exist in CP437 reaches
 * DOS in CP437; a name a DOS program creates reaches the host in UTF-8.
 */
#include "hostfs/names.h"

#include <stdint.h>
#include <string.h>

#include "vdm/cp437.h"

/* The CP437 table and UTF-8 coding are vdm/cp437.c's (the screen's too);
 * names differ from the screen only below 80h, where a name's bytes are
 * plain ASCII rather than the VGA glyphs of the control codes. */
static uint32_t name_unicode(unsigned char c)
{
    return c < 0x80 ? c : cp437_unicode[c];
}

bool hostfs_cp437_to_utf8(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (const unsigned char *s = (const unsigned char *)in; *s; s++) {
        char buf[3];
        size_t n = cp437_utf8_encode(name_unicode(*s), buf);
        if (o + n >= cap)
            return false;
        memcpy(out + o, buf, n);
        o += n;
    }
    out[o] = 0;
    return true;
}

bool hostfs_utf8_to_cp437(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    const uint8_t *s = (const uint8_t *)in;
    size_t left = strlen(in);
    while (left) {
        uint32_t u;
        size_t n = cp437_utf8_decode(s, left, &u);
        if (n == 0)
            return false; /* cut short */
        int c = u < 0x80 ? (int)u : cp437_from_unicode(u);
        /* Only exact glyphs: a look-alike would not come back as the same
         * host name. */
        if (c < 0x80 && u >= 0x80)
            return false;
        if (c >= 0x80 && name_unicode((unsigned char)c) != u)
            return false;
        if (o + 1 >= cap)
            return false;
        out[o++] = (char)c;
        s += n;
        left -= n;
    }
    out[o] = 0;
    return true;
}
