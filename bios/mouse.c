/*
 * INT 33h: the Microsoft mouse driver functions programs use (see
 * mouse.h). AX = function on entry (RBIL INT 33/AX=0000h...).
 */
#include "bios/mouse.h"

#include <stdlib.h>

#include "vdm/machine.h"

/* The virtual screen of text and CGA modes (RBIL INT 33/AX=0000h notes). */
#define MOUSE_VIRT_W 640
#define MOUSE_VIRT_H 200
#define MOUSE_INSTALLED 0xFFFFu
#define MOUSE_DRIVER_VERSION 0x0626  /* reports itself as MS MOUSE 6.26 */
#define MOUSE_TYPE_PS2 4

static int16_t clamp(int v, int lo, int hi)
{
    return (int16_t)(v < lo ? lo : v > hi ? hi : v);
}

static void mouse_reset(struct mouse_state *s)
{
    *s = (struct mouse_state){
        .x = MOUSE_VIRT_W / 2, .y = MOUSE_VIRT_H / 2,
        .max_x = MOUSE_VIRT_W - 1, .max_y = MOUSE_VIRT_H - 1,
        .cursor = -1,
        .buttons = s->buttons, /* what is held stays held */
    };
}

/* 05h/06h: BX = button (0 left, 1 right, 2 middle). */
static void button_info(struct machine *m, struct mouse_state *s, bool press)
{
    uint16_t b = m->r.bx.w;
    m->r.ax.w = s->buttons;
    if (b > 2) {
        m->r.bx.w = m->r.cx.w = m->r.dx.w = 0;
        return;
    }
    struct mouse_button *mb = &s->button[b];
    m->r.bx.w = press ? mb->presses : mb->releases;
    m->r.cx.w = (uint16_t)(press ? mb->press_x : mb->release_x);
    m->r.dx.w = (uint16_t)(press ? mb->press_y : mb->release_y);
    if (press)
        mb->presses = 0;
    else
        mb->releases = 0;
}

/* 07h/08h: the range CX..DX, either order (RBIL: swapped if min > max). */
static void set_range(struct machine *m, int16_t *lo, int16_t *hi, int16_t *pos)
{
    int16_t a = (int16_t)m->r.cx.w, b = (int16_t)m->r.dx.w;
    *lo = a < b ? a : b;
    *hi = a < b ? b : a;
    *pos = clamp(*pos, *lo, *hi);
}

bool mouse_in_use(const struct machine *m)
{
    return m->mouse && m->mouse->in_use;
}

static void mouse_int33(struct machine *m)
{
    struct mouse_state *s = m->mouse;
    switch (m->r.ax.w) {
    case 0x0000: /* reset and status */
    case 0x0021: /* software reset */
        mouse_reset(s);
        s->in_use = true;
        m->r.ax.w = MOUSE_INSTALLED;
        m->r.bx.w = MOUSE_BUTTONS;
        break;
    case 0x0001: /* show cursor */
        if (s->cursor < 0)
            s->cursor++;
        break;
    case 0x0002: /* hide cursor */
        s->cursor--;
        break;
    case 0x0003: /* position and buttons */
        m->r.bx.w = s->buttons;
        m->r.cx.w = (uint16_t)s->x;
        m->r.dx.w = (uint16_t)s->y;
        break;
    case 0x0004: /* set position */
        s->x = clamp((int16_t)m->r.cx.w, s->min_x, s->max_x);
        s->y = clamp((int16_t)m->r.dx.w, s->min_y, s->max_y);
        break;
    case 0x0005:
        button_info(m, s, true);
        break;
    case 0x0006:
        button_info(m, s, false);
        break;
    case 0x0007:
        set_range(m, &s->min_x, &s->max_x, &s->x);
        break;
    case 0x0008:
        set_range(m, &s->min_y, &s->max_y, &s->y);
        break;
    case 0x000B: /* motion counters, cleared by reading */
        m->r.cx.w = (uint16_t)s->mickey_x;
        m->r.dx.w = (uint16_t)s->mickey_y;
        s->mickey_x = s->mickey_y = 0;
        break;
    case 0x000C: /* set event handler */
        s->handler_mask = m->r.cx.w;
        s->handler_seg = m->r.es;
        s->handler_off = m->r.dx.w;
        break;
    case 0x0014: { /* swap event handlers */
        uint16_t mask = s->handler_mask, seg = s->handler_seg, off = s->handler_off;
        s->handler_mask = m->r.cx.w;
        s->handler_seg = m->r.es;
        s->handler_off = m->r.dx.w;
        m->r.cx.w = mask;
        m->r.es = seg;
        m->r.dx.w = off;
        break;
    }
    case 0x0024: /* driver version and type */
        m->r.bx.w = MOUSE_DRIVER_VERSION;
        m->r.cx.h = MOUSE_TYPE_PS2;
        m->r.cx.l = 0; /* IRQ: 0 for a PS/2 mouse */
        break;
    default:
        /* 0Fh mickey ratio, 10h update region, 13h double speed, 1Ah
         * sensitivity, 1Dh display page and the rest: accepted, no
         * effect on a cursor vdm does not draw. */
        break;
    }
}

void mouse_event(struct machine *m, int x, int y, unsigned buttons)
{
    struct mouse_state *s = m->mouse;
    if (!s)
        return;
    int16_t nx = clamp(x, s->min_x, s->max_x), ny = clamp(y, s->min_y, s->max_y);
    if (nx != s->x || ny != s->y) {
        s->mickey_x = (int16_t)(s->mickey_x + (x - s->x));
        s->mickey_y = (int16_t)(s->mickey_y + (y - s->y));
        s->pending |= MOUSE_EVENT_MOVE;
    }
    s->x = nx;
    s->y = ny;
    static const unsigned bits[3] = { MOUSE_LEFT, MOUSE_RIGHT, MOUSE_MIDDLE };
    for (int b = 0; b < 3; b++) {
        bool was = s->buttons & bits[b], now = buttons & bits[b];
        struct mouse_button *mb = &s->button[b];
        if (now && !was) {
            mb->presses++;
            mb->press_x = nx;
            mb->press_y = ny;
            s->pending |= b == 0 ? MOUSE_EVENT_LEFT_DOWN : b == 1 ? MOUSE_EVENT_RIGHT_DOWN : 0;
        } else if (!now && was) {
            mb->releases++;
            mb->release_x = nx;
            mb->release_y = ny;
            s->pending |= b == 0 ? MOUSE_EVENT_LEFT_UP : b == 1 ? MOUSE_EVENT_RIGHT_UP : 0;
        }
    }
    s->buttons = (uint8_t)(buttons & (MOUSE_LEFT | MOUSE_RIGHT | MOUSE_MIDDLE));
}

bool mouse_init(struct machine *m)
{
    struct mouse_state *s = calloc(1, sizeof *s);
    if (!s)
        return false;
    mouse_reset(s);
    m->mouse = s;
    machine_set_int_handler(m, 0x33, mouse_int33);
    return true;
}

void mouse_destroy(struct machine *m)
{
    free(m->mouse);
    m->mouse = NULL;
}
