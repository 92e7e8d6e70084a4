/*
 * COMMAND.COM's process glue: one interpreter per COMMAND.COM process
 * (keyed by its PSP), the trap that drives it, EXEC of external programs,
 * redirection and pipes, the environment block, and INT 2Eh.
 *
 * States of one interpreter, one transition per trap (so the run loop sees
 * --timeout and timer ticks between commands, even in "GOTO" loops):
 *   start   (trap AX=0): parse /C /K /E, shrink to CMD_MEM_PARAS, give
 *           the environment room for SET, -> idle
 *   idle    take the next line: the /C or /K command, else the current
 *           batch file's next line, else (/C) exit, else the prompt;
 *           parse it into a pipeline -> running
 *   running start the next segment: its redirections go onto handles 0
 *           and 1 of the COMMAND.COM PSP (children inherit them), then
 *           a built-in runs at once, or EXEC starts a child -> waiting;
 *           a FOR takes one step per item, its DO command parsed as a line
 *   waiting (the child ended, trap AX=1): ERRORLEVEL from INT 21h/4Dh,
 *           "Terminate batch job (Y/N)?" after a Ctrl-C end, handles put
 *           back -> running or idle
 *   exit    EXIT, end of /C, end of input: the process terminates with
 *           the last ERRORLEVEL (or EXIT n) as its return code.
 * Invariants: redir.active only while seg_running; a pipe's temporary
 * files are deleted when the segment reading them ends.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dos/cmd.h"
#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "dos/exec.h"
#include "dos/handle.h"
#include "dos/mem.h"
#include "dos/psp.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define CMD_ENV_DEFAULT 1024u   /* bytes of environment (MS-DOS /E: default is
                                   256; vdm gives more, as DOS=HIGH setups did) */
#define EXEC_LOAD_AND_RUN 0x4B00u
#define F_GET_RETCODE 0x4D00u
#define F_SELECT_DISK 0x0E
#define F_GET_DISK 0x19
#define OPEN_READ 0x00
#define OPEN_WRITE 0x01
/* EXEC parameter block (RBIL INT 21/AH=4Bh, #01590). */
#define EPB_ENV 0x00
#define EPB_TAIL 0x02
#define EPB_FCB1 0x06
#define EPB_FCB2 0x0A
#define FCB_NAME_LEN 11
#define INT2E_SCRATCH 0x180u    /* bytes below the caller's SP used by INT 2Eh */

struct cmd_inst *cmd_current(struct machine *m)
{
    struct cmd_shell *sh = m->dos->cmd;
    for (struct cmd_inst *in = sh ? sh->list : NULL; in; in = in->next)
        if (in->psp == m->dos->cur_psp)
            return in;
    return NULL;
}

/* ---- Redirection and pipes ---------------------------------------------- */

static void redir_restore(struct machine *m, struct cmd_inst *in)
{
    if (!in->redir.active)
        return;
    for (int h = 0; h < 2; h++)
        if (in->redir.saved[h] >= 0) {
            cmd_dup2(m, in->redir.saved[h], h);
            cmd_close(m, in->redir.saved[h]);
            in->redir.saved[h] = -1;
        }
    in->redir.active = false;
}

/* Point handle h at `file` (opened for reading, or created / appended). */
static int redir_one(struct machine *m, struct cmd_inst *in, int h, const char *file,
                     bool append)
{
    int fd;
    if (h == DOS_STDIN) {
        fd = cmd_open(m, file, OPEN_READ);
    } else {
        fd = append ? cmd_open(m, file, OPEN_WRITE) : -DOS_ERR_FILE_NOT_FOUND;
        if (fd >= 0)
            cmd_seek_end(m, fd);
        else
            fd = cmd_create(m, file, 0);
    }
    if (fd < 0)
        return -fd;
    in->redir.saved[h] = cmd_dup(m, h);
    cmd_dup2(m, fd, h);
    cmd_close(m, fd);
    in->redir.active = true;
    return 0;
}

/* The temporary file between segments i and i+1 (in TEMP, as COMMAND.COM
 * puts them; else the current directory). */
