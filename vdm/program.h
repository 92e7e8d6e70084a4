/*
 * Finding the program the user named on the host, the way the contract
 * says: without an extension try .COM, .EXE, .BAT in that order; names
 * match case-insensitively (DOS programs ship as HELLO.EXE, users type
 * hello).
 */
#ifndef VDM_PROGRAM_H
#define VDM_PROGRAM_H

#include <stddef.h>

/* Find `arg` on the host. Returns 0 with the host path in `out`, or an
 * errno value (ENOENT: nothing matched; ENAMETOOLONG). */
int program_find(const char *arg, char *out, size_t cap);

/* Does `path` end in `.ext` (any case)? `ext` without the dot; NULL asks
 * whether the last component has any extension at all. */
int program_has_ext(const char *path, const char *ext);

/* Join ARGS into a DOS command tail the way COMMAND.COM passes one: a
 * leading space, then the arguments separated by single spaces. Returns
 * the length, or -1 when it exceeds `max` bytes (nothing useful in out). */
int program_build_tail(int argc, char *const argv[], char *out, size_t max);

#endif
