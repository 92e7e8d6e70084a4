/*
 * The RTC and CMOS RAM (see cmos.h). Facts from RBIL CMOS.LST and the
 * MC146818 datasheet: registers 0-9 hold the time in BCD unless register
 * B's DM bit selects binary; in 12-hour mode bit 7 of the hours marks PM;
 * register A's UIP bit is set for the 244 us before each update; reading
 * register C returns and clears the interrupt flags, and IRQ8 only rises
 * again after that (IRQF 0 -> 1 is the edge the PIC sees).
 */
#include "hw/cmos.h"

#include "hw/pic.h"
#include "vdm/machine.h"

#define CMOS_FLOPPY_TYPES 0x10
#define CMOS_EQUIPMENT 0x14
#define CMOS_BASE_MEM_LO 0x15
#define CMOS_BASE_MEM_HI 0x16
#define CMOS_EXT_MEM_LO 0x17
#define CMOS_EXT_MEM_HI 0x18
#define CMOS_CHECKSUM_HI 0x2E
#define CMOS_CHECKSUM_LO 0x2F
#define CMOS_EXT_MEM2_LO 0x30
#define CMOS_EXT_MEM2_HI 0x31
#define CMOS_CHECKSUM_FIRST 0x10
#define CMOS_CHECKSUM_LAST 0x2D

#define CMOS_BASE_MEM_KB 640u
#define CMOS_EXT_MEM_KB 64u      /* the HMA */
#define CMOS_UIP_NS 244000u      /* UIP leads the update by 244 us */
#define CMOS_A_DEFAULT 0x26u     /* 32.768 kHz time base, 1024 Hz rate */
#define CMOS_A_RATE 0x0Fu
#define CMOS_NEVER UINT64_MAX

static void host_realtime(int64_t *sec, long *nsec)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    *sec = ts.tv_sec;
    *nsec = ts.tv_nsec;
}

void cmos_local_time(const struct machine *m, struct tm *out)
{
    int64_t s;
    long ns;
    host_realtime(&s, &ns);
    time_t t = (time_t)(s + m->cmos.offset_s);
    localtime_r(&t, out);
}

/* Shift the guest clock so that its local time becomes `want`. */
static void set_local(struct machine *m, struct tm *want)
{
    struct tm now;
    cmos_local_time(m, &now);
    want->tm_isdst = -1;
    now.tm_isdst = -1;
    time_t a = mktime(want), b = mktime(&now);
    if (a != (time_t)-1 && b != (time_t)-1)
        m->cmos.offset_s += (int64_t)(a - b);
}

void cmos_set_time(struct machine *m, int hour, int min, int sec)
{
    struct tm t;
    cmos_local_time(m, &t);
    t.tm_hour = hour;
    t.tm_min = min;
    t.tm_sec = sec;
    set_local(m, &t);
}

void cmos_set_date(struct machine *m, int year, int month, int day)
{
    struct tm t;
    cmos_local_time(m, &t);
    t.tm_year = year - 1900;
    t.tm_mon = month - 1;
    t.tm_mday = day;
    set_local(m, &t);
}

static bool binary(const struct cmos *c)
{
    return c->ram[CMOS_REG_B] & CMOS_B_BINARY;
}

static uint8_t encode(const struct cmos *c, int v)
{
    return binary(c) ? (uint8_t)v : (uint8_t)((v / 10) << 4 | v % 10);
}

static int decode(const struct cmos *c, uint8_t v)
{
    return binary(c) ? v : (v >> 4) * 10 + (v & 15);
}

