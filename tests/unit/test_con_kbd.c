/*
 * DOS console input from the BIOS keyboard (dos/console.c) while a front
 * end owns the keyboard: keys typed through INT 09h reach INT 21h/08h,
 * 0Ah, 0Bh, 0Ch; a read with no key sends the guest to the ROM DOS wait
 * with its entry registers instead of blocking, and the call restarted
 * from there goes on where it was (0Ah's partial line). Without a front
 * end owning the keyboard, host stdin is read as before.
 * RBIL INT 21/AH=08h, 0Ah, 0Bh, 0Ch; INT 16/AH=00h (extended keys).
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

#include "bios/bios.h"
#include "bios/rom.h"
#include "dos/dos.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "dos/psp.h"
#include "hw/hw.h"
#include "vdm/display.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define TEST_PSP 0x1000
#define TEST_BUF_SEG 0x3000
#define VEC_DOS 0x21
#define VIDEO_LIN 0xB8000u

enum { SC_ESC = 0x01, SC_BS = 0x0E, SC_I = 0x17, SC_O = 0x18, SC_ENTER = 0x1C,
       SC_A = 0x1E, SC_H = 0x23, SC_Z = 0x2C, SC_F1 = 0x3B };

static bool yes(const struct display *d)
{
    (void)d;
    return true;
}

static const struct display_ops owning_ops = {
    .name = "test", .shows_console = yes, .owns_keyboard = yes,
};
static const struct display_ops stdio_ops = { .name = "test-stdio" };

struct fixture {
    struct machine *m;
    struct display d;
    int null_fd;
};

static int setup(void **state, const struct display_ops *ops)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    f->m = machine_create();
    assert_non_null(f->m);
    assert_true(hw_init(f->m));
    assert_true(bios_init(f->m));
    assert_true(dos_init(f->m));
    rom_install_ivt(f->m);
    psp_build(f->m, TEST_PSP, 0x2000, 0, 0, "", 0, 0);
    f->m->dos->cur_psp = TEST_PSP;
    uint32_t jft = mem_lin(TEST_PSP, PSP_JFT);
    for (int h = DOS_STDIN; h <= DOS_STDPRN; h++) {
        mem_wr8(f->m, jft + (uint32_t)h, (uint8_t)h);
        f->m->dos->sft[h].refs++;
    }
    /* stdin on /dev/null: the keyboard when a front end owns it, end of
     * input when not (whatever ctest gave the test process). */
    f->null_fd = open("/dev/null", O_RDONLY);
    assert_true(f->null_fd >= 0);
    f->m->dos->sft[DOS_STDIN].host_fd = f->null_fd;
    f->d.ops = ops;
    f->d.wake_fd = -1;
    f->d.up = true;
    f->m->disp = &f->d;
    *state = f;
    return 0;
}

static int setup_owning(void **state)
{
    return setup(state, &owning_ops);
}

static int setup_stdio(void **state)
{
    return setup(state, &stdio_ops);
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    f->m->disp = NULL;
    f->m->dos->sft[DOS_STDIN].host_fd = -1;
    close(f->null_fd);
    dos_destroy(f->m);
    bios_destroy(f->m);
    machine_destroy(f->m);
    free(f);
    return 0;
}

/* A key stroke through INT 09h's host part (make code only). */
static void type(struct machine *m, uint8_t sc)
{
    struct cpu_regs saved = m->r;
    m->r.ax.l = sc;
    bios_int09(m);
    m->r = saved;
}

/* INT 21h as the stub calls it: CS:IP just past the 21h stub's HLT. */
static void resume(struct machine *m)
{
    m->r.cs = ROM_SEG;
    m->r.ip.w = rom_stub_iret_off(VEC_DOS);
    dos_int21_dispatch(m);
}

static void int21(struct machine *m, uint16_t ax)
{
    m->r.ax.w = ax;
    resume(m);
}

static bool waiting(const struct machine *m)
{
    return m->r.cs == ROM_SEG && m->r.ip.w == ROM_DOS_WAIT_OFF;
}

static void test_08h_waits_then_reads(void **state)
{
    struct machine *m = ((struct fixture *)*state)->m;
    m->r.bx.w = 0x1234;
    int21(m, 0x0800);
    assert_true(waiting(m));
    assert_int_equal(m->r.ax.w, 0x0800); /* entry registers kept */
    assert_int_equal(m->r.bx.w, 0x1234);
    resume(m); /* an interrupt that was not a key: still waiting */
    assert_true(waiting(m));
    type(m, SC_A);
    resume(m);
    assert_false(waiting(m));
    assert_int_equal(m->r.ax.l, 'a');
}

