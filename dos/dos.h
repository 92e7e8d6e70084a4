/*
 * The DOS kernel: its state, its entry points for vdm/main.c, and the
 * helpers every INT 21h function uses to return to its caller.
 *
 * One struct dos_state per machine (m->dos). The kernel reaches files only
 * through hostfs/ and the CPU only through m->r and vdm/mem.h.
 */
#ifndef VDM_DOS_DOS_H
#define VDM_DOS_DOS_H

#include <stdbool.h>
#include <stdint.h>

#include "dos/errors.h"
#include "hostfs/hostfs.h"
#include "vdm/cpu.h"

struct machine;
struct cmd_shell;

/* The version INT 21h/30h reports: MS-DOS 5.0. */
#define DOS_VERSION_MAJOR 5
#define DOS_VERSION_MINOR 0

/* System file table: one entry per open file or device, shared by every
 * handle that refers to it (dup, EXEC inheritance), as in MS-DOS. */
#define DOS_SFT_SIZE 100

enum dos_dev {
    DOS_DEV_NONE = 0, /* a disk file */
    DOS_DEV_CON,      /* console: host stdin/stdout */
    DOS_DEV_NUL,
    DOS_DEV_STDERR,   /* host stderr (DOS handle 2 at start-up) */
    DOS_DEV_AUX,      /* AUX, COM1-COM4: no host port yet, discards */
    DOS_DEV_PRN,      /* PRN, LPT1-LPT3: --printer's fd, else discards */
    DOS_DEV_CLOCK,    /* CLOCK$: discards for now */
    DOS_DEV_EMM,      /* EMMXXXX0, the EMS driver's name (dos/ems.c) */
};

struct dos_sft_entry {
    int refs;            /* handles (in any PSP) referring here; 0 = free */
    int host_fd;         /* host file descriptor, -1 for NUL */
    bool own_fd;         /* close host_fd when the last handle goes */
    enum dos_dev dev;
    uint8_t mode;        /* open mode byte as given to 3Dh (access+sharing) */
    uint8_t attr;        /* DOS attribute the file was created/opened with */
    bool eof_seen;       /* a read of the host stream returned 0 (IOCTL 4406h) */
    uint32_t pos;        /* file position (disk files; shared by dup'ed
                            handles as in MS-DOS); DOS positions are 32-bit */
    uint8_t drive;       /* disk files: the drive (0 = A:), for IOCTL 4400h */
    bool written;        /* disk files: written since opened (IOCTL 4400h) */
    bool raw;            /* devices: raw (binary) mode, IOCTL 4401h bit 5 */
    char name[13];       /* 8.3 name for diagnostics */
    bool time_set;       /* 57h set a time: stamped on the host at close */
    uint16_t set_date, set_time; /* ... the packed DOS date and time */
    uint16_t fcb_owner;  /* opened by FCB (dos/fcb.c): the opener's PSP,
                            whose termination closes it; 0 = a handle's */
};

/* Return code of the last child, for INT 21h/4Dh (AL code, AH type). */
enum dos_term_type {
    DOS_TERM_NORMAL = 0,
    DOS_TERM_CTRL_C = 1,
    DOS_TERM_CRIT_ERR = 2,
    DOS_TERM_TSR = 3,
};

/* A parent suspended in EXEC: its registers at the INT 21h/4B00h call,
 * restored when the child terminates. */
#define DOS_MAX_NEST 16

struct dos_exec_frame {
    uint16_t psp;           /* the parent's PSP */
    struct cpu_regs regs;   /* SS:SP point at its INT 21h frame */
    uint16_t dta_seg, dta_off; /* the parent's DTA, given back on return */
};

/* Record locks taken through INT 21h/5Ch, so an unlock can be checked
 * against them as MS-DOS does (the host keeps the locks themselves). */
#define DOS_MAX_LOCKS 64

struct dos_lock_rec {
    bool used;
    uint8_t sft;             /* the SFT entry (open) that holds it */
    uint32_t start, len;
};

/* Find first/next searches in progress (the DTA holds an index here). */
#define DOS_MAX_SEARCHES 64

/* Console line input from the BIOS keyboard (dos/console.c), kept across
 * the waits for the next key: INT 21h/0Ah and a CON read by 3Fh. */
#define DOS_CON_LINE_MAX 128 /* MS-DOS's CON line for 3Fh, CR included */
enum dos_con_editor { DOS_CON_EDIT_NONE, DOS_CON_EDIT_LINE, DOS_CON_EDIT_HANDLE };
struct dos_con_edit {
    enum dos_con_editor owner; /* the call editing a line, if any */
    uint32_t buf_lin;          /* 0Ah: the caller's buffer */
    uint8_t max;               /* characters the line takes, CR included */
    uint8_t n;                 /* typed so far */
    uint8_t text[256];
    uint8_t tmpl[256];         /* the template F3 copies from */
    uint8_t tmpl_n, tmpl_pos;
    uint8_t last[DOS_CON_LINE_MAX]; /* 3Fh: the previous line (template) */
    uint8_t last_n;
    uint8_t out[DOS_CON_LINE_MAX + 1]; /* 3Fh: line + CR LF not yet read */
    uint8_t out_n, out_pos;
};

