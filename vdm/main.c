/*
 * vdm's command line: the option table, validation, then init -> run ->
 * teardown. Only this file prints the final "vdm: ..." line and picks the
 * exit status (DESIGN.md, "The public contract"):
 *   the DOS return code; 124 --timeout; 125 vdm failed or the guest
 *   crashed its CPU; 126 not a runnable program; 127 not found; and, as a
 *   shell reports a command a signal ended, 128+N when SIGINT, SIGTERM or
 *   SIGHUP stopped the run (after the same teardown).
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bios/bios.h"
#include "bios/mouse.h"
#include "bios/rom.h"
#include "dos/cmd.h"
#include "dos/dos.h"
#include "dos/ems.h"
#include "dos/nls.h"
#include "dos/psp.h"
#include "dos/xms.h"
#include "hw/hw.h"
#include "vdm/binfmt.h"
#include "vdm/display.h"
#include "vdm/fault.h"
#include "vdm/hostenv.h"
#include "vdm/machine.h"
#include "vdm/program.h"
#include "vdm/run.h"

/* The build passes the project's version (CMakeLists.txt), so the binary,
 * the man page and the package agree. */
#ifndef VDM_VERSION
#define VDM_VERSION "0.1.0"
#endif

/* --version's legal lines (GNU coding standards, "--version"): the
 * copyright holder and the licence, both in one place. */
#define VDM_COPYRIGHT "Copyright (C) 2026 the vdm developers."
#define VDM_LICENSE "License: not chosen yet; see the project repository."

#define EXIT_TIMEOUT 124
#define EXIT_VDM_FAILED 125
#define EXIT_CANNOT_RUN 126
#define EXIT_NOT_FOUND 127

/* A signal ends the run through the normal teardown, then vdm exits with
 * 128 + the signal's number, the status a shell reports for a command a
 * signal killed. */
#define EXIT_SIGNAL_BASE 128

#define MAX_ENV_OPTS 64

/* --timeout above a year is a typo, and keeps the nanosecond deadline far
 * from overflowing. */
#define TIMEOUT_MAX_S (365.0 * 24 * 60 * 60)

/* One --drive=L=PATH[,ro] (path "": not given). */
struct drive_opt {
    char path[HOSTFS_HOST_MAX];
    unsigned flags;              /* HOSTFS_MOUNT_* */
};

struct options {
    const char *backend;
    const char *display;
    enum display_kind display_kind;
    const char *screen_dump;  /* --screen-dump=FILE */
    const char *screenshot;   /* --screenshot=FILE.png */
    double timeout_s;
    unsigned trace;
    char *env[MAX_ENV_OPTS];
    int n_env;
    bool list_backends;
    struct drive_opt drive[HOSTFS_DRIVES];
    unsigned follow;             /* --follow-symlinks: bit per drive */
    const char *printer;         /* --printer=FILE or |CMD, or NULL */
    bool lowercase;
    bool program_dir;     /* --program-dir: C: is the program's directory */
    uint32_t xms_kib, ems_kib;   /* --xms, --ems */
    unsigned codepage;  /* --codepage, 0 = the default (437) */
};

enum { OPT_BACKEND = 256, OPT_DISPLAY, OPT_TIMEOUT, OPT_TRACE, OPT_ENV,
       OPT_BACKENDS, OPT_HELP, OPT_VERSION, OPT_XMS, OPT_EMS, OPT_SCREEN_DUMP,
       OPT_SCREENSHOT, OPT_DRIVE, OPT_FOLLOW, OPT_PRINTER, OPT_LOWERCASE,
       OPT_CODEPAGE, OPT_PROGRAM_DIR };
enum { OPT_REGISTER_BINFMT = 512, OPT_UNREGISTER_BINFMT };

