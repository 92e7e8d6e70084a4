/*
 * BIOS data area at 0040:0000 (RBIL MEMORY.LST, "Format of BIOS Data
 * Segment at segment 40h"): the fields DOS programs read.
 */
#ifndef VDM_BIOS_BDA_H
#define VDM_BIOS_BDA_H

#define BDA_SEG 0x0040u
#define BDA_LIN 0x0400u

#define BDA_EQUIPMENT 0x10      /* word: INT 11h equipment list */
#define BDA_MEMORY_KB 0x13      /* word: INT 12h conventional memory in KiB */
#define BDA_KBD_FLAGS 0x17      /* byte: shift state */
#define BDA_KBD_HEAD 0x1A       /* word: keyboard buffer head offset */
#define BDA_KBD_TAIL 0x1C       /* word: keyboard buffer tail offset */
#define BDA_KBD_BUF 0x1E        /* 16 words of keyboard buffer */
#define BDA_VIDEO_MODE 0x49     /* byte: current video mode */
#define BDA_VIDEO_COLS 0x4A     /* word: columns on screen */
#define BDA_VIDEO_PAGE_SIZE 0x4C/* word: bytes per video page */
#define BDA_VIDEO_PAGE_OFF 0x4E /* word: start of the active page */
#define BDA_CURSOR_POS 0x50     /* 8 words: cursor (col, row) per page */
#define BDA_CURSOR_SHAPE 0x60   /* word: end line, start line */
#define BDA_VIDEO_PAGE 0x62     /* byte: active page */
#define BDA_CRTC_BASE 0x63      /* word: 3D4h colour, 3B4h mono */
#define BDA_TICKS 0x6C          /* dword: timer ticks since midnight */
#define BDA_MIDNIGHT 0x70       /* byte: ticks rolled over midnight */
#define BDA_KBD_BUF_START 0x80  /* word: keyboard buffer start offset */
#define BDA_KBD_BUF_END 0x82    /* word: keyboard buffer end offset */
#define BDA_VIDEO_ROWS 0x84     /* byte: rows on screen minus one */
#define BDA_CHAR_HEIGHT 0x85    /* word: scan lines per character */

/* Timer ticks in a day: 1800B0h at 18.2065 Hz (the BIOS rolls over here). */
#define BDA_TICKS_PER_DAY 0x1800B0u

#endif
