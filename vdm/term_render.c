/*
 * ANSI diff renderer. Sequences used (ECMA-48 / xterm): CUP "ESC[r;cH",
 * CUF "ESC[nC", SGR 38/48 ";2;r;g;b" (truecolor) or ";5;n" (256 colours),
 * SGR 5/25 blink, DECTCEM "ESC[?25h/l", DECSCUSR "ESC[n q".
 */
#include "term_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cp437.h"

#define CUF_MAX_REWRITE 4 /* a gap this short is cheaper rewritten than skipped */
#define SHAPE_BLOCK 2     /* DECSCUSR steady block */
#define SHAPE_UNDERLINE 4 /* DECSCUSR steady underline */

void term_buf_put(struct term_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->n + n)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

void term_buf_puts(struct term_buf *b, const char *s)
{
    term_buf_put(b, s, strlen(s));
}

void term_buf_free(struct term_buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

void term_render_reset(struct term_render *r, bool truecolor)
{
    r->truecolor = truecolor;
    r->row = r->col = -1;
    r->fg = r->bg = -1;
    r->blink = -1;
    r->cur_shown = -1;
    r->cur_shape = -1;
}

int term_render_xterm256(unsigned rgb)
{
    static const int level[6] = { 0, 95, 135, 175, 215, 255 };
    int c[3] = { (int)(rgb >> 16 & 0xFF), (int)(rgb >> 8 & 0xFF), (int)(rgb & 0xFF) };
    int idx[3], best = 0;
    long best_d = -1, d = 0;
    for (int i = 0; i < 3; i++) {
        int k = 0;
        for (int j = 1; j < 6; j++)
            if (abs(level[j] - c[i]) < abs(level[k] - c[i]))
                k = j;
        idx[i] = k;
        d += (long)(level[k] - c[i]) * (level[k] - c[i]);
    }
    best = 16 + 36 * idx[0] + 6 * idx[1] + idx[2];
    best_d = d;
    for (int g = 0; g < 24; g++) {
        int v = 8 + 10 * g;
        long dg = 0;
        for (int i = 0; i < 3; i++)
            dg += (long)(v - c[i]) * (v - c[i]);
        if (dg < best_d) {
            best_d = dg;
            best = 232 + g;
        }
    }
    return best;
}

static void sgr_colour(struct term_render *r, struct term_buf *b, const struct disp_screen *s,
                       bool fg, int colour)
{
    char e[32];
    unsigned rgb = s->palette[colour];
    if (r->truecolor)
        snprintf(e, sizeof e, "\x1b[%d;2;%u;%u;%um", fg ? 38 : 48, rgb >> 16 & 0xFF,
                 rgb >> 8 & 0xFF, rgb & 0xFF);
    else
        snprintf(e, sizeof e, "\x1b[%d;5;%dm", fg ? 38 : 48, term_render_xterm256(rgb));
    term_buf_puts(b, e);
}

static void set_attr(struct term_render *r, struct term_buf *b, const struct disp_screen *s,
                     uint8_t attr)
{
    int fg = DISP_ATTR_FG(attr), bg = DISP_ATTR_BG(attr, s->blink_on);
    int blink = s->blink_on && (attr & DISP_ATTR_BLINK) ? 1 : 0;
    if (fg != r->fg)
        sgr_colour(r, b, s, true, fg);
    if (bg != r->bg)
        sgr_colour(r, b, s, false, bg);
    if (blink != r->blink)
        term_buf_puts(b, blink ? "\x1b[5m" : "\x1b[25m");
    r->fg = fg;
    r->bg = bg;
    r->blink = blink;
}

static void move_to(struct term_render *r, struct term_buf *b, int row, int col)
{
    char e[32];
    if (r->row == row && r->col == col)
        return;
    if (r->row == row && r->col >= 0 && col > r->col)
        snprintf(e, sizeof e, col - r->col == 1 ? "\x1b[C" : "\x1b[%dC", col - r->col);
    else if (row == 0 && col == 0)
        snprintf(e, sizeof e, "\x1b[H");
    else
        snprintf(e, sizeof e, "\x1b[%d;%dH", row + 1, col + 1);
    term_buf_puts(b, e);
    r->row = row;
    r->col = col;
}

static void put_cell(struct term_render *r, struct term_buf *b, const struct disp_screen *s,
                     uint16_t cell, int cols)
{
    char u[3];
    set_attr(r, b, s, (uint8_t)(cell >> 8));
    term_buf_put(b, u, cp437_to_utf8((uint8_t)cell, u));
    /* At the last column the cursor stays put with a wrap pending, which
     * terminals treat differently: forget where it is. */
    if (++r->col >= cols)
        r->col = -1;
}

void term_render_diff(struct term_render *r, struct term_buf *b, const struct disp_screen *old,
                      const struct disp_screen *now, int rows, int cols)
{
    int vr = now->rows < rows ? now->rows : rows;
    int vc = now->cols < cols ? now->cols : cols;
    bool same_shape = old && old->rows == now->rows && old->cols == now->cols &&
                      old->blink_on == now->blink_on &&
                      memcmp(old->palette, now->palette, sizeof now->palette) == 0;
    for (int row = 0; row < vr; row++) {
        for (int col = 0; col < vc; col++) {
            uint16_t c = disp_cell(now, row, col);
            if (same_shape && disp_cell(old, row, col) == c)
                continue;
            /* A short run of unchanged cells in the same colours costs
             * fewer bytes rewritten than a cursor move over it. */
            if (r->row == row && r->col >= 0 && col > r->col && col - r->col <= CUF_MAX_REWRITE) {
                int k;
                for (k = r->col; k < col; k++) {
                    uint16_t u = disp_cell(now, row, k);
                    if ((u >> 8) != (c >> 8) || (uint8_t)u >= 0x80)
                        break;
                }
                if (k == col)
                    for (k = r->col; k < col; k++)
                        put_cell(r, b, now, disp_cell(now, row, k), vc);
            }
            move_to(r, b, row, col);
            put_cell(r, b, now, c, cols);
        }
    }
    if (now->cur_visible && now->cur_row < vr && now->cur_col < vc) {
        move_to(r, b, now->cur_row, now->cur_col);
        int shape = now->cur_start * 2 < now->char_height ? SHAPE_BLOCK : SHAPE_UNDERLINE;
        if (shape != r->cur_shape) {
            char e[16];
            snprintf(e, sizeof e, "\x1b[%d q", shape);
            term_buf_puts(b, e);
            r->cur_shape = shape;
        }
        if (r->cur_shown != 1)
            term_buf_puts(b, "\x1b[?25h");
        r->cur_shown = 1;
    } else if (r->cur_shown != 0) {
        term_buf_puts(b, "\x1b[?25l");
        r->cur_shown = 0;
    }
}
