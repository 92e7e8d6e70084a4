/*
 * File control blocks: the CP/M-style file functions of INT 21h
 * (0Fh-17h, 21h-24h, 27h/28h) and the name parser 29h.
 *
 * Layout (RBIL INT 21/AH=0Fh, "Format of File Control Block"; "Format of
 * Extended FCB"). An extended FCB starts with FFh, five reserved bytes and
 * an attribute byte; the normal FCB follows at offset 7.
 *
 * An FCB-opened file takes an SFT entry (dos/handle.h) but no JFT handle.
 * The FCB's reserved bytes at 18h hold the SFT index, a signature and the
 * opener's PSP (the entry's `fcb_owner`), so a later call finds the file;
 * dos_fcb_close_all() closes what a program left open when it ends, and
 * dos_sft_close_all() at vdm exit closes the rest.
 */
#ifndef VDM_DOS_FCB_H
#define VDM_DOS_FCB_H

#include <stdint.h>

struct machine;

#define FCB_DRIVE 0x00       /* 0 = default, 1 = A: */
#define FCB_NAME 0x01        /* 8 bytes, blank-padded */
#define FCB_EXT 0x09         /* 3 bytes, blank-padded */
#define FCB_CUR_BLOCK 0x0C   /* current block (128 records each) */
#define FCB_REC_SIZE 0x0E    /* logical record size */
#define FCB_FILE_SIZE 0x10   /* 32-bit file size */
#define FCB_DATE 0x14        /* date of last write */
#define FCB_TIME 0x16        /* time of last write */
#define FCB_RESERVED 0x18    /* 8 bytes DOS keeps its own state in */
#define FCB_CUR_REC 0x20     /* record within the current block */
#define FCB_RAND_REC 0x21    /* random record: 4 bytes (3 when size >= 64) */
#define FCB_SIZE 0x25

/* 17h: the new name of a rename FCB sits at 10h (drive byte ignored). */
#define FCB_NEW_NAME 0x11

#define XFCB_FLAG 0xFF       /* first byte of an extended FCB */
#define XFCB_ATTR 0x06
#define XFCB_HEADER 7

/* Close every FCB-opened file of program `psp` (termination). */
void dos_fcb_close_all(struct machine *m, uint16_t psp);

void dos_fn_fcb_open(struct machine *m);          /* 0Fh */
void dos_fn_fcb_close(struct machine *m);         /* 10h */
void dos_fn_fcb_find_first(struct machine *m);    /* 11h */
void dos_fn_fcb_find_next(struct machine *m);     /* 12h */
void dos_fn_fcb_delete(struct machine *m);        /* 13h */
void dos_fn_fcb_seq_read(struct machine *m);      /* 14h */
void dos_fn_fcb_seq_write(struct machine *m);     /* 15h */
void dos_fn_fcb_create(struct machine *m);        /* 16h */
void dos_fn_fcb_rename(struct machine *m);        /* 17h */
void dos_fn_fcb_rand_read(struct machine *m);     /* 21h */
void dos_fn_fcb_rand_write(struct machine *m);    /* 22h */
void dos_fn_fcb_file_size(struct machine *m);     /* 23h */
void dos_fn_fcb_set_rand(struct machine *m);      /* 24h */
void dos_fn_fcb_block_read(struct machine *m);    /* 27h */
void dos_fn_fcb_block_write(struct machine *m);   /* 28h */
void dos_fn_fcb_parse(struct machine *m);         /* 29h, fcb_parse.c */

#endif
