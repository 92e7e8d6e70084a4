/*
 * One host directory as DOS sees it: every entry with its DOS name, the
 * aliases given by the scheme in hostfs/names.h, and symbolic links that
 * lead out of the drive left out (the sandbox).
 *
 * The listing is made fresh on each call: DOS programs see host changes at
 * once, and the aliases need no cache because they depend on the names.
 */
#define _GNU_SOURCE /* O_PATH */
#include "hostfs/names.h"

#include "hostfs/hostfs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ALIAS_TRIES 99

bool hostfs_inside_root(const char *root, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return false;
    size_t rl = strlen(root);
    if (rl == 1) /* the drive is the host's "/" */
        return true;
    return strncmp(real, root, rl) == 0 && (real[rl] == 0 || real[rl] == '/');
}

static int by_host(const void *a, const void *b)
{
    return strcmp(((const struct hostfs_name *)a)->host, ((const struct hostfs_name *)b)->host);
}

/* A symlink is kept only when the sandboxed open reaches its target, so
 * the listing agrees with what hostfs_open() allows. */
static bool entry_allowed(const struct hostfs *fs, const struct hostfs_drive *d, int dfd,
                          const char *dir, const char *name)
{
    struct stat st;
    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    if (!S_ISLNK(st.st_mode))
        return true;
    char path[HOSTFS_HOST_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return false;
    int fd = hostfs_open_rel(fs, d, hostfs_rel_path(d, path), O_PATH, 0);
    if (fd < 0)
        return false;
    close(fd);
    return true;
}

/* The DOS names given out so far: an open-addressing hash set of indexes
 * into the listing (0 = empty slot, else index + 1), so naming a large
 * directory stays linear. */
struct name_set {
    size_t *slot;
    size_t mask;
};

static bool set_init(struct name_set *t, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    t->slot = calloc(cap, sizeof *t->slot);
    t->mask = cap - 1;
    return t->slot != NULL;
}

/* The slot holding `dos`, or the empty slot where it would go. */
static size_t *set_find(const struct name_set *t, const struct hostfs_dirlist *l, const char *dos)
{
    size_t i = hostfs_name_hash(dos) & t->mask;
    while (t->slot[i] && strcmp(l->v[t->slot[i] - 1].dos, dos) != 0)
        i = (i + 1) & t->mask;
    return &t->slot[i];
}

/* Name entry `i` `dos` unless that name is taken; true when it was free. */
static bool set_claim(struct name_set *t, struct hostfs_dirlist *l, size_t i, const char *dos)
{
    size_t *s = set_find(t, l, dos);
    if (*s)
        return false;
    strcpy(l->v[i].dos, dos);
    *s = i + 1;
    return true;
}

/* Give every entry its DOS name: 8.3 names first (byte order decides
 * a case collision), then aliases for the rest. Returns 0 or ENOMEM. */
static int assign_names(struct hostfs_dirlist *l)
{
    struct name_set t;
    if (!set_init(&t, l->n))
        return ENOMEM;
    for (size_t i = 0; i < l->n; i++) {
        char up[HOSTFS_NAME83];
        if (hostfs_host_83(l->v[i].host, up))
            set_claim(&t, l, i, up);
    }
    for (size_t i = 0; i < l->n; i++) {
        char alias[HOSTFS_NAME83];
        for (unsigned n = 1; !l->v[i].dos[0] && n <= ALIAS_TRIES; n++) {
            hostfs_alias(l->v[i].host, n, alias);
            set_claim(&t, l, i, alias);
        }
        if (!l->v[i].dos[0]) /* 99 clashes: unreachable in practice */
            strcpy(l->v[i].dos, alias);
    }
    free(t.slot);
    return 0;
}

int hostfs_dir_list(const struct hostfs *fs, const struct hostfs_drive *drive, const char *dir,
                    struct hostfs_dirlist *l)
{
    l->v = NULL;
    l->n = 0;
    /* The directory itself is opened through the sandbox too. */
    int fd = hostfs_open_rel(fs, drive, hostfs_rel_path(drive, dir), O_RDONLY | O_DIRECTORY, 0);
    if (fd < 0)
        return errno;
    DIR *d = fdopendir(fd);
    if (!d) {
        int err = errno;
        close(fd);
        return err;
    }
    size_t cap = 0;
    int err = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (!entry_allowed(fs, drive, dirfd(d), dir, de->d_name))
            continue;
        if (l->n == cap) {
            size_t ncap = cap ? cap * 2 : 32;
            struct hostfs_name *nv = realloc(l->v, ncap * sizeof *nv);
            if (!nv) {
                err = ENOMEM;
                break;
            }
            l->v = nv;
            cap = ncap;
        }
        struct hostfs_name *e = &l->v[l->n];
        e->host = strdup(de->d_name);
        if (!e->host) {
            err = ENOMEM;
            break;
        }
        e->dos[0] = 0;
        l->n++;
    }
    closedir(d);
    if (err) {
        hostfs_dir_free(l);
        return err;
    }
    if (l->n)
        qsort(l->v, l->n, sizeof *l->v, by_host);
    err = assign_names(l);
    if (err)
        hostfs_dir_free(l);
    return err;
}

void hostfs_dir_free(struct hostfs_dirlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].host);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}
