/*
 * Terminal front end.
 *
 * States: STREAMING (terminal untouched: the program's handle output
 * goes to it as to any command's) -> TAKEN (alternate screen, raw mode,
 * the DOS screen drawn and the keyboard read here) -> ENDED (modes
 * restored, alternate screen left, final screen printed). The switch to
 * TAKEN happens at the first refresh that finds the screen state
 * (video memory of the visible page, mode, cursor position or shape)
 * different from the snapshot taken at start or after the last teletype
 * output (display_note_teletype), i.e. the program drew on the screen
 * itself or set a mode. Invariants: (1) raw mode is on iff state is TAKEN;
 * (2) fini always leaves STREAMING or TAKEN for ENDED, restoring the
 * saved termios whenever it was changed.
 *
 * Ctrl-C. In raw mode the terminal sends 03h instead of SIGINT; it goes
 * to the guest as the Ctrl+C key stroke (BIOS code 2E03h, which DOS turns
 * into INT 23h when it checks for ^C). A second Ctrl-C within a second
 * raises SIGINT, which vdm/main.c turns into a clean stop.
 *
 * Window size: read with TIOCGWINSZ at every refresh, so a SIGWINCH-ed
 * resize is seen within a frame without a signal handler; a terminal
 * smaller than the DOS screen shows its top-left part and a message on
 * its last line.
 */
#include "disp_term.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "bios/mouse.h"
#include "disp_screen.h"
#include "keyin.h"
#include "machine.h"
#include "term_keys.h"
#include "term_render.h"

#define ESC_TIMEOUT_NS 50000000u    /* a lone ESC this old is the Esc key */
#define CTRL_C_TWICE_NS 1000000000u /* second Ctrl-C within this ends vdm */
#define CTRL_C 0x03
#define IN_BUF 256

enum term_state { TERM_STREAMING, TERM_TAKEN, TERM_ENDED };

struct term {
    enum term_state state;
    int in_fd, out_fd, own_fd;  /* own_fd: /dev/tty we opened, else -1 */
    struct termios saved;
    bool have_saved;
    int rows, cols;             /* terminal size */
    bool clipped;               /* the message line is showing */
    struct disp_screen shown;   /* what the terminal shows (TAKEN) */
    struct disp_screen now;     /* scratch: the guest's screen */
    struct disp_screen base;    /* STREAMING: the screen before the take */
    bool shown_valid;
    struct term_render r;
    struct term_buf out;
    uint8_t in[IN_BUF];
    size_t in_n;
    uint64_t in_ns;             /* when the pending bytes arrived */
    uint64_t last_ctrl_c_ns;
    bool mouse_on;              /* xterm mouse reporting is enabled */
    unsigned mouse_buttons;     /* MOUSE_* held, from the reports */
};

/* xterm mouse reporting: button presses and releases, motion while a
 * button is held, SGR (1006) coordinates (xterm ctlseqs). */
#define MOUSE_REPORT_ON "\x1b[?1000h\x1b[?1002h\x1b[?1006h"
#define MOUSE_REPORT_OFF "\x1b[?1006l\x1b[?1002l\x1b[?1000l"

static void out_flush(struct term *t)
{
    size_t off = 0;
    while (off < t->out.n) {
        ssize_t w = write(t->out_fd, t->out.p + off, t->out.n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break; /* a terminal that went away: nothing more to show */
        off += (size_t)w;
    }
    t->out.n = 0;
    t->out.oom = false;
}

static bool same_state(const struct disp_screen *a, const struct disp_screen *b)
{
    return a->mode == b->mode && a->rows == b->rows && a->cols == b->cols &&
           a->cur_row == b->cur_row && a->cur_col == b->cur_col &&
           a->cur_start == b->cur_start && a->cur_end == b->cur_end &&
           memcmp(a->cell, b->cell, sizeof a->cell[0] * (size_t)(a->rows * a->cols)) == 0;
}

static void term_size(struct term *t)
{
    struct winsize ws;
    if (ioctl(t->out_fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
        t->rows = ws.ws_row;
        t->cols = ws.ws_col;
    } else {
        t->rows = 25;
        t->cols = 80;
    }
}

static bool term_init(struct machine *m, struct display *d, char *err, size_t cap)
{
    struct term *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, cap, "out of memory");
        return false;
    }
    t->own_fd = -1;
    t->in_fd = STDIN_FILENO;
    t->out_fd = STDOUT_FILENO;
    if (!isatty(t->out_fd) || !isatty(t->in_fd)) {
        t->own_fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
        int e = errno;
        if (t->own_fd < 0 && isatty(t->out_fd)) {
            t->in_fd = -1; /* a screen but no keyboard (no controlling tty) */
        } else if (t->own_fd < 0) {
            snprintf(err, cap, "--display=terminal needs a terminal (/dev/tty: %s)",
                     strerror(e));
            free(t);
            return false;
        } else {
            if (!isatty(t->out_fd))
                t->out_fd = t->own_fd;
            if (!isatty(t->in_fd))
                t->in_fd = t->own_fd;
        }
    }
    const char *ct = getenv("COLORTERM");
    term_render_reset(&t->r, ct && (strcmp(ct, "truecolor") == 0 || strcmp(ct, "24bit") == 0));
    disp_screen_read(m, &t->base);
    d->priv = t;
    return true;
}

