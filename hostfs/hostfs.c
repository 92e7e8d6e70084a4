/*
 * The drive table and DOS path resolution: drive letter, current
 * directory, '.' and '..' taken lexically (never above the drive root, as
 * MS-DOS clamps ".." at the root), then each component looked up in its
 * host directory through the DOS names of hostfs/dirlist.c.
 *
 * Sandbox invariants, each enforced here:
 *   1. Lexical '..' never climbs above the drive's root.
 *   2. Every component that exists is found through a directory listing,
 *      which leaves out symlinks the sandboxed open cannot follow (those
 *      leading outside the root; hostfs/dirlist.c).
 *   3. A missing last component (HOSTFS_PARENT) gets a name that is a legal
 *      8.3 name, so it holds no '/' and no "..": it names an entry of a
 *      directory inside the root; if a host entry of that very spelling
 *      exists anyway (a symlink the listing refused), the path is refused.
 *   4. What this file finds is only a name: the DOS calls act on it through
 *      hostfs/sandbox.c, where the kernel keeps the access under the root
 *      even if the host tree changed since (the stat()s here only inform).
 */
#define _GNU_SOURCE /* O_PATH */
#include "hostfs/hostfs.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dos/errors.h"
#include "hostfs/names.h"

#define PATH_DEPTH_MAX 64 /* components; a 128-byte DOS path holds fewer */

void hostfs_init(struct hostfs *fs)
{
    memset(fs, 0, sizeof *fs);
    for (int i = 0; i < HOSTFS_DRIVES; i++)
        fs->drive[i].root_fd = -1;
}

void hostfs_fini(struct hostfs *fs)
{
    for (int i = 0; i < HOSTFS_DRIVES; i++) {
        if (fs->drive[i].root_fd >= 0)
            close(fs->drive[i].root_fd);
        fs->drive[i].root_fd = -1;
        fs->drive[i].mounted = false;
    }
    free(fs->dirs);
    fs->dirs = NULL;
    fs->n_dirs = fs->cap_dirs = 0;
}

int hostfs_mount(struct hostfs *fs, int drive, const char *dir, unsigned flags)
{
    if (drive < 0 || drive >= HOSTFS_DRIVES)
        return EINVAL;
    char real[PATH_MAX];
    if (!realpath(dir, real))
        return errno;
    struct stat st;
    if (stat(real, &st) != 0)
        return errno;
    if (!S_ISDIR(st.st_mode))
        return ENOTDIR;
    struct hostfs_drive *d = &fs->drive[drive];
    if (strlen(real) >= sizeof d->root)
        return ENAMETOOLONG;
    int fd = open(real, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    if (d->root_fd >= 0)
        close(d->root_fd);
    memset(d, 0, sizeof *d);
    strcpy(d->root, real);
    d->root_fd = fd;
    d->mounted = true;
    d->ro = (flags & HOSTFS_MOUNT_RO) != 0;
    d->follow = (flags & HOSTFS_MOUNT_FOLLOW) != 0;
    return 0;
}

/* RBIL INT 21/AH=4Eh: a volume label is an 11-character name without a
 * dot; the mount's directory name stands in for it. */
void hostfs_label(const struct hostfs *fs, int drive, char out[12])
{
    size_t k = 0;
    const char *base = strrchr(fs->drive[drive].root, '/');
    for (const char *s = base ? base + 1 : ""; *s && k < 11; s++) {
        char c = (char)toupper((unsigned char)*s);
        if (c != '.' && hostfs_dos_char_ok((unsigned char)c) && !(c & 0x80))
            out[k++] = c;
    }
    out[k] = 0;
}

/* A DOS path split into components, '.' and '..' applied. A component
 * that is no legal DOS name (a space, a wildcard, a second dot) keeps only
 * its spelling: it can match a host name exactly, nothing else. */
struct dos_comps {
    char c[PATH_DEPTH_MAX][HOSTFS_NAME83];   /* canonical DOS name, or "" */
    char raw[PATH_DEPTH_MAX][HOSTFS_DOS_MAX]; /* as spelled */
    int n;
};

static bool is_sep(char c)
{
    return c == '\\' || c == '/';
}

/* Append the components of `s` to `p`. Returns 0 or
 * DOS_ERR_PATH_NOT_FOUND (too deep). */
static int push_comps(struct dos_comps *p, const char *s)
{
    while (*s) {
        while (is_sep(*s))
            s++;
        if (!*s)
            break;
        const char *e = s;
        while (*e && !is_sep(*e))
            e++;
        size_t len = (size_t)(e - s); /* < HOSTFS_DOS_MAX: s is a DOS path */
        char name[HOSTFS_NAME83];
        if (!hostfs_dos_canon(s, len, false, name))
            name[0] = 0;
        if (strcmp(name, "..") == 0) {
            if (p->n > 0) /* ".." at the root stays at the root */
                p->n--;
        } else if (strcmp(name, ".") != 0) {
            if (p->n == PATH_DEPTH_MAX || len >= HOSTFS_DOS_MAX)
                return DOS_ERR_PATH_NOT_FOUND;
            strcpy(p->c[p->n], name);
            memcpy(p->raw[p->n], s, len);
            p->raw[p->n][len] = 0;
            p->n++;
        }
        s = e;
    }
    return 0;
}

/* Find a component in a listing: the exact host spelling `raw` first,
 * else the canonical DOS `name` (which the byte-order-first of several
 * case-insensitively equal host names holds, see hostfs/names.h). */
static const struct hostfs_name *lookup(const struct hostfs_dirlist *l, const char *raw,
                                        const char *name)
{
    /* as spelled (a host name given on vdm's command line), then the DOS
     * spelling (CP437) in UTF-8 */
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].host, raw) == 0)
            return &l->v[i];
    char host[HOSTFS_HOST_MAX];
    for (size_t i = 0; hostfs_cp437_to_utf8(raw, host, sizeof host) && i < l->n; i++)
        if (strcmp(l->v[i].host, host) == 0)
            return &l->v[i];
    for (size_t i = 0; name[0] && i < l->n; i++)
        if (strcmp(l->v[i].dos, name) == 0)
            return &l->v[i];
    return NULL;
}

