/*
 * The character I/O functions of INT 21h (01h-0Ch): the DOS 1 console
 * interface, which DOS 2+ routes through the standard handles. Input is
 * read from handle 0 and output written to handle 1 (AUX and PRN to
 * handles 3 and 4), so whatever the handles refer to - the host's stdin
 * and stdout, a pipe, a file, a handle the program redirected with 46h -
 * is what these functions use. Bytes pass through unchanged in both
 * directions; only buffered input (0Ah) knows about line ends.
 *
 * End of input. A redirected stdin runs out; a keyboard never does. At
 * end of input the character functions return 1Ah (Ctrl-Z), the byte
 * MS-DOS 5 reports for a redirected file at its end (RBIL INT 21/AX=4406h:
 * "AH contains ... 1Ah if at EOF"), and the status functions (06h input,
 * 0Bh) report nothing available, as a file at EOF is "not ready" (same
 * entry). Nothing here waits for input that can no longer come, and a
 * read that does wait (a terminal, an open pipe) gives up at the
 * --timeout deadline so the run loop can end the run.
 *
 * Read-ahead. 0Bh and 06h must tell whether a byte is waiting without
 * taking it. poll() says whether the fd is readable and FIONREAD how many
 * bytes are there (0 on a readable fd = end of input); only where
 * FIONREAD is not supported is one byte read ahead into con_pending,
 * which the next character function returns first.
 *
 * Ctrl-C: a ^C (03h) read by 01h, 08h or 0Ah goes to INT 23h through
 * dos_ctrlc_raise() (ctrlc.h); 06h and 07h pass it on as data (RBIL INT
 * 21/AH=01h, 06h-08h, 0Ah). Output functions and the break flag (33h)
 * do not look for a ^C: that would mean reading input ahead of the
 * program, which a pipe or file on stdin cannot give back.
 */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "dos/ctrlc.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define CON_CTRL_Z 0x1A /* what input reads as at its end */
#define CON_CTRL_C 0x03 /* break: INT 23h */
#define CON_CR 0x0D
#define CON_LF 0x0A
#define CON_BEL 0x07
#define CON_DIRECT_INPUT 0xFF /* 06h: DL = FFh asks for input */
#define CON_STR_END '$'       /* 09h: string terminator */
#define CON_SEG_SIZE 0x10000u /* 09h: a string cannot outrun its segment */
#define CON_WAIT_SLICE_MS 3600000 /* longest single poll() towards a deadline */

/* Offsets in the 0Ah buffer (RBIL Table 01344). */
#define CON_LINE_MAX 0   /* BYTE: characters the buffer holds, CR included */
#define CON_LINE_COUNT 1 /* BYTE: characters read, CR excluded */
#define CON_LINE_TEXT 2  /* the characters, then CR */

enum con_status {
    CON_READY, /* a byte can be read without waiting */
    CON_EMPTY, /* nothing yet (a keyboard nobody typed on, an idle pipe) */
    CON_EOF,   /* nothing will ever come: end of input, or no stdin */
};

/* The host fd behind DOS standard input, or -1 when it has none (closed
 * handle, NUL device): such input is at its end for good. */
static int con_in_fd(struct machine *m)
{
    struct dos_sft_entry *e = dos_handle_sft(m, DOS_STDIN);
    if (!e || e->dev == DOS_DEV_NUL)
        return -1;
    return e->host_fd;
}

/* Whether standard input has a byte ready, without consuming it (beyond
 * the one-byte read-ahead when FIONREAD cannot tell). */
static enum con_status con_poll(struct machine *m)
{
    if (m->dos->con_pending >= 0)
        return CON_READY;
    int fd = con_in_fd(m);
    if (fd < 0)
        return CON_EOF;
    struct pollfd p = { .fd = fd, .events = POLLIN };
    int r = poll(&p, 1, 0);
    if (r < 0 && errno != EINTR)
        return CON_EOF;
    if (r <= 0)
        return CON_EMPTY;
    if (p.revents & POLLNVAL)
        return CON_EOF;
    int avail = 0; /* may wrap negative for a file past 2 GiB: still "some" */
    if (ioctl(fd, FIONREAD, &avail) == 0)
        return avail != 0 ? CON_READY : CON_EOF;
    uint8_t c;
    if (dos_handle_read(m, DOS_STDIN, &c, 1) != 1)
        return CON_EOF;
    m->dos->con_pending = c;
    return CON_READY;
}

