/*
 * The Windows 95 long file name API, INT 21h/71xxh (RBIL INT 21/AX=7139h
 * ... 71A7h). Programs that ask for long names get the host's names
 * (hostfs/longname.c resolves them); everything else keeps seeing 8.3
 * names and aliases. AL picks the function; one vdm does not provide gets
 * MS-DOS 7's answer for "no long name support": AX = 7100h, CF set
 * (RBIL INT 21/AH=71h notes), which programs test before falling back.
 *
 * The directory searches (714Eh/714Fh/71A1h) live in dos/lfn_find.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dos/file.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "dos/lfn.h"
#include "hostfs/longname.h"
#include "hostfs/names.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define LFN_UNSUPPORTED 0x7100

/* 71A6h file information record (RBIL Table 01784, the Win32
 * BY_HANDLE_FILE_INFORMATION layout). */
#define FI_ATTR 0x00
#define FI_CTIME 0x04
#define FI_ATIME 0x0C
#define FI_MTIME 0x14
#define FI_SERIAL 0x1C
#define FI_SIZE_HI 0x20
#define FI_SIZE_LO 0x24
#define FI_LINKS 0x28
#define FI_INDEX_HI 0x2C
#define FI_INDEX_LO 0x30
#define FI_SIZE 0x34

static void lfn_unsupported(struct machine *m)
{
    m->r.ax.w = LFN_UNSUPPORTED;
    m->r.flags |= FLAG_CF;
}

void lfn_finish(struct machine *m, int rc)
{
    if (rc)
        dos_fail(m, (enum dos_error)rc);
    else
        dos_ok(m);
}

/* Read the ASCIZ long path at seg:off and resolve it. */
static int get_long(struct machine *m, uint16_t seg, uint16_t off, enum hostfs_want want,
                    struct hostfs_path *hp, char *long_path)
{
    char path[HOSTFS_LFN_PATH_MAX];
    if (mem_read_asciz(m, seg, off, path, sizeof path) < 0 || !path[0])
        return DOS_ERR_PATH_NOT_FOUND;
    return hostfs_resolve_long(&m->dos->fs, m->dos->cur_drive, path, want, hp, long_path);
}

void lfn_put_filetime(uint8_t *p, time_t t)
{
    uint64_t ft = (uint64_t)((int64_t)t + FILETIME_EPOCH_DIFF) * (uint64_t)FILETIME_PER_SEC;
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(ft >> (8 * i));
}

void lfn_put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* ---- Paths --------------------------------------------------------------- */

/* 7139h  Make directory: DS:DX -> long name. Errors as 39h. */
static void lfn_mkdir(struct machine *m)
{
    struct hostfs_path hp;
    int rc = get_long(m, m->r.ds, m->r.dx.w, HOSTFS_PARENT, &hp, NULL);
    if (!rc && (hp.exists || hp.ro))
        rc = DOS_ERR_ACCESS_DENIED;
    if (!rc && mkdir(hp.host, 0777) < 0)
        rc = hostfs_errno_to_dos(errno);
    lfn_finish(m, rc);
}

/* True when hp is the current directory of its drive (10h for rmdir). */
static bool is_cwd(struct machine *m, const struct hostfs_path *hp)
{
    return !strcmp(hp->dos + 3, m->dos->fs.drive[hp->drive].cwd);
}

/* 713Ah  Remove directory: DS:DX -> long name. Errors as 3Ah. */
static void lfn_rmdir(struct machine *m)
{
    struct hostfs_path hp;
    int rc = get_long(m, m->r.ds, m->r.dx.w, HOSTFS_EXISTING, &hp, NULL);
    if (rc == DOS_ERR_FILE_NOT_FOUND || (!rc && !hp.is_dir))
        rc = DOS_ERR_PATH_NOT_FOUND;
    if (!rc && (hp.ro || !hp.last[0]))
        rc = DOS_ERR_ACCESS_DENIED;
    if (!rc && is_cwd(m, &hp))
        rc = DOS_ERR_REMOVE_CURRENT_DIR;
    if (!rc && rmdir(hp.host) < 0)
        rc = errno == ENOTEMPTY || errno == EEXIST ? DOS_ERR_ACCESS_DENIED
                                                   : hostfs_errno_to_dos(errno);
    lfn_finish(m, rc);
}

