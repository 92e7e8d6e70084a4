/*
 * Port 61h and the speaker (see spk.h). The refresh toggle follows the
 * host clock: a DRAM refresh request every 15.085 us (PIT channel 1 at
 * count 18), so a loop that counts toggles waits real time.
 */
#include "hw/spk.h"

#include "hw/pit.h"
#include "vdm/machine.h"

#define SPK_REFRESH_NS 15085u
#define SPK_WRITABLE 0x0Fu

unsigned spk_tone_hz(const struct machine *m)
{
    const struct spk *s = &m->spk;
    if ((s->port61 & (SPK_GATE2 | SPK_DATA)) != (SPK_GATE2 | SPK_DATA))
        return 0;
    return pit_frequency(&m->pit, 2);
}

static void spk_io(struct machine *m, void *ctx, uint16_t port, bool is_write, unsigned size,
                   uint32_t *val)
{
    struct spk *s = ctx;
    (void)port;
    (void)size;
    uint64_t now = vdm_now_ns();
    uint64_t t = pit_tick_at(&m->pit, now);
    if (is_write) {
        s->port61 = (uint8_t)(*val & SPK_WRITABLE);
        pit_set_gate(&m->pit, 2, s->port61 & SPK_GATE2, t);
        s->tone_hz = spk_tone_hz(m);
        return;
    }
    uint8_t v = s->port61;
    if ((now / SPK_REFRESH_NS) & 1u)
        v |= SPK_REFRESH;
    if (pit_out(&m->pit, 2, t))
        v |= SPK_OUT2;
    *val = v;
}

bool spk_init(struct machine *m)
{
    m->spk = (struct spk){ 0 };
    return port_register(m, SPK_PORT, 1, spk_io, &m->spk); /* 61h */
}
