/*
 * Opening files and devices by name (INT 21h/3Ch create, 3Dh open), moving
 * the file position (42h) and IOCTL on handles (44h).
 *
 * Names become host paths through hostfs_resolve() only; this file never
 * builds a host path itself. Reserved device names (CON, NUL, AUX, PRN,
 * CLOCK$, COM1-4, LPT1-3) exist in every directory, with any extension,
 * as in MS-DOS: they open the device, never a host file of that name.
 * Host files are opened O_CLOEXEC, and I/O on them is unbuffered
 * (handle.c), so what a program wrote is on the host when INT 21h returns.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dos/console.h"
#include "dos/ems.h"
#include "dos/file.h"
#include "dos/handle.h"
#include "dos/share.h"
#include "dos/int21.h"
#include "dos/ioctl_ext.h"
#include "hostfs/hostfs.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* ---- Device names -------------------------------------------------------- */

struct dev_name {
    const char *name;
    enum dos_dev dev;
};

/* MS-DOS 5's built-in character devices (RBIL INT 21/AH=52h, "device
 * driver header" chain: NUL, CON, AUX, PRN, CLOCK$, COM1-4, LPT1-3). */
static const struct dev_name dev_names[] = {
    { "CON", DOS_DEV_CON },     { "NUL", DOS_DEV_NUL },     { "AUX", DOS_DEV_AUX },
    { "PRN", DOS_DEV_PRN },     { "CLOCK$", DOS_DEV_CLOCK }, { "COM1", DOS_DEV_AUX },
    { "COM2", DOS_DEV_AUX },    { "COM3", DOS_DEV_AUX },    { "COM4", DOS_DEV_AUX },
    { "LPT1", DOS_DEV_PRN },    { "LPT2", DOS_DEV_PRN },    { "LPT3", DOS_DEV_PRN },
};

