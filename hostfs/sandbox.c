/*
 * The sandbox at the system call: every host access of a DOS call goes
 * through the drive's root directory fd, so a path that hostfs_resolve()
 * found inside the drive cannot be turned into one outside it by a host
 * change made in between (a directory replaced by a symlink pointing out:
 * the time-of-check/time-of-use race).
 *
 * openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS) (Linux 5.6+) lets the
 * kernel refuse any step out of the root, '..' and absolute symlinks
 * included, while symlinks that stay inside keep working. Where openat2 is
 * missing (ENOSYS, or EPERM from a seccomp filter), walk_beneath() opens
 * the path one component at a time with O_NOFOLLOW; a symlink met on the
 * way is accepted only when its target, resolved now, lies inside the root,
 * and the walk goes on from the directory it names. That fallback narrows
 * the race to the symlink itself; openat2 closes it. The two differ on one
 * kind of link: one that leaves the drive and comes back in ("../ROOT/X",
 * or an absolute path into the drive) works through the walk, while
 * openat2 refuses it like any other step out.
 *
 * Changes of names (mkdir, unlink, rmdir, rename) open the parent
 * directory this way and act on the last component with the *at() calls;
 * that component is one host name from a listing or a legal 8.3 name, so
 * it holds no '/' and is never "..".
 */
#define _GNU_SOURCE /* O_PATH */
#include "hostfs/hostfs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "dos/errors.h"
#include "hostfs/names.h"

/* The path of `host` below the drive root ("." for the root itself). */
const char *hostfs_rel_path(const struct hostfs_drive *d, const char *host)
{
    size_t rl = strlen(d->root);
    if (rl == 1) /* the drive is the host's "/" */
        return host[1] ? host + 1 : ".";
    return host[rl] ? host + rl + 1 : ".";
}

/* The component-by-component walk for kernels without openat2: every
 * directory on the way opened O_NOFOLLOW relative to the one before. */
