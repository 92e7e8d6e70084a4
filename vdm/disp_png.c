/*
 * A minimal PNG encoder (PNG spec, ISO/IEC 15948: signature, IHDR, IDAT,
 * IEND; CRC-32 over type and data; the IDAT payload is a zlib stream,
 * RFC 1950/1951, of uncompressed "stored" blocks of at most 65535 bytes
 * with an Adler-32 trailer). Files are bigger than with deflate, which is
 * fine for test screenshots (80x25 cells: about 770 KiB).
 */
#include "disp_png.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "disp_raster.h"

#define PNG_COLOUR_RGB 2
#define ZLIB_CMF 0x78       /* deflate, 32 KiB window */
#define ZLIB_FLG 0x01       /* check bits making CMF*256+FLG a multiple of 31 */
#define STORED_MAX 65535u
#define ADLER_MOD 65521u

static uint32_t crc_update(uint32_t crc, const uint8_t *p, size_t n)
{
    crc = ~crc;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = crc & 1 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
    }
    return ~crc;
}

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static bool chunk(FILE *f, const char *type, const uint8_t *data, size_t n)
{
    uint8_t h[8];
    be32(h, (uint32_t)n);
    memcpy(h + 4, type, 4);
    uint32_t crc = crc_update(crc_update(0, h + 4, 4), data, n);
    uint8_t c[4];
    be32(c, crc);
    return fwrite(h, 1, 8, f) == 8 && (n == 0 || fwrite(data, 1, n, f) == n) &&
           fwrite(c, 1, 4, f) == 4;
}

bool disp_png_write(const char *path, const uint32_t *px, int w, int h, char *err, size_t cap)
{
    size_t raw_n = (size_t)h * (1 + (size_t)w * 3);
    size_t blocks = (raw_n + STORED_MAX - 1) / STORED_MAX;
    size_t z_n = 2 + raw_n + blocks * 5 + 4;
    uint8_t *raw = malloc(raw_n), *z = malloc(z_n);
    if (!raw || !z) {
        free(raw);
        free(z);
        snprintf(err, cap, "out of memory");
        return false;
    }
    size_t o = 0;
    for (int y = 0; y < h; y++) {
        raw[o++] = 0; /* filter: none */
        for (int x = 0; x < w; x++) {
            uint32_t v = px[(size_t)y * w + x];
            raw[o++] = (uint8_t)(v >> 16);
            raw[o++] = (uint8_t)(v >> 8);
            raw[o++] = (uint8_t)v;
        }
    }
    size_t zo = 0;
    z[zo++] = ZLIB_CMF;
    z[zo++] = ZLIB_FLG;
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < raw_n; i++) {
        a = (a + raw[i]) % ADLER_MOD;
        b = (b + a) % ADLER_MOD;
    }
    for (size_t off = 0; off < raw_n; off += STORED_MAX) {
        size_t len = raw_n - off < STORED_MAX ? raw_n - off : STORED_MAX;
        z[zo++] = off + len == raw_n; /* BFINAL, BTYPE 00 */
        z[zo++] = (uint8_t)len;
        z[zo++] = (uint8_t)(len >> 8);
        z[zo++] = (uint8_t)~len;
        z[zo++] = (uint8_t)(~len >> 8);
        memcpy(z + zo, raw + off, len);
        zo += len;
    }
    be32(z + zo, b << 16 | a);
    zo += 4;

    static const uint8_t sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    uint8_t ihdr[13];
    be32(ihdr, (uint32_t)w);
    be32(ihdr + 4, (uint32_t)h);
    ihdr[8] = 8;                /* bits per sample */
    ihdr[9] = PNG_COLOUR_RGB;
    ihdr[10] = ihdr[11] = ihdr[12] = 0; /* deflate, adaptive filters, no interlace */
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(sig, 1, 8, f) == 8 && chunk(f, "IHDR", ihdr, sizeof ihdr) &&
              chunk(f, "IDAT", z, zo) && chunk(f, "IEND", NULL, 0);
    int e = errno;
    if (f && fclose(f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (!ok)
        snprintf(err, cap, "cannot write %s: %s", path, strerror(e));
    free(raw);
    free(z);
    return ok;
}

bool disp_png_screenshot(const struct disp_screen *s, const char *path, char *err, size_t cap)
{
    if (!disp_raster_available()) {
        snprintf(err, cap, "this build has no VGA font (install console-data and rebuild)");
        return false;
    }
    int w = s->cols * DISP_FONT_W, h = s->rows * disp_raster_cell_h(s);
    uint32_t *px = malloc((size_t)w * h * sizeof *px);
    if (!px) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    disp_raster(s, true, px, w);
    bool ok = disp_png_write(path, px, w, h, err, cap);
    free(px);
    return ok;
}
