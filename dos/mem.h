/*
 * The DOS memory arena: a chain of memory control blocks (MCBs), one
 * paragraph each, in front of every block of conventional memory
 * (RBIL INT 21/AH=52h, "Format of DOS memory control block").
 *
 * Invariants (checked by mcb_chain_ok):
 *  1. The chain starts at dos->first_mcb and each next MCB sits at
 *     seg + 1 + size; every MCB but the last has type 'M', the last 'Z'.
 *  2. The last block ends at the top of conventional memory (A000h).
 *  3. A free block has owner 0; neighbouring free blocks are merged by
 *     allocation (DOS merges lazily, when it walks past them).
 */
#ifndef VDM_DOS_MEM_H
#define VDM_DOS_MEM_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define MCB_TYPE 0x00     /* 'M' (more follow) or 'Z' (last) */
#define MCB_OWNER 0x01    /* PSP segment of the owner; 0 = free; 8 = DOS */
#define MCB_SIZE 0x03     /* paragraphs in the block, MCB not included */
#define MCB_NAME 0x08     /* program name, 8 bytes, DOS 4+ */

#define MCB_TYPE_MORE 'M'
#define MCB_TYPE_LAST 'Z'
#define MCB_OWNER_FREE 0x0000
#define MCB_OWNER_DOS 0x0008

#define MEM_TOP_SEG 0xA000u   /* end of conventional memory: 640 KiB */

/* Set up one free block from `first` to MEM_TOP_SEG. */
void mcb_init(struct machine *m, uint16_t first);

/* Allocation strategies (INT 21h/58h, dos->alloc_strategy; RBIL Table
 * 01679): the low bits choose the fit; 40h asks for upper memory only,
 * 80h for upper memory first, then low. */
#define MCB_FIT_FIRST 0x00
#define MCB_FIT_BEST 0x01
#define MCB_FIT_LAST 0x02
#define MCB_FIT_MASK 0x03
#define MCB_HIGH_ONLY 0x40
#define MCB_HIGH_FIRST 0x80

/* Allocate `paras` paragraphs for `owner` with the current strategy
 * (dos->alloc_strategy; first fit, the MS-DOS default).
 * Returns the block's segment (MCB + 1) or 0; on 0, *largest is the size
 * of the largest free block (coalesced). Error codes: DOS_ERR_MCB_DESTROYED
 * if the chain is broken, else DOS_ERR_INSUFFICIENT_MEMORY, in *err. */
uint16_t mcb_alloc(struct machine *m, uint16_t paras, uint16_t owner,
                   uint16_t *largest, int *err);

/* Free the block at segment `seg` (MCB at seg-1). Returns 0 or a DOS error
 * (DOS_ERR_INVALID_MEMORY_BLOCK when seg-1 is not an MCB of the chain). */
int mcb_free(struct machine *m, uint16_t seg);

/* Resize the block at `seg` to `paras`. Returns 0 or a DOS error; on
 * DOS_ERR_INSUFFICIENT_MEMORY, *largest is the most it could grow to, and
 * the block has been grown to that size (as MS-DOS 2.1-6.0 does). */
int mcb_resize(struct machine *m, uint16_t seg, uint16_t paras, uint16_t *largest);

/* Free every block owned by `owner` (at program termination). */
void mcb_free_owned(struct machine *m, uint16_t owner);

/* Make `owner` the owner of the block at `seg`. */
void mcb_set_owner(struct machine *m, uint16_t seg, uint16_t owner);

/* Set the 8-byte name field of the block at `seg`. */
void mcb_set_name(struct machine *m, uint16_t seg, const char *name);

/* The chain invariants hold (see above). */
bool mcb_chain_ok(struct machine *m);

#endif
