/*
 * The pixel renderer the window and --screenshot share: a text screen to
 * 0x00RRGGBB pixels with the VGA font converted at build time
 * (vdm/fontgen/psf2c.c; 8x16, 8x14 and 8x8 after the BIOS character
 * height), cell by cell, the cursor and blinking included.
 */
#ifndef VDM_DISP_RASTER_H
#define VDM_DISP_RASTER_H

#include <stdbool.h>
#include <stdint.h>

#include "disp_screen.h"

#define DISP_FONT_W 8
#define DISP_FONT_H_MAX 16

/* Cell height in pixels for the screen's character height (8, 14, 16):
 * the font of that height is used. */
int disp_raster_cell_h(const struct disp_screen *s);

/* Whether this build has the font (and so the window and screenshots). */
bool disp_raster_available(void);

/* Render `s` into px (s->cols * DISP_FONT_W by s->rows *
 * disp_raster_cell_h(s) pixels, `pitch` pixels per row). blink_on: the phase in which blinking
 * text and the cursor show. */
void disp_raster(const struct disp_screen *s, bool blink_on, uint32_t *px, int pitch);

#endif
