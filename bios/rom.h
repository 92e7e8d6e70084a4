/*
 * The ROM segment F000h: one trap stub per interrupt vector, the plain IRET
 * that unserved vectors point at, and the machine identification bytes.
 *
 * A stub is HLT followed by IRET (INT 08h: HLT, INT 1Ch, IRET, so the
 * guest's own timer hook runs after the host counted the tick). The run
 * loop recognises a HLT inside the stub table and turns its address back
 * into the vector number.
 */
#ifndef VDM_BIOS_ROM_H
#define VDM_BIOS_ROM_H

#include <stdint.h>

struct machine;

#define ROM_STUB_BASE 0x0100u /* F000:0100, 4 bytes per vector */
#define ROM_STUB_SIZE 4u
#define ROM_IRET_OFF 0x0050u  /* a lone IRET for vectors nobody serves */

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
    return (uint16_t)(rom_stub_off(vector) + (vector == 0x08 ? 3 : 1));
}

/* Write the stubs and identification bytes into guest memory. */
void rom_init(struct machine *m);

/* Point every vector with a host handler at its stub and every other one
 * at the lone IRET. Call after all parts registered their handlers. */
void rom_install_ivt(struct machine *m);

/* The vector whose stub HLT was just executed, given CS:IP after the HLT;
 * -1 when CS:IP is not just past a stub's HLT. */
int rom_stub_vector(uint16_t cs, uint16_t ip);

#endif
