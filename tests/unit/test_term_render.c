/*
 * vdm/term_render.c: a known screen change gives the expected minimal
 * byte sequence (issue 7, Tests): one cursor move per changed run, colours
 * only when they change, short gaps rewritten instead of skipped, cells
 * beyond a small terminal clipped, the cursor put back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "vdm/term_render.h"

struct fx {
    struct disp_screen a, b;
    struct term_render r;
    struct term_buf out;
};

static void blank(struct disp_screen *s)
{
    memset(s, 0, sizeof *s);
    s->rows = 25;
    s->cols = 80;
    for (int i = 0; i < 80 * 25; i++)
        s->cell[i] = 0x0720;
    s->cur_visible = true;
    s->cur_start = 14;
    s->cur_end = 15;
    s->char_height = 16;
    s->blink_on = true;
    memcpy(s->palette, disp_vga_palette, sizeof s->palette);
}

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    blank(&f->a);
    term_render_reset(&f->r, false);
    /* Draw the first screen; what follows are changes to it. */
    term_render_diff(&f->r, &f->out, NULL, &f->a, 25, 80);
    f->out.n = 0;
    f->b = f->a;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    term_buf_free(&f->out);
    free(f);
    return 0;
}

static void want(struct fx *f, const char *bytes)
{
    term_render_diff(&f->r, &f->out, &f->a, &f->b, 25, 80);
    term_buf_put(&f->out, "", 1);
    assert_string_equal(f->out.p, bytes);
    f->out.n = 0;
    f->a = f->b;
}

static void test_first_draw(void **state)
{
    (void)state;
    struct disp_screen *s = malloc(sizeof *s);
    blank(s);
    s->cell[0] = 0x1E41;
    struct term_render r;
    struct term_buf b = { 0 };
    term_render_reset(&r, true);
    term_render_diff(&r, &b, NULL, s, 25, 80);
    term_buf_put(&b, "", 1);
    /* Truecolor SGR for yellow on blue, then the rest in grey on black. */
    assert_memory_equal(b.p, "\x1b[H\x1b[38;2;255;255;85m\x1b[48;2;0;0;170m\x1b[25mA", 39);
    assert_non_null(strstr(b.p, "\x1b[38;2;170;170;170m\x1b[48;2;0;0;0m "));
    term_buf_free(&b);
    free(s);
}

static void test_one_cell(void **state)
{
    struct fx *f = *state;
    f->b.cell[2 * 80 + 5] = 0x0758;
    want(f, "\x1b[3;6HX\x1b[H");
}

static void test_short_gap_rewritten(void **state)
{
    struct fx *f = *state;
    f->b.cell[2 * 80 + 5] = 0x0741;
    f->b.cell[2 * 80 + 8] = 0x0742;
    want(f, "\x1b[3;6HA  B\x1b[H");
    f->b.cell[2 * 80 + 5] = 0x0761;
    f->b.cell[2 * 80 + 30] = 0x0762; /* a long gap: a forward move */
    want(f, "\x1b[3;6Ha\x1b[24Cb\x1b[H");
}

static void test_colour_and_cursor(void **state)
{
    struct fx *f = *state;
    f->b.cell[0] = 0x1E41;           /* yellow on blue, 256-colour mode */
    f->b.cur_row = 1;
    f->b.cur_col = 2;
    want(f, "\x1b[38;5;227m\x1b[48;5;19mA\x1b[2;3H");
    f->b.cell[1] = 0x1E42;           /* same colours: no SGR */
    want(f, "\x1b[1;2HB\x1b[2;3H");
    f->b.cell[2] = 0x9E43;           /* blinking */
    want(f, "\x1b[1;3H\x1b[5mC\x1b[2;3H");
    f->b.cur_visible = false;
    want(f, "\x1b[?25l");
    want(f, "");                     /* nothing changed: nothing sent */
}

static void test_clipped(void **state)
{
    struct fx *f = *state;
    f->b.cell[6 * 80 + 3] = 0x0758;  /* below a 5-row terminal */
    f->b.cell[1 * 80 + 12] = 0x0758; /* right of a 10-column one */
    f->b.cell[1 * 80 + 2] = 0x0759;
    term_render_diff(&f->r, &f->out, &f->a, &f->b, 5, 10);
    term_buf_put(&f->out, "", 1);
    assert_string_equal(f->out.p, "\x1b[2;3HY\x1b[H");
}

static void test_xterm256(void **state)
{
    (void)state;
    assert_int_equal(term_render_xterm256(0x000000), 16);
    assert_int_equal(term_render_xterm256(0xFFFFFF), 231);
    assert_int_equal(term_render_xterm256(0x0000AA), 19);
    assert_int_equal(term_render_xterm256(0x555555), 240); /* grey ramp */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_draw),
        cmocka_unit_test_setup_teardown(test_one_cell, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_gap_rewritten, setup, teardown),
        cmocka_unit_test_setup_teardown(test_colour_and_cursor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clipped, setup, teardown),
        cmocka_unit_test(test_xterm256),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
