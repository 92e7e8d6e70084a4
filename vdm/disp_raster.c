/*
 * Text to pixels. A VGA draws each cell from the font's 8-pixel rows,
 * foreground where a bit is set; blinking cells (attribute bit 7 with
 * blinking enabled) show their background in the off phase; the cursor
 * fills scan lines start..end of its cell in the foreground colour of
 * the cell.
 */
#include "disp_raster.h"

#include <stddef.h>

#ifdef VDM_HAVE_FONT
extern const uint8_t disp_font8x16[256][16];
extern const uint8_t disp_font8x14[256][14];
extern const uint8_t disp_font8x8[256][8];
#endif

int disp_raster_cell_h(const struct disp_screen *s)
{
    return s->char_height == 8 || s->char_height == 14 ? s->char_height : 16;
}

/* Row y of glyph c in the font of height h. */
static uint8_t glyph_row(int h, uint8_t c, int y)
{
#ifdef VDM_HAVE_FONT
    if (h == 8)
        return disp_font8x8[c][y];
    if (h == 14)
        return disp_font8x14[c][y];
    return disp_font8x16[c][y];
#else
    (void)h;
    (void)c;
    (void)y;
    return 0;
#endif
}

bool disp_raster_available(void)
{
#ifdef VDM_HAVE_FONT
    return true;
#else
    return false;
#endif
}

void disp_raster(const struct disp_screen *s, bool blink_on, uint32_t *px, int pitch)
{
#ifdef VDM_HAVE_FONT
    int ch = disp_raster_cell_h(s);
    for (int row = 0; row < s->rows; row++)
        for (int col = 0; col < s->cols; col++) {
            uint16_t cell = disp_cell(s, row, col);
            uint8_t attr = (uint8_t)(cell >> 8);
            uint32_t fg = s->palette[DISP_ATTR_FG(attr)];
            uint32_t bg = s->palette[DISP_ATTR_BG(attr, s->blink_on)];
            if (s->blink_on && (attr & DISP_ATTR_BLINK) && !blink_on)
                fg = bg;
            uint32_t *p = px + (size_t)row * ch * pitch + (size_t)col * DISP_FONT_W;
            for (int y = 0; y < ch; y++, p += pitch) {
                uint8_t bits = glyph_row(ch, (uint8_t)cell, y);
                for (int x = 0; x < DISP_FONT_W; x++)
                    p[x] = bits & (0x80 >> x) ? fg : bg;
            }
        }
    if (s->cur_visible && blink_on && s->cur_start <= s->cur_end) {
        int y0 = s->cur_start, y1 = s->cur_end + 1; /* scan lines of the cell */
        if (y1 > ch)
            y1 = ch;
        uint8_t attr = (uint8_t)(disp_cell(s, s->cur_row, s->cur_col) >> 8);
        uint32_t fg = s->palette[DISP_ATTR_FG(attr)];
        uint32_t *p = px + (size_t)s->cur_row * ch * pitch + (size_t)s->cur_col * DISP_FONT_W;
        for (int y = y0; y < y1; y++)
            for (int x = 0; x < DISP_FONT_W; x++)
                p[(size_t)y * pitch + x] = fg;
    }
#else
    (void)s;
    (void)blink_on;
    (void)px;
    (void)pitch;
#endif
}
