/*
 * The 8254 (see pit.h), after the Intel 8254 datasheet.
 *
 * States of a channel and how it moves between them:
 *   programmed (control word written): not armed, OUT at its initial
 *     level (low in mode 0, high otherwise);
 *   written (a complete count): modes 0, 2, 3, 4 arm at once, the count
 *     entering the counting element one clock later (start = t + 1);
 *     modes 1 and 5 wait for a rising GATE, which arms them the same way;
 *   GATE low: modes 0 and 4 freeze (frozen, elapsed kept); modes 2 and 3
 *     stop with OUT high and restart from the full count on the rising edge.
 * Invariant: when armed and not frozen, everything at tick t follows from
 * (mode, N, t - start), so nothing runs per clock:
 *   mode 0/1: value (N - e) mod M, OUT high once e >= N (one rising edge);
 *   mode 4/5: value (N - e) mod M, OUT low only at e == N;
 *   mode 2:   value N - e mod N, OUT low for the last clock of each period;
 *   mode 3:   high for ceil(N/2) clocks, low for floor(N/2), the value
 *             counting down by two in each half (an odd N shows N, N-2 ...
 *             1 high, then N-1 ... 2 low);
 * with e = t - start, N the count (0 meaning 65536, or 10000 in BCD) and
 * M = 65536 (10000 in BCD). Rising edges of OUT in modes 2 and 3 fall on
 * start + kN, k >= 1. tests/unit/test_pit.c checks this closed form against
 * a clock-by-clock model.
 */
#include "hw/pit.h"

#include "hw/pic.h"
#include "vdm/machine.h"

#define PIT_CONTROL 3u
#define PIT_READBACK 3u       /* SC field value of a read-back command */
#define PIT_RB_NO_COUNT 0x20u /* read-back: do not latch the count */
#define PIT_RB_NO_STATUS 0x10u
#define PIT_STATUS_OUT 0x80u
#define PIT_STATUS_NULL 0x40u
#define PIT_NEVER UINT64_MAX

static uint32_t bcd_to_bin(uint16_t v)
{
    return (v >> 12 & 15u) * 1000u + (v >> 8 & 15u) * 100u + (v >> 4 & 15u) * 10u + (v & 15u);
}

static uint16_t bin_to_bcd(uint32_t v)
{
    return (uint16_t)((v / 1000u % 10u) << 12 | (v / 100u % 10u) << 8 | (v / 10u % 10u) << 4 |
                      v % 10u);
}

static uint32_t modulus(const struct pit_channel *c)
{
    return c->bcd ? 10000u : 65536u;
}

/* The count N the channel divides by. */
static uint32_t divisor(const struct pit_channel *c)
{
    uint32_t n = c->bcd ? bcd_to_bin(c->reload) : c->reload;
    return n ? n : modulus(c);
}

/* Ticks counted at t, or -1 while no count is in the counting element. */
static int64_t elapsed(const struct pit_channel *c, uint64_t t)
{
    if (!c->armed)
        return -1;
    if (c->frozen)
        return (int64_t)c->frozen_elapsed;
    if (t < c->start)
        return -1;
    return (int64_t)(t - c->start);
}

uint16_t pit_count(const struct pit *p, unsigned ch, uint64_t t)
{
    const struct pit_channel *c = &p->ch[ch];
    int64_t e = elapsed(c, t);
    uint32_t n = divisor(c), mod = modulus(c), v;
    if (e < 0) {
        v = n;
    } else {
        uint64_t ue = (uint64_t)e;
        switch (c->mode) {
        case 2:
            v = n - (uint32_t)(ue % n);
            break;
        case 3: {
            uint32_t ph = (uint32_t)(ue % n), high = (n + 1) / 2;
            v = ph < high ? n - 2 * ph : n - (n & 1u) - 2 * (ph - high);
            break;
        }
        default:
            v = (uint32_t)((n + mod - ue % mod) % mod);
            break;
        }
    }
    if (v == mod)
        v = 0;
    return c->bcd ? bin_to_bcd(v) : (uint16_t)v;
}

