/*
 * The 8259A pair (see pic.h), after the Intel 8259A datasheet.
 *
 * Notes on the model:
 * 1. Requests are edges: pic_raise() latches an IRR bit; it stays until
 *    acknowledged (or the chip is re-initialised). Several edges before
 *    the acknowledge are one interrupt, as on the chip.
 * 2. The slave's INT output is the master's IR2 input: the master sees a
 *    request on IR2 exactly while the slave has a deliverable one, so the
 *    cascade needs no stored bit.
 * 3. Priority: level L has rank (L - lowest - 1) mod 8, rank 0 highest.
 *    A request is deliverable when unmasked and of higher rank than every
 *    in-service level (fully nested mode); in special mask mode, masked
 *    in-service levels do not block.
 * 4. Invariant: ISR bits are only set by an acknowledge and only cleared by
 *    an EOI (or AEOI, or ICW1).
 */
#include "hw/pic.h"

#include "vdm/machine.h"

/* ICW1/OCW2/OCW3 bits (port A0 = 0). */
#define PIC_ICW1 0x10u
#define PIC_ICW1_IC4 0x01u
#define PIC_ICW1_SNGL 0x02u
#define PIC_OCW3 0x08u
#define PIC_OCW3_RIS 0x01u
#define PIC_OCW3_RR 0x02u
#define PIC_OCW3_P 0x04u
#define PIC_OCW3_SMM 0x20u
#define PIC_OCW3_ESMM 0x40u
#define PIC_ICW4_AEOI 0x02u

/* OCW2 commands: bits 7-5 = R, SL, EOI. */
enum {
    OCW2_ROTATE_AEOI_CLEAR = 0,
    OCW2_NONSPECIFIC_EOI = 1,
    OCW2_NOP = 2,
    OCW2_SPECIFIC_EOI = 3,
    OCW2_ROTATE_AEOI_SET = 4,
    OCW2_ROTATE_NONSPECIFIC_EOI = 5,
    OCW2_SET_PRIORITY = 6,
    OCW2_ROTATE_SPECIFIC_EOI = 7,
};

#define PIC_NO_LEVEL 8

static unsigned rank(const struct pic_chip *c, unsigned level)
{
    return (level - c->lowest - 1u) & 7u;
}

/* Highest-priority level set in `bits`, or PIC_NO_LEVEL. */
static unsigned highest(const struct pic_chip *c, uint8_t bits)
{
    for (unsigned r = 0; r < 8; r++) {
        unsigned level = (c->lowest + 1u + r) & 7u;
        if (bits & (1u << level))
            return level;
    }
    return PIC_NO_LEVEL;
}

static bool cascaded(const struct pic *p)
{
    return !p->chip[0].single;
}

/* Deliverable level of chip `i`, or PIC_NO_LEVEL (note 3). */
static unsigned deliverable(const struct pic *p, unsigned i)
{
    const struct pic_chip *c = &p->chip[i];
    uint8_t irr = c->irr;
    if (i == 0 && cascaded(p) && deliverable(p, 1) != PIC_NO_LEVEL)
        irr |= 1u << PIC_CASCADE_IRQ;
    unsigned req = highest(c, (uint8_t)(irr & ~c->imr));
    if (req == PIC_NO_LEVEL)
        return req;
    uint8_t blocking = c->special_mask ? (uint8_t)(c->isr & ~c->imr) : c->isr;
    unsigned svc = highest(c, blocking);
    if (svc != PIC_NO_LEVEL && rank(c, svc) <= rank(c, req))
        return PIC_NO_LEVEL;
    return req;
}

void pic_reset(struct pic *p)
{
    for (unsigned i = 0; i < 2; i++) {
        struct pic_chip *c = &p->chip[i];
        *c = (struct pic_chip){ .lowest = 7, .icw4_needed = true };
    }
    p->chip[0].base = PIC_MASTER_BASE;
    p->chip[0].icw3 = 1u << PIC_CASCADE_IRQ;
    p->chip[1].base = PIC_SLAVE_BASE;
    p->chip[1].icw3 = PIC_CASCADE_IRQ;
    /* The AT BIOS unmasks what it serves: timer, keyboard, cascade, RTC. */
    p->chip[0].imr = (uint8_t)~((1u << IRQ_TIMER) | (1u << IRQ_KEYBOARD) |
                                (1u << PIC_CASCADE_IRQ));
    p->chip[1].imr = (uint8_t)~(1u << (IRQ_RTC - 8));
}

void pic_raise(struct pic *p, unsigned irq)
{
    p->chip[irq >> 3].irr |= (uint8_t)(1u << (irq & 7));
}

bool pic_busy(const struct pic *p, unsigned irq)
{
    const struct pic_chip *c = &p->chip[irq >> 3];
    uint8_t bit = (uint8_t)(1u << (irq & 7));
    return (c->irr | c->isr) & bit;
}

bool pic_masked(const struct pic *p, unsigned irq)
{
    if (p->chip[irq >> 3].imr & (1u << (irq & 7)))
        return true;
    return irq >= 8 && (p->chip[0].imr & (1u << PIC_CASCADE_IRQ));
}

int pic_pending(const struct pic *p)
{
    unsigned l = deliverable(p, 0);
    if (l == PIC_NO_LEVEL)
        return -1;
    if (l == PIC_CASCADE_IRQ && cascaded(p) && !(p->chip[0].irr & (1u << l)))
        return p->chip[1].base + deliverable(p, 1);
    return p->chip[0].base + l;
}

