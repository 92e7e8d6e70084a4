/*
 * The run loop: runs the backend, dispatches each trap to its handler
 * (interrupt stub, idle HLT, fault), delivers the timer interrupt and
 * enforces --timeout. It knows no device and no DOS function.
 */
#ifndef VDM_RUN_H
#define VDM_RUN_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* Instructions per backend slice: between slices the loop checks the clock
 * (timer interrupt, --timeout). About 1 ms of libx86emu time. */
#define RUN_SLICE_INSNS 20000u

/* PIT channel 0 at its BIOS default: 1193182 Hz / 65536 = 18.2 Hz. */
#define RUN_TICK_NS 54925493u

/* Run until the outcome is decided; returns m->outcome. */
int run_machine(struct machine *m);

/* Enter a real-mode interrupt on m->r: push FLAGS, CS, IP, clear IF and TF,
 * load CS:IP from the IVT. Backends without their own interrupt delivery
 * use this. */
void run_real_mode_interrupt(struct machine *m, uint8_t vector);

/* m->r stands just past a HLT: when it is a ROM stub's, run the vector's
 * host handler as the loop does for TRAP_HLT and return true; false for a
 * HLT of the guest's own. For backends that meet a stub without stopping
 * (Unicorn's interrupt hook), so a service call costs no engine exit. */
bool run_service_trap(struct machine *m);

/* The caller's interrupt frame (IP, CS, FLAGS) at SS:SP when a stub traps:
 * the linear address of its FLAGS word. */
uint32_t run_frame_flags_lin(const struct machine *m);

#endif