bool pit_out(const struct pit *p, unsigned ch, uint64_t t)
{
    const struct pit_channel *c = &p->ch[ch];
    int64_t e = elapsed(c, t);
    uint32_t n = divisor(c);
    if (e < 0)
        return c->mode != 0 && !(c->mode == 1 && c->armed);
    uint64_t ue = (uint64_t)e;
    switch (c->mode) {
    case 0:
    case 1:
        return ue >= n;
    case 2:
        return ue % n != n - 1;
    case 3:
        return ue % n < (n + 1) / 2;
    default:
        return ue != n;
    }
}

/* The tick of the single rising edge of modes 0, 1, 4, 5. */
static uint64_t one_shot_edge(const struct pit_channel *c)
{
    uint64_t n = divisor(c);
    return c->start + n + (c->mode >= 4 ? 1 : 0);
}

uint64_t pit_edges(const struct pit *p, unsigned ch, uint64_t from, uint64_t to)
{
    const struct pit_channel *c = &p->ch[ch];
    if (!c->armed || c->frozen || to <= from || to < c->start)
        return 0;
    if (c->mode == 2 || c->mode == 3) {
        uint64_t n = divisor(c);
        if (c->mode == 3 && n == 1)
            return 0; /* OUT never falls */
        uint64_t a = from > c->start ? (from - c->start) / n : 0;
        return (to - c->start) / n - a;
    }
    uint64_t e = one_shot_edge(c);
    return from < e && e <= to;
}

uint64_t pit_next_edge(const struct pit *p, unsigned ch, uint64_t t)
{
    const struct pit_channel *c = &p->ch[ch];
    if (!c->armed || c->frozen)
        return PIT_NEVER;
    if (c->mode == 2 || c->mode == 3) {
        uint64_t n = divisor(c);
        if (c->mode == 3 && n == 1)
            return PIT_NEVER;
        if (t < c->start)
            return c->start + n;
        return c->start + ((t - c->start) / n + 1) * n;
    }
    uint64_t e = one_shot_edge(c);
    return e > t ? e : PIT_NEVER;
}

unsigned pit_frequency(const struct pit *p, unsigned ch)
{
    const struct pit_channel *c = &p->ch[ch];
    if (c->mode != 2 && c->mode != 3)
        return 0;
    return PIT_HZ / divisor(c);
}

/* A complete count arrived (the datasheet's "count written"). */
static void load_count(struct pit_channel *c, uint16_t v, uint64_t t)
{
    c->reload = v;
    c->written = true;
    c->frozen = false;
    switch (c->mode) {
    case 1:
    case 5:
        break; /* waits for a GATE trigger */
    case 2:
    case 3:
        c->armed = c->gate;
        c->start = t + 1;
        break;
    default: /* 0, 4: count, paused while GATE is low */
        c->armed = true;
        c->start = t + 1;
        if (!c->gate) {
            c->frozen = true;
            c->frozen_elapsed = 0;
        }
        break;
    }
}

void pit_set_gate(struct pit *p, unsigned ch, bool level, uint64_t t)
{
    struct pit_channel *c = &p->ch[ch];
    if (c->gate == level)
        return;
    c->gate = level;
    switch (c->mode) {
    case 0:
    case 4:
        if (!c->armed)
            break;
        if (!level && !c->frozen) {
            c->frozen_elapsed = t >= c->start ? t - c->start : 0;
            c->frozen = true;
        } else if (level && c->frozen) {
            c->start = t - c->frozen_elapsed;
            c->frozen = false;
        }
        break;
    default: /* 1, 2, 3, 5: a rising GATE (re)starts the count */
        if (!level && (c->mode == 2 || c->mode == 3))
            c->armed = false;
        else if (level && c->written) {
            c->armed = true;
            c->start = t + 1;
        }
        break;
    }
}

