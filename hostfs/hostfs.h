/*
 * Host directories as DOS drives: the drive table, DOS path to host path
 * translation with case-insensitive lookup, directory searches for find
 * first/next, and the sandbox that keeps every access inside its drive.
 *
 * This module knows nothing of DOS handles, PSPs or the CPU: it takes DOS
 * path strings and gives host paths, DOS directory entries and DOS error
 * codes (dos/errors.h).
 *
 * Host names are UTF-8, DOS names code page 437 (hostfs/codepage.c): a
 * host name all of whose characters CP437 has is shown in CP437.
 * Host names that are not valid 8.3 names (too long, several dots, a
 * character DOS forbids such as + , ; = [ ] or space, a character CP437
 * lacks, or the
 * byte-order-later of two names equal but for case) are shown to DOS as
 * aliases XXHHHH~N.EXT: the first two legal characters of the base, four
 * hex digits of a hash of the whole host name, N = 1 unless that alias is
 * taken in the directory. The alias depends on the host name only, so it
 * is the same in every run and unaffected by unrelated files; the full
 * rules are in hostfs/names.h. hostfs_resolve() accepts aliases.
 *
 * New names (HOSTFS_PARENT, last component missing) are created on the
 * host in their canonical DOS spelling: upper case, 8.3-truncated (lower
 * case when fs->lowercase, --lowercase).
 *
 * The sandbox has two layers: hostfs_resolve() finds names through
 * listings that show only what the sandboxed open can reach, and every
 * access a DOS call makes goes through hostfs/sandbox.c (hostfs_open,
 * hostfs_mkdir, ...), which the kernel confines to the drive's root.
 */
#ifndef VDM_HOSTFS_H
#define VDM_HOSTFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define HOSTFS_DRIVES 26
#define HOSTFS_HOST_MAX 4096 /* a host path, NUL included */
#define HOSTFS_DOS_MAX 128   /* a full DOS path "C:\DIR\FILE.EXT", NUL included */
#define HOSTFS_CWD_MAX 64    /* a DOS current directory, without drive and
                                leading backslash (MS-DOS allows 64 bytes) */

struct hostfs_drive {
    bool mounted;
    bool ro;                        /* refuse every change with access denied */
    bool follow;                    /* --follow-symlinks: symlinks may lead
                                       outside the root (the user opted out
                                       of the sandbox for this drive) */
    int root_fd;                    /* the root directory (O_PATH), which
                                       every host access is relative to;
                                       -1 when not mounted */
    char root[HOSTFS_HOST_MAX];     /* absolute host directory, no trailing / */
    char cwd[HOSTFS_CWD_MAX];       /* "" = root; else "DIR\SUB" (upper case) */
};

struct hostfs {
    struct hostfs_drive drive[HOSTFS_DRIVES];
    bool lowercase;                 /* --lowercase: new names in lower case */
    bool no_openat2;                /* take the component walk even where
                                       openat2 exists (tests of the fallback) */
    char (*dirs)[HOSTFS_DOS_MAX];   /* searched directories' DOS paths, by id */
    unsigned n_dirs, cap_dirs;
};

/* hostfs_mount() flags. */
#define HOSTFS_MOUNT_RO 0x01        /* read-only (true converts to this) */
#define HOSTFS_MOUNT_FOLLOW 0x02    /* follow symlinks out of the drive */

/* What hostfs_resolve() must find. */
enum hostfs_want {
    HOSTFS_EXISTING,   /* the whole path exists (file or directory) */
    HOSTFS_PARENT,     /* every directory up to the last component exists; the
                          last component may or may not (create, rename target) */
};

/* A resolved path. */
struct hostfs_path {
    int drive;                      /* 0 = A: */
    bool ro;                        /* the drive is read-only */
    bool exists;                    /* the last component exists on the host */
    bool is_dir;                    /* ... and is a directory */
    char host[HOSTFS_HOST_MAX];     /* host path (existing components with
                                       their host spelling) */
    char dos[HOSTFS_DOS_MAX];       /* canonical DOS path, "C:\DIR\FILE.TXT" */
    char last[13];                  /* last component, upper-case 8.3 */
};

