/*
 * The 8254 model (hw/pit.c) against a clock-by-clock reference.
 *
 * hw/pit.c computes every counter value and OUT level in closed form from
 * (mode, N, ticks since the count was loaded). The reference below steps
 * the counting element one clock at a time, the way the Intel 8254
 * datasheet describes each mode; random programs, GATE changes and reads
 * must agree tick for tick, and rising OUT edges must match pit_edges()
 * and pit_next_edge(). One run plants a fault in the reference to prove
 * the comparison notices.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "hw/pit.h"

#define CTRL 3u

/* --- the reference: one channel, one clock at a time ------------------- */
struct ref {
    unsigned mode;
    uint32_t n;        /* divisor */
    bool written;
    bool pending;      /* a count waits to be loaded at the next clock */
    bool started;      /* the counting element holds a count */
    int32_t count;
    bool out;
    bool fired;        /* modes 0/1/4/5: terminal count reached once */
    bool gate;
    int fault_at;      /* planted fault: one extra decrement at this clock */
    int clocks;
};

static void ref_program(struct ref *r, unsigned mode)
{
    bool gate = r->gate;
    int fault = r->fault_at;
    *r = (struct ref){ .mode = mode, .gate = gate, .fault_at = fault };
    r->out = mode != 0;
}

static void ref_write(struct ref *r, uint32_t n)
{
    r->n = n;
    r->written = true;
    r->fired = false;
    r->started = false;
    if (r->mode == 1 || r->mode == 5)
        return;
    if ((r->mode == 2 || r->mode == 3) && !r->gate)
        return;
    r->pending = true;
    if (r->mode == 0)
        r->out = false;
}

static void ref_gate(struct ref *r, bool level)
{
    bool rising = level && !r->gate;
    r->gate = level;
    if ((r->mode == 2 || r->mode == 3) && !level) {
        r->started = r->pending = false;
        r->out = true;
    }
    if (rising && r->written && r->mode != 0 && r->mode != 4) {
        r->pending = true;
        r->fired = false;
    }
}

static void ref_clock(struct ref *r)
{
    r->clocks++;
    if (r->pending) {
        r->pending = false;
        r->started = true;
        r->count = (int32_t)r->n;
        r->out = r->mode != 0 && r->mode != 1;
        return;
    }
    if (!r->started)
        return;
    if (r->fault_at && r->clocks >= r->fault_at) {
        r->fault_at = 0; /* the planted fault: one clock counted twice */
        r->count--;
    }
    switch (r->mode) {
    case 0:
    case 1:
    case 4:
    case 5:
        if ((r->mode == 0 || r->mode == 4) && !r->gate)
            return;
        r->count = (r->count + 65535) % 65536;
        if (r->count == 0 && !r->fired) {
            r->fired = true;
            r->out = r->mode <= 1; /* 0/1: high for good; 4/5: one low clock */
            if (r->mode >= 4) {
                r->out = false;
                return;
            }
        } else if (r->mode >= 4) {
            r->out = true;
        }
        break;
    case 2:
        if (--r->count == 0)
            r->count = (int32_t)r->n;
        r->out = r->count != 1;
        break;
    case 3:
        r->count -= 2;
        if (r->count <= 0) {
            r->out = !r->out;
            r->count = (int32_t)(r->out ? r->n : r->n - (r->n & 1u));
        }
        break;
    }
}

/* --- the comparison ------------------------------------------------------ */

static uint16_t latched_read(struct pit *p, unsigned ch, uint64_t t)
{
    pit_write(p, CTRL, (uint8_t)(ch << 6), t); /* counter latch */
    uint16_t lo = pit_read(p, ch, t);
    return (uint16_t)(lo | pit_read(p, ch, t) << 8);
}

