/*
 * The pixel renderer the window and --screenshot share: a text screen to
 * 0x00RRGGBB pixels with the VGA font converted at build time
 * (vdm/fontgen/psf2c.c), cell by cell, the cursor and blinking included.
 */
#ifndef VDM_DISP_RASTER_H
#define VDM_DISP_RASTER_H

#include <stdbool.h>
#include <stdint.h>

#include "disp_screen.h"

#define DISP_FONT_W 8
#define DISP_FONT_H 16

/* Whether this build has the font (and so the window and screenshots). */
bool disp_raster_available(void);

/* Render `s` into px (s->cols * DISP_FONT_W by s->rows * DISP_FONT_H
 * pixels, `pitch` pixels per row). blink_on: the phase in which blinking
 * text and the cursor show. */
void disp_raster(const struct disp_screen *s, bool blink_on, uint32_t *px, int pitch);

#endif
