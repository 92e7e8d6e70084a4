/*
 * Host environment to DOS environment (see hostenv.h).
 */
#include "vdm/hostenv.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* DOS values for the variables whose host values are host paths. */
static const char *const dos_defaults[] = {
    "COMSPEC=Z:\\COMMAND.COM",
    "PATH=C:\\",
    "TEMP=C:\\",
    "TMP=C:\\",
};
#define N_DEFAULTS (sizeof dos_defaults / sizeof dos_defaults[0])

static size_t name_len(const char *s)
{
    const char *eq = strchr(s, '=');
    return eq ? (size_t)(eq - s) : strlen(s);
}

/* Index of variable `s`'s name in env[0..n), or -1. */
static int find_var(char **env, int n, const char *s)
{
    size_t len = name_len(s);
    for (int i = 0; i < n; i++)
        if (name_len(env[i]) == len && strncasecmp(env[i], s, len) == 0)
            return i;
    return -1;
}

/* Put a copy of `s` (name upper-cased) in env. An existing variable of
 * the same name is replaced when `replace`, else kept. */
static int set_var(char **env, int *n, const char *s, bool replace)
{
    int at = find_var(env, *n, s);
    if (at >= 0 && !replace)
        return 0;
    char *copy = strdup(s);
    if (!copy)
        return -1;
    for (size_t i = 0; i < name_len(copy); i++)
        copy[i] = (char)toupper((unsigned char)copy[i]);
    if (at >= 0) {
        free(env[at]);
        env[at] = copy;
    } else {
        env[(*n)++] = copy;
    }
    return 0;
}

/* The DOS values and the --env settings go first: DOS drops what does not
 * fit in a 32 KiB block from the end (dos/exec.c), and a big host
 * environment must not push out COMSPEC or what the user asked for. Host
 * variables follow, in host order, where the name is not taken. */
char **hostenv_build(char *const *host_env, char *const *overrides, int n_over)
{
    int cap = (int)N_DEFAULTS + n_over + 1;
    for (char *const *e = host_env; e && *e; e++)
        cap++;
    char **env = calloc((size_t)cap, sizeof *env);
    if (!env)
        return NULL;
    int n = 0;
    for (size_t i = 0; i < N_DEFAULTS; i++)
        if (set_var(env, &n, dos_defaults[i], true) < 0)
            goto fail;
    for (int i = 0; i < n_over; i++)
        if (set_var(env, &n, overrides[i], true) < 0)
            goto fail;
    for (char *const *e = host_env; e && *e; e++) {
        if (!strchr(*e, '=') || name_len(*e) == 0)
            continue;
        if (set_var(env, &n, *e, false) < 0)
            goto fail;
    }
    env[n] = NULL;
    return env;
fail:
    hostenv_free(env);
    return NULL;
}

void hostenv_free(char **env)
{
    if (!env)
        return;
    for (char **e = env; *e; e++)
        free(*e);
    free(env);
}