/* Wait until standard input is readable. False when the --timeout
 * deadline passed first; the run loop ends the run right after the
 * handler returns, so the caller's result is never seen. */
static bool con_wait(struct machine *m, int fd)
{
    for (;;) {
        int ms = -1;
        if (m->timeout_s > 0) {
            uint64_t end = m->start_ns + (uint64_t)(m->timeout_s * 1e9);
            uint64_t now = vdm_now_ns();
            if (now >= end)
                return false;
            uint64_t left_ms = (end - now + 999999u) / 1000000u;
            ms = left_ms > CON_WAIT_SLICE_MS ? CON_WAIT_SLICE_MS : (int)left_ms;
        }
        struct pollfd p = { .fd = fd, .events = POLLIN };
        int r = poll(&p, 1, ms);
        if (r > 0)
            return true;
        if (r < 0 && errno != EINTR)
            return true; /* let the read report what is wrong */
    }
}

/* Read one byte of standard input, waiting for it if need be; -1 at end
 * of input (or when the wait ran into the --timeout deadline). */
static int con_getc(struct machine *m)
{
    struct dos_state *d = m->dos;
    if (d->con_pending >= 0) {
        int c = d->con_pending;
        d->con_pending = -1;
        return c;
    }
    int fd = con_in_fd(m);
    if (fd < 0 || !con_wait(m, fd))
        return -1;
    uint8_t c;
    return dos_handle_read(m, DOS_STDIN, &c, 1) == 1 ? c : -1;
}

/* A character input function's result: the byte, or Ctrl-Z at the end. */
static uint8_t con_read_char(struct machine *m)
{
    m->dos->con_skip_lf = false;
    int c = con_getc(m);
    return c < 0 ? CON_CTRL_Z : (uint8_t)c;
}

static void con_put(struct machine *m, uint16_t h, const void *buf, uint32_t n)
{
    /* MS-DOS does no error checks on redirected console output (RBIL INT
     * 21/AH=02h notes); a short write is the program's problem. */
    (void)dos_handle_write(m, h, buf, n);
}

static void con_putc(struct machine *m, uint8_t c)
{
    con_put(m, DOS_STDOUT, &c, 1);
}

/* True when a host terminal on stdin already echoes what is typed: DOS's
 * own echo would then show every key twice. */
static bool con_host_echoes(struct machine *m)
{
    int fd = con_in_fd(m);
    struct termios t;
    return fd >= 0 && isatty(fd) && tcgetattr(fd, &t) == 0 && (t.c_lflag & ECHO);
}

static void con_echo(struct machine *m, const void *buf, uint32_t n)
{
    if (!con_host_echoes(m))
        con_put(m, DOS_STDOUT, buf, n);
}

/* INT 21h/01h  Read character from standard input, with echo (RBIL INT
 * 21/AH=01h).
 * In:  nothing.
 * Out: AL = character; it is echoed to standard output. At end of input
 *      AL = 1Ah, with nothing echoed (nothing was read). */
void dos_fn_con_read_echo(struct machine *m)
{
    m->dos->con_skip_lf = false;
    int c = con_getc(m);
    if (c < 0) {
        m->r.ax.l = CON_CTRL_Z;
        return;
    }
    if (c == CON_CTRL_C && dos_ctrlc_raise(m))
        return;
    uint8_t b = (uint8_t)c;
    con_echo(m, &b, 1);
    m->r.ax.l = b;
}

/* INT 21h/02h  Write character to standard output (RBIL INT 21/AH=02h).
 * In:  DL = character.
 * Out: AL = the character written (RBIL: despite the official docs,
 *      which say nothing is returned). */
void dos_fn_con_write(struct machine *m)
{
    uint8_t c = m->r.dx.l;
    con_putc(m, c);
    m->r.ax.l = c;
}

