/*
 * IOCTL on drives (RBIL INT 21/AH=44h, subfunctions taking a drive number
 * in BL: 0 = default, 1 = A:). vdm's drives are host directories: fixed,
 * local, one logical drive per physical one, no block device behind them
 * that a generic IOCTL request could talk to.
 */
#include "dos/ioctl_ext.h"

#include "dos/dos.h"
#include "vdm/machine.h"

enum {
    IOCTL_REMOVABLE = 0x08,
    IOCTL_REMOTE = 0x09,
    IOCTL_SHARING_RETRY = 0x0B,
    IOCTL_GENERIC_BLOCK = 0x0D,
    IOCTL_GET_DRIVE_MAP = 0x0E,
    IOCTL_SET_DRIVE_MAP = 0x0F,
};

/* 4408h: AX = 0 removable, 1 fixed. */
#define IOCTL_FIXED 0x0001
/* 4409h: DX = device attribute word; bit 12 would say remote (RBIL
 * Table 01425); bit 11: the driver supports removable-media IOCTL. */
#define DRIVE_ATTR_LOCAL 0x0800

/* The drive BL names (0 = current), or -1 when it is not mounted. */
static int bl_drive(struct machine *m)
{
    int drive = m->r.bx.l ? m->r.bx.l - 1 : m->dos->cur_drive;
    if (drive >= HOSTFS_DRIVES || !m->dos->fs.drive[drive].mounted)
        return -1;
    return drive;
}

/* In:  AL = subfunction, BL = drive (not for 0Bh).
 *   08h removable?   Out: AX = 1 (fixed).
 *   09h remote?      Out: DX = attribute word, bit 12 clear (local).
 *   0Bh set sharing retry count (CX delay, DX retries): accepted, nothing
 *       to retry here (locks fail at once).
 *   0Dh generic block device request: refused with 1 (no BPB or track
 *       layout behind a host directory).
 *   0Eh/0Fh get/set logical drive map: Out: AL = 0 (one logical drive
 *       per drive).
 * Errors: AX = 0Fh (invalid drive), 1 (0Dh). */
bool dos_ioctl_ext(struct machine *m)
{
    uint8_t fn = m->r.ax.l;
    if (fn == IOCTL_SHARING_RETRY) {
        dos_ok(m);
        return true;
    }
    if (fn != IOCTL_REMOVABLE && fn != IOCTL_REMOTE && fn != IOCTL_GENERIC_BLOCK &&
        fn != IOCTL_GET_DRIVE_MAP && fn != IOCTL_SET_DRIVE_MAP)
        return false;
    if (bl_drive(m) < 0) {
        dos_fail(m, DOS_ERR_INVALID_DRIVE);
        return true;
    }
    switch (fn) {
    case IOCTL_REMOVABLE:
        m->r.ax.w = IOCTL_FIXED;
        break;
    case IOCTL_REMOTE:
        m->r.dx.w = DRIVE_ATTR_LOCAL;
        break;
    case IOCTL_GENERIC_BLOCK:
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return true;
    default:
        m->r.ax.l = 0;
        break;
    }
    dos_ok(m);
    return true;
}
