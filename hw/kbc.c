/*
 * The 8042 and its keyboard (see kbc.h). Commands after RBIL PORTS.LST
 * (port 64h) and the IBM PS/2 technical reference:
 *   20h read command byte, 60h write it; AAh self-test (55h), ABh
 *   interface test (00h), A9h aux test (00h); ADh/AEh keyboard off/on;
 *   A7h/A8h aux off/on (nothing behind it); C0h read input port; D0h read
 *   output port, D1h write it (bit 1 = A20, bit 0 low = reset); D2h write
 *   the keyboard output buffer as if the keyboard sent the byte (IRQ1);
 *   DDh/DFh A20 off/on; F0h-FFh pulse output lines (bit 0 = reset).
 * Keyboard commands (written to 60h): EDh LEDs, EEh echo, F2h identify,
 * F3h typematic, F4h/F5h enable/disable, FFh reset; each answers ACK FAh.
 * States: `pending` holds a controller command waiting for its data byte
 * on port 60h, `kbd_pending` a keyboard command waiting for its parameter.
 * Bytes from the keyboard queue up and enter the output buffer one at a
 * time: only when it is empty and IRQ1 is neither requested nor in service,
 * so a guest INT 09h handler that reads port 60h twice, or chains to the
 * BIOS which reads it again, sees the same byte.
 */
#include "hw/kbc.h"

#include "hw/pic.h"
#include "vdm/machine.h"

enum {
    KBC_CMD_READ_CB = 0x20,
    KBC_CMD_WRITE_CB = 0x60,
    KBC_CMD_AUX_OFF = 0xA7,
    KBC_CMD_AUX_ON = 0xA8,
    KBC_CMD_AUX_TEST = 0xA9,
    KBC_CMD_SELF_TEST = 0xAA,
    KBC_CMD_KBD_TEST = 0xAB,
    KBC_CMD_KBD_OFF = 0xAD,
    KBC_CMD_KBD_ON = 0xAE,
    KBC_CMD_READ_INPUT = 0xC0,
    KBC_CMD_READ_OUTPUT = 0xD0,
    KBC_CMD_WRITE_OUTPUT = 0xD1,
    KBC_CMD_WRITE_KBD_BUF = 0xD2,
    KBC_CMD_WRITE_AUX_BUF = 0xD3,
    KBC_CMD_WRITE_AUX = 0xD4,
    KBC_CMD_A20_OFF = 0xDD,
    KBC_CMD_A20_ON = 0xDF,
    KBC_CMD_PULSE = 0xF0,
};

enum {
    KBD_SET_LEDS = 0xED,
    KBD_ECHO = 0xEE,
    KBD_SCANCODE_SET = 0xF0,
    KBD_IDENTIFY = 0xF2,
    KBD_TYPEMATIC = 0xF3,
    KBD_ENABLE = 0xF4,
    KBD_DISABLE = 0xF5,
    KBD_RESET = 0xFF,
    KBD_ACK = 0xFA,
    KBD_SELF_TEST_OK = 0xAA,
    KBD_ID_1 = 0xAB,
    KBD_ID_2 = 0x83,
};

#define KBC_SELF_TEST_OK 0x55u
#define KBC_TEST_OK 0x00u
#define KBC_INPUT_PORT 0xBFu   /* keyboard not locked, colour display */
#define KBC_PORT_A_A20 0x02u
#define KBC_PORT_A_RESET 0x01u

void kbc_set_a20(struct machine *m, bool on)
{
    struct kbc *k = &m->kbc;
    m->a20_mask = on ? 0xFFFFFFFFu : MEM_A20_OFF_MASK;
    k->out_port = (uint8_t)(on ? k->out_port | KBC_OP_A20 : k->out_port & ~KBC_OP_A20);
    k->port_a = (uint8_t)(on ? k->port_a | KBC_PORT_A_A20 : k->port_a & ~KBC_PORT_A_A20);
}

static bool enqueue(struct kbc *k, uint8_t v)
{
    if (k->count == KBC_QUEUE)
        return false;
    k->queue[(k->head + k->count++) % KBC_QUEUE] = v;
    return true;
}

/* A byte of the controller's own (a command's answer) goes straight into
 * the output buffer when it is free, ahead of any queued keys. */
static void answer(struct machine *m, uint8_t v)
{
    struct kbc *k = &m->kbc;
    if (k->out_full) {
        if (k->count == KBC_QUEUE)
            return;
        k->head = (k->head + KBC_QUEUE - 1) % KBC_QUEUE;
        k->queue[k->head] = v;
        k->count++;
        return;
    }
    k->out = v;
    k->out_full = true;
    if (k->cmd_byte & KBC_CB_IRQ1)
        pic_raise(&m->pic, IRQ_KEYBOARD);
}

bool kbc_key_event(struct machine *m, uint8_t scancode)
{
    bool ok = enqueue(&m->kbc, scancode);
    kbc_step(m);
    return ok;
}

bool kbc_has_input(const struct machine *m)
{
    return m->kbc.count > 0;
}

void kbc_step(struct machine *m)
{
    struct kbc *k = &m->kbc;
    if (k->out_full || !k->count || (k->cmd_byte & KBC_CB_KBD_OFF) ||
        pic_busy(&m->pic, IRQ_KEYBOARD))
        return;
    uint8_t v = k->queue[k->head];
    k->head = (k->head + 1) % KBC_QUEUE;
    k->count--;
    answer(m, v);
}

/* A byte written to port 60h that is not a controller command's data:
 * it goes to the keyboard. */
