/*
 * The PC hardware as one part of the machine: the devices' init in
 * dependency order, and what the run loop needs from them without knowing
 * any device (advance the timed ones, the next interrupt to deliver, when
 * to wake an idle guest).
 */
#ifndef VDM_HW_HW_H
#define VDM_HW_HW_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* Bring up every device in the state the BIOS leaves it, registering its
 * ports; false (naming the part in *failed) when one cannot. */
bool hw_init(struct machine *m);

/* Raise the interrupts the timed devices owe by host time `now` (PIT
 * IRQ0, RTC IRQ8) and move pending keyboard bytes along. */
void hw_step(struct machine *m, uint64_t now);

/* The vector the interrupt controllers would deliver now, or -1. */
int hw_irq_pending(const struct machine *m);

/* Acknowledge and return that vector (the CPU's INTA), or -1. */
int hw_irq_ack(struct machine *m);

/* Host time of the next device event that may raise an interrupt
 * (UINT64_MAX: none scheduled). */
uint64_t hw_next_event_ns(const struct machine *m, uint64_t now);

#endif
