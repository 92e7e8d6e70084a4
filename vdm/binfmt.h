/*
 * binfmt_misc: teaching the kernel to start vdm for DOS programs, so
 * `./PAYROLL.EXE` runs from a shell like any other command.
 *
 * vdm registers (kernel Documentation/admin-guide/binfmt-misc.rst):
 *   PREFIX-mz   magic "MZ" at offset 0   (every .EXE, and MZ .COM files)
 *   PREFIX-zm   magic "ZM" at offset 0   (the other signature MS-DOS takes)
 *   PREFIX-com  extension "com"          (.COM files have no magic)
 *   PREFIX-COM  extension "COM"          (binfmt_misc extensions are
 *                                          case-sensitive)
 * PREFIX is "vdm", or $VDM_BINFMT_PREFIX (tests register under a name of
 * their own). The interpreter is this vdm binary (realpath of
 * /proc/self/exe) and the flags field is empty:
 *   - no P (preserve-argv0): without it the kernel starts
 *     `vdm PATH ARGS...`, PATH being the name the program was executed
 *     by (./PAYROLL.EXE), exactly vdm's own command line, so the path and
 *     arguments arrive intact. The original argv[0] that P would keep is
 *     of no use to a DOS program (DOS gives it its path in the
 *     environment block, built from PATH).
 *   - no O (open-binary) and no C (credentials): vdm opens the program by
 *     path like any file it reads; C would run set-uid DOS programs with
 *     raised rights through an emulator, which nobody needs.
 *   - no F (fix-binary): the kernel would keep the vdm file open from
 *     registration on, so a rebuilt or upgraded vdm would not be used
 *     until registered again.
 * Without P the kernel-made command line looks like `vdm PATH ARGS...`
 * typed by hand, except that PATH is never an option, even when it starts
 * with '-': binfmt_launched() tells the two apart by the auxiliary
 * vector's AT_EXECFN (the file name given to execve), which is PATH when
 * the kernel started vdm for a program and vdm's own name otherwise.
 */
#ifndef VDM_BINFMT_H
#define VDM_BINFMT_H

#include <stdbool.h>
#include <stddef.h>

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"
#define BINFMT_PREFIX_ENV "VDM_BINFMT_PREFIX"
#define BINFMT_PREFIX_DEFAULT "vdm"
#define BINFMT_PREFIX_MAX 48

/* One registration line for /proc/sys/fs/binfmt_misc/register:
 * ":NAME:TYPE:OFFSET:MAGIC:MASK:INTERPRETER:FLAGS". */
struct binfmt_entry {
    const char *suffix; /* NAME is PREFIX-suffix */
    char type;          /* 'M' magic, 'E' extension */
    const char *match;  /* the magic bytes, or the extension */
};

extern const struct binfmt_entry binfmt_entries[];
extern const size_t binfmt_n_entries;

/* Is the name prefix usable ([A-Za-z0-9_.-], 1..BINFMT_PREFIX_MAX bytes,
 * not starting with '.')? */
bool binfmt_prefix_ok(const char *prefix);

/* Write entry e's registration line for `prefix` and `interp` into out.
 * Returns false (with a reason in err) when it does not fit or interp
 * cannot appear in one (a ':' or a newline in it). */
bool binfmt_entry_line(const struct binfmt_entry *e, const char *prefix,
                       const char *interp, char *out, size_t cap, char *err,
                       size_t errcap);

/* Does a started process look like the kernel's binfmt_misc launch of
 * argv[1]? `execfn` is AT_EXECFN (may be NULL). */
bool binfmt_is_launch(const char *execfn, int argc, char *const argv[]);

/* binfmt_is_launch for this process. */
bool binfmt_launched(int argc, char *const argv[]);

/* Register every entry (install = true) or remove them (false) in the
 * binfmt_misc directory `dir`, under `prefix`, for interpreter `interp`.
 * Idempotent: an entry already registered for interp is left alone (and
 * enabled), one registered for another interpreter is replaced, removing
 * an absent one is no error. Returns true, or false with a one-line
 * reason in err (binfmt_misc not mounted, not root, kernel refusal). */
bool binfmt_update(const char *dir, const char *prefix, const char *interp,
                   bool install, char *err, size_t errcap);

/* --register-binfmt / --unregister-binfmt: binfmt_update for BINFMT_DIR,
 * the prefix from $VDM_BINFMT_PREFIX or "vdm", and this binary. */
bool binfmt_command(bool install, char *err, size_t errcap);

#endif