/* INT 21h/03h  Read character from AUX (RBIL INT 21/AH=03h).
 * In:  nothing.  Out: AL = character.
 * AUX is handle 3, a null device for now: it is always at its end, so AL
 * = 1Ah at once rather than waiting for a serial line that is not there. */
void dos_fn_aux_read(struct machine *m)
{
    uint8_t c;
    m->r.ax.l = dos_handle_read(m, DOS_STDAUX, &c, 1) == 1 ? c : CON_CTRL_Z;
}

/* INT 21h/04h  Write character to AUX (RBIL INT 21/AH=04h).
 * In:  DL = character.  Out: nothing (handle 3; a null device for now). */
void dos_fn_aux_write(struct machine *m)
{
    uint8_t c = m->r.dx.l;
    con_put(m, DOS_STDAUX, &c, 1);
}

/* INT 21h/05h  Write character to printer (RBIL INT 21/AH=05h).
 * In:  DL = character.  Out: nothing (handle 4; a null device for now). */
void dos_fn_prn_write(struct machine *m)
{
    uint8_t c = m->r.dx.l;
    con_put(m, DOS_STDPRN, &c, 1);
}

/* INT 21h/06h  Direct console I/O (RBIL INT 21/AH=06h).
 * In:  DL = FFh: input; DL = anything else: write DL.
 * Out: input: ZF clear and AL = character when one is ready; ZF set and
 *      AL = 00h when none is (RBIL: undocumented but relied upon), which
 *      includes end of input. Never waits, never echoes.
 *      output: AL = the character written (RBIL). */
void dos_fn_con_direct(struct machine *m)
{
    if (m->r.dx.l != CON_DIRECT_INPUT) {
        dos_fn_con_write(m);
        return;
    }
    m->dos->con_skip_lf = false;
    if (con_poll(m) == CON_READY) {
        int c = con_getc(m);
        if (c >= 0) {
            m->r.ax.l = (uint8_t)c;
            m->r.flags &= ~FLAG_ZF;
            return;
        }
    }
    m->r.ax.l = 0;
    m->r.flags |= FLAG_ZF;
}

/* INT 21h/07h  Direct character input, without echo (RBIL INT 21/AH=07h).
 * In:  nothing.  Out: AL = character, 1Ah at end of input. */
void dos_fn_con_raw_read(struct machine *m)
{
    m->r.ax.l = con_read_char(m);
}

/* INT 21h/08h  Character input without echo (RBIL INT 21/AH=08h).
 * In:  nothing.  Out: AL = character, 1Ah at end of input.
 * Differs from 07h only in checking Ctrl-C (see the top). */
void dos_fn_con_read_noecho(struct machine *m)
{
    uint8_t c = con_read_char(m);
    if (c == CON_CTRL_C && dos_ctrlc_raise(m))
        return;
    m->r.ax.l = c;
}

/* INT 21h/09h  Write '$'-terminated string (RBIL INT 21/AH=09h).
 * In:  DS:DX -> string ending in '$'.
 * Out: AL = 24h (RBIL: the terminator, despite the official docs).
 * The string is scanned within its segment, the offset wrapping as on an
 * 8086. MS-DOS would go round a segment holding no '$' for ever; vdm
 * writes it once and stops. */
void dos_fn_con_write_str(struct machine *m)
{
    uint8_t buf[512];
    uint32_t n = 0;
    uint16_t off = m->r.dx.w;
    for (uint32_t i = 0; i < CON_SEG_SIZE; i++) {
        uint8_t c = mem_rd8(m, mem_lin(m->r.ds, off++));
        if (c == CON_STR_END)
            break;
        buf[n++] = c;
        if (n == sizeof buf) {
            con_put(m, DOS_STDOUT, buf, n);
            n = 0;
        }
    }
    if (n)
        con_put(m, DOS_STDOUT, buf, n);
    m->r.ax.l = CON_STR_END;
}