static void test_extended_key_reads_as_two_bytes(void **state)
{
    struct machine *m = ((struct fixture *)*state)->m;
    type(m, SC_F1);
    int21(m, 0x0800);
    assert_int_equal(m->r.ax.l, 0x00);
    int21(m, 0x0800);
    assert_int_equal(m->r.ax.l, SC_F1);
    int21(m, 0x0800);
    assert_true(waiting(m));
}

static void test_0bh_status(void **state)
{
    struct machine *m = ((struct fixture *)*state)->m;
    int21(m, 0x0B00);
    assert_int_equal(m->r.ax.l, 0x00);
    type(m, SC_Z);
    int21(m, 0x0B00);
    assert_int_equal(m->r.ax.l, 0xFF);
    int21(m, 0x0B00); /* status does not take the key */
    assert_int_equal(m->r.ax.l, 0xFF);
    int21(m, 0x0700);
    assert_int_equal(m->r.ax.l, 'z');
    int21(m, 0x0B00);
    assert_int_equal(m->r.ax.l, 0x00);
}

static void test_0ch_flushes_once(void **state)
{
    struct machine *m = ((struct fixture *)*state)->m;
    type(m, SC_A); /* typed ahead: dropped */
    int21(m, 0x0C08);
    assert_true(waiting(m));
    type(m, SC_Z); /* typed during the wait: read, not flushed again */
    resume(m);
    assert_false(waiting(m));
    assert_int_equal(m->r.ax.l, 'z');
}

static void test_0ah_line_across_waits(void **state)
{
    struct machine *m = ((struct fixture *)*state)->m;
    uint32_t buf = mem_lin(TEST_BUF_SEG, 0);
    mem_wr8(m, buf, 10);
    mem_wr8(m, buf + 1, 0);
    m->r.ds = TEST_BUF_SEG;
    m->r.dx.w = 0;
    type(m, SC_H);
    type(m, SC_I);
    int21(m, 0x0A00);
    assert_true(waiting(m));
    type(m, SC_BS);
    type(m, SC_O);
    resume(m);
    assert_true(waiting(m));
    type(m, SC_ENTER);
    resume(m);
    assert_false(waiting(m));
    assert_int_equal(mem_rd8(m, buf + 1), 2);
    assert_int_equal(mem_rd8(m, buf + 2), 'h');
    assert_int_equal(mem_rd8(m, buf + 3), 'o');
    assert_int_equal(mem_rd8(m, buf + 4), '\r');
    /* Echoed on the screen, the backspaced 'i' erased. */
    assert_int_equal(mem_rd8(m, VIDEO_LIN), 'h');
    assert_int_equal(mem_rd8(m, VIDEO_LIN + 2), 'o');
    assert_int_equal(mem_rd8(m, VIDEO_LIN + 4), ' ');

    /* Again on the same buffer: Esc drops what was typed; F3 copies the
     * rest of the template ("ho") after the 'a' that replaced its 'h'. */
    type(m, SC_Z);
    type(m, SC_ESC);
    type(m, SC_A);
    type(m, SC_F1 + 2); /* F3 */
    type(m, SC_ENTER);
    int21(m, 0x0A00);
    assert_false(waiting(m));
    assert_int_equal(mem_rd8(m, buf + 1), 2);
    assert_int_equal(mem_rd8(m, buf + 2), 'a');
    assert_int_equal(mem_rd8(m, buf + 3), 'o');
}

static void test_stdio_reads_stdin(void **state)
{
    struct machine *m = ((struct fixture *)*state)->m;
    type(m, SC_A); /* the BIOS buffer is not console input here */
    int21(m, 0x0800);
    assert_false(waiting(m));
    assert_int_equal(m->r.ax.l, 0x1A); /* /dev/null: end of input */
    int21(m, 0x0B00);
    assert_int_equal(m->r.ax.l, 0x00);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_08h_waits_then_reads, setup_owning, teardown),
        cmocka_unit_test_setup_teardown(test_extended_key_reads_as_two_bytes, setup_owning,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_0bh_status, setup_owning, teardown),
        cmocka_unit_test_setup_teardown(test_0ch_flushes_once, setup_owning, teardown),
        cmocka_unit_test_setup_teardown(test_0ah_line_across_waits, setup_owning, teardown),
        cmocka_unit_test_setup_teardown(test_stdio_reads_stdin, setup_stdio, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
