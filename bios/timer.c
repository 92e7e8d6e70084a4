/*
 * Time services and the hardware interrupt handlers: INT 08h (IRQ0, the
 * tick count), INT 1Ah (tick count, RTC time and date), INT 70h (IRQ8, the
 * RTC) and the handlers for IRQs nobody claimed.
 *
 * The EOI for IRQ0 is the ROM timer tail's (OUT 20h after INT 1Ch, the
 * IBM order), so a program that hooks INT 08h and chains gets it from
 * there, and one that replaces INT 08h sends its own.
 */
#include <time.h>

#include "bios/bda.h"
#include "bios/bios.h"
#include "hw/cmos.h"
#include "hw/pic.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define PIC_NONSPECIFIC_EOI 0x20u
#define SECONDS_PER_DAY 86400u

static uint8_t bcd(int v)
{
    return (uint8_t)((v / 10) << 4 | v % 10);
}

static int unbcd(uint8_t v)
{
    return (v >> 4) * 10 + (v & 15);
}

/* The BIOS tick count for the RTC's time of day (1800B0h per day). */
static uint32_t ticks_since_midnight(struct machine *m)
{
    struct tm tm;
    cmos_local_time(m, &tm);
    uint32_t secs = (uint32_t)(tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec);
    return (uint32_t)((uint64_t)secs * BDA_TICKS_PER_DAY / SECONDS_PER_DAY);
}

/* INT 08h  IRQ0 timer tick (RBIL INT 08): count it in the BDA, rolling
 * over at midnight; the ROM tail then calls INT 1Ch and sends the EOI. */
static void bios_int08(struct machine *m)
{
    uint32_t t = mem_rd32(m, BDA_LIN + BDA_TICKS) + 1;
    if (t >= BDA_TICKS_PER_DAY) {
        t = 0;
        mem_wr8(m, BDA_LIN + BDA_MIDNIGHT, 1);
    }
    mem_wr32(m, BDA_LIN + BDA_TICKS, t);
}

/* INT 1Ah/00h  Get system time (RBIL INT 1A/AH=00h).
 * Out: CX:DX = ticks since midnight, AL = midnight flag (then cleared). */
static void time_get_ticks(struct machine *m)
{
    uint32_t t = mem_rd32(m, BDA_LIN + BDA_TICKS);
    m->r.cx.w = (uint16_t)(t >> 16);
    m->r.dx.w = (uint16_t)t;
    m->r.ax.l = mem_rd8(m, BDA_LIN + BDA_MIDNIGHT);
    mem_wr8(m, BDA_LIN + BDA_MIDNIGHT, 0);
}

/* INT 1Ah/01h  Set system time (RBIL INT 1A/AH=01h). In: CX:DX ticks. */
static void time_set_ticks(struct machine *m)
{
    mem_wr32(m, BDA_LIN + BDA_TICKS, (uint32_t)m->r.cx.w << 16 | m->r.dx.w);
    mem_wr8(m, BDA_LIN + BDA_MIDNIGHT, 0);
}

/* INT 1Ah/02h  Get RTC time (RBIL INT 1A/AH=02h).
 * Out: CF clear, CH hours, CL minutes, DH seconds (BCD), DL 0 (no DST). */
static void time_get_rtc_time(struct machine *m)
{
    struct tm tm;
    cmos_local_time(m, &tm);
    m->r.cx.h = bcd(tm.tm_hour);
    m->r.cx.l = bcd(tm.tm_min);
    m->r.dx.h = bcd(tm.tm_sec > 59 ? 59 : tm.tm_sec);
    m->r.dx.l = 0;
    m->r.flags &= ~FLAG_CF;
}

/* INT 1Ah/03h  Set RTC time (RBIL INT 1A/AH=03h). In: CH, CL, DH (BCD). */
static void time_set_rtc_time(struct machine *m)
{
    cmos_set_time(m, unbcd(m->r.cx.h), unbcd(m->r.cx.l), unbcd(m->r.dx.h));
    m->r.flags &= ~FLAG_CF;
}

/* INT 1Ah/04h  Get RTC date (RBIL INT 1A/AH=04h).
 * Out: CF clear, CH century, CL year, DH month, DL day (BCD). */
static void time_get_rtc_date(struct machine *m)
{
    struct tm tm;
    cmos_local_time(m, &tm);
    int year = tm.tm_year + 1900;
    m->r.cx.h = bcd(year / 100);
    m->r.cx.l = bcd(year % 100);
    m->r.dx.h = bcd(tm.tm_mon + 1);
    m->r.dx.l = bcd(tm.tm_mday);
    m->r.flags &= ~FLAG_CF;
}