static int walk_beneath(const struct hostfs_drive *d, const char *rel, int flags,
                        mode_t mode)
{
    char buf[HOSTFS_HOST_MAX];
    if ((size_t)snprintf(buf, sizeof buf, "%s", rel) >= sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int dir = fcntl(d->root_fd, F_DUPFD_CLOEXEC, 0);
    char *save = NULL;
    char *comp = strtok_r(buf, "/", &save);
    while (dir >= 0 && comp) {
        char *next = strtok_r(NULL, "/", &save);
        if (strcmp(comp, "..") == 0) { /* never made by hostfs; refused */
            close(dir);
            errno = EXDEV;
            return -1;
        }
        int f = next ? O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC
                     : flags | O_NOFOLLOW | O_CLOEXEC;
        int fd = openat(dir, comp, f, mode);
        struct stat st;
        if (fd < 0 && (errno == ELOOP || errno == ENOTDIR) &&
            fstatat(dir, comp, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) {
            /* A symlink: allowed when it leads inside the root now. */
            char host[HOSTFS_HOST_MAX];
            size_t used = (size_t)(comp - buf) + strlen(comp);
            if ((size_t)snprintf(host, sizeof host, "%s/%.*s", d->root, (int)used, rel) >=
                sizeof host) {
                close(dir);
                errno = ENAMETOOLONG;
                return -1;
            }
            char real[PATH_MAX];
            if (!hostfs_inside_root(d->root, host) || !realpath(host, real)) {
                close(dir);
                errno = EXDEV;
                return -1;
            }
            fd = openat(d->root_fd, hostfs_rel_path(d, real),
                        next ? O_PATH | O_DIRECTORY | O_CLOEXEC : (flags | O_CLOEXEC), (mode_t)mode);
        }
        int err = errno;
        close(dir);
        errno = err;
        if (!next)
            return fd;
        dir = fd;
        comp = next;
    }
    if (dir >= 0 && !comp) { /* the root itself */
        int fd = openat(dir, ".", flags | O_CLOEXEC, mode);
        int err = errno;
        close(dir);
        errno = err;
        return fd;
    }
    return -1;
}

/* Open `rel` below drive `d`'s root, never leaving it (unless the drive
 * follows symlinks). Returns an fd or -1 with errno. */
int hostfs_open_rel(const struct hostfs *fs, const struct hostfs_drive *d, const char *rel,
                    int flags, unsigned mode)
{
    if (!(flags & O_CREAT))
        mode = 0; /* openat2 refuses a mode without O_CREAT */
    if (d->follow)
        return openat(d->root_fd, rel, flags | O_CLOEXEC, mode);
    if (!fs->no_openat2) {
        struct open_how how = {
            .flags = (uint64_t)(flags | O_CLOEXEC),
            .mode = mode,
            .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
        };
        int fd;
        do
            fd = (int)syscall(SYS_openat2, d->root_fd, rel, &how, sizeof how);
        while (fd < 0 && errno == EINTR);
        /* ENOSYS: a kernel before 5.6; EPERM: a seccomp filter that
         * does not know the call (some container runtimes). */
        if (fd >= 0 || (errno != ENOSYS && errno != EPERM))
            return fd;
    }
    return walk_beneath(d, rel, flags, mode);
}

/* The DOS error for a failed sandboxed call: leaving the drive (EXDEV from
 * RESOLVE_BENEATH, ELOOP from a refused magic link) is access denied. */
static int sandbox_errno(int err)
{
    return err == EXDEV ? DOS_ERR_ACCESS_DENIED : hostfs_errno_to_dos(err);
}

int hostfs_open(const struct hostfs *fs, const struct hostfs_path *hp, int flags,
                unsigned mode)
{
    const struct hostfs_drive *d = &fs->drive[hp->drive];
    int fd = hostfs_open_rel(fs, d, hostfs_rel_path(d, hp->host), flags, (mode_t)mode);
    return fd >= 0 ? fd : -sandbox_errno(errno);
}

/* Open the directory holding `hp`'s last component; `*name` is set to that
 * component. Returns an fd or -(DOS error). */
static int open_parent(const struct hostfs *fs, const struct hostfs_path *hp, const char **name)
{
    const struct hostfs_drive *d = &fs->drive[hp->drive];
    const char *rel = hostfs_rel_path(d, hp->host);
    const char *slash = strrchr(rel, '/');
    if (strcmp(rel, ".") == 0)
        return -DOS_ERR_ACCESS_DENIED; /* the root has no parent to change */
    *name = slash ? slash + 1 : rel;
    char dir[HOSTFS_HOST_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - rel) : 1, slash ? rel : ".");
    int fd = hostfs_open_rel(fs, d, dir, O_PATH | O_DIRECTORY, 0);
    return fd >= 0 ? fd : -sandbox_errno(errno);
}

int hostfs_mkdir(const struct hostfs *fs, const struct hostfs_path *hp)
{
    const char *name;
    int dfd = open_parent(fs, hp, &name);
    if (dfd < 0)
        return -dfd;
    int rc = mkdirat(dfd, name, 0777) == 0 ? 0 : sandbox_errno(errno);
    close(dfd);
    return rc;
}

static int unlink_flags(const struct hostfs *fs, const struct hostfs_path *hp, int flags)
{
    const char *name;
    int dfd = open_parent(fs, hp, &name);
    if (dfd < 0)
        return -dfd;
    int rc = unlinkat(dfd, name, flags) == 0 ? 0 : sandbox_errno(errno);
    close(dfd);
    return rc;
}

int hostfs_rmdir(const struct hostfs *fs, const struct hostfs_path *hp)
{
    return unlink_flags(fs, hp, AT_REMOVEDIR);
}

int hostfs_unlink(const struct hostfs *fs, const struct hostfs_path *hp)
{
    return unlink_flags(fs, hp, 0);
}

int hostfs_rename(const struct hostfs *fs, const struct hostfs_path *from,
                  const struct hostfs_path *to)
{
    const char *fname, *tname;
    int ffd = open_parent(fs, from, &fname);
    if (ffd < 0)
        return -ffd;
    int tfd = open_parent(fs, to, &tname);
    if (tfd < 0) {
        close(ffd);
        return -tfd;
    }
    int rc = renameat(ffd, fname, tfd, tname) == 0 ? 0 : sandbox_errno(errno);
    close(ffd);
    close(tfd);
    return rc;
}

int hostfs_statvfs(const struct hostfs *fs, int drive, uint64_t *total, uint64_t *avail)
{
    const struct hostfs_drive *d = &fs->drive[drive];
    struct statvfs sv;
    if (!d->mounted)
        return DOS_ERR_INVALID_DRIVE;
    if (fstatvfs(d->root_fd, &sv) != 0)
        return hostfs_errno_to_dos(errno);
    *total = (uint64_t)sv.f_blocks * sv.f_frsize;
    *avail = (uint64_t)sv.f_bavail * sv.f_frsize;
    return 0;
}
