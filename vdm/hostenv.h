/*
 * The DOS program's environment, made from the host's: names upper-cased
 * (DOS looks variables up in upper case), PATH, COMSPEC, TEMP and TMP
 * replaced with DOS values (host paths mean nothing to a DOS program), and
 * --env=NAME=VALUE settings over both. The DOS values and the settings come
 * first in the list, so truncation to DOS's 32 KiB keeps them.
 */
#ifndef VDM_HOSTENV_H
#define VDM_HOSTENV_H

/* Build a NULL-terminated list of "NAME=VALUE" strings. `overrides` is a
 * list of `n` "NAME=VALUE" strings. Returns NULL when out of memory. Free
 * with hostenv_free(). */
char **hostenv_build(char *const *host_env, char *const *overrides, int n);
void hostenv_free(char **env);

#endif
