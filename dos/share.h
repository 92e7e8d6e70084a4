/*
 * Sharing modes (INT 21h/3Dh bits 4-6) and record locks (INT 21h/5Ch),
 * kept as host open-file-description locks so that every vdm process on
 * the host - and every open of the same file inside one vdm - sees them.
 *
 * Record locks are F_OFD_SETLK locks on the DOS byte range itself (DOS
 * offsets stop at 4 GiB). Sharing modes are shared (read) locks on four
 * bytes far above any DOS offset: one marks "open with read access", one
 * "open with write access", one "denies read", one "denies write"; an open
 * tests the opposite bytes for locks of other open file descriptions
 * (F_OFD_GETLK ignores the caller's own), so the locks vanish when the
 * host fd closes, however the process ends.
 */
#ifndef VDM_DOS_SHARE_H
#define VDM_DOS_SHARE_H

#include <stdbool.h>
#include <stdint.h>

/* Open mode bits 4-6 (RBIL INT 21/AH=3Dh, "sharing modes"). */
#define DOS_SHARE_SHIFT 4
#define DOS_SHARE_MASK 0x70
#define DOS_SHARE_COMPAT 0     /* compatibility mode */
#define DOS_SHARE_DENY_ALL 1   /* deny read and write */
#define DOS_SHARE_DENY_WRITE 2
#define DOS_SHARE_DENY_READ 3
#define DOS_SHARE_DENY_NONE 4

/* Take the sharing-mode locks for an open with mode byte `mode` on `fd`,
 * after checking them against the other opens of the file. Returns 0 or
 * DOS_ERR_SHARING_VIOLATION (nothing held then). Compatibility mode only
 * announces its access: it conflicts with deny modes, not with other
 * compatibility opens (many DOS programs open one file several times). */
int dos_share_acquire(int fd, uint8_t mode);

/* True when bytes [pos, pos+len) of the file behind `fd` are free of
 * record locks held through other open file descriptions (a read or write
 * there fails with DOS_ERR_LOCK_VIOLATION, as MS-DOS with SHARE does). */
bool dos_lock_region_free(int fd, uint32_t pos, uint32_t len);

/* Forget the 5Ch lock records of SFT entry `sft` (its host fd closed,
 * which dropped the host locks). */
struct machine;
void dos_locks_forget(struct machine *m, int sft);

#endif