/* 713Bh  Change directory: DS:DX -> long name. The current directory is
 * kept in 8.3 form, as MS-DOS 7 keeps it; 7147h gives it back long. */
static void lfn_chdir(struct machine *m)
{
    struct hostfs_path hp;
    int rc = get_long(m, m->r.ds, m->r.dx.w, HOSTFS_EXISTING, &hp, NULL);
    if (rc == DOS_ERR_FILE_NOT_FOUND || (!rc && !hp.is_dir))
        rc = DOS_ERR_PATH_NOT_FOUND;
    if (!rc)
        rc = hostfs_chdir(&m->dos->fs, m->dos->cur_drive, hp.dos);
    lfn_finish(m, rc);
}

/* Delete one file given by its long path; 0 or a DOS error. */
static int unlink_one(struct machine *m, const char *path)
{
    struct hostfs_path hp;
    struct hostfs_dirent e;
    int rc = hostfs_resolve_long(&m->dos->fs, m->dos->cur_drive, path, HOSTFS_EXISTING, &hp, NULL);
    if (!rc)
        rc = hostfs_stat(hp.host, &e);
    if (!rc && (hp.ro || hp.is_dir || (e.attr & HOSTFS_ATTR_READONLY)))
        rc = DOS_ERR_ACCESS_DENIED;
    if (!rc && unlink(hp.host) < 0)
        rc = hostfs_errno_to_dos(errno);
    return rc;
}

/* 7141h  Delete file: DS:DX -> long name; SI = 0: no wildcards, SI = 1:
 * wildcards allowed, CL = attributes allowed, CH = required (the files
 * matched as 714Eh matches them; directories are never deleted).
 * Errors 2 (nothing matched, or wildcards with SI = 0), 3, 5. */
static void lfn_unlink(struct machine *m)
{
    char path[HOSTFS_LFN_PATH_MAX];
    if (mem_read_asciz(m, m->r.ds, m->r.dx.w, path, sizeof path) < 0 || !path[0]) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    if (!strpbrk(path, "*?")) {
        lfn_finish(m, unlink_one(m, path));
        return;
    }
    if (m->r.si.w != 1) {
        dos_fail(m, DOS_ERR_FILE_NOT_FOUND);
        return;
    }
    struct lfn_search s = { 0 };
    int rc = lfn_search_fill(m, &s, path, m->r.cx.l & (uint8_t)~HOSTFS_ATTR_DIRECTORY, m->r.cx.h);
    if (!rc && s.n == 0)
        rc = DOS_ERR_FILE_NOT_FOUND;
    int dl = (int)lfn_dir_part_len(path);
    for (size_t i = 0; !rc && i < s.n; i++) {
        char one[HOSTFS_LFN_PATH_MAX];
        if ((size_t)snprintf(one, sizeof one, "%.*s%s", dl, path, s.v[i].host) < sizeof one)
            rc = unlink_one(m, one);
    }
    lfn_search_end(&s);
    lfn_finish(m, rc);
}

enum { ATTR_GET = 0, ATTR_SET, ATTR_PHYS_SIZE, ATTR_SET_WRITE, ATTR_GET_WRITE,
       ATTR_SET_ACCESS, ATTR_GET_ACCESS, ATTR_SET_CREATE, ATTR_GET_CREATE };

/* 7143h  Extended get/set attributes: DS:DX -> long name, BL = action:
 * 0 get (CX), 1 set (CX: read-only is the only one the host keeps), 2
 * physical size (DX:AX), 3 set write time (DI date, CX time), 4 get it,
 * 5 set access date (DI), 6 get it, 7 set creation (accepted, the host
 * has no creation time to set), 8 get creation (the host's change time;
 * SI = hundredths, 0). Errors 2, 3, 5, 1 (other BL). */