/* The last component of a DOS path: what follows the last '\', '/' or ':'. */
static const char *last_component(const char *path)
{
    const char *last = path;
    for (const char *p = path; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            last = p + 1;
    return last;
}

/* The device a DOS path names, or NULL. Only the last component
 * counts, without its extension ("C:\TMP\NUL.TXT" is NUL); `has_dir` tells
 * whether a directory part came before it, which must then exist. */
static const struct dev_name *device_of(const char *path, bool *has_dir)
{
    const char *last = last_component(path);
    *has_dir = last != path;
    size_t len = strcspn(last, ".");
    for (size_t i = 0; i < sizeof dev_names / sizeof dev_names[0]; i++)
        if (strlen(dev_names[i].name) == len && strncasecmp(last, dev_names[i].name, len) == 0)
            return &dev_names[i];
    return NULL;
}

/* True when the last component of `path` names the EMS driver (which
 * exists only while it is installed: dos/ems.c). */
static bool ems_named(const struct machine *m, const char *path)
{
    const char *last = last_component(path);
    return dos_ems_is_device(m, last, strcspn(last, "."));
}

/* ---- Opening ------------------------------------------------------------- */

/* Take an SFT slot for a device or host fd and give it a handle.
 * Returns the handle or -DOS error; on error nothing is left behind (the
 * caller closes its fd). */
static int sft_install(struct machine *m, int fd, enum dos_dev dev, const struct dos_open_req *rq,
                       int drive, const char *name)
{
    if (!dos_jft_has_free(m))
        return -DOS_ERR_TOO_MANY_OPEN_FILES;
    int idx = dos_sft_alloc(m);
    if (idx < 0)
        return -DOS_ERR_TOO_MANY_OPEN_FILES;
    struct dos_sft_entry *e = &m->dos->sft[idx];
    memset(e, 0, sizeof *e);
    e->host_fd = fd;
    e->own_fd = fd >= 0;
    e->dev = dev;
    e->mode = rq->mode;
    e->attr = (uint8_t)rq->attr;
    e->drive = (uint8_t)drive;
    snprintf(e->name, sizeof e->name, "%s", name);
    return dos_jft_alloc(m, idx);
}

/* A device whose fd (maybe -1) the SFT entry does not own. */
static int sft_install_dev(struct machine *m, int fd, enum dos_dev dev,
                           const struct dos_open_req *rq, const char *name)
{
    int h = sft_install(m, fd, dev, rq, 0, name);
    if (h >= 0)
        m->dos->sft[dos_handle_sft_index(m, (uint16_t)h)].own_fd = false;
    return h;
}

/* True when the host file has no write permission left: DOS's read-only
 * attribute (hostfs maps the attribute to the write bits). */
static bool host_file_readonly(const struct hostfs *fs, const struct hostfs_path *hp)
{
    struct hostfs_dirent e;
    return hostfs_stat_at(fs, hp, &e) == 0 && (e.attr & HOSTFS_ATTR_READONLY);
}

/* Open or create the host file `hp` names. Returns the handle or -DOS
 * error. */
static int open_host_file(struct machine *m, const struct hostfs_path *hp,
                          const struct dos_open_req *rq)
{
    uint8_t access = rq->mode & DOS_ACCESS_MASK;
    bool creating = rq->create && !hp->exists;
    bool writing = creating || rq->truncate || access != DOS_ACCESS_READ;
    if (rq->excl && hp->exists)
        return -DOS_ERR_FILE_EXISTS;
    if (hp->exists && hp->is_dir)
        return -DOS_ERR_ACCESS_DENIED;
    if (writing && (hp->ro || (hp->exists && host_file_readonly(&m->dos->fs, hp))))
        return -DOS_ERR_ACCESS_DENIED;
    if (!dos_jft_has_free(m) || dos_sft_alloc(m) < 0)
        return -DOS_ERR_TOO_MANY_OPEN_FILES;

    /* The host fd is read/write whenever the host allows it, whatever the
     * DOS access mode (handle.c enforces that): record locks (lock.c) and
     * the sharing-mode locks (share.c) need a writable fd for F_WRLCK.
     * Truncation waits until the sharing check passed, so a refused open
     * leaves the file intact. Every open goes through the sandbox
     * (hostfs_open: beneath the drive's root). */
    int flags = O_NOCTTY | (creating ? O_CREAT : 0) | (rq->excl && creating ? O_EXCL : 0);
    int fd = -DOS_ERR_ACCESS_DENIED;
    if (!hp->ro)
        fd = hostfs_open(&m->dos->fs, hp, flags | O_RDWR, 0666);
    if (fd < 0 && !creating)
        fd = hostfs_open(&m->dos->fs, hp,
                         flags | (access == DOS_ACCESS_READ ? O_RDONLY
                                  : access == DOS_ACCESS_WRITE ? O_WRONLY : O_RDWR), 0666);
    if (fd < 0)
        return fd;
    int err = dos_share_acquire(fd, rq->mode);
    if (!err && rq->truncate && hp->exists && ftruncate(fd, 0) < 0)
        err = hostfs_errno_to_dos(errno);
    if (err) {
        close(fd);
        return -err;
    }
    /* RBIL INT 21/AH=3Ch: the new file gets attributes CX; read-only only
     * keeps others from writing, this handle stays read/write. */
    if (creating && (rq->attr & HOSTFS_ATTR_READONLY))
        (void)fchmod(fd, 0444);
    int h = sft_install(m, fd, DOS_DEV_NONE, rq, hp->drive, hp->last);
    if (h < 0)
        close(fd);
    return h;
}

int dos_open_path(struct machine *m, const char *path, const struct dos_open_req *rq,
                  bool *existed)
{
    struct dos_state *d = m->dos;
    struct hostfs_path hp;
    bool has_dir;
    const struct dev_name *dev = device_of(path, &has_dir);
    static const struct dev_name emm = { "EMMXXXX0", DOS_DEV_EMM };
    if (!dev && ems_named(m, path))
        dev = &emm;
    if (dev) {
        /* "DIR\NUL" exists exactly when DIR does (the classic IF EXIST
         * DIR\NUL test), so the directory part must resolve. */
        if (has_dir) {
            int err = hostfs_resolve(&d->fs, d->cur_drive, path, HOSTFS_PARENT, &hp);
            if (err)
                return -err;
        }
        if (existed)
            *existed = true;
        if (dev->dev == DOS_DEV_PRN) /* not owned: shared with handle 4 */
            return sft_install_dev(m, d->printer_fd, dev->dev, rq, dev->name);
        return sft_install(m, -1, dev->dev, rq, 0, dev->name);
    }
    int err = hostfs_resolve(&d->fs, d->cur_drive, path,
                             rq->create ? HOSTFS_PARENT : HOSTFS_EXISTING, &hp);
    if (err)
        return -err;
    if (existed)
        *existed = hp.exists;
    if (!hp.exists && !rq->create)
        return -DOS_ERR_FILE_NOT_FOUND;
    return open_host_file(m, &hp, rq);
}

/* Common tail of 3Ch and 3Dh: read DS:DX, open, report. */
static void open_fn(struct machine *m, const struct dos_open_req *rq)
{
    char path[HOSTFS_DOS_MAX];
    if (mem_read_asciz(m, m->r.ds, m->r.dx.w, path, sizeof path) < 0) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    int h = dos_open_path(m, path, rq, NULL);
    if (h < 0) {
        dos_fail(m, (enum dos_error)-h);
        return;
    }
    m->r.ax.w = (uint16_t)h;
    dos_ok(m);
}

/* INT 21h/3Ch  Create or truncate file (RBIL INT 21/AH=3Ch).
 * In:  CX = attributes (read-only, hidden, system, archive), DS:DX -> ASCIZ
 *      path.
 * Out: CF clear, AX = handle (opened read/write); or CF set, AX = 3 (path
 *      not found), 4 (too many open files), 5 (access denied: read-only
 *      drive or file, a directory of that name).
 * An existing file is cut to length 0. A device name opens the device. */
void dos_fn_create(struct machine *m)
{
    struct dos_open_req rq = { .mode = DOS_ACCESS_RW, .create = true, .truncate = true,
                              .attr = m->r.cx.w };
    open_fn(m, &rq);
}

/* INT 21h/3Dh  Open existing file (RBIL INT 21/AH=3Dh).
 * In:  AL = open mode (bits 0-2 access: 0 read, 1 write, 2 read/write;
 *      bits 4-6 sharing mode, enforced across vdm processes by share.c;
 *      bit 7 handle not inherited), DS:DX -> ASCIZ path.
 * Out: CF clear, AX = handle; or CF set, AX = 2, 3, 4, 5, 0Ch (invalid
 *      access mode) or 20h (sharing violation).
 * The mode is checked and the path resolved before a handle is taken, so
 * a failed open leaves the handle table untouched. */
void dos_fn_open(struct machine *m)
{
    struct dos_open_req rq = { .mode = m->r.ax.l };
    if ((rq.mode & DOS_ACCESS_MASK) > DOS_ACCESS_RW ||
        ((rq.mode & DOS_SHARE_MASK) >> DOS_SHARE_SHIFT) > DOS_SHARE_DENY_NONE) {
        dos_fail(m, DOS_ERR_INVALID_ACCESS);
        return;
    }
    open_fn(m, &rq);
}

/* ---- Position ------------------------------------------------------------ */

enum { SEEK_ORIGIN_START = 0, SEEK_ORIGIN_CURRENT = 1, SEEK_ORIGIN_END = 2 };

/* INT 21h/42h  Set current file position (RBIL INT 21/AH=42h).
 * In:  AL = origin (0 start, 1 current position, 2 end of file), BX =
 *      handle, CX:DX = offset (signed for origins 1 and 2).
 * Out: CF clear, DX:AX = new position; or CF set, AX = 1 (bad origin) or
 *      6 (invalid handle).
 * RBIL: for origins 1 and 2 the position may land before the start of the
 * file with no error; MS-DOS keeps it as a 32-bit value, so it wraps
 * (-1 is FFFFFFFFh), reads there find nothing and writes store nothing
 * (handle.c, DOS_FILE_SIZE_MAX). Devices and pipes have no position: 0. */
void dos_fn_lseek(struct machine *m)
{
    struct dos_sft_entry *e = dos_handle_sft(m, m->r.bx.w);
    if (!e) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    uint8_t origin = m->r.ax.l;
    if (origin > SEEK_ORIGIN_END) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    uint32_t off = ((uint32_t)m->r.cx.w << 16) | m->r.dx.w;
    uint32_t pos = 0;
    if (e->dev == DOS_DEV_NONE) {
        if (origin == SEEK_ORIGIN_START) {
            pos = off;
        } else if (origin == SEEK_ORIGIN_CURRENT) {
            pos = e->pos + off; /* modulo 2^32, as DOS's 32-bit pointer */
        } else {
            struct stat st;
            if (fstat(e->host_fd, &st) < 0) {
                dos_fail(m, hostfs_errno_to_dos(errno));
                return;
            }
            pos = (uint32_t)st.st_size + off;
        }
        e->pos = pos;
    }
    m->r.ax.w = (uint16_t)pos;
    m->r.dx.w = (uint16_t)(pos >> 16);
    dos_ok(m);
}

/* ---- IOCTL --------------------------------------------------------------- */

/* Device information word (RBIL INT 21/AX=4400h, table 01423). */
#define DEVINFO_STDIN 0x0001    /* device: console input */
#define DEVINFO_STDOUT 0x0002   /* device: console output */
#define DEVINFO_NUL 0x0004      /* device: NUL */
#define DEVINFO_CLOCK 0x0008    /* device: CLOCK$ */
#define DEVINFO_SPECIAL 0x0010  /* device: output through INT 29h */
#define DEVINFO_RAW 0x0020      /* device: raw (binary) mode */
#define DEVINFO_NOT_EOF 0x0040  /* device: input not at end of file */
#define DEVINFO_DEVICE 0x0080   /* set for devices, clear for files */
#define DEVINFO_CHARDEV 0x8000 /* device: DH is the high byte of the driver's
                                  attribute word, whose bit 15 marks a
                                  character device (RBIL 4400h notes) */
#define DEVINFO_DRIVE 0x003F    /* file: drive number, 0 = A: */
#define DEVINFO_CLEAN 0x0040    /* file: not written since opened */

/* AL of 4406h/4407h. */
#define IOCTL_READY 0xFF
#define IOCTL_NOT_READY 0x00

enum {
    IOCTL_GET_INFO = 0x00,
    IOCTL_SET_INFO = 0x01,
    IOCTL_IN_STATUS = 0x06,
    IOCTL_OUT_STATUS = 0x07,
    IOCTL_HANDLE_REMOTE = 0x0A,
};

/* 440Ah: DX bit 15 marks a handle on a network redirector. */
#define DEVINFO_REMOTE 0x8000

static uint16_t device_info(const struct dos_sft_entry *e)
{
    if (e->dev == DOS_DEV_NONE)
        return (uint16_t)((e->drive & DEVINFO_DRIVE) | (e->written ? 0 : DEVINFO_CLEAN));
    uint16_t info = DEVINFO_CHARDEV | DEVINFO_DEVICE | (e->raw ? DEVINFO_RAW : 0);
    switch (e->dev) {
    case DOS_DEV_CON:
    case DOS_DEV_STDERR:
        info |= DEVINFO_STDIN | DEVINFO_STDOUT | DEVINFO_SPECIAL;
        if (!e->eof_seen)
            info |= DEVINFO_NOT_EOF;
        break;
    case DOS_DEV_NUL:
        info |= DEVINFO_NUL; /* always at end of file */
        break;
    case DOS_DEV_CLOCK:
        info |= DEVINFO_CLOCK | DEVINFO_NOT_EOF;
        break;
    default:
        info |= DEVINFO_NOT_EOF;
        break;
    }
    return info;
}

/* 4406h: is input waiting? Files: until the position reaches the size.
 * Host streams: a byte read ahead by the console functions, else poll()
 * without waiting; once a read saw end of file, never again. */
static uint8_t input_status(struct machine *m, struct dos_sft_entry *e)
{
    if (e->dev == DOS_DEV_NONE) {
        struct stat st;
        if (fstat(e->host_fd, &st) < 0 || (off_t)e->pos >= st.st_size)
            return IOCTL_NOT_READY;
        return IOCTL_READY;
    }
    if (e->dev != DOS_DEV_CON && e->dev != DOS_DEV_STDERR)
        return IOCTL_NOT_READY; /* NUL and friends never have input */
    if (dos_con_keyboard(m, e))
        return dos_con_keyboard_ready(m) ? IOCTL_READY : IOCTL_NOT_READY;
    if (e->dev == DOS_DEV_CON && m->dos->con_pending >= 0)
        return IOCTL_READY;
    if (e->eof_seen)
        return IOCTL_NOT_READY;
    struct pollfd p = { .fd = e->host_fd >= 0 ? e->host_fd : STDIN_FILENO, .events = POLLIN };
    return poll(&p, 1, 0) == 1 && (p.revents & (POLLIN | POLLHUP)) ? IOCTL_READY
                                                                    : IOCTL_NOT_READY;
}

/* INT 21h/44h  IOCTL (RBIL INT 21/AH=44h), the subfunctions in AL:
 *   00h get device information: BX = handle; Out: DX = information word.
 *   01h set device information: BX = handle, DX = word (DH must be 0,
 *       else error 0Dh); only the raw bit is kept. On a file it changes
 *       nothing.
 *   06h input status: BX = handle; Out: AL = FFh ready, 00h not ready
 *       (files: 00h at end of file).
 *   07h output status: BX = handle; Out: AL = FFh (always ready).
 *   0Ah is handle remote: BX = handle; Out: DX = 00h's word, bit 15 clear.
 *   08h, 09h, 0Bh, 0Dh, 0Eh, 0Fh: the drive queries in ioctl_ext.c.
 * Out: CF clear; or CF set, AX = 1 (other subfunctions), 6 (bad handle).
 * The rest (control strings 02h-05h, 0Ch, 10h, 11h) fail with 1. */
void dos_fn_ioctl(struct machine *m)
{
    uint8_t fn = m->r.ax.l;
    if (dos_ioctl_ext(m))
        return;
    if (fn != IOCTL_GET_INFO && fn != IOCTL_HANDLE_REMOTE && fn != IOCTL_SET_INFO && fn != IOCTL_IN_STATUS &&
        fn != IOCTL_OUT_STATUS) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    struct dos_sft_entry *e = dos_handle_sft(m, m->r.bx.w);
    if (!e) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    switch (fn) {
    case IOCTL_GET_INFO:
        m->r.dx.w = device_info(e);
        break;
    case IOCTL_HANDLE_REMOTE:
        /* RBIL INT 21/AX=440Ah: the device information word, bit 15 set
         * for a remote handle; vdm's files are all local. */
        m->r.dx.w = device_info(e) & (uint16_t)~DEVINFO_REMOTE;
        break;
    case IOCTL_SET_INFO:
        if (m->r.dx.h != 0) {
            dos_fail(m, DOS_ERR_INVALID_DATA);
            return;
        }
        if (e->dev != DOS_DEV_NONE)
            e->raw = (m->r.dx.l & DEVINFO_RAW) != 0;
        break;
    case IOCTL_IN_STATUS:
        m->r.ax.l = input_status(m, e);
        break;
    default:
        m->r.ax.l = IOCTL_READY;
        break;
    }
    dos_ok(m);
}
