/*
 * INT 10h palette, font and information calls (RBIL INT 10/AH=10h, 11h,
 * 12h, 1Ah, 1Bh, 1Ch) for a VGA in text mode: the palette reaches the
 * attribute controller and the DAC in hw/vga.c; font loads change the
 * character height and with it the rows (80x28, 80x43, 80x50); the
 * information calls describe a colour VGA with 256 KiB.
 */
#include "bios/bda.h"
#include "bios/bios.h"
#include "bios/rom.h"
#include "bios/video.h"
#include "hw/vga.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define VGA_PALETTE_REGS 16u
#define BDA_BLINK_BIT 0x20u      /* BDA 65h: blink enabled */
#define DCC_VGA_COLOUR 0x08u
#define DCC_VGA_MONO 0x07u
#define VIDEO_STATE_BYTES 64u
#define STATE_SAVE_BLOCKS 1u     /* 64-byte blocks 1Ch needs */
#define BDA_VIDEO_FIRST 0x49u    /* the video fields 1Ch saves: 49h-66h ... */
#define BDA_VIDEO_LAST 0x66u
#define BDA_VIDEO2_FIRST 0x84u   /* ... and 84h-8Ah */
#define BDA_VIDEO2_LAST 0x8Au

/* INT 10h/10h  Palette registers and DAC (RBIL INT 10/AX=1000h-101Bh).
 * 00h set one register (BL, BH), 01h overscan (BH), 02h all from ES:DX,
 * 03h blink (BL=1) or intensity (BL=0), 07h/08h/09h read them back, 10h
 * set DAC BX to DH,CH,CL, 12h set CX DAC entries from ES:DX, 15h/17h read
 * them, 18h/19h PEL mask, 1Ah colour page state; the rest accepted. */
void video_palette(struct machine *m)
{
    struct vga *v = &m->vga;
    uint32_t buf = mem_lin(m->r.es, m->r.dx.w);
    switch (m->r.ax.l) {
    case 0x00:
        if (m->r.bx.l < VGA_PALETTE_REGS)
            v->attr[m->r.bx.l] = m->r.bx.h;
        break;
    case 0x01:
        v->attr[VGA_ATTR_OVERSCAN] = m->r.bx.h;
        break;
    case 0x02:
        for (unsigned i = 0; i < VGA_PALETTE_REGS; i++)
            v->attr[i] = mem_rd8(m, buf + i);
        v->attr[VGA_ATTR_OVERSCAN] = mem_rd8(m, buf + VGA_PALETTE_REGS);
        break;
    case 0x03: {
        bool blink = m->r.bx.l & 1u;
        uint8_t ctl = mem_rd8(m, video_bda(BDA_VIDEO_MODE_CTL));
        vga_set_blink(m, blink);
        mem_wr8(m, video_bda(BDA_VIDEO_MODE_CTL),
                (uint8_t)(blink ? ctl | BDA_BLINK_BIT : ctl & ~BDA_BLINK_BIT));
        break;
    }
    case 0x07:
        m->r.bx.h = m->r.bx.l < VGA_PALETTE_REGS ? v->attr[m->r.bx.l] : 0;
        break;
    case 0x08:
        m->r.bx.h = v->attr[VGA_ATTR_OVERSCAN];
        break;
    case 0x09:
        for (unsigned i = 0; i < VGA_PALETTE_REGS; i++)
            mem_wr8(m, buf + i, v->attr[i]);
        mem_wr8(m, buf + VGA_PALETTE_REGS, v->attr[VGA_ATTR_OVERSCAN]);
        break;
    case 0x10: {
        uint8_t *e = v->dac[m->r.bx.l];
        e[0] = m->r.dx.h & 0x3Fu;
        e[1] = m->r.cx.h & 0x3Fu;
        e[2] = m->r.cx.l & 0x3Fu;
        break;
    }
    case 0x12:
    case 0x17:
        for (unsigned i = 0; i < m->r.cx.w && m->r.bx.w + i < VGA_DAC_ENTRIES; i++) {
            uint8_t *e = v->dac[m->r.bx.w + i];
            for (unsigned c = 0; c < 3; c++) {
                if (m->r.ax.l == 0x12)
                    e[c] = mem_rd8(m, buf + i * 3 + c) & 0x3Fu;
                else
                    mem_wr8(m, buf + i * 3 + c, e[c]);
            }
        }
        break;
    case 0x15: {
        const uint8_t *e = v->dac[m->r.bx.l];
        m->r.dx.h = e[0];
        m->r.cx.h = e[1];
        m->r.cx.l = e[2];
        break;
    }
    case 0x18:
        v->pel_mask = m->r.bx.l;
        break;
    case 0x19:
        m->r.bx.l = v->pel_mask;
        break;
    case 0x1A:
        m->r.bx.w = 0;
        break;
    default: /* 13h colour page select, 1Bh grey summing: nothing to show */
        break;
    }
}

