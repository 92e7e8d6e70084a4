/*
 * The 8259A pair (hw/pic.c): priorities, masks, EOIs, the cascade, the
 * initialisation sequence, OCW3 reads and poll, AEOI and rotation; random
 * raise/acknowledge/EOI/mask sequences against a trivial model of the
 * default fully nested mode (lowest line number first, a request waits
 * for every lower-numbered line in service), with a planted fault; and
 * the keyboard path: kbc_key_event() -> IRQ1 -> port 60h -> INT 09h's host
 * part -> the BIOS buffer, one byte per interrupt.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "bios/bda.h"
#include "bios/bios.h"
#include "hw/hw.h"
#include "hw/pic.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define EOI 0x20u
#define SPECIFIC_EOI 0x60u

static void test_reset_state(void **state)
{
    (void)state;
    struct pic p;
    pic_reset(&p);
    assert_int_equal(pic_pending(&p), -1);
    assert_int_equal(pic_read(&p, 0, 1), 0xF8); /* IRQ0-2 open */
    assert_int_equal(pic_read(&p, 1, 1), 0xFE); /* IRQ8 open */
    pic_raise(&p, 0);
    assert_int_equal(pic_pending(&p), 0x08);
}

static void test_nesting_and_eoi(void **state)
{
    (void)state;
    struct pic p;
    pic_reset(&p);
    pic_raise(&p, 1);
    assert_int_equal(pic_ack(&p), 0x09);
    pic_raise(&p, 1); /* same level in service: waits */
    assert_int_equal(pic_pending(&p), -1);
    pic_raise(&p, 0); /* higher priority: preempts */
    assert_int_equal(pic_ack(&p), 0x08);
    assert_int_equal(p.chip[0].isr, 0x03);
    pic_write(&p, 0, 0, EOI); /* ends IRQ0, the highest in service */
    assert_int_equal(p.chip[0].isr, 0x02);
    assert_int_equal(pic_pending(&p), -1);
    pic_write(&p, 0, 0, EOI);
    assert_int_equal(pic_ack(&p), 0x09);
    pic_write(&p, 0, 0, SPECIFIC_EOI | 1); /* specific EOI, level 1 */
    assert_int_equal(p.chip[0].isr, 0);
}

static void test_mask_latches(void **state)
{
    (void)state;
    struct pic p;
    pic_reset(&p);
    pic_write(&p, 0, 1, 0xFA); /* mask IRQ1 too */
    pic_raise(&p, 1);
    assert_int_equal(pic_pending(&p), -1);
    assert_int_equal(pic_read(&p, 0, 0), 0x02); /* IRR shows it */
    pic_write(&p, 0, 1, 0xF8);
    assert_int_equal(pic_ack(&p), 0x09);
}

static void test_cascade(void **state)
{
    (void)state;
    struct pic p;
    pic_reset(&p);
    pic_raise(&p, 8);
    assert_int_equal(pic_read(&p, 0, 0), 0x04); /* IR2 requested */
    assert_int_equal(pic_ack(&p), 0x70);
    assert_int_equal(p.chip[0].isr, 0x04);
    assert_int_equal(p.chip[1].isr, 0x01);
    pic_write(&p, 0, 1, 0xF0);
    pic_raise(&p, 3); /* lower than IR2: waits for the master EOI */
    assert_int_equal(pic_pending(&p), -1);
    pic_raise(&p, 0);
    assert_int_equal(pic_pending(&p), 0x08);
    pic_write(&p, 1, 0, EOI);
    pic_write(&p, 0, 0, EOI); /* ends IR2 (IRQ0 was not acknowledged) */
    assert_int_equal(p.chip[0].isr, 0);
    assert_int_equal(pic_ack(&p), 0x08);
    /* The cascade line masked hides the slave. */
    pic_write(&p, 0, 0, EOI);
    assert_int_equal(pic_ack(&p), 0x0B);
    pic_write(&p, 0, 0, EOI);
    pic_write(&p, 0, 1, 0xFC);
    pic_raise(&p, 8);
    pic_raise(&p, 1);
    assert_int_equal(pic_ack(&p), 0x09);
    assert_true(pic_masked(&p, 8));
}

static void test_init_sequence_and_ocw3(void **state)
{
    (void)state;
    struct pic p;
    pic_reset(&p);
    pic_raise(&p, 0);
    pic_write(&p, 0, 0, 0x11); /* ICW1: edge, cascade, ICW4 */
    pic_write(&p, 0, 1, 0x20); /* ICW2: base 20h */
    pic_write(&p, 0, 1, 0x04); /* ICW3 */
    pic_write(&p, 0, 1, 0x01); /* ICW4: 8086 */
    assert_int_equal(pic_read(&p, 0, 1), 0x00); /* IMR cleared */
    assert_int_equal(pic_pending(&p), -1);      /* IRR cleared */
    pic_raise(&p, 3);
    assert_int_equal(pic_ack(&p), 0x23);
    pic_write(&p, 0, 0, 0x0B); /* OCW3: read ISR */
    assert_int_equal(pic_read(&p, 0, 0), 0x08);
    pic_write(&p, 0, 0, 0x0A); /* OCW3: read IRR */
    assert_int_equal(pic_read(&p, 0, 0), 0x00);
    pic_raise(&p, 0);
    pic_write(&p, 0, 0, 0x0C); /* poll */
    assert_int_equal(pic_read(&p, 0, 0), 0x80); /* IRQ0, acknowledged */
    assert_int_equal(p.chip[0].isr, 0x09);
}

