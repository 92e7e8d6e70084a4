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
 * The keyboard. When the display front end owns the keyboard (a window,
 * a terminal the program took over: display_owns_keyboard()) and standard
 * input is CON, not on a host file, pipe or socket, the typed keys reach
 * the guest through the emulated 8042 and INT 09h, so console input
 * reads the BIOS keyboard buffer, as MS-DOS's CON driver does
 * (bios_kbd_take()). An extended key reads as 00h, then its scan code.
 * A read that finds no key does not wait on the host: the guest is sent
 * to the ROM DOS wait (STI; HLT; back into the INT 21h stub, bios/rom.h)
 * with the call's entry registers, so the run loop idles, draws the
 * screen and reads keys, and the call starts over after the next
 * interrupt. Line input (0Ah, a cooked CON read by 3Fh) keeps its partial
 * line in struct dos_con_edit across those restarts; it edits as MS-DOS
 * does: Backspace, Esc (cancel: '\' and a new line), F3 (the rest of the
 * template: 0Ah's buffer as the caller left it, or the previous 3Fh
 * line), Enter. Echo goes to standard output, i.e. through the BIOS
 * teletype onto the screen shown.
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
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "bios/bios.h"
#include "bios/rom.h"
#include "dos/console.h"
#include "dos/ctrlc.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "vdm/display.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define CON_CTRL_Z 0x1A /* what input reads as at its end */
#define CON_CTRL_C 0x03 /* break: INT 23h */
#define CON_CR 0x0D
#define CON_LF 0x0A
#define CON_BEL 0x07
#define CON_BS 0x08
#define CON_ESC 0x1B
#define CON_SC_F3 0x3D /* F3: copy the rest of the template */
#define CON_VEC_DOS 0x21
#define CON_WAITING (-2) /* the guest went to wait for a key: return at once */
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

/* Only a call that came in through the INT 21h stub can wait in the ROM
 * and be called again (not CALL 5, nor a host-side caller). */
static bool con_via_int21(const struct machine *m)
{
    const struct cpu_regs *in = &m->dos->call_regs;
    return in->cs == ROM_SEG && in->ip.w == rom_stub_iret_off(CON_VEC_DOS);
}

bool dos_con_keyboard(struct machine *m, const struct dos_sft_entry *e)
{
    if (!e || e->dev != DOS_DEV_CON || !con_via_int21(m))
        return false;
    /* A file, pipe or socket on stdin is data, not the keyboard; a
     * terminal, /dev/null (a desktop launcher's stdin) or none is. */
    struct stat st;
    if (fstat(e->host_fd >= 0 ? e->host_fd : STDIN_FILENO, &st) == 0 &&
        (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)))
        return false;
    display_sync(m);
    return display_owns_keyboard(m);
}

/* Standard input is the BIOS keyboard (see the top). */
static bool con_kbd(struct machine *m)
{
    return dos_con_keyboard(m, dos_handle_sft(m, DOS_STDIN));
}

/* Whether this call is the restart of one that waited for a key. */
static bool con_take_resume(struct machine *m)
{
    bool r = m->dos->con_resume;
    m->dos->con_resume = false;
    return r;
}

/* The next console byte from the keyboard buffer, -1 when none. An
 * extended key (AL = 00h) gives 00h now and its scan code next; the
 * empty word Ctrl-Break leaves (RBIL INT 1B) reads as ^C. */
static int con_kbd_byte(struct machine *m)
{
    struct dos_state *d = m->dos;
    if (d->con_pending >= 0) {
        int c = d->con_pending;
        d->con_pending = -1;
        return c;
    }
    int key = bios_kbd_take(m);
    if (key < 0)
        return -1;
    if (key == 0)
        return CON_CTRL_C;
    if ((key & 0xFF) == 0)
        d->con_pending = key >> 8;
    return key & 0xFF;
}

/* No key yet: resume the guest in the ROM DOS wait with the call's entry
 * registers; after the next interrupt it calls INT 21h again. */
static int con_kbd_wait(struct machine *m)
{
    m->r = m->dos->call_regs;
    m->r.cs = ROM_SEG;
    m->r.ip.w = ROM_DOS_WAIT_OFF;
    m->dos->con_resume = true;
    return CON_WAITING;
}

