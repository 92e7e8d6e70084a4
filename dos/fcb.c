/*
 * The FCB file functions (see fcb.h for the layout and how an FCB finds
 * its open file).
 *
 * Records. A file opened by FCB is an array of records of the FCB's
 * record size (80h after open/create). Sequential functions (14h/15h)
 * work at record current_block * 128 + current_record and step it on;
 * random functions (21h/22h, 27h/28h) work at the random record field.
 * Data moves between the file and the DTA; a transfer that would run
 * past the end of the DTA's segment moves nothing (AL = 02h).
 *
 * Results come back in AL (00h ok, FFh failure for open/close/search/
 * delete/rename/create/size; 01h end of file or disk full, 02h segment
 * wrap, 03h partial record for the transfers), never with CF, as in
 * MS-DOS; the error is kept for INT 21h/59h.
 */
#include "dos/fcb.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dos/dos.h"
#include "dos/handle.h"
#include "hostfs/hostfs.h"
#include "hostfs/names.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define FCB_OK 0x00
#define FCB_FAIL 0xFF
#define FCB_EOF 0x01        /* transfers: end of file (read), disk full (write) */
#define FCB_WRAP 0x02       /* transfers: would run past the DTA's segment */
#define FCB_PARTIAL 0x03    /* reads: a last, partial record, zero-padded */

#define FCB_RECS_PER_BLOCK 128u
#define FCB_DEFAULT_REC_SIZE 0x80u
#define FCB_RAND_WIDE_LIMIT 64u /* record sizes below this use 4 random bytes */

/* Our state in the FCB's reserved bytes (18h-1Fh). Opened file: the SFT
 * index and a signature. Search (11h/12h): the search slot, a signature
 * and the slot's generation. */
#define FCB_R_SFT (FCB_RESERVED + 0)
#define FCB_R_SIG (FCB_RESERVED + 1)
#define FCB_R_SLOT (FCB_RESERVED + 2)
#define FCB_R_SSIG (FCB_RESERVED + 4)
#define FCB_R_GEN (FCB_RESERVED + 6)
#define FCB_SIG_OPEN 0xFC
#define FCB_SIG_SEARCH 0x6676 /* "vf" */

/* A directory entry as 11h/12h put it in the DTA (RBIL INT 21/AH=11h:
 * the drive byte, then the 32-byte directory entry). */
#define DIR_NAME 0x00
#define DIR_ATTR 0x0B
#define DIR_TIME 0x16
#define DIR_DATE 0x18
#define DIR_SIZE 0x1C
#define DIR_ENTRY_SIZE 0x20

/* Attributes an extended FCB may add to a search or delete. */
#define FCB_SEARCH_ATTRS (HOSTFS_ATTR_HIDDEN | HOSTFS_ATTR_SYSTEM | \
                          HOSTFS_ATTR_DIRECTORY | HOSTFS_ATTR_VOLUME)

/* The FCB a call names: DS:DX, looking past an extended FCB's header. */
struct fcb_ref {
    uint32_t lin;   /* the normal FCB */
    bool ext;       /* DS:DX was an extended FCB */
    uint8_t attr;   /* its attribute byte (0 for a normal FCB) */
};

static struct fcb_ref fcb_at(struct machine *m)
{
    uint32_t lin = mem_lin(m->r.ds, m->r.dx.w);
    struct fcb_ref f = { .lin = lin };
    if (mem_rd8(m, lin) == XFCB_FLAG) {
        f.ext = true;
        f.attr = mem_rd8(m, lin + XFCB_ATTR);
        f.lin = lin + XFCB_HEADER;
    }
    return f;
}

/* The drive an FCB names, 0 = A:. */
static int fcb_drive(struct machine *m, const struct fcb_ref *f)
{
    uint8_t d = mem_rd8(m, f->lin + FCB_DRIVE);
    return d ? d - 1 : m->dos->cur_drive;
}

/* Turn the 11-byte name at `name` into "X:NAME.EXT" (blanks dropped; '?'
 * kept for the searches). */