/* The option table: getopt's view and the help text side by side. */
static const struct {
    struct option opt;
    const char *arg, *help;
} option_table[] = {
    { { "backend", required_argument, NULL, OPT_BACKEND }, "NAME",
      "CPU backend: auto, x86emu (default auto)" },
    { { "backends", no_argument, NULL, OPT_BACKENDS }, NULL,
      "list the CPU backends and which one auto picks" },
    { { "display", required_argument, NULL, OPT_DISPLAY }, "MODE",
      "auto, stdio, terminal or window (default auto)" },
    { { "screen-dump", required_argument, NULL, OPT_SCREEN_DUMP }, "FILE",
      "at exit, write the text screen to FILE as UTF-8" },
    { { "screenshot", required_argument, NULL, OPT_SCREENSHOT }, "FILE.png",
      "at exit, render the screen to FILE.png" },
    { { "timeout", required_argument, NULL, OPT_TIMEOUT }, "SECONDS",
      "stop the program after SECONDS (exit status 124)" },
    { { "trace", required_argument, NULL, OPT_TRACE }, "LIST",
      "trace to stderr: dos,bios,port,cpu or all" },
    { { "env", required_argument, NULL, OPT_ENV }, "NAME=VALUE",
      "set a variable in the DOS environment (repeatable)" },
    { { "drive", required_argument, NULL, OPT_DRIVE }, "L=DIR[,ro]",
      "mount host DIR as drive L: (repeatable; C: is .)" },
    { { "follow-symlinks", required_argument, NULL, OPT_FOLLOW }, "LIST",
      "drive letters (e.g. CD) whose symlinks may lead out" },
    { { "printer", required_argument, NULL, OPT_PRINTER }, "FILE|CMD",
      "PRN/LPTn output: append to FILE, or pipe to |CMD" },
    { { "lowercase", no_argument, NULL, OPT_LOWERCASE }, NULL,
      "create new files and directories in lower case" },
    { { "program-dir", no_argument, NULL, OPT_PROGRAM_DIR }, NULL,
      "make the program's own directory drive C:" },
    { { "codepage", required_argument, NULL, OPT_CODEPAGE }, "N",
      "DOS code page: 437 or 850 (default 437)" },
    { { "register-binfmt", no_argument, NULL, OPT_REGISTER_BINFMT }, NULL,
      "make ./X.EXE and ./X.COM run through vdm (root)" },
    { { "unregister-binfmt", no_argument, NULL, OPT_UNREGISTER_BINFMT }, NULL,
      "undo --register-binfmt (root)" },
    { { "xms", required_argument, NULL, OPT_XMS }, "KiB",
      "XMS extended memory, 0 = none (default 16384)" },
    { { "ems", required_argument, NULL, OPT_EMS }, "KiB",
      "EMS expanded memory, 0 = none (default 4096)" },
    { { "help", no_argument, NULL, OPT_HELP }, NULL, "show this help" },
    { { "version", no_argument, NULL, OPT_VERSION }, NULL, "show the version" },
};
#define N_OPTIONS (sizeof option_table / sizeof option_table[0])

static void usage(FILE *f)
{
    /* GNU coding standards, "--help": usage, what it does, the options,
     * where to report bugs. */
    fprintf(f, "Usage: vdm [OPTION]... PROGRAM [ARG]...\n"
               "  or:  vdm [OPTION]...             (interactive DOS prompt)\n"
               "Run a DOS program (.COM, .EXE, .BAT) as a Linux command: ARGs become\n"
               "its command tail, stdin/stdout/stderr its standard handles, the current\n"
               "directory its drive C:, and its return code vdm's exit status.\n\n"
               "Options:\n");
    for (size_t i = 0; i < N_OPTIONS; i++) {
        char left[40];
        snprintf(left, sizeof left, "--%s%s%s", option_table[i].opt.name,
                 option_table[i].arg ? "=" : "",
                 option_table[i].arg ? option_table[i].arg : "");
        fprintf(f, "  %-24s %s\n", left, option_table[i].help);
    }
    fprintf(f, "\nExit status: the DOS program's return code; 124 timeout; 125 vdm\n"
               "failed or the program crashed the CPU; 126 not a runnable program;\n"
               "127 program not found; 128+N stopped by signal N (INT, TERM, HUP).\n"
               "\nFull documentation: man vdm\n"
               "Report bugs to the vdm issue tracker, with the output of 'vdm --version'.\n");
}

