/*
 * COMMAND.COM internals shared by the dos/cmd_*.c files: the parser's
 * data (pure: no machine needed, so the unit tests drive it directly),
 * the per-process interpreter state, and the helpers the built-in
 * commands use.
 */
#ifndef VDM_DOS_CMD_INT_H
#define VDM_DOS_CMD_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hostfs/hostfs.h"

struct machine;

/* ---- Parsing (cmd_parse.c): pure string functions ------------------------ */

#define CMD_LINE_MAX 256      /* a command line after % expansion (DOS keeps
                                 127 typed characters; expansion may grow it) */
#define CMD_MAX_PIPE 8        /* commands joined by | on one line */
#define CMD_MAX_ARGS 64       /* batch parameters %0, %1, ... (SHIFT reaches
                                 past %9) */
#define CMD_PATH_MAX HOSTFS_DOS_MAX

/* One command of a pipeline with its redirections (MS-DOS 6.22 applies the
 * last < and the last > or >> given). */
struct cmd_segment {
    char text[CMD_LINE_MAX];  /* the command with redirections removed */
    char in[CMD_PATH_MAX];    /* "" = not redirected */
    char out[CMD_PATH_MAX];
    bool append;              /* >> rather than > */
};

struct cmd_pipeline {
    int n;
    struct cmd_segment seg[CMD_MAX_PIPE];
};

enum cmd_parse_error {
    CMD_PARSE_OK = 0,
    CMD_PARSE_SYNTAX,         /* "Syntax error": empty pipe side, < > without
                                 a file name */
    CMD_PARSE_TOO_LONG,
};

/* Split `line` at | and take out its < > >> redirections. Redirection and
 * pipe characters inside double quotes are text (MS-DOS 6.22 behaviour;
 * see cmd_parse.c). */
enum cmd_parse_error cmd_parse_pipeline(const char *line, struct cmd_pipeline *p);

/* Variable lookup for % expansion: copies the value of `name` (any case)
 * into out and returns true, or false when the variable is not set. */
typedef bool (*cmd_lookup_fn)(void *ctx, const char *name, char *out, size_t cap);

struct cmd_expand_ctx {
    const char *const *args;  /* %0 .. : args[shift + n] */
    int nargs;
    int shift;
    cmd_lookup_fn lookup;
    void *lookup_ctx;
};

/* Batch-file % expansion (MS-DOS 6.22): %0-%9 from the parameters, %% to
 * %, %NAME% to the variable's value (empty when unset), a % with no
 * closing % dropped. Returns false when the result does not fit. */
bool cmd_expand(const char *in, const struct cmd_expand_ctx *x, char *out, size_t cap);

/* Characters that end a command name or separate parameters. */
bool cmd_is_delim(char c);
/* Skip blanks and parameter separators (space, tab, ',', ';', '='). */
const char *cmd_skip_delims(const char *s);

/* Split a command into its verb (upper-cased, into name) and the rest
 * (`*rest` points into s just after the verb). The verb ends at a blank,
 * a separator, '/', '+', '"', '<', '>', '|'. */
void cmd_split_verb(const char *s, char *name, size_t cap, const char **rest);

/* The internal command that `s` starts with, by the MS-DOS rule that an
 * internal name also ends at '.', '\\', ':' and '/' (ECHO., CD\, CD..,
 * DIR/W). Returns the table index or -1; `*rest` points past the name. */
int cmd_find_internal(const char *s, const char **rest);

/* Split a parameter string into words at blanks and separators (MS-DOS
 * 6.22 does not group quoted words). Returns the word count (at most
 * max); words are copied into buf (cap bytes). */
int cmd_split_words(const char *s, char **words, int max, char *buf, size_t cap);

/* Parse "FOR %%V IN (set) DO command" (after the verb). `pct` is "%%" in
 * a batch file after expansion has turned it into "%", so the variable
 * is written %V either way. Returns false on a syntax error. */