static void fcb_path_from(const uint8_t *name, int drive, char *out, size_t cap)
{
    char base[9], ext[4];
    unsigned nb = 0, ne = 0;
    for (unsigned i = 0; i < 8 && name[i] != ' '; i++)
        base[nb++] = (char)name[i];
    for (unsigned i = 8; i < 11 && name[i] != ' '; i++)
        ext[ne++] = (char)name[i];
    base[nb] = ext[ne] = 0;
    snprintf(out, cap, "%c:%s%s%s", 'A' + drive, base, ne ? "." : "", ext);
}

static void fcb_path(struct machine *m, const struct fcb_ref *f, char *out, size_t cap)
{
    uint8_t name[HOSTFS_FCB_NAME];
    memset(name, ' ', sizeof name); /* an FCB past 1 MiB names nothing */
    mem_read(m, f->lin + FCB_NAME, name, sizeof name);
    fcb_path_from(name, fcb_drive(m, f), out, cap);
}

static void set_al(struct machine *m, uint8_t al, enum dos_error err)
{
    m->r.ax.l = al;
    if (err)
        dos_set_ext_error(m, err);
}

/* ---- Open files ---------------------------------------------------------- */

/* The SFT index of the file the FCB has open, or -1. */
static int fcb_sft(struct machine *m, const struct fcb_ref *f)
{
    if (mem_rd8(m, f->lin + FCB_R_SIG) != FCB_SIG_OPEN)
        return -1;
    uint8_t idx = mem_rd8(m, f->lin + FCB_R_SFT);
    if (idx >= DOS_SFT_SIZE)
        return -1;
    const struct dos_sft_entry *e = &m->dos->sft[idx];
    if (e->refs == 0 || e->fcb_owner == 0 || e->dev != DOS_DEV_NONE)
        return -1;
    return idx;
}

/* Refresh the FCB's size, date and time from the host file. */
static void fcb_stat(struct machine *m, const struct fcb_ref *f, int fd)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return;
    uint16_t date, tm;
    hostfs_dos_datetime(st.st_mtime, &date, &tm);
    uint64_t size = (uint64_t)st.st_size;
    mem_wr32(m, f->lin + FCB_FILE_SIZE, size > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)size);
    mem_wr16(m, f->lin + FCB_DATE, date);
    mem_wr16(m, f->lin + FCB_TIME, tm);
}

/* The character devices' names (RBIL INT 21/AH=52h device chain). */
static const char *const fcb_devices[] = {
    "CON", "NUL", "AUX", "PRN", "CLOCK$", "COM1", "COM2", "COM3", "COM4",
    "LPT1", "LPT2", "LPT3",
};

/* True when the FCB's name part names a device (any extension). */
static bool fcb_is_device(struct machine *m, const struct fcb_ref *f)
{
    char base[9];
    memset(base, ' ', sizeof base);
    mem_read(m, f->lin + FCB_NAME, base, 8);
    unsigned n = 8;
    while (n && base[n - 1] == ' ')
        n--;
    base[n] = 0;
    for (size_t i = 0; i < sizeof fcb_devices / sizeof fcb_devices[0]; i++)
        if (strcmp(base, fcb_devices[i]) == 0)
            return true;
    return false;
}

/* Open (or, with `create`, create or truncate) the file the FCB names.
 * Returns 0 or a DOS error; on success the FCB is an opened FCB. */