/* INT 1Ah/05h  Set RTC date (RBIL INT 1A/AH=05h). In: CH, CL, DH, DL. */
static void time_set_rtc_date(struct machine *m)
{
    cmos_set_date(m, unbcd(m->r.cx.h) * 100 + unbcd(m->r.cx.l), unbcd(m->r.dx.h),
                  unbcd(m->r.dx.l));
    m->r.flags &= ~FLAG_CF;
}

/* INT 1Ah/06h, 07h  RTC alarm: vdm has none to offer; 06h answers CF set
 * ("alarm already set / clock stopped"), 07h (cancel) succeeds. */
static void time_set_alarm(struct machine *m)
{
    m->r.flags |= FLAG_CF;
}

static void time_cancel_alarm(struct machine *m)
{
    m->r.flags &= ~FLAG_CF;
}

static const struct {
    const char *name;
    int_handler_fn fn;
} int1a_fns[] = {
    [0x00] = { "get ticks", time_get_ticks },
    [0x01] = { "set ticks", time_set_ticks },
    [0x02] = { "get RTC time", time_get_rtc_time },
    [0x03] = { "set RTC time", time_set_rtc_time },
    [0x04] = { "get RTC date", time_get_rtc_date },
    [0x05] = { "set RTC date", time_set_rtc_date },
    [0x06] = { "set alarm", time_set_alarm },
    [0x07] = { "cancel alarm", time_cancel_alarm },
};

/* INT 1Ah  Time of day (RBIL INT 1A): dispatch by AH; the rest CF set. */
static void bios_int1a(struct machine *m)
{
    uint8_t ah = m->r.ax.h;
    if (ah < sizeof int1a_fns / sizeof int1a_fns[0] && int1a_fns[ah].fn) {
        vdm_trace(m, TRACE_BIOS, "INT 1Ah/%02Xh %s", ah, int1a_fns[ah].name);
        int1a_fns[ah].fn(m);
        return;
    }
    vdm_trace(m, TRACE_BIOS, "INT 1Ah/%02Xh not supported", ah);
    m->r.flags |= FLAG_CF;
}

/* End the interrupt of `irq` if it is in service: a software INT on the
 * same vector must not end someone else's (the IBM BIOS checks ISR too). */
static void eoi_if_in_service(struct machine *m, unsigned irq)
{
    struct pic *p = &m->pic;
    if (!(p->chip[irq >> 3].isr & (1u << (irq & 7))))
        return;
    if (irq >= 8)
        pic_write(p, 1, 0, PIC_NONSPECIFIC_EOI);
    pic_write(p, 0, 0, PIC_NONSPECIFIC_EOI);
}

/* INT 70h  IRQ8, the RTC (RBIL INT 70): read register C, which
 * acknowledges the RTC's interrupt, then EOI both PICs. */
static void bios_int70(struct machine *m)
{
    cmos_read(m, CMOS_REG_C);
    eoi_if_in_service(m, IRQ_RTC);
}

/* IRQ2-7 and 9-15 that nothing claimed: end them so the line is not left
 * in service forever. */
static void bios_irq_default(struct machine *m, unsigned irq)
{
    eoi_if_in_service(m, irq);
}

#define IRQ_DEFAULT(n) \
    static void bios_irq##n(struct machine *m) { bios_irq_default(m, n); }
IRQ_DEFAULT(3)
IRQ_DEFAULT(4)
IRQ_DEFAULT(5)
IRQ_DEFAULT(6)
IRQ_DEFAULT(7)
IRQ_DEFAULT(9)
IRQ_DEFAULT(10)
IRQ_DEFAULT(11)
IRQ_DEFAULT(12)
IRQ_DEFAULT(13)
IRQ_DEFAULT(14)
IRQ_DEFAULT(15)

void bios_timer_init(struct machine *m)
{
    mem_wr32(m, BDA_LIN + BDA_TICKS, ticks_since_midnight(m));
    machine_set_int_handler(m, 0x08, bios_int08);
    machine_set_int_handler(m, 0x1A, bios_int1a);
    machine_set_int_handler(m, 0x70, bios_int70);
    static const struct { uint8_t vector; int_handler_fn fn; } irqs[] = {
        { 0x0B, bios_irq3 },  { 0x0C, bios_irq4 },  { 0x0D, bios_irq5 },
        { 0x0E, bios_irq6 },  { 0x0F, bios_irq7 },  { 0x71, bios_irq9 },
        { 0x72, bios_irq10 }, { 0x73, bios_irq11 }, { 0x74, bios_irq12 },
        { 0x75, bios_irq13 }, { 0x76, bios_irq14 }, { 0x77, bios_irq15 },
    };
    for (size_t i = 0; i < sizeof irqs / sizeof irqs[0]; i++)
        machine_set_int_handler(m, irqs[i].vector, irqs[i].fn);
}
