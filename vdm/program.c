/*
 * Host-side program lookup and the command tail (see program.h).
 */
#include "vdm/program.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int program_has_ext(const char *path, const char *ext)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && (!ext || strcasecmp(dot + 1, ext) == 0);
}

/* Find `name` in directory `dir` ignoring case; exact match preferred. */
static int find_in_dir(const char *dir, const char *name, char *out, size_t cap)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
        return ENAMETOOLONG;
    if (is_regular(path)) {
        if ((size_t)snprintf(out, cap, "%s", path) >= cap)
            return ENAMETOOLONG;
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d)
        return ENOENT;
    int rc = ENOENT;
    struct dirent *e;
    /* Of several case variants, take the first in byte order so the choice
     * does not depend on the order the directory is read in. */
    char best[256] = "";
    while ((e = readdir(d))) {
        if (strcasecmp(e->d_name, name) != 0)
            continue;
        if (best[0] && strcmp(e->d_name, best) >= 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (is_regular(path))
            snprintf(best, sizeof best, "%s", e->d_name);
    }
    closedir(d);
    if (best[0]) {
        if ((size_t)snprintf(out, cap, "%s/%s", dir, best) >= cap)
            return ENAMETOOLONG;
        rc = 0;
    }
    return rc;
}

int program_find(const char *arg, char *out, size_t cap)
{
    char dir[4096];
    const char *slash = strrchr(arg, '/');
    const char *base = slash ? slash + 1 : arg;
    if (!*base)
        return ENOENT;
    if (slash) {
        size_t n = (size_t)(slash - arg);
        if (n >= sizeof dir)
            return ENAMETOOLONG;
        memcpy(dir, arg, n);
        dir[n] = 0;
        if (n == 0)
            strcpy(dir, "/");
    } else {
        strcpy(dir, ".");
    }

    int rc = find_in_dir(dir, base, out, cap);
    if (rc == 0 || program_has_ext(base, NULL))
        return rc;
    static const char *const exts[] = { ".COM", ".EXE", ".BAT" };
    for (unsigned i = 0; i < 3; i++) {
        char name[300];
        if ((size_t)snprintf(name, sizeof name, "%s%s", base, exts[i]) >= sizeof name)
            return ENAMETOOLONG;
        rc = find_in_dir(dir, name, out, cap);
        if (rc != ENOENT)
            return rc;
    }
    return ENOENT;
}

int program_build_tail(int argc, char *const argv[], char *out, size_t max)
{
    size_t n = 0;
    for (int i = 0; i < argc; i++) {
        size_t len = strlen(argv[i]);
        if (n + 1 + len > max)
            return -1;
        out[n++] = ' ';
        memcpy(out + n, argv[i], len);
        n += len;
    }
    out[n] = 0;
    return (int)n;
}