static uint8_t status_byte(const struct pit_channel *c, const struct pit *p, unsigned ch,
                           uint64_t t)
{
    uint8_t s = (uint8_t)(c->access << 4 | c->mode << 1 | (c->bcd ? 1 : 0));
    if (pit_out(p, ch, t))
        s |= PIT_STATUS_OUT;
    if (elapsed(c, t) < 0)
        s |= PIT_STATUS_NULL;
    return s;
}

static void latch_count(struct pit *p, unsigned ch, uint64_t t)
{
    struct pit_channel *c = &p->ch[ch];
    if (c->latched)
        return; /* a second latch before the read is ignored */
    c->latch = pit_count(p, ch, t);
    c->latched = true;
    c->latch_msb_next = false;
}

static void control_word(struct pit *p, uint8_t v, uint64_t t)
{
    unsigned sc = v >> 6;
    if (sc == PIT_READBACK) {
        for (unsigned ch = 0; ch < PIT_CHANNELS; ch++) {
            if (!(v & (2u << ch)))
                continue;
            struct pit_channel *c = &p->ch[ch];
            if (!(v & PIT_RB_NO_STATUS) && !c->status_latched) {
                c->status = status_byte(c, p, ch, t);
                c->status_latched = true;
            }
            if (!(v & PIT_RB_NO_COUNT))
                latch_count(p, ch, t);
        }
        return;
    }
    struct pit_channel *c = &p->ch[sc];
    unsigned access = v >> 4 & 3u;
    if (access == PIT_ACCESS_LATCH) {
        latch_count(p, sc, t);
        return;
    }
    unsigned mode = v >> 1 & 7u;
    bool gate = c->gate;
    *c = (struct pit_channel){
        .mode = (uint8_t)(mode > 5 ? mode - 4 : mode), /* 6, 7 alias 2, 3 */
        .access = (uint8_t)access,
        .bcd = v & 1u,
        .gate = gate,
    };
}

void pit_write(struct pit *p, unsigned port, uint8_t v, uint64_t t)
{
    if (port == PIT_CONTROL) {
        control_word(p, v, t);
        return;
    }
    struct pit_channel *c = &p->ch[port];
    switch (c->access) {
    case PIT_ACCESS_LSB:
        load_count(c, v, t);
        break;
    case PIT_ACCESS_MSB:
        load_count(c, (uint16_t)(v << 8), t);
        break;
    case PIT_ACCESS_WORD:
        if (!c->write_msb_next) {
            c->write_lsb = v;
            c->write_msb_next = true;
            if (c->mode == 0)
                c->armed = false; /* mode 0: the first byte stops counting */
        } else {
            c->write_msb_next = false;
            load_count(c, (uint16_t)(c->write_lsb | v << 8), t);
        }
        break;
    default:
        break;
    }
}

uint8_t pit_read(struct pit *p, unsigned port, uint64_t t)
{
    if (port == PIT_CONTROL)
        return 0xFF; /* the control register cannot be read */
    struct pit_channel *c = &p->ch[port];
    if (c->status_latched) {
        c->status_latched = false;
        return c->status;
    }
    uint16_t v;
    bool msb;
    if (c->latched) {
        v = c->latch;
        msb = c->access == PIT_ACCESS_MSB || (c->access == PIT_ACCESS_WORD && c->latch_msb_next);
        if (c->access == PIT_ACCESS_WORD && !c->latch_msb_next)
            c->latch_msb_next = true;
        else
            c->latched = false;
    } else {
        v = pit_count(p, port, t);
        msb = c->access == PIT_ACCESS_MSB || (c->access == PIT_ACCESS_WORD && c->read_msb_next);
        if (c->access == PIT_ACCESS_WORD)
            c->read_msb_next = !c->read_msb_next;
    }
    return (uint8_t)(msb ? v >> 8 : v);
}

