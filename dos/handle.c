/*
 * Handles, the JFT and the SFT (see handle.h). Host I/O is unbuffered on
 * our side (plain read/write on the fd), so whatever a DOS program wrote
 * is in the host file the moment INT 21h returns, and nothing is lost
 * however vdm ends.
 *
 * A disk file's position is the SFT entry's `pos`, not the host fd's
 * offset (pread/pwrite): handles that share the entry (45h, 46h, EXEC)
 * share the position as in MS-DOS, and a position seeked "before the
 * start" (RBIL INT 21/AH=42h) needs nothing from the host. Host streams
 * (handles 0-2: ttys, pipes, redirected files) keep their own offset.
 */
#include "dos/handle.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bios/bios.h"
#include "dos/console.h"
#include "dos/psp.h"
#include "dos/share.h"
#include "hostfs/hostfs.h"
#include "vdm/display.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

static void sft_set(struct dos_sft_entry *e, int fd, enum dos_dev dev, const char *name)
{
    memset(e, 0, sizeof *e);
    e->refs = 0;
    e->host_fd = fd;
    e->own_fd = false;
    e->dev = dev;
    e->mode = DOS_ACCESS_RW;
    strncpy(e->name, name, sizeof e->name - 1);
}

void dos_sft_init(struct machine *m)
{
    struct dos_state *d = m->dos;
    for (int i = 0; i < DOS_SFT_SIZE; i++)
        d->sft[i].host_fd = -1;
    sft_set(&d->sft[DOS_STDIN], 0, DOS_DEV_CON, "CON");
    sft_set(&d->sft[DOS_STDOUT], 1, DOS_DEV_CON, "CON");
    sft_set(&d->sft[DOS_STDERR], 2, DOS_DEV_STDERR, "CON");
    sft_set(&d->sft[DOS_STDAUX], -1, DOS_DEV_AUX, "AUX");
    sft_set(&d->sft[DOS_STDPRN], -1, DOS_DEV_PRN, "PRN");
}

/* The linear address of the current PSP's JFT and its size. */
static uint32_t jft_lin(struct machine *m, uint16_t psp, uint16_t *size)
{
    uint32_t p = mem_lin(psp, 0);
    *size = mem_rd16(m, p + PSP_JFT_SIZE);
    return mem_lin(mem_rd16(m, p + PSP_JFT_PTR + 2), mem_rd16(m, p + PSP_JFT_PTR));
}

int dos_handle_sft_index(struct machine *m, uint16_t h)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, m->dos->cur_psp, &size);
    if (h >= size)
        return -1;
    uint8_t idx = mem_rd8(m, jft + h);
    if (idx >= DOS_SFT_SIZE || m->dos->sft[idx].refs == 0)
        return -1;
    return idx;
}

struct dos_sft_entry *dos_handle_sft(struct machine *m, uint16_t h)
{
    int idx = dos_handle_sft_index(m, h);
    return idx < 0 ? NULL : &m->dos->sft[idx];
}

int dos_sft_alloc(struct machine *m)
{
    for (int i = 0; i < DOS_SFT_SIZE; i++)
        if (m->dos->sft[i].refs == 0)
            return i;
    return -1;
}

/* The first closed slot of the current PSP's JFT, or -1. */
static int jft_free_slot(struct machine *m)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, m->dos->cur_psp, &size);
    for (uint16_t h = 0; h < size; h++)
        if (mem_rd8(m, jft + h) == PSP_JFT_CLOSED)
            return h;
    return -1;
}

bool dos_jft_has_free(struct machine *m)
{
    return jft_free_slot(m) >= 0;
}

int dos_jft_alloc(struct machine *m, int sft)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, m->dos->cur_psp, &size);
    int h = jft_free_slot(m);
    if (h < 0)
        return -DOS_ERR_TOO_MANY_OPEN_FILES;
    mem_wr8(m, jft + (uint32_t)h, (uint8_t)sft);
    m->dos->sft[sft].refs++;
    return h;
}

/* The host fd that input (out = false) or output comes from or goes to,
 * or -1 for the devices that read nothing and discard what they get. A CON
 * opened by 3Dh has no fd of its own: it reads host stdin, writes host
 * stdout. */
