/*
 * The 8259A programmable interrupt controller pair of a PC/AT: the master
 * at ports 20h-21h (IRQ0-7), the slave at A0h-A1h (IRQ8-15) cascaded on the
 * master's IRQ2. Devices raise IRQ lines (edges); the run loop asks for the
 * vector to deliver and acknowledges it (IRR -> ISR); guest handlers end it
 * with an EOI. Knows nothing of which device drives which line.
 */
#ifndef VDM_HW_PIC_H
#define VDM_HW_PIC_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define PIC_MASTER_PORT 0x20u
#define PIC_SLAVE_PORT 0xA0u
#define PIC_CASCADE_IRQ 2u

/* IRQ lines of the PC/AT the rest of vdm raises. */
#define IRQ_TIMER 0u
#define IRQ_KEYBOARD 1u
#define IRQ_RTC 8u

/* Vector bases the BIOS programs (ICW2): IRQ0 -> INT 08h, IRQ8 -> INT 70h. */
#define PIC_MASTER_BASE 0x08u
#define PIC_SLAVE_BASE 0x70u

struct pic_chip {
    uint8_t irr;          /* interrupt request register (latched edges) */
    uint8_t isr;          /* in-service register */
    uint8_t imr;          /* interrupt mask register (OCW1) */
    uint8_t base;         /* ICW2: vector of IR0 (low 3 bits zero) */
    uint8_t icw3;         /* ICW3: cascade wiring (kept for reads) */
    uint8_t init_step;    /* 0 ready; 2, 3, 4: the ICW expected next */
    uint8_t lowest;       /* IR level with the lowest priority (7 at reset) */
    bool icw4_needed;     /* ICW1 IC4 */
    bool single;          /* ICW1 SNGL: no cascade */
    bool auto_eoi;        /* ICW4 AEOI */
    bool rotate_on_aeoi;  /* OCW2 "rotate in automatic EOI mode" */
    bool read_isr;        /* OCW3 RR/RIS: port reads give ISR, else IRR */
    bool poll;            /* OCW3 P: the next read is a poll */
    bool special_mask;    /* OCW3 SMM */
};

struct pic {
    struct pic_chip chip[2]; /* [0] master, [1] slave */
};

/* Both chips as the BIOS leaves them: bases 08h/70h, cascade on IRQ2,
 * IRQ0, 1, 2 and 8 unmasked. */
void pic_reset(struct pic *p);

/* Raise IRQ `irq` (0-15): a rising edge latches its IRR bit. */
void pic_raise(struct pic *p, unsigned irq);

/* The vector the pair would deliver now, or -1 (no side effects). */
int pic_pending(const struct pic *p);

/* Acknowledge (the CPU's INTA cycles): the vector of the highest-priority
 * deliverable request, its IRR bit moved to ISR; -1 when none. */
int pic_ack(struct pic *p);

/* Whether IRQ `irq` is requested (IRR) or in service (ISR); whether it is
 * masked (IMR, or the slave's line on the master). */
bool pic_busy(const struct pic *p, unsigned irq);
bool pic_masked(const struct pic *p, unsigned irq);

/* Port access: chip 0 master, 1 slave; a0 is the port's low address bit. */
void pic_write(struct pic *p, unsigned chip, unsigned a0, uint8_t v);
uint8_t pic_read(struct pic *p, unsigned chip, unsigned a0);

/* Register ports 20h-21h and A0h-A1h for m->pic. */
bool pic_init(struct machine *m);

#endif
