/*
 * Handles, the JFT and the SFT (see handle.h). Host I/O is unbuffered on
 * our side (plain read/write on the fd), so whatever a DOS program wrote
 * is in the host file the moment INT 21h returns, and nothing is lost
 * however vdm ends.
 */
#include "dos/handle.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "dos/psp.h"
#include "hostfs/hostfs.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

static void sft_set(struct dos_sft_entry *e, int fd, enum dos_dev dev, const char *name)
{
    memset(e, 0, sizeof *e);
    e->refs = 0;
    e->host_fd = fd;
    e->own_fd = false;
    e->dev = dev;
    e->mode = 2; /* read/write */
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
    sft_set(&d->sft[DOS_STDAUX], -1, DOS_DEV_NUL, "AUX");
    sft_set(&d->sft[DOS_STDPRN], -1, DOS_DEV_NUL, "PRN");
}

/* The linear address of the current PSP's JFT and its size. */
static uint32_t jft_lin(struct machine *m, uint16_t psp, uint16_t *size)
{
    uint32_t p = mem_lin(psp, 0);
    *size = mem_rd16(m, p + PSP_JFT_SIZE);
    return mem_lin(mem_rd16(m, p + PSP_JFT_PTR + 2), mem_rd16(m, p + PSP_JFT_PTR));
}

struct dos_sft_entry *dos_handle_sft(struct machine *m, uint16_t h)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, m->dos->cur_psp, &size);
    if (h >= size)
        return NULL;
    uint8_t idx = mem_rd8(m, jft + h);
    if (idx >= DOS_SFT_SIZE || m->dos->sft[idx].refs == 0)
        return NULL;
    return &m->dos->sft[idx];
}

int dos_sft_alloc(struct machine *m)
{
    for (int i = 0; i < DOS_SFT_SIZE; i++)
        if (m->dos->sft[i].refs == 0)
            return i;
    return -1;
}

int dos_jft_alloc(struct machine *m, int sft)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, m->dos->cur_psp, &size);
    for (uint16_t h = 0; h < size; h++) {
        if (mem_rd8(m, jft + h) == PSP_JFT_CLOSED) {
            mem_wr8(m, jft + h, (uint8_t)sft);
            m->dos->sft[sft].refs++;
            return h;
        }
    }
    return -DOS_ERR_TOO_MANY_OPEN_FILES;
}

long dos_handle_read(struct machine *m, uint16_t h, void *buf, uint32_t n)
{
    struct dos_sft_entry *e = dos_handle_sft(m, h);
    if (!e)
        return -DOS_ERR_INVALID_HANDLE;
    if (e->dev == DOS_DEV_NUL || e->host_fd < 0)
        return 0;
    if ((e->mode & 3) == 1) /* opened write-only */
        return -DOS_ERR_ACCESS_DENIED;
    for (;;) {
        ssize_t r = read(e->host_fd, buf, n);
        if (r >= 0) {
            e->eof_seen = r == 0;
            return r;
        }
        if (errno != EINTR)
            return -hostfs_errno_to_dos(errno);
    }
}

long dos_handle_write(struct machine *m, uint16_t h, const void *buf, uint32_t n)
{
    struct dos_sft_entry *e = dos_handle_sft(m, h);
    if (!e)
        return -DOS_ERR_INVALID_HANDLE;
    if (e->dev == DOS_DEV_NUL || e->host_fd < 0)
        return n;
    if ((e->mode & 3) == 0 && e->dev == DOS_DEV_NONE) /* opened read-only */
        return -DOS_ERR_ACCESS_DENIED;
    const uint8_t *p = buf;
    uint32_t done = 0;
    while (done < n) {
        ssize_t r = write(e->host_fd, p + done, n - done);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            /* A closed pipe downstream (EPIPE) or a full disk: DOS reports
             * a short write, and the program decides. */
            if (done)
                break;
            return errno == ENOSPC ? 0 : -hostfs_errno_to_dos(errno);
        }
        done += (uint32_t)r;
    }
    return done;
}

void dos_sft_release(struct machine *m, int sft)
{
    struct dos_sft_entry *e = &m->dos->sft[sft];
    if (e->refs <= 0)
        return;
    if (--e->refs == 0 && e->own_fd && e->host_fd >= 0) {
        close(e->host_fd);
        e->host_fd = -1;
    }
}

int dos_handle_close(struct machine *m, uint16_t h)
{
    uint16_t size;
    uint32_t jft = jft_lin(m, m->dos->cur_psp, &size);
    if (!dos_handle_sft(m, h))
        return DOS_ERR_INVALID_HANDLE;
    uint8_t idx = mem_rd8(m, jft + h);
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
        if (e->own_fd && e->host_fd >= 0)
            close(e->host_fd);
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
    struct dos_sft_entry *e = dos_handle_sft(m, m->r.bx.w);
    if (e && m->r.cx.w == 0 && e->dev == DOS_DEV_NONE && e->host_fd >= 0) {
        off_t pos = lseek(e->host_fd, 0, SEEK_CUR);
        if (pos < 0 || ftruncate(e->host_fd, pos) < 0) {
            dos_fail(m, hostfs_errno_to_dos(errno));
            return;
        }
    }
    long n = dos_handle_write(m, m->r.bx.w, buf, m->r.cx.w);
    if (n < 0) {
        dos_fail(m, (enum dos_error)-n);
        return;
    }
    m->r.ax.w = (uint16_t)n;
    dos_ok(m);
}
