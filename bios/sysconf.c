/*
 * System services: INT 05h print screen, 11h equipment, 12h memory size,
 * 13h disk (refused: vdm has no BIOS disks; DOS drives are host
 * directories), 14h serial and 17h printer status, 15h the system calls
 * programs probe, 19h bootstrap (ends vdm).
 */
#include <string.h>

#include "bios/bda.h"
#include "bios/bios.h"
#include "bios/rom.h"
#include "hw/kbc.h"
#include "vdm/machine.h"
#include "vdm/mem.h"
#include "vdm/run.h"

#define BDA_PRTSC_STATUS 0x100u  /* 0050:0000, print screen status byte */
#define BDA_DISK_STATUS 0x41u    /* last diskette operation status */
#define DISK_ERR_TIMEOUT 0x80u   /* "timeout (not ready)" */
#define SYS_ERR_UNSUPPORTED 0x86u /* INT 15h: function not supported */
#define SYS_ERR_MOVE_FAILED 0x02u /* INT 15h/87h: exception */
#define EXT_MEM_KB 64u           /* the HMA, the only memory above 1 MiB */
#define PRINTER_READY 0x90u      /* not busy, selected */
#define PRINTER_TIMEOUT 0x01u
#define SERIAL_TIMEOUT 0x80u
#define SERIAL_IDLE 0x6000u      /* transmitter empty, no modem lines */
#define A20_SUPPORT_KBC_AND_92H 0x0003u

static void ok(struct machine *m)
{
    m->r.ax.h = 0;
    m->r.flags &= ~FLAG_CF;
}

static void unsupported(struct machine *m)
{
    m->r.ax.h = SYS_ERR_UNSUPPORTED;
    m->r.flags |= FLAG_CF;
}

/* INT 05h  Print screen (RBIL INT 05): there is no printer behind PRN,
 * so the page goes nowhere; the status byte at 0050:0000 says done. */