static bool parse_trace(const char *list, unsigned *out)
{
    static const struct { const char *name; unsigned bit; } chans[] = {
        { "dos", TRACE_DOS }, { "bios", TRACE_BIOS }, { "port", TRACE_PORT },
        { "cpu", TRACE_CPU }, { "all", ~0u },
    };
    char buf[128];
    if (!*list || (size_t)snprintf(buf, sizeof buf, "%s", list) >= sizeof buf)
        return false;
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
        size_t i;
        for (i = 0; i < sizeof chans / sizeof chans[0]; i++)
            if (strcmp(t, chans[i].name) == 0)
                break;
        if (i == sizeof chans / sizeof chans[0])
            return false;
        *out |= chans[i].bit;
    }
    return true;
}

/* A drive letter (either case) as a drive number, or -1. */
static int drive_of(char c)
{
    c = (char)toupper((unsigned char)c);
    return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
}

#define DRIVE_RO_SUFFIX ",ro"

/* --drive=L=PATH[,ro]: true when well formed. */
static bool parse_drive(const char *arg, struct options *o)
{
    int drive = drive_of(arg[0]);
    if (drive < 0 || arg[1] != '=' || !arg[2])
        return false;
    struct drive_opt *d = &o->drive[drive];
    const char *path = arg + 2;
    size_t n = strlen(path), sl = strlen(DRIVE_RO_SUFFIX);
    d->flags = 0;
    if (n > sl && strcmp(path + n - sl, DRIVE_RO_SUFFIX) == 0) {
        d->flags = HOSTFS_MOUNT_RO;
        n -= sl;
    }
    if (n >= sizeof d->path)
        return false;
    memcpy(d->path, path, n);
    d->path[n] = 0;
    return true;
}

/* --follow-symlinks=LETTERS. */
static bool parse_follow(const char *arg, unsigned *bits)
{
    if (!*arg)
        return false;
    for (; *arg; arg++) {
        int drive = drive_of(*arg);
        if (drive < 0)
            return false;
        *bits |= 1u << drive;
    }
    return true;
}

/* Parse argv up to PROGRAM. Returns -1 to continue, else an exit status. */
/* A memory size for --xms/--ems: KiB from 0 to `max`. */
static bool parse_kib(const char *name, const char *arg, uint32_t max, uint32_t *out)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(arg, &end, 10);
    if (errno || *end || end == arg || arg[0] == '-' || v > max) {
        vdm_warn("--%s wants a size in KiB from 0 to %u, not '%s'", name, max, arg);
        return false;
    }
    *out = (uint32_t)v;
    return true;
}

