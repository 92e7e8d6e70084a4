/*
 * INT 10h text services (RBIL INT 10): mode set, cursor, scrolling, the
 * character and attribute calls, teletype and string output, on video
 * memory as plain guest RAM (B800h, B000h in mode 7) and the BIOS data
 * area, with the CRTC's cursor and start address kept in step. The
 * palette, font and information calls live in bios/vidinfo.c.
 *
 * Teletype output (0Eh) also goes to standard output: the stdio front end
 * shows handle output and BIOS teletype output (DESIGN.md); the other
 * calls only change video memory.
 *
 * Graphics modes are refused: the mode stays as it was and AL says so.
 */
#include "bios/video.h"

#include <errno.h>
#include <unistd.h>

#include "bios/bda.h"
#include "bios/bios.h"
#include "hw/vga.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define VIDEO_SEG_COLOUR 0xB800u
#define VIDEO_SEG_MONO 0xB000u
#define VIDEO_MEM_BYTES 0x8000u
#define VIDEO_PAGES 8u
#define VIDEO_BLANK 0x0720u       /* space, light grey on black */
#define VIDEO_MODE_MONO 0x07u
#define VIDEO_NO_CLEAR 0x80u      /* AL bit 7 of 00h; BDA 87h bit 7 */
#define VIDEO_SET_OK 0x30u        /* AL after a text mode set (RBIL) */
#define CRTC_COLOUR 0x3D4u
#define CRTC_MONO 0x3B4u
#define CURSOR_HIDE 0x20u
#define CGA_CURSOR_LINES 8u
#define VGA_FLAGS_VGA 0x01u
#define VGA_FLAGS_400 0x10u
#define VGA_FLAGS_200 0x80u
#define EGA_MISC_DEFAULT 0x60u
#define CHAR_BEL 0x07
#define CHAR_BS 0x08
#define CHAR_LF 0x0A
#define CHAR_CR 0x0D

uint32_t video_bda(unsigned off)
{
    return BDA_LIN + off;
}

unsigned video_cols(struct machine *m)
{
    unsigned c = mem_rd16(m, video_bda(BDA_VIDEO_COLS));
    return c ? c : 80;
}

unsigned video_rows(struct machine *m)
{
    return mem_rd8(m, video_bda(BDA_VIDEO_ROWS)) + 1u;
}

static uint8_t active_page(struct machine *m)
{
    return mem_rd8(m, video_bda(BDA_VIDEO_PAGE)) & (VIDEO_PAGES - 1);
}

static uint32_t page_lin(struct machine *m, uint8_t page)
{
    uint16_t seg = mem_rd8(m, video_bda(BDA_VIDEO_MODE)) == VIDEO_MODE_MONO ? VIDEO_SEG_MONO
                                                                             : VIDEO_SEG_COLOUR;
    return mem_lin(seg, 0) + (page & (VIDEO_PAGES - 1)) * (uint32_t)mem_rd16(m, video_bda(BDA_VIDEO_PAGE_SIZE));
}

static uint32_t cell_lin(struct machine *m, uint8_t page, unsigned row, unsigned col)
{
    return page_lin(m, page) + (row * video_cols(m) + col) * 2u;
}

/* Cursor of `page` as (row, col), from the BDA. */
static void cursor_get(struct machine *m, uint8_t page, unsigned *row, unsigned *col)
{
    uint32_t a = video_bda(BDA_CURSOR_POS) + (page & 7u) * 2u;
    *col = mem_rd8(m, a);
    *row = mem_rd8(m, a + 1);
}

/* Move the cursor of `page`; the CRTC follows when the page is shown. */
static void cursor_set(struct machine *m, uint8_t page, unsigned row, unsigned col)
{
    uint32_t a = video_bda(BDA_CURSOR_POS) + (page & 7u) * 2u;
    mem_wr8(m, a, (uint8_t)col);
    mem_wr8(m, a + 1, (uint8_t)row);
    if ((page & 7u) == active_page(m)) {
        uint16_t start = mem_rd16(m, video_bda(BDA_VIDEO_PAGE_OFF)) / 2u;
        vga_set_cursor(m, (uint16_t)(start + row * video_cols(m) + col));
    }
}

/* The CRTC is the truth for the shown page: a program may move the cursor
 * through ports 3D4h/3D5h, and INT 10h/03h must then report that. */