static void pipe_name(struct machine *m, struct cmd_inst *in, int i, char *out, size_t cap)
{
    char dir[CMD_PATH_MAX];
    if (!cmd_env_get(m, in, "TEMP", dir, sizeof dir) || !dir[0])
        dir[0] = 0;
    size_t l = strlen(dir);
    if (snprintf(out, cap, "%s%s%%PI%04X%d.$$$", dir,
                 l && dir[l - 1] != '\\' && dir[l - 1] != ':' ? "\\" : "", in->psp,
                 i) >= (int)cap)
        snprintf(out, cap, "%%PI%04X%d.$$$", in->psp, i);
}

static void finish_segment(struct machine *m, struct cmd_inst *in)
{
    if (!in->seg_running)
        return;
    redir_restore(m, in);
    int i = in->pipe_next - 1;
    if (i > 0)
        cmd_path_call(m, 0x41, in->pipe_tmp[(i - 1) % 2]);
    in->seg_running = false;
}

static void abandon_line(struct machine *m, struct cmd_inst *in)
{
    finish_segment(m, in);
    int i = in->pipe_next - 1;
    if (i >= 0 && i < in->pipe.n - 1)
        cmd_path_call(m, 0x41, in->pipe_tmp[i % 2]);
    in->pipe_next = in->pipe.n;
}

static enum cmd_step start_segment(struct machine *m, struct cmd_inst *in)
{
    int i = in->pipe_next++;
    struct cmd_segment *seg = &in->pipe.seg[i];
    in->redir.saved[0] = in->redir.saved[1] = -1;
    in->seg_running = true;
    if (i < in->pipe.n - 1)
        pipe_name(m, in, i, in->pipe_tmp[i % 2], sizeof in->pipe_tmp[0]);
    const char *inf = seg->in[0] ? seg->in : i > 0 ? in->pipe_tmp[(i - 1) % 2] : NULL;
    const char *outf = seg->out[0] ? seg->out : i < in->pipe.n - 1 ? in->pipe_tmp[i % 2] : NULL;
    if (inf && redir_one(m, in, DOS_STDIN, inf, false)) {
        cmd_puts(m, "File not found\r\n");
        abandon_line(m, in);
        return CMD_STEP_NEXT;
    }
    if (outf && redir_one(m, in, DOS_STDOUT, outf, seg->out[0] && seg->append)) {
        redir_restore(m, in);
        cmd_puts(m, "File creation error\r\n");
        abandon_line(m, in);
        return CMD_STEP_NEXT;
    }
    enum cmd_step st = cmd_run_simple(m, in, seg->text, false);
    if (st == CMD_STEP_NEXT)
        finish_segment(m, in);
    return st;
}

/* ---- Running one command ------------------------------------------------ */

/* Fill an unopened FCB from the first file name in s (drive, name and
 * extension, '*' padded with '?'), as COMMAND.COM does for children that
 * read their parameters from PSP:5Ch/6Ch. Returns the end of the word. */
static const char *fcb_fill(uint8_t *fcb, const char *s)
{
    memset(fcb, 0, 16);
    memset(fcb + 1, ' ', FCB_NAME_LEN);
    s = cmd_skip_delims(s);
    while (*s == '/') { /* switches are not file names */
        s++;
        while (*s && !cmd_is_delim(*s) && *s != '/')
            s++;
        s = cmd_skip_delims(s);
    }
    if (isalpha((unsigned char)s[0]) && s[1] == ':') {
        fcb[0] = (uint8_t)(toupper((unsigned char)s[0]) - 'A' + 1);
        s += 2;
    }
    int pos = 1, end = 9;
    for (; *s && !cmd_is_delim(*s) && *s != '/'; s++) {
        if (*s == '.') {
            pos = 9;
            end = 12;
            continue;
        }
        if (*s == '*') {
            while (pos < end)
                fcb[pos++] = '?';
            continue;
        }
        if (pos < end)
            fcb[pos++] = (uint8_t)toupper((unsigned char)*s);
    }
    return s;
}

static const char *exec_error_text(int err)
{
    switch (err) {
    case DOS_ERR_INSUFFICIENT_MEMORY: return "Program too big to fit in memory";
    case DOS_ERR_ACCESS_DENIED: return "Access denied";
    default: return "Bad command or file name";
    }
}

