/*
 * Guest memory access for handlers: segment:offset to linear, bounds-checked
 * host pointers, little-endian reads and writes.
 *
 * Only mem_ptr() makes host pointers into guest memory, and it refuses a
 * range that runs past the end of guest memory, so a DOS program's bad
 * pointer becomes a DOS error in the caller, never a host overrun.
 */
#ifndef VDM_MEM_H
#define VDM_MEM_H

#include <stddef.h>
#include <stdint.h>

#include "machine.h"

/* Linear address of seg:off (real mode), before A20 wrapping. */
static inline uint32_t mem_lin(uint16_t seg, uint16_t off)
{
    return ((uint32_t)seg << 4) + off;
}

/* Host pointer to `len` bytes at linear address `lin`, or NULL when the
 * range does not lie wholly inside guest memory. */
uint8_t *mem_ptr(struct machine *m, uint32_t lin, size_t len);

/* Single-byte and word access with A20 wrapping; out-of-range reads give
 * 0xFF bytes and out-of-range writes vanish, as on an empty bus. */
uint8_t mem_rd8(const struct machine *m, uint32_t lin);
uint16_t mem_rd16(const struct machine *m, uint32_t lin);
uint32_t mem_rd32(const struct machine *m, uint32_t lin);
void mem_wr8(struct machine *m, uint32_t lin, uint8_t v);
void mem_wr16(struct machine *m, uint32_t lin, uint16_t v);
void mem_wr32(struct machine *m, uint32_t lin, uint32_t v);

/* Copy between host and guest; false (and nothing copied) when the guest
 * range is not wholly inside guest memory. */
bool mem_read(struct machine *m, uint32_t lin, void *dst, size_t len);
bool mem_write(struct machine *m, uint32_t lin, const void *src, size_t len);

/* Copy an ASCIZ string from seg:off into dst (at most cap-1 chars, always
 * NUL-terminated). Returns the length, or -1 when the string is longer than
 * cap-1 or runs past the end of guest memory. The string may not cross its
 * segment's 64 KiB limit, as on a real 8086 it would wrap to offset 0; we
 * follow the offset wrap. */
int mem_read_asciz(struct machine *m, uint16_t seg, uint16_t off, char *dst,
                   size_t cap);

/* Push/pop a word on the guest stack SS:SP in m->r. */
void mem_push16(struct machine *m, uint16_t v);
uint16_t mem_pop16(struct machine *m);

#endif
