/*
 * The interactive prompt's line editor, used when standard input is a
 * terminal (a pipe or file is read as plain lines, cmd_sys.c). It stands
 * in for what DOS gives the prompt through INT 21h/0Ah plus DOSKEY:
 *   Left/Right, Home/End      move the cursor; typing inserts at it
 *   Backspace, Delete         delete left of / at the cursor
 *   Up/Down                   walk the history of this vdm run
 *   Esc                       clear the line (DOS: cancel the input)
 *   F3                        copy the rest of the previous line (DOS)
 *   Ctrl-C                    "^C", drop the line, a fresh prompt
 *   Ctrl-D or Ctrl-Z at an empty line: end of input (ends the prompt)
 * The terminal is in non-canonical mode without echo and signals only
 * while a line is read, and put back before this returns, on every path,
 * so nothing is left behind when vdm ends later for whatever reason.
 * Output goes through the DOS standard output like all of COMMAND.COM's.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "dos/handle.h"
#include "vdm/machine.h"

#define KEY_ESC 0x1B
#define KEY_CTRL_C 0x03
#define KEY_CTRL_D 0x04
#define KEY_CTRL_Z 0x1A
#define KEY_BS 0x08
#define KEY_DEL 0x7F
#define ESC_WAIT_MS 50   /* a lone Esc: nothing follows within this time */

struct edit {
    struct machine *m;
    int fd;
    const char *prompt;
    char *buf;
    size_t cap, len, pos;
};

/* One byte from the terminal; -1 at end of input or at the --timeout
 * deadline (then the run is marked timed out), -2 when `wait_ms` passed. */
static int get_byte(struct edit *e, int wait_ms)
{
    for (;;) {
        int ms = wait_ms;
        if (e->m->timeout_s > 0) {
            uint64_t end = e->m->start_ns + (uint64_t)(e->m->timeout_s * 1e9);
            uint64_t now = vdm_now_ns();
            if (now >= end) {
                e->m->outcome = RUN_TIMEOUT;
                return -1;
            }
            int left = (int)((end - now) / 1000000u) + 1;
            if (ms < 0 || left < ms)
                ms = left;
        }
        struct pollfd p = { e->fd, POLLIN, 0 };
        int r = poll(&p, 1, ms);
        if (r < 0 && errno == EINTR)
            continue;
        if (r == 0) {
            if (wait_ms >= 0)
                return -2;
            continue;
        }
        unsigned char c;
        ssize_t n = read(e->fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        return n == 1 ? c : -1;
    }
}

static void redraw(struct edit *e)
{
    cmd_printf(e->m, "\r%s%.*s\x1b[K", e->prompt, (int)e->len, e->buf);
    if (e->len > e->pos)
        cmd_printf(e->m, "\x1b[%zuD", e->len - e->pos);
}

static void set_text(struct edit *e, const char *s)
{
    snprintf(e->buf, e->cap, "%s", s);
    e->len = e->pos = strlen(e->buf);
}

static void insert(struct edit *e, char c)
{
    if (e->len + 1 >= e->cap)
        return;
    memmove(e->buf + e->pos + 1, e->buf + e->pos, e->len - e->pos);
    e->buf[e->pos++] = c;
    e->len++;
}

/* After ESC: the rest of an ANSI/xterm key sequence, as a key name. */
static char escape_key(struct edit *e)
{
    int c = get_byte(e, ESC_WAIT_MS);
    if (c == '[' || c == 'O') {
        int k = get_byte(e, ESC_WAIT_MS);
        if (k >= '0' && k <= '9') {
            int t = get_byte(e, ESC_WAIT_MS); /* "~" */
            (void)t;
            return k == '1' || k == '7' ? 'H' : k == '4' || k == '8' ? 'F' : k == '3' ? 'X' : 0;
        }
        return k == 'R' ? '3' : (char)k; /* ESC O R is F3 */
    }
    return c == -2 ? 'Q' : 0; /* a lone Esc */
}

static void history_add(struct cmd_shell *sh, const char *line)
{
    if (!line[0] || (sh->nhist && strcmp(sh->hist[sh->nhist - 1], line) == 0))
        return;
    if (sh->nhist == CMD_HIST_MAX) {
        free(sh->hist[0]);
        memmove(sh->hist, sh->hist + 1, (CMD_HIST_MAX - 1) * sizeof sh->hist[0]);
        sh->nhist--;
    }
    char *copy = strdup(line);
    if (copy)
        sh->hist[sh->nhist++] = copy;
}

bool cmd_edit_line(struct machine *m, const char *prompt, char *buf, size_t cap)
{
    struct dos_sft_entry *se = dos_handle_sft(m, DOS_STDIN);
    struct termios old, raw;
    if (!se || tcgetattr(se->host_fd, &old) != 0)
        return cmd_read_line(m, buf, cap);
    raw = old;
    raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= (tcflag_t) ~(IXON | ICRNL);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(se->host_fd, TCSADRAIN, &raw);

    struct cmd_shell *sh = m->dos->cmd;
    struct edit e = { m, se->host_fd, prompt, buf, cap, 0, 0 };
    int hpos = sh->nhist;
    bool got = true;
    buf[0] = 0;
    for (;;) {
        int c = get_byte(&e, -1);
        if (c < 0 || ((c == KEY_CTRL_D || c == KEY_CTRL_Z) && e.len == 0)) {
            got = false;
            break;
        }
        if (c == '\r' || c == '\n')
            break;
        if (c == KEY_CTRL_C) {
            cmd_puts(m, "^C\r\n");
            e.len = e.pos = 0;
            break;
        }
        if (c == KEY_BS || c == KEY_DEL) {
            if (e.pos) {
                memmove(buf + e.pos - 1, buf + e.pos, e.len - e.pos);
                e.pos--;
                e.len--;
            }
        } else if (c == KEY_ESC) {
            switch (escape_key(&e)) {
            case 'D': if (e.pos) e.pos--; break;
            case 'C': if (e.pos < e.len) e.pos++; break;
            case 'H': e.pos = 0; break;
            case 'F': e.pos = e.len; break;
            case 'X':
                if (e.pos < e.len) {
                    memmove(buf + e.pos, buf + e.pos + 1, e.len - e.pos - 1);
                    e.len--;
                }
                break;
            case 'A':
                if (hpos > 0)
                    set_text(&e, sh->hist[--hpos]);
                break;
            case 'B':
                if (hpos < sh->nhist)
                    hpos++;
                set_text(&e, hpos < sh->nhist ? sh->hist[hpos] : "");
                break;
            case '3':
                if (sh->nhist) {
                    const char *last = sh->hist[sh->nhist - 1];
                    for (size_t i = e.len; i < strlen(last); i++)
                        insert(&e, last[i]);
                }
                break;
            case 'Q': e.len = e.pos = 0; break;
            default: break;
            }
        } else if (c >= ' ') {
            insert(&e, (char)c);
        }
        buf[e.len] = 0;
        redraw(&e);
    }
    buf[e.len] = 0;
    tcsetattr(se->host_fd, TCSADRAIN, &old);
    if (got)
        cmd_puts(m, "\r\n");
    history_add(sh, buf);
    return got;
}