/* Move `level` of chip c from IRR to ISR (or, with AEOI, just drop it). */
static void take(struct pic_chip *c, unsigned level)
{
    c->irr &= (uint8_t)~(1u << level);
    if (!c->auto_eoi)
        c->isr |= (uint8_t)(1u << level);
    else if (c->rotate_on_aeoi)
        c->lowest = (uint8_t)level;
}

int pic_ack(struct pic *p)
{
    unsigned l = deliverable(p, 0);
    if (l == PIC_NO_LEVEL)
        return -1;
    struct pic_chip *m = &p->chip[0];
    if (l == PIC_CASCADE_IRQ && cascaded(p) && !(m->irr & (1u << l))) {
        unsigned s = deliverable(p, 1);
        take(m, l);
        take(&p->chip[1], s);
        return p->chip[1].base + s;
    }
    take(m, l);
    return m->base + l;
}

static void ocw2(struct pic_chip *c, uint8_t v)
{
    unsigned level = v & 7u;
    unsigned svc = highest(c, c->isr);
    switch (v >> 5) {
    case OCW2_ROTATE_AEOI_CLEAR:
        c->rotate_on_aeoi = false;
        break;
    case OCW2_ROTATE_AEOI_SET:
        c->rotate_on_aeoi = true;
        break;
    case OCW2_NONSPECIFIC_EOI:
    case OCW2_ROTATE_NONSPECIFIC_EOI:
        if (svc == PIC_NO_LEVEL)
            break;
        c->isr &= (uint8_t)~(1u << svc);
        if (v >> 5 == OCW2_ROTATE_NONSPECIFIC_EOI)
            c->lowest = (uint8_t)svc;
        break;
    case OCW2_SPECIFIC_EOI:
    case OCW2_ROTATE_SPECIFIC_EOI:
        c->isr &= (uint8_t)~(1u << level);
        if (v >> 5 == OCW2_ROTATE_SPECIFIC_EOI)
            c->lowest = (uint8_t)level;
        break;
    case OCW2_SET_PRIORITY:
        c->lowest = (uint8_t)level;
        break;
    case OCW2_NOP:
        break;
    }
}

void pic_write(struct pic *p, unsigned chip, unsigned a0, uint8_t v)
{
    struct pic_chip *c = &p->chip[chip];
    if (!a0) {
        if (v & PIC_ICW1) {
            /* ICW1 starts initialisation: masks, ISR, IRR and priorities
             * reset, status reads return IRR. */
            c->irr = c->isr = c->imr = 0;
            c->lowest = 7;
            c->icw4_needed = v & PIC_ICW1_IC4;
            c->single = v & PIC_ICW1_SNGL;
            c->auto_eoi = c->rotate_on_aeoi = false;
            c->read_isr = c->poll = c->special_mask = false;
            c->init_step = 2;
        } else if (v & PIC_OCW3) {
            if (v & PIC_OCW3_RR)
                c->read_isr = v & PIC_OCW3_RIS;
            if (v & PIC_OCW3_ESMM)
                c->special_mask = v & PIC_OCW3_SMM;
            c->poll = v & PIC_OCW3_P;
        } else {
            ocw2(c, v);
        }
        return;
    }
    switch (c->init_step) {
    case 2: /* ICW2: vector base */
        c->base = v & 0xF8u;
        c->init_step = c->single ? (c->icw4_needed ? 4 : 0) : 3;
        break;
    case 3: /* ICW3: cascade wiring */
        c->icw3 = v;
        c->init_step = c->icw4_needed ? 4 : 0;
        break;
    case 4: /* ICW4: 8086 mode, AEOI */
        c->auto_eoi = v & PIC_ICW4_AEOI;
        c->init_step = 0;
        break;
    default: /* OCW1: the mask */
        c->imr = v;
        break;
    }
}

uint8_t pic_read(struct pic *p, unsigned chip, unsigned a0)
{
    struct pic_chip *c = &p->chip[chip];
    if (a0)
        return c->imr;
    if (c->poll) {
        /* Poll: acknowledge like INTA; bit 7 says whether one was there. */
        c->poll = false;
        unsigned l = deliverable(p, chip);
        if (l == PIC_NO_LEVEL)
            return 0;
        take(c, l);
        return (uint8_t)(0x80u | l);
    }
    if (c->read_isr)
        return c->isr;
    uint8_t irr = c->irr;
    if (chip == 0 && cascaded(p) && deliverable(p, 1) != PIC_NO_LEVEL)
        irr |= 1u << PIC_CASCADE_IRQ;
    return irr;
}

static void pic_io(struct machine *m, void *ctx, uint16_t port, bool is_write, unsigned size,
                   uint32_t *val)
{
    struct pic *p = ctx;
    (void)size;
    unsigned chip = port >= PIC_SLAVE_PORT;
    if (is_write)
        pic_write(p, chip, port & 1u, (uint8_t)*val);
    else
        *val = pic_read(p, chip, port & 1u);
    (void)m;
}

bool pic_init(struct machine *m)
{
    pic_reset(&m->pic);
    return port_register(m, PIC_MASTER_PORT, 2, pic_io, &m->pic) && /* 20h-21h master */
           port_register(m, PIC_SLAVE_PORT, 2, pic_io, &m->pic);    /* A0h-A1h slave */
}
