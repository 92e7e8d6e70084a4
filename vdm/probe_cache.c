/*
 * The per-boot cache of backend probe verdicts (probe_cache.h).
 */
#define _GNU_SOURCE /* O_NOFOLLOW, O_CLOEXEC */
#include "probe_cache.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROBE_CACHE_ENV "VDM_PROBE_CACHE"
#define PROBE_BOOT_ID "/proc/sys/kernel/random/boot_id"
#define PROBE_BOOT_ID_MAX 64
#define PROBE_FILE_MAX 512

static bool probe_cache_enabled(void)
{
    const char *e = getenv(PROBE_CACHE_ENV);
    return !(e && strcmp(e, "0") == 0);
}

/* The cache file's path; false when there is no private place for it. */
static bool probe_cache_path(const char *name, char *path, size_t cap)
{
    const char *dir = getenv("XDG_RUNTIME_DIR");
    char run_user[64];
    struct stat st;
    if (!dir || dir[0] != '/') {
        snprintf(run_user, sizeof run_user, "/run/user/%u", (unsigned)getuid());
        dir = stat(run_user, &st) == 0 && S_ISDIR(st.st_mode) ? run_user : "/tmp";
    }
    return (size_t)snprintf(path, cap, "%s/vdm-%u-probe-%s", dir, (unsigned)getuid(), name) < cap;
}

static bool probe_boot_id(char *id, size_t cap)
{
    FILE *f = fopen(PROBE_BOOT_ID, "re");
    if (!f)
        return false;
    bool ok = fgets(id, (int)cap, f) != NULL;
    fclose(f);
    if (ok)
        id[strcspn(id, "\n")] = '\0';
    return ok && id[0];
}

bool probe_cache_get(const char *name, const char *key, bool *ok, char *why, size_t cap)
{
    char path[PROBE_FILE_MAX], boot[PROBE_BOOT_ID_MAX], buf[PROBE_FILE_MAX];
    if (!probe_cache_enabled() || !probe_cache_path(name, path, sizeof path) ||
        !probe_boot_id(boot, sizeof boot))
        return false;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    ssize_t n = -1;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == getuid())
        n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    /* boot id \n key \n 0|1 \n reason \n */
    char *line[4], *p = buf;
    for (int i = 0; i < 4; i++) {
        char *nl = strchr(p, '\n');
        if (!nl)
            return false;
        *nl = '\0';
        line[i] = p;
        p = nl + 1;
    }
    if (strcmp(line[0], boot) != 0 || strcmp(line[1], key) != 0 ||
        (strcmp(line[2], "0") != 0 && strcmp(line[2], "1") != 0))
        return false;
    *ok = line[2][0] == '1';
    snprintf(why, cap, "%s", line[3]);
    return true;
}

void probe_cache_put(const char *name, const char *key, bool ok, const char *why)
{
    char path[PROBE_FILE_MAX], tmp[PROBE_FILE_MAX + 8], boot[PROBE_BOOT_ID_MAX];
    if (!probe_cache_enabled() || !probe_cache_path(name, path, sizeof path) ||
        !probe_boot_id(boot, sizeof boot) || strchr(key, '\n') || strchr(why, '\n'))
        return;
    snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
    int fd = mkostemp(tmp, O_CLOEXEC); /* mode 0600 */
    if (fd < 0)
        return;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlink(tmp);
        return;
    }
    fprintf(f, "%s\n%s\n%d\n%s\n", boot, key, ok ? 1 : 0, why);
    /* A new file replaces the old one whole: a reader never sees half. */
    if (fclose(f) != 0 || rename(tmp, path) != 0)
        unlink(tmp);
}