static void lfn_attrib(struct machine *m)
{
    uint8_t bl = m->r.bx.l;
    if (bl > ATTR_GET_CREATE) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    struct hostfs_path hp;
    struct stat st;
    int rc = get_long(m, m->r.ds, m->r.dx.w, HOSTFS_EXISTING, &hp, NULL);
    if (!rc && stat(hp.host, &st) < 0)
        rc = hostfs_errno_to_dos(errno);
    if (rc) {
        dos_fail(m, (enum dos_error)rc);
        return;
    }
    uint16_t date, tm;
    struct hostfs_dirent e;
    switch (bl) {
    case ATTR_GET:
        rc = hostfs_stat(hp.host, &e);
        m->r.cx.w = e.attr;
        break;
    case ATTR_SET:
        if (hp.ro || (m->r.cx.w & (HOSTFS_ATTR_VOLUME | HOSTFS_ATTR_DIRECTORY)))
            rc = DOS_ERR_ACCESS_DENIED;
        else
            rc = hostfs_set_readonly(hp.host, m->r.cx.w & HOSTFS_ATTR_READONLY);
        break;
    case ATTR_PHYS_SIZE: {
        uint64_t sz = (uint64_t)st.st_blocks * 512u;
        m->r.ax.w = (uint16_t)sz;
        m->r.dx.w = (uint16_t)(sz >> 16);
        break;
    }
    case ATTR_SET_WRITE:
    case ATTR_SET_ACCESS: {
        struct timespec ts[2] = { { .tv_nsec = UTIME_OMIT }, { .tv_nsec = UTIME_OMIT } };
        int which = bl == ATTR_SET_ACCESS ? 0 : 1;
        ts[which].tv_sec = hostfs_dos_to_time(m->r.di.w, bl == ATTR_SET_ACCESS ? 0 : m->r.cx.w);
        ts[which].tv_nsec = 0;
        if (hp.ro)
            rc = DOS_ERR_ACCESS_DENIED;
        else if (utimensat(AT_FDCWD, hp.host, ts, 0) < 0)
            rc = hostfs_errno_to_dos(errno);
        break;
    }
    case ATTR_GET_WRITE:
    case ATTR_GET_ACCESS:
    case ATTR_GET_CREATE:
        hostfs_dos_datetime(bl == ATTR_GET_WRITE ? st.st_mtime
                            : bl == ATTR_GET_ACCESS ? st.st_atime : st.st_ctime, &date, &tm);
        m->r.di.w = date;
        if (bl != ATTR_GET_ACCESS)
            m->r.cx.w = tm;
        if (bl == ATTR_GET_CREATE)
            m->r.si.w = 0;
        break;
    default: /* ATTR_SET_CREATE */
        break;
    }
    lfn_finish(m, rc);
}

/* 7147h  Get current directory, long form: DL = drive (0 = default),
 * DS:SI -> 261-byte buffer; no drive, no leading '\'. Error 0Fh. */
static void lfn_getcwd(struct machine *m)
{
    int drive = m->r.dx.l ? m->r.dx.l - 1 : m->dos->cur_drive;
    char root[4] = { (char)('A' + (drive < HOSTFS_DRIVES ? drive : 0)), ':', '.', 0 };
    struct hostfs_path hp;
    char lng[HOSTFS_LFN_PATH_MAX];
    if (drive >= HOSTFS_DRIVES || !m->dos->fs.drive[drive].mounted ||
        hostfs_resolve_long(&m->dos->fs, drive, root, HOSTFS_EXISTING, &hp, lng)) {
        dos_fail(m, DOS_ERR_INVALID_DRIVE);
        return;
    }
    if (!mem_write(m, mem_lin(m->r.ds, m->r.si.w), lng + 3, strlen(lng + 3) + 1)) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    dos_ok(m);
}

/* 7156h  Rename: DS:DX -> old long name, ES:DI -> new long name. Errors
 * as 56h: 2, 3, 5 (target exists, read-only drive), 11h (other drive). */
static void lfn_rename(struct machine *m)
{
    struct hostfs_path from, to;
    int rc = get_long(m, m->r.ds, m->r.dx.w, HOSTFS_EXISTING, &from, NULL);
    if (!rc)
        rc = get_long(m, m->r.es, m->r.di.w, HOSTFS_PARENT, &to, NULL);
    if (!rc && from.drive != to.drive)
        rc = DOS_ERR_NOT_SAME_DEVICE;
    /* A change of case only (same host file) is a rename too. */
    if (!rc && (from.ro || (to.exists && strcasecmp(from.host, to.host))))
        rc = DOS_ERR_ACCESS_DENIED;
    if (!rc && rename(from.host, to.host) < 0)
        rc = hostfs_errno_to_dos(errno);
    lfn_finish(m, rc);
}