static int fcb_open_file(struct machine *m, const struct fcb_ref *f, bool create)
{
    struct dos_state *d = m->dos;
    char path[HOSTFS_DOS_MAX];
    fcb_path(m, f, path, sizeof path);
    if (strpbrk(path, "?*"))
        return DOS_ERR_FILE_NOT_FOUND;
    /* Devices through FCBs are not provided: refuse rather than make a
     * host file called CON or PRN. */
    if (fcb_is_device(m, f))
        return DOS_ERR_ACCESS_DENIED;
    struct hostfs_path hp;
    int rc = hostfs_resolve(&d->fs, d->cur_drive, path,
                            create ? HOSTFS_PARENT : HOSTFS_EXISTING, &hp);
    if (rc)
        return rc;
    if (hp.exists && hp.is_dir)
        return DOS_ERR_ACCESS_DENIED;
    int idx = dos_sft_alloc(m);
    if (idx < 0)
        return DOS_ERR_TOO_MANY_OPEN_FILES;
    uint8_t mode = DOS_ACCESS_RW;
    int fd;
    if (create) {
        /* As 3Ch: a read-only drive, or an existing read-only file (by
         * its attribute: root could write it), is not truncated. */
        struct hostfs_dirent old;
        if (hp.ro || (hp.exists && hostfs_stat(hp.host, &old) == 0 &&
                      (old.attr & HOSTFS_ATTR_READONLY)))
            return DOS_ERR_ACCESS_DENIED;
        fd = open(hp.host, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0666);
        if (fd >= 0 && (f->attr & HOSTFS_ATTR_READONLY))
            (void)fchmod(fd, 0444);
    } else {
        /* MS-DOS opens FCBs read/write; a read-only file or drive still
         * opens, for reading (writes then fail with AL = 01h). The
         * attribute is what counts, not whether the host would let us
         * write (it would, to root). */
        struct hostfs_dirent de;
        bool ro_file = hostfs_stat(hp.host, &de) == 0 && (de.attr & HOSTFS_ATTR_READONLY);
        fd = hp.ro || ro_file ? -1 : open(hp.host, O_RDWR | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            mode = DOS_ACCESS_READ;
            fd = open(hp.host, O_RDONLY | O_CLOEXEC | O_NOCTTY);
        }
    }
    if (fd < 0)
        return hostfs_errno_to_dos(errno);

    struct dos_sft_entry *e = &d->sft[idx];
    memset(e, 0, sizeof *e);
    e->refs = 1;
    e->host_fd = fd;
    e->own_fd = true;
    e->dev = DOS_DEV_NONE;
    e->mode = mode;
    e->drive = (uint8_t)hp.drive;
    e->fcb_owner = d->cur_psp;
    snprintf(e->name, sizeof e->name, "%s", hp.last);

    mem_wr8(m, f->lin + FCB_DRIVE, (uint8_t)(hp.drive + 1));
    mem_wr16(m, f->lin + FCB_CUR_BLOCK, 0);
    mem_wr16(m, f->lin + FCB_REC_SIZE, FCB_DEFAULT_REC_SIZE);
    mem_wr8(m, f->lin + FCB_R_SFT, (uint8_t)idx);
    mem_wr8(m, f->lin + FCB_R_SIG, FCB_SIG_OPEN);
    fcb_stat(m, f, fd);
    return 0;
}

void dos_fcb_close_all(struct machine *m, uint16_t psp)
{
    for (int i = 0; i < DOS_SFT_SIZE; i++) {
        struct dos_sft_entry *e = &m->dos->sft[i];
        if (e->refs > 0 && e->fcb_owner == psp) {
            e->fcb_owner = 0;
            dos_sft_release(m, i);
        }
    }
}

/* INT 21h/0Fh  Open file using FCB (RBIL INT 21/AH=0Fh).
 * In:  DS:DX -> unopened FCB (or extended FCB).
 * Out: AL = 00h, the FCB filled in: drive (1 = A:), current block 0,
 *      record size 80h, file size, date and time; or AL = FFh (not found,
 *      wildcards, no free SFT entry). */
void dos_fn_fcb_open(struct machine *m)
{
    struct fcb_ref f = fcb_at(m);
    int rc = fcb_open_file(m, &f, false);
    set_al(m, rc ? FCB_FAIL : FCB_OK, rc);
}

/* INT 21h/16h  Create or truncate file using FCB (RBIL INT 21/AH=16h).
 * In:  DS:DX -> unopened FCB; an extended FCB gives the attribute.
 * Out: AL = 00h, the FCB opened as by 0Fh; or AL = FFh (no room, bad
 *      path, read-only drive, a directory of that name). */
void dos_fn_fcb_create(struct machine *m)
{
    struct fcb_ref f = fcb_at(m);
    int rc = fcb_open_file(m, &f, true);
    set_al(m, rc ? FCB_FAIL : FCB_OK, rc);
}

