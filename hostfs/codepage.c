/*
 * The DOS code page between DOS names and host names: DOS programs spell
 * names in code page 437 (the US code page MS-DOS 5/6 starts with), host
 * names are UTF-8. A host name whose characters all exist in CP437 reaches
 * DOS in CP437; a name a DOS program creates reaches the host in UTF-8.
 */
#include "hostfs/names.h"

#include <stdint.h>
#include <string.h>

/* Unicode of CP437 bytes 80h-FFh (the IBM PC character set). */
static const uint16_t cp437_high[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, /* 80 */
    0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
    0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, /* 90 */
    0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192,
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA, /* A0 */
    0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, /* B0 */
    0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, /* C0 */
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, /* D0 */
    0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, /* E0 */
    0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
    0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248, /* F0 */
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
};

bool hostfs_cp437_to_utf8(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    for (const unsigned char *s = (const unsigned char *)in; *s; s++) {
        uint32_t u = *s < 0x80 ? *s : cp437_high[*s - 0x80];
        char buf[3];
        size_t n;
        if (u < 0x80) {
            buf[0] = (char)u;
            n = 1;
        } else if (u < 0x800) {
            buf[0] = (char)(0xC0 | (u >> 6));
            buf[1] = (char)(0x80 | (u & 0x3F));
            n = 2;
        } else {
            buf[0] = (char)(0xE0 | (u >> 12));
            buf[1] = (char)(0x80 | ((u >> 6) & 0x3F));
            buf[2] = (char)(0x80 | (u & 0x3F));
            n = 3;
        }
        if (o + n >= cap)
            return false;
        memcpy(out + o, buf, n);
        o += n;
    }
    out[o] = 0;
    return true;
}

/* One UTF-8 character at *s (advanced past it), or -1 when malformed. */
static int32_t utf8_next(const unsigned char **s)
{
    const unsigned char *p = *s;
    int32_t u;
    int more;
    if (p[0] < 0x80) {
        u = p[0], more = 0;
    } else if ((p[0] & 0xE0) == 0xC0) {
        u = p[0] & 0x1F, more = 1;
    } else if ((p[0] & 0xF0) == 0xE0) {
        u = p[0] & 0x0F, more = 2;
    } else if ((p[0] & 0xF8) == 0xF0) {
        u = p[0] & 0x07, more = 3;
    } else {
        return -1;
    }
    for (int i = 1; i <= more; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return -1;
        u = (u << 6) | (p[i] & 0x3F);
    }
    *s = p + 1 + more;
    return u;
}

bool hostfs_utf8_to_cp437(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    const unsigned char *s = (const unsigned char *)in;
    while (*s) {
        int32_t u = utf8_next(&s);
        int c = -1;
        if (u >= 0 && u < 0x80) {
            c = u;
        } else {
            for (int i = 0; u > 0 && i < 128 && c < 0; i++)
                if (cp437_high[i] == u)
                    c = 0x80 + i;
        }
        if (c < 0 || o + 1 >= cap)
            return false;
        out[o++] = (char)c;
    }
    out[o] = 0;
    return true;
}
