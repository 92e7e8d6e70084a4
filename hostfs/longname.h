/*
 * Long file names (the Windows 95 view of a drive, for INT 21h/71xxh):
 * paths whose components are host names, matched case-insensitively, or
 * 8.3 names/aliases as hostfs_resolve() takes them; a missing last
 * component keeps its long spelling, so creating through this path makes
 * the host file under its long name. The sandbox rules are hostfs.h's:
 * nothing outside the drive's root, '..' at the root stays there.
 */
#ifndef VDM_HOSTFS_LONGNAME_H
#define VDM_HOSTFS_LONGNAME_H

#include <stdbool.h>
#include <stddef.h>

#include "hostfs/hostfs.h"

#define HOSTFS_LFN_MAX 256      /* a long name component, NUL included */
#define HOSTFS_LFN_PATH_MAX 261 /* a long path "C:\...", NUL included */

/* Resolve a long path like hostfs_resolve() (same `want`, same errors;
 * DOS_ERR_PATH_NOT_FOUND also for a new last component that is no valid
 * long name). out->dos holds the 8.3 path of what exists ("" for a new
 * last component's part), out->last its 8.3 name or "". `long_path`
 * (HOSTFS_LFN_PATH_MAX bytes, may be NULL) gets "C:\Long Dir\Long Name". */
int hostfs_resolve_long(struct hostfs *fs, int cur_drive, const char *path,
                        enum hostfs_want want, struct hostfs_path *out, char *long_path);

/* True when `name` may be a long file name component (Windows 95 rules:
 * 1-255 characters, none of \ / : * ? " < > | or a control character,
 * not "." or ".."). */
bool hostfs_lfn_valid(const char *name);

/* Case-insensitive wildcard match of a long name: '*' any run, '?' one
 * character; "*.*" matches every name, with or without a dot. */
bool hostfs_lfn_match(const char *pattern, const char *name);

#endif
