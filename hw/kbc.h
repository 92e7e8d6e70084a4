/*
 * The 8042 keyboard controller at ports 60h (data) and 64h (status and
 * commands), with the keyboard behind it speaking scancode set 1 (the
 * controller's translation on, as the BIOS leaves it), and the A20 gate
 * in its output port (plus the PS/2 "fast A20" port 92h). A front end
 * feeds keys with kbc_key_event(); each byte reaches the output buffer in
 * turn and raises IRQ1. Knows nothing of the BIOS keyboard buffer.
 */
#ifndef VDM_HW_KBC_H
#define VDM_HW_KBC_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define KBC_DATA_PORT 0x60u
#define KBC_CMD_PORT 0x64u
#define KBC_PORT_A 0x92u   /* PS/2 system control port A: bit 1 A20 */

#define KBC_QUEUE 64u      /* bytes the keyboard holds before the host drops keys */

/* Status register (port 64h reads). */
#define KBC_ST_OBF 0x01u   /* output buffer full */
#define KBC_ST_SYS 0x04u   /* system flag: self-test passed */
#define KBC_ST_CMD 0x08u   /* last write was to 64h */
#define KBC_ST_UNLOCKED 0x10u /* keyboard not inhibited */

/* Command byte (controller RAM 0). */
#define KBC_CB_IRQ1 0x01u
#define KBC_CB_SYS 0x04u
#define KBC_CB_KBD_OFF 0x10u
#define KBC_CB_XLATE 0x40u

/* Output port (commands D0h/D1h). */
#define KBC_OP_RESET 0x01u /* 0 resets the CPU */
#define KBC_OP_A20 0x02u

struct kbc {
    uint8_t queue[KBC_QUEUE]; /* bytes waiting for the output buffer */
    unsigned head, count;
    uint8_t out;              /* output buffer (port 60h) */
    bool out_full;
    uint8_t cmd_byte;
    uint8_t out_port;
    uint8_t pending;          /* controller command waiting for its data byte */
    uint8_t kbd_pending;      /* keyboard command waiting for its parameter */
    bool last_was_cmd;
    uint8_t port_a;           /* port 92h */
    uint8_t leds;             /* keyboard LEDs (command EDh) */
};

/* A byte from the keyboard: a set-1 make or break code, or the E0h/E1h
 * prefix, one call per byte (the front end's entry point). False when the
 * keyboard's queue is full and the byte was dropped. */
bool kbc_key_event(struct machine *m, uint8_t scancode);

/* Move the next queued byte into an empty output buffer (raising IRQ1),
 * once the previous byte's interrupt has been served. */
void kbc_step(struct machine *m);

/* Whether a byte waits to reach the guest (a wake-up reason for idling). */
bool kbc_has_input(const struct machine *m);

/* Set the A20 gate (8042 output port, port 92h, INT 15h/24xxh). */
void kbc_set_a20(struct machine *m, bool on);

bool kbc_init(struct machine *m);

#endif