static int sft_io_fd(const struct dos_sft_entry *e, bool out)
{
    switch (e->dev) {
    case DOS_DEV_NONE:
    case DOS_DEV_STDERR:
        return e->host_fd;
    case DOS_DEV_CON:
        if (e->host_fd >= 0)
            return e->host_fd;
        return out ? STDOUT_FILENO : STDIN_FILENO;
    case DOS_DEV_PRN: /* write-only: --printer's fd, or -1 to discard */
        return out ? e->host_fd : -1;
    default:
        return -1;
    }
}

/* Read from a host stream (tty, pipe, host file behind handle 0). */
static long stream_read(struct dos_sft_entry *e, int fd, void *buf, uint32_t n)
{
    for (;;) {
        ssize_t r = read(fd, buf, n);
        if (r >= 0) {
            e->eof_seen = r == 0;
            return r;
        }
        if (errno != EINTR)
            return -hostfs_errno_to_dos(errno);
    }
}

/* Read a disk file at its SFT position. */
static long file_read(struct dos_sft_entry *e, void *buf, uint32_t n)
{
    for (;;) {
        ssize_t r = pread(e->host_fd, buf, n, (off_t)e->pos);
        if (r >= 0) {
            e->pos += (uint32_t)r;
            return r;
        }
        if (errno != EINTR)
            return -hostfs_errno_to_dos(errno);
    }
}

long dos_handle_read(struct machine *m, uint16_t h, void *buf, uint32_t n)
{
    struct dos_sft_entry *e = dos_handle_sft(m, h);
    if (!e)
        return -DOS_ERR_INVALID_HANDLE;
    if ((e->mode & DOS_ACCESS_MASK) == DOS_ACCESS_WRITE)
        return -DOS_ERR_ACCESS_DENIED;
    int fd = sft_io_fd(e, false);
    if (fd < 0)
        return 0;
    if (e->dev == DOS_DEV_NONE) {
        if (!dos_lock_region_free(e->host_fd, e->pos, n))
            return -DOS_ERR_LOCK_VIOLATION; /* INT 21h/5Ch, share.c */
        return file_read(e, buf, n);
    }
    return stream_read(e, fd, buf, n);
}

/* Write all of buf to fd (at `pos` when pos >= 0, else at the stream's
 * own position). A closed pipe downstream (EPIPE) or a full disk gives a
 * short count, as DOS reports a full disk, and the program decides. */
static long host_write_all(int fd, const uint8_t *p, uint32_t n, off_t pos)
{
    uint32_t done = 0;
    while (done < n) {
        ssize_t r = pos >= 0 ? pwrite(fd, p + done, n - done, pos + (off_t)done)
                             : write(fd, p + done, n - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            if (done || errno == ENOSPC)
                break;
            return -hostfs_errno_to_dos(errno);
        }
        done += (uint32_t)r;
    }
    return done;
}

/* Write a disk file at its SFT position; 0 bytes set the file's size to
 * the position, cutting or extending it (RBIL INT 21/AH=40h). */
static long file_write(struct dos_sft_entry *e, const uint8_t *p, uint32_t n)
{
    if ((uint64_t)e->pos + n > DOS_FILE_SIZE_MAX)
        return 0; /* no room: "disk full", see DOS_FILE_SIZE_MAX */
    e->written = true;
    if (n == 0) {
        if (ftruncate(e->host_fd, (off_t)e->pos) < 0)
            return -hostfs_errno_to_dos(errno);
        return 0;
    }
    long r = host_write_all(e->host_fd, p, n, (off_t)e->pos);
    if (r > 0)
        e->pos += (uint32_t)r;
    return r;
}

