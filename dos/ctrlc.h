/*
 * Ctrl-C (break) handling: when a DOS call finds a ^C in its console
 * input, DOS calls the program's INT 23h handler and obeys its answer
 * (RBIL INT 23): return with IRET, or RETF with CF clear, and the
 * interrupted INT 21h call starts over; RETF with CF set, and the program
 * ends with termination type 1 (4Dh's AH = 01h).
 *
 * How: the call's registers as they were at entry are put back, and the
 * CPU is sent to a small routine in the DOS data segment (dosdata.h)
 * that notes SP, does INT 23h, and after it jumps to the INT 21h trap
 * stub (the call again, on the caller's own INT frame) or to the INT 23h
 * stub (the default handler, which terminates). SP tells a RETF, which
 * leaves the FLAGS word of the INT on the stack, from an IRET.
 */
#ifndef VDM_DOS_CTRLC_H
#define VDM_DOS_CTRLC_H

#include <stdbool.h>

struct machine;

/* Write the break routine into the DOS data segment (dos_data_init). */
void dos_ctrlc_init(struct machine *m);

/* A ^C was read by the INT 21h call now running: echo "^C", restore the
 * call's entry registers and send the CPU through the program's INT 23h;
 * the caller then returns at once and touches no registers. False (and
 * nothing done: the ^C is plain data) when the call did not come through
 * the INT 21h vector (CALL 5), so there is no INT frame to restart on. */
bool dos_ctrlc_raise(struct machine *m);

#endif