static void cursor_sync_from_crtc(struct machine *m)
{
    uint16_t start = mem_rd16(m, video_bda(BDA_VIDEO_PAGE_OFF)) / 2u;
    uint16_t cell = vga_cursor(m);
    unsigned cols = video_cols(m);
    if (cell < start || (unsigned)(cell - start) >= cols * video_rows(m))
        return; /* parked off screen (a hidden cursor): keep the BDA's */
    uint32_t a = video_bda(BDA_CURSOR_POS) + active_page(m) * 2u;
    mem_wr8(m, a, (uint8_t)((cell - start) % cols));
    mem_wr8(m, a + 1, (uint8_t)((cell - start) / cols));
}

void video_cursor_shape(struct machine *m, uint8_t start, uint8_t end)
{
    mem_wr16(m, video_bda(BDA_CURSOR_SHAPE), (uint16_t)(start << 8 | end));
    /* Cursor emulation: CGA-style lines (0-7) scaled to the font. */
    unsigned h = mem_rd16(m, video_bda(BDA_CHAR_HEIGHT));
    uint8_t hide = start & CURSOR_HIDE;
    start &= 0x1Fu;
    end &= 0x1Fu;
    if (h > CGA_CURSOR_LINES && start < CGA_CURSOR_LINES && end < CGA_CURSOR_LINES) {
        if (end == CGA_CURSOR_LINES - 1 && start >= CGA_CURSOR_LINES - 2) {
            start = (uint8_t)(h - (CGA_CURSOR_LINES - start) - 1); /* underline */
            end = (uint8_t)(h - 2);
        } else {
            start = (uint8_t)(start * h / CGA_CURSOR_LINES);
            end = (uint8_t)((end + 1) * h / CGA_CURSOR_LINES - 1);
        }
    }
    vga_set_cursor_shape(m, (uint8_t)(start | hide), end);
}

void video_set_geometry(struct machine *m, unsigned char_height)
{
    unsigned lines = m->bios->scan_lines, cols = video_cols(m);
    unsigned rows = lines / char_height;
    if (rows > 60)
        rows = 60;
    mem_wr8(m, video_bda(BDA_VIDEO_ROWS), (uint8_t)(rows - 1));
    mem_wr16(m, video_bda(BDA_CHAR_HEIGHT), (uint16_t)char_height);
    unsigned bytes = cols * rows * 2u;
    mem_wr16(m, video_bda(BDA_VIDEO_PAGE_SIZE), (uint16_t)((bytes + 0x7FFu) & ~0x7FFu));
    m->vga.crtc[VGA_CRTC_MAX_SCAN] = (uint8_t)((m->vga.crtc[VGA_CRTC_MAX_SCAN] & 0xE0u) |
                                               (char_height - 1));
    uint16_t shape = mem_rd16(m, video_bda(BDA_CURSOR_SHAPE));
    video_cursor_shape(m, (uint8_t)(shape >> 8), (uint8_t)shape);
}

static bool text_mode(uint8_t mode)
{
    return mode <= 3 || mode == VIDEO_MODE_MONO;
}

/* CGA mode control register values the BIOS keeps at 0465h. */
static const uint8_t mode_control[8] = { 0x2C, 0x28, 0x2D, 0x29, 0x2A, 0x2E, 0x1E, 0x29 };

/* INT 10h/00h  Set video mode (RBIL INT 10/AH=00h).
 * In: AL = mode, bit 7 set: keep video memory. Out: AL = 30h. Text modes
 * 00h-03h and 07h; any other mode is refused: nothing changes and AL is
 * the mode still in force. */