long dos_handle_write(struct machine *m, uint16_t h, const void *buf, uint32_t n)
{
    struct dos_sft_entry *e = dos_handle_sft(m, h);
    if (!e)
        return -DOS_ERR_INVALID_HANDLE;
    int fd = sft_io_fd(e, true);
    if (fd < 0)
        return n;
    if (e->dev == DOS_DEV_NONE) {
        if ((e->mode & DOS_ACCESS_MASK) == DOS_ACCESS_READ)
            return -DOS_ERR_ACCESS_DENIED;
        if (!dos_lock_region_free(e->host_fd, e->pos, n))
            return -DOS_ERR_LOCK_VIOLATION; /* INT 21h/5Ch, share.c */
        return file_write(e, buf, n);
    }
    /* The console on the host's stdout, while the front end shows the
     * emulated screen (a window, a terminal the program took over): the
     * bytes go through the BIOS teletype into video memory, as MS-DOS's
     * CON driver writes them, instead of into the middle of the drawn
     * screen. */
    if (e->dev == DOS_DEV_CON && fd == STDOUT_FILENO && display_shows_console(m)) {
        const uint8_t *p = buf;
        for (uint32_t i = 0; i < n; i++)
            bios_tty_out(m, p[i]);
        return n;
    }
    return host_write_all(fd, buf, n, -1);
}

/* RBIL INT 21/AX=5701h: the time set is what the file keeps; MS-DOS
 * writes it to the directory when the file is closed, so writes made after
 * the call do not overwrite it. The same happens here, at the last close. */
static void sft_stamp_time(struct dos_sft_entry *e)
{
    if (!e->time_set || e->dev != DOS_DEV_NONE)
        return;
    struct timespec ts[2] = {
        { .tv_sec = 0, .tv_nsec = UTIME_OMIT },
        { .tv_sec = hostfs_dos_to_time(e->set_date, e->set_time), .tv_nsec = 0 },
    };
    (void)futimens(e->host_fd, ts);
    e->time_set = false;
}

void dos_sft_release(struct machine *m, int sft)
{
    struct dos_sft_entry *e = &m->dos->sft[sft];
    if (e->refs <= 0)
        return;
    if (--e->refs == 0 && e->own_fd && e->host_fd >= 0) {
        sft_stamp_time(e);
        close(e->host_fd);
        e->host_fd = -1;
        dos_locks_forget(m, sft);
    }
}

int dos_handle_close(struct machine *m, uint16_t h)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, m->dos->cur_psp, &size);
    int idx = dos_handle_sft_index(m, h);
    if (idx < 0)
        return DOS_ERR_INVALID_HANDLE;
    mem_wr8(m, jft + h, PSP_JFT_CLOSED);
    dos_sft_release(m, idx);
    return 0;
}

void dos_handles_close_all(struct machine *m, uint16_t psp)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, psp, &size);
    for (uint16_t h = 0; h < size; h++) {
        uint8_t idx = mem_rd8(m, jft + h);
        if (idx < DOS_SFT_SIZE) {
            mem_wr8(m, jft + h, PSP_JFT_CLOSED);
            dos_sft_release(m, idx);
        }
    }
}

void dos_handles_inherit(struct machine *m, uint16_t parent, uint16_t child)
{
    uint16_t psize, csize;
    uint32_t pj = jft_lin(m, parent, &psize);
    uint32_t cj = jft_lin(m, child, &csize);
    for (uint16_t h = 0; h < csize; h++) {
        uint8_t idx = h < psize ? mem_rd8(m, pj + h) : PSP_JFT_CLOSED;
        if (idx < DOS_SFT_SIZE && m->dos->sft[idx].refs > 0 &&
            !(m->dos->sft[idx].mode & DOS_OPEN_NOINHERIT)) {
            mem_wr8(m, cj + h, idx);
            m->dos->sft[idx].refs++;
        } else {
            mem_wr8(m, cj + h, PSP_JFT_CLOSED);
        }
    }
}

void dos_sft_close_all(struct machine *m)
{
    for (int i = 0; i < DOS_SFT_SIZE; i++) {
        struct dos_sft_entry *e = &m->dos->sft[i];
        if (e->own_fd && e->host_fd >= 0) {
            sft_stamp_time(e);
            close(e->host_fd);
        }
        e->host_fd = -1;
        e->refs = 0;
    }
}

