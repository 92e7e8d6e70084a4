/*
 * The ROM segment F000h: one trap stub per interrupt vector, the plain IRET
 * that unserved vectors point at, the few guest-code routines the BIOS
 * needs around its host handlers, the configuration tables, and the
 * machine identification bytes.
 *
 * A stub is HLT followed by IRET. The run loop recognises a HLT inside the
 * stub table and turns its address back into the vector number. Routines:
 * - INT 08h: the stub's HLT counts the tick on the host, then jumps to the
 *   timer tail: INT 1Ch, EOI to the master PIC, IRET (the IBM order, so a
 *   program's INT 1Ch hook runs before the EOI);
 * - INT 09h: the IVT points at the keyboard entry: read port 60h, offer the
 *   scancode to INT 15h/4Fh (the keyboard intercept), and unless that
 *   consumed it call the 09h stub (host part: AL is the scancode), EOI;
 * - the keyboard wait: INT 16h/00h with an empty buffer resumes here (STI,
 *   HLT, back into the 16h stub), so the guest idles with interrupts on;
 * - the DOS console wait: the same for an INT 21h console read that found
 *   no key (dos/console.c): back into the 21h stub, the call's registers
 *   and INT frame untouched, so the call starts over.
 */
#ifndef VDM_BIOS_ROM_H
#define VDM_BIOS_ROM_H

#include <stdint.h>

struct machine;

#define ROM_OP_IRET 0xCFu      /* the byte after a plain stub's HLT */

#define ROM_STUB_BASE 0x0100u /* F000:0100, 4 bytes per vector */
#define ROM_STUB_SIZE 4u
#define ROM_IRET_OFF 0x0050u  /* a lone IRET for vectors nobody serves */
#define ROM_TIMER_TAIL_OFF 0x0058u /* INT 1Ch; EOI; IRET (9 bytes) */
#define ROM_TIMER_IRET_OFF (ROM_TIMER_TAIL_OFF + 8u)
#define ROM_KBD_ENTRY_OFF 0x0068u  /* the INT 09h entry (21 bytes) */
#define ROM_KBD_WAIT_OFF 0x0080u   /* STI; HLT; CLI; JMP stub 16h */
#define ROM_DOS_WAIT_OFF 0x0088u   /* STI; HLT; CLI; JMP stub 21h */
#define ROM_VIDEO_FUNC_OFF 0x00A0u /* INT 10h/1Bh static functionality table */
#define ROM_CONFIG_OFF 0x00C0u     /* INT 15h/C0h configuration table */
#define ROM_FONT_OFF 0x00E0u       /* where INT 10h/1130h points (no glyphs) */

/* The CP/M-style entry (CALL 5 in the PSP) far-calls the stub of this
 * vector; MS-DOS keeps its own far jump in the same IVT slot. */
#define ROM_CPM_VECTOR 0x30u

/* The XMS driver's entry point (INT 2Fh/4310h) is this vector's stub,
 * far-called; nobody issues INT FEh (reserved for user programs), and the
 * handler returns to the far caller itself (dos/xms.c). */
#define ROM_XMS_VECTOR 0xFEu

/* Offset in ROM_SEG of the stub for `vector`. */
static inline uint16_t rom_stub_off(uint8_t vector)
{
    return (uint16_t)(ROM_STUB_BASE + vector * ROM_STUB_SIZE);
}

/* Offset of the IRET that ends a stub, for handlers that return to a
 * saved INT frame (terminate returning to the parent after EXEC). */
static inline uint16_t rom_stub_iret_off(uint8_t vector)
{
    return (uint16_t)(vector == 0x08 ? ROM_TIMER_IRET_OFF : rom_stub_off(vector) + 1u);
}

/* Write the stubs, routines, tables and identification bytes. */
void rom_init(struct machine *m);

/* Point every vector with a host handler at its entry (the stub, or the
 * routine in front of it) and every other one at the lone IRET. Call after
 * all parts registered their handlers. */
void rom_install_ivt(struct machine *m);

/* The vector whose stub HLT was just executed, given CS:IP after the HLT;
 * -1 when CS:IP is not just past a stub's HLT. */
int rom_stub_vector(uint16_t cs, uint16_t ip);

#endif
