/*
 * The window front end (SDL2): the text screen with the VGA font, the
 * palette, blinking and the cursor, integer scaling, Alt+Enter for full
 * screen; keys as scancodes (make and break); closing the window ends
 * vdm like a hangup. Built only when SDL2 is found.
 */
#ifndef VDM_DISP_SDL_H
#define VDM_DISP_SDL_H

#include "display.h"

extern const struct display_ops disp_sdl_ops;

#endif