static int parse_options(int argc, char **argv, struct options *o)
{
    struct option longopts[N_OPTIONS + 1];
    for (size_t i = 0; i < N_OPTIONS; i++)
        longopts[i] = option_table[i].opt;
    memset(&longopts[N_OPTIONS], 0, sizeof longopts[0]);

    o->backend = "auto";
    o->display = "auto";
    opterr = 0;
    int c;
    /* '+': stop at PROGRAM, so the DOS program's own switches (/X, -x)
     * stay its own. ':': a missing value is told apart from an unknown
     * option. */
    while ((c = getopt_long(argc, argv, "+:", longopts, NULL)) != -1) {
        char *end;
        switch (c) {
        case OPT_BACKEND:
            o->backend = optarg;
            break;
        case OPT_BACKENDS:
            o->list_backends = true;
            break;
        case OPT_DISPLAY:
            o->display = optarg;
            break;
        case OPT_SCREEN_DUMP:
            o->screen_dump = optarg;
            break;
        case OPT_SCREENSHOT:
            o->screenshot = optarg;
            break;
        case OPT_TIMEOUT:
            errno = 0;
            o->timeout_s = strtod(optarg, &end);
            if (errno || *end || end == optarg || !isfinite(o->timeout_s) ||
                o->timeout_s <= 0 || o->timeout_s > TIMEOUT_MAX_S) {
                vdm_warn("--timeout wants a number of seconds above 0 and at most %.0f, not '%s'",
                         TIMEOUT_MAX_S, optarg);
                return EXIT_VDM_FAILED;
            }
            break;
        case OPT_TRACE:
            if (!parse_trace(optarg, &o->trace)) {
                vdm_warn("--trace wants a list of dos, bios, port, cpu or all, not '%s'", optarg);
                return EXIT_VDM_FAILED;
            }
            break;
        case OPT_ENV:
            if (!strchr(optarg, '=') || optarg[0] == '=') {
                vdm_warn("--env wants NAME=VALUE, not '%s'", optarg);
                return EXIT_VDM_FAILED;
            }
            if (o->n_env == MAX_ENV_OPTS) {
                vdm_warn("too many --env options (at most %d)", MAX_ENV_OPTS);
                return EXIT_VDM_FAILED;
            }
            o->env[o->n_env++] = optarg;
            break;
        case OPT_DRIVE:
            if (!parse_drive(optarg, o)) {
                vdm_warn("--drive wants L=DIR or L=DIR,ro with a letter A-Z, not '%s'", optarg);
                return EXIT_VDM_FAILED;
            }
            break;
        case OPT_FOLLOW:
            if (!parse_follow(optarg, &o->follow)) {
                vdm_warn("--follow-symlinks wants drive letters such as C or CD, not '%s'",
                         optarg);
                return EXIT_VDM_FAILED;
            }
            break;
        case OPT_PRINTER:
            if (!*optarg || strcmp(optarg, "|") == 0) {
                vdm_warn("--printer wants FILE or '|CMD', not '%s'", optarg);
                return EXIT_VDM_FAILED;
            }
            o->printer = optarg;
            break;
        case OPT_LOWERCASE:
            o->lowercase = true;
            break;
        case OPT_PROGRAM_DIR:
            o->program_dir = true;
            break;
        case OPT_CODEPAGE:
            o->codepage = (unsigned)strtoul(optarg, &end, 10);
            if (*end || end == optarg || !nls_codepage_ok(o->codepage)) {
                vdm_warn("--codepage wants 437 or 850, not '%s'", optarg);
                return EXIT_VDM_FAILED;
            }
            break;
        case OPT_REGISTER_BINFMT:
        case OPT_UNREGISTER_BINFMT: {
            char why[PATH_MAX + 256];
            if (binfmt_command(c == OPT_REGISTER_BINFMT, why, sizeof why))
                return 0;
            vdm_warn("%s", why);
            return EXIT_VDM_FAILED;
        }
        case OPT_XMS:
            if (!parse_kib("xms", optarg, XMS_MAX_KIB, &o->xms_kib))
                return EXIT_VDM_FAILED;
            break;
        case OPT_EMS:
            if (!parse_kib("ems", optarg, EMS_MAX_KIB, &o->ems_kib))
                return EXIT_VDM_FAILED;
            break;
        case OPT_HELP:
            usage(stdout);
            return 0;
        case OPT_VERSION:
            printf("vdm %s\n%s\n%s\n"
                   "This is free software: you are free to change and redistribute it.\n"
                   "There is NO WARRANTY, to the extent permitted by law.\n",
                   VDM_VERSION, VDM_COPYRIGHT, VDM_LICENSE);
            return 0;
        case ':':
            vdm_warn("option '%s' needs a value (try 'vdm --help')", argv[optind - 1]);
            return EXIT_VDM_FAILED;
        default:
            /* getopt_long sets optopt to a long option's value (all >=
             * OPT_BACKEND) when it was given a value it does not take
             * (--help=x); to the letter for an unknown -x; 0 for an
             * unknown long name. */
            if (optopt >= OPT_BACKEND)
                vdm_warn("option '%s' takes no value (try 'vdm --help')", argv[optind - 1]);
            else
                vdm_warn("unknown option '%s' (try 'vdm --help')", argv[optind - 1]);
            return EXIT_VDM_FAILED;
        }
    }
    if (!display_parse(o->display, &o->display_kind)) {
        vdm_warn("--display=%s is not a front end (auto, stdio, terminal, window)", o->display);
        return EXIT_VDM_FAILED;
    }
    if (o->display_kind == DISPLAY_WINDOW && !display_have_window()) {
        vdm_warn("--display=window is not available in this build (no SDL2)");
        return EXIT_VDM_FAILED;
    }
    return -1;
}

