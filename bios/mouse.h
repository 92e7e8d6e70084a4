/*
 * The INT 33h mouse driver (what MOUSE.COM is to MS-DOS: Microsoft mouse
 * driver functions as RBIL lists them) and the host API the front ends
 * feed it through.
 *
 * For the front ends: call mouse_event() whenever the host pointer moves
 * or a button changes, with the position in the driver's virtual screen
 * (640 x 200 in the text and CGA modes: column * 8, row * 8) and the
 * buttons held (MOUSE_LEFT | MOUSE_RIGHT | MOUSE_MIDDLE). The driver
 * clamps the position to the range the program set, counts motion in
 * mickeys (one per virtual pixel), and keeps press/release counts for
 * functions 05h/06h. mouse_event() only records; it never runs guest
 * code, so it is safe to call between run-loop slices.
 *
 * Left out: the user event handler (0Ch/14h) is stored and swapped but not
 * called (calling it needs the run loop to inject a far call into the
 * guest between slices; MOUSE_EVENT_* bits pending for it are collected
 * in mouse_state.pending for that day), and the driver draws no cursor
 * (show/hide only keep the counter programs read back).
 */
#ifndef VDM_BIOS_MOUSE_H
#define VDM_BIOS_MOUSE_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define MOUSE_LEFT 0x01
#define MOUSE_RIGHT 0x02
#define MOUSE_MIDDLE 0x04
#define MOUSE_BUTTONS 2   /* what reset reports: a two-button mouse */

/* Event mask bits of 0Ch (RBIL INT 33/AX=000Ch, "call mask"). */
#define MOUSE_EVENT_MOVE 0x01
#define MOUSE_EVENT_LEFT_DOWN 0x02
#define MOUSE_EVENT_LEFT_UP 0x04
#define MOUSE_EVENT_RIGHT_DOWN 0x08
#define MOUSE_EVENT_RIGHT_UP 0x10

struct mouse_button {
    uint16_t presses, releases;         /* since the last 05h/06h */
    int16_t press_x, press_y;           /* where the last press was */
    int16_t release_x, release_y;
};

struct mouse_state {
    int16_t x, y;                       /* position in virtual pixels */
    int16_t min_x, max_x, min_y, max_y; /* 07h/08h */
    int16_t mickey_x, mickey_y;         /* motion since the last 0Bh */
    uint8_t buttons;                    /* MOUSE_* held now */
    int cursor;                         /* 0 shown, < 0 hidden (01h/02h) */
    struct mouse_button button[3];
    uint16_t handler_mask;              /* 0Ch/14h */
    uint16_t handler_seg, handler_off;
    uint16_t pending;                   /* events the handler has not seen */
    bool in_use;                        /* the program reset the driver (00h/21h):
                                           front ends then report the pointer */
};

/* Attach the driver and register INT 33h. False on host allocation
 * failure. mouse_destroy() accepts a machine without one. */
bool mouse_init(struct machine *m);
void mouse_destroy(struct machine *m);

/* The host pointer is at (x, y) with `buttons` held (see above). */
void mouse_event(struct machine *m, int x, int y, unsigned buttons);

/* Whether the program uses the mouse (it reset the driver): a terminal
 * front end turns on mouse reporting only then, so selecting text with
 * the mouse keeps working for everything else. */
bool mouse_in_use(const struct machine *m);

#endif
