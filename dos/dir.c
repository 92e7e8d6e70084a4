/*
 * Names in the file system: directories (39h-3Bh, 47h), deleting and
 * renaming files (41h, 56h), attributes (43h), file times by handle (57h)
 * and find first/next (4Eh/4Fh) with the DTA layout MS-DOS uses.
 *
 * Every path goes through hostfs_resolve(), so the sandbox (no access
 * outside a drive's root) holds here without checks of our own; what this
 * file adds is DOS's rules on top: read-only drives refuse changes with
 * access denied, the current directory cannot be removed, renames stay on
 * one drive.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dos/handle.h"
#include "dos/int21.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* FindFirst data block in the DTA (RBIL INT 21/AH=4Eh, "Format of
 * FindFirst data block", DOS 4+). The 21 reserved bytes are ours: we keep
 * the drive, the template and attribute where DOS keeps them, and in the
 * 8 bytes where DOS keeps its directory position: the directory's id
 * (hostfs), the index of the next entry, a signature, and the slot of
 * dos->searches that caches the listing. As in MS-DOS the DTA alone says
 * where the search stands: searches interleave, a copied DTA resumes,
 * an abandoned search costs nothing but a cache slot, and a search whose
 * slot went to another is listed again and continued at its index. */
#define FF_DRIVE 0x00
#define FF_TEMPLATE 0x01
#define FF_SEARCH_ATTR 0x0C
#define FF_SLOT 0x0D      /* 1 byte */
#define FF_DIR_ID 0x0E    /* 2 bytes */
#define FF_INDEX 0x10     /* 3 bytes: the next entry */
#define FF_SIGNATURE 0x13 /* 2 bytes */
#define FF_INDEX_MAX 0xFFFFFFu
#define FF_ATTR 0x15
#define FF_TIME 0x16
#define FF_DATE 0x18
#define FF_SIZE 0x1A
#define FF_NAME 0x1E
#define FF_BLOCK_SIZE 0x2B
#define FF_MAGIC 0x6476 /* "vd" */

/* 47h writes at most this much, NUL included (RBIL INT 21/AH=47h). */
#define CWD_BUF_SIZE 64
/* 47h: AX on success (undocumented, RBIL INT 21/AH=47h). */
#define GETCWD_OK_AX 0x0100

/* 43h subfunctions. */
#define ATTRIB_GET 0x00
#define ATTRIB_SET 0x01
/* 57h subfunctions. */
#define FTIME_GET 0x00
#define FTIME_SET 0x01

/* Read the ASCIZ path at seg:off and resolve it. Returns 0 or the DOS
 * error (a path that runs off guest memory or past 128 bytes is not
 * found). */
static int get_path(struct machine *m, uint16_t seg, uint16_t off, enum hostfs_want want,
                    struct hostfs_path *hp)
{
    char path[HOSTFS_DOS_MAX];
    if (mem_read_asciz(m, seg, off, path, sizeof path) < 0)
        return DOS_ERR_PATH_NOT_FOUND;
    return hostfs_resolve(&m->dos->fs, m->dos->cur_drive, path, want, hp);
}

/* End an INT 21h function: success, or failure with `rc`. */
static void finish(struct machine *m, int rc)
{
    if (rc)
        dos_fail(m, rc);
    else
        dos_ok(m);
}

/* True when `hp` is the current directory of its drive. */
static bool is_cwd(struct machine *m, const struct hostfs_path *hp)
{
    return strcmp(hp->dos + 3, m->dos->fs.drive[hp->drive].cwd) == 0;
}

/* INT 21h/39h  Create subdirectory (RBIL INT 21/AH=39h).
 * In:  DS:DX -> ASCIZ path.
 * Out: CF clear; or CF set, AX = 03h (path not found), 05h (access denied:
 *      the name exists already, or the drive is read-only). */
void dos_fn_mkdir(struct machine *m)
{
    struct hostfs_path hp;
    int rc = get_path(m, m->r.ds, m->r.dx.w, HOSTFS_PARENT, &hp);
    if (rc == 0 && (hp.ro || hp.exists || !hp.last[0]))
        rc = DOS_ERR_ACCESS_DENIED;
    if (rc == 0)
        rc = hostfs_mkdir(&m->dos->fs, &hp);
    if (rc == DOS_ERR_FILE_EXISTS) /* created under our feet: 39h says 05h */
        rc = DOS_ERR_ACCESS_DENIED;
    finish(m, rc);
}

