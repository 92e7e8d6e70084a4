/*
 * binfmt_misc registration (see binfmt.h for the entries and the choice
 * of flags). Everything goes through the files of the binfmt_misc
 * directory: "register" takes a line per entry, each entry's own file
 * shows it and takes "1" (enable) or "-1" (remove). Kernel
 * Documentation/admin-guide/binfmt-misc.rst.
 */
#include "vdm/binfmt.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

const struct binfmt_entry binfmt_entries[] = {
    { "mz", 'M', "MZ" },
    { "zm", 'M', "ZM" },
    { "com", 'E', "com" },
    { "COM", 'E', "COM" },
};
const size_t binfmt_n_entries = sizeof binfmt_entries / sizeof binfmt_entries[0];

/* The flags field of every entry: none (binfmt.h says why). */
#define BINFMT_FLAGS ""

/* binfmt_misc refuses registration lines longer than this (the kernel's
 * MAX_REGISTER_LENGTH). */
#define BINFMT_LINE_MAX 1920

/* What an entry's file says, written to it. */
#define BINFMT_CMD_ENABLE "1"
#define BINFMT_CMD_REMOVE "-1"

#define FAIL(...)                              \
    do {                                       \
        snprintf(err, errcap, __VA_ARGS__);    \
        return false;                          \
    } while (0)

bool binfmt_prefix_ok(const char *prefix)
{
    size_t n = strlen(prefix);
    if (n == 0 || n > BINFMT_PREFIX_MAX || prefix[0] == '.')
        return false;
    return strspn(prefix, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                          "0123456789_.-") == n;
}

bool binfmt_entry_line(const struct binfmt_entry *e, const char *prefix,
                       const char *interp, char *out, size_t cap, char *err,
                       size_t errcap)
{
    if (strpbrk(interp, ":\n"))
        FAIL("cannot register '%s': binfmt_misc takes no ':' or newline in the interpreter's path",
             interp);
    int n = snprintf(out, cap, ":%s-%s:%c::%s::%s:%s\n", prefix, e->suffix, e->type,
                     e->match, interp, BINFMT_FLAGS);
    if (n < 0 || (size_t)n >= cap || n > BINFMT_LINE_MAX)
        FAIL("cannot register '%s': path too long for binfmt_misc", interp);
    return true;
}

bool binfmt_is_launch(const char *execfn, int argc, char *const argv[])
{
    return execfn && argc >= 2 && strcmp(execfn, argv[1]) == 0;
}

bool binfmt_launched(int argc, char *const argv[])
{
    return binfmt_is_launch((const char *)getauxval(AT_EXECFN), argc, argv);
}

/* Write `text` to file `path` in one write(). Returns 0 or an errno. */
static int write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    size_t n = strlen(text);
    ssize_t w = write(fd, text, n);
    int e = w < 0 ? errno : (size_t)w != n ? EIO : 0;
    close(fd);
    return e;
}

/* Is entry e, as its file `path` shows it, the registration we would
 * make for `interp`? Sets *enabled. False when the file is absent or
 * differs (another interpreter, flags or match). */
static bool entry_matches(const char *path, const struct binfmt_entry *e,
                          const char *interp, bool *enabled)
{
    FILE *f = fopen(path, "re");
    if (!f)
        return false;
    char want_match[64];
    if (e->type == 'M') {
        int n = snprintf(want_match, sizeof want_match, "magic ");
        for (const char *p = e->match; *p && n < (int)sizeof want_match - 3; p++)
            n += snprintf(want_match + n, sizeof want_match - (size_t)n, "%02x",
                          (unsigned char)*p);
    } else {
        snprintf(want_match, sizeof want_match, "extension .%s", e->match);
    }
    bool interp_ok = false, flags_ok = false, match_ok = false;
    *enabled = false;
    char line[PATH_MAX + 32];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (strcmp(line, "enabled") == 0)
            *enabled = true;
        else if (strncmp(line, "interpreter ", 12) == 0)
            interp_ok = strcmp(line + 12, interp) == 0;
        else if (strncmp(line, "flags:", 6) == 0)
            flags_ok = strcmp(line + 6 + strspn(line + 6, " "), BINFMT_FLAGS) == 0;
        else if (strcmp(line, want_match) == 0)
            match_ok = true;
    }
    fclose(f);
    return interp_ok && flags_ok && match_ok;
}

/* The reason for errno `e` from opening or writing binfmt_misc's files. */
static void explain(int e, const char *dir, const char *what, char *err, size_t errcap)
{
    if (e == EACCES || e == EPERM || e == EROFS)
        snprintf(err, errcap, "cannot %s binfmt_misc entries: %s (this needs root; try sudo)",
                 what, strerror(e));
    else if (e == ENOENT)
        snprintf(err, errcap, "binfmt_misc is not mounted at %s (mount it with "
                 "'mount -t binfmt_misc binfmt_misc %s', as root)", dir, dir);
    else
        snprintf(err, errcap, "cannot %s binfmt_misc entries in %s: %s", what, dir,
                 strerror(e));
}

bool binfmt_update(const char *dir, const char *prefix, const char *interp,
                   bool install, char *err, size_t errcap)
{
    const char *what = install ? "register" : "remove";
    if (!binfmt_prefix_ok(prefix))
        FAIL("%s='%s' is not a usable name prefix (letters, digits, '_', '.', '-'; "
             "at most %d)", BINFMT_PREFIX_ENV, prefix, BINFMT_PREFIX_MAX);
    char reg[PATH_MAX];
    snprintf(reg, sizeof reg, "%s/register", dir);
    /* Opening "register" for writing answers both questions up front:
     * is binfmt_misc there, and may we change it. */
    int fd = open(reg, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        explain(errno, dir, what, err, errcap);
        return false;
    }
    close(fd);

    for (size_t i = 0; i < binfmt_n_entries; i++) {
        const struct binfmt_entry *e = &binfmt_entries[i];
        char path[PATH_MAX], line[BINFMT_LINE_MAX + 1];
        snprintf(path, sizeof path, "%s/%s-%s", dir, prefix, e->suffix);
        bool enabled;
        int r = 0;
        if (install && entry_matches(path, e, interp, &enabled)) {
            if (!enabled)
                r = write_file(path, BINFMT_CMD_ENABLE);
        } else {
            r = write_file(path, BINFMT_CMD_REMOVE);
            if (r == ENOENT)
                r = 0;
            if (!r && install) {
                if (!binfmt_entry_line(e, prefix, interp, line, sizeof line, err, errcap))
                    return false;
                r = write_file(reg, line);
                if (r == EINVAL)
                    FAIL("the kernel refused binfmt_misc entry %s-%s (%s)", prefix,
                         e->suffix, strerror(r));
            }
        }
        if (r) {
            explain(r, dir, what, err, errcap);
            return false;
        }
    }
    return true;
}

bool binfmt_command(bool install, char *err, size_t errcap)
{
    const char *prefix = getenv(BINFMT_PREFIX_ENV);
    if (!prefix)
        prefix = BINFMT_PREFIX_DEFAULT;
    char self[PATH_MAX];
    if (!realpath("/proc/self/exe", self))
        FAIL("cannot find vdm's own binary (/proc/self/exe): %s", strerror(errno));
    return binfmt_update(BINFMT_DIR, prefix, self, install, err, errcap);
}