/* One line per backend: "NAME: available", "NAME: unavailable (WHY)", or
 * "NAME: available (not chosen by auto: WHY)" when its probe turns auto
 * away; then "auto: NAME". */
static int list_backends(void)
{
    for (unsigned i = 0; cpu_backends[i]; i++) {
        const struct cpu_backend *b = cpu_backends[i];
        const char *why = b->unavailable();
        char verdict[128];
        if (why)
            printf("%s: unavailable (%s)\n", b->name, why);
        else if (!cpu_backend_auto_ok(b, verdict, sizeof verdict))
            printf("%s: available (not chosen by auto: %s)\n", b->name,
                   verdict[0] ? verdict : "its probe says no");
        else
            printf("%s: available\n", b->name);
    }
    const struct cpu_backend *a = cpu_backend_find("auto");
    printf("auto: %s\n", a ? a->name : "none");
    return 0;
}

/* Drive numbers (0 = A:): the current directory is C:; a program's own
 * directory, when it cannot be reached from C:, gets the next free one. */
#define DRIVE_C 2
#define DRIVE_FIRST_EXTRA 3

/* `path` relative to directory `dir` when it lies beneath it, else NULL.
 * Both are absolute and canonical (realpath, getcwd). */
static const char *path_under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (n == 1) /* dir is "/" */
        return path + 1;
    if (strncmp(path, dir, n) != 0 || path[n] != '/')
        return NULL;
    return path + n + 1;
}

/* Mount the directory holding file `real` read-only on the next free
 * drive; returns the drive, or -1 when none is free or the mount fails. */
static int mount_dir_of(struct machine *m, const char *real)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", real);
    *strrchr(dir, '/') = 0;
    int drive = DRIVE_FIRST_EXTRA;
    while (drive < HOSTFS_DRIVES && m->dos->fs.drive[drive].mounted)
        drive++;
    if (drive == HOSTFS_DRIVES || hostfs_mount(&m->dos->fs, drive, dir[0] ? dir : "/", true))
        return -1;
    return drive;
}

/* The DOS path of host file `host`, which goes into its environment block.
 * It is on the first mounted drive (C: first, then A: to Z:) whose root
 * holds it, unless its directory is deeper there than a DOS directory path
 * may be (HOSTFS_CWD_MAX bytes, as MS-DOS allows). A program outside every
 * drive, or that deep, has its directory mounted read-only on the next free
 * drive (D: on), so it runs as D:\NAME.EXT while the DOS current drive
 * stays C:. Returns false when neither works. */
static bool program_dos_path(struct machine *m, const char *host, char *dos, size_t cap)
{
    char real[PATH_MAX];
    if (!realpath(host, real))
        return false;
    const char *base = strrchr(real, '/') + 1;
    const char *rel = NULL;
    int drive = -1;
    for (int i = -1; i < HOSTFS_DRIVES && !rel; i++) {
        drive = i < 0 ? DRIVE_C : i;
        const struct hostfs_drive *d = &m->dos->fs.drive[drive];
        if (!d->mounted)
            continue;
        rel = path_under(real, d->root);
        if (rel && (size_t)(base - rel) > HOSTFS_CWD_MAX + 1)
            rel = NULL;
    }
    if (!rel) {
        drive = mount_dir_of(m, real);
        if (drive < 0)
            return false;
        rel = base;
    }
    struct hostfs_path hp;
    char want[HOSTFS_DOS_MAX];
    if ((size_t)snprintf(want, sizeof want, "%c:\\%s", 'A' + drive, rel) >= sizeof want)
        return false;
    for (char *p = want; *p; p++)
        if (*p == '/')
            *p = '\\';
    /* Let hostfs give the canonical DOS spelling (8.3 aliases). */
    if (hostfs_resolve(&m->dos->fs, drive, want, HOSTFS_EXISTING, &hp) == 0) {
        snprintf(dos, cap, "%s", hp.dos);
    } else {
        snprintf(dos, cap, "%s", want);
        for (char *p = dos; *p; p++)
            *p = (char)toupper((unsigned char)*p);
    }
    return true;
}