/* INT 21h/3Ah  Remove subdirectory (RBIL INT 21/AH=3Ah).
 * In:  DS:DX -> ASCIZ path.
 * Out: CF clear; or CF set, AX = 03h (missing, or not a directory), 05h
 *      (not empty, the root, read-only drive), 10h (it is the current
 *      directory of its drive). */
void dos_fn_rmdir(struct machine *m)
{
    struct hostfs_path hp;
    int rc = get_path(m, m->r.ds, m->r.dx.w, HOSTFS_EXISTING, &hp);
    if (rc == DOS_ERR_FILE_NOT_FOUND || (rc == 0 && !hp.is_dir))
        rc = DOS_ERR_PATH_NOT_FOUND;
    else if (rc == 0 && (!hp.last[0] || hp.ro))
        rc = DOS_ERR_ACCESS_DENIED;
    else if (rc == 0 && is_cwd(m, &hp))
        rc = DOS_ERR_REMOVE_CURRENT_DIR;
    if (rc == 0)
        rc = hostfs_rmdir(&m->dos->fs, &hp);
    finish(m, rc);
}

/* INT 21h/3Bh  Set current directory (RBIL INT 21/AH=3Bh).
 * In:  DS:DX -> ASCIZ path (a drive letter sets that drive's directory
 *      without changing the current drive).
 * Out: CF clear; or CF set, AX = 03h (path not found). */
void dos_fn_chdir(struct machine *m)
{
    char path[HOSTFS_DOS_MAX];
    if (mem_read_asciz(m, m->r.ds, m->r.dx.w, path, sizeof path) < 0) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    finish(m, hostfs_chdir(&m->dos->fs, m->dos->cur_drive, path));
}

/* INT 21h/41h  Delete file (RBIL INT 21/AH=41h).
 * In:  DS:DX -> ASCIZ path (no wildcards in DOS 5 for this call).
 * Out: CF clear; or CF set, AX = 02h (not found; a wildcard matches
 *      nothing), 03h (path not found), 05h (a directory, a read-only file,
 *      a read-only drive). */
void dos_fn_unlink(struct machine *m)
{
    struct hostfs_path hp;
    struct hostfs_dirent e;
    int rc = get_path(m, m->r.ds, m->r.dx.w, HOSTFS_EXISTING, &hp);
    if (rc == 0)
        rc = hostfs_stat_at(&m->dos->fs, &hp, &e);
    if (rc == 0 && (hp.ro || hp.is_dir || (e.attr & HOSTFS_ATTR_READONLY)))
        rc = DOS_ERR_ACCESS_DENIED;
    if (rc == 0)
        rc = hostfs_unlink(&m->dos->fs, &hp);
    finish(m, rc);
}

/* INT 21h/43h  Get or set file attributes (RBIL INT 21/AX=4300h, 4301h).
 * In:  AL = 00h get, 01h set (CX = new attributes); DS:DX -> ASCIZ path.
 * Out: CF clear, CX = attributes (get); or CF set, AX = 01h (bad AL),
 *      02h, 03h, 05h (setting the directory or volume bit, read-only
 *      drive). Only read-only has a host meaning (write permission);
 *      archive, hidden and system are accepted and not kept. */
void dos_fn_attrib(struct machine *m)
{
    uint8_t sub = m->r.ax.l;
    if (sub != ATTRIB_GET && sub != ATTRIB_SET) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    struct hostfs_path hp;
    struct hostfs_dirent e;
    int rc = get_path(m, m->r.ds, m->r.dx.w, HOSTFS_EXISTING, &hp);
    if (rc == 0)
        rc = hostfs_stat_at(&m->dos->fs, &hp, &e);
    if (rc == 0 && sub == ATTRIB_GET) {
        m->r.cx.w = e.attr;
        m->r.ax.w = e.attr; /* MS-DOS leaves the attributes in AX too */
        dos_ok(m);
        return;
    }
    uint16_t want = m->r.cx.w;
    if (rc == 0 && (hp.ro || (want & (HOSTFS_ATTR_VOLUME | HOSTFS_ATTR_DIRECTORY))))
        rc = DOS_ERR_ACCESS_DENIED;
    if (rc == 0)
        rc = hostfs_set_readonly_at(&m->dos->fs, &hp, want & HOSTFS_ATTR_READONLY);
    finish(m, rc);
}

/* INT 21h/47h  Get current directory (RBIL INT 21/AH=47h).
 * In:  DL = drive (0 = default, 1 = A:), DS:SI -> 64-byte buffer.
 * Out: CF clear, AX = 0100h, the buffer holds the path without drive and
 *      leading backslash ("" at the root); or CF set, AX = 0Fh. */