/* Run one random program on channel 2; returns the number of mismatches. */
static unsigned run_random(unsigned seed, int fault_at)
{
    srand(seed);
    struct pit p = { 0 };
    pit_reset(&p);
    struct ref r = { .fault_at = fault_at };
    uint64_t t = 1000;
    unsigned mode = (unsigned)rand() % 6, mismatches = 0;
    uint32_t n = 2 + (uint32_t)rand() % 200;
    bool gate_moves = rand() % 2;

    pit_set_gate(&p, 2, true, t);
    r.gate = true;
    pit_write(&p, CTRL, (uint8_t)(2u << 6 | PIT_ACCESS_WORD << 4 | mode << 1), t);
    ref_program(&r, mode);
    pit_write(&p, 2, (uint8_t)n, t);
    pit_write(&p, 2, (uint8_t)(n >> 8), t);
    ref_write(&r, n);
    if (mode == 1 || mode == 5) { /* trigger */
        pit_set_gate(&p, 2, false, t);
        ref_gate(&r, false);
        pit_set_gate(&p, 2, true, t);
        ref_gate(&r, true);
    }
    uint64_t edges = 0, from = t;
    bool last_out = r.out;
    uint64_t predicted = pit_next_edge(&p, 2, t);
    for (int i = 0; i < 3000; i++) {
        ref_clock(&r);
        t++;
        if (gate_moves && rand() % 97 == 0) {
            bool g = !r.gate;
            pit_set_gate(&p, 2, g, t);
            ref_gate(&r, g);
            from = t;
            edges = 0;
            last_out = r.out;
            predicted = pit_next_edge(&p, 2, t);
            continue;
        }
        if (r.started && !(r.mode == 3 && r.count <= 0)) {
            uint16_t got = latched_read(&p, 2, t);
            if (got != (uint16_t)r.count)
                mismatches++;
        }
        if (pit_out(&p, 2, t) != r.out)
            mismatches++;
        if (r.out && !last_out) {
            edges++;
            if (predicted != t)
                mismatches++;
            predicted = pit_next_edge(&p, 2, t);
        }
        last_out = r.out;
        if (pit_edges(&p, 2, from, t) != edges)
            mismatches++;
    }
    return mismatches;
}

static void test_random_programs_match_reference(void **state)
{
    (void)state;
    for (unsigned seed = 1; seed <= 300; seed++) {
        unsigned bad = run_random(seed, 0);
        if (bad)
            fail_msg("seed %u: %u mismatches against the clock-by-clock model", seed, bad);
    }
}

static void test_planted_fault_is_caught(void **state)
{
    (void)state;
    unsigned caught = 0;
    for (unsigned seed = 1; seed <= 20; seed++)
        caught += run_random(seed, 50) > 0;
    assert_int_equal(caught, 20);
}

/* --- direct cases ------------------------------------------------------- */

static void test_power_on_channel0(void **state)
{
    (void)state;
    struct pit p = { 0 };
    pit_reset(&p);
    /* Mode 3, count 65536: 18.2 Hz, first rising edge one period in. */
    assert_int_equal(pit_frequency(&p, 0), PIT_HZ / 65536);
    assert_int_equal(pit_next_edge(&p, 0, 0), 1 + 65536);
    assert_int_equal(pit_edges(&p, 0, 0, 1 + 65536 * 10), 10);
    /* Channel 2 is gated off. */
    assert_int_equal(pit_edges(&p, 2, 0, 1000000), 0);
}

