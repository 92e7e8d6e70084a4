/*
 * DOS file handles: the job file table (JFT) in each PSP maps a handle to
 * an entry of the system file table (SFT, in struct dos_state), which owns
 * the host file descriptor. Handles 0-4 of the first program are standard
 * input, output, error, AUX and PRN; 0-2 are the host's fds 0-2, so pipes
 * and redirection pass straight through.
 */
#ifndef VDM_DOS_HANDLE_H
#define VDM_DOS_HANDLE_H

#include <stdbool.h>
#include <stdint.h>

#include "dos/dos.h"

struct machine;

/* Standard handles (RBIL INT 21/AH=3Dh notes: "predefined handles"). */
#define DOS_STDIN 0
#define DOS_STDOUT 1
#define DOS_STDERR 2
#define DOS_STDAUX 3
#define DOS_STDPRN 4

/* Open mode bit: the handle is not inherited by EXEC'd children. */
#define DOS_OPEN_NOINHERIT 0x80

/* Open mode bits 0-2: the access mode (RBIL INT 21/AH=3Dh, "access and
 * sharing modes"); bits 4-6 are the sharing mode. */
#define DOS_ACCESS_MASK 0x07
#define DOS_ACCESS_READ 0x00
#define DOS_ACCESS_WRITE 0x01
#define DOS_ACCESS_RW 0x02

/* vdm's ceiling for a file's size: writes that would grow a file past it
 * write nothing (AX = 0, "disk full"). MS-DOS files stop at 4 GiB - 1, and a
 * position seeked "before the start" wraps to 4 GiB - n (RBIL INT 21/AH=42h),
 * so without a ceiling such a write would make a 4 GiB sparse host file. */
#define DOS_FILE_SIZE_MAX 0x7FFFFFFFu

/* Create the SFT entries for the standard devices. */
void dos_sft_init(struct machine *m);

/* The SFT entry behind handle `h` of the current PSP, or NULL when the
 * handle is out of range or closed (the caller fails with
 * DOS_ERR_INVALID_HANDLE). */
struct dos_sft_entry *dos_handle_sft(struct machine *m, uint16_t h);

/* A free SFT slot (refs == 0), or -1. */
int dos_sft_alloc(struct machine *m);

/* The SFT index behind handle `h` of the current PSP, or -1 (closed or
 * out of range). */
int dos_handle_sft_index(struct machine *m, uint16_t h);

/* True when the current PSP has a closed JFT slot (checked before a create
 * or open touches the host, so "too many open files" has no side effects). */
bool dos_jft_has_free(struct machine *m);

/* Put SFT entry `sft` in the first closed JFT slot of the current PSP and
 * take a reference. Returns the handle, or -DOS_ERR_TOO_MANY_OPEN_FILES. */
int dos_jft_alloc(struct machine *m, int sft);

/* Read/write through handle `h` of the current PSP. Return bytes
 * transferred, or -DOS error. Disk files move their SFT position; a write
 * of 0 bytes to a disk file sets its size to the position (RBIL INT
 * 21/AH=40h). NUL, AUX, PRN and CLOCK$ read nothing and swallow writes. */
long dos_handle_read(struct machine *m, uint16_t h, void *buf, uint32_t n);
long dos_handle_write(struct machine *m, uint16_t h, const void *buf, uint32_t n);

/* Close handle `h` of the current PSP; 0 or DOS_ERR_INVALID_HANDLE. */
int dos_handle_close(struct machine *m, uint16_t h);

/* Drop one reference to an SFT entry, closing the host fd with the last. */
void dos_sft_release(struct machine *m, int sft);

/* Close every handle of PSP `psp` (program termination). */
void dos_handles_close_all(struct machine *m, uint16_t psp);

/* Give `child` a copy of `parent`'s JFT (EXEC), taking a reference on each
 * inherited entry; entries opened with DOS_OPEN_NOINHERIT stay behind. */
void dos_handles_inherit(struct machine *m, uint16_t parent, uint16_t child);

/* Close all SFT entries (vdm shutdown). */
void dos_sft_close_all(struct machine *m);

/* INT 21h functions in handle.c. */
void dos_fn_close(struct machine *m);   /* 3Eh */
void dos_fn_read(struct machine *m);    /* 3Fh */
void dos_fn_write(struct machine *m);   /* 40h */
void dos_fn_dup(struct machine *m);     /* 45h */
void dos_fn_dup2(struct machine *m);    /* 46h */

#endif