static void term_take(struct machine *m, struct term *t, struct display *d)
{
    (void)m;
    if (t->in_fd >= 0 && tcgetattr(t->in_fd, &t->saved) == 0) {
        t->have_saved = true;
        struct termios raw = t->saved;
        cfmakeraw(&raw);
        raw.c_oflag |= OPOST; /* keep \n -> \r\n for our own messages */
        tcsetattr(t->in_fd, TCSAFLUSH, &raw);
    }
    t->state = TERM_TAKEN;
    t->shown_valid = false;
    d->wake_fd = t->in_fd;
    /* Alternate screen, cleared, attributes reset. */
    term_buf_puts(&t->out, "\x1b[?1049h\x1b[0m\x1b[2J");
    out_flush(t);
}

static void handle_stroke(struct machine *m, struct display *d, struct key_stroke k)
{
    keyin_stroke(m, k);
    d->keys++;
}

/* An SGR mouse report to the INT 33h driver: the cell's virtual position
 * (column * 8, row * 8) and the buttons now held. Wheel reports are not
 * buttons; the driver has no wheel. */
static void mouse_report(struct machine *m, struct term *t, const struct term_mouse *ev)
{
    static const unsigned bit[3] = { MOUSE_LEFT, MOUSE_MIDDLE, MOUSE_RIGHT };
    if (ev->wheel)
        return;
    if (!ev->motion && ev->button < 3) {
        if (ev->release)
            t->mouse_buttons &= ~bit[ev->button];
        else
            t->mouse_buttons |= bit[ev->button];
    }
    mouse_event(m, ev->col * 8, ev->row * 8, t->mouse_buttons);
}

static void term_poll_input(struct machine *m, struct display *d)
{
    struct term *t = d->priv;
    if (t->state != TERM_TAKEN || t->in_fd < 0)
        return;
    uint64_t now = vdm_now_ns();
    for (;;) {
        struct pollfd p = { .fd = t->in_fd, .events = POLLIN };
        if (t->in_n < IN_BUF && poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
            /* The fd stays blocking (it is shared with the shell's); poll
             * said a read will not wait. */
            ssize_t r = read(t->in_fd, t->in + t->in_n, IN_BUF - t->in_n);
            if (r > 0) {
                t->in_n += (size_t)r;
                t->in_ns = now;
            } else if (r == 0 || errno != EINTR) {
                d->wake_fd = -1; /* hung up: nothing more to wait for */
            }
        }
        if (t->in_n == 0)
            return;
        bool more = now - t->in_ns < ESC_TIMEOUT_NS;
        if (t->in[0] == CTRL_C) {
            memmove(t->in, t->in + 1, --t->in_n);
            if (t->last_ctrl_c_ns && now - t->last_ctrl_c_ns < CTRL_C_TWICE_NS) {
                raise(SIGINT);
                return;
            }
            t->last_ctrl_c_ns = now;
            handle_stroke(m, d, keyin_from_char(CTRL_C));
            continue;
        }
        struct term_mouse ev;
        size_t used;
        enum term_key_result mres = term_mouse_decode(t->in, t->in_n, more, &ev, &used);
        if (mres == TERM_KEY_NEED_MORE)
            return;
        if (used) { /* a mouse report (or a broken one): not keys */
            memmove(t->in, t->in + used, t->in_n - used);
            t->in_n -= used;
            if (mres == TERM_KEY_STROKE)
                mouse_report(m, t, &ev);
            continue;
        }
        struct key_stroke k;
        enum term_key_result res = term_keys_decode(t->in, t->in_n, more, &k, &used);
        if (res == TERM_KEY_NEED_MORE)
            return; /* the next tick decides (the idle sleep wakes for it) */
        if (used == 0)
            used = 1;
        memmove(t->in, t->in + used, t->in_n - used);
        t->in_n -= used;
        if (res == TERM_KEY_STROKE)
            handle_stroke(m, d, k);
    }
}

