/*
 * Build-time font converter: Linux console fonts (PSF1 or PSF2, plain or
 * gzipped) with Unicode tables in, a C array of the 256 CP437 glyphs out.
 * Each CP437 code is looked up by the Unicode character it shows
 * (vdm/cp437.c) through the fonts' own tables, so no glyph is drawn by
 * hand. A glyph is taken from the first font that has it; one from a font
 * of another height is resampled (rows picked evenly), and the output
 * lists those. Fails, naming them, when a glyph is in no font.
 *
 * Usage: psf2c SYMBOL HEIGHT FONT [FONT...] > out.c
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
#define FONT_MAX_BYTES (1u << 20)
#define HEIGHT_MAX 32

struct font {
    const char *path;
    uint8_t *data;
    size_t glyph_off, charsize, height;
    int uni[0x10000]; /* BMP code point -> first glyph showing it */
};

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static size_t read_file(const char *path, uint8_t *buf)
{
    size_t len = strlen(path);
    bool gz = len > 3 && strcmp(path + len - 3, ".gz") == 0;
    FILE *f;
    if (gz) {
        char cmd[4096];
        if (strchr(path, '\'') ||
            (size_t)snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path) >= sizeof cmd)
            return 0;
        f = popen(cmd, "r");
    } else {
        f = fopen(path, "rb");
    }
    if (!f)
        return 0;
    size_t n = fread(buf, 1, FONT_MAX_BYTES, f);
    if (gz ? pclose(f) != 0 : fclose(f) != 0)
        return 0;
    return n;
}

/* Load and index one font; false with a message on stderr. */
static bool load(struct font *ft, const char *path)
{
    ft->path = path;
    ft->data = malloc(FONT_MAX_BYTES);
    size_t n = ft->data ? read_file(path, ft->data) : 0;
    const uint8_t *buf = ft->data;
    for (size_t i = 0; i < 0x10000; i++)
        ft->uni[i] = NO_GLYPH;
    size_t glyphs, p;
    if (n >= 4 && buf[0] == PSF1_MAGIC0 && buf[1] == PSF1_MAGIC1) {
        uint8_t mode = buf[2];
        ft->charsize = ft->height = buf[3];
        glyphs = mode & PSF1_MODE512 ? 512 : 256;
        ft->glyph_off = 4;
        if (!(mode & (PSF1_MODEHASTAB | PSF1_MODEHASSEQ))) {
            fprintf(stderr, "%s: no Unicode table\n", path);
            return false;
        }
        p = ft->glyph_off + glyphs * ft->charsize;
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
                else if (!seq && ft->uni[u] == NO_GLYPH)
                    ft->uni[u] = (int)g;
            }
        }
    } else if (n >= 32 && rd32(buf) == PSF2_MAGIC) {
        ft->glyph_off = rd32(buf + 8);
        glyphs = rd32(buf + 16);
        ft->charsize = rd32(buf + 20);
        ft->height = rd32(buf + 24);
        if (rd32(buf + 28) != 8 || !(rd32(buf + 12) & PSF2_HAS_UNICODE_TABLE)) {
            fprintf(stderr, "%s: not an 8-pixel-wide font with a Unicode table\n", path);
            return false;
        }
        p = ft->glyph_off + glyphs * ft->charsize;
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
                if (!seq && u < 0x10000 && ft->uni[u] == NO_GLYPH)
                    ft->uni[u] = (int)g;
                p += l;
            }
            p++;
        }
    } else {
        fprintf(stderr, "%s: cannot read a PSF font\n", path);
        return false;
    }
    if (ft->height == 0 || ft->height > HEIGHT_MAX || ft->glyph_off + glyphs * ft->charsize > n) {
        fprintf(stderr, "%s: truncated or unusable\n", path);
        return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: psf2c SYMBOL HEIGHT FONT [FONT...]\n");
        return 2;
    }
    size_t height = (size_t)atoi(argv[2]);
    int n_fonts = argc - 3;
    if (height == 0 || height > HEIGHT_MAX)
        return 2;
    struct font *fonts = calloc((size_t)n_fonts, sizeof *fonts);
    if (!fonts)
        return 1;
    for (int i = 0; i < n_fonts; i++)
        if (!load(&fonts[i], argv[3 + i]))
            return 1;

    uint8_t out[256][HEIGHT_MAX];
    const char *resampled[256];
    int missing = 0;
    for (int c = 0; c < 256; c++) {
        uint32_t u = cp437_unicode[c];
        resampled[c] = NULL;
        int i, g = NO_GLYPH;
        for (i = 0; i < n_fonts; i++) {
            g = fonts[i].uni[u];
            if (g == NO_GLYPH && (c == 0x00 || c == 0xFF))
                g = fonts[i].uni[' ']; /* the blanks */
            if (g != NO_GLYPH)
                break;
        }
        if (g == NO_GLYPH) {
            fprintf(stderr, "no font has a glyph for CP437 %02Xh (U+%04X)\n", c, (unsigned)u);
            missing++;
            continue;
        }
        const struct font *ft = &fonts[i];
        const uint8_t *src = ft->data + ft->glyph_off + (size_t)g * ft->charsize;
        for (size_t r = 0; r < height; r++)
            out[c][r] = src[r * ft->height / height];
        if (ft->height != height)
            resampled[c] = ft->path;
    }
    if (missing)
        return 1;

    printf("/* Generated at build time by vdm/fontgen/psf2c.c; do not edit.\n"
           " * Glyphs from, in order of preference:\n");
    for (int i = 0; i < n_fonts; i++)
        printf(" *   %s\n", fonts[i].path);
    printf(" * (Debian console-data / console-setup-linux: \"All console fonts are\n"
           " * public domain by nature\", their copyright files say.) */\n"
           "#include <stdint.h>\n"
           "const uint8_t %s[256][%zu] = {\n",
           argv[1], height);
    for (int c = 0; c < 256; c++) {
        printf("    { ");
        for (size_t r = 0; r < height; r++)
            printf("0x%02X,", out[c][r]);
        printf(" }, /* %02X%s%s */\n", c, resampled[c] ? ": resampled from " : "",
               resampled[c] ? strrchr(resampled[c], '/') + 1 : "");
    }
    printf("};\n");
    for (int i = 0; i < n_fonts; i++)
        free(fonts[i].data);
    free(fonts);
    return 0;
}
