/*
 * COMMAND.COM's own DOS calls: the interpreter reaches files, directories
 * and handles through the INT 21h functions of the kernel (run from the
 * host, in the context of the COMMAND.COM process), so redirection,
 * sharing of handles with children, the sandbox and every error code are
 * exactly what a program would get. Strings and buffers pass through a
 * scratch area inside the COMMAND.COM segment (CMD_SCR_*, cmd_int.h).
 */
#include <stdio.h>
#include <string.h>

#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* INT 21h functions used here (RBIL INT 21, by AH). */
#define F_CREATE 0x3C
#define F_OPEN 0x3D
#define F_CLOSE 0x3E
#define F_READ 0x3F
#define F_WRITE 0x40
#define F_LSEEK 0x42
#define F_IOCTL 0x44
#define F_DUP 0x45
#define F_DUP2 0x46
#define F_RENAME 0x56
#define SEEK_FROM_END 2
#define IOCTL_GET_INFO 0x00
#define IOCTL_IS_DEVICE 0x80   /* DX bit 7 of IOCTL 4400h: a character device */

void cmd_write(struct machine *m, const char *s, size_t n)
{
    dos_handle_write(m, DOS_STDOUT, s, (uint32_t)n);
}

void cmd_puts(struct machine *m, const char *s)
{
    cmd_write(m, s, strlen(s));
}

