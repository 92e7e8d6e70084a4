/*
 * Opening files and devices by DOS name (dos/file.c), shared by 3Ch/3Dh
 * and the extended-open family (5Ah, 5Bh, 6Ch in dos/file_ext.c).
 */
#ifndef VDM_DOS_FILE_H
#define VDM_DOS_FILE_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* What an open asks for. */
struct dos_open_req {
    uint8_t mode;      /* open mode byte: access, sharing, no-inherit */
    bool create;       /* create the file when it is missing */
    bool excl;         /* fail with DOS_ERR_FILE_EXISTS when it exists */
    bool truncate;     /* cut an existing file to length 0 */
    uint16_t attr;     /* attributes for a created file */
};

/* Open `path` (a DOS path from the guest). Returns the handle or -DOS
 * error; nothing is left behind on error. When `existed` is not NULL it
 * tells whether the file (or device) was there before the call, also on
 * error once the path resolved. */
int dos_open_path(struct machine *m, const char *path, const struct dos_open_req *rq,
                  bool *existed);

#endif