/* Mount the drives: every --drive, and C: as the current directory unless
 * --drive gave C:. Prints the "vdm:" line and returns false on a failure. */
static bool mount_drives(struct machine *m, const struct options *o)
{
    struct hostfs *fs = &m->dos->fs;
    fs->lowercase = o->lowercase;
    for (int i = 0; i < HOSTFS_DRIVES; i++) {
        const char *dir = o->drive[i].path;
        char cwd[PATH_MAX];
        if (!dir[0] && i == DRIVE_C) {
            if (!getcwd(cwd, sizeof cwd)) {
                vdm_warn("cannot use the current directory as drive C:: %s", strerror(errno));
                return false;
            }
            dir = cwd;
        }
        if (!dir[0])
            continue;
        unsigned flags = o->drive[i].flags | ((o->follow >> i) & 1u ? HOSTFS_MOUNT_FOLLOW : 0);
        int e = hostfs_mount(fs, i, dir, flags);
        if (e) {
            vdm_warn("--drive=%c=%s: %s", 'A' + i, dir, strerror(e));
            return false;
        }
    }
    for (int i = 0; i < HOSTFS_DRIVES; i++)
        if ((o->follow >> i) & 1u && !fs->drive[i].mounted) {
            vdm_warn("--follow-symlinks=%c: drive %c: is not mounted", 'A' + i, 'A' + i);
            return false;
        }
    return true;
}

/* --trace (any channel) starts with the drive table and the printer. */
static void trace_drives(const struct machine *m, const char *printer)
{
    const struct hostfs *fs = &m->dos->fs;
    for (int i = 0; i < HOSTFS_DRIVES; i++) {
        const struct hostfs_drive *d = &fs->drive[i];
        if (d->mounted)
            vdm_trace(m, ~0u, "drive %c: %s (%s%s)", 'A' + i, d->root, d->ro ? "ro" : "rw",
                      d->follow ? ", follows symlinks" : "");
    }
    vdm_trace(m, ~0u, "printer: %s", printer ? printer : "none, PRN output is discarded");
}

/* --printer: PRN and LPTn write to FILE (appended), or to the standard
 * input of CMD run by the shell when the value starts with '|'. */
static FILE *open_printer(const char *spec)
{
    return spec[0] == '|' ? popen(spec + 1, "w") : fopen(spec, "a");
}

/* Which signal asked vdm to stop (0: none). A handler gets no context
 * pointer, so this is the one file-scope variable vdm writes; the machine
 * reads it through m->stop_signal. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    if (!stop_signal)
        stop_signal = sig;
}

/* Signals that end the run early but cleanly: the run loop notices the
 * flag between slices (or wakes from its idle sleep), and main tears down
 * as on any other outcome, so DOS files are closed and the terminal is
 * restored. SIGPIPE keeps its default: DOS writes are unbuffered, so a
 * reader that went away loses nothing by vdm dying at once, the way
 * `yes | head -1` ends. A signal ignored when vdm starts (nohup, a
 * background job's SIGINT) stays ignored. The handler is good for one
 * signal: a second one kills vdm at once, the way out when the guest sits
 * in a host call the flag cannot interrupt (a read from a terminal). */
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };

