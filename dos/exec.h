/*
 * Processes: loading a program into a new PSP (the root program and INT
 * 21h/4B00h children), loading overlays (4B03h), and terminating a
 * program (INT 20h, 21h/00h, 21h/4Ch, the default INT 23h).
 *
 * States of one process, and what moves it (RBIL INT 21/AH=4Bh, 4Ch):
 *   loading  --load_program() ok-->  running   (EXEC, or the root start)
 *   loading  --any failure------->   gone: env and PSP blocks freed, INT
 *                                    22h restored, parent sees CF + code
 *   running  --EXEC 4B00h ok----->   suspended in its INT 21h; its regs,
 *                                    PSP and DTA pushed on exec_stack
 *   running  --EXEC 4B01h ok----->   the same frame is pushed, but the
 *                                    caller goes on (a debugger) with the
 *                                    child's PSP current; the child's end
 *                                    later resumes it from the 4B01h
 *   suspended --child terminates->   running: regs popped, CF clear, IRET
 *                                    to PSP:0Ah of the child
 *   running  --terminate--------->   gone: INT 22h/23h/24h restored from
 *                                    its PSP, handles and FCB files
 *                                    closed, its blocks freed (a TSR,
 *                                    31h/INT 27h, keeps both), 4Dh code
 *                                    stored; the root's termination ends
 *                                    the run
 * Invariants:
 *  1. exec_depth counts suspended parents; exec_stack[0..exec_depth) are
 *     their frames, oldest first, and the root is never on it.
 *  2. A failed load leaves the arena as it was (no block stays allocated).
 *  3. last_retcode is AH = termination type, AL = code, and reads as 0
 *     after 4Dh has read it once.
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