static int append_host(char *host, const char *name)
{
    size_t hl = strlen(host);
    int n = snprintf(host + hl, HOSTFS_HOST_MAX - hl, "%s%s", hl == 1 ? "" : "/", name);
    return (n < 0 || (size_t)n >= HOSTFS_HOST_MAX - hl) ? -1 : 0;
}

/* Walk the components from the drive root, filling out->host/exists/is_dir
 * and replacing each component with its DOS name as listed. */
static int walk(const struct hostfs *fs, const struct hostfs_drive *d, struct dos_comps *p,
                enum hostfs_want want, struct hostfs_path *out)
{
    strcpy(out->host, d->root);
    out->exists = true;
    out->is_dir = true;
    for (int i = 0; i < p->n; i++) {
        bool last = i == p->n - 1;
        struct hostfs_dirlist l;
        int err = hostfs_dir_list(fs, d, out->host, &l);
        if (err)
            return err == ENOMEM ? DOS_ERR_INSUFFICIENT_MEMORY : DOS_ERR_PATH_NOT_FOUND;
        const struct hostfs_name *hit = lookup(&l, p->raw[i], p->c[i]);
        int rc = 0;
        if (hit) {
            strcpy(p->c[i], hit->dos);
            rc = append_host(out->host, hit->host) ? DOS_ERR_PATH_NOT_FOUND : 0;
        }
        hostfs_dir_free(&l);
        if (rc)
            return rc;
        if (!hit) {
            if (!last)
                return DOS_ERR_PATH_NOT_FOUND;
            if (want == HOSTFS_EXISTING)
                return DOS_ERR_FILE_NOT_FOUND;
            if (!p->c[i][0]) /* wildcards or illegal characters */
                return DOS_ERR_PATH_NOT_FOUND;
            /* the host gets the DOS spelling in UTF-8 (CP437 -> UTF-8) */
            char spelled[HOSTFS_NAME83], host[HOSTFS_NAME83 * 3];
            for (size_t k = 0; k < sizeof spelled; k++) {
                char c = p->c[i][k];
                spelled[k] = fs->lowercase && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
            }
            if (!hostfs_cp437_to_utf8(spelled, host, sizeof host) ||
                append_host(out->host, host))
                return DOS_ERR_PATH_NOT_FOUND;
            struct stat st;
            if (lstat(out->host, &st) == 0) /* invariant 3 */
                return DOS_ERR_ACCESS_DENIED;
            out->exists = false;
            out->is_dir = false;
            return 0;
        }
        struct stat st;
        if (stat(out->host, &st) != 0)
            return last && want == HOSTFS_EXISTING ? DOS_ERR_FILE_NOT_FOUND
                                                   : DOS_ERR_PATH_NOT_FOUND;
        out->is_dir = S_ISDIR(st.st_mode);
        if (!last && !out->is_dir)
            return DOS_ERR_PATH_NOT_FOUND;
    }
    return 0;
}

