/*
 * Program Segment Prefix layout (RBIL INT 21/AH=26h, "Format of Program
 * Segment Prefix") and the environment block that goes with it.
 */
#ifndef VDM_DOS_PSP_H
#define VDM_DOS_PSP_H

#include <stddef.h>
#include <stdint.h>

struct machine;

#define PSP_SIZE 0x100u
#define PSP_PARAS 0x10u

#define PSP_INT20 0x00        /* CD 20: INT 20h */
#define PSP_MEM_TOP 0x02      /* segment just past the program's memory */
#define PSP_CPM_CALL 0x05     /* far call to the CP/M-style entry */
#define PSP_TERMINATE 0x0A    /* INT 22h terminate address at EXEC time */
#define PSP_CTRL_C 0x0E       /* INT 23h Ctrl-C handler at EXEC time */
#define PSP_CRIT_ERR 0x12     /* INT 24h critical error handler */
#define PSP_PARENT 0x16       /* parent's PSP segment */
#define PSP_JFT 0x18          /* 20-byte job file table (SFT indexes) */
#define PSP_ENV_SEG 0x2C      /* environment segment */
#define PSP_SAVED_SSSP 0x2E   /* SS:SP at the last INT 21h (EXEC frame) */
#define PSP_JFT_SIZE 0x32     /* number of entries in the JFT */
#define PSP_JFT_PTR 0x34      /* far pointer to the JFT */
#define PSP_PREV 0x38         /* previous PSP (SHARE), FFFFFFFFh */
#define PSP_DOS_VERSION 0x40  /* version INT 21h/30h returns to this program */
#define PSP_DOS_CALL 0x50     /* CD 21 CB: INT 21h, RETF */
#define PSP_FCB1 0x5C
#define PSP_FCB2 0x6C
#define PSP_TAIL_LEN 0x80
#define PSP_TAIL 0x81

#define PSP_JFT_ENTRIES 20
#define PSP_JFT_CLOSED 0xFF

#define PSP_TAIL_MAX 126      /* bytes of tail text; a CR follows */

/* Build a PSP at `psp` for a program whose memory block ends at `mem_top`
 * (segment), with parent `parent` and environment `env_seg`. The JFT is
 * all closed; the caller fills it. `tail` (<= PSP_TAIL_MAX bytes, not
 * NUL-terminated: `tail_len` long) goes to 80h and the two FCBs at 5Ch and
 * 6Ch are parsed from it. Returns AX for the new program: AL = FFh when the
 * first FCB names a drive not in `valid_drives` (bit 0 = A:), AH likewise
 * for the second. */
uint16_t psp_build(struct machine *m, uint16_t psp, uint16_t mem_top,
                   uint16_t parent, uint16_t env_seg, const char *tail,
                   unsigned tail_len, uint32_t valid_drives);

/* Bytes in the environment block at `seg`, from its memory control block
 * (the block's size is all a program may use for it). */
uint32_t psp_env_room(struct machine *m, uint16_t seg);

/* Look up `name` (any case) in the environment block at `seg`. Returns
 * the length of its value, copied into out (truncated to cap - 1 bytes,
 * always NUL-terminated), or -1 when the variable is absent or the block
 * does not lie inside guest memory. */
int psp_env_get(struct machine *m, uint16_t seg, const char *name, char *out, size_t cap);

#endif
