/*
 * INT 21h/44h drive subfunctions (08h, 09h, 0Bh, 0Dh, 0Eh, 0Fh), called
 * from dos_fn_ioctl in dos/file.c, which keeps the handle subfunctions.
 */
#ifndef VDM_DOS_IOCTL_EXT_H
#define VDM_DOS_IOCTL_EXT_H

#include <stdbool.h>

struct machine;

/* Serve AX=44xxh when AL is one of the drive subfunctions: true when it
 * did (registers set), false to leave the call to the caller. */
bool dos_ioctl_ext(struct machine *m);

#endif
