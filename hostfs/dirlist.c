/*
 * One host directory as DOS sees it: every entry with its DOS name, the
 * aliases given by the scheme in hostfs/names.h, and symbolic links that
 * lead out of the drive left out (the sandbox).
 *
 * The listing is made fresh on each call: DOS programs see host changes at
 * once, and the aliases need no cache because they depend on the names.
 */
#include "hostfs/names.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* A symlink is kept only when it leads to something inside the root. */
static bool entry_allowed(const char *root, int dfd, const char *dir, const char *name)
{
    struct stat st;
    if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    if (!S_ISLNK(st.st_mode))
        return true;
    char path[PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return false;
    return hostfs_inside_root(root, path);
}

static bool taken(const struct hostfs_dirlist *l, const char *dos)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].dos[0] && strcmp(l->v[i].dos, dos) == 0)
            return true;
    return false;
}

/* Give every entry its DOS name: 8.3 names first (byte order decides
 * a case collision), then aliases for the rest. */
static void assign_names(struct hostfs_dirlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        char up[HOSTFS_NAME83];
        if (!hostfs_host_is_83(l->v[i].host))
            continue;
        size_t k = 0;
        for (const char *s = l->v[i].host; *s; s++)
            up[k++] = (*s >= 'a' && *s <= 'z') ? (char)(*s - 'a' + 'A') : *s;
        up[k] = 0;
        if (!taken(l, up))
            memcpy(l->v[i].dos, up, k + 1);
    }
    for (size_t i = 0; i < l->n; i++) {
        if (l->v[i].dos[0])
            continue;
        char alias[HOSTFS_NAME83];
        for (unsigned n = 1; n <= ALIAS_TRIES; n++) {
            hostfs_alias(l->v[i].host, n, alias);
            if (!taken(l, alias))
                break;
        }
        memcpy(l->v[i].dos, alias, sizeof alias);
    }
}

int hostfs_dir_list(const char *root, const char *dir, struct hostfs_dirlist *l)
{
    l->v = NULL;
    l->n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return errno;
    size_t cap = 0;
    int err = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (!entry_allowed(root, dirfd(d), dir, de->d_name))
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
    assign_names(l);
    return 0;
}

void hostfs_dir_free(struct hostfs_dirlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].host);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}