static uint8_t time_reg(struct machine *m, uint8_t reg)
{
    const struct cmos *c = &m->cmos;
    struct tm t;
    cmos_local_time(m, &t);
    switch (reg) {
    case CMOS_SECONDS:
        return encode(c, t.tm_sec > 59 ? 59 : t.tm_sec);
    case CMOS_MINUTES:
        return encode(c, t.tm_min);
    case CMOS_HOURS:
        if (c->ram[CMOS_REG_B] & CMOS_B_24H)
            return encode(c, t.tm_hour);
        return (uint8_t)(encode(c, t.tm_hour % 12 ? t.tm_hour % 12 : 12) |
                         (t.tm_hour >= 12 ? 0x80 : 0));
    case CMOS_WEEKDAY:
        return encode(c, t.tm_wday + 1);
    case CMOS_DAY:
        return encode(c, t.tm_mday);
    case CMOS_MONTH:
        return encode(c, t.tm_mon + 1);
    case CMOS_YEAR:
        return encode(c, t.tm_year % 100);
    default: /* CMOS_CENTURY */
        return encode(c, 19 + t.tm_year / 100);
    }
}

static bool is_time_reg(uint8_t reg)
{
    return (reg <= CMOS_YEAR && !(reg & 1u)) || reg == CMOS_DAY || reg == CMOS_YEAR ||
           reg == CMOS_CENTURY;
}

uint8_t cmos_read(struct machine *m, uint8_t reg)
{
    struct cmos *c = &m->cmos;
    reg &= CMOS_SIZE - 1;
    if (is_time_reg(reg))
        return time_reg(m, reg);
    switch (reg) {
    case CMOS_REG_A: {
        int64_t s;
        long ns;
        host_realtime(&s, &ns);
        bool uip = ns >= 1000000000L - (long)CMOS_UIP_NS;
        return (uint8_t)((c->ram[reg] & ~CMOS_A_UIP) | (uip ? CMOS_A_UIP : 0));
    }
    case CMOS_REG_C: {
        uint8_t v = c->ram[reg];
        c->ram[reg] = 0;
        return v;
    }
    case CMOS_REG_D:
        return CMOS_D_VRT;
    default:
        return c->ram[reg];
    }
}

static uint64_t periodic_ns(const struct cmos *c)
{
    unsigned r = c->ram[CMOS_REG_A] & CMOS_A_RATE;
    if (!r)
        return 0;
    if (r < 3)
        r += 7; /* rates 1 and 2 repeat 8 and 9 (256, 128 Hz) */
    return 1000000000u / (32768u >> (r - 1));
}

void cmos_write(struct machine *m, uint8_t reg, uint8_t v)
{
    struct cmos *c = &m->cmos;
    reg &= CMOS_SIZE - 1;
    if (is_time_reg(reg)) {
        struct tm t;
        cmos_local_time(m, &t);
        int d = decode(c, (uint8_t)(reg == CMOS_HOURS ? v & 0x7F : v));
        switch (reg) {
        case CMOS_SECONDS: t.tm_sec = d; break;
        case CMOS_MINUTES: t.tm_min = d; break;
        case CMOS_HOURS:
            if (!(c->ram[CMOS_REG_B] & CMOS_B_24H))
                d = d % 12 + (v & 0x80 ? 12 : 0);
            t.tm_hour = d;
            break;
        case CMOS_DAY: t.tm_mday = d; break;
        case CMOS_MONTH: t.tm_mon = d - 1; break;
        case CMOS_YEAR: t.tm_year = (t.tm_year / 100) * 100 + d; break;
        case CMOS_CENTURY: t.tm_year = (d - 19) * 100 + t.tm_year % 100; break;
        default: return; /* weekday follows the date */
        }
        set_local(m, &t);
        return;
    }
    switch (reg) {
    case CMOS_REG_A:
        c->ram[reg] = v & (uint8_t)~CMOS_A_UIP;
        break;
    case CMOS_REG_B:
        if ((v & CMOS_B_PIE) && !(c->ram[reg] & CMOS_B_PIE))
            c->next_periodic_ns = vdm_now_ns() + periodic_ns(c);
        c->ram[reg] = v;
        break;
    case CMOS_REG_C:
    case CMOS_REG_D:
        break; /* read-only */
    default:
        c->ram[reg] = v;
        break;
    }
}