static void video_set_mode(struct machine *m)
{
    uint8_t mode = m->r.ax.l & 0x7Fu;
    bool keep = m->r.ax.l & VIDEO_NO_CLEAR;
    if (!text_mode(mode)) {
        vdm_trace(m, TRACE_BIOS, "INT 10h/00h mode %02Xh refused: text modes only", mode);
        m->r.ax.l = mem_rd8(m, video_bda(BDA_VIDEO_MODE));
        return;
    }
    bool mono = mode == VIDEO_MODE_MONO;
    unsigned lines = m->bios->scan_lines;
    mem_wr8(m, video_bda(BDA_VIDEO_MODE), mode);
    mem_wr16(m, video_bda(BDA_VIDEO_COLS), mode < 2 ? 40 : 80);
    mem_wr16(m, video_bda(BDA_VIDEO_PAGE_OFF), 0);
    for (unsigned p = 0; p < VIDEO_PAGES; p++)
        mem_wr16(m, video_bda(BDA_CURSOR_POS) + p * 2u, 0);
    mem_wr8(m, video_bda(BDA_VIDEO_PAGE), 0);
    mem_wr16(m, video_bda(BDA_CRTC_BASE), mono ? CRTC_MONO : CRTC_COLOUR);
    mem_wr8(m, video_bda(BDA_VIDEO_MODE_CTL), mode_control[mode]);
    mem_wr8(m, video_bda(BDA_VIDEO_PALETTE), 0x30);
    mem_wr8(m, video_bda(BDA_VIDEO_EGA_MISC), (uint8_t)(EGA_MISC_DEFAULT | (keep ? VIDEO_NO_CLEAR : 0)));
    mem_wr8(m, video_bda(BDA_VIDEO_VGA_FLAGS),
            (uint8_t)(VGA_FLAGS_VGA | (lines == 400 ? VGA_FLAGS_400 : lines == 200 ? VGA_FLAGS_200 : 0)));
    mem_wr16(m, video_bda(BDA_CURSOR_SHAPE), mono ? 0x0B0C : 0x0607);
    unsigned h = lines == 200 ? 8 : lines == 350 ? 14 : 16;
    video_set_geometry(m, h);
    vga_set_start(m, 0);
    vga_set_cursor(m, 0);
    vga_set_blink(m, true);
    m->vga.misc = (uint8_t)(mono ? m->vga.misc & ~1u : m->vga.misc | 1u);
    if (!keep) {
        uint32_t base = mem_lin(mono ? VIDEO_SEG_MONO : VIDEO_SEG_COLOUR, 0);
        for (uint32_t i = 0; i < VIDEO_MEM_BYTES; i += 2)
            mem_wr16(m, base + i, VIDEO_BLANK);
    }
    m->r.ax.l = VIDEO_SET_OK;
}

/* INT 10h/01h  Set cursor shape (RBIL INT 10/AH=01h).
 * In: CH = start line (bit 5: hidden), CL = end line. */
static void video_set_shape(struct machine *m)
{
    video_cursor_shape(m, m->r.cx.h, m->r.cx.l);
}

/* INT 10h/02h  Set cursor position (RBIL INT 10/AH=02h).
 * In: BH = page, DH = row, DL = column. */
static void video_set_cursor(struct machine *m)
{
    cursor_set(m, m->r.bx.h, m->r.dx.h, m->r.dx.l);
}

/* INT 10h/03h  Get cursor position and shape (RBIL INT 10/AH=03h).
 * In: BH = page. Out: DH = row, DL = column, CH/CL = start/end line. */
static void video_get_cursor(struct machine *m)
{
    unsigned row, col;
    if ((m->r.bx.h & 7u) == active_page(m))
        cursor_sync_from_crtc(m);
    cursor_get(m, m->r.bx.h, &row, &col);
    m->r.dx.h = (uint8_t)row;
    m->r.dx.l = (uint8_t)col;
    m->r.cx.w = mem_rd16(m, video_bda(BDA_CURSOR_SHAPE));
}

/* INT 10h/04h  Light pen (RBIL INT 10/AH=04h): none, AH = 0. */
static void video_light_pen(struct machine *m)
{
    m->r.ax.h = 0;
}

/* INT 10h/05h  Select active page (RBIL INT 10/AH=05h). In: AL = page. */
static void video_set_page(struct machine *m)
{
    uint8_t page = m->r.ax.l & (VIDEO_PAGES - 1);
    uint16_t off = (uint16_t)(page * mem_rd16(m, video_bda(BDA_VIDEO_PAGE_SIZE)));
    unsigned row, col;
    mem_wr8(m, video_bda(BDA_VIDEO_PAGE), page);
    mem_wr16(m, video_bda(BDA_VIDEO_PAGE_OFF), off);
    vga_set_start(m, off / 2u);
    cursor_get(m, page, &row, &col);
    cursor_set(m, page, row, col);
}

/* Scroll the window (top,left)-(bottom,right) of `page` by n lines (up or
 * down), blanking with `attr`; n = 0 clears it. */
void video_scroll(struct machine *m, uint8_t page, unsigned top, unsigned left,
                  unsigned bottom, unsigned right, unsigned n, uint8_t attr, bool up)
{
    unsigned rows = video_rows(m), cols = video_cols(m);
    if (bottom >= rows)
        bottom = rows - 1;
    if (right >= cols)
        right = cols - 1;
    if (top > bottom || left > right)
        return;
    unsigned height = bottom - top + 1, width = right - left + 1;
    if (n == 0 || n > height)
        n = height;
    uint16_t blank = (uint16_t)(attr << 8 | ' ');
    for (unsigned i = 0; i < height; i++) {
        unsigned row = up ? top + i : bottom - i;
        for (unsigned c = 0; c < width; c++) {
            uint16_t v = blank;
            if (i + n < height) {
                unsigned src = up ? row + n : row - n;
                v = mem_rd16(m, cell_lin(m, page, src, left + c));
            }
            mem_wr16(m, cell_lin(m, page, row, left + c), v);
        }
    }
}