struct dos_state {
    uint16_t first_mcb;       /* segment of the first memory control block */
    uint16_t cur_psp;         /* PSP of the running program */
    uint16_t root_psp;        /* the top-level program's PSP: terminating
                                 it ends vdm */
    uint16_t dta_seg, dta_off;
    uint8_t cur_drive;        /* 0 = A: */
    bool break_flag;          /* INT 21h/33h: check Ctrl-C on every call */
    bool verify_flag;
    uint8_t alloc_strategy;   /* INT 21h/58h */
    uint8_t umb_linked;       /* INT 21h/5802h: UMBs in the chain (0/1) */
    uint16_t country;         /* INT 21h/38h: country code (1 = USA) */
    uint16_t codepage;        /* INT 21h/66h: system code page (437, or
                                 --codepage); 0 until the tables are built */
    uint16_t codepage_active; /* INT 21h/6602h: the one programs chose */
    uint16_t last_retcode;    /* INT 21h/4Dh: AH type, AL code */

    /* Last error, for INT 21h/59h. */
    uint16_t ext_error;
    uint8_t ext_class, ext_action, ext_locus;

    struct dos_sft_entry sft[DOS_SFT_SIZE];
    struct dos_lock_rec locks[DOS_MAX_LOCKS];
    struct hostfs fs;         /* the drives */
    struct hostfs_search searches[DOS_MAX_SEARCHES];
    unsigned long next_search; /* find first/next clock: each search is
                                  stamped when used, the least recently
                                  used slot is reused (dir.c) */

    struct cpu_regs call_regs; /* registers at entry to the INT 21h call
                                  now running (Ctrl-C restarts it) */

    struct dos_exec_frame exec_stack[DOS_MAX_NEST];
    unsigned exec_depth;

    int con_pending;          /* 01h/06h/07h/08h: a byte read ahead, or -1 */
    bool con_skip_lf;         /* 0Ah: the last line ended on CR, so a LF
                                 right after it is part of that line end */
    bool con_resume;          /* a console read sent the guest to the ROM
                                 wait and is being called again */
    struct dos_con_edit con_edit;
    struct dos_xms *xms;      /* XMS driver (dos/xms.c); NULL: --xms=0 */
    struct dos_ems *ems;      /* EMS driver (dos/ems.c); NULL: --ems=0 */
    struct dos_lfn *lfn;      /* long-name find handles (dos/lfn.c), lazily */
    int printer_fd;           /* --printer's fd for PRN/LPTn, or -1 */
    int64_t clock_offset_cs;  /* 2Bh/2Dh: hundredths of a second added to
                                 the host clock (the host's is never set) */
    struct cmd_shell *cmd;    /* the built-in COMMAND.COM (dos/cmd.h) */
};

/* ---- Entry points for vdm/main.c ---------------------------------------- */

/* What the host asks the DOS kernel to run. */
struct dos_start {
    const char *host_path;     /* the program file on the host */
    const char *dos_path;      /* its full DOS path, for the environment */
    const char *tail;          /* command tail (already joined), <= 126 bytes */
    const char *const *env;    /* "NAME=VALUE" strings, NULL-terminated */
};

/* Outcome of loading the top-level program. */
enum dos_load_result {
    DOS_LOAD_OK = 0,
    DOS_LOAD_NOT_FOUND,   /* 127 */
    DOS_LOAD_BAD_PROGRAM, /* 126: not a valid .COM/.EXE, or too large */
    DOS_LOAD_HOST_ERROR,  /* 125 */
};

/* Attach a DOS kernel to m: memory arena, SFT with handles 0-2 on the
 * host's fds 0-2, INT 20h-2Fh handlers. False on host allocation failure. */
bool dos_init(struct machine *m);

/* Load the program as the root process and point the CPU at it. On failure
 * `err` holds a one-line reason. */
enum dos_load_result dos_start_program(struct machine *m, const struct dos_start *st,
                                       char *err, size_t errcap);

/* Close every DOS file (flushing host data); safe after any outcome. */
void dos_shutdown(struct machine *m);
void dos_destroy(struct machine *m);

/* --printer: PRN and LPT1-3 write to host fd `fd` (which vdm/main.c owns);
 * without it they discard. */
void dos_set_printer(struct machine *m, int fd);

/* ---- Helpers for INT 21h functions --------------------------------------- */

/* Succeed: clear CF in the caller's flags. */
void dos_ok(struct machine *m);

/* Fail: set CF, AX = code, and remember it for INT 21h/59h. */
void dos_fail(struct machine *m, enum dos_error code);

/* The drives that are mounted, bit 0 = A: (for the FCB parser's "valid
 * drive" answers). */
uint32_t dos_drive_mask(const struct machine *m);

/* Remember an error for INT 21h/59h without touching registers (for the
 * FCB and console functions that report through AL). */
void dos_set_ext_error(struct machine *m, enum dos_error code);

/* One INT 21h function: its name (for --trace=dos) and its body. */
struct dos_fn {
    const char *name;
    void (*fn)(struct machine *m);
};

#endif