void dos_fn_getcwd(struct machine *m)
{
    int drive = m->r.dx.l ? m->r.dx.l - 1 : m->dos->cur_drive;
    if (drive >= HOSTFS_DRIVES || !m->dos->fs.drive[drive].mounted) {
        dos_fail(m, DOS_ERR_INVALID_DRIVE);
        return;
    }
    const char *cwd = m->dos->fs.drive[drive].cwd;
    if (!mem_write(m, mem_lin(m->r.ds, m->r.si.w), cwd, strlen(cwd) + 1)) {
        dos_fail(m, DOS_ERR_INVALID_DRIVE);
        return;
    }
    m->r.ax.w = GETCWD_OK_AX;
    dos_ok(m);
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static uint16_t get16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

/* The search slot to (re)use: a free one, else the least recently used. */
static unsigned search_slot(struct dos_state *d)
{
    unsigned best = 0;
    for (unsigned i = 0; i < DOS_MAX_SEARCHES; i++) {
        if (!d->searches[i].active)
            return i;
        if (d->searches[i].used < d->searches[best].used)
            best = i;
    }
    return best;
}

static uint32_t get24(const uint8_t *p)
{
    return (uint32_t)(p[0] | (p[1] << 8) | (p[2] << 16));
}

static void put24(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
}

/* Write one found entry into the DTA's FindFirst block. */
static bool dta_put_entry(struct machine *m, const struct hostfs_dirent *e)
{
    uint8_t *dta = mem_ptr(m, mem_lin(m->dos->dta_seg, m->dos->dta_off), FF_BLOCK_SIZE);
    if (!dta)
        return false;
    dta[FF_ATTR] = e->attr;
    put16(dta + FF_TIME, e->time);
    put16(dta + FF_DATE, e->date);
    put16(dta + FF_SIZE, (uint16_t)e->size);
    put16(dta + FF_SIZE + 2, (uint16_t)(e->size >> 16));
    memset(dta + FF_NAME, 0, sizeof e->name);
    memcpy(dta + FF_NAME, e->name, strlen(e->name));
    return true;
}

/* INT 21h/4Eh  Find first matching file (RBIL INT 21/AH=4Eh).
 * In:  CX = search attributes (hidden, system, directory included only when
 *      asked; 08h alone asks for the volume label), DS:DX -> ASCIZ pattern.
 * Out: CF clear, the DTA holds the FindFirst block with the first match;
 *      or CF set, AX = 02h, 03h (path not found), 12h (no match).
 * The matches are listed once here; a search slot holds them for 4Fh. */
void dos_fn_find_first(struct machine *m)
{
    struct dos_state *d = m->dos;
    char pattern[HOSTFS_DOS_MAX];
    if (mem_read_asciz(m, m->r.ds, m->r.dx.w, pattern, sizeof pattern) < 0) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    uint8_t *dta = mem_ptr(m, mem_lin(d->dta_seg, d->dta_off), FF_BLOCK_SIZE);
    if (!dta) {
        dos_fail(m, DOS_ERR_NO_MORE_FILES);
        return;
    }
    unsigned slot = search_slot(d);
    struct hostfs_search *s = &d->searches[slot];
    s->gen++;
    s->used = ++d->next_search;
    struct hostfs_dirent e;
    uint8_t attr = (uint8_t)m->r.cx.w;
    int rc = hostfs_find_first(&d->fs, d->cur_drive, pattern, attr, s, &e);
    if (rc) {
        dos_fail(m, rc);
        return;
    }
    memset(dta, 0, FF_ATTR);
    dta[FF_DRIVE] = (uint8_t)(s->drive + 1);
    memcpy(dta + FF_TEMPLATE, s->fcb, sizeof s->fcb);
    dta[FF_SEARCH_ATTR] = attr;
    dta[FF_SLOT] = (uint8_t)slot;
    put16(dta + FF_DIR_ID, (uint16_t)s->dir_id);
    put24(dta + FF_INDEX, s->next);
    put16(dta + FF_SIGNATURE, FF_MAGIC);
    dta_put_entry(m, &e);
    dos_ok(m);
}

/* INT 21h/4Fh  Find next matching file (RBIL INT 21/AH=4Fh).
 * In:  the DTA holds the block 4Eh (or an earlier 4Fh) left there.
 * Out: CF clear, the DTA holds the next match; or CF set, AX = 12h (no
 *      more files, or a DTA that holds no live search). */
void dos_fn_find_next(struct machine *m)
{
    struct dos_state *d = m->dos;
    uint8_t *dta = mem_ptr(m, mem_lin(d->dta_seg, d->dta_off), FF_BLOCK_SIZE);
    if (!dta || get16(dta + FF_SIGNATURE) != FF_MAGIC) {
        dos_fail(m, DOS_ERR_NO_MORE_FILES);
        return;
    }
    unsigned slot = dta[FF_SLOT], id = get16(dta + FF_DIR_ID);
    uint32_t index = get24(dta + FF_INDEX);
    uint8_t attr = dta[FF_SEARCH_ATTR];
    struct hostfs_search *s = slot < DOS_MAX_SEARCHES ? &d->searches[slot] : NULL;
    /* The cached listing serves when it lists this very search. */
    if (!s || !s->active || s->dir_id != id || s->attr != attr ||
        s->drive + 1 != dta[FF_DRIVE] || memcmp(s->fcb, dta + FF_TEMPLATE, sizeof s->fcb) != 0) {
        slot = search_slot(d);
        s = &d->searches[slot];
        s->gen++;
        char fcb[sizeof s->fcb];
        memcpy(fcb, dta + FF_TEMPLATE, sizeof fcb);
        if (id >= HOSTFS_DIR_IDS ||
            hostfs_find_resume(&d->fs, id, fcb, attr, s) != 0) {
            dos_fail(m, DOS_ERR_NO_MORE_FILES);
            return;
        }
        dta[FF_SLOT] = (uint8_t)slot;
    }
    s->used = ++d->next_search;
    if (index >= s->count || index >= FF_INDEX_MAX) {
        hostfs_search_end(s); /* done: free the listing */
        dos_fail(m, DOS_ERR_NO_MORE_FILES);
        return;
    }
    put24(dta + FF_INDEX, index + 1);
    dta_put_entry(m, &s->entries[index]);
    dos_ok(m);
}

/* INT 21h/56h  Rename or move a file or directory (RBIL INT 21/AH=56h).
 * In:  DS:DX -> ASCIZ old name, ES:DI -> ASCIZ new name (no wildcards).
 * Out: CF clear; or CF set, AX = 02h, 03h, 05h (the new name exists, a
 *      read-only drive), 11h (the names are on different drives). */
void dos_fn_rename(struct machine *m)
{
    struct hostfs_path from, to;
    int rc = get_path(m, m->r.ds, m->r.dx.w, HOSTFS_EXISTING, &from);
    if (rc == 0)
        rc = get_path(m, m->r.es, m->r.di.w, HOSTFS_PARENT, &to);
    if (rc == 0 && to.drive != from.drive)
        rc = DOS_ERR_NOT_SAME_DEVICE;
    else if (rc == 0 && (from.ro || to.exists || !from.last[0] || !to.last[0]))
        rc = DOS_ERR_ACCESS_DENIED;
    if (rc == 0)
        rc = hostfs_rename(&m->dos->fs, &from, &to);
    finish(m, rc);
}

/* INT 21h/57h  Get or set a file's date and time (RBIL INT 21/AX=5700h,
 * 5701h).
 * In:  AL = 00h get, 01h set (CX = time, DX = date); BX = handle.
 * Out: CF clear, CX = time, DX = date (get); or CF set, AX = 01h (bad AL),
 *      05h (set on a read-only drive), 06h (bad handle). Devices report the current time and ignore a set,
 *      as there is nothing to stamp. */
void dos_fn_file_time(struct machine *m)
{
    uint8_t sub = m->r.ax.l;
    if (sub != FTIME_GET && sub != FTIME_SET) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    struct dos_sft_entry *f = dos_handle_sft(m, m->r.bx.w);
    if (!f) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    bool disk = f->dev == DOS_DEV_NONE && f->host_fd >= 0;
    if (sub == FTIME_GET) {
        struct stat st;
        time_t t = time(NULL);
        if (disk && fstat(f->host_fd, &st) == 0)
            t = st.st_mtime;
        uint16_t date, tm;
        hostfs_dos_datetime(t, &date, &tm);
        m->r.cx.w = f->time_set ? f->set_time : tm;
        m->r.dx.w = f->time_set ? f->set_date : date;
        dos_ok(m);
        return;
    }
    /* RBIL INT 21/AX=5701h: kept until the file is closed (handle.c
     * stamps it then), so later writes do not replace it. */
    if (disk && m->dos->fs.drive[f->drive].ro) {
        dos_fail(m, DOS_ERR_ACCESS_DENIED); /* a read-only drive */
        return;
    }
    if (disk) {
        f->time_set = true;
        f->set_time = m->r.cx.w;
        f->set_date = m->r.dx.w;
    }
    dos_ok(m);
}