enum { TRUENAME_FULL = 0, TRUENAME_SHORT = 1, TRUENAME_LONG = 2 };

/* 7160h  Truename: CL = 0 full path, 1 short (8.3) path, 2 long path;
 * DS:SI -> name, ES:DI -> 261-byte buffer. Errors 2, 3, 0Fh, 1 (bad CL).
 * CL = 0 gives the long form (MS-DOS 7 keeps each component as given). */
static void lfn_truename(struct machine *m)
{
    uint8_t cl = m->r.cx.l;
    if (cl > TRUENAME_LONG) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    struct hostfs_path hp;
    char lng[HOSTFS_LFN_PATH_MAX];
    int rc = get_long(m, m->r.ds, m->r.si.w,
                      cl == TRUENAME_SHORT ? HOSTFS_EXISTING : HOSTFS_PARENT, &hp, lng);
    if (rc) {
        dos_fail(m, (enum dos_error)rc);
        return;
    }
    const char *out = cl == TRUENAME_SHORT ? hp.dos : lng;
    if (!mem_write(m, mem_lin(m->r.es, m->r.di.w), out, strlen(out) + 1)) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    dos_ok(m);
}

/* ---- Open, volume, handle information, time ------------------------------ */

/* 716Ch  Extended open/create with a long name: BX = open mode, CX =
 * attributes, DX = action (as 6Ch), DS:SI -> long name, DI = alias hint
 * (ignored: the host keeps only the long name). Out: AX = handle, CX =
 * 1 opened, 2 created, 3 replaced; errors as 6Ch. A new file is made on
 * the host under its long name, then opened like an existing one. */
static void lfn_open(struct machine *m)
{
    uint8_t exists_act = m->r.dx.l & 0x0F, missing_act = m->r.dx.l >> 4;
    uint8_t mode = m->r.bx.l;
    if (exists_act > 2 || missing_act > 1) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    if ((mode & DOS_ACCESS_MASK) > DOS_ACCESS_RW) {
        dos_fail(m, DOS_ERR_INVALID_ACCESS);
        return;
    }
    struct hostfs_path hp;
    int rc = get_long(m, m->r.ds, m->r.si.w, HOSTFS_PARENT, &hp, NULL);
    if (!rc && hp.exists && exists_act == 0)
        rc = DOS_ERR_FILE_EXISTS;
    if (!rc && !hp.exists && missing_act == 0)
        rc = DOS_ERR_FILE_NOT_FOUND;
    if (!rc && !hp.exists && hp.ro)
        rc = DOS_ERR_ACCESS_DENIED;
    bool created = false;
    if (!rc && !hp.exists) {
        int fd = open(hp.host, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0)
            rc = hostfs_errno_to_dos(errno);
        else {
            close(fd);
            created = true;
            if (m->r.cx.w & HOSTFS_ATTR_READONLY)
                (void)hostfs_set_readonly(hp.host, true);
            rc = get_long(m, m->r.ds, m->r.si.w, HOSTFS_EXISTING, &hp, NULL);
        }
    }
    if (rc) {
        dos_fail(m, (enum dos_error)rc);
        return;
    }
    /* RBIL: the read-only attribute does not stop this handle writing. */
    struct dos_open_req rq = { .mode = created ? (uint8_t)((mode & ~DOS_ACCESS_MASK) | DOS_ACCESS_RW) : mode,
                               .truncate = !created && exists_act == 2 };
    if (created && (m->r.cx.w & HOSTFS_ATTR_READONLY))
        (void)hostfs_set_readonly(hp.host, false);
    int h = dos_open_path(m, hp.dos, &rq, NULL);
    if (created && (m->r.cx.w & HOSTFS_ATTR_READONLY))
        (void)hostfs_set_readonly(hp.host, true);
    if (h < 0) {
        if (created)
            unlink(hp.host);
        dos_fail(m, (enum dos_error)-h);
        return;
    }
    m->r.ax.w = (uint16_t)h;
    m->r.cx.w = created ? 2 : rq.truncate ? 3 : 1;
    dos_ok(m);
}