struct cmd_for_spec {
    char var;
    char set[CMD_LINE_MAX];
    char cmd[CMD_LINE_MAX];
};
bool cmd_parse_for(const char *rest, struct cmd_for_spec *f);

/* Replace %V in `tmpl` by `item`. */
bool cmd_for_subst(const char *tmpl, char var, const char *item, char *out, size_t cap);

/* IF: parse "[NOT] ERRORLEVEL n cmd", "[NOT] EXIST file cmd",
 * "[NOT] a==b cmd". */
enum cmd_if_kind { CMD_IF_ERRORLEVEL, CMD_IF_EXIST, CMD_IF_STRING };
struct cmd_if_spec {
    enum cmd_if_kind kind;
    bool negate;
    unsigned level;           /* ERRORLEVEL */
    char a[CMD_LINE_MAX], b[CMD_LINE_MAX]; /* EXIST: a = file; strings */
    const char *cmd;          /* points into the parsed text */
};
bool cmd_parse_if(const char *rest, struct cmd_if_spec *f);

/* Thousands separators: 1234567 -> "1,234,567". */
void cmd_commas(uint64_t v, char *out, size_t cap);

/* A batch line's label name (":LABEL rest"): true and the name, upper-case,
 * up to 8 characters, when the line is a label. */
bool cmd_line_label(const char *line, char *name, size_t cap);

/* ---- The interpreter state (cmd_shell.c) ---------------------------------- */

/* A FOR loop in progress: one item per interpreter step. */
struct cmd_for {
    bool active;
    char var;
    char **items;
    int n, next;
    char cmd[CMD_LINE_MAX];
};

/* One running batch file. A CALL pushes a new one; running a batch file
 * without CALL replaces the current one (MS-DOS "chaining"). */
struct cmd_batch {
    char path[CMD_PATH_MAX];  /* DOS path; reopened for every line, as
                                 COMMAND.COM does */
    uint32_t pos;             /* offset of the next line */
    char *args[CMD_MAX_ARGS]; /* %0 = the name as typed, then parameters */
    int nargs;
    int shift;
    struct cmd_batch *up;     /* the batch file that CALLed this one */
    struct cmd_for caller_loop; /* the caller's FOR, resumed on return */
};

/* What a step of the interpreter did. */
enum cmd_step {
    CMD_STEP_NEXT,            /* ran (or skipped) something; trap again */
    CMD_STEP_EXEC,            /* a child was started; resume on its exit */
    CMD_STEP_EXIT,            /* the interpreter ends (code in exit_code) */
};

/* Saved standard handles while a command runs redirected. */
struct cmd_redir_save {
    bool active;
    int saved[2];             /* duplicate of handles 0 and 1, or -1 */
};

/* One COMMAND.COM process. */
struct cmd_inst {
    uint16_t psp;
    struct cmd_inst *next;

    bool single;              /* /C: run one command and end */
    bool pending;             /* the /C or /K command not yet taken */
    char pending_line[CMD_LINE_MAX];

    bool echo;                /* ECHO ON/OFF (one state for all batch files) */
    uint8_t errorlevel;
    int exit_code;            /* EXIT n, else the last ERRORLEVEL */
    bool exec_pending;        /* a child runs; its end is the next trap */
    bool blank_line;          /* print a blank line before the next prompt */
    bool echo_input;          /* stdin is not a terminal: echo typed lines */

    struct cmd_batch *batch;
    struct cmd_for loop;
    struct cmd_pipeline pipe; /* the line being run */
    int pipe_next;            /* next segment to start */
    char pipe_tmp[2][CMD_PATH_MAX]; /* temp files between segments */
    struct cmd_redir_save redir;
    bool seg_running;         /* a segment's redirection is in place */
};

