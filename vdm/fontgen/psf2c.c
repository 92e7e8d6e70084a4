/*
 * Build-time font converter: a Linux console font (PSF1 or PSF2, already
 * gunzipped) with a Unicode table in, a C array of the 256 CP437 glyphs
 * out. Each CP437 code is looked up by the Unicode character it shows
 * (vdm/cp437.c), so the glyphs come from the font's own mapping and none
 * is drawn by hand. Fails, naming them, when glyphs are missing.
 *
 * Usage: psf2c FONT.psf[.gz] SYMBOL HEIGHT > out.c   (.gz through gzip -dc)
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vdm/cp437.h"

#define PSF1_MAGIC0 0x36
#define PSF1_MAGIC1 0x04
#define PSF1_MODE512 0x01
#define PSF1_MODEHASTAB 0x02
#define PSF1_MODEHASSEQ 0x04
#define PSF1_SEPARATOR 0xFFFF
#define PSF1_STARTSEQ 0xFFFE
#define PSF2_MAGIC 0x864AB572u
#define PSF2_HAS_UNICODE_TABLE 0x01
#define PSF2_SEPARATOR 0xFF
#define PSF2_STARTSEQ 0xFE
#define NO_GLYPH (-1)

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: psf2c FONT.psf SYMBOL HEIGHT\n");
        return 2;
    }
    size_t len = strlen(argv[1]);
    bool gz = len > 3 && strcmp(argv[1] + len - 3, ".gz") == 0;
    FILE *f;
    if (gz) {
        char cmd[4096];
        if (strchr(argv[1], '\'') || (size_t)snprintf(cmd, sizeof cmd, "gzip -dc '%s'", argv[1]) >= sizeof cmd) {
            fprintf(stderr, "%s: unusable path\n", argv[1]);
            return 1;
        }
        f = popen(cmd, "r");
    } else {
        f = fopen(argv[1], "rb");
    }
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    if (gz ? pclose(f) != 0 : fclose(f) != 0) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 1;
    }
    unsigned want_h = (unsigned)atoi(argv[3]);

    size_t glyphs, charsize, height, off;
    int map[256];
    for (int c = 0; c < 256; c++)
        map[c] = NO_GLYPH;
    /* Unicode code point -> first glyph showing it (BMP only). */
    static int uni[0x10000];
    for (size_t i = 0; i < 0x10000; i++)
        uni[i] = NO_GLYPH;

    if (n >= 4 && buf[0] == PSF1_MAGIC0 && buf[1] == PSF1_MAGIC1) {
        uint8_t mode = buf[2];
        charsize = height = buf[3];
        glyphs = mode & PSF1_MODE512 ? 512 : 256;
        off = 4;
        if (!(mode & (PSF1_MODEHASTAB | PSF1_MODEHASSEQ))) {
            fprintf(stderr, "%s: no Unicode table\n", argv[1]);
            return 1;
        }
        size_t p = off + glyphs * charsize;
        for (size_t g = 0; g < glyphs && p + 1 < n; g++) {
            bool seq = false;
            for (; p + 1 < n; p += 2) {
                unsigned u = buf[p] | buf[p + 1] << 8;
                if (u == PSF1_SEPARATOR) {
                    p += 2;
                    break;
                }
                if (u == PSF1_STARTSEQ)
                    seq = true;
                else if (!seq && uni[u] == NO_GLYPH)
                    uni[u] = (int)g;
            }
        }
    } else if (n >= 32 && rd32(buf) == PSF2_MAGIC) {
        off = rd32(buf + 8);
        uint32_t flags = rd32(buf + 12);
        glyphs = rd32(buf + 16);
        charsize = rd32(buf + 20);
        height = rd32(buf + 24);
        if (rd32(buf + 28) != 8 || !(flags & PSF2_HAS_UNICODE_TABLE)) {
            fprintf(stderr, "%s: not an 8-pixel-wide font with a Unicode table\n", argv[1]);
            return 1;
        }
        size_t p = off + glyphs * charsize;
        for (size_t g = 0; g < glyphs && p < n; g++) {
            bool seq = false;
            while (p < n && buf[p] != PSF2_SEPARATOR) {
                if (buf[p] == PSF2_STARTSEQ) {
                    seq = true;
                    p++;
                    continue;
                }
                uint32_t u;
                size_t l = cp437_utf8_decode(buf + p, n - p, &u);
                if (l == 0)
                    break;
                if (!seq && u < 0x10000 && uni[u] == NO_GLYPH)
                    uni[u] = (int)g;
                p += l;
            }
            p++;
        }
    } else {
        fprintf(stderr, "%s: not a PSF font\n", argv[1]);
        return 1;
    }
    if (height != want_h || off + glyphs * charsize > n) {
        fprintf(stderr, "%s: %zu lines high, wanted %u (or truncated)\n", argv[1], height, want_h);
        return 1;
    }

    int missing = 0;
    for (int c = 0; c < 256; c++) {
        map[c] = uni[cp437_unicode[c]];
        if (map[c] == NO_GLYPH && (c == 0x00 || c == 0xFF))
            map[c] = uni[' ']; /* the blanks */
        if (map[c] == NO_GLYPH) {
            fprintf(stderr, "%s: no glyph for CP437 %02Xh (U+%04X)\n", argv[1], c,
                    cp437_unicode[c]);
            missing++;
        }
    }
    if (missing)
        return 1;

    printf("/* Generated at build time by vdm/fontgen/psf2c.c from %s\n"
           " * (Debian package console-setup-linux; its copyright file: \"All\n"
           " * console fonts are public domain by nature\"). Do not edit. */\n"
           "#include <stdint.h>\n"
           "const uint8_t %s[256][%zu] = {\n",
           strrchr(argv[1], '/') ? strrchr(argv[1], '/') + 1 : argv[1], argv[2], height);
    for (int c = 0; c < 256; c++) {
        printf("    { ");
        for (size_t r = 0; r < height; r++)
            printf("0x%02X,", buf[off + (size_t)map[c] * charsize + r]);
        printf(" }, /* %02X */\n", c);
    }
    printf("};\n");
    return 0;
}
