/*
 * The file name parser of INT 21h/29h, shared with psp.c, which fills a
 * new program's two default FCBs from its command tail the same way.
 */
#ifndef VDM_DOS_FCB_PARSE_H
#define VDM_DOS_FCB_PARSE_H

#include <stddef.h>
#include <stdint.h>

/* 29h flag bits in AL (RBIL INT 21/AH=29h). */
#define FCB_PARSE_SKIP_SEP 0x01   /* skip one leading separator */
#define FCB_PARSE_KEEP_DRIVE 0x02 /* no drive given: leave the FCB's */
#define FCB_PARSE_KEEP_NAME 0x04  /* no name given: leave the FCB's */
#define FCB_PARSE_KEEP_EXT 0x08   /* no extension given: leave the FCB's */

/* 29h results in AL. */
#define FCB_PARSE_NO_WILD 0x00
#define FCB_PARSE_WILD 0x01
#define FCB_PARSE_BAD_DRIVE 0xFF

/* Parse the name at s[0..avail) into the first 12 bytes of an FCB (drive,
 * name, extension), following `flags`. `valid_drives` has bit 0 for A:.
 * Sets *result to one of FCB_PARSE_*; returns the bytes consumed. */
size_t dos_fcb_parse_name(const uint8_t *s, size_t avail, uint8_t flags, uint8_t fcb[12],
                          uint32_t valid_drives, uint8_t *result);

#endif