static void bios_int05(struct machine *m)
{
    mem_wr8(m, BDA_PRTSC_STATUS + 0x400u, 0);
    vdm_trace(m, TRACE_BIOS, "INT 05h print screen: no printer");
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

/* INT 13h  Disk services (RBIL INT 13): no BIOS disks. 15h (disk type)
 * answers "no such drive"; everything else CF set, AH = 80h (timeout). */
static void bios_int13(struct machine *m)
{
    if (m->r.ax.h == 0x15) {
        ok(m);
        return;
    }
    m->r.ax.h = DISK_ERR_TIMEOUT;
    mem_wr8(m, BDA_LIN + BDA_DISK_STATUS, DISK_ERR_TIMEOUT);
    m->r.flags |= FLAG_CF;
}

/* INT 14h  Serial ports (RBIL INT 14): none attached. 00h init and 03h
 * status: AX = line idle; 01h send, 02h receive: AH bit 7, time-out. */
static void bios_int14(struct machine *m)
{
    if (m->r.ax.h == 0x00 || m->r.ax.h == 0x03)
        m->r.ax.w = SERIAL_IDLE;
    else
        m->r.ax.h = SERIAL_TIMEOUT;
}

/* INT 17h  Printer (RBIL INT 17): LPT1 (DX = 0) is PRN, which swallows
 * what it gets, so it answers ready; other ports time out. */
static void bios_int17(struct machine *m)
{
    m->r.ax.h = m->r.dx.w == 0 ? PRINTER_READY : PRINTER_TIMEOUT;
}

/* INT 19h  Bootstrap loader: a DOS program that reboots the machine ends
 * vdm (with status 0, as the program asked for nothing else). */
static void bios_int19(struct machine *m)
{
    machine_exit(m, 0);
}

/* INT 15h/24h  A20 gate (RBIL INT 15/AX=2400h-2403h). AL = 00h off, 01h
 * on, 02h status (AL = 1 when on), 03h support (BX = 3: 8042 and port
 * 92h). */
static void sys_a20(struct machine *m)
{
    switch (m->r.ax.l) {
    case 0x00:
    case 0x01:
        kbc_set_a20(m, m->r.ax.l);
        break;
    case 0x02:
        m->r.ax.l = m->a20_mask != MEM_A20_OFF_MASK;
        break;
    case 0x03:
        m->r.bx.w = A20_SUPPORT_KBC_AND_92H;
        break;
    default:
        unsupported(m);
        return;
    }
    ok(m);
}

/* INT 15h/86h  Wait (RBIL INT 15/AH=86h). In: CX:DX microseconds. The
 * host sleeps (bounded by --timeout); timer ticks due meanwhile follow as
 * catch-up. */
static void sys_wait(struct machine *m)
{
    uint64_t us = (uint64_t)m->r.cx.w << 16 | m->r.dx.w;
    run_sleep_until(m, vdm_now_ns() + us * 1000u);
    ok(m);
}

/* Base of a protected-mode descriptor in the INT 15h/87h GDT. */
static uint32_t desc_base(struct machine *m, uint32_t d)
{
    return mem_rd8(m, d + 2) | mem_rd8(m, d + 3) << 8 | (uint32_t)mem_rd8(m, d + 4) << 16 |
           (uint32_t)mem_rd8(m, d + 7) << 24;
}

/* INT 15h/87h  Move extended memory block (RBIL INT 15/AH=87h).
 * In: CX = words, ES:SI -> GDT (source descriptor at +10h, target at
 * +18h). Out: AH = 0, CF clear; AH = 02h, CF set when a range lies
 * outside memory. */
static void sys_move_block(struct machine *m)
{
    uint32_t gdt = mem_lin(m->r.es, m->r.si.w);
    uint32_t src = desc_base(m, gdt + 0x10), dst = desc_base(m, gdt + 0x18);
    size_t len = (size_t)m->r.cx.w * 2u;
    uint8_t *s = mem_ptr(m, src, len), *d = mem_ptr(m, dst, len);
    if (!s || !d) {
        m->r.ax.h = SYS_ERR_MOVE_FAILED;
        m->r.flags |= FLAG_CF;
        return;
    }
    memmove(d, s, len);
    ok(m);
}

/* INT 15h/88h  Extended memory size (RBIL INT 15/AH=88h): AX = KiB. */
static void sys_ext_memory(struct machine *m)
{
    m->r.ax.w = EXT_MEM_KB;
    m->r.flags &= ~FLAG_CF;
}

/* INT 15h/C0h  Configuration table (RBIL INT 15/AH=C0h): ES:BX -> it. */
static void sys_config(struct machine *m)
{
    m->r.es = ROM_SEG;
    m->r.bx.w = ROM_CONFIG_OFF;
    ok(m);
}

/* INT 15h/4Fh  Keyboard intercept (RBIL INT 15/AH=4Fh): nobody hooked
 * it; CF stays as the caller set it (set: process the key). */
static void sys_kbd_intercept(struct machine *m)
{
    (void)m;
}

/* INT 15h/80h-82h, 85h, 90h, 91h  Device open/close, program end, SysReq,
 * device busy, interrupt complete: hooks for multitaskers; AH = 0. */
static void sys_hook(struct machine *m)
{
    ok(m);
}

static const struct {
    const char *name;
    int_handler_fn fn;
} int15_fns[] = {
    [0x24] = { "A20 gate", sys_a20 },
    [0x4F] = { "keyboard intercept", sys_kbd_intercept },
    [0x80] = { "device open", sys_hook },
    [0x81] = { "device close", sys_hook },
    [0x82] = { "process termination", sys_hook },
    [0x85] = { "SysReq", sys_hook },
    [0x86] = { "wait", sys_wait },
    [0x87] = { "move block", sys_move_block },
    [0x88] = { "extended memory size", sys_ext_memory },
    [0x90] = { "device busy", sys_hook },
    [0x91] = { "interrupt complete", sys_hook },
    [0xC0] = { "configuration", sys_config },
};

/* INT 15h  System services (RBIL INT 15): dispatch by AH; the rest CF
 * set, AH = 86h. */
static void bios_int15(struct machine *m)
{
    uint8_t ah = m->r.ax.h;
    if (ah < sizeof int15_fns / sizeof int15_fns[0] && int15_fns[ah].fn) {
        if (ah != 0x4F && ah != 0x90 && ah != 0x91)
            vdm_trace(m, TRACE_BIOS, "INT 15h/%02Xh %s", ah, int15_fns[ah].name);
        int15_fns[ah].fn(m);
        return;
    }
    vdm_trace(m, TRACE_BIOS, "INT 15h/%02Xh not supported", ah);
    unsupported(m);
}

void bios_sysconf_init(struct machine *m)
{
    static const struct { uint8_t vector; int_handler_fn fn; } handlers[] = {
        { 0x05, bios_int05 }, { 0x11, bios_int11 }, { 0x12, bios_int12 },
        { 0x13, bios_int13 }, { 0x14, bios_int14 }, { 0x15, bios_int15 },
        { 0x17, bios_int17 }, { 0x19, bios_int19 },
    };
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
        machine_set_int_handler(m, handlers[i].vector, handlers[i].fn);
}
