/*
 * What bios/video.c (the INT 10h text services) and bios/vidinfo.c (the
 * palette, font and information calls) share.
 */
#ifndef VDM_BIOS_VIDEO_H
#define VDM_BIOS_VIDEO_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

uint32_t video_bda(unsigned off);
unsigned video_cols(struct machine *m);
unsigned video_rows(struct machine *m);

/* Set the cursor shape (CGA-style lines, scaled to the font) in the BDA
 * and the CRTC. */
void video_cursor_shape(struct machine *m, uint8_t start, uint8_t end);

/* Rows, page size and CRTC character height for a font `char_height`
 * lines tall at the current scan-line count. */
void video_set_geometry(struct machine *m, unsigned char_height);

void video_scroll(struct machine *m, uint8_t page, unsigned top, unsigned left,
                  unsigned bottom, unsigned right, unsigned n, uint8_t attr, bool up);

/* INT 10h functions implemented in bios/vidinfo.c. */
void video_palette(struct machine *m);     /* 10h */
void video_font(struct machine *m);        /* 11h */
void video_alt_select(struct machine *m);  /* 12h */
void video_dcc(struct machine *m);         /* 1Ah */
void video_state_info(struct machine *m);  /* 1Bh */
void video_save_state(struct machine *m);  /* 1Ch */

#endif
