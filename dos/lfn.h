/*
 * The long file name API's two files (dos/lfn.c: paths, open, times;
 * dos/lfn_find.c: directory searches) and what they share.
 */
#ifndef VDM_DOS_LFN_H
#define VDM_DOS_LFN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "hostfs/longname.h"
#include "hostfs/names.h"

struct machine;

/* One directory entry a search found. */
struct lfn_entry {
    char host[HOSTFS_LFN_MAX];  /* the long (host) name */
    char dos[HOSTFS_NAME83];    /* its 8.3 alias, "" when the same */
    uint8_t attr;
    uint64_t size;
    time_t ctime_, atime_, mtime_;
};

/* A search: the matches of one directory, listed when it started. */
struct lfn_search {
    bool active;
    struct lfn_entry *v;
    size_t n, next;
};

/* Seconds from 1601-01-01 (the Win32 FILETIME epoch) to 1970-01-01, and
 * FILETIME's 100 ns units per second. */
#define FILETIME_EPOCH_DIFF 11644473600LL
#define FILETIME_PER_SEC 10000000LL

/* CF and AX from a DOS error code (0: success). */
void lfn_finish(struct machine *m, int rc);

/* Little-endian stores: a DWORD, a host time as FILETIME. */
void lfn_put32(uint8_t *p, uint32_t v);
void lfn_put_filetime(uint8_t *p, time_t t);

/* Length of the directory part of a pattern ("C:\DIR\" of "C:\DIR\*.x"). */
size_t lfn_dir_part_len(const char *pattern);

/* Fill `s` with the entries of the pattern's directory whose long or
 * short name matches its last component, with attributes within
 * `allowed` (hidden, system, directory) and holding all of `required`.
 * Returns 0 or a DOS error. lfn_search_end() frees it. */
int lfn_search_fill(struct machine *m, struct lfn_search *s, const char *pattern,
                    uint8_t allowed, uint8_t required);
void lfn_search_end(struct lfn_search *s);

/* 714Eh, 714Fh, 71A1h. */
void lfn_find_first(struct machine *m);
void lfn_find_next(struct machine *m);
void lfn_find_close(struct machine *m);

#endif
