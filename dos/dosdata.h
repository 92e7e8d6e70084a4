/*
 * DOS's own tables in guest memory, for the programs that read them: the
 * swappable data area with the InDOS flag (INT 21h/34h, 5D06h), the list
 * of lists (52h) with the NUL device header, the character device chain,
 * the current directory structures, and the national language tables
 * (65h). They live in the DOS data segment, from linear 600h up to the
 * first MCB, which dos.c places right after them (DOS_DATA_END_SEG), as
 * MS-DOS keeps its own data below the arena. Linear 500h-5FFh is left
 * alone: it is the BIOS/DOS communication area that programs (BASIC, the
 * print screen status byte) use themselves.
 *
 * The host keeps the truth (struct dos_state, hostfs); these are copies,
 * refreshed after INT 21h calls (see dos_data_sync*), so a program
 * reading them sees DOS's state as of its last call.
 */
#ifndef VDM_DOS_DOSDATA_H
#define VDM_DOS_DOSDATA_H

#include <stdint.h>

struct machine;

#define DOS_DATA_SEG 0x0060u

/* Offsets in DOS_DATA_SEG. */
#define DD_SDA 0x0000         /* swappable data area (RBIL INT 21/AX=5D06h) */
#define DD_LOL 0x0040         /* list of lists; 0Ch bytes before it too */
#define DD_SFT 0x00B0         /* the (empty) first SFT block header */
#define DD_DEVICES 0x00B8     /* CON, AUX, PRN, CLOCK$ device headers */
#define DD_RETF 0x0100        /* RETF: their strategy/interrupt entries */
#define DD_CASEMAP 0x0101     /* 38h's far case map routine (18 bytes) */
#define DD_UPPER 0x0120       /* 65h/02h, 04h: uppercase table (2 + 128) */
#define DD_TERMINATORS 0x01A4 /* 65h/05h: file name terminator table */
#define DD_COLLATE 0x01C0     /* 65h/06h: collating table (2 + 256) */
#define DD_DBCS 0x02C4        /* 65h/07h: DBCS lead-byte table (empty) */
#define DD_COUNTRY 0x02D0     /* 38h country info block (34 bytes) */
#define DD_BREAK_STUB 0x0300  /* Ctrl-C routine (ctrlc.c) */
#define DD_BREAK_STUB_SIZE 0x28
#define DD_BREAK_SAVE 0x032E  /* its saved SP */
#define DD_CDS 0x0340         /* current directory structures, A:-Z: */
#define DD_END 0x0C40         /* the first MCB follows */

/* The segment past the DOS data: where the memory arena starts. */
#define DOS_DATA_END_SEG (DOS_DATA_SEG + DD_END / 16)

/* Swappable data area fields (RBIL, "Format of DOS 4+ SDA"). */
#define SDA_CRIT_ERR 0x00     /* critical error flag */
#define SDA_INDOS 0x01        /* InDOS flag */
#define SDA_ERR_DRIVE 0x02
#define SDA_ERR_LOCUS 0x03
#define SDA_ERR_CODE 0x04
#define SDA_ERR_ACTION 0x06
#define SDA_ERR_CLASS 0x07
#define SDA_ERR_PTR 0x08
#define SDA_DTA 0x0C
#define SDA_PSP 0x10
#define SDA_RETCODE 0x14
#define SDA_DRIVE 0x16
#define SDA_BREAK 0x17
#define SDA_SWAP_ALWAYS 0x18  /* 5D06h DX: bytes always swapped */
#define SDA_SIZE 0x30         /* 5D06h CX: bytes swapped while in DOS */

/* List of lists fields (RBIL INT 21/AH=52h, DOS 5.0 layout). */
#define LOL_FIRST_MCB (-0x02)
#define LOL_DPB 0x00
#define LOL_SFT 0x04
#define LOL_CLOCK 0x08
#define LOL_CON 0x0C
#define LOL_MAX_SECTOR 0x10
#define LOL_BUFFERS 0x12
#define LOL_CDS 0x16
#define LOL_FCB_TABLES 0x1A
#define LOL_PROT_FCBS 0x1E
#define LOL_BLOCK_DEVS 0x20
#define LOL_LASTDRIVE 0x21
#define LOL_NUL 0x22          /* the NUL device header itself, 18 bytes */
#define LOL_JOINED 0x34
#define LOL_BOOT_DRIVE 0x43
#define LOL_DWORD_MOVES 0x44
#define LOL_EXT_MEM 0x45
#define LOL_UMB_LINK 0x63
#define LOL_FIRST_UMB 0x66
#define LOL_SIZE 0x6A

#define CDS_SIZE 0x58         /* one current directory structure, DOS 4+ */
#define CDS_MAX_DRIVES ((DD_END - DD_CDS) / CDS_SIZE) /* 26: LASTDRIVE=Z */

/* Build every table (dos_init; again once the drives are mounted). */
void dos_data_init(struct machine *m);

/* Copy the host's state into the SDA and the list of lists (after each
 * INT 21h call). */
void dos_data_sync(struct machine *m);

/* Refresh LASTDRIVE, the block device count and the current directory
 * structures (at start, and after the calls that change drives or
 * directories: 0Eh, 3Bh, 52h). */
void dos_data_sync_drives(struct machine *m);

/* Set the InDOS flag's count (entering and leaving INT 21h). */
void dos_data_indos(struct machine *m, int delta);

#endif