/* A DOS view of one directory entry. */
struct hostfs_dirent {
    char name[13];      /* "NAME.EXT", upper case */
    uint8_t attr;       /* DOS attribute bits (HOSTFS_ATTR_*) */
    uint32_t size;      /* clamped to 4 GiB - 1 */
    uint16_t date, time;/* DOS packed date and time (local time) */
};

#define HOSTFS_ATTR_READONLY 0x01
#define HOSTFS_ATTR_HIDDEN 0x02
#define HOSTFS_ATTR_SYSTEM 0x04
#define HOSTFS_ATTR_VOLUME 0x08
#define HOSTFS_ATTR_DIRECTORY 0x10
#define HOSTFS_ATTR_ARCHIVE 0x20

/* A find first/next search in progress: the matching entries of one
 * directory, listed at find-first time (sorted by name, so the order is
 * stable across runs). It is a cache: (dir_id, fcb, attr) say what it
 * lists, so a search whose slot was reused can be listed again
 * (hostfs_find_resume) and continued at the position its DTA holds. */
struct hostfs_search {
    bool active;
    uint16_t gen;       /* free for the owner (bumped on reuse) */
    unsigned long used; /* the owner's clock when last used (LRU reuse) */
    int drive;          /* the drive searched (0 = A:) */
    unsigned dir_id;    /* the directory searched (hostfs_find_resume) */
    char fcb[11];       /* the name pattern in FCB form, "????????TXT" */
    uint8_t attr;       /* the search attribute */
    struct hostfs_dirent *entries;
    unsigned count, next;
};

/* Directories ever searched, by id: what a DTA's search state points at
 * (ids fit in 16 bits; past that, searches are not resumable). */
#define HOSTFS_DIR_IDS 0xFFFFu

/* Initialise an empty drive table; hostfs_fini() closes the root fds. */
void hostfs_init(struct hostfs *fs);
void hostfs_fini(struct hostfs *fs);

/* Mount host directory `dir` (made absolute) as `drive` (0 = A:) with
 * HOSTFS_MOUNT_* `flags`. Returns 0, or an errno value when dir is not a
 * directory or cannot be opened. */
int hostfs_mount(struct hostfs *fs, int drive, const char *dir, unsigned flags);

/* The volume label of a drive: the first 11 legal DOS characters of its
 * root directory's name, upper case ("" for the host's "/"). */
void hostfs_label(const struct hostfs *fs, int drive, char out[12]);

/* Resolve `path` (as a DOS program gave it: may have a drive letter, '\' or
 * '/', '.' and '..', any case; relative to the drive's current directory)
 * against the drive table. `cur_drive` is the DOS current drive.
 * Each component is looked up in its host directory: a host name spelled
 * exactly so first (this also lets a long host name given on the command
 * line be used as is), else the entry whose DOS name (8.3, upper case, or
 * alias) equals the component upper-cased and cut to 8.3.
 * Returns 0, or DOS_ERR_INVALID_DRIVE, DOS_ERR_PATH_NOT_FOUND (a directory
 * on the way is missing, or '..' would leave the drive's root: the sandbox),
 * DOS_ERR_FILE_NOT_FOUND (HOSTFS_EXISTING and the last component is
 * missing). Never touches anything outside the drive's root, whatever the
 * path holds (symlinks pointing out of the drive are treated as missing). */
int hostfs_resolve(struct hostfs *fs, int cur_drive, const char *path,
                   enum hostfs_want want, struct hostfs_path *out);

/* Change the drive's current directory (INT 21h/3Bh). Returns 0 or a DOS
 * error code (DOS_ERR_PATH_NOT_FOUND when it is missing or not a directory). */
int hostfs_chdir(struct hostfs *fs, int cur_drive, const char *path);

/* Fill `e` from the host file at `host_path` (attributes, size, time;
 * e->name is left empty). Directory -> HOSTFS_ATTR_DIRECTORY, else
 * HOSTFS_ATTR_ARCHIVE; no write permission bit -> HOSTFS_ATTR_READONLY;
 * a dot file -> HOSTFS_ATTR_HIDDEN. Returns 0 or a DOS error code. */
