/*
 * CPU exceptions nobody handles: a DOS program that divides by zero or
 * executes an invalid opcode with the vector still at the BIOS default
 * has crashed its CPU. vdm ends with a one-line diagnosis instead of
 * looping or hanging the way a real PC would.
 */
#ifndef VDM_FAULT_H
#define VDM_FAULT_H

struct machine;

/* Register the default handlers for the CPU exception vectors. */
void fault_init(struct machine *m);

#endif