/* 71A0h  Volume information: DS:DX -> root ("C:\"), ES:DI -> buffer for
 * the file system name, CX = its size. Out: BX = flags (case preserved,
 * long names supported), CX = 255 (longest name), DX = 260 (longest
 * path), buffer = "FAT" (what Windows 95 says of its drives). Error 0Fh. */
#define VOL_CASE_PRESERVED 0x0002
#define VOL_LFN 0x4000
static void lfn_volume(struct machine *m)
{
    char root[HOSTFS_LFN_PATH_MAX];
    struct hostfs_path hp;
    if (mem_read_asciz(m, m->r.ds, m->r.dx.w, root, sizeof root) < 0 ||
        hostfs_resolve(&m->dos->fs, m->dos->cur_drive, root, HOSTFS_EXISTING, &hp)) {
        dos_fail(m, DOS_ERR_INVALID_DRIVE);
        return;
    }
    static const char fs_name[] = "FAT";
    if (m->r.cx.w >= sizeof fs_name)
        mem_write(m, mem_lin(m->r.es, m->r.di.w), fs_name, sizeof fs_name);
    m->r.bx.w = VOL_CASE_PRESERVED | VOL_LFN;
    m->r.cx.w = HOSTFS_LFN_MAX - 1;
    m->r.dx.w = HOSTFS_LFN_PATH_MAX - 1;
    dos_ok(m);
}

/* 71A6h  File information by handle: BX = handle, DS:DX -> 52-byte
 * record, CF set on entry. Errors 6, 1 (a device). */
static void lfn_file_info(struct machine *m)
{
    struct dos_sft_entry *e = dos_handle_sft(m, m->r.bx.w);
    struct stat st;
    if (!e) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    if (e->dev != DOS_DEV_NONE || fstat(e->host_fd, &st) < 0) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    uint8_t *p = mem_ptr(m, mem_lin(m->r.ds, m->r.dx.w), FI_SIZE);
    if (!p) {
        dos_fail(m, DOS_ERR_ACCESS_DENIED);
        return;
    }
    memset(p, 0, FI_SIZE);
    lfn_put32(p + FI_ATTR, (st.st_mode & S_IWUSR) ? HOSTFS_ATTR_ARCHIVE
                                               : HOSTFS_ATTR_ARCHIVE | HOSTFS_ATTR_READONLY);
    lfn_put_filetime(p + FI_CTIME, st.st_ctime);
    lfn_put_filetime(p + FI_ATIME, st.st_atime);
    lfn_put_filetime(p + FI_MTIME, st.st_mtime);
    lfn_put32(p + FI_SERIAL, (uint32_t)st.st_dev);
    lfn_put32(p + FI_SIZE_HI, (uint32_t)((uint64_t)st.st_size >> 32));
    lfn_put32(p + FI_SIZE_LO, (uint32_t)st.st_size);
    lfn_put32(p + FI_LINKS, (uint32_t)st.st_nlink);
    lfn_put32(p + FI_INDEX_HI, (uint32_t)((uint64_t)st.st_ino >> 32));
    lfn_put32(p + FI_INDEX_LO, (uint32_t)st.st_ino);
    dos_ok(m);
}

enum { TIME_FILETIME_TO_DOS = 0, TIME_DOS_TO_FILETIME = 1 };

/* 71A7h  Time conversion. BL = 0: DS:SI -> FILETIME; Out: CX = DOS time,
 * DX = DOS date, BH = hundredths past the even second. BL = 1: CX = time,
 * DX = date, BH = hundredths; Out: ES:DI -> FILETIME. Both in local time,
 * as DOS times are. Error 1 (other BL). */
