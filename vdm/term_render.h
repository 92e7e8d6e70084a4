/*
 * The ANSI renderer of the terminal front end: from the screen the
 * terminal shows to the screen the guest has now, the shortest escape
 * sequences we know (cursor moves only where the next changed cell is not
 * where the cursor already stands, colours only when they change).
 * Pure: bytes go into a buffer, so the unit tests read them.
 */
#ifndef VDM_TERM_RENDER_H
#define VDM_TERM_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "disp_screen.h"

struct term_buf {
    char *p;
    size_t n, cap;
    bool oom;       /* an append failed: the buffer is incomplete */
};

void term_buf_put(struct term_buf *b, const char *s, size_t n);
void term_buf_puts(struct term_buf *b, const char *s);
void term_buf_free(struct term_buf *b);

/* What the terminal is known to show. -1 in a field: unknown. */
struct term_render {
    bool truecolor;  /* 24-bit SGR, else the 256-colour palette */
    int row, col;    /* where the terminal cursor is */
    int fg, bg;      /* current SGR colours (DOS colour numbers) */
    int blink;       /* SGR 5 on (1) / off (0) */
    int cur_shown;   /* cursor visible (1) / hidden (0) */
    int cur_shape;   /* DECSCUSR style last set */
};

/* Forget everything the terminal is known to show (after a clear). */
void term_render_reset(struct term_render *r, bool truecolor);

/* Append what turns `old` (NULL: a cleared, unknown screen) into `now`,
 * within the terminal's rows x cols (cells beyond are clipped), then put
 * the cursor where the DOS cursor is. */
void term_render_diff(struct term_render *r, struct term_buf *b, const struct disp_screen *old,
                      const struct disp_screen *now, int rows, int cols);

/* The 256-colour palette index nearest to 0xRRGGBB (xterm cube and grey
 * ramp, 16..255, which do not depend on the terminal's theme). */
int term_render_xterm256(unsigned rgb);

#endif
