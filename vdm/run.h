/*
 * The run loop: runs the backend, dispatches each trap to its handler
 * (interrupt stub, idle HLT, fault), hands the interrupt controller's
 * requests to the CPU and enforces --timeout. It knows no device (only
 * hw/hw.h) and no DOS function.
 */
#ifndef VDM_RUN_H
#define VDM_RUN_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* Instructions per backend slice: between slices the loop checks the clock
 * (timer interrupt, --timeout). About 1 ms of libx86emu time. */
#define RUN_SLICE_INSNS 20000u

/* Longest sleep of an idle guest before the loop looks again (the
 * --timeout deadline, a device that may have been reprogrammed). */
#define RUN_IDLE_MAX_NS 100000000u

/* Run until the outcome is decided; returns m->outcome. */
int run_machine(struct machine *m);

/* The guest is idle (a HLT, a keyboard polling loop): sleep until the next
 * device event, the --timeout deadline or max_ns from now, whichever comes
 * first, unless an interrupt is deliverable already. Returns with devices
 * stepped to the time it woke. */
void run_idle(struct machine *m, uint64_t max_ns);

/* Sleep until host time `deadline_ns` or the --timeout deadline, whichever
 * comes first (a BIOS wait such as INT 15h/86h). */
void run_sleep_until(struct machine *m, uint64_t deadline_ns);

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