/* Which drive `path` names (a leading "X:"), and the rest of it. */
static int path_drive(const struct hostfs *fs, int cur_drive, const char **path)
{
    const char *s = *path;
    int drive = cur_drive;
    if (s[0] && s[1] == ':') {
        char c = s[0];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        drive = (c >= 'A' && c <= 'Z') ? c - 'A' : -1;
        *path = s + 2;
    }
    if (drive < 0 || drive >= HOSTFS_DRIVES || !fs->drive[drive].mounted)
        return -1;
    return drive;
}

/* Fill out->dos and out->last from the components as listed. */
static int dos_spelling(int drive, const struct dos_comps *p, struct hostfs_path *out)
{
    size_t o = (size_t)snprintf(out->dos, sizeof out->dos, "%c:\\", 'A' + drive);
    for (int i = 0; i < p->n; i++) {
        int n = snprintf(out->dos + o, sizeof out->dos - o, "%s%s", i ? "\\" : "", p->c[i]);
        if (n < 0 || (size_t)n >= sizeof out->dos - o)
            return DOS_ERR_PATH_NOT_FOUND;
        o += (size_t)n;
    }
    if (p->n)
        strcpy(out->last, p->c[p->n - 1]);
    return 0;
}

int hostfs_resolve(struct hostfs *fs, int cur_drive, const char *path,
                   enum hostfs_want want, struct hostfs_path *out)
{
    memset(out, 0, sizeof *out);
    int drive = path_drive(fs, cur_drive, &path);
    if (drive < 0)
        return DOS_ERR_INVALID_DRIVE;
    const struct hostfs_drive *d = &fs->drive[drive];
    static const struct dos_comps empty;
    struct dos_comps *p = malloc(sizeof *p);
    if (!p)
        return DOS_ERR_INSUFFICIENT_MEMORY;
    *p = empty;
    int rc = is_sep(path[0]) ? 0 : push_comps(p, d->cwd);
    if (rc == 0)
        rc = push_comps(p, path);
    if (rc == 0)
        rc = walk(fs, d, p, want, out);
    if (rc == 0)
        rc = dos_spelling(drive, p, out);
    free(p);
    if (rc)
        return rc;
    out->drive = drive;
    out->ro = d->ro;
    return 0;
}

int hostfs_chdir(struct hostfs *fs, int cur_drive, const char *path)
{
    struct hostfs_path hp;
    int rc = hostfs_resolve(fs, cur_drive, path, HOSTFS_EXISTING, &hp);
    if (rc == DOS_ERR_FILE_NOT_FOUND || (rc == 0 && !hp.is_dir))
        return DOS_ERR_PATH_NOT_FOUND;
    if (rc)
        return rc;
    const char *rel = hp.dos + 3; /* past "C:\" */
    if (strlen(rel) >= HOSTFS_CWD_MAX)
        return DOS_ERR_PATH_NOT_FOUND;
    strcpy(fs->drive[hp.drive].cwd, rel);
    return 0;
}

/* RBIL Table 01680 has no host errno, of course: each mapping picks the
 * code MS-DOS gives for the same situation. */
int hostfs_errno_to_dos(int err)
{
    switch (err) {
    case ENOENT:
        return DOS_ERR_FILE_NOT_FOUND;
    case ENOTDIR:
    case ENAMETOOLONG:
    case ELOOP:
        return DOS_ERR_PATH_NOT_FOUND;
    case EMFILE:
    case ENFILE:
        return DOS_ERR_TOO_MANY_OPEN_FILES;
    case EEXIST: /* create-new (5Bh) reports 50h; mkdir callers give 05h */
        return DOS_ERR_FILE_EXISTS;
    case EBADF:
        return DOS_ERR_INVALID_HANDLE;
    case ENOMEM:
        return DOS_ERR_INSUFFICIENT_MEMORY;
    case EXDEV:
        return DOS_ERR_NOT_SAME_DEVICE;
    case ENOSPC:
    case EDQUOT:
        return DOS_ERR_HANDLE_DISK_FULL;
    case EIO:
        return DOS_ERR_GENERAL_FAILURE;
    default: /* EACCES, EPERM, EROFS, ENOTEMPTY, EISDIR, EBUSY, ... */
        return DOS_ERR_ACCESS_DENIED;
    }
}