/* The private vector the COMMAND.COM image traps through (cmd_image.c):
 * INT 2Bh, which MS-DOS reserves and points at an IRET (RBIL INT 2B), so
 * no program relies on it. (A vector of 80h or above would be freer, but
 * the KVM backend on hosts without unrestricted guest hangs on INT n for
 * n >= 80h, seen on this project's machines.) The handler only answers
 * the image itself: CS = the current PSP, the return address right after
 * the image's INT, and the image's bytes at CS:0100h. */
#define CMD_TRAP_VECTOR 0x2B
#define CMD_TRAP_RET 0x0107     /* IP after the image's INT instruction */

/* The image's code (cmd_image.c), for the caller check. */
bool cmd_image_at(struct machine *m, uint16_t seg);
/* The stub's AX at the trap. */
#define CMD_TRAP_START 0
#define CMD_TRAP_STEP 1

void cmd_unmount_z(struct machine *m);

#define CMD_HIST_MAX 64   /* lines the prompt's history keeps */

struct cmd_shell {
    struct cmd_inst *list;
    char *hist[CMD_HIST_MAX]; /* the interactive prompt's history, oldest
                                 first (cmd_edit.c) */
    int nhist;
    char zdir[HOSTFS_HOST_MAX];  /* host temp dir behind Z:, or "" */
};

/* ---- Output and guest calls (cmd_sys.c) ----------------------------------- */

/* Scratch layout inside the COMMAND.COM segment (see cmd_image.c). */
#define CMD_SCR_PATH1 0x0200u
#define CMD_SCR_PATH2 0x0280u
#define CMD_SCR_EPB 0x0300u
#define CMD_SCR_TAIL 0x0320u
#define CMD_SCR_FCB1 0x03A0u
#define CMD_SCR_FCB2 0x03C0u
#define CMD_SCR_BUF 0x0400u
#define CMD_SCR_BUF_SIZE 0x1000u
#define CMD_STACK_TOP 0x2000u
#define CMD_MEM_PARAS 0x0200u   /* the block COMMAND.COM shrinks itself to */

