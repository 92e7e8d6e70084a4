/*
 * VGA text mode hardware: the CRT controller (3D4h/3D5h, 3B4h/3B5h for
 * mode 7), input status 1 (3DAh/3BAh) with retrace timing from the host
 * clock, the attribute controller (3C0h/3C1h, blink bit), the sequencer and
 * graphics controller registers (stored), and the DAC palette (3C6h-3C9h)
 * kept for a window front end. Video memory itself is plain guest RAM at
 * B800h/B000h and is not here. Knows nothing of the BIOS data area.
 */
#ifndef VDM_HW_VGA_H
#define VDM_HW_VGA_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define VGA_CRTC_REGS 0x19u
#define VGA_ATTR_REGS 0x15u
#define VGA_SEQ_REGS 5u
#define VGA_GC_REGS 9u
#define VGA_DAC_ENTRIES 256u

/* CRTC registers the BIOS and programs use. */
#define VGA_CRTC_CURSOR_START 0x0A
#define VGA_CRTC_CURSOR_END 0x0B
#define VGA_CRTC_START_HI 0x0C
#define VGA_CRTC_START_LO 0x0D
#define VGA_CRTC_CURSOR_HI 0x0E
#define VGA_CRTC_CURSOR_LO 0x0F
#define VGA_CRTC_MAX_SCAN 0x09

/* Attribute controller mode control (index 10h): bit 3 blink enable. */
#define VGA_ATTR_MODE 0x10
#define VGA_ATTR_OVERSCAN 0x11
#define VGA_ATTR_BLINK 0x08u

struct vga {
    uint8_t crtc_index, crtc[VGA_CRTC_REGS];
    uint8_t seq_index, seq[VGA_SEQ_REGS];
    uint8_t gc_index, gc[VGA_GC_REGS];
    uint8_t attr_index, attr[VGA_ATTR_REGS];
    bool attr_data_next;     /* 3C0h flip-flop: the next write is data */
    uint8_t misc;            /* miscellaneous output (3C2h / 3CCh) */
    uint8_t pel_mask;        /* 3C6h */
    uint8_t dac[VGA_DAC_ENTRIES][3]; /* 6-bit R, G, B */
    uint8_t dac_read, dac_write, dac_comp; /* DAC indexes, component 0-2 */
    bool dac_reading;        /* 3C7h state: last index set was for reading */
};

/* Cursor location and display start (character cells from B800:0). */
uint16_t vga_cursor(const struct machine *m);
void vga_set_cursor(struct machine *m, uint16_t cell);
void vga_set_start(struct machine *m, uint16_t cell);
/* Cursor shape: start and end scan lines (bit 5 of start hides it). */
void vga_set_cursor_shape(struct machine *m, uint8_t start, uint8_t end);

/* The colour text attribute colour `c` (0-15) shows now, as 0xRRGGBB:
 * palette register c, the colour select register and the PEL mask pick a
 * DAC entry whose 6-bit components are widened to 8 bits. */
uint32_t vga_text_rgb(const struct machine *m, unsigned c);

/* Attribute controller: blink (true) or bright backgrounds. */
void vga_set_blink(struct machine *m, bool blink);
bool vga_blink(const struct machine *m);

/* Whether the beam is in vertical retrace at host time `now`. */
bool vga_in_vretrace(uint64_t now);

bool vga_init(struct machine *m);

#endif