/* INT 10h/06h, 07h  Scroll the active page up/down (RBIL INT 10/AH=06h).
 * In: AL = lines (0 = clear), BH = fill attribute, CH,CL = top row,
 * left column, DH,DL = bottom row, right column. */
static void video_scroll_fn(struct machine *m)
{
    video_scroll(m, active_page(m), m->r.cx.h, m->r.cx.l, m->r.dx.h, m->r.dx.l, m->r.ax.l,
                 m->r.bx.h, m->r.ax.h == 0x06);
}

/* INT 10h/08h  Read character and attribute at the cursor (RBIL INT
 * 10/AH=08h). In: BH = page. Out: AH = attribute, AL = character. */
static void video_read_cell(struct machine *m)
{
    unsigned row, col;
    if ((m->r.bx.h & 7u) == active_page(m))
        cursor_sync_from_crtc(m);
    cursor_get(m, m->r.bx.h, &row, &col);
    m->r.ax.w = mem_rd16(m, cell_lin(m, m->r.bx.h, row, col));
}

/* Write CX copies of AL (with attribute BL when `with_attr`) from the
 * cursor of page BH on, without moving the cursor. */
static void write_cells(struct machine *m, bool with_attr)
{
    unsigned row, col, cols = video_cols(m), rows = video_rows(m);
    uint8_t page = m->r.bx.h;
    cursor_get(m, page, &row, &col);
    uint32_t pos = row * cols + col;
    for (unsigned i = 0; i < m->r.cx.w && pos < rows * cols; i++, pos++) {
        uint32_t a = cell_lin(m, page, pos / cols, pos % cols);
        mem_wr8(m, a, m->r.ax.l);
        if (with_attr)
            mem_wr8(m, a + 1, m->r.bx.l);
    }
}

/* INT 10h/09h  Write character and attribute (RBIL INT 10/AH=09h).
 * In: AL = character, BH = page, BL = attribute, CX = count. */
static void video_write_cell(struct machine *m)
{
    write_cells(m, true);
}

/* INT 10h/0Ah  Write character only (RBIL INT 10/AH=0Ah). As 09h, the
 * attributes already on screen stay. */
static void video_write_char(struct machine *m)
{
    write_cells(m, false);
}

/* INT 10h/0Bh  CGA palette (RBIL INT 10/AH=0Bh): recorded in the BDA. */
static void video_cga_palette(struct machine *m)
{
    uint8_t pal = mem_rd8(m, video_bda(BDA_VIDEO_PALETTE));
    if (m->r.bx.h == 0)
        pal = (uint8_t)((pal & 0xE0u) | (m->r.bx.l & 0x1Fu));
    else
        pal = (uint8_t)((pal & ~0x20u) | (m->r.bx.l & 1u ? 0x20u : 0));
    mem_wr8(m, video_bda(BDA_VIDEO_PALETTE), pal);
}

/* INT 10h/0Ch, 0Dh  Pixels: no graphics modes, nothing to do. */
static void video_pixel(struct machine *m)
{
    (void)m;
}

/* One character of teletype output on `page`: BEL, BS, LF and CR act,
 * anything else is written (with `attr` when >= 0) and advances the
 * cursor, wrapping and scrolling at the bottom as the BIOS does. */
static void tty_put(struct machine *m, uint8_t page, uint8_t c, int attr)
{
    unsigned row, col, cols = video_cols(m), rows = video_rows(m);
    cursor_get(m, page, &row, &col);
    switch (c) {
    case CHAR_BEL:
        break;
    case CHAR_BS:
        if (col > 0)
            col--;
        break;
    case CHAR_LF:
        row++;
        break;
    case CHAR_CR:
        col = 0;
        break;
    default: {
        uint32_t a = cell_lin(m, page, row, col);
        mem_wr8(m, a, c);
        if (attr >= 0)
            mem_wr8(m, a + 1, (uint8_t)attr);
        if (++col >= cols) {
            col = 0;
            row++;
        }
        break;
    }
    }
    if (row >= rows) {
        /* The new line takes the attribute under the cursor. */
        uint8_t fill = mem_rd8(m, cell_lin(m, page, rows - 1, col < cols ? col : 0) + 1);
        video_scroll(m, page, 0, 0, rows - 1, cols - 1, 1, fill, true);
        row = rows - 1;
    }
    cursor_set(m, page, row, col);
}