void pit_reset(struct pit *p)
{
    uint64_t epoch = p->epoch_ns;
    *p = (struct pit){ .epoch_ns = epoch };
    static const struct { uint8_t mode; uint16_t count; bool gate; } boot[PIT_CHANNELS] = {
        { 3, 0, true },       /* channel 0: 65536, IRQ0 at 18.2 Hz */
        { 2, 18, true },      /* channel 1: DRAM refresh every 15 us */
        { 3, 0x0533, false }, /* channel 2: the BIOS beep tone, speaker off */
    };
    for (unsigned ch = 0; ch < PIT_CHANNELS; ch++) {
        pit_set_gate(p, ch, boot[ch].gate, 0);
        pit_write(p, PIT_CONTROL, (uint8_t)(ch << 6 | PIT_ACCESS_WORD << 4 | boot[ch].mode << 1), 0);
        pit_write(p, ch, (uint8_t)boot[ch].count, 0);
        pit_write(p, ch, (uint8_t)(boot[ch].count >> 8), 0);
    }
}

uint64_t pit_tick_at(const struct pit *p, uint64_t ns)
{
    if (ns <= p->epoch_ns)
        return 0;
    return (uint64_t)((unsigned __int128)(ns - p->epoch_ns) * PIT_HZ / 1000000000u);
}

uint64_t pit_ns_at(const struct pit *p, uint64_t tick)
{
    if (tick == PIT_NEVER)
        return PIT_NEVER;
    return p->epoch_ns +
           (uint64_t)(((unsigned __int128)tick * 1000000000u + PIT_HZ - 1) / PIT_HZ);
}

void pit_step(struct machine *m, uint64_t now)
{
    struct pit *p = &m->pit;
    uint64_t t = pit_tick_at(p, now);
    if (t > p->irq_until) {
        uint64_t n = pit_edges(p, 0, p->irq_until, t);
        p->irq_until = t;
        if (n && pic_masked(&m->pic, IRQ_TIMER)) {
            /* Masked: the edge latches in IRR; no catch-up owed. */
            pic_raise(&m->pic, IRQ_TIMER);
            p->backlog = 0;
        } else if (n) {
            p->backlog = n + p->backlog > PIT_CATCHUP_MAX ? PIT_CATCHUP_MAX
                                                           : (unsigned)(n + p->backlog);
        }
    }
    if (p->backlog && !pic_busy(&m->pic, IRQ_TIMER)) {
        pic_raise(&m->pic, IRQ_TIMER);
        p->backlog--;
    }
}

uint64_t pit_next_event_ns(const struct machine *m, uint64_t now)
{
    const struct pit *p = &m->pit;
    if (pic_masked(&m->pic, IRQ_TIMER))
        return PIT_NEVER;
    if (p->backlog && !pic_busy(&m->pic, IRQ_TIMER))
        return now;
    return pit_ns_at(p, pit_next_edge(p, 0, p->irq_until));
}

/* Ports 40h-42h: counters 0-2; 43h: control word. */
static void pit_io(struct machine *m, void *ctx, uint16_t port, bool is_write, unsigned size,
                   uint32_t *val)
{
    struct pit *p = ctx;
    (void)size;
    uint64_t now = vdm_now_ns();
    pit_step(m, now); /* edges under the old programming count first */
    uint64_t t = pit_tick_at(p, now);
    /* Catch-up is owed under the old rate only: a new channel 0 count
     * starts afresh (an edge already latched in the PIC stays). */
    if (is_write && port == PIT_PORT)
        p->backlog = 0;
    if (is_write)
        pit_write(p, port - PIT_PORT, (uint8_t)*val, t);
    else
        *val = pit_read(p, port - PIT_PORT, t);
}

bool pit_init(struct machine *m)
{
    m->pit.epoch_ns = vdm_now_ns();
    pit_reset(&m->pit);
    return port_register(m, PIT_PORT, 4, pit_io, &m->pit); /* 40h-43h */
}