static void keyboard_byte(struct machine *m, uint8_t v)
{
    struct kbc *k = &m->kbc;
    if (k->kbd_pending) {
        if (k->kbd_pending == KBD_SET_LEDS)
            k->leds = v & 7u;
        k->kbd_pending = 0;
        enqueue(k, KBD_ACK);
        return;
    }
    switch (v) {
    case KBD_SET_LEDS:
    case KBD_TYPEMATIC:
    case KBD_SCANCODE_SET:
        k->kbd_pending = v;
        enqueue(k, KBD_ACK);
        break;
    case KBD_ECHO:
        enqueue(k, KBD_ECHO);
        break;
    case KBD_IDENTIFY:
        enqueue(k, KBD_ACK);
        enqueue(k, KBD_ID_1);
        enqueue(k, KBD_ID_2);
        break;
    case KBD_RESET:
        enqueue(k, KBD_ACK);
        enqueue(k, KBD_SELF_TEST_OK);
        break;
    default: /* F4h, F5h and the rest: acknowledged */
        enqueue(k, KBD_ACK);
        break;
    }
    kbc_step(m);
}

static void data_write(struct machine *m, uint8_t v)
{
    struct kbc *k = &m->kbc;
    uint8_t cmd = k->pending;
    k->pending = 0;
    switch (cmd) {
    case KBC_CMD_WRITE_CB:
        k->cmd_byte = v;
        break;
    case KBC_CMD_WRITE_OUTPUT:
        kbc_set_a20(m, v & KBC_OP_A20);
        k->out_port = v;
        if (!(v & KBC_OP_RESET))
            machine_exit(m, 0); /* a CPU reset ends vdm, like INT 19h */
        break;
    case KBC_CMD_WRITE_KBD_BUF:
        enqueue(k, v);
        kbc_step(m);
        break;
    case KBC_CMD_WRITE_AUX_BUF:
    case KBC_CMD_WRITE_AUX:
        break; /* no mouse behind the aux port */
    default:
        keyboard_byte(m, v);
        break;
    }
}

static void command(struct machine *m, uint8_t v)
{
    struct kbc *k = &m->kbc;
    switch (v) {
    case KBC_CMD_READ_CB:
        answer(m, k->cmd_byte);
        break;
    case KBC_CMD_WRITE_CB:
    case KBC_CMD_WRITE_OUTPUT:
    case KBC_CMD_WRITE_KBD_BUF:
    case KBC_CMD_WRITE_AUX_BUF:
    case KBC_CMD_WRITE_AUX:
        k->pending = v;
        break;
    case KBC_CMD_SELF_TEST:
        answer(m, KBC_SELF_TEST_OK);
        break;
    case KBC_CMD_KBD_TEST:
    case KBC_CMD_AUX_TEST:
        answer(m, KBC_TEST_OK);
        break;
    case KBC_CMD_KBD_OFF:
        k->cmd_byte |= KBC_CB_KBD_OFF;
        break;
    case KBC_CMD_KBD_ON:
        k->cmd_byte &= (uint8_t)~KBC_CB_KBD_OFF;
        kbc_step(m);
        break;
    case KBC_CMD_READ_INPUT:
        answer(m, KBC_INPUT_PORT);
        break;
    case KBC_CMD_READ_OUTPUT:
        answer(m, k->out_port);
        break;
    case KBC_CMD_A20_OFF:
    case KBC_CMD_A20_ON:
        kbc_set_a20(m, v == KBC_CMD_A20_ON);
        break;
    default:
        /* Pulse output port lines whose bit is 0 in the low nibble: bit 0
         * is the CPU reset. */
        if (v >= KBC_CMD_PULSE && !(v & KBC_OP_RESET))
            machine_exit(m, 0);
        break; /* A7h, A8h and unknown commands: nothing to do */
    }
}

static void kbc_io(struct machine *m, void *ctx, uint16_t port, bool is_write, unsigned size,
                   uint32_t *val)
{
    struct kbc *k = ctx;
    (void)size;
    uint8_t v = (uint8_t)*val;
    switch (port) {
    case KBC_DATA_PORT:
        if (is_write) {
            k->last_was_cmd = false;
            data_write(m, v);
        } else {
            *val = k->out;
            k->out_full = false;
        }
        break;
    case KBC_CMD_PORT:
        if (is_write) {
            k->last_was_cmd = true;
            command(m, v);
        } else {
            *val = (k->out_full ? KBC_ST_OBF : 0) | KBC_ST_SYS | KBC_ST_UNLOCKED |
                   (k->last_was_cmd ? KBC_ST_CMD : 0);
        }
        break;
    default: /* 92h: fast A20 and reset */
        if (!is_write) {
            *val = k->port_a;
            break;
        }
        kbc_set_a20(m, v & KBC_PORT_A_A20);
        k->port_a = v & (uint8_t)~KBC_PORT_A_RESET;
        if (v & KBC_PORT_A_RESET)
            machine_exit(m, 0);
        break;
    }
}

bool kbc_init(struct machine *m)
{
    struct kbc *k = &m->kbc;
    *k = (struct kbc){ 0 };
    k->cmd_byte = KBC_CB_IRQ1 | KBC_CB_SYS | KBC_CB_XLATE;
    k->out_port = KBC_OP_RESET; /* A20 off, as DOS expects at start */
    return port_register(m, KBC_DATA_PORT, 1, kbc_io, k) && /* 60h data */
           port_register(m, KBC_CMD_PORT, 1, kbc_io, k) &&  /* 64h status/command */
           port_register(m, KBC_PORT_A, 1, kbc_io, k);      /* 92h port A */
}