static void test_access_modes(void **state)
{
    (void)state;
    struct pit p = { 0 };
    pit_reset(&p);
    /* LSB only: the MSB is zero. */
    pit_write(&p, CTRL, 0x14, 0); /* ch0, LSB, mode 2 */
    pit_write(&p, 0, 100, 0);
    assert_int_equal(pit_count(&p, 0, 1), 100);
    assert_int_equal(pit_read(&p, 0, 2), 99);
    /* MSB only: the LSB is zero. */
    pit_write(&p, CTRL, 0x24, 10); /* ch0, MSB, mode 2 */
    pit_write(&p, 0, 2, 10);
    assert_int_equal(pit_count(&p, 0, 11), 512);
    assert_int_equal(pit_read(&p, 0, 11), 2);
    /* Word: LSB then MSB, on write and on read. */
    pit_write(&p, CTRL, 0x34, 20);
    pit_write(&p, 0, 0x34, 20);
    pit_write(&p, 0, 0x12, 20);
    assert_int_equal(pit_count(&p, 0, 21), 0x1234);
    assert_int_equal(pit_read(&p, 0, 21), 0x34);
    assert_int_equal(pit_read(&p, 0, 22), 0x12); /* MSB of the value at 22 */
}

static void test_latch_holds_until_read(void **state)
{
    (void)state;
    struct pit p = { 0 };
    pit_reset(&p);
    pit_write(&p, CTRL, 0x34, 0);
    pit_write(&p, 0, 0x00, 0);
    pit_write(&p, 0, 0x10, 0); /* 4096 */
    pit_write(&p, CTRL, 0x00, 101); /* latch at e = 100 */
    pit_write(&p, CTRL, 0x00, 201); /* a second latch is ignored */
    assert_int_equal(pit_read(&p, 0, 500), (4096 - 100) & 0xFF);
    assert_int_equal(pit_read(&p, 0, 900), (4096 - 100) >> 8);
    /* Released: reads follow the counter again. */
    assert_int_equal(pit_read(&p, 0, 1001), (4096 - 1000) & 0xFF);
}

static void test_read_back_status(void **state)
{
    (void)state;
    struct pit p = { 0 };
    pit_reset(&p);
    pit_write(&p, CTRL, 0x30, 0); /* ch0 word mode 0 */
    /* Null count until the count is loaded. */
    pit_write(&p, CTRL, 0xE2, 0); /* read-back status of ch0 */
    assert_int_equal(pit_read(&p, 0, 0), 0x70); /* OUT low, null, word, mode 0 */
    pit_write(&p, 0, 10, 1);
    pit_write(&p, 0, 0, 1);
    pit_write(&p, CTRL, 0xC2, 20); /* status and count */
    assert_int_equal(pit_read(&p, 0, 20), 0xB0); /* OUT high (terminal count), word, mode 0 */
    uint16_t v = pit_read(&p, 0, 20);
    v |= (uint16_t)(pit_read(&p, 0, 20) << 8);
    assert_int_equal(v, (uint16_t)(10 - 18)); /* mode 0 wraps past zero */
}

static void test_bcd(void **state)
{
    (void)state;
    struct pit p = { 0 };
    pit_reset(&p);
    pit_write(&p, CTRL, 0x35, 0); /* ch0 word mode 2 BCD */
    pit_write(&p, 0, 0x00, 0);
    pit_write(&p, 0, 0x10, 0);    /* 1000 decimal */
    assert_int_equal(pit_count(&p, 0, 1), 0x1000);
    assert_int_equal(pit_count(&p, 0, 2), 0x0999);
    assert_int_equal(pit_frequency(&p, 0), PIT_HZ / 1000);
}

static void test_host_clock_conversion(void **state)
{
    (void)state;
    struct pit p = { .epoch_ns = 5000 };
    assert_int_equal(pit_tick_at(&p, 5000 + 1000000000u), PIT_HZ);
    assert_true(pit_ns_at(&p, PIT_HZ) >= 5000 + 1000000000u - 1);
    assert_int_equal(pit_tick_at(&p, pit_ns_at(&p, 12345)), 12345);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_programs_match_reference),
        cmocka_unit_test(test_planted_fault_is_caught),
        cmocka_unit_test(test_power_on_channel0),
        cmocka_unit_test(test_access_modes),
        cmocka_unit_test(test_latch_holds_until_read),
        cmocka_unit_test(test_read_back_status),
        cmocka_unit_test(test_bcd),
        cmocka_unit_test(test_host_clock_conversion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
