/*
 * The PC speaker and system control port B (61h): bit 0 gates PIT channel
 * 2, bit 1 connects its output to the speaker; reads also show the DRAM
 * refresh toggle (bit 4, which delay loops poll) and channel 2's OUT (bit
 * 5). The tone is only recorded, for a front end that may beep.
 */
#ifndef VDM_HW_SPK_H
#define VDM_HW_SPK_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define SPK_PORT 0x61u
#define SPK_GATE2 0x01u     /* PIT channel 2 GATE */
#define SPK_DATA 0x02u      /* channel 2 OUT drives the speaker */
#define SPK_REFRESH 0x10u   /* toggles every refresh cycle (15.085 us) */
#define SPK_OUT2 0x20u      /* PIT channel 2 OUT */

struct spk {
    uint8_t port61;         /* bits 0-3 as last written */
    unsigned tone_hz;       /* the tone the speaker plays now, 0 = silent */
};

/* The speaker's tone now (0 when off), from the gate, data bit and PIT. */
unsigned spk_tone_hz(const struct machine *m);

bool spk_init(struct machine *m);

#endif