/* Start `dos_path` with command tail `tail` as a child of the interpreter. */
static enum cmd_step exec_program(struct machine *m, struct cmd_inst *in, const char *dos_path,
                                  const char *tail)
{
    uint16_t seg = in->psp;
    size_t tl = strlen(tail);
    if (tl > PSP_TAIL_MAX)
        tl = PSP_TAIL_MAX;
    uint8_t t[PSP_TAIL_MAX + 2];
    t[0] = (uint8_t)tl;
    memcpy(t + 1, tail, tl);
    t[tl + 1] = '\r';
    mem_write(m, mem_lin(seg, CMD_SCR_TAIL), t, tl + 2);
    uint8_t f1[16], f2[16];
    fcb_fill(f2, fcb_fill(f1, tail));
    mem_write(m, mem_lin(seg, CMD_SCR_FCB1), f1, sizeof f1);
    mem_write(m, mem_lin(seg, CMD_SCR_FCB2), f2, sizeof f2);
    uint32_t epb = mem_lin(seg, CMD_SCR_EPB);
    mem_wr16(m, epb + EPB_ENV, 0);
    mem_wr16(m, epb + EPB_TAIL, CMD_SCR_TAIL);
    mem_wr16(m, epb + EPB_TAIL + 2, seg);
    mem_wr16(m, epb + EPB_FCB1, CMD_SCR_FCB1);
    mem_wr16(m, epb + EPB_FCB1 + 2, seg);
    mem_wr16(m, epb + EPB_FCB2, CMD_SCR_FCB2);
    mem_wr16(m, epb + EPB_FCB2 + 2, seg);
    mem_write(m, mem_lin(seg, CMD_SCR_PATH1), dos_path, strlen(dos_path) + 1);

    struct cpu_regs saved = m->r;
    unsigned depth = m->dos->exec_depth;
    m->r.ax.w = EXEC_LOAD_AND_RUN;
    m->r.ds = m->r.es = seg;
    m->r.dx.w = CMD_SCR_PATH1;
    m->r.bx.w = CMD_SCR_EPB;
    dos_fn_exec(m);
    if (m->dos->exec_depth > depth) {
        in->exec_pending = true;
        return CMD_STEP_EXEC;
    }
    int err = (m->r.flags & FLAG_CF) ? m->r.ax.w : DOS_ERR_INVALID_FORMAT;
    m->r = saved;
    cmd_printf(m, "%s\r\n", exec_error_text(err));
    return CMD_STEP_NEXT;
}

/* Does `cand` name an existing file? Its canonical DOS path into out. */
static bool file_exists(struct machine *m, const char *cand, char *out, size_t cap)
{
    struct hostfs_path hp;
    if (hostfs_resolve(&m->dos->fs, m->dos->cur_drive, cand, HOSTFS_EXISTING, &hp) ||
        hp.is_dir)
        return false;
    snprintf(out, cap, "%s", hp.dos);
    return true;
}

/* Search for a program: the current directory, then each PATH entry; in
 * each, .COM before .EXE before .BAT (or the extension given, which must
 * be one of them). */