/* INT 21h/0Ah  Buffered input (RBIL INT 21/AH=0Ah, Table 01344).
 * In:  DS:DX -> buffer: byte 0 = capacity including the CR.
 * Out: byte 1 = characters read (CR excluded), then the characters and a
 *      CR. Nothing else changes.
 * A line ends at CR or at LF, so DOS (CR LF) and Unix (LF) text both
 * read as lines: the LF is never stored, and a LF right after a CR that
 * ended the previous line is dropped. As MS-DOS does, characters that no
 * longer fit (more than capacity - 1) are discarded with a BEL each, the
 * characters kept are echoed, and the line's end is echoed as a CR only:
 * programs write their own LF after 0Ah. Capacity 0 returns at once
 * (RBIL). At end of input the line ends where it is, and no CR is
 * echoed since none was read; a line that has nothing at all reads as a
 * single Ctrl-Z (1Ah, not echoed), what the character functions return
 * there, so a program looping on 0Ah sees the end. */
void dos_fn_con_read_line(struct machine *m)
{
    uint32_t buf = mem_lin(m->r.ds, m->r.dx.w);
    uint8_t max = mem_rd8(m, buf + CON_LINE_MAX);
    if (max == 0)
        return;
    uint8_t line[256];
    unsigned n = 0;
    bool any = false;          /* anything read, dropped bytes included */
    bool ended_by_key = false; /* a CR or LF ended the line, not EOF */
    for (;;) {
        int c = con_getc(m);
        if (c < 0) {
            if (!any && max > 1)
                line[n++] = CON_CTRL_Z;
            break;
        }
        if (c == CON_LF && m->dos->con_skip_lf) {
            m->dos->con_skip_lf = false;
            continue;
        }
        m->dos->con_skip_lf = false;
        any = true;
        if (c == CON_CTRL_C && dos_ctrlc_raise(m))
            return; /* the line typed so far is dropped */
        if (c == CON_CR || c == CON_LF) {
            m->dos->con_skip_lf = c == CON_CR;
            ended_by_key = true;
            break;
        }
        if (n + 1u < max) {
            line[n++] = (uint8_t)c;
            con_echo(m, &line[n - 1], 1);
        } else {
            uint8_t bel = CON_BEL;
            con_put(m, DOS_STDOUT, &bel, 1);
        }
    }
    line[n] = CON_CR;
    if (ended_by_key)
        con_echo(m, &line[n], 1);
    mem_wr8(m, buf + CON_LINE_COUNT, (uint8_t)n);
    for (unsigned i = 0; i <= n; i++)
        mem_wr8(m, buf + CON_LINE_TEXT + i, line[i]);
}

/* INT 21h/0Bh  Get standard input status (RBIL INT 21/AH=0Bh).
 * In:  nothing.
 * Out: AL = FFh when a character is ready, 00h when none is (also at end
 *      of input). Never waits. */
void dos_fn_con_status(struct machine *m)
{
    m->r.ax.l = con_poll(m) == CON_READY ? 0xFF : 0x00;
}

/* The input functions 0Ch may chain to. */
static const struct {
    uint8_t fn;
    void (*body)(struct machine *m);
} con_flush_chain[] = {
    { 0x01, dos_fn_con_read_echo },
    { 0x06, dos_fn_con_direct },
    { 0x07, dos_fn_con_raw_read },
    { 0x08, dos_fn_con_read_noecho },
    { 0x0A, dos_fn_con_read_line },
};

/* INT 21h/0Ch  Flush buffer and read standard input (RBIL INT 21/AH=0Ch).
 * In:  AL = 01h, 06h, 07h, 08h or 0Ah: the input function to run after
 *      the flush (with its own inputs: DL for 06h, DS:DX for 0Ah).
 * Out: as that function; any other AL flushes and reads nothing (RBIL).
 * The flush drops typed-ahead keys: on a host terminal, its pending
 * input. Redirected input is data, not type-ahead (MS-DOS flushes only
 * the keyboard buffer), so a pipe or file keeps every byte. */
void dos_fn_con_flush(struct machine *m)
{
    int fd = con_in_fd(m);
    if (fd >= 0 && isatty(fd)) {
        tcflush(fd, TCIFLUSH);
        m->dos->con_pending = -1;
    }
    for (size_t i = 0; i < sizeof con_flush_chain / sizeof con_flush_chain[0]; i++) {
        if (con_flush_chain[i].fn == m->r.ax.l) {
            con_flush_chain[i].body(m);
            return;
        }
    }
}
