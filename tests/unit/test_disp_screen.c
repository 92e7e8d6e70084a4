/*
 * vdm/disp_screen.c: the text screen read from guest memory and the BIOS
 * data area (RBIL MEMORY.LST 40:49h mode, 4Ah columns, 4Eh page offset,
 * 50h cursor per page, 60h cursor shape, 62h active page, 84h rows - 1,
 * 85h character height), and the UTF-8 text written for --screen-dump.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bios/bda.h"
#include "bios/bios.h"
#include "hw/hw.h"
#include "vdm/disp_screen.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

static void test_colour_page_and_cursor(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    struct disp_screen *s = malloc(sizeof *s);
    assert_true(bios_init(m));
    mem_wr16(m, 0xB8000, 0x1E41);                 /* page 0: 'A' */
    mem_wr16(m, 0xB8000 + 0x1000, 0x0742);        /* page 1: 'B' */
    mem_wr16(m, BDA_LIN + BDA_VIDEO_PAGE_OFF, 0x1000);
    mem_wr8(m, BDA_LIN + BDA_VIDEO_PAGE, 1);
    mem_wr16(m, BDA_LIN + BDA_CURSOR_POS + 2, 0x0305); /* page 1: row 3, col 5 */
    disp_screen_read(m, s);
    assert_int_equal(s->rows, 25);
    assert_int_equal(s->cols, 80);
    assert_int_equal(s->cell[0], 0x0742);         /* the active page */
    assert_int_equal(s->cur_row, 3);
    assert_int_equal(s->cur_col, 5);
    assert_true(s->cur_visible);
    /* The BIOS default shape 0607h, CGA lines, scaled to 16-line cells. */
    assert_int_equal(s->cur_start, 12);
    assert_int_equal(s->cur_end, 15);
    mem_wr16(m, BDA_LIN + BDA_CURSOR_SHAPE, 0x2000); /* bit 5: hidden */
    disp_screen_read(m, s);
    assert_false(s->cur_visible);
    free(s);
    bios_destroy(m);
    machine_destroy(m);
}

static void test_mono_and_sizes(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    struct disp_screen *s = malloc(sizeof *s);
    assert_true(bios_init(m));
    mem_wr8(m, BDA_LIN + BDA_VIDEO_MODE, 0x07);
    mem_wr16(m, 0xB0000, 0x0758);
    mem_wr8(m, BDA_LIN + BDA_VIDEO_ROWS, 49);     /* 50 lines */
    mem_wr8(m, BDA_LIN + BDA_CHAR_HEIGHT, 8);
    disp_screen_read(m, s);
    assert_int_equal(s->cell[0], 0x0758);
    assert_int_equal(s->rows, 50);
    assert_int_equal(s->char_height, 8);
    assert_int_equal(s->cur_start, 6);            /* no scaling at 8 lines */
    /* A BDA scribbled on gives the default size, not an overrun. */
    mem_wr16(m, BDA_LIN + BDA_VIDEO_COLS, 0xFFFF);
    mem_wr8(m, BDA_LIN + BDA_VIDEO_ROWS, 0xFF);
    disp_screen_read(m, s);
    assert_int_equal(s->cols, 80);
    assert_int_equal(s->rows, 25);
    free(s);
    bios_destroy(m);
    machine_destroy(m);
}

/* Colours and blink come from the VGA registers the program set: the DAC
 * (ports 3C8h/3C9h) and the attribute controller mode (3C0h index 10h). */
static void test_palette_and_blink_from_vga(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    struct disp_screen *s = malloc(sizeof *s);
    assert_true(hw_init(m));
    assert_true(bios_init(m));
    disp_screen_read(m, s);
    for (unsigned c = 0; c < 16; c++)
        assert_int_equal(s->palette[c], disp_vga_palette[c]);
    assert_true(s->blink_on);

    uint32_t v = 1; /* DAC entry 1 (colour 1's default) := bright red */
    port_io(m, 0x3C8, true, 1, &v);
    v = 63;
    port_io(m, 0x3C9, true, 1, &v);
    v = 0;
    port_io(m, 0x3C9, true, 1, &v);
    port_io(m, 0x3C9, true, 1, &v);
    port_io(m, 0x3DA, false, 1, &v);  /* reset the 3C0h flip-flop */
    v = 0x30;                         /* index 10h, palette address source on */
    port_io(m, 0x3C0, true, 1, &v);
    v = 0x04;                         /* mode control: blink off */
    port_io(m, 0x3C0, true, 1, &v);
    disp_screen_read(m, s);
    assert_int_equal(s->palette[1], 0xFF0000);
    assert_int_equal(s->palette[2], disp_vga_palette[2]);
    assert_false(s->blink_on);
    free(s);
    bios_destroy(m);
    machine_destroy(m);
}

static void test_text_dump(void **state)
{
    (void)state;
    struct disp_screen *s = calloc(1, sizeof *s);
    s->rows = 3;
    s->cols = 4;
    static const uint16_t cells[12] = {
        0x0741, 0x0782, 0x0720, 0x0700,           /* "Aé" + blanks */
        0x0720, 0x0720, 0x0720, 0x0720,           /* empty line */
        0x07C4, 0x0701, 0x0720, 0x07FF,           /* "─☺" + space + NBSP */
    };
    memcpy(s->cell, cells, sizeof cells);
    char path[] = "/tmp/vdm-test-dump.XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_true(disp_screen_write_text(s, fd));
    char buf[64] = "";
    assert_int_equal(pread(fd, buf, sizeof buf - 1, 0), 12);
    assert_string_equal(buf, "A\xc3\xa9\n\n\xe2\x94\x80\xe2\x98\xba\n");
    close(fd);
    unlink(path);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_colour_page_and_cursor),
        cmocka_unit_test(test_mono_and_sizes),
        cmocka_unit_test(test_palette_and_blink_from_vga),
        cmocka_unit_test(test_text_dump),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