/* INT 10h/11h  Character generator (RBIL INT 10/AH=11h).
 * AL = 00h/10h user font (BH = bytes per character), 01h/11h 8x14, 02h/12h
 * 8x8, 04h/14h 8x16: the rows follow (400 lines: 50 rows with 8x8, 28 with
 * 8x14; 350 lines: 43 and 25). 03h block specifier and 20h-24h graphics
 * fonts are accepted. 30h: ES:BP -> font (no glyphs here), CX = character
 * height, DL = rows - 1. */
void video_font(struct machine *m)
{
    unsigned h = 0;
    switch (m->r.ax.l) {
    case 0x00:
    case 0x10:
        h = m->r.bx.h;
        break;
    case 0x01:
    case 0x11:
        h = 14;
        break;
    case 0x02:
    case 0x12:
        h = 8;
        break;
    case 0x04:
    case 0x14:
        h = 16;
        break;
    case 0x30:
        m->r.es = ROM_SEG;
        m->r.bp.w = ROM_FONT_OFF;
        m->r.cx.w = mem_rd16(m, video_bda(BDA_CHAR_HEIGHT));
        m->r.dx.l = mem_rd8(m, video_bda(BDA_VIDEO_ROWS));
        return;
    default:
        return;
    }
    if (h >= 1 && h <= 32)
        video_set_geometry(m, h);
}

/* INT 10h/12h  Alternate select (RBIL INT 10/AH=12h).
 * BL=10h: EGA information: BH = 0 colour, BL = 3 (256 KiB), CH = 0
 * feature bits, CL = 9 switch settings. BL=30h: scan lines for the next
 * text mode set (AL 0 = 200, 1 = 350, 2 = 400). BL=31h-36h accepted.
 * Out (30h-36h): AL = 12h. */
void video_alt_select(struct machine *m)
{
    static const uint16_t lines[3] = { 200, 350, 400 };
    uint8_t bl = m->r.bx.l;
    if (bl == 0x10) {
        m->r.bx.w = 0x0003;
        m->r.cx.w = 0x0009;
        return;
    }
    if (bl == 0x30 && m->r.ax.l <= 2)
        m->bios->scan_lines = lines[m->r.ax.l];
    if (bl >= 0x30 && bl <= 0x36)
        m->r.ax.l = 0x12;
}

/* INT 10h/1Ah  Display combination code (RBIL INT 10/AH=1Ah).
 * AL=00h: BL = active display (08h VGA colour, 07h VGA mono), BH = 0.
 * AL=00h, 01h: AL = 1Ah (supported). */
void video_dcc(struct machine *m)
{
    if (m->r.ax.l == 0x00) {
        bool mono = mem_rd16(m, video_bda(BDA_CRTC_BASE)) == 0x3B4;
        m->r.bx.w = mono ? DCC_VGA_MONO : DCC_VGA_COLOUR;
    }
    if (m->r.ax.l <= 0x01)
        m->r.ax.l = 0x1A;
}

/* INT 10h/1Bh  Functionality and state information (RBIL INT 10/AH=1Bh,
 * table "Video state information"). In: BX = 0, ES:DI -> 64 bytes.
 * Out: AL = 1Bh, the buffer filled. */
