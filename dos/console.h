/*
 * The console (CON) as the handle functions see it when the display front
 * end owns the keyboard: input comes from the BIOS keyboard buffer, as
 * MS-DOS's CON driver reads it, instead of from host stdin (console.c).
 */
#ifndef VDM_DOS_CONSOLE_H
#define VDM_DOS_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

struct machine;
struct dos_sft_entry;

/* Whether reading `e` means reading the BIOS keyboard: `e` is the CON
 * device, not on a host file, pipe or socket (those are data), the front
 * end owns the keyboard (a window, a terminal the program took over), and
 * the INT 21h call now running came in through the INT 21h vector (so it
 * can wait for a key in the ROM and be called again). */
bool dos_con_keyboard(struct machine *m, const struct dos_sft_entry *e);

/* INT 21h/3Fh on such a CON: a cooked read edits a line (echoed, up to
 * 127 characters) and returns it with CR LF, CX bytes at a time; a raw
 * one (IOCTL 4401h) returns the keys typed, at least one. Sets AX and CF,
 * or sends the guest to wait for a key and returns without touching the
 * registers. */
void dos_con_read_keyboard(struct machine *m, const struct dos_sft_entry *e, uint8_t *buf,
                           uint16_t n);

/* IOCTL 4406h on such a CON: whether a read would not wait. */
bool dos_con_keyboard_ready(struct machine *m);

#endif