/* INT 21h/3Eh  Close file (RBIL INT 21/AH=3Eh).
 * In:  BX = handle.  Out: CF clear; or CF set, AX = 6 (invalid handle). */
void dos_fn_close(struct machine *m)
{
    int err = dos_handle_close(m, m->r.bx.w);
    if (err)
        dos_fail(m, err);
    else
        dos_ok(m);
}

/* INT 21h/3Fh  Read from file or device (RBIL INT 21/AH=3Fh).
 * In:  BX = handle, CX = bytes, DS:DX -> buffer.
 * Out: CF clear, AX = bytes read (0 at end of file); or CF set, AX = error.
 * A buffer that runs past the end of memory is refused with access denied
 * before anything is read, so no input is consumed and lost. */
void dos_fn_read(struct machine *m)
{
    uint8_t *buf = mem_ptr(m, mem_lin(m->r.ds, m->r.dx.w), m->r.cx.w);
    if (!buf) {
        dos_fail(m, DOS_ERR_ACCESS_DENIED);
        return;
    }
    /* CON while the front end owns the keyboard: the BIOS keyboard, as
     * MS-DOS's CON driver reads it (dos/console.h). */
    const struct dos_sft_entry *e = dos_handle_sft(m, m->r.bx.w);
    if (e && (e->mode & DOS_ACCESS_MASK) != DOS_ACCESS_WRITE && dos_con_keyboard(m, e)) {
        dos_con_read_keyboard(m, e, buf, m->r.cx.w);
        return;
    }
    long n = dos_handle_read(m, m->r.bx.w, buf, m->r.cx.w);
    if (n < 0) {
        dos_fail(m, (enum dos_error)-n);
        return;
    }
    m->r.ax.w = (uint16_t)n;
    dos_ok(m);
}

/* INT 21h/40h  Write to file or device (RBIL INT 21/AH=40h).
 * In:  BX = handle, CX = bytes (0 truncates a file at its position),
 *      DS:DX -> data.
 * Out: CF clear, AX = bytes written (less than CX: disk full); or CF set. */
void dos_fn_write(struct machine *m)
{
    const uint8_t *buf = mem_ptr(m, mem_lin(m->r.ds, m->r.dx.w), m->r.cx.w);
    if (!buf) {
        dos_fail(m, DOS_ERR_ACCESS_DENIED);
        return;
    }
    long n = dos_handle_write(m, m->r.bx.w, buf, m->r.cx.w);
    if (n < 0) {
        dos_fail(m, (enum dos_error)-n);
        return;
    }
    m->r.ax.w = (uint16_t)n;
    dos_ok(m);
}

/* INT 21h/45h  Duplicate handle (RBIL INT 21/AH=45h).
 * In:  BX = handle.
 * Out: CF clear, AX = new handle; or CF set, AX = 4 (no free handle) or
 *      6 (invalid handle).
 * Both handles share one SFT entry, so they share the file position:
 * moving one moves the other. */
void dos_fn_dup(struct machine *m)
{
    int idx = dos_handle_sft_index(m, m->r.bx.w);
    if (idx < 0) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    int h = dos_jft_alloc(m, idx);
    if (h < 0) {
        dos_fail(m, (enum dos_error)-h);
        return;
    }
    m->r.ax.w = (uint16_t)h;
    dos_ok(m);
}

/* INT 21h/46h  Force duplicate handle (RBIL INT 21/AH=46h).
 * In:  BX = handle, CX = handle to make refer to the same file.
 * Out: CF clear; or CF set, AX = 6 (BX not open, or CX outside the JFT).
 * An open CX is closed first. The new reference is taken before CX is
 * released, so BX = CX leaves the file open and unchanged. */
void dos_fn_dup2(struct machine *m)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, m->dos->cur_psp, &size);
    int idx = dos_handle_sft_index(m, m->r.bx.w);
    uint16_t to = m->r.cx.w;
    if (idx < 0 || to >= size) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    m->dos->sft[idx].refs++;
    int old = dos_handle_sft_index(m, to);
    if (old >= 0)
        dos_sft_release(m, old);
    mem_wr8(m, jft + to, (uint8_t)idx);
    dos_ok(m);
}
