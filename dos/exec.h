/*
 * Processes: loading a program into a new PSP (the root program and INT
 * 21h/4B00h children), and terminating one (INT 20h, 21h/00h, 21h/4Ch).
 *
 * EXEC and terminate (MS-DOS semantics, RBIL INT 21/AH=4Bh and 4Ch):
 *  - EXEC saves the parent's registers (host side) and the INT 22h vector
 *    (set to the parent's return address) in the child's PSP, makes the
 *    child current and starts it. The parent stays suspended in its INT 21h.
 *  - Terminate restores INT 22h/23h/24h from the child's PSP, closes the
 *    child's handles, frees its memory, stores the return code for 4Dh, and
 *    resumes the parent at the PSP's terminate address with CF clear.
 *  - Terminating the root program ends the run with its return code.
 * Invariant: exec_depth counts suspended parents, and cur_psp is the root
 * PSP exactly when exec_depth == 0.
 */
#ifndef VDM_DOS_EXEC_H
#define VDM_DOS_EXEC_H

#include <stdint.h>

struct machine;

/* End the current program with return code `code` and termination type
 * `type` (enum dos_term_type). */
void dos_terminate(struct machine *m, uint8_t code, uint8_t type);

void dos_fn_terminate(struct machine *m);     /* 00h */
void dos_fn_exec(struct machine *m);          /* 4Bh */
void dos_fn_exit(struct machine *m);          /* 4Ch */
void dos_fn_get_retcode(struct machine *m);   /* 4Dh */
void dos_fn_set_psp(struct machine *m);       /* 50h */
void dos_fn_get_psp(struct machine *m);       /* 51h and 62h */

/* INT 20h. */
void dos_int20(struct machine *m);

#endif
