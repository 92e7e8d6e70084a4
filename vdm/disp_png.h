/*
 * --screenshot=FILE.png: the final screen through the window's renderer
 * (disp_raster.c) into a PNG, with no display needed. The encoder is a
 * small one of our own: 8-bit RGB, no filtering, zlib "stored" blocks.
 */
#ifndef VDM_DISP_PNG_H
#define VDM_DISP_PNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "disp_screen.h"

/* Write w x h pixels (0x00RRGGBB, row-major) as a PNG to path; false with
 * a message in err. */
bool disp_png_write(const char *path, const uint32_t *px, int w, int h, char *err, size_t cap);

/* Render `s` (cursor and blinking text in their visible phase) and write
 * it to path. */
bool disp_png_screenshot(const struct disp_screen *s, const char *path, char *err, size_t cap);

#endif