bool dos_con_keyboard_ready(struct machine *m)
{
    const struct dos_con_edit *e = &m->dos->con_edit;
    return m->dos->con_pending >= 0 || e->out_pos < e->out_n || bios_kbd_peek(m) >= 0;
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

/* The next byte for a character input function: from the keyboard (or
 * CON_WAITING), else from standard input (-1 at its end). */
static int con_input(struct machine *m)
{
    m->dos->con_skip_lf = false;
    if (con_kbd(m)) {
        con_take_resume(m);
        int c = con_kbd_byte(m);
        return c >= 0 ? c : con_kbd_wait(m);
    }
    return con_getc(m);
}

/* A character input function's result: the byte, Ctrl-Z at the end, or
 * CON_WAITING. */
static int con_read_char(struct machine *m)
{
    int c = con_input(m);
    return c == -1 ? CON_CTRL_Z : c;
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
    if (con_kbd(m) || !con_host_echoes(m))
        con_put(m, DOS_STDOUT, buf, n);
}

/* INT 21h/01h  Read character from standard input, with echo (RBIL INT
 * 21/AH=01h).
 * In:  nothing.
 * Out: AL = character; it is echoed to standard output. At end of input
 *      AL = 1Ah, with nothing echoed (nothing was read). */
void dos_fn_con_read_echo(struct machine *m)
{
    int c = con_input(m);
    if (c == CON_WAITING)
        return;
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
    if (con_kbd(m)) {
        con_take_resume(m);
        /* Peek first: a program polling 06h idles as INT 16h/01h does. */
        int c = m->dos->con_pending >= 0 || bios_kbd_peek(m) >= 0 ? con_kbd_byte(m) : -1;
        if (c >= 0) {
            m->r.ax.l = (uint8_t)c;
            m->r.flags &= ~FLAG_ZF;
            return;
        }
    } else if (con_poll(m) == CON_READY) {
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
    int c = con_read_char(m);
    if (c != CON_WAITING)
        m->r.ax.l = (uint8_t)c;
}

/* INT 21h/08h  Character input without echo (RBIL INT 21/AH=08h).
 * In:  nothing.  Out: AL = character, 1Ah at end of input.
 * Differs from 07h only in checking Ctrl-C (see the top). */
void dos_fn_con_read_noecho(struct machine *m)
{
    int c = con_read_char(m);
    if (c == CON_WAITING || (c == CON_CTRL_C && dos_ctrlc_raise(m)))
        return;
    m->r.ax.l = (uint8_t)c;
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

static void con_echo_str(struct machine *m, const char *s)
{
    con_put(m, DOS_STDOUT, s, (uint32_t)strlen(s));
}

/* Start editing a line of at most max - 1 characters on template t. */
static void con_edit_start(struct dos_con_edit *e, enum dos_con_editor owner, uint8_t max,
                           const uint8_t *t, uint8_t tn)
{
    e->owner = owner;
    e->max = max;
    e->n = 0;
    memmove(e->tmpl, t, tn);
    e->tmpl_n = tn;
    e->tmpl_pos = 0;
}

/* Type character c into the line: kept and echoed while it fits, else a
 * BEL (MS-DOS). */
static void con_edit_type(struct machine *m, struct dos_con_edit *e, uint8_t c)
{
    if (e->n + 1u >= e->max) {
        con_echo_str(m, "\a");
        return;
    }
    e->text[e->n++] = c;
    if (e->tmpl_pos < e->tmpl_n)
        e->tmpl_pos++; /* typing overwrites the template */
    con_put(m, DOS_STDOUT, &c, 1);
}

enum con_edit_end { CON_EDIT_DONE, CON_EDIT_WAIT, CON_EDIT_BREAK };

/* Edit the line in m->dos->con_edit with the keys typed so far, until
 * Enter (DONE: text[n] = CR, echoed), no key left (WAIT) or ^C (BREAK:
 * INT 23h raised, the line dropped). */
static enum con_edit_end con_edit_run(struct machine *m)
{
    struct dos_con_edit *e = &m->dos->con_edit;
    for (;;) {
        int c = con_kbd_byte(m);
        if (c < 0)
            return CON_EDIT_WAIT;
        if (c == 0) { /* extended key: the scan code follows */
            if (con_kbd_byte(m) == CON_SC_F3)
                while (e->tmpl_pos < e->tmpl_n && e->n + 1u < e->max)
                    con_edit_type(m, e, e->tmpl[e->tmpl_pos]);
            continue;
        }
        switch (c) {
        case CON_CR:
            e->text[e->n] = CON_CR;
            con_echo_str(m, "\r");
            e->owner = DOS_CON_EDIT_NONE;
            return CON_EDIT_DONE;
        case CON_CTRL_C:
            if (dos_ctrlc_raise(m)) {
                e->owner = DOS_CON_EDIT_NONE;
                return CON_EDIT_BREAK;
            }
            con_edit_type(m, e, (uint8_t)c);
            break;
        case CON_BS:
            if (e->n > 0) {
                e->n--;
                if (e->tmpl_pos > 0)
                    e->tmpl_pos--;
                con_echo_str(m, "\b \b");
            }
            break;
        case CON_ESC: /* cancel the line: '\', a new line, start over */
            e->n = 0;
            e->tmpl_pos = 0;
            con_echo_str(m, "\\\r\n");
            break;
        case CON_LF: /* Ctrl-Enter: the line goes on on the next screen line */
            con_echo_str(m, "\r\n");
            break;
        default:
            con_edit_type(m, e, (uint8_t)c);
            break;
        }
    }
}

/* 0Ah from the keyboard: the line edited in con_edit, the caller's
 * buffer as the template when it holds a previous line (byte 1 = its
 * length, then the text and a CR: RBIL Table 01344). */
static void con_read_line_kbd(struct machine *m, uint32_t buf, uint8_t max)
{
    struct dos_con_edit *e = &m->dos->con_edit;
    bool resume = con_take_resume(m) && e->owner == DOS_CON_EDIT_LINE && e->buf_lin == buf;
    if (!resume) {
        uint8_t tn = mem_rd8(m, buf + CON_LINE_COUNT), t[256];
        if (tn >= max || mem_rd8(m, buf + CON_LINE_TEXT + tn) != CON_CR)
            tn = 0;
        for (unsigned i = 0; i < tn; i++)
            t[i] = mem_rd8(m, buf + CON_LINE_TEXT + i);
        con_edit_start(e, DOS_CON_EDIT_LINE, max, t, tn);
        e->buf_lin = buf;
    }
    enum con_edit_end end = con_edit_run(m);
    if (end == CON_EDIT_WAIT)
        con_kbd_wait(m);
    if (end != CON_EDIT_DONE)
        return;
    mem_wr8(m, buf + CON_LINE_COUNT, e->n);
    for (unsigned i = 0; i <= e->n; i++)
        mem_wr8(m, buf + CON_LINE_TEXT + i, e->text[i]);
}

void dos_con_read_keyboard(struct machine *m, const struct dos_sft_entry *sft, uint8_t *buf,
                           uint16_t n)
{
    struct dos_con_edit *e = &m->dos->con_edit;
    bool resume = con_take_resume(m);
    uint16_t got = 0;
    if (sft->raw) {
        /* Raw: the keys as typed, no echo, no editing, no ^C. */
        while (got < n) {
            int c = con_kbd_byte(m);
            if (c < 0)
                break;
            buf[got++] = (uint8_t)c;
        }
        if (got == 0 && n > 0) {
            con_kbd_wait(m);
            return;
        }
    } else if (n > 0) {
        if (e->out_pos >= e->out_n) {
            if (!resume || e->owner != DOS_CON_EDIT_HANDLE)
                con_edit_start(e, DOS_CON_EDIT_HANDLE, DOS_CON_LINE_MAX, e->last, e->last_n);
            enum con_edit_end end = con_edit_run(m);
            if (end == CON_EDIT_WAIT)
                con_kbd_wait(m);
            if (end != CON_EDIT_DONE)
                return;
            /* The line and CR LF; the CR was echoed, the LF is too. */
            memcpy(e->last, e->text, e->n);
            e->last_n = e->n;
            memcpy(e->out, e->text, e->n + 1u);
            e->out[e->n + 1u] = CON_LF;
            e->out_n = (uint8_t)(e->n + 2u);
            e->out_pos = 0;
            con_echo_str(m, "\n");
        }
        got = (uint16_t)(e->out_n - e->out_pos);
        if (got > n)
            got = n;
        memcpy(buf, e->out + e->out_pos, got);
        e->out_pos = (uint8_t)(e->out_pos + got);
    }
    m->r.ax.w = got;
    dos_ok(m);
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
    if (con_kbd(m)) {
        con_read_line_kbd(m, buf, max);
        return;
    }
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
    bool ready = con_kbd(m) ? dos_con_keyboard_ready(m) : con_poll(m) == CON_READY;
    m->r.ax.l = ready ? 0xFF : 0x00;
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
    if (con_kbd(m)) {
        /* Not again when the read it chains to restarts after a wait:
         * that would drop the key it waited for. */
        if (!m->dos->con_resume) {
            bios_kbd_flush(m);
            m->dos->con_pending = -1;
        }
    } else if (fd >= 0 && isatty(fd)) {
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
