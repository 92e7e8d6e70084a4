/*
 * Port I/O dispatch: devices register the port ranges they claim, and a
 * trapped IN or OUT goes to the handler that owns the port. Unclaimed
 * ports read as 0xFF and ignore writes, as on a PC bus with nothing
 * decoding the address; both show under --trace=port.
 */
#ifndef VDM_PORT_H
#define VDM_PORT_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* size is 1, 2 or 4 bytes. On a read the handler stores the value in *val. */
typedef void (*port_io_fn)(struct machine *m, void *ctx, uint16_t port,
                           bool is_write, unsigned size, uint32_t *val);

#define PORT_MAX_RANGES 32

struct port_range {
    uint16_t first;
    uint16_t count;
    port_io_fn fn;
    void *ctx;
};

struct port_registry {
    struct port_range ranges[PORT_MAX_RANGES];
    unsigned n;
};

/* Claim ports [first, first+count). False when the registry is full or the
 * range overlaps one already claimed. */
bool port_register(struct machine *m, uint16_t first, uint16_t count,
                   port_io_fn fn, void *ctx);

/* Perform a guest IN (is_write false) or OUT. */
void port_io(struct machine *m, uint16_t port, bool is_write, unsigned size,
             uint32_t *val);

#endif