/* INT 10h/0Eh  Teletype output (RBIL INT 10/AH=0Eh). In: AL = character.
 * Written on the active page and, for the stdio front end, to standard
 * output. */
static void video_teletype(struct machine *m)
{
    uint8_t c = m->r.ax.l;
    tty_put(m, active_page(m), c, -1);
    ssize_t r;
    do {
        r = write(1, &c, 1);
    } while (r < 0 && errno == EINTR);
}

/* INT 10h/0Fh  Get video mode (RBIL INT 10/AH=0Fh).
 * Out: AL = mode (bit 7 as at the mode set), AH = columns, BH = page. */
static void video_get_mode(struct machine *m)
{
    m->r.ax.l = (uint8_t)(mem_rd8(m, video_bda(BDA_VIDEO_MODE)) |
                          (mem_rd8(m, video_bda(BDA_VIDEO_EGA_MISC)) & VIDEO_NO_CLEAR));
    m->r.ax.h = (uint8_t)video_cols(m);
    m->r.bx.h = active_page(m);
}

/* INT 10h/13h  Write string (RBIL INT 10/AH=13h).
 * In: AL = mode (bit 0: move the cursor, bit 1: the string alternates
 * characters and attributes), BH = page, BL = attribute, CX = length,
 * DH,DL = row, column, ES:BP -> string. BEL, BS, LF, CR act as in 0Eh. */
static void video_write_string(struct machine *m)
{
    uint8_t page = m->r.bx.h, mode = m->r.ax.l;
    unsigned row0, col0;
    cursor_get(m, page, &row0, &col0);
    cursor_set(m, page, m->r.dx.h, m->r.dx.l);
    bool attrs = mode & 2u;
    uint16_t off = m->r.bp.w;
    for (unsigned i = 0; i < m->r.cx.w; i++) {
        uint8_t c = mem_rd8(m, mem_lin(m->r.es, off++));
        int attr = m->r.bx.l;
        if (attrs)
            attr = mem_rd8(m, mem_lin(m->r.es, off++));
        tty_put(m, page, c, attr);
    }
    if (!(mode & 1u))
        cursor_set(m, page, row0, col0);
}

static const struct {
    const char *name;
    int_handler_fn fn;
} int10_fns[] = {
    [0x00] = { "set mode", video_set_mode },
    [0x01] = { "set cursor shape", video_set_shape },
    [0x02] = { "set cursor position", video_set_cursor },
    [0x03] = { "get cursor", video_get_cursor },
    [0x04] = { "light pen", video_light_pen },
    [0x05] = { "select page", video_set_page },
    [0x06] = { "scroll up", video_scroll_fn },
    [0x07] = { "scroll down", video_scroll_fn },
    [0x08] = { "read character and attribute", video_read_cell },
    [0x09] = { "write character and attribute", video_write_cell },
    [0x0A] = { "write character", video_write_char },
    [0x0B] = { "CGA palette", video_cga_palette },
    [0x0C] = { "write pixel", video_pixel },
    [0x0D] = { "read pixel", video_pixel },
    [0x0E] = { "teletype", video_teletype },
    [0x0F] = { "get mode", video_get_mode },
    [0x10] = { "palette", video_palette },
    [0x11] = { "character generator", video_font },
    [0x12] = { "alternate select", video_alt_select },
    [0x13] = { "write string", video_write_string },
    [0x1A] = { "display combination", video_dcc },
    [0x1B] = { "functionality and state", video_state_info },
    [0x1C] = { "save/restore state", video_save_state },
};

/* INT 10h  Video services (RBIL INT 10): dispatch by AH. */
static void bios_int10(struct machine *m)
{
    uint8_t ah = m->r.ax.h;
    if (ah < sizeof int10_fns / sizeof int10_fns[0] && int10_fns[ah].fn) {
        if (ah != 0x0E)
            vdm_trace(m, TRACE_BIOS, "INT 10h/%02Xh %s", ah, int10_fns[ah].name);
        int10_fns[ah].fn(m);
        return;
    }
    vdm_trace(m, TRACE_BIOS, "INT 10h/%02Xh not supported", ah);
}

void bios_video_init(struct machine *m)
{
    machine_set_int_handler(m, 0x10, bios_int10);
    uint16_t ax = m->r.ax.w;
    m->r.ax.w = 0x0003;
    video_set_mode(m);
    m->r.ax.w = ax;
}
