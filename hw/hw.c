/*
 * The devices in init order (STYLE.md "Init order is a visible table"):
 * the PIC first, since the others raise lines on it. None holds host
 * resources, so there is no teardown; all state lives in struct machine.
 */
#include "hw/hw.h"

#include "vdm/machine.h"

static const struct {
    const char *name;
    bool (*init)(struct machine *m);
} hw_parts[] = {
    { "PIC 8259 pair", pic_init },
    { "PIT 8254", pit_init },
    { "keyboard controller 8042", kbc_init },
    { "CMOS clock", cmos_init },
    { "VGA", vga_init },
    { "speaker", spk_init },
};

bool hw_init(struct machine *m)
{
    for (size_t i = 0; i < sizeof hw_parts / sizeof hw_parts[0]; i++) {
        if (!hw_parts[i].init(m)) {
            vdm_warn("cannot set up the %s (port registry full)", hw_parts[i].name);
            return false;
        }
    }
    return true;
}

void hw_step(struct machine *m, uint64_t now)
{
    pit_step(m, now);
    cmos_step(m, now);
    kbc_step(m);
}

int hw_irq_pending(const struct machine *m)
{
    return pic_pending(&m->pic);
}

int hw_irq_ack(struct machine *m)
{
    return pic_ack(&m->pic);
}

uint64_t hw_next_event_ns(const struct machine *m, uint64_t now)
{
    uint64_t a = pit_next_event_ns(m, now), b = cmos_next_event_ns(m, now);
    if (kbc_has_input(m))
        return now;
    return a < b ? a : b;
}
