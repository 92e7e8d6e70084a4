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
#define BDA_KBD_FLAGS 0x17      /* byte: shift state (INT 16h/02h) */
#define BDA_KBD_FLAGS2 0x18     /* byte: keys held down (left Ctrl/Alt, locks) */
#define BDA_ALT_KEYPAD 0x19     /* byte: Alt+keypad number being typed */
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
#define BDA_VIDEO_MODE_CTL 0x65 /* byte: mode control register (bit 5 blink) */
#define BDA_VIDEO_PALETTE 0x66  /* byte: CGA palette register */
#define BDA_TICKS 0x6C          /* dword: timer ticks since midnight */
#define BDA_MIDNIGHT 0x70       /* byte: ticks rolled over midnight */
#define BDA_BREAK 0x71          /* byte: bit 7 Ctrl-Break was pressed */
#define BDA_KBD_BUF_START 0x80  /* word: keyboard buffer start offset */
#define BDA_KBD_BUF_END 0x82    /* word: keyboard buffer end offset */
#define BDA_VIDEO_ROWS 0x84     /* byte: rows on screen minus one */
#define BDA_CHAR_HEIGHT 0x85    /* word: scan lines per character */
#define BDA_VIDEO_EGA_MISC 0x87 /* byte: bit 7 memory not cleared at mode set */
#define BDA_VIDEO_EGA_SWITCH 0x88 /* byte: EGA feature bits and switches */
#define BDA_VIDEO_VGA_FLAGS 0x89 /* byte: bit 7/4 scan lines (00 350, 01 400, 10 200) */
#define BDA_VIDEO_DCC 0x8A      /* byte: display combination code index */
#define BDA_KBD_FLAGS3 0x96     /* byte: E0/E1 prefix seen, right Ctrl/Alt, 101 keys */
#define BDA_KBD_LEDS 0x97       /* byte: keyboard LED state */

/* Timer ticks in a day: 1800B0h at 18.2065 Hz (the BIOS rolls over here). */
#define BDA_TICKS_PER_DAY 0x1800B0u

#endif