void cmd_printf(struct machine *m, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n > 0)
        cmd_write(m, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

int cmd_int21(struct machine *m, struct cmd_regs *r)
{
    struct cpu_regs saved = m->r;
    uint16_t seg = m->dos->cur_psp;
    m->r.ax.w = r->ax;
    m->r.bx.w = r->bx;
    m->r.cx.w = r->cx;
    m->r.dx.w = r->dx;
    m->r.si.w = r->si;
    m->r.di.w = r->di;
    m->r.ds = m->r.es = seg;
    m->r.flags &= ~FLAG_CF;
    dos_int21_dispatch(m);
    bool cf = (m->r.flags & FLAG_CF) != 0;
    r->ax = m->r.ax.w;
    r->bx = m->r.bx.w;
    r->cx = m->r.cx.w;
    r->dx = m->r.dx.w;
    m->r = saved;
    return cf ? r->ax : 0;
}

/* Put an ASCIZ path at scratch offset `off`; false if it does not fit. */
static bool put_path(struct machine *m, uint16_t off, const char *path)
{
    size_t n = strlen(path) + 1;
    if (n > CMD_PATH_MAX)
        return false;
    return mem_write(m, mem_lin(m->dos->cur_psp, off), path, n);
}

static int path_fn(struct machine *m, uint16_t ax, uint16_t cx, const char *path)
{
    if (!put_path(m, CMD_SCR_PATH1, path))
        return -DOS_ERR_PATH_NOT_FOUND;
    struct cmd_regs r = { .ax = ax, .cx = cx, .dx = CMD_SCR_PATH1 };
    int e = cmd_int21(m, &r);
    return e ? -e : r.ax;
}

int cmd_open(struct machine *m, const char *path, uint8_t mode)
{
    return path_fn(m, (uint16_t)(F_OPEN << 8 | mode), 0, path);
}

int cmd_create(struct machine *m, const char *path, uint16_t attr)
{
    return path_fn(m, F_CREATE << 8, attr, path);
}

int cmd_path_call(struct machine *m, uint8_t ah, const char *path)
{
    int r = path_fn(m, (uint16_t)(ah << 8), 0, path);
    return r < 0 ? -r : 0;
}

int cmd_rename(struct machine *m, const char *from, const char *to)
{
    if (!put_path(m, CMD_SCR_PATH1, from) || !put_path(m, CMD_SCR_PATH2, to))
        return DOS_ERR_PATH_NOT_FOUND;
    struct cmd_regs r = { .ax = F_RENAME << 8, .dx = CMD_SCR_PATH1, .di = CMD_SCR_PATH2 };
    return cmd_int21(m, &r);
}

int cmd_close(struct machine *m, int h)
{
    struct cmd_regs r = { .ax = F_CLOSE << 8, .bx = (uint16_t)h };
    return cmd_int21(m, &r);
}

long cmd_read(struct machine *m, int h, void *buf, uint32_t n)
{
    uint32_t done = 0;
    while (done < n) {
        uint32_t chunk = n - done < CMD_SCR_BUF_SIZE ? n - done : CMD_SCR_BUF_SIZE;
        struct cmd_regs r = { .ax = F_READ << 8, .bx = (uint16_t)h, .cx = (uint16_t)chunk,
                              .dx = CMD_SCR_BUF };
        int e = cmd_int21(m, &r);
        if (e)
            return done ? (long)done : -e;
        mem_read(m, mem_lin(m->dos->cur_psp, CMD_SCR_BUF), (char *)buf + done, r.ax);
        done += r.ax;
        if (r.ax < chunk)
            break;
    }
    return (long)done;
}

long cmd_hwrite(struct machine *m, int h, const void *buf, uint32_t n)
{
    uint32_t done = 0;
    while (done < n) {
        uint32_t chunk = n - done < CMD_SCR_BUF_SIZE ? n - done : CMD_SCR_BUF_SIZE;
        mem_write(m, mem_lin(m->dos->cur_psp, CMD_SCR_BUF), (const char *)buf + done, chunk);
        struct cmd_regs r = { .ax = F_WRITE << 8, .bx = (uint16_t)h, .cx = (uint16_t)chunk,
                              .dx = CMD_SCR_BUF };
        int e = cmd_int21(m, &r);
        if (e)
            return -e;
        done += r.ax;
        if (r.ax < chunk)
            break;
    }
    return (long)done;
}

long cmd_seek_end(struct machine *m, int h)
{
    struct cmd_regs r = { .ax = F_LSEEK << 8 | SEEK_FROM_END, .bx = (uint16_t)h };
    int e = cmd_int21(m, &r);
    return e ? -e : (long)((uint32_t)r.dx << 16 | r.ax);
}

int cmd_dup(struct machine *m, int h)
{
    struct cmd_regs r = { .ax = F_DUP << 8, .bx = (uint16_t)h };
    int e = cmd_int21(m, &r);
    return e ? -e : r.ax;
}

int cmd_dup2(struct machine *m, int h, int to)
{
    struct cmd_regs r = { .ax = F_DUP2 << 8, .bx = (uint16_t)h, .cx = (uint16_t)to };
    return cmd_int21(m, &r);
}

bool cmd_is_device(struct machine *m, int h)
{
    struct cmd_regs r = { .ax = F_IOCTL << 8 | IOCTL_GET_INFO, .bx = (uint16_t)h };
    return cmd_int21(m, &r) == 0 && (r.dx & IOCTL_IS_DEVICE);
}

bool cmd_read_line(struct machine *m, char *buf, size_t cap)
{
    size_t n = 0;
    bool any = false;
    for (;;) {
        char c;
        long got = dos_handle_read(m, DOS_STDIN, &c, 1);
        if (got <= 0 || m->outcome != RUN_RUNNING)
            break;
        any = true;
        if (c == '\n')
            break;
        if (c == '\r' || c == 0x1A)
            continue;
        if (n + 1 < cap)
            buf[n++] = c;
    }
    buf[n] = 0;
    return any;
}

bool cmd_read_answer(struct machine *m, char *buf, size_t cap)
{
    bool got = cmd_read_line(m, buf, cap);
    struct cmd_inst *in = cmd_current(m);
    if (!in || in->echo_input)
        cmd_printf(m, "%s\r\n", got ? buf : "");
    return got;
}

int cmd_read_key(struct machine *m)
{
    char c;
    long got = dos_handle_read(m, DOS_STDIN, &c, 1);
    return got == 1 ? (unsigned char)c : -1;
}
