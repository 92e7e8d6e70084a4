/*
 * INT 21h memory functions over the MCB arena (dos/mem.c).
 */
#include "dos/dos.h"
#include "dos/int21.h"
#include "dos/mem.h"
#include "vdm/machine.h"

/* INT 21h/48h  Allocate memory (RBIL INT 21/AH=48h).
 * In:  BX = paragraphs.
 * Out: CF clear, AX = segment of the block; or CF set, AX = 7 (arena
 *      destroyed) or 8 (not enough memory) and BX = largest free block. */
void dos_fn_alloc(struct machine *m)
{
    uint16_t largest = 0;
    int err = 0;
    uint16_t seg = mcb_alloc(m, m->r.bx.w, m->dos->cur_psp, &largest, &err);
    if (!seg) {
        dos_fail(m, err);
        m->r.bx.w = largest;
        return;
    }
    m->r.ax.w = seg;
    dos_ok(m);
}

/* INT 21h/49h  Free memory (RBIL INT 21/AH=49h).
 * In:  ES = segment of the block.
 * Out: CF clear; or CF set, AX = 7 or 9 (not a block of the arena). */
void dos_fn_free(struct machine *m)
{
    int err = mcb_free(m, m->r.es);
    if (err)
        dos_fail(m, err);
    else
        dos_ok(m);
}

/* INT 21h/4Ah  Resize memory block (RBIL INT 21/AH=4Ah).
 * In:  ES = segment of the block, BX = new size in paragraphs.
 * Out: CF clear; or CF set, AX = 7, 8 or 9, and with 8 BX = the largest
 *      size this block could have. On 8 the block has still been grown
 *      to that size, as MS-DOS 2.1-6.0 does (RBIL note). */
void dos_fn_resize(struct machine *m)
{
    uint16_t largest = 0;
    int err = mcb_resize(m, m->r.es, m->r.bx.w, &largest);
    if (err) {
        dos_fail(m, err);
        if (err == DOS_ERR_INSUFFICIENT_MEMORY)
            m->r.bx.w = largest;
        return;
    }
    dos_ok(m);
}