void cmd_write(struct machine *m, const char *s, size_t n);
void cmd_puts(struct machine *m, const char *s);
void cmd_printf(struct machine *m, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* INT 21h on behalf of the interpreter: AH..DX as given, DS = ES = the
 * interpreter's segment. Returns 0 and the result registers in *r
 * (may be NULL), or the DOS error code when CF came back set. */
struct cmd_regs {
    uint16_t ax, bx, cx, dx, si, di;
};
int cmd_int21(struct machine *m, struct cmd_regs *r);

/* Handle wrappers (DOS paths go through the scratch buffer). */
int cmd_open(struct machine *m, const char *path, uint8_t mode);   /* >=0 or -err */
int cmd_create(struct machine *m, const char *path, uint16_t attr);
int cmd_close(struct machine *m, int h);
long cmd_read(struct machine *m, int h, void *buf, uint32_t n);
long cmd_hwrite(struct machine *m, int h, const void *buf, uint32_t n);
long cmd_seek_end(struct machine *m, int h);
int cmd_dup(struct machine *m, int h);
int cmd_dup2(struct machine *m, int h, int to);
int cmd_path_call(struct machine *m, uint8_t ah, const char *path); /* 39h-3Bh, 41h */
int cmd_rename(struct machine *m, const char *from, const char *to);
bool cmd_is_device(struct machine *m, int h);
/* Read one line from standard input (no CR/LF kept); false at EOF with
 * nothing read. */
bool cmd_read_line(struct machine *m, char *buf, size_t cap);
/* Read an answer line typed at a question (DEL *.*, DATE, TIME) and echo
 * it when standard input is not a terminal (a terminal echoes itself), so
 * a transcript reads as it would on screen. False at end of input. */
bool cmd_read_answer(struct machine *m, char *buf, size_t cap);
/* Read a command line at the prompt from a terminal, with editing and
 * history (cmd_edit.c); false at end of input. */
bool cmd_edit_line(struct machine *m, const char *prompt, char *buf, size_t cap);
/* Read one key from standard input; -1 at end of input. */
int cmd_read_key(struct machine *m);

/* ---- Interpreter services the built-ins use (cmd_shell.c) ----------------- */

struct cmd_inst *cmd_current(struct machine *m);
bool cmd_env_get(struct machine *m, struct cmd_inst *in, const char *name, char *out,
                 size_t cap);
/* Set (value non-empty) or remove a variable. False: out of environment
 * space (the message is the caller's). */
bool cmd_env_set(struct machine *m, struct cmd_inst *in, const char *name,
                 const char *value);
/* Move the environment to a block of `want` bytes (at least its strings
 * plus 256) so SET has room (cmd_env.c). */
void cmd_env_grow(struct machine *m, struct cmd_inst *in, uint32_t want);
/* Print the environment, one NAME=VALUE per line. */
void cmd_env_print(struct machine *m, struct cmd_inst *in);
/* Expand PROMPT codes for the current state into out. */
void cmd_prompt_text(struct machine *m, struct cmd_inst *in, char *out, size_t cap);
/* The current directory of `drive` as "C:\DIR". */
void cmd_cwd(struct machine *m, int drive, char *out, size_t cap);
/* Pause: "Press any key to continue . . ." and a key. */
void cmd_pause(struct machine *m);
/* Run `line` as a command of its own (FOR bodies, IF, CALL). */
enum cmd_step cmd_run_simple(struct machine *m, struct cmd_inst *in, const char *line,
                             bool call);
/* Begin a batch file (CALL pushes, otherwise replaces the current one). */
void cmd_batch_start(struct cmd_inst *in, const char *dos_path, const char *args_text,
                     const char *name_typed, bool call);
void cmd_batch_pop(struct cmd_inst *in);
void cmd_batch_clear(struct cmd_inst *in);
void cmd_for_clear(struct cmd_inst *in);
/* Next line of the current batch file (CRLF or LF, ^Z ends the file);
 * false at its end. */
bool cmd_batch_next_line(struct machine *m, struct cmd_inst *in, char *line, size_t cap);
/* GOTO: search the whole file from the top. False: label not found. */
bool cmd_batch_goto(struct machine *m, struct cmd_inst *in, const char *label);

/* ---- Built-in commands (cmd_builtin_file.c, cmd_builtin_misc.c, cmd_dir.c) ----------------------- */

typedef enum cmd_step (*cmd_builtin_fn)(struct machine *m, struct cmd_inst *in,
                                         const char *args);
struct cmd_builtin {
    const char *name;
    cmd_builtin_fn fn;
};
extern const struct cmd_builtin cmd_builtins[];
extern const size_t cmd_n_builtins;

enum cmd_step cmd_bi_dir(struct machine *m, struct cmd_inst *in, const char *args);
/* cmd_builtin_file.c */
enum cmd_step cmd_bi_cd(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_md(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_rd(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_del(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_ren(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_type(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_copy(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_move(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_truename(struct machine *m, struct cmd_inst *in, const char *args);
/* cmd_builtin_misc.c */
enum cmd_step cmd_bi_echo(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_set(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_path(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_prompt(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_ver(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_verify(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_vol(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_cls(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_date(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_time(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_exit(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_rem(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_pause(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_choice(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_lh(struct machine *m, struct cmd_inst *in, const char *args);
/* cmd_batch.c */
enum cmd_step cmd_bi_goto(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_shift(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_call(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_if(struct machine *m, struct cmd_inst *in, const char *args);
enum cmd_step cmd_bi_for(struct machine *m, struct cmd_inst *in, const char *args);

/* Volume line shared by DIR and VOL. */
void cmd_print_volume(struct machine *m, int drive);
/* Drive a path names ("D:..." or the current one), or -1 if invalid. */
int cmd_path_drive(struct machine *m, const char *path);
/* "Invalid drive specification" etc. by DOS error code. */
const char *cmd_error_text(int err);

#endif