/* INT 21h/10h  Close file using FCB (RBIL INT 21/AH=10h).
 * In:  DS:DX -> opened FCB.
 * Out: AL = 00h; or AL = FFh (the FCB holds no open file). The host
 *      file's size and time are the truth; the FCB is refreshed from them. */
void dos_fn_fcb_close(struct machine *m)
{
    struct fcb_ref f = fcb_at(m);
    int idx = fcb_sft(m, &f);
    if (idx < 0) {
        set_al(m, FCB_FAIL, DOS_ERR_INVALID_HANDLE);
        return;
    }
    fcb_stat(m, &f, m->dos->sft[idx].host_fd);
    m->dos->sft[idx].fcb_owner = 0;
    dos_sft_release(m, idx);
    mem_wr8(m, f.lin + FCB_R_SIG, 0);
    set_al(m, FCB_OK, 0);
}

/* ---- Record transfers ---------------------------------------------------- */

static uint16_t fcb_rec_size(struct machine *m, const struct fcb_ref *f)
{
    uint16_t rs = mem_rd16(m, f->lin + FCB_REC_SIZE);
    if (rs == 0) {
        rs = FCB_DEFAULT_REC_SIZE; /* MS-DOS substitutes 80h for 0 */
        mem_wr16(m, f->lin + FCB_REC_SIZE, rs);
    }
    return rs;
}

static uint32_t fcb_get_rand(struct machine *m, const struct fcb_ref *f, uint16_t rs)
{
    uint32_t r = mem_rd32(m, f->lin + FCB_RAND_REC);
    return rs < FCB_RAND_WIDE_LIMIT ? r : r & 0xFFFFFFu;
}

static void fcb_put_rand(struct machine *m, const struct fcb_ref *f, uint16_t rs, uint32_t r)
{
    if (rs < FCB_RAND_WIDE_LIMIT) {
        mem_wr32(m, f->lin + FCB_RAND_REC, r);
    } else {
        mem_wr16(m, f->lin + FCB_RAND_REC, (uint16_t)r);
        mem_wr8(m, f->lin + FCB_RAND_REC + 2, (uint8_t)(r >> 16));
    }
}

static uint32_t fcb_get_seq(struct machine *m, const struct fcb_ref *f)
{
    return mem_rd16(m, f->lin + FCB_CUR_BLOCK) * FCB_RECS_PER_BLOCK +
           mem_rd8(m, f->lin + FCB_CUR_REC);
}

static void fcb_put_seq(struct machine *m, const struct fcb_ref *f, uint32_t rec)
{
    mem_wr16(m, f->lin + FCB_CUR_BLOCK, (uint16_t)(rec / FCB_RECS_PER_BLOCK));
    mem_wr8(m, f->lin + FCB_CUR_REC, (uint8_t)(rec % FCB_RECS_PER_BLOCK));
}

/* Move `count` records starting at record `rec` between the file and the
 * DTA. Returns the AL status; *done = records moved (a zero-padded partial
 * record counts). count 0 on a write sets the file's size to rec * size
 * (28h with CX = 0). */