static void lfn_time(struct machine *m)
{
    if (m->r.bx.l == TIME_FILETIME_TO_DOS) {
        uint8_t b[8];
        if (!mem_read(m, mem_lin(m->r.ds, m->r.si.w), b, sizeof b)) {
            dos_fail(m, DOS_ERR_ACCESS_DENIED);
            return;
        }
        uint64_t ft = 0;
        for (int i = 7; i >= 0; i--)
            ft = ft << 8 | b[i];
        int64_t secs = (int64_t)(ft / FILETIME_PER_SEC) - FILETIME_EPOCH_DIFF;
        uint16_t date, tm;
        hostfs_dos_datetime((time_t)secs, &date, &tm);
        m->r.cx.w = tm;
        m->r.dx.w = date;
        m->r.bx.h = (uint8_t)((secs & 1) * 100 + (ft % FILETIME_PER_SEC) / 100000);
        dos_ok(m);
    } else if (m->r.bx.l == TIME_DOS_TO_FILETIME) {
        time_t t = hostfs_dos_to_time(m->r.dx.w, m->r.cx.w) + m->r.bx.h / 100;
        uint8_t b[8];
        lfn_put_filetime(b, t);
        uint64_t ft = 0;
        for (int i = 7; i >= 0; i--)
            ft = ft << 8 | b[i];
        ft += (uint64_t)(m->r.bx.h % 100) * 100000u;
        for (int i = 0; i < 8; i++)
            b[i] = (uint8_t)(ft >> (8 * i));
        if (!mem_write(m, mem_lin(m->r.es, m->r.di.w), b, sizeof b)) {
            dos_fail(m, DOS_ERR_ACCESS_DENIED);
            return;
        }
        dos_ok(m);
    } else {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
    }
}

enum { SHORT_FCB = 0, SHORT_83 = 1 };

/* 71A8h  Generate short name: DS:SI -> long name (no path), ES:DI ->
 * buffer, DH = 0 for the 11-byte directory entry form, 1 for "NAME.EXT".
 * The short name is the one hostfs gives that host name (its 8.3 form,
 * or the alias with ~1: the directory is not consulted, as in MS-DOS 7).
 * Errors 1 (other DH), 3 (not a valid long name). */
static void lfn_short_name(struct machine *m)
{
    char name[HOSTFS_LFN_MAX], out[HOSTFS_NAME83];
    if (m->r.dx.h > SHORT_83) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    if (mem_read_asciz(m, m->r.ds, m->r.si.w, name, sizeof name) < 0 || !hostfs_lfn_valid(name)) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    if (!hostfs_host_is_83(name) || !hostfs_dos_canon(name, strlen(name), false, out))
        hostfs_alias(name, 1, out);
    uint32_t dst = mem_lin(m->r.es, m->r.di.w);
    bool ok;
    if (m->r.dx.h == SHORT_FCB) {
        char fcb[HOSTFS_FCB_NAME];
        hostfs_fcb_form(out, fcb);
        ok = mem_write(m, dst, fcb, sizeof fcb);
    } else {
        ok = mem_write(m, dst, out, strlen(out) + 1);
    }
    lfn_finish(m, ok ? 0 : DOS_ERR_ACCESS_DENIED);
}

/* The 71xxh functions by AL. */
static const struct dos_fn lfn_table[256] = {
    [0x39] = { "LFN mkdir", lfn_mkdir },
    [0x3A] = { "LFN rmdir", lfn_rmdir },
    [0x3B] = { "LFN chdir", lfn_chdir },
    [0x41] = { "LFN delete", lfn_unlink },
    [0x43] = { "LFN attributes", lfn_attrib },
    [0x47] = { "LFN get cwd", lfn_getcwd },
    [0x4E] = { "LFN find first", lfn_find_first },
    [0x4F] = { "LFN find next", lfn_find_next },
    [0x56] = { "LFN rename", lfn_rename },
    [0x60] = { "LFN truename", lfn_truename },
    [0x6C] = { "LFN open", lfn_open },
    [0xA0] = { "LFN volume info", lfn_volume },
    [0xA1] = { "LFN find close", lfn_find_close },
    [0xA6] = { "LFN file info", lfn_file_info },
    [0xA7] = { "LFN time conversion", lfn_time },
    [0xA8] = { "LFN short name", lfn_short_name },
};

/* INT 21h/71h  Long file name functions (RBIL INT 21/AH=71h): AL picks
 * one of the rows above; the rest (71A9h server open, 71AAh SUBST, 7142h
 * and 71A2h-71A5h) answer AX = 7100h, CF set: "not supported", what
 * MS-DOS 7 without long name support says. */
void dos_fn_lfn(struct machine *m)
{
    const struct dos_fn *f = &lfn_table[m->r.ax.l];
    if (!f->fn) {
        lfn_unsupported(m);
        return;
    }
    vdm_trace(m, TRACE_DOS, "  %s", f->name);
    f->fn(m);
}
