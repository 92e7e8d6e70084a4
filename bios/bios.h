/*
 * The BIOS: data area, ROM, and the interrupt services DOS programs call,
 * one file per concern: video.c (INT 10h), keyboard.c (INT 09h, 16h),
 * timer.c (INT 08h, 1Ah, the IRQ handlers), sysconf.c (INT 05h, 11h-15h,
 * 17h, 19h). Knows nothing of DOS; reaches the hardware through hw/.
 */
#ifndef VDM_BIOS_BIOS_H
#define VDM_BIOS_BIOS_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* BIOS state that has no home in the data area. */
struct bios_state {
    unsigned kbd_empty_polls; /* INT 16h/01h calls that found no key ... */
    uint64_t kbd_poll_window; /* ... since this host time */
    uint16_t scan_lines;      /* 200, 350 or 400: the next text mode's (INT 10h/12h) */
};

/* Fill the BIOS data area and the ROM, and register the BIOS handlers.
 * Needs the hardware set up (hw_init) first. */
bool bios_init(struct machine *m);

/* Each service file registers its handlers (called by bios_init). */
void bios_timer_init(struct machine *m);
void bios_keyboard_init(struct machine *m);
void bios_video_init(struct machine *m);
void bios_sysconf_init(struct machine *m);

/* INT 09h's host part, for the ROM entry and tests: process scancode AL
 * into the shift state and the keyboard buffer. */
void bios_int09(struct machine *m);

/* The keyboard buffer for DOS's console (the CON driver reads the BIOS
 * keyboard, as on a PC). Key words as INT 16h/00h gives them (AH scan
 * code, AL character; grey keys as their white twins). Nothing waits.
 * take: the next key, removed; -1 when the buffer is empty.
 * peek: the next key, left in the buffer; -1 when empty (a burst of empty
 *       peeks idles briefly, as INT 16h/01h polling does).
 * flush: drop every typed-ahead key (INT 21h/0Ch). */
int bios_kbd_take(struct machine *m);
int bios_kbd_peek(struct machine *m);
void bios_kbd_flush(struct machine *m);

/* Release what bios_init() allocated; safe on a machine without a BIOS. */
void bios_destroy(struct machine *m);

/* Console output through the BIOS teletype, as the CON driver and INT 29h
 * do on a PC: the character goes on the active page (cursor, scrolling)
 * and, unless the front end shows the emulated screen, to standard
 * output as well. */
void bios_tty_out(struct machine *m, uint8_t c);

#endif