static void test_aeoi_and_rotation(void **state)
{
    (void)state;
    struct pic p;
    pic_reset(&p);
    pic_write(&p, 0, 0, 0x11);
    pic_write(&p, 0, 1, 0x08);
    pic_write(&p, 0, 1, 0x04);
    pic_write(&p, 0, 1, 0x03); /* AEOI */
    pic_raise(&p, 0);
    assert_int_equal(pic_ack(&p), 0x08);
    assert_int_equal(p.chip[0].isr, 0); /* no EOI needed */
    pic_write(&p, 0, 0, 0xC0 | 3); /* set priority: IR3 lowest, IR4 highest */
    pic_raise(&p, 0);
    pic_raise(&p, 5);
    assert_int_equal(pic_ack(&p), 0x0D);
    assert_int_equal(pic_ack(&p), 0x08);
}

/* --- random sequences against the trivial fully nested model ------------ */

struct model {
    uint8_t irr, isr, imr;
};

static int model_pending(const struct model *s)
{
    for (int l = 0; l < 8; l++) {
        if (s->isr & (1u << l))
            return -1;
        if ((s->irr & ~s->imr) & (1u << l))
            return 8 + l;
    }
    return -1;
}

static unsigned run_model(unsigned seed, bool plant)
{
    srand(seed);
    struct pic p;
    pic_reset(&p);
    pic_write(&p, 0, 1, 0x04); /* IR2 masked: the slave stays out */
    struct model s = { .imr = 0x04 };
    unsigned bad = 0;
    for (int i = 0; i < 2000; i++) {
        int op = rand() % 4, l = rand() % 8;
        if (l == 2)
            l = 3;
        switch (op) {
        case 0:
            pic_raise(&p, (unsigned)l);
            s.irr |= (uint8_t)(1u << l);
            break;
        case 1: {
            int want = model_pending(&s);
            if (want >= 0) {
                s.irr &= (uint8_t)~(1u << (want - 8));
                s.isr |= (uint8_t)(1u << (want - 8));
                if (plant && want == 8 + 5)
                    s.isr &= (uint8_t)~(1u << 5); /* the planted fault */
            }
            if (pic_ack(&p) != want)
                bad++;
            break;
        }
        case 2:
            pic_write(&p, 0, 0, EOI);
            for (int k = 0; k < 8; k++)
                if (s.isr & (1u << k)) {
                    s.isr &= (uint8_t)~(1u << k);
                    break;
                }
            break;
        case 3:
            s.imr = (uint8_t)((rand() & 0xFB) | 0x04);
            pic_write(&p, 0, 1, s.imr);
            break;
        }
        if (pic_pending(&p) != model_pending(&s))
            bad++;
        if (p.chip[0].isr != s.isr || p.chip[0].irr != s.irr)
            bad++;
    }
    return bad;
}

static void test_random_against_model(void **state)
{
    (void)state;
    for (unsigned seed = 1; seed <= 200; seed++) {
        unsigned bad = run_model(seed, false);
        if (bad)
            fail_msg("seed %u: %u mismatches against the nested model", seed, bad);
    }
    unsigned caught = 0;
    for (unsigned seed = 1; seed <= 20; seed++)
        caught += run_model(seed, true) > 0;
    assert_int_equal(caught, 20);
}

/* --- keyboard: kbc_key_event to the BIOS buffer -------------------------- */

static uint8_t port_in(struct machine *m, uint16_t port)
{
    uint32_t v = 0;
    port_io(m, port, false, 1, &v);
    return (uint8_t)v;
}

static void test_key_event_to_bios_buffer(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    assert_non_null(m);
    assert_true(hw_init(m));
    assert_true(bios_init(m));
    assert_true(kbc_key_event(m, 0x1E)); /* 'a' make */
    assert_true(kbc_key_event(m, 0x9E)); /* and break */
    assert_int_equal(hw_irq_ack(m), 0x09);
    assert_int_equal(port_in(m, 0x64) & 1, 1);
    assert_int_equal(port_in(m, 0x60), 0x1E);
    assert_int_equal(port_in(m, 0x60), 0x1E); /* read twice: the same byte */
    m->r.ax.l = 0x1E;
    bios_int09(m);
    /* The break code waits while IRQ1 is in service. */
    hw_step(m, vdm_now_ns());
    assert_int_equal(port_in(m, 0x64) & 1, 0);
    assert_int_equal(hw_irq_pending(m), -1);
    pic_write(&m->pic, 0, 0, EOI);
    hw_step(m, vdm_now_ns());
    assert_int_equal(port_in(m, 0x64) & 1, 1);
    assert_int_equal(hw_irq_ack(m), 0x09);
    assert_int_equal(port_in(m, 0x60), 0x9E);
    uint16_t head = mem_rd16(m, BDA_LIN + BDA_KBD_HEAD);
    assert_int_equal(mem_rd16(m, BDA_LIN + BDA_KBD_TAIL), head + 2);
    assert_int_equal(mem_rd16(m, mem_lin(BDA_SEG, head)), 0x1E61);
    free(m->bios);
    machine_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reset_state),
        cmocka_unit_test(test_nesting_and_eoi),
        cmocka_unit_test(test_mask_latches),
        cmocka_unit_test(test_cascade),
        cmocka_unit_test(test_init_sequence_and_ocw3),
        cmocka_unit_test(test_aeoi_and_rotation),
        cmocka_unit_test(test_random_against_model),
        cmocka_unit_test(test_key_event_to_bios_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
