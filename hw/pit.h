/*
 * The 8254 programmable interval timer at ports 40h-43h: channel 0 drives
 * IRQ0, channel 1 (DRAM refresh) only counts, channel 2 feeds the PC
 * speaker and is gated by port 61h. Counting is computed from the PIT
 * clock (1193182 Hz) derived from the host's monotonic clock, so nothing
 * runs per tick. Knows nothing of the PIC beyond raising IRQ0 edges, and
 * nothing of DOS or the BIOS.
 */
#ifndef VDM_HW_PIT_H
#define VDM_HW_PIT_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define PIT_HZ 1193182u
#define PIT_PORT 0x40u /* 40h-42h counters, 43h control word */
#define PIT_CHANNELS 3u

/* Ticks of IRQ0 that a late host may still deliver afterwards (see
 * pit_step): beyond this, a stall loses ticks, as a busy PC would. */
#define PIT_CATCHUP_MAX 64u

/* Access modes (control word bits 5-4). */
enum { PIT_ACCESS_LATCH = 0, PIT_ACCESS_LSB = 1, PIT_ACCESS_MSB = 2, PIT_ACCESS_WORD = 3 };

struct pit_channel {
    uint16_t reload;      /* count register as written (0 = 65536, BCD 10000) */
    uint8_t mode;         /* 0-5 */
    uint8_t access;       /* PIT_ACCESS_* */
    bool bcd;             /* count in BCD */
    bool written;         /* a complete count was written since the control word */
    bool armed;           /* counting from `start` (modes 1/5: triggered) */
    bool frozen;          /* modes 0/4 with GATE low: counting paused */
    bool gate;            /* GATE input level */
    uint64_t start;       /* tick at which the counting element held the count */
    uint64_t frozen_elapsed; /* ticks counted before the pause */
    bool write_msb_next;  /* word access: the next write is the MSB */
    uint8_t write_lsb;    /* LSB waiting for its MSB */
    bool read_msb_next;   /* word access: the next read is the MSB */
    bool latched;         /* a latched count waits to be read */
    uint16_t latch;
    bool latch_msb_next;  /* word access: the latched MSB is next */
    bool status_latched;  /* read-back status waits to be read first */
    uint8_t status;
};

struct pit {
    struct pit_channel ch[PIT_CHANNELS];
    uint64_t epoch_ns;    /* host time of PIT tick 0 */
    uint64_t irq_until;   /* IRQ0 edges are counted up to this tick */
    unsigned backlog;     /* IRQ0 edges not yet raised (catch-up) */
};

/* The power-on state the BIOS leaves: channel 0 mode 3 count 65536 (18.2
 * Hz), channel 1 mode 2 count 18 (refresh), channel 2 mode 3 gated off. */
void pit_reset(struct pit *p);

/* Port access at PIT tick `t`: port 0-2 counters, 3 control word. */
void pit_write(struct pit *p, unsigned port, uint8_t v, uint64_t t);
uint8_t pit_read(struct pit *p, unsigned port, uint64_t t);

/* GATE input of a channel (only channel 2's is wired, to port 61h). */
void pit_set_gate(struct pit *p, unsigned ch, bool level, uint64_t t);

/* OUT of a channel and its counting element at tick t. */
bool pit_out(const struct pit *p, unsigned ch, uint64_t t);
uint16_t pit_count(const struct pit *p, unsigned ch, uint64_t t);

/* Rising edges of OUT in (from, to]; the first rising edge after `t`
 * (UINT64_MAX when none will come). */
uint64_t pit_edges(const struct pit *p, unsigned ch, uint64_t from, uint64_t to);
uint64_t pit_next_edge(const struct pit *p, unsigned ch, uint64_t t);

/* The programmed frequency of a channel in mode 2 or 3, 0 otherwise. */
unsigned pit_frequency(const struct pit *p, unsigned ch);

/* PIT ticks at host time `ns`, and back. */
uint64_t pit_tick_at(const struct pit *p, uint64_t ns);
uint64_t pit_ns_at(const struct pit *p, uint64_t tick);

/* Raise IRQ0 for channel 0's edges up to host time `now`: one edge at a
 * time, the next only once the PIC took the previous (catch-up, at most
 * PIT_CATCHUP_MAX behind). */
void pit_step(struct machine *m, uint64_t now);

/* Host time of the next IRQ0 pit_step will raise (UINT64_MAX: none). */
uint64_t pit_next_event_ns(const struct machine *m, uint64_t now);

/* Register ports 40h-43h for m->pit. */
bool pit_init(struct machine *m);

#endif
