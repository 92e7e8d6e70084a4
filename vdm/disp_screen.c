/*
 * Reading the text screen out of guest memory. Where the hardware keeps
 * state the BIOS mirrors in its data area (RBIL MEMORY.LST, segment 40h:
 * 49h mode, 4Ah columns, 4Eh page offset, 50h cursor per page, 60h cursor
 * shape, 62h active page, 84h rows - 1, 85h character height), the data
 * area is what we read: it is what INT 10h keeps up to date.
 */
#include "disp_screen.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "bios/bda.h"
#include "cp437.h"
#include "hw/vga.h"
#include "machine.h"
#include "mem.h"

#define VIDEO_COLOUR_LIN 0xB8000u /* text buffer, colour modes */
#define VIDEO_MONO_LIN 0xB0000u   /* text buffer, mode 7 */
#define VIDEO_MODE_MONO 0x07
#define VIDEO_BUF_SIZE 0x8000u    /* what one text buffer window holds */
#define BDA_MODE_CTRL 0x65        /* byte: CGA mode select (bit 5 blink) */
#define MODE_CTRL_BLINK 0x20
#define CURSOR_HIDDEN 0x20        /* start line bit 5: cursor off */
#define CURSOR_LINES 0x1F
#define DEFAULT_ROWS 25
#define DEFAULT_COLS 80
#define DEFAULT_CHAR_HEIGHT 16
#define CGA_CHAR_HEIGHT 8

const uint32_t disp_vga_palette[16] = {
    0x000000, 0x0000AA, 0x00AA00, 0x00AAAA, 0xAA0000, 0xAA00AA, 0xAA5500, 0xAAAAAA,
    0x555555, 0x5555FF, 0x55FF55, 0x55FFFF, 0xFF5555, 0xFF55FF, 0xFFFF55, 0xFFFFFF,
};

void disp_screen_read(struct machine *m, struct disp_screen *s)
{
    uint32_t b = BDA_LIN;
    s->mode = mem_rd8(m, b + BDA_VIDEO_MODE) & 0x7F;
    int cols = mem_rd16(m, b + BDA_VIDEO_COLS);
    int rows = mem_rd8(m, b + BDA_VIDEO_ROWS) + 1;
    /* A BDA a program scribbled on must not make a screen we cannot hold. */
    if (cols < 1 || cols > DISP_MAX_COLS)
        cols = DEFAULT_COLS;
    if (rows < 2 || rows > DISP_MAX_ROWS)
        rows = DEFAULT_ROWS;
    s->cols = cols;
    s->rows = rows;
    int ch = mem_rd8(m, b + BDA_CHAR_HEIGHT);
    s->char_height = ch == 8 || ch == 14 || ch == 16 ? ch : DEFAULT_CHAR_HEIGHT;

    uint32_t base = s->mode == VIDEO_MODE_MONO ? VIDEO_MONO_LIN : VIDEO_COLOUR_LIN;
    uint32_t off = mem_rd16(m, b + BDA_VIDEO_PAGE_OFF) % VIDEO_BUF_SIZE;
    for (int i = 0; i < rows * cols; i++) {
        uint32_t o = (off + (uint32_t)i * 2) % VIDEO_BUF_SIZE;
        s->cell[i] = mem_rd16(m, base + o);
    }

    uint8_t page = mem_rd8(m, b + BDA_VIDEO_PAGE) & 7;
    s->cur_col = mem_rd8(m, b + BDA_CURSOR_POS + page * 2u);
    s->cur_row = mem_rd8(m, b + BDA_CURSOR_POS + page * 2u + 1);
    uint16_t shape = mem_rd16(m, b + BDA_CURSOR_SHAPE);
    s->cur_start = (shape >> 8) & CURSOR_LINES;
    s->cur_end = shape & CURSOR_LINES;
    s->cur_visible = !((shape >> 8) & CURSOR_HIDDEN) && s->cur_row < rows && s->cur_col < cols;
    /* VGA cursor emulation: a CGA-style shape (lines within 0-7, as the
     * BIOS default 0607h) is scaled to the taller character cell. */
    if (s->char_height > CGA_CHAR_HEIGHT && s->cur_start < CGA_CHAR_HEIGHT &&
        s->cur_end < CGA_CHAR_HEIGHT) {
        s->cur_start = (uint8_t)(s->cur_start * s->char_height / CGA_CHAR_HEIGHT);
        s->cur_end = (uint8_t)((s->cur_end + 1) * s->char_height / CGA_CHAR_HEIGHT - 1);
    }
    /* Blink and colours as the program left the VGA: attribute mode
     * control (INT 10h/1003h or port 3C0h), palette registers and DAC
     * (INT 10h/10xxh or ports 3C8h/3C9h). */
    s->blink_on = vga_blink(m);
    for (unsigned c = 0; c < 16; c++)
        s->palette[c] = vga_text_rgb(m, c);
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

bool disp_screen_write_text(const struct disp_screen *s, int fd)
{
    char line[DISP_MAX_COLS * 3 + 1];
    for (int r = 0; r < s->rows; r++) {
        int last = s->cols - 1;
        while (last >= 0) {
            uint8_t c = disp_cell(s, r, last) & 0xFF;
            if (c != 0x00 && c != 0x20 && c != 0xFF)
                break;
            last--;
        }
        size_t n = 0;
        for (int col = 0; col <= last; col++)
            n += cp437_to_utf8(disp_cell(s, r, col) & 0xFF, line + n);
        line[n++] = '\n';
        if (!write_all(fd, line, n))
            return false;
    }
    return true;
}
