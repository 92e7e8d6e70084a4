/*
 * hostfs internals: DOS 8.3 names (validity, canonical form, FCB-style
 * 11-character form and wildcard matching), the alias scheme for host names
 * that are not valid 8.3, and the listing of one host directory with the
 * DOS name of every entry.
 *
 * Alias scheme (stable, independent of readdir order):
 *   1. The directory's host names are sorted by byte order (strcmp).
 *   2. In that order, every name that is a valid 8.3 name once upper-cased
 *      keeps that upper-cased name, unless an earlier name took it already
 *      (so of "FOO.TXT" and "foo.txt" the byte-order-first keeps FOO.TXT).
 *   3. Every other name gets XXHHHH~N.EXT: XX the first two characters of
 *      its base that are legal in DOS names (upper-cased; '_' fills in when
 *      there are none), HHHH four hex digits of a 32-bit FNV-1a hash of the
 *      whole host name, N = 1, and EXT the first three legal characters
 *      after the last dot (a leading dot, as in ".profile", starts no
 *      extension). Only when that alias is already taken (a rare
 *      hash clash, or a real file of that name) does N count up, still in
 *      byte order. So an alias depends on its own host name alone, and
 *      adding an unrelated file never changes an existing alias.
 */
#ifndef VDM_HOSTFS_NAMES_H
#define VDM_HOSTFS_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HOSTFS_NAME83 13 /* "NAME.EXT" + NUL */
#define HOSTFS_FCB_NAME 11 /* "NAME    EXT": 8 + 3, blank-padded */

/* True when `c` may appear in a DOS file name (RBIL INT 21/AH=3Ch lists
 * what may not: control characters, space and "*+,./:;<=>?[\]| ). High
 * bytes count as legal for DOS callers but never in host names we show. */
bool hostfs_dos_char_ok(unsigned char c);

/* True when host name `host` (UTF-8) is already a valid 8.3 name once
 * converted to the DOS code page and upper-cased: 1-8 legal characters,
 * optionally a dot and 1-3 more (the caller handles collisions). `dos`,
 * when not NULL, receives that DOS spelling. */
bool hostfs_host_is_83(const char *host);
bool hostfs_host_83(const char *host, char dos[HOSTFS_NAME83]);

/* Names between the DOS code page (437) and UTF-8 (hostfs/codepage.c).
 * False when `out` (cap bytes, NUL included) is too small, or, to CP437,
 * when the UTF-8 is malformed or holds a character CP437 lacks. */
bool hostfs_cp437_to_utf8(const char *in, char *out, size_t cap);
bool hostfs_utf8_to_cp437(const char *in, char *out, size_t cap);

/* Make the canonical DOS form of one path component as a DOS program gave
 * it: upper-cased, base cut to 8 and extension to 3 characters (MS-DOS
 * truncates silently). `wild` allows '?' and '*'. Returns false when the
 * component holds an illegal character or has no base. */
bool hostfs_dos_canon(const char *comp, size_t len, bool wild,
                      char out[HOSTFS_NAME83]);

/* Expand a canonical name or pattern to the 11-char FCB form, blank
 * padded; '*' fills the rest of its field with '?'. "." and ".." expand to
 * themselves padded. */
void hostfs_fcb_form(const char *name, char out[HOSTFS_FCB_NAME]);

/* MS-DOS wildcard match of canonical `name` against canonical `pattern`:
 * both go to FCB form; '?' matches any character, a blank included (so
 * "FOO?" matches "FOO", and "*.*" matches names without an extension). */
bool hostfs_wild_match(const char *pattern, const char *name);

/* 32-bit FNV-1a hash of a NUL-terminated name (the alias digits, and the
 * name sets of directory listings). */
uint32_t hostfs_name_hash(const char *s);

/* The alias of host name `host` with counter `n` (1-99): see above. */
void hostfs_alias(const char *host, unsigned n, char out[HOSTFS_NAME83]);

/* One entry of a host directory. */
struct hostfs_name {
    char *host;                 /* host spelling (owned) */
    char dos[HOSTFS_NAME83];    /* its DOS name (upper case, maybe alias) */
};

struct hostfs_dirlist {
    struct hostfs_name *v;      /* sorted by host name (byte order) */
    size_t n;
};

struct hostfs;
struct hostfs_drive;

/* List host directory `dir` (absolute, inside drive `d`) and give every
 * entry its DOS name. Symbolic links are kept when they lead somewhere the
 * sandbox lets an open reach (hostfs_open_rel), so a listing shows exactly
 * what can be opened; on a drive that follows symlinks, whenever they lead
 * anywhere. Returns 0 or an errno value. */
int hostfs_dir_list(const struct hostfs *fs, const struct hostfs_drive *d, const char *dir,
                    struct hostfs_dirlist *l);
void hostfs_dir_free(struct hostfs_dirlist *l);

/* Open `rel` (a host path below drive `d`'s root, "." for the root) the
 * sandboxed way (hostfs/sandbox.c). Returns an fd or -1 with errno (EXDEV:
 * it leads out of the drive). */
int hostfs_open_rel(const struct hostfs *fs, const struct hostfs_drive *d, const char *rel,
                    int flags, unsigned mode);

/* The path of absolute host path `host` below drive `d`'s root ("."). */
const char *hostfs_rel_path(const struct hostfs_drive *d, const char *host);

/* True when host path `path` (which exists) resolves, symlinks followed,
 * to `root` or something below it. */
bool hostfs_inside_root(const char *root, const char *path);

#endif