int hostfs_stat(const char *host_path, struct hostfs_dirent *e);

/* Set or clear the DOS read-only attribute: clear every write permission
 * bit, or give the owner write permission back. Returns 0 or a DOS error. */
int hostfs_set_readonly(const char *host_path, bool ro);

/* Host time to packed DOS date and time (local time; clamped to
 * 1980-01-01 .. 2107-12-31), and back. */
void hostfs_dos_datetime(time_t t, uint16_t *date, uint16_t *time_);
time_t hostfs_dos_to_time(uint16_t date, uint16_t time_);

/* Start a search for `pattern` (a DOS path whose last component may hold
 * '*' and '?', matched the way MS-DOS matches 8.3 names) with the DOS
 * search attribute `attr` (hidden, system, directory, volume bits).
 * Returns 0 and fills `first`, or DOS_ERR_PATH_NOT_FOUND,
 * DOS_ERR_NO_MORE_FILES (nothing matched; MS-DOS reports 12h for no match
 * in an existing directory), DOS_ERR_INVALID_DRIVE. */
int hostfs_find_first(struct hostfs *fs, int cur_drive, const char *pattern,
                      uint8_t attr, struct hostfs_search *s,
                      struct hostfs_dirent *first);

/* The next match, or DOS_ERR_NO_MORE_FILES. */
int hostfs_find_next(struct hostfs_search *s, struct hostfs_dirent *next);

/* List again the search (dir_id, fcb, attr) into `s` (the listing only;
 * s->next = 0). Returns 0, DOS_ERR_NO_MORE_FILES (unknown id, or the
 * directory is gone), or DOS_ERR_INSUFFICIENT_MEMORY. */
int hostfs_find_resume(struct hostfs *fs, unsigned dir_id, const char fcb[11], uint8_t attr,
                       struct hostfs_search *s);

/* Release a search's memory (safe on an inactive one). */
void hostfs_search_end(struct hostfs_search *s);

/* ---- Sandboxed host access (hostfs/sandbox.c) -----------------------------
 * Every call below reaches the host through the drive's root fd with
 * openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS), so whatever happened
 * to the host tree since hostfs_resolve() (a directory swapped for a
 * symlink pointing out), the kernel refuses to leave the drive: the
 * sandbox is enforced at the system call. On kernels without openat2 a
 * component-by-component O_NOFOLLOW walk stands in. Drives mounted with
 * HOSTFS_MOUNT_FOLLOW open relative to the root fd without the
 * restriction. Each returns a DOS error code (0 on success); a path the
 * kernel finds leading out of the drive gives DOS_ERR_ACCESS_DENIED. */

/* Open the file `hp` names with open(2) `flags` and `mode`. Returns the fd,
 * or -(DOS error). */
int hostfs_open(const struct hostfs *fs, const struct hostfs_path *hp, int flags,
                unsigned mode);
int hostfs_mkdir(const struct hostfs *fs, const struct hostfs_path *hp);
int hostfs_rmdir(const struct hostfs *fs, const struct hostfs_path *hp);
int hostfs_unlink(const struct hostfs *fs, const struct hostfs_path *hp);
int hostfs_rename(const struct hostfs *fs, const struct hostfs_path *from,
                  const struct hostfs_path *to);
/* hostfs_stat() and hostfs_set_readonly() through the sandbox. */
int hostfs_stat_at(const struct hostfs *fs, const struct hostfs_path *hp,
                   struct hostfs_dirent *e);
int hostfs_set_readonly_at(const struct hostfs *fs, const struct hostfs_path *hp, bool ro);

/* Free space of a drive (INT 21h/36h): statvfs of its root. */
int hostfs_statvfs(const struct hostfs *fs, int drive, uint64_t *total, uint64_t *avail);

/* Map a host errno to the DOS error MS-DOS would give. */
int hostfs_errno_to_dos(int err);

#endif
