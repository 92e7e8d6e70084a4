/*
 * The text screen as a front end sees it: a snapshot read from guest
 * memory (the video buffer at B800h, B000h in mode 7) and the BIOS data
 * area (mode, size, active page, cursor), taken at refresh time. Nothing
 * traps video memory writes (DESIGN.md, "The machine"), so every front
 * end compares snapshots instead.
 */
#ifndef VDM_DISP_SCREEN_H
#define VDM_DISP_SCREEN_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define DISP_MAX_COLS 132
#define DISP_MAX_ROWS 60

/* Attribute byte: low nibble foreground, bits 4-6 background, bit 7 blink
 * (or bright background when blinking is off). */
#define DISP_ATTR_FG(a) ((a) & 0x0F)
#define DISP_ATTR_BG(a, blink_on) ((blink_on) ? ((a) >> 4 & 0x07) : ((a) >> 4 & 0x0F))
#define DISP_ATTR_BLINK 0x80

struct disp_screen {
    uint8_t mode;          /* BIOS video mode (BDA 49h) */
    int cols, rows;        /* text size in cells */
    uint16_t cell[DISP_MAX_ROWS * DISP_MAX_COLS]; /* attr << 8 | char, row-major */
    int cur_row, cur_col;  /* cursor cell (active page) */
    bool cur_visible;      /* cursor shape not disabled and on screen */
    uint8_t cur_start, cur_end; /* cursor scan lines, 0 = top */
    int char_height;       /* scan lines per character (8, 14, 16) */
    bool blink_on;         /* attribute bit 7 blinks (else bright bg) */
    uint32_t palette[16];  /* 0xRRGGBB for the 16 text colours */
};

/* The standard VGA text palette (DAC defaults for the 16 attributes). */
extern const uint32_t disp_vga_palette[16];

/* Take a snapshot of the machine's current text screen. */
void disp_screen_read(struct machine *m, struct disp_screen *s);

/* Cell at (row, col). */
static inline uint16_t disp_cell(const struct disp_screen *s, int row, int col)
{
    return s->cell[row * s->cols + col];
}

/* Write the screen as UTF-8 text lines, trailing blanks trimmed, to `fd`;
 * false on a write error. */
bool disp_screen_write_text(const struct disp_screen *s, int fd);

#endif