void video_state_info(struct machine *m)
{
    if (m->r.bx.w != 0)
        return;
    uint32_t d = mem_lin(m->r.es, m->r.di.w);
    for (unsigned i = 0; i < VIDEO_STATE_BYTES; i++)
        mem_wr8(m, d + i, 0);
    mem_wr16(m, d + 0x00, ROM_VIDEO_FUNC_OFF);
    mem_wr16(m, d + 0x02, ROM_SEG);
    mem_wr8(m, d + 0x04, mem_rd8(m, video_bda(BDA_VIDEO_MODE)));
    mem_wr16(m, d + 0x05, (uint16_t)video_cols(m));
    mem_wr16(m, d + 0x07, mem_rd16(m, video_bda(BDA_VIDEO_PAGE_SIZE)));
    mem_wr16(m, d + 0x09, mem_rd16(m, video_bda(BDA_VIDEO_PAGE_OFF)));
    for (unsigned p = 0; p < 8; p++)
        mem_wr16(m, d + 0x0B + p * 2, mem_rd16(m, video_bda(BDA_CURSOR_POS) + p * 2));
    mem_wr16(m, d + 0x1B, mem_rd16(m, video_bda(BDA_CURSOR_SHAPE)));
    mem_wr8(m, d + 0x1D, mem_rd8(m, video_bda(BDA_VIDEO_PAGE)));
    mem_wr16(m, d + 0x1E, mem_rd16(m, video_bda(BDA_CRTC_BASE)));
    mem_wr8(m, d + 0x20, mem_rd8(m, video_bda(BDA_VIDEO_MODE_CTL)));
    mem_wr8(m, d + 0x21, mem_rd8(m, video_bda(BDA_VIDEO_PALETTE)));
    mem_wr8(m, d + 0x22, (uint8_t)video_rows(m));
    mem_wr16(m, d + 0x23, mem_rd16(m, video_bda(BDA_CHAR_HEIGHT)));
    bool mono = mem_rd16(m, video_bda(BDA_CRTC_BASE)) == 0x3B4;
    mem_wr8(m, d + 0x25, mono ? DCC_VGA_MONO : DCC_VGA_COLOUR);
    mem_wr16(m, d + 0x27, mono ? 0 : 16);            /* colours */
    mem_wr8(m, d + 0x29, 8);                           /* pages */
    unsigned lines = m->bios->scan_lines;
    mem_wr8(m, d + 0x2A, lines == 200 ? 0 : lines == 350 ? 1 : 2);
    mem_wr8(m, d + 0x2D, vga_blink(m) ? 0x20 : 0);   /* misc: blink */
    mem_wr8(m, d + 0x31, 3);                           /* 256 KiB */
    m->r.ax.l = 0x1B;
}

/* INT 10h/1Ch  Save/restore video state (RBIL INT 10/AH=1Ch).
 * AL=00h: BX = 64-byte blocks needed; 01h save to ES:BX; 02h restore from
 * it (the BIOS data area's video fields and the CRTC). Out: AL = 1Ch. */
void video_save_state(struct machine *m)
{
    uint32_t buf = mem_lin(m->r.es, m->r.bx.w);
    uint8_t fn = m->r.ax.l;
    if (fn == 0x00) {
        m->r.bx.w = STATE_SAVE_BLOCKS;
        m->r.ax.l = 0x1C;
        return;
    }
    if (fn != 0x01 && fn != 0x02)
        return;
    bool save = fn == 0x01;
    unsigned k = 0;
    for (unsigned off = BDA_VIDEO_FIRST; off <= BDA_VIDEO2_LAST; off++) {
        if (off > BDA_VIDEO_LAST && off < BDA_VIDEO2_FIRST)
            continue;
        if (save)
            mem_wr8(m, buf + k, mem_rd8(m, video_bda(off)));
        else
            mem_wr8(m, video_bda(off), mem_rd8(m, buf + k));
        k++;
    }
    for (unsigned i = 0; i < VGA_CRTC_REGS; i++, k++) {
        if (save)
            mem_wr8(m, buf + k, m->vga.crtc[i]);
        else
            m->vga.crtc[i] = mem_rd8(m, buf + k);
    }
    m->r.ax.l = 0x1C;
}