static void clip_message(struct term *t, const struct disp_screen *s)
{
    char msg[160];
    int n = snprintf(msg, sizeof msg,
                     "vdm: this terminal (%dx%d) is smaller than the DOS screen (%dx%d); "
                     "enlarge it to see all",
                     t->cols, t->rows, s->cols, s->rows);
    if (n > t->cols)
        n = t->cols;
    char e[32];
    snprintf(e, sizeof e, "\x1b[%d;1H\x1b[0;7m", t->rows);
    term_buf_puts(&t->out, e);
    term_buf_put(&t->out, msg, (size_t)n);
    term_buf_puts(&t->out, "\x1b[0m");
    term_render_reset(&t->r, t->r.truecolor);
}

static void term_refresh(struct machine *m, struct display *d, uint64_t now)
{
    (void)now;
    struct term *t = d->priv;
    disp_screen_read(m, &t->now);
    if (t->state == TERM_STREAMING) {
        if (same_state(&t->now, &t->base))
            return;
        term_take(m, t, d);
    }
    /* Mouse reports only for a program that uses the mouse, so selecting
     * text with the mouse keeps working for every other one. */
    if (!t->mouse_on && mouse_in_use(m)) {
        term_buf_puts(&t->out, MOUSE_REPORT_ON);
        t->mouse_on = true;
    }
    int rows = t->rows, cols = t->cols;
    term_size(t);
    bool clip = t->now.rows > t->rows || t->now.cols > t->cols;
    bool new_size = t->shown_valid &&
                    (t->shown.rows != t->now.rows || t->shown.cols != t->now.cols);
    if (rows != t->rows || cols != t->cols || clip != t->clipped || new_size) {
        /* The terminal or the DOS screen changed size: clear and draw
         * everything again (no stale cells beyond a narrower mode). */
        term_buf_puts(&t->out, "\x1b[0m\x1b[2J");
        term_render_reset(&t->r, t->r.truecolor);
        t->shown_valid = false;
    }
    int vis_rows = clip ? t->rows - 1 : t->rows;
    term_render_diff(&t->r, &t->out, t->shown_valid ? &t->shown : NULL, &t->now, vis_rows,
                     t->cols);
    if (clip && (!t->clipped || !t->shown_valid)) {
        clip_message(t, &t->now);
        term_render_diff(&t->r, &t->out, &t->now, &t->now, vis_rows, t->cols); /* cursor */
    }
    t->clipped = clip;
    if (t->out.oom) {
        t->shown_valid = false; /* incomplete: start over next time */
        t->out.n = 0;
        t->out.oom = false;
        return;
    }
    out_flush(t);
    t->shown = t->now;
    t->shown_valid = true;
}

static void term_teletype(struct machine *m, struct display *d)
{
    struct term *t = d->priv;
    if (t->state == TERM_STREAMING)
        disp_screen_read(m, &t->base);
}

/* The final screen into the normal screen: plain text, trailing blank
 * lines dropped, so it stays in the scrollback. */
static void print_final(struct term *t)
{
    struct disp_screen *s = &t->now;
    int last = s->rows - 1;
    for (; last >= 0; last--) {
        int c;
        for (c = 0; c < s->cols; c++) {
            uint8_t ch = disp_cell(s, last, c) & 0xFF;
            if (ch != 0 && ch != ' ' && ch != 0xFF)
                break;
        }
        if (c < s->cols)
            break;
    }
    struct disp_screen cut = *s;
    cut.rows = last + 1;
    disp_screen_write_text(&cut, t->out_fd);
}

static void term_fini(struct machine *m, struct display *d)
{
    struct term *t = d->priv;
    if (!t)
        return;
    if (t->state == TERM_TAKEN) {
        disp_screen_read(m, &t->now);
        if (t->mouse_on)
            term_buf_puts(&t->out, MOUSE_REPORT_OFF);
        term_buf_puts(&t->out, "\x1b[0m\x1b[0 q\x1b[?25h\x1b[?1049l");
        out_flush(t);
        if (t->have_saved)
            tcsetattr(t->in_fd, TCSAFLUSH, &t->saved);
        print_final(t);
    }
    t->state = TERM_ENDED;
    d->wake_fd = -1;
    if (t->own_fd >= 0)
        close(t->own_fd);
    term_buf_free(&t->out);
    free(t);
    d->priv = NULL;
}

static bool term_shows_console(const struct display *d)
{
    const struct term *t = d->priv;
    return t && t->state == TERM_TAKEN;
}

static bool term_owns_keyboard(const struct display *d)
{
    const struct term *t = d->priv;
    return t && t->state == TERM_TAKEN && t->in_fd >= 0;
}

const struct display_ops disp_term_ops = {
    .name = "terminal",
    .init = term_init,
    .poll_input = term_poll_input,
    .refresh = term_refresh,
    .fini = term_fini,
    .teletype = term_teletype,
    .shows_console = term_shows_console,
    .owns_keyboard = term_owns_keyboard,
};
