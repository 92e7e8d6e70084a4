/*
 * The terminal front end: the program's output streams like any
 * command's until it takes the screen; then the alternate screen, raw
 * keyboard, ANSI diff rendering at most 60 times a second, and on the way
 * out the terminal restored and the final screen left in the scrollback.
 */
#ifndef VDM_DISP_TERM_H
#define VDM_DISP_TERM_H

#include "display.h"

extern const struct display_ops disp_term_ops;

#endif
