/*
 * The INT 33h driver fed through mouse_event(), the front ends' API
 * (bios/mouse.h): position clamped to the program's range, motion in
 * mickeys cleared by 0Bh, press and release counts and places for
 * 05h/06h cleared by reading, and pending events collected for a handler.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "bios/mouse.h"
#include "vdm/machine.h"

static void int33(struct machine *m, uint16_t ax, uint16_t bx, uint16_t cx, uint16_t dx)
{
    m->r.ax.w = ax;
    m->r.bx.w = bx;
    m->r.cx.w = cx;
    m->r.dx.w = dx;
    m->int_handlers[0x33](m);
}

static void test_events(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    assert_non_null(m);
    assert_true(mouse_init(m));
    int33(m, 0x0000, 0, 0, 0);
    assert_int_equal(m->r.ax.w, 0xFFFF);

    mouse_event(m, 330, 90, 0);
    int33(m, 0x0003, 0, 0, 0);
    assert_int_equal(m->r.cx.w, 330);
    assert_int_equal(m->r.dx.w, 90);
    assert_int_equal(m->mouse->pending, MOUSE_EVENT_MOVE);
    int33(m, 0x000B, 0, 0, 0);
    assert_int_equal((int16_t)m->r.cx.w, 10);
    assert_int_equal((int16_t)m->r.dx.w, -10);
    int33(m, 0x000B, 0, 0, 0);
    assert_int_equal(m->r.cx.w, 0);

    /* out of range: clamped to 0..639 */
    mouse_event(m, 900, 90, MOUSE_LEFT);
    int33(m, 0x0003, 0, 0, 0);
    assert_int_equal(m->r.bx.w, MOUSE_LEFT);
    assert_int_equal(m->r.cx.w, 639);
    mouse_event(m, 600, 50, 0);
    mouse_event(m, 610, 50, MOUSE_LEFT | MOUSE_RIGHT);
    int33(m, 0x0005, 0, 0, 0); /* left presses */
    assert_int_equal(m->r.ax.w, MOUSE_LEFT | MOUSE_RIGHT);
    assert_int_equal(m->r.bx.w, 2);
    assert_int_equal(m->r.cx.w, 610);
    int33(m, 0x0005, 0, 0, 0);
    assert_int_equal(m->r.bx.w, 0);
    int33(m, 0x0006, 0, 0, 0); /* left releases */
    assert_int_equal(m->r.bx.w, 1);
    assert_int_equal(m->r.cx.w, 600);
    assert_int_equal(m->r.dx.w, 50);
    int33(m, 0x0005, 1, 0, 0); /* right presses */
    assert_int_equal(m->r.bx.w, 1);
    assert_true(m->mouse->pending & MOUSE_EVENT_RIGHT_DOWN);

    mouse_destroy(m);
    mouse_destroy(m); /* none left: fine */
    mouse_event(m, 1, 1, 0);
    machine_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
