/*
 * The port registry: a short list of claimed ranges, searched linearly
 * (a PC has a handful of devices; a table of 64 Ki entries would buy
 * nothing measurable).
 */
#include "port.h"

#include "machine.h"

bool port_register(struct machine *m, uint16_t first, uint16_t count,
                   port_io_fn fn, void *ctx)
{
    struct port_registry *reg = &m->ports;
    if (reg->n == PORT_MAX_RANGES || count == 0)
        return false;
    uint32_t end = (uint32_t)first + count;
    for (unsigned i = 0; i < reg->n; i++) {
        const struct port_range *r = &reg->ranges[i];
        if (first < (uint32_t)r->first + r->count && r->first < end)
            return false;
    }
    reg->ranges[reg->n++] = (struct port_range){ first, count, fn, ctx };
    return true;
}

void port_io(struct machine *m, uint16_t port, bool is_write, unsigned size,
             uint32_t *val)
{
    const struct port_registry *reg = &m->ports;
    for (unsigned i = 0; i < reg->n; i++) {
        const struct port_range *r = &reg->ranges[i];
        if (port >= r->first && port - r->first < r->count) {
            r->fn(m, r->ctx, port, is_write, size, val);
            vdm_trace(m, TRACE_PORT, "%s port %04Xh size %u value %0*Xh",
                      is_write ? "out" : "in", port, size, (int)size * 2, *val);
            return;
        }
    }
    /* Nothing decodes this port: reads float high, writes vanish. */
    if (!is_write)
        *val = size == 1 ? 0xFFu : size == 2 ? 0xFFFFu : 0xFFFFFFFFu;
    vdm_trace(m, TRACE_PORT, "%s unclaimed port %04Xh size %u value %0*Xh",
              is_write ? "out" : "in", port, size, (int)size * 2, *val);
}