static uint8_t fcb_transfer(struct machine *m, const struct fcb_ref *f, uint32_t rec,
                            uint16_t count, bool write, uint16_t *done)
{
    *done = 0;
    int idx = fcb_sft(m, f);
    if (idx < 0) {
        dos_set_ext_error(m, DOS_ERR_INVALID_HANDLE);
        return FCB_EOF;
    }
    struct dos_sft_entry *e = &m->dos->sft[idx];
    uint16_t rs = fcb_rec_size(m, f);
    uint64_t pos = (uint64_t)rec * rs;
    uint32_t bytes = (uint32_t)count * rs;
    if ((uint32_t)m->dos->dta_off + bytes > 0x10000u)
        return FCB_WRAP;
    uint8_t *dta = mem_ptr(m, mem_lin(m->dos->dta_seg, m->dos->dta_off), bytes);
    if (!dta && bytes)
        return FCB_WRAP;

    if (write) {
        if ((e->mode & DOS_ACCESS_MASK) == DOS_ACCESS_READ || pos + bytes > DOS_FILE_SIZE_MAX) {
            dos_set_ext_error(m, DOS_ERR_ACCESS_DENIED);
            return FCB_EOF;
        }
        e->written = true;
        if (count == 0) {
            if (ftruncate(e->host_fd, (off_t)pos) != 0)
                return FCB_EOF;
        } else {
            uint32_t put = 0;
            while (put < bytes) {
                ssize_t r = pwrite(e->host_fd, dta + put, bytes - put, (off_t)(pos + put));
                if (r < 0 && errno == EINTR)
                    continue;
                if (r <= 0)
                    break;
                put += (uint32_t)r;
            }
            *done = (uint16_t)(put / rs);
            if (put < bytes) {
                fcb_stat(m, f, e->host_fd);
                return FCB_EOF; /* disk full */
            }
        }
        fcb_stat(m, f, e->host_fd);
        return FCB_OK;
    }

    uint32_t got = 0;
    while (got < bytes) {
        ssize_t r = pread(e->host_fd, dta + got, bytes - got, (off_t)(pos + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (uint32_t)r;
    }
    *done = (uint16_t)(got / rs);
    if (got == bytes)
        return FCB_OK;
    if (got % rs) {
        /* RBIL INT 21/AH=14h: a partial last record is padded with zeros. */
        uint32_t end = (*done + 1u) * rs;
        memset(dta + got, 0, end - got);
        (*done)++;
        return FCB_PARTIAL;
    }
    return FCB_EOF;
}

/* 14h/15h: one record at the current block/record, which then advances. */
static void fcb_sequential(struct machine *m, bool write)
{
    struct fcb_ref f = fcb_at(m);
    uint32_t rec = fcb_get_seq(m, &f);
    uint16_t done;
    uint8_t st = fcb_transfer(m, &f, rec, 1, write, &done);
    if (done)
        fcb_put_seq(m, &f, rec + 1);
    m->r.ax.l = st;
}

/* INT 21h/14h  Sequential read (RBIL INT 21/AH=14h).
 * In:  DS:DX -> opened FCB.
 * Out: AL = 00h (record read into the DTA), 01h (end of file, nothing
 *      read), 02h (DTA segment wrap), 03h (partial record, zero-padded);
 *      the current block/record advance when a record was read. */
void dos_fn_fcb_seq_read(struct machine *m)
{
    fcb_sequential(m, false);
}

/* INT 21h/15h  Sequential write (RBIL INT 21/AH=15h).
 * In:  DS:DX -> opened FCB; the record is in the DTA.
 * Out: AL = 00h, 01h (disk full, or the file is read-only), 02h (wrap). */
void dos_fn_fcb_seq_write(struct machine *m)
{
    fcb_sequential(m, true);
}

/* 21h/22h: one record at the random record; the current block/record
 * are set to it and the random record stays. */
static void fcb_random(struct machine *m, bool write)
{
    struct fcb_ref f = fcb_at(m);
    uint16_t rs = fcb_rec_size(m, &f);
    uint32_t rec = fcb_get_rand(m, &f, rs);
    fcb_put_seq(m, &f, rec);
    uint16_t done;
    m->r.ax.l = fcb_transfer(m, &f, rec, 1, write, &done);
}

/* INT 21h/21h  Random read (RBIL INT 21/AH=21h).
 * In:  DS:DX -> opened FCB with the random record field set.
 * Out: AL as for 14h; current block/record = the random record. */
void dos_fn_fcb_rand_read(struct machine *m)
{
    fcb_random(m, false);
}

/* INT 21h/22h  Random write (RBIL INT 21/AH=22h).
 * In:  DS:DX -> opened FCB with the random record field set.
 * Out: AL as for 15h. */
void dos_fn_fcb_rand_write(struct machine *m)
{
    fcb_random(m, true);
}

/* 27h/28h: CX records from the random record, which then advances by the
 * records moved, as do the current block/record. */
static void fcb_block(struct machine *m, bool write)
{
    struct fcb_ref f = fcb_at(m);
    uint16_t rs = fcb_rec_size(m, &f);
    uint32_t rec = fcb_get_rand(m, &f, rs);
    uint16_t done;
    uint8_t st = fcb_transfer(m, &f, rec, m->r.cx.w, write, &done);
    fcb_put_rand(m, &f, rs, rec + done);
    fcb_put_seq(m, &f, rec + done);
    m->r.cx.w = done;
    m->r.ax.l = st;
}

/* INT 21h/27h  Random block read (RBIL INT 21/AH=27h).
 * In:  DS:DX -> opened FCB, CX = records to read.
 * Out: AL as for 14h, CX = records read (a partial one included); the
 *      random record and current block/record move past them. */
void dos_fn_fcb_block_read(struct machine *m)
{
    fcb_block(m, false);
}

/* INT 21h/28h  Random block write (RBIL INT 21/AH=28h).
 * In:  DS:DX -> opened FCB, CX = records to write; CX = 0 sets the
 *      file's size to random record * record size instead.
 * Out: AL = 00h, 01h (disk full), 02h (wrap); CX = records written. */
void dos_fn_fcb_block_write(struct machine *m)
{
    fcb_block(m, true);
}

/* INT 21h/24h  Set random record number (RBIL INT 21/AH=24h).
 * In:  DS:DX -> opened FCB.
 * Out: the random record field = current block * 128 + current record. */
void dos_fn_fcb_set_rand(struct machine *m)
{
    struct fcb_ref f = fcb_at(m);
    uint16_t rs = fcb_rec_size(m, &f);
    fcb_put_rand(m, &f, rs, fcb_get_seq(m, &f));
    m->r.ax.l = FCB_OK;
}

/* INT 21h/23h  Get file size in records (RBIL INT 21/AH=23h).
 * In:  DS:DX -> unopened FCB with the record size field set.
 * Out: AL = 00h, the random record field = size / record size rounded
 *      up; or AL = FFh (no such file). A record size of 0 counts as 80h. */
void dos_fn_fcb_file_size(struct machine *m)
{
    struct fcb_ref f = fcb_at(m);
    char path[HOSTFS_DOS_MAX];
    fcb_path(m, &f, path, sizeof path);
    struct hostfs_path hp;
    struct hostfs_dirent de;
    int rc = strpbrk(path, "?*") ? DOS_ERR_FILE_NOT_FOUND
           : hostfs_resolve(&m->dos->fs, m->dos->cur_drive, path, HOSTFS_EXISTING, &hp);
    if (rc == 0 && hp.is_dir)
        rc = DOS_ERR_FILE_NOT_FOUND;
    if (rc == 0)
        rc = hostfs_stat(hp.host, &de);
    if (rc) {
        set_al(m, FCB_FAIL, rc);
        return;
    }
    uint16_t rs = fcb_rec_size(m, &f);
    fcb_put_rand(m, &f, rs, (uint32_t)((de.size + (uint64_t)rs - 1) / rs));
    set_al(m, FCB_OK, 0);
}

/* ---- Searches, delete, rename ------------------------------------------- */

/* The search attribute an FCB call uses: normal files, plus what an
 * extended FCB asks for. */
static uint8_t fcb_search_attr(const struct fcb_ref *f)
{
    return f->ext ? (uint8_t)(f->attr & FCB_SEARCH_ATTRS) : 0;
}

/* Put one found entry in the DTA as 11h/12h return it. */
static void fcb_dta_entry(struct machine *m, const struct fcb_ref *f, int drive,
                          const struct hostfs_dirent *e)
{
    uint32_t dta = mem_lin(m->dos->dta_seg, m->dos->dta_off);
    uint32_t size = (f->ext ? XFCB_HEADER : 0) + 1 + DIR_ENTRY_SIZE;
    uint8_t *p = mem_ptr(m, dta, size);
    if (!p)
        return;
    memset(p, 0, size);
    if (f->ext) {
        p[0] = XFCB_FLAG;
        p[XFCB_ATTR] = e->attr;
        p += XFCB_HEADER;
    }
    p[0] = (uint8_t)(drive + 1);
    uint8_t *dir = p + 1;
    char fcbname[HOSTFS_FCB_NAME];
    hostfs_fcb_form(e->name, fcbname);
    memcpy(dir + DIR_NAME, fcbname, sizeof fcbname);
    dir[DIR_ATTR] = e->attr;
    dir[DIR_TIME] = (uint8_t)e->time;
    dir[DIR_TIME + 1] = (uint8_t)(e->time >> 8);
    dir[DIR_DATE] = (uint8_t)e->date;
    dir[DIR_DATE + 1] = (uint8_t)(e->date >> 8);
    for (unsigned i = 0; i < 4; i++)
        dir[DIR_SIZE + i] = (uint8_t)(e->size >> (8 * i));
}

/* INT 21h/11h  Find first matching file using FCB (RBIL INT 21/AH=11h).
 * In:  DS:DX -> unopened FCB, '?' as wildcards; an extended FCB adds
 *      hidden, system, directory or volume entries to the search.
 * Out: AL = 00h, the DTA holds an unopened FCB for the match (drive byte
 *      and directory entry, behind an extended header when the call used
 *      one); or AL = FFh (no match). The search state is kept in the
 *      FCB's reserved bytes for 12h. */
void dos_fn_fcb_find_first(struct machine *m)
{
    struct dos_state *d = m->dos;
    struct fcb_ref f = fcb_at(m);
    char path[HOSTFS_DOS_MAX];
    fcb_path(m, &f, path, sizeof path);
    unsigned slot = d->next_search;
    d->next_search = (slot + 1) % DOS_MAX_SEARCHES;
    struct hostfs_search *s = &d->searches[slot];
    s->gen++;
    struct hostfs_dirent e;
    int rc = hostfs_find_first(&d->fs, d->cur_drive, path, fcb_search_attr(&f), s, &e);
    if (rc) {
        set_al(m, FCB_FAIL, rc);
        return;
    }
    mem_wr16(m, f.lin + FCB_R_SLOT, (uint16_t)slot);
    mem_wr16(m, f.lin + FCB_R_SSIG, FCB_SIG_SEARCH);
    mem_wr16(m, f.lin + FCB_R_GEN, s->gen);
    fcb_dta_entry(m, &f, s->drive, &e);
    set_al(m, FCB_OK, 0);
}

/* INT 21h/12h  Find next matching file using FCB (RBIL INT 21/AH=12h).
 * In:  DS:DX -> the FCB 11h was given.
 * Out: AL = 00h and the next match in the DTA; or AL = FFh (no more, or
 *      the FCB holds no search). */
void dos_fn_fcb_find_next(struct machine *m)
{
    struct dos_state *d = m->dos;
    struct fcb_ref f = fcb_at(m);
    unsigned slot = mem_rd16(m, f.lin + FCB_R_SLOT);
    if (mem_rd16(m, f.lin + FCB_R_SSIG) != FCB_SIG_SEARCH || slot >= DOS_MAX_SEARCHES ||
        d->searches[slot].gen != mem_rd16(m, f.lin + FCB_R_GEN)) {
        set_al(m, FCB_FAIL, DOS_ERR_NO_MORE_FILES);
        return;
    }
    struct hostfs_dirent e;
    int rc = hostfs_find_next(&d->searches[slot], &e);
    if (rc) {
        set_al(m, FCB_FAIL, rc);
        return;
    }
    fcb_dta_entry(m, &f, d->searches[slot].drive, &e);
    set_al(m, FCB_OK, 0);
}

/* Resolve "X:NAME.EXT" for one match of a wildcard search. */
static int fcb_resolve_match(struct machine *m, int drive, const char *name,
                             enum hostfs_want want, struct hostfs_path *hp)
{
    char path[HOSTFS_DOS_MAX];
    snprintf(path, sizeof path, "%c:%s", 'A' + drive, name);
    return hostfs_resolve(&m->dos->fs, m->dos->cur_drive, path, want, hp);
}

/* INT 21h/13h  Delete files using FCB (RBIL INT 21/AH=13h).
 * In:  DS:DX -> unopened FCB, '?' wildcards allowed.
 * Out: AL = 00h when at least one file was deleted; AL = FFh when none
 *      matched or none could be deleted. Read-only files and directories
 *      are left alone. */
void dos_fn_fcb_delete(struct machine *m)
{
    struct dos_state *d = m->dos;
    struct fcb_ref f = fcb_at(m);
    char path[HOSTFS_DOS_MAX];
    fcb_path(m, &f, path, sizeof path);
    struct hostfs_search s = { 0 };
    struct hostfs_dirent e;
    uint8_t attr = fcb_search_attr(&f) & (HOSTFS_ATTR_HIDDEN | HOSTFS_ATTR_SYSTEM);
    int rc = hostfs_find_first(&d->fs, d->cur_drive, path, attr, &s, &e);
    unsigned deleted = 0;
    int err = rc ? rc : DOS_ERR_ACCESS_DENIED;
    while (rc == 0) {
        struct hostfs_path hp;
        if (!(e.attr & (HOSTFS_ATTR_READONLY | HOSTFS_ATTR_DIRECTORY)) &&
            fcb_resolve_match(m, s.drive, e.name, HOSTFS_EXISTING, &hp) == 0 && !hp.ro &&
            unlink(hp.host) == 0)
            deleted++;
        rc = hostfs_find_next(&s, &e);
    }
    hostfs_search_end(&s);
    set_al(m, deleted ? FCB_OK : FCB_FAIL, deleted ? 0 : err);
}

/* INT 21h/17h  Rename files using FCB (RBIL INT 21/AH=17h).
 * In:  DS:DX -> modified FCB: old name at 01h, new name at 11h. '?' in
 *      the old name matches any character; '?' in the new name keeps the
 *      old name's character at that place ("*.BAK" renames every file's
 *      extension).
 * Out: AL = 00h when every match was renamed; AL = FFh when nothing
 *      matched, or a new name already exists (renaming stops there). */
void dos_fn_fcb_rename(struct machine *m)
{
    struct dos_state *d = m->dos;
    struct fcb_ref f = fcb_at(m);
    char path[HOSTFS_DOS_MAX];
    fcb_path(m, &f, path, sizeof path);
    uint8_t tmpl[HOSTFS_FCB_NAME];
    memset(tmpl, ' ', sizeof tmpl);
    mem_read(m, f.lin + FCB_NEW_NAME, tmpl, sizeof tmpl);
    struct hostfs_search s = { 0 };
    struct hostfs_dirent e;
    uint8_t attr = fcb_search_attr(&f) & (HOSTFS_ATTR_HIDDEN | HOSTFS_ATTR_SYSTEM);
    int rc = hostfs_find_first(&d->fs, d->cur_drive, path, attr, &s, &e);
    int err = rc;
    while (rc == 0) {
        char old[HOSTFS_FCB_NAME];
        hostfs_fcb_form(e.name, old);
        uint8_t neu[HOSTFS_FCB_NAME];
        for (unsigned i = 0; i < HOSTFS_FCB_NAME; i++)
            neu[i] = tmpl[i] == '?' ? (uint8_t)old[i] : tmpl[i];
        char newpath[HOSTFS_DOS_MAX];
        fcb_path_from(neu, s.drive, newpath, sizeof newpath);
        struct hostfs_path from, to;
        err = fcb_resolve_match(m, s.drive, e.name, HOSTFS_EXISTING, &from);
        if (!err)
            err = hostfs_resolve(&d->fs, d->cur_drive, newpath, HOSTFS_PARENT, &to);
        if (!err && (from.ro || (to.exists && strcmp(from.host, to.host) != 0)))
            err = DOS_ERR_ACCESS_DENIED;
        if (!err && rename(from.host, to.host) != 0)
            err = hostfs_errno_to_dos(errno);
        if (err)
            break;
        rc = hostfs_find_next(&s, &e);
    }
    hostfs_search_end(&s);
    set_al(m, err ? FCB_FAIL : FCB_OK, err);
}