static bool find_program(struct machine *m, struct cmd_inst *in, const char *name, char *out,
                         size_t cap)
{
    static const char *const exts[] = { ".COM", ".EXE", ".BAT" };
    const char *base = name;
    for (const char *p = name; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            base = p + 1;
    if (!*base)
        return false;
    const char *dot = strchr(base, '.');
    if (dot) {
        bool ok = false;
        for (size_t i = 0; i < 3; i++)
            ok |= strcasecmp(dot, exts[i]) == 0;
        if (!ok)
            return false;
    }
    char path[CMD_LINE_MAX];
    path[0] = 0;
    if (base == name)
        cmd_env_get(m, in, "PATH", path, sizeof path);
    const char *dirs = path;
    char dir[CMD_PATH_MAX] = "";
    for (bool first = true;; first = false) {
        if (!first) {
            dirs = cmd_skip_delims(dirs);
            while (*dirs == ';')
                dirs++;
            if (!*dirs)
                return false;
            size_t n = strcspn(dirs, ";");
            snprintf(dir, sizeof dir, "%.*s", (int)n, dirs);
            dirs += n;
        }
        size_t dl = strlen(dir);
        const char *sep = dl && dir[dl - 1] != '\\' && dir[dl - 1] != ':' ? "\\" : "";
        for (size_t i = 0; i < (dot ? 1u : 3u); i++) {
            char cand[CMD_PATH_MAX * 2];
            snprintf(cand, sizeof cand, "%s%s%s%s", dir, sep, name, dot ? "" : exts[i]);
            if (file_exists(m, cand, out, cap))
                return true;
        }
        if (base != name)
            return false;
    }
}

enum cmd_step cmd_run_simple(struct machine *m, struct cmd_inst *in, const char *line, bool call)
{
    const char *s = cmd_skip_delims(line);
    if (!*s)
        return CMD_STEP_NEXT;
    /* D: changes the current drive (RBIL INT 21/AH=0Eh, checked with 19h). */
    if (isalpha((unsigned char)s[0]) && s[1] == ':' && !*cmd_skip_delims(s + 2)) {
        uint8_t want = (uint8_t)(toupper((unsigned char)s[0]) - 'A');
        struct cmd_regs r = { .ax = F_SELECT_DISK << 8, .dx = want };
        cmd_int21(m, &r);
        r = (struct cmd_regs){ .ax = F_GET_DISK << 8 };
        cmd_int21(m, &r);
        if ((r.ax & 0xFF) != want)
            cmd_puts(m, "Invalid drive specification\r\n");
        return CMD_STEP_NEXT;
    }
    const char *rest;
    int bi = cmd_find_internal(s, &rest);
    if (bi >= 0)
        return cmd_builtins[bi].fn(m, in, rest);

    char name[CMD_PATH_MAX], dos_path[CMD_PATH_MAX];
    cmd_split_verb(s, name, sizeof name, &rest);
    if (!name[0] || !find_program(m, in, name, dos_path, sizeof dos_path)) {
        cmd_puts(m, "Bad command or file name\r\n");
        return CMD_STEP_NEXT;
    }
    size_t dl = strlen(dos_path);
    if (dl > 4 && strcasecmp(dos_path + dl - 4, ".BAT") == 0) {
        /* A batch file's output cannot be redirected (MS-DOS 6.22): the
         * handles go back before its first line runs. */
        finish_segment(m, in);
        char typed[CMD_PATH_MAX];
        snprintf(typed, sizeof typed, "%.*s", (int)(rest - s), s);
        cmd_batch_start(in, dos_path, rest, typed, call);
        return CMD_STEP_NEXT;
    }
    return exec_program(m, in, dos_path, rest);
}

/* ---- Taking the next line ----------------------------------------------- */

static bool stdin_is_terminal(struct machine *m)
{
    struct dos_sft_entry *e = dos_handle_sft(m, DOS_STDIN);
    return e && e->dev == DOS_DEV_CON && e->host_fd >= 0 && isatty(e->host_fd);
}

static bool batch_lookup(void *ctx, const char *name, char *out, size_t cap)
{
    void **pair = ctx;
    return cmd_env_get(pair[0], pair[1], name, out, cap);
}

/* Fetch the next command line; false when the interpreter should end. */
static bool next_line(struct machine *m, struct cmd_inst *in, char *line, size_t cap,
                      bool *from_batch)
{
    *from_batch = false;
    if (in->pending) {
        in->pending = false;
        snprintf(line, cap, "%s", in->pending_line);
        return true;
    }
    while (in->batch) {
        char raw[CMD_LINE_MAX];
        if (cmd_batch_next_line(m, in, raw, sizeof raw)) {
            struct cmd_batch *b = in->batch;
            void *pair[2] = { m, in };
            struct cmd_expand_ctx x = { (const char *const *)b->args, b->nargs, b->shift,
                                        batch_lookup, pair };
            if (!cmd_expand(raw, &x, line, cap))
                snprintf(line, cap, "%s", raw);
            *from_batch = true;
            return true;
        }
        cmd_batch_pop(in);
        return true; /* an empty line: give the run loop a turn */
    }
    if (in->single)
        return false;
    char prompt[CMD_LINE_MAX];
    if (in->blank_line)
        cmd_puts(m, "\r\n");
    in->blank_line = false;
    cmd_prompt_text(m, in, prompt, sizeof prompt);
    cmd_puts(m, prompt);
    if (!in->echo_input)
        return cmd_edit_line(m, prompt, line, cap);
    if (!cmd_read_line(m, line, cap))
        return false;
    cmd_printf(m, "%s\r\n", line);
    return true;
}

/* Parse a command line into its pipeline and start the first segment. A
 * FOR line keeps its redirections: its DO command is parsed again, with
 * the item substituted, for every item, so "FOR %A IN (X Y) DO ECHO %A>%A"
 * writes the files X and Y. */
static enum cmd_step run_line(struct machine *m, struct cmd_inst *in, const char *s)
{
    const char *rest;
    int bi = cmd_find_internal(s, &rest);
    if (bi >= 0 && cmd_builtins[bi].fn == cmd_bi_for) {
        memset(&in->pipe, 0, sizeof in->pipe);
        in->pipe.n = 1;
        snprintf(in->pipe.seg[0].text, sizeof in->pipe.seg[0].text, "%s", s);
        in->pipe_next = 0;
        return start_segment(m, in);
    }
    enum cmd_parse_error pe = cmd_parse_pipeline(s, &in->pipe);
    in->pipe_next = 0;
    if (pe != CMD_PARSE_OK)
        in->pipe.n = 0; /* nothing on the line runs */
    switch (pe) {
    case CMD_PARSE_OK:
        break;
    case CMD_PARSE_SYNTAX:
        cmd_puts(m, "Syntax error\r\n");
        return CMD_STEP_NEXT;
    case CMD_PARSE_TOO_LONG:
        cmd_puts(m, "Line too long\r\n");
        return CMD_STEP_NEXT;
    }
    return start_segment(m, in);
}

static enum cmd_step take_line(struct machine *m, struct cmd_inst *in)
{
    char line[CMD_LINE_MAX];
    bool from_batch;
    line[0] = 0;
    if (!next_line(m, in, line, sizeof line, &from_batch))
        return CMD_STEP_EXIT;
    const char *s = line;
    while (*s == ' ' || *s == '\t')
        s++;
    if (from_batch) {
        char label[16];
        if (cmd_line_label(s, label, sizeof label))
            return CMD_STEP_NEXT;
        bool quiet = *s == '@';
        if (quiet)
            s++;
        if (in->echo && !quiet && *cmd_skip_delims(s)) {
            char prompt[CMD_LINE_MAX];
            cmd_prompt_text(m, in, prompt, sizeof prompt);
            cmd_printf(m, "\r\n%s%s\r\n", prompt, s);
        }
    }
    if (!*cmd_skip_delims(s))
        return CMD_STEP_NEXT;
    if (!from_batch)
        in->blank_line = true;
    return run_line(m, in, s);
}

/* A child ended: ERRORLEVEL, the Ctrl-C question, handles back. */
static void exec_done(struct machine *m, struct cmd_inst *in)
{
    in->exec_pending = false;
    struct cmd_regs r = { .ax = F_GET_RETCODE };
    cmd_int21(m, &r);
    in->errorlevel = (uint8_t)r.ax;
    in->exit_code = in->errorlevel;
    finish_segment(m, in);
    if ((r.ax >> 8) == DOS_TERM_CTRL_C && in->batch) {
        for (;;) {
            cmd_puts(m, "\r\nTerminate batch job (Y/N)? ");
            int k = cmd_read_key(m);
            if (k >= 0)
                cmd_printf(m, "%c", k);
            cmd_puts(m, "\r\n");
            if (k < 0 || k == 'Y' || k == 'y') {
                abandon_line(m, in);
                cmd_batch_clear(in);
                break;
            }
            if (k == 'N' || k == 'n')
                break;
        }
    }
}

static enum cmd_step step(struct machine *m, struct cmd_inst *in)
{
    if (in->exec_pending) {
        exec_done(m, in);
        return CMD_STEP_NEXT;
    }
    finish_segment(m, in);
    if (in->pipe_next < in->pipe.n)
        return start_segment(m, in);
    if (in->loop.active) {
        if (in->loop.next < in->loop.n) {
            char line[CMD_LINE_MAX];
            const char *item = in->loop.items[in->loop.next++];
            if (!cmd_for_subst(in->loop.cmd, in->loop.var, item, line, sizeof line))
                return CMD_STEP_NEXT;
            return run_line(m, in, line);
        }
        cmd_for_clear(in);
        return CMD_STEP_NEXT;
    }
    return take_line(m, in);
}

/* ---- Instances, the trap and INT 2Eh ----------------------------------- */

static void inst_free(struct machine *m, struct cmd_inst *in)
{
    struct cmd_shell *sh = m->dos->cmd;
    for (struct cmd_inst **p = &sh->list; *p; p = &(*p)->next)
        if (*p == in) {
            *p = in->next;
            break;
        }
    cmd_batch_clear(in);
    free(in);
}

/* Parse the COMMAND.COM tail: [path] [/E:n] [/P] [/C cmd | /K cmd]. */
static void parse_tail(struct machine *m, struct cmd_inst *in, uint32_t *env_size)
{
    char tail[PSP_TAIL_MAX + 1];
    uint32_t t = mem_lin(in->psp, PSP_TAIL_LEN);
    unsigned n = mem_rd8(m, t);
    if (n > PSP_TAIL_MAX)
        n = PSP_TAIL_MAX;
    mem_read(m, t + 1, tail, n);
    tail[n] = 0;
    char *cr = strchr(tail, '\r');
    if (cr)
        *cr = 0;
    for (const char *s = cmd_skip_delims(tail); *s; s = cmd_skip_delims(s)) {
        if (s[0] == '/' && (toupper((unsigned char)s[1]) == 'C' ||
                            toupper((unsigned char)s[1]) == 'K')) {
            in->single = toupper((unsigned char)s[1]) == 'C';
            in->pending = true;
            snprintf(in->pending_line, sizeof in->pending_line, "%s", cmd_skip_delims(s + 2));
            return;
        }
        if (s[0] == '/' && toupper((unsigned char)s[1]) == 'E' && s[2] == ':')
            *env_size = (uint32_t)strtoul(s + 3, NULL, 10);
        while (*s && !cmd_is_delim(*s))
            s++;
    }
}

static void trap_start(struct machine *m)
{
    struct cmd_shell *sh = m->dos->cmd;
    uint16_t psp = m->dos->cur_psp;
    struct cmd_inst *old = cmd_current(m);
    if (old)
        inst_free(m, old); /* a stale record of a process that died */
    struct cmd_inst *in = calloc(1, sizeof *in);
    if (!in) {
        machine_host_error(m, "out of memory for COMMAND.COM");
        return;
    }
    in->psp = psp;
    in->echo = true;
    in->next = sh->list;
    sh->list = in;
    in->echo_input = !stdin_is_terminal(m);
    uint16_t largest;
    mcb_resize(m, psp, CMD_MEM_PARAS, &largest);
    mem_wr16(m, mem_lin(psp, PSP_MEM_TOP), (uint16_t)(psp + CMD_MEM_PARAS));
    uint32_t env_size = CMD_ENV_DEFAULT;
    parse_tail(m, in, &env_size);
    cmd_env_grow(m, in, env_size);
}

static void trap_exit(struct machine *m, struct cmd_inst *in)
{
    abandon_line(m, in);
    int code = in->exit_code;
    inst_free(m, in);
    dos_terminate(m, (uint8_t)code, DOS_TERM_NORMAL);
}

/* The COMMAND.COM image's trap (see the state notes at the top). Only the
 * image itself may call it: CS must be the current PSP's segment. */
static void cmd_trap(struct machine *m)
{
    uint32_t frame = mem_lin(m->r.ss, m->r.sp.w);
    uint16_t caller_ip = mem_rd16(m, frame), caller_cs = mem_rd16(m, frame + 2);
    if (caller_cs != m->dos->cur_psp || caller_ip != CMD_TRAP_RET ||
        !cmd_image_at(m, caller_cs))
        return;
    if (m->r.ax.w == CMD_TRAP_START)
        trap_start(m);
    struct cmd_inst *in = cmd_current(m);
    if (!in || m->outcome != RUN_RUNNING)
        return;
    switch (step(m, in)) {
    case CMD_STEP_NEXT:
        break;
    case CMD_STEP_EXEC:
        break;
    case CMD_STEP_EXIT:
        trap_exit(m, in);
        break;
    }
}

/* INT 2Eh  Pass command to the command interpreter (RBIL INT 2E).
 * In:  DS:SI -> command line: count byte, text, CR.
 * Out: AX = 0 once the command ran (the "command.com /c" the call amounts
 * to: vdm starts the built-in COMMAND.COM with /C as a child of the
 * caller, using scratch space below the caller's stack). Other registers
 * are kept; RBIL says all but CS:IP may be destroyed. */
static void cmd_int2e(struct machine *m)
{
    struct cpu_regs caller = m->r;
    uint32_t src = mem_lin(m->r.ds, m->r.si.w);
    unsigned n = mem_rd8(m, src);
    char text[PSP_TAIL_MAX + 1];
    if (n > PSP_TAIL_MAX - 4)
        n = PSP_TAIL_MAX - 4;
    mem_read(m, src + 1, text, n);
    text[n] = 0;
    char *cr = strchr(text, '\r');
    if (cr)
        *cr = 0;
    if (m->r.sp.w < INT2E_SCRATCH + 0x80 || !m->dos->fs.drive[CMD_Z_DRIVE].mounted) {
        m->r.ax.w = 0xFFFF;
        return;
    }
    uint16_t ss = m->r.ss, base = (uint16_t)(m->r.sp.w - INT2E_SCRATCH);
    char tail[PSP_TAIL_MAX + 2];
    int tl = snprintf(tail + 1, sizeof tail - 1, " /C %s", text);
    tail[0] = (char)tl;
    tail[tl + 1] = '\r';
    uint8_t fcb[16];
    fcb_fill(fcb, "");
    mem_write(m, mem_lin(ss, base), CMD_COMSPEC, sizeof CMD_COMSPEC);
    mem_write(m, mem_lin(ss, (uint16_t)(base + 0x20)), fcb, sizeof fcb);
    mem_write(m, mem_lin(ss, (uint16_t)(base + 0x40)), tail, (size_t)tl + 2);
    uint32_t epb = mem_lin(ss, (uint16_t)(base + 0x30));
    mem_wr16(m, epb + EPB_ENV, 0);
    mem_wr16(m, epb + EPB_TAIL, (uint16_t)(base + 0x40));
    mem_wr16(m, epb + EPB_TAIL + 2, ss);
    for (unsigned f = EPB_FCB1; f <= EPB_FCB2; f += 4) {
        mem_wr16(m, epb + f, (uint16_t)(base + 0x20));
        mem_wr16(m, epb + f + 2, ss);
    }
    unsigned depth = m->dos->exec_depth;
    m->r.ax.w = EXEC_LOAD_AND_RUN;
    m->r.ds = m->r.es = ss;
    m->r.dx.w = base;
    m->r.bx.w = (uint16_t)(base + 0x30);
    dos_fn_exec(m);
    if (m->dos->exec_depth > depth) {
        /* Resume the caller with its own registers and AX = 0. */
        struct dos_exec_frame *f = &m->dos->exec_stack[depth];
        f->regs = caller;
        f->regs.ax.w = 0;
        return;
    }
    m->r = caller;
    m->r.ax.w = 0xFFFF;
}

bool cmd_init(struct machine *m)
{
    struct cmd_shell *sh = calloc(1, sizeof *sh);
    if (!sh)
        return false;
    m->dos->cmd = sh;
    machine_set_int_handler(m, CMD_TRAP_VECTOR, cmd_trap);
    machine_set_int_handler(m, 0x2E, cmd_int2e);
    return true;
}

void cmd_fini(struct machine *m)
{
    struct cmd_shell *sh = m->dos->cmd;
    if (!sh)
        return;
    while (sh->list)
        inst_free(m, sh->list);
    for (int i = 0; i < sh->nhist; i++)
        free(sh->hist[i]);
    cmd_unmount_z(m);
    free(sh);
    m->dos->cmd = NULL;
}