static void flag_irq(struct machine *m, uint8_t flag)
{
    struct cmos *c = &m->cmos;
    bool was = c->ram[CMOS_REG_C] & CMOS_C_IRQF;
    c->ram[CMOS_REG_C] |= flag | CMOS_C_IRQF;
    if (!was)
        pic_raise(&m->pic, IRQ_RTC);
}

void cmos_step(struct machine *m, uint64_t now)
{
    struct cmos *c = &m->cmos;
    uint64_t period = periodic_ns(c);
    if ((c->ram[CMOS_REG_B] & CMOS_B_PIE) && period && now >= c->next_periodic_ns) {
        flag_irq(m, CMOS_C_PF);
        c->next_periodic_ns += period;
        if (c->next_periodic_ns < now)
            c->next_periodic_ns = now + period; /* a stall loses the late ones */
    }
    if (c->ram[CMOS_REG_B] & CMOS_B_UIE) {
        int64_t s;
        long ns;
        host_realtime(&s, &ns);
        if (s != c->last_second) {
            c->last_second = s;
            flag_irq(m, CMOS_C_UF);
        }
    }
}

uint64_t cmos_next_event_ns(const struct machine *m, uint64_t now)
{
    const struct cmos *c = &m->cmos;
    uint64_t next = CMOS_NEVER;
    if ((c->ram[CMOS_REG_B] & CMOS_B_PIE) && periodic_ns(c))
        next = c->next_periodic_ns;
    if (c->ram[CMOS_REG_B] & CMOS_B_UIE) {
        int64_t s;
        long ns;
        host_realtime(&s, &ns);
        uint64_t sec_end = now + (uint64_t)(1000000000L - ns);
        if (sec_end < next)
            next = sec_end;
    }
    return next;
}

/* Port 70h: index (bit 7 masks NMI, which vdm never raises); 71h: data. */
static void cmos_io(struct machine *m, void *ctx, uint16_t port, bool is_write, unsigned size,
                    uint32_t *val)
{
    struct cmos *c = ctx;
    (void)size;
    if (port == CMOS_PORT) {
        if (is_write)
            c->index = (uint8_t)(*val & (CMOS_SIZE - 1));
        else
            *val = 0xFF;
        return;
    }
    if (is_write)
        cmos_write(m, c->index, (uint8_t)*val);
    else
        *val = cmos_read(m, c->index);
}

bool cmos_init(struct machine *m)
{
    struct cmos *c = &m->cmos;
    *c = (struct cmos){ 0 };
    c->ram[CMOS_REG_A] = CMOS_A_DEFAULT;
    c->ram[CMOS_REG_B] = CMOS_B_24H;
    c->ram[CMOS_BASE_MEM_LO] = CMOS_BASE_MEM_KB & 0xFF;
    c->ram[CMOS_BASE_MEM_HI] = CMOS_BASE_MEM_KB >> 8;
    c->ram[CMOS_EXT_MEM_LO] = c->ram[CMOS_EXT_MEM2_LO] = CMOS_EXT_MEM_KB & 0xFF;
    c->ram[CMOS_EXT_MEM_HI] = c->ram[CMOS_EXT_MEM2_HI] = CMOS_EXT_MEM_KB >> 8;
    /* 10h no floppies; 14h: no floppy, no coprocessor, EGA/VGA display. */
    c->ram[CMOS_FLOPPY_TYPES] = 0;
    c->ram[CMOS_EQUIPMENT] = 0;
    unsigned sum = 0;
    for (unsigned i = CMOS_CHECKSUM_FIRST; i <= CMOS_CHECKSUM_LAST; i++)
        sum += c->ram[i];
    c->ram[CMOS_CHECKSUM_HI] = (uint8_t)(sum >> 8);
    c->ram[CMOS_CHECKSUM_LO] = (uint8_t)sum;
    return port_register(m, CMOS_PORT, 2, cmos_io, c); /* 70h-71h */
}