static void catch_stop_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: the run loop's sleep returns at once with EINTR.
     * SA_RESETHAND: the next signal finds the default action. */
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++) {
        struct sigaction old;
        if (sigaction(stop_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(stop_signals[i], &sa, NULL);
    }
}

/* chdir() to the directory of `host_path` and make `host_path` name the
 * program from there. False, with one vdm: line, when that fails. */
static bool enter_program_dir(const char *prog_arg, char *host_path, size_t cap)
{
    char real[PATH_MAX];
    if (!realpath(host_path, real)) {
        vdm_warn("%s: %s", prog_arg, strerror(errno));
        return false;
    }
    char *slash = strrchr(real, '/');
    *slash = 0;
    if (chdir(real[0] ? real : "/") < 0) {
        vdm_warn("%s: cannot enter its directory %s: %s", prog_arg, real, strerror(errno));
        return false;
    }
    snprintf(host_path, cap, "./%s", slash + 1);
    return true;
}

extern char **environ;

int main(int argc, char **argv)
{
    struct options o = { .xms_kib = XMS_DEFAULT_KIB, .ems_kib = EMS_DEFAULT_KIB };
    /* Started by the kernel for ./PROG.EXE (binfmt_misc, see binfmt.h):
     * argv[1] is the program, never an option, so vdm's options are left
     * at their defaults and parsing starts at PROGRAM. */
    bool via_binfmt = binfmt_launched(argc, argv);
    int status = parse_options(via_binfmt ? 1 : argc, argv, &o);
    if (status >= 0)
        return status;
    if (o.list_backends)
        return list_backends();
    /* No PROGRAM: the interactive prompt of the built-in COMMAND.COM. */
    bool interactive = optind >= argc;
    const char *prog_arg = interactive ? "COMMAND.COM" : argv[optind];
    const struct cpu_backend *cpu = cpu_backend_find(o.backend);
    if (!cpu) {
        vdm_warn("unknown backend '%s' (see vdm --backends)", o.backend);
        return EXIT_VDM_FAILED;
    }
    const char *why = cpu->unavailable();
    if (why) {
        vdm_warn("backend %s is unavailable: %s", cpu->name, why);
        return EXIT_VDM_FAILED;
    }

    char host_path[PATH_MAX] = "";
    int e = interactive ? 0 : program_find(prog_arg, host_path, sizeof host_path);
    if (e) {
        if (e != ENOENT)
            vdm_warn("%s: %s", prog_arg, strerror(e));
        else if (program_has_ext(prog_arg, NULL))
            vdm_warn("%s: program not found", prog_arg);
        else
            vdm_warn("%s: program not found (also tried .COM, .EXE, .BAT)", prog_arg);
        return EXIT_NOT_FOUND;
    }
    /* --program-dir (the desktop entry's way: a double-clicked program
     * expects its data files beside it): work in the program's directory,
     * so it becomes drive C: and the program runs from C:\. */
    if (o.program_dir && !interactive && !enter_program_dir(prog_arg, host_path, sizeof host_path))
        return EXIT_VDM_FAILED;
    /* A batch file runs under the built-in COMMAND.COM with /C. */
    bool batch = !interactive && program_has_ext(host_path, "BAT");
    char tail[PSP_TAIL_MAX + 1] = "";
    if (!interactive &&
        program_build_tail(argc - optind - 1, argv + optind + 1, tail, PSP_TAIL_MAX) < 0) {
        vdm_warn("%s: command line too long for DOS (at most %d bytes)", prog_arg, PSP_TAIL_MAX);
        return EXIT_VDM_FAILED;
    }

    char **env = hostenv_build(environ, o.env, o.n_env);
    struct machine *m = machine_create();
    if (!env || !m) {
        vdm_warn("out of memory");
        hostenv_free(env);
        machine_destroy(m);
        return EXIT_VDM_FAILED;
    }
    m->program_name = prog_arg;
    m->trace = o.trace;
    m->timeout_s = o.timeout_s;
    m->cpu = cpu;

    status = EXIT_VDM_FAILED;
    char dos_path[HOSTFS_DOS_MAX];
    FILE *printer = NULL;
    char err[256] = "";
    bool cpu_up = false;
    struct display disp = { 0 };
    if (!hw_init(m) || !bios_init(m) || !mouse_init(m) || !dos_init(m) ||
        !dos_xms_init(m, o.xms_kib) || !dos_ems_init(m, o.ems_kib)) {
        vdm_warn("out of memory");
        goto out;
    }
    fault_init(m);
    if (o.codepage)
        m->dos->codepage = (uint16_t)o.codepage;
    if (!mount_drives(m, &o))
        goto out;
    char comspec[PATH_MAX];
    if (!cmd_mount_z(m, comspec, sizeof comspec) && (interactive || batch)) {
        vdm_warn("cannot set up drive Z: for the built-in COMMAND.COM");
        goto out;
    }
    if (!interactive && !program_dos_path(m, host_path, dos_path, sizeof dos_path)) {
        vdm_warn("%s: cannot make a DOS path for the program", prog_arg);
        goto out;
    }
    if (batch) {
        char cmd_tail[PSP_TAIL_MAX + 1];
        /* The full DOS path, so that a name such as ECHO.BAT or IF.BAT is
         * not taken for an internal command; it is also %0. */
        if ((size_t)snprintf(cmd_tail, sizeof cmd_tail, " /C %s%s", dos_path, tail) >=
            sizeof cmd_tail) {
            vdm_warn("%s: command line too long for DOS (at most %d bytes)", prog_arg,
                     PSP_TAIL_MAX);
            goto out;
        }
        memcpy(tail, cmd_tail, sizeof tail);
    }
    if (interactive || batch) {
        snprintf(host_path, sizeof host_path, "%s", comspec);
        snprintf(dos_path, sizeof dos_path, "%s", CMD_COMSPEC);
    }
    if (o.printer) {
        printer = open_printer(o.printer);
        if (!printer) {
            vdm_warn("--printer=%s: %s", o.printer, strerror(errno));
            goto out;
        }
        setvbuf(printer, NULL, _IONBF, 0);
        dos_set_printer(m, fileno(printer));
    }
    trace_drives(m, o.printer);
    rom_install_ivt(m);

    struct dos_start st = { host_path, dos_path, tail, (const char *const *)env };
    switch (dos_start_program(m, &st, err, sizeof err)) {
    case DOS_LOAD_OK:
        break;
    case DOS_LOAD_NOT_FOUND:
        vdm_warn("%s: %s", prog_arg, err);
        status = EXIT_NOT_FOUND;
        goto out;
    case DOS_LOAD_BAD_PROGRAM:
        vdm_warn("%s: cannot run: %s", prog_arg, err);
        status = EXIT_CANNOT_RUN;
        goto out;
    case DOS_LOAD_HOST_ERROR:
        vdm_warn("%s: %s", prog_arg, err);
        goto out;
    }
    if (!cpu->create(m)) {
        vdm_warn("cannot start the %s backend", cpu->name);
        goto out;
    }
    cpu_up = true;

    disp.screen_dump = o.screen_dump;
    disp.screenshot = o.screenshot;
    if (!display_init(m, &disp, display_resolve(o.display_kind), err, sizeof err)) {
        vdm_warn("%s", err);
        goto out;
    }
    m->stop_signal = &stop_signal;
    catch_stop_signals();
    int outcome = run_machine(m);
    /* The terminal is restored before any "vdm:" line is printed. */
    bool disp_ok = display_fini(m);
    switch (outcome) {
    case RUN_EXITED:
        status = disp_ok ? m->exit_code : EXIT_VDM_FAILED;
        break;
    case RUN_TIMEOUT:
        vdm_warn("%s: timed out (--timeout=%g)", prog_arg, o.timeout_s);
        status = EXIT_TIMEOUT;
        break;
    case RUN_CRASHED:
        vdm_warn("%s: %s at %04X:%04X", prog_arg, m->crash.what, m->crash.cs, m->crash.ip);
        status = EXIT_VDM_FAILED;
        break;
    case RUN_SIGNALLED:
        vdm_warn("%s: stopped by signal %d (%s)", prog_arg, (int)stop_signal,
                 strsignal(stop_signal));
        status = EXIT_SIGNAL_BASE + stop_signal;
        break;
    default:
        vdm_warn("%s: internal error: %s", prog_arg, m->crash.what);
        status = EXIT_VDM_FAILED;
        break;
    }
out:
    /* The same teardown on every path: terminal restored, DOS files
     * closed, host memory released. */
    display_fini(m);
    dos_destroy(m);
    if (cpu_up)
        cpu->destroy(m);
    bios_destroy(m);
    mouse_destroy(m);
    machine_destroy(m);
    hostenv_free(env);
    if (printer)
        o.printer[0] == '|' ? (void)pclose(printer) : (void)fclose(printer);
    return status;
}
