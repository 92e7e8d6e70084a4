/*
 * Long-name path resolution (see longname.h). Walks the components one
 * directory listing at a time, like hostfs_resolve(), but compares host
 * names case-insensitively (the exact spelling first) and keeps both the
 * host spelling and the 8.3 name of every component.
 */
#include "hostfs/longname.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "dos/errors.h"
#include "hostfs/names.h"

bool hostfs_lfn_valid(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n >= HOSTFS_LFN_MAX || !strcmp(name, ".") || !strcmp(name, ".."))
        return false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || strchr("\\/:*?\"<>|", *p))
            return false;
    return true;
}

bool hostfs_lfn_match(const char *pattern, const char *name)
{
    if (!strcmp(pattern, "*.*"))
        return true;
    const char *star = NULL, *resume = NULL;
    while (*name) {
        if (*pattern == '*') {
            star = pattern++;
            resume = name;
        } else if (*pattern == '?' ||
                   (*pattern && tolower((unsigned char)*pattern) == tolower((unsigned char)*name))) {
            pattern++;
            name++;
        } else if (star) {
            pattern = star + 1;
            name = ++resume;
        } else {
            return false;
        }
    }
    while (*pattern == '*')
        pattern++;
    return !*pattern;
}

/* Append "/name" to host and "\name" to a DOS-style path, bounded. */
static bool append(char *dst, size_t cap, char sep, const char *name)
{
    size_t l = strlen(dst);
    bool need = l && dst[l - 1] != sep;
    int n = snprintf(dst + l, cap - l, "%s%s", need ? (char[]){ sep, 0 } : "", name);
    return n >= 0 && (size_t)n < cap - l;
}

/* Drop the last component of a path whose first `keep` bytes (the root)
 * stay. */
static void drop_last(char *p, char sep, size_t keep)
{
    char *s = strrchr(p, sep);
    if (s && (size_t)(s - p) >= keep)
        *s = 0;
    else if (strlen(p) > keep)
        p[keep] = 0;
}

/* The entry of `l` called `comp`: the exact host spelling, else a host
 * name equal but for case, else the 8.3 name or alias. */
static const struct hostfs_name *find_comp(const struct hostfs_dirlist *l, const char *comp)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].host, comp))
            return &l->v[i];
    for (size_t i = 0; i < l->n; i++)
        if (!strcasecmp(l->v[i].host, comp))
            return &l->v[i];
    for (size_t i = 0; i < l->n; i++)
        if (!strcasecmp(l->v[i].dos, comp))
            return &l->v[i];
    return NULL;
}

int hostfs_resolve_long(struct hostfs *fs, int cur_drive, const char *path,
                        enum hostfs_want want, struct hostfs_path *out, char *long_path)
{
    /* The starting directory: the root, or the drive's current one. */
    char start[4] = "";
    const char *rest = path;
    if (path[0] && path[1] == ':') {
        memcpy(start, path, 2);
        rest = path + 2;
    }
    bool rooted = rest[0] == '\\' || rest[0] == '/';
    strcat(start, rooted ? "\\" : ".");
    int rc = hostfs_resolve(fs, cur_drive, start, HOSTFS_EXISTING, out);
    if (rc)
        return rc;
    const char *root = fs->drive[out->drive].root;
    size_t root_len = strlen(root);
    char lng[HOSTFS_LFN_PATH_MAX];
    snprintf(lng, sizeof lng, "%c:\\%s", 'A' + out->drive, out->host + root_len + (out->host[root_len] == '/'));
    for (char *c = lng; *c; c++)
        if (*c == '/')
            *c = '\\';

    while (*rest) {
        while (*rest == '\\' || *rest == '/')
            rest++;
        if (!*rest)
            break;
        size_t len = strcspn(rest, "\\/");
        char comp[HOSTFS_LFN_MAX];
        if (len >= sizeof comp)
            return DOS_ERR_PATH_NOT_FOUND;
        memcpy(comp, rest, len);
        comp[len] = 0;
        rest += len;
        bool last = !rest[strspn(rest, "\\/")];
        if (!out->is_dir || !out->exists)
            return DOS_ERR_PATH_NOT_FOUND;
        if (!strcmp(comp, "."))
            continue;
        if (!strcmp(comp, "..")) {
            drop_last(out->host, '/', root_len);
            drop_last(out->dos, '\\', 3);
            drop_last(lng, '\\', 3);
            continue;
        }
        struct hostfs_dirlist l;
        int err = hostfs_dir_list(root, out->host, &l);
        if (err)
            return err == ENOMEM ? DOS_ERR_INSUFFICIENT_MEMORY : DOS_ERR_PATH_NOT_FOUND;
        const struct hostfs_name *hit = find_comp(&l, comp);
        bool ok = true;
        if (hit) {
            ok = append(out->host, sizeof out->host, '/', hit->host) &&
                 append(out->dos, sizeof out->dos, '\\', hit->dos) &&
                 append(lng, sizeof lng, '\\', hit->host);
            snprintf(out->last, sizeof out->last, "%s", hit->dos);
        }
        hostfs_dir_free(&l);
        if (!ok)
            return DOS_ERR_PATH_NOT_FOUND;
        if (!hit) {
            if (!last)
                return DOS_ERR_PATH_NOT_FOUND;
            if (want == HOSTFS_EXISTING)
                return DOS_ERR_FILE_NOT_FOUND;
            if (!hostfs_lfn_valid(comp) || !append(out->host, sizeof out->host, '/', comp) ||
                !append(lng, sizeof lng, '\\', comp))
                return DOS_ERR_PATH_NOT_FOUND;
            struct stat st;
            if (lstat(out->host, &st) == 0) /* there, but outside the sandbox */
                return DOS_ERR_ACCESS_DENIED;
            out->exists = out->is_dir = false;
            out->last[0] = 0;
            break;
        }
        struct stat st;
        if (stat(out->host, &st) != 0)
            return last && want == HOSTFS_EXISTING ? DOS_ERR_FILE_NOT_FOUND
                                                   : DOS_ERR_PATH_NOT_FOUND;
        out->is_dir = S_ISDIR(st.st_mode);
    }
    if (long_path)
        snprintf(long_path, HOSTFS_LFN_PATH_MAX, "%s", lng);
    return 0;
}
