/*
 * BIOS start-up and the services this stage provides: the timer tick
 * (INT 08h), equipment and memory size (INT 11h, 12h), a text-mode INT 10h
 * whose teletype output goes to standard output (the stdio front end), the
 * time-of-day counter (INT 1Ah/00h-01h) and bootstrap (INT 19h: ends vdm).
 */
#include "bios/bios.h"

#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "bios/bda.h"
#include "bios/rom.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* Equipment word: 80x25 colour display (bits 5-4 = 10b), math
 * coprocessor absent, no floppies (RBIL INT 11). */
#define EQUIP_VIDEO_80X25_COLOUR 0x0020u

#define VIDEO_MODE_TEXT80 0x03

static uint32_t ticks_since_midnight(void)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    uint32_t secs = (uint32_t)(tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec);
    /* 1,573,040 ticks per 86,400 s. */
    return (uint32_t)((uint64_t)secs * BDA_TICKS_PER_DAY / 86400u);
}

static void bda_init(struct machine *m)
{
    uint32_t b = BDA_LIN;
    mem_wr16(m, b + BDA_EQUIPMENT, EQUIP_VIDEO_80X25_COLOUR);
    mem_wr16(m, b + BDA_MEMORY_KB, 640);
    mem_wr16(m, b + BDA_KBD_HEAD, BDA_KBD_BUF);
    mem_wr16(m, b + BDA_KBD_TAIL, BDA_KBD_BUF);
    mem_wr16(m, b + BDA_KBD_BUF_START, BDA_KBD_BUF);
    mem_wr16(m, b + BDA_KBD_BUF_END, BDA_KBD_BUF + 32);
    mem_wr8(m, b + BDA_VIDEO_MODE, VIDEO_MODE_TEXT80);
    mem_wr16(m, b + BDA_VIDEO_COLS, 80);
    mem_wr16(m, b + BDA_VIDEO_PAGE_SIZE, 80 * 25 * 2);
    mem_wr16(m, b + BDA_CURSOR_SHAPE, 0x0607);
    mem_wr16(m, b + BDA_CRTC_BASE, 0x3D4);
    mem_wr32(m, b + BDA_TICKS, ticks_since_midnight());
    mem_wr8(m, b + BDA_VIDEO_ROWS, 24);
    mem_wr16(m, b + BDA_CHAR_HEIGHT, 16);
}

/* INT 08h  IRQ0 timer tick: count it in the BDA, rolling over at midnight;
 * the stub then calls INT 1Ch. (No PIC yet, so no EOI to take.) */
static void bios_int08(struct machine *m)
{
    uint32_t t = mem_rd32(m, BDA_LIN + BDA_TICKS) + 1;
    if (t >= BDA_TICKS_PER_DAY) {
        t = 0;
        mem_wr8(m, BDA_LIN + BDA_MIDNIGHT, 1);
    }
    mem_wr32(m, BDA_LIN + BDA_TICKS, t);
}

/* INT 10h  Video (RBIL INT 10): the text-mode subset programs that only
 * print need. 0Eh teletype writes to standard output. */
static void bios_int10(struct machine *m)
{
    uint32_t b = BDA_LIN;
    switch (m->r.ax.h) {
    case 0x00: /* set mode: text modes only at this stage */
        mem_wr8(m, b + BDA_VIDEO_MODE, m->r.ax.l & 0x7F);
        break;
    case 0x02: /* set cursor position: BH page, DH row, DL column */
        mem_wr8(m, b + BDA_CURSOR_POS + (m->r.bx.h & 7) * 2u, m->r.dx.l);
        mem_wr8(m, b + BDA_CURSOR_POS + (m->r.bx.h & 7) * 2u + 1, m->r.dx.h);
        break;
    case 0x03: /* get cursor position and shape */
        m->r.dx.l = mem_rd8(m, b + BDA_CURSOR_POS + (m->r.bx.h & 7) * 2u);
        m->r.dx.h = mem_rd8(m, b + BDA_CURSOR_POS + (m->r.bx.h & 7) * 2u + 1);
        m->r.cx.w = mem_rd16(m, b + BDA_CURSOR_SHAPE);
        break;
    case 0x0E: { /* teletype output: AL */
        uint8_t c = m->r.ax.l;
        ssize_t r;
        do {
            r = write(1, &c, 1);
        } while (r < 0 && errno == EINTR);
        break;
    }
    case 0x0F: /* get mode: AL mode, AH columns, BH page */
        m->r.ax.l = mem_rd8(m, b + BDA_VIDEO_MODE);
        m->r.ax.h = (uint8_t)mem_rd16(m, b + BDA_VIDEO_COLS);
        m->r.bx.h = mem_rd8(m, b + BDA_VIDEO_PAGE);
        break;
    default:
        vdm_trace(m, TRACE_BIOS, "INT 10h/%02Xh not supported", m->r.ax.h);
        break;
    }
}

/* INT 11h  Equipment list (RBIL INT 11): AX from the BDA. */
static void bios_int11(struct machine *m)
{
    m->r.ax.w = mem_rd16(m, BDA_LIN + BDA_EQUIPMENT);
}

/* INT 12h  Memory size (RBIL INT 12): AX = KiB of conventional memory. */
static void bios_int12(struct machine *m)
{
    m->r.ax.w = mem_rd16(m, BDA_LIN + BDA_MEMORY_KB);
}

/* INT 19h  Bootstrap loader: a DOS program that reboots the machine ends
 * vdm (with status 0, as the program asked for nothing else). */
static void bios_int19(struct machine *m)
{
    machine_exit(m, 0);
}

/* INT 1Ah  Time of day (RBIL INT 1A/AH=00h, 01h). 00h returns and clears
 * the midnight flag; 01h sets the count. */
static void bios_int1a(struct machine *m)
{
    uint32_t b = BDA_LIN;
    switch (m->r.ax.h) {
    case 0x00: {
        uint32_t t = mem_rd32(m, b + BDA_TICKS);
        m->r.cx.w = (uint16_t)(t >> 16);
        m->r.dx.w = (uint16_t)t;
        m->r.ax.l = mem_rd8(m, b + BDA_MIDNIGHT);
        mem_wr8(m, b + BDA_MIDNIGHT, 0);
        break;
    }
    case 0x01:
        mem_wr32(m, b + BDA_TICKS, (uint32_t)m->r.cx.w << 16 | m->r.dx.w);
        mem_wr8(m, b + BDA_MIDNIGHT, 0);
        break;
    default:
        vdm_trace(m, TRACE_BIOS, "INT 1Ah/%02Xh not supported", m->r.ax.h);
        m->r.flags |= FLAG_CF;
        break;
    }
}

bool bios_init(struct machine *m)
{
    rom_init(m);
    bda_init(m);
    machine_set_int_handler(m, 0x08, bios_int08);
    machine_set_int_handler(m, 0x10, bios_int10);
    machine_set_int_handler(m, 0x11, bios_int11);
    machine_set_int_handler(m, 0x12, bios_int12);
    machine_set_int_handler(m, 0x19, bios_int19);
    machine_set_int_handler(m, 0x1A, bios_int1a);
    return true;
}
