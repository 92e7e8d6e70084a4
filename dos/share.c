/*
 * Sharing modes and record locks over host OFD locks (see share.h), and
 * INT 21h/5Ch. OFD locks belong to the open file description, not to the
 * process: two DOS opens of one file in the same vdm conflict as two
 * processes' opens do under SHARE, handles that share an SFT entry (dup,
 * EXEC inheritance) share its locks, and closing the last handle drops
 * them (MS-DOS expects programs to unlock before closing; either way the
 * lock is gone afterwards).
 */
#define _GNU_SOURCE /* F_OFD_SETLK, F_OFD_GETLK */
#include "dos/share.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "dos/dos.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "vdm/machine.h"

/* The sharing-mode bytes: far above 4 GiB, where DOS offsets never go. */
#define SHARE_BASE ((off_t)0x7FFF000000000000LL)
enum { SHARE_HAS_READ = 0, SHARE_HAS_WRITE, SHARE_DENIES_READ, SHARE_DENIES_WRITE, SHARE_N };

static int ofd_lock(int fd, int cmd, short type, off_t start, off_t len, short *found)
{
    struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
    int r;
    do
        r = fcntl(fd, cmd, &fl);
    while (r < 0 && errno == EINTR);
    if (found)
        *found = fl.l_type;
    return r;
}

/* True when another open file description holds any lock on the range. */
static bool others_lock(int fd, off_t start, off_t len)
{
    short type = F_UNLCK;
    if (ofd_lock(fd, F_OFD_GETLK, F_WRLCK, start, len, &type) < 0)
        return false; /* no locking on this host file system: nothing to see */
    return type != F_UNLCK;
}

int dos_share_acquire(int fd, uint8_t mode)
{
    uint8_t access = mode & DOS_ACCESS_MASK;
    unsigned share = (mode & DOS_SHARE_MASK) >> DOS_SHARE_SHIFT;
    bool rd = access == DOS_ACCESS_READ || access == DOS_ACCESS_RW;
    bool wr = access == DOS_ACCESS_WRITE || access == DOS_ACCESS_RW;
    bool deny_rd = share == DOS_SHARE_DENY_ALL || share == DOS_SHARE_DENY_READ;
    bool deny_wr = share == DOS_SHARE_DENY_ALL || share == DOS_SHARE_DENY_WRITE;

    /* What others announced against what this open wants, both ways. */
    if ((rd && others_lock(fd, SHARE_BASE + SHARE_DENIES_READ, 1)) ||
        (wr && others_lock(fd, SHARE_BASE + SHARE_DENIES_WRITE, 1)) ||
        (deny_rd && others_lock(fd, SHARE_BASE + SHARE_HAS_READ, 1)) ||
        (deny_wr && others_lock(fd, SHARE_BASE + SHARE_HAS_WRITE, 1)))
        return DOS_ERR_SHARING_VIOLATION;
    const bool take[SHARE_N] = { rd, wr, deny_rd, deny_wr };
    for (int i = 0; i < SHARE_N; i++) {
        /* A shared lock needs a readable fd; a write-only host fd (a file
         * the host lets us write but not read) announces nothing. */
        if (take[i])
            (void)ofd_lock(fd, F_OFD_SETLK, F_RDLCK, SHARE_BASE + i, 1, NULL);
    }
    return 0;
}

bool dos_lock_region_free(int fd, uint32_t pos, uint32_t len)
{
    if (len == 0)
        return true;
    return !others_lock(fd, (off_t)pos, (off_t)len);
}

enum { LOCK_LOCK = 0x00, LOCK_UNLOCK = 0x01 };

/* INT 21h/5Ch  Lock/unlock file region (RBIL INT 21/AH=5Ch).
 * In:  AL = 00h lock, 01h unlock; BX = handle; CX:DX = start offset;
 *      SI:DI = length.
 * Out: CF clear; or CF set, AX = 1 (bad AL; a device handle), 6 (invalid
 *      handle), 21h (lock violation: part of the region is locked through
 *      another handle, in this or another vdm process).
 * Locks are exclusive, as SHARE's: nobody else may read or write the
 * region (handle.c checks dos_lock_region_free on every read and write).
 * An unlock must name a region locked through this open with exactly this
 * start and length, else 21h, as in MS-DOS; a lock overlapping one this
 * open holds is 21h too (the host would merge them). More than
 * DOS_MAX_LOCKS locks at once: 24h (sharing buffer overflow). A zero
 * length is a no-op. */
void dos_fn_lock(struct machine *m)
{
    uint8_t fn = m->r.ax.l;
    struct dos_sft_entry *e = dos_handle_sft(m, m->r.bx.w);
    if (fn != LOCK_LOCK && fn != LOCK_UNLOCK) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    if (!e) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    if (e->dev != DOS_DEV_NONE) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    off_t start = (off_t)(((uint32_t)m->r.cx.w << 16) | m->r.dx.w);
    off_t len = (off_t)(((uint32_t)m->r.si.w << 16) | m->r.di.w);
    if (len == 0) {
        dos_ok(m);
        return;
    }
    int sft = dos_handle_sft_index(m, m->r.bx.w);
    struct dos_lock_rec *rec = NULL, *free_rec = NULL;
    bool overlap = false;
    for (int i = 0; i < DOS_MAX_LOCKS; i++) {
        struct dos_lock_rec *r = &m->dos->locks[i];
        if (!r->used) {
            if (!free_rec)
                free_rec = r;
            continue;
        }
        if (r->sft != sft)
            continue;
        if (r->start == (uint32_t)start && r->len == (uint32_t)len)
            rec = r;
        if ((off_t)r->start < start + len && start < (off_t)r->start + (off_t)r->len)
            overlap = true;
    }
    if (fn == LOCK_UNLOCK) {
        if (!rec) {
            dos_fail(m, DOS_ERR_LOCK_VIOLATION);
            return;
        }
        (void)ofd_lock(e->host_fd, F_OFD_SETLK, F_UNLCK, start, len, NULL);
        rec->used = false;
        dos_ok(m);
        return;
    }
    if (overlap) {
        dos_fail(m, DOS_ERR_LOCK_VIOLATION);
        return;
    }
    if (!free_rec) {
        dos_fail(m, DOS_ERR_SHARING_BUFFER);
        return;
    }
    /* Others' shared locks must block us too: test first, then take a
     * write lock, or a read lock where the host fd is read-only. */
    if (others_lock(e->host_fd, start, len) ||
        (ofd_lock(e->host_fd, F_OFD_SETLK, F_WRLCK, start, len, NULL) < 0 &&
         (errno != EBADF ||
          ofd_lock(e->host_fd, F_OFD_SETLK, F_RDLCK, start, len, NULL) < 0))) {
        dos_fail(m, DOS_ERR_LOCK_VIOLATION);
        return;
    }
    *free_rec = (struct dos_lock_rec){ .used = true, .sft = (uint8_t)sft,
                                       .start = (uint32_t)start, .len = (uint32_t)len };
    dos_ok(m);
}

void dos_locks_forget(struct machine *m, int sft)
{
    for (int i = 0; i < DOS_MAX_LOCKS; i++)
        if (m->dos->locks[i].sft == sft)
            m->dos->locks[i].used = false;
}
