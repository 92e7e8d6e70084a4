/*
 * Text to pixels. A VGA draws each cell from the font's 8-pixel rows,
 * foreground where a bit is set; blinking cells (attribute bit 7 with
 * blinking enabled) show their background in the off phase; the cursor
 * fills scan lines start..end of its cell (scaled from the character
 * height the BIOS set to the 16 lines of our font) in the foreground
 * colour of the cell.
 */
#include "disp_raster.h"

#include <stddef.h>

#ifdef VDM_HAVE_FONT
extern const uint8_t disp_font8x16[256][DISP_FONT_H];
#endif

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
    for (int row = 0; row < s->rows; row++)
        for (int col = 0; col < s->cols; col++) {
            uint16_t cell = disp_cell(s, row, col);
            uint8_t attr = (uint8_t)(cell >> 8);
            uint32_t fg = s->palette[DISP_ATTR_FG(attr)];
            uint32_t bg = s->palette[DISP_ATTR_BG(attr, s->blink_on)];
            if (s->blink_on && (attr & DISP_ATTR_BLINK) && !blink_on)
                fg = bg;
            const uint8_t *g = disp_font8x16[cell & 0xFF];
            uint32_t *p = px + (size_t)row * DISP_FONT_H * pitch + (size_t)col * DISP_FONT_W;
            for (int y = 0; y < DISP_FONT_H; y++, p += pitch)
                for (int x = 0; x < DISP_FONT_W; x++)
                    p[x] = g[y] & (0x80 >> x) ? fg : bg;
        }
    if (s->cur_visible && blink_on && s->cur_start <= s->cur_end) {
        int h = s->char_height;
        int y0 = s->cur_start * DISP_FONT_H / h, y1 = (s->cur_end + 1) * DISP_FONT_H / h;
        if (y1 > DISP_FONT_H)
            y1 = DISP_FONT_H;
        uint8_t attr = (uint8_t)(disp_cell(s, s->cur_row, s->cur_col) >> 8);
        uint32_t fg = s->palette[DISP_ATTR_FG(attr)];
        uint32_t *p = px + (size_t)s->cur_row * DISP_FONT_H * pitch + (size_t)s->cur_col * DISP_FONT_W;
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
