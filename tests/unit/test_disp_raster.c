/*
 * vdm/disp_raster.c: the pixel renderer of the window and --screenshot.
 * Cells are 8 pixels wide and as tall as the BIOS character height (8x8,
 * 8x14, 8x16 fonts), foreground where the glyph has a bit, the background
 * elsewhere; blinking cells show only their background in the off phase;
 * the cursor fills its scan lines in the cell's foreground colour.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "vdm/disp_raster.h"

/* Weak: a build without console-data has no fonts, and skips. */
extern const uint8_t disp_font8x16[256][16] __attribute__((weak));
extern const uint8_t disp_font8x14[256][14] __attribute__((weak));
extern const uint8_t disp_font8x8[256][8] __attribute__((weak));

#define YELLOW 0xFFFF55u
#define BLUE 0x0000AAu

static struct disp_screen *screen(int char_height)
{
    struct disp_screen *s = calloc(1, sizeof *s);
    s->rows = 2;
    s->cols = 3;
    for (int i = 0; i < 6; i++)
        s->cell[i] = 0x1E20;
    s->char_height = char_height;
    s->blink_on = true;
    memcpy(s->palette, disp_vga_palette, sizeof s->palette);
    return s;
}

/* font: the h-line font's 256 glyphs, h bytes each; NULL when not built. */
static void check_glyph(int h, const uint8_t *font)
{
    if (!disp_raster_available() || !font)
        skip();
    const uint8_t *glyph = font + 'A' * h;
    struct disp_screen *s = screen(h);
    s->cell[1] = 0x1E41; /* 'A' at (0,1) */
    assert_int_equal(disp_raster_cell_h(s), h);
    int w = 3 * 8, ph = 2 * h;
    uint32_t *px = calloc((size_t)w * ph, sizeof *px);
    disp_raster(s, true, px, w);
    int set = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < 8; x++) {
            uint32_t want = glyph[y] & (0x80 >> x) ? YELLOW : BLUE;
            assert_int_equal(px[y * w + 8 + x], want);
            set += want == YELLOW;
            assert_int_equal(px[y * w + x], BLUE);           /* (0,0): a blank */
            assert_int_equal(px[(h + y) * w + 8 + x], BLUE); /* (1,1) */
        }
    assert_true(set > 8); /* a real glyph, not an empty one */
    free(px);
    free(s);
}

static void test_glyph16(void **state)
{
    (void)state;
    check_glyph(16, (const uint8_t *)disp_font8x16);
}

static void test_glyph14(void **state)
{
    (void)state;
    check_glyph(14, (const uint8_t *)disp_font8x14);
}

static void test_glyph8(void **state)
{
    (void)state;
    check_glyph(8, (const uint8_t *)disp_font8x8);
}

static void test_blink_and_cursor(void **state)
{
    (void)state;
    if (!disp_raster_available())
        skip();
    struct disp_screen *s = screen(14);
    s->cell[0] = 0x9EDB;          /* blinking full block */
    s->cur_visible = true;
    s->cur_row = 1;
    s->cur_col = 2;
    s->cur_start = 12;
    s->cur_end = 13;
    int w = 24, h = 28;
    uint32_t *px = calloc((size_t)w * h, sizeof *px);
    disp_raster(s, true, px, w);
    assert_int_equal(px[5 * w + 3], YELLOW);        /* on: the block */
    assert_int_equal(px[(14 + 12) * w + 16], YELLOW); /* cursor line 12 */
    assert_int_equal(px[(14 + 13) * w + 23], YELLOW); /* cursor line 13 */
    assert_int_equal(px[(14 + 11) * w + 16], BLUE);   /* above it: background */
    disp_raster(s, false, px, w);
    assert_int_equal(px[5 * w + 3], BLUE);          /* off: background only */
    assert_int_equal(px[(14 + 12) * w + 16], BLUE); /* cursor off too */
    s->blink_on = false;            /* bit 7: bright background instead */
    disp_raster(s, false, px, w);
    assert_int_equal(px[5 * w + 3], YELLOW);
    s->cell[0] = 0x9E20;
    disp_raster(s, false, px, w);
    assert_int_equal(px[5 * w + 3], 0x5555FFu);     /* background 9: bright blue */
    free(px);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_glyph16),
        cmocka_unit_test(test_glyph14),
        cmocka_unit_test(test_glyph8),
        cmocka_unit_test(test_blink_and_cursor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
