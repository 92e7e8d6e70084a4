/*
 * Batch files: reading lines, GOTO, SHIFT, CALL, IF and FOR (MS-DOS 6.22
 * semantics, as its HELP describes them).
 *
 * Like COMMAND.COM, the interpreter reopens the batch file for every line
 * and seeks to where it left off, so a batch file that is edited while it
 * runs (a classic self-modifying trick) behaves the same. Lines end at LF
 * (a CR before it is dropped, so CRLF and LF files read the same); a
 * Ctrl-Z ends the file. GOTO searches the whole file from the top, and a
 * label is compared on its first eight characters, case-insensitively.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "vdm/machine.h"

#define CTRL_Z 0x1A
#define LABEL_SIGNIFICANT 8

/* Open the current batch file on the host at `pos`; NULL when it is gone. */
static FILE *batch_open(struct machine *m, const struct cmd_batch *b, uint32_t pos)
{
    struct hostfs_path hp;
    if (hostfs_resolve(&m->dos->fs, m->dos->cur_drive, b->path, HOSTFS_EXISTING, &hp))
        return NULL;
    FILE *f = fopen(hp.host, "rb");
    if (f && fseek(f, (long)pos, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    return f;
}

/* One line from f (CR dropped, long lines cut); false at the end. */
static bool read_line(FILE *f, char *line, size_t cap, uint32_t *pos)
{
    size_t n = 0;
    int c;
    bool any = false;
    while ((c = getc(f)) != EOF && c != CTRL_Z) {
        any = true;
        (*pos)++;
        if (c == '\n')
            break;
        if (c == '\r')
            continue;
        if (n + 1 < cap)
            line[n++] = (char)c;
    }
    line[n] = 0;
    return any;
}

bool cmd_batch_next_line(struct machine *m, struct cmd_inst *in, char *line, size_t cap)
{
    struct cmd_batch *b = in->batch;
    FILE *f = batch_open(m, b, b->pos);
    if (!f) {
        if (b->pos == 0)
            cmd_puts(m, "Batch file missing\r\n");
        return false;
    }
    bool ok = read_line(f, line, cap, &b->pos);
    fclose(f);
    return ok;
}

bool cmd_batch_goto(struct machine *m, struct cmd_inst *in, const char *label)
{
    struct cmd_batch *b = in->batch;
    FILE *f = batch_open(m, b, 0);
    if (!f)
        return false;
    char want[LABEL_SIGNIFICANT + 1];
    size_t n = 0;
    for (const char *s = label; *s && !cmd_is_delim(*s) && n < LABEL_SIGNIFICANT; s++)
        want[n++] = (char)toupper((unsigned char)*s);
    want[n] = 0;
    uint32_t pos = 0;
    char line[CMD_LINE_MAX], name[16];
    bool found = false;
    while (read_line(f, line, sizeof line, &pos))
        if (cmd_line_label(line, name, sizeof name) && strcmp(name, want) == 0) {
            found = true;
            b->pos = pos;
            break;
        }
    fclose(f);
    return found;
}

/* GOTO label (a leading ':' is allowed). An unknown label ends every batch
 * file with "Label not found". */
enum cmd_step cmd_bi_goto(struct machine *m, struct cmd_inst *in, const char *args)
{
    if (!in->batch)
        return CMD_STEP_NEXT;
    const char *s = cmd_skip_delims(args);
    if (*s == ':')
        s++;
    cmd_for_clear(in);
    if (!cmd_batch_goto(m, in, s)) {
        cmd_puts(m, "Label not found\r\n");
        cmd_batch_clear(in);
    }
    return CMD_STEP_NEXT;
}

enum cmd_step cmd_bi_shift(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)m;
    (void)args;
    if (in->batch && in->batch->shift < in->batch->nargs)
        in->batch->shift++;
    return CMD_STEP_NEXT;
}

/* CALL runs a batch file and comes back; anything else runs as usual. */
enum cmd_step cmd_bi_call(struct machine *m, struct cmd_inst *in, const char *args)
{
    return cmd_run_simple(m, in, args, true);
}

/* Does anything match `pattern`? "DIR\NUL" asks whether DIR exists. */
static bool exists(struct machine *m, const char *pattern)
{
    size_t n = strlen(pattern);
    if (n >= 3 && strcasecmp(pattern + n - 3, "NUL") == 0 &&
        (n == 3 || pattern[n - 4] == '\\' || pattern[n - 4] == ':')) {
        char dir[CMD_PATH_MAX];
        snprintf(dir, sizeof dir, "%.*s", (int)(n - 3), pattern);
        size_t dl = strlen(dir);
        if (dl > 1 && dir[dl - 1] == '\\' && dir[dl - 2] != ':')
            dir[dl - 1] = 0;
        if (!dir[0])
            return true;
        struct hostfs_path hp;
        return hostfs_resolve(&m->dos->fs, m->dos->cur_drive, dir, HOSTFS_EXISTING, &hp) == 0
               && hp.is_dir;
    }
    struct hostfs_search s = { 0 };
    struct hostfs_dirent e;
    bool found = hostfs_find_first(&m->dos->fs, m->dos->cur_drive, pattern, 0, &s, &e) == 0;
    hostfs_search_end(&s);
    return found;
}

enum cmd_step cmd_bi_if(struct machine *m, struct cmd_inst *in, const char *args)
{
    struct cmd_if_spec f;
    if (!cmd_parse_if(args, &f)) {
        cmd_puts(m, "Syntax error\r\n");
        return CMD_STEP_NEXT;
    }
    bool t;
    switch (f.kind) {
    case CMD_IF_ERRORLEVEL: t = in->errorlevel >= f.level; break;
    case CMD_IF_EXIST: t = exists(m, f.a); break;
    default: t = strcmp(f.a, f.b) == 0; break;
    }
    if (t == f.negate)
        return CMD_STEP_NEXT;
    return cmd_run_simple(m, in, f.cmd, false);
}

static bool has_wild(const char *s)
{
    return strpbrk(s, "*?") != NULL;
}

static bool add_item(struct cmd_for *l, const char *s)
{
    char **n = realloc(l->items, (size_t)(l->n + 1) * sizeof *n);
    if (!n)
        return false;
    l->items = n;
    l->items[l->n] = strdup(s);
    if (!l->items[l->n])
        return false;
    l->n++;
    return true;
}

/* FOR %V IN (set) DO command: the set's words, wildcards expanded to the
 * matching file names (names only, as MS-DOS 6.22 gives them). The body
 * runs once per item, one interpreter step each. */
enum cmd_step cmd_bi_for(struct machine *m, struct cmd_inst *in, const char *args)
{
    struct cmd_for_spec f;
    if (in->loop.active || !cmd_parse_for(args, &f)) {
        cmd_puts(m, "Syntax error\r\n");
        return CMD_STEP_NEXT;
    }
    char buf[CMD_LINE_MAX * 2];
    char *words[CMD_MAX_ARGS];
    int n = cmd_split_words(f.set, words, CMD_MAX_ARGS, buf, sizeof buf);
    struct cmd_for *l = &in->loop;
    cmd_for_clear(in);
    for (int i = 0; i < n; i++) {
        if (!has_wild(words[i])) {
            add_item(l, words[i]);
            continue;
        }
        struct hostfs_search s = { 0 };
        struct hostfs_dirent e;
        int rc = hostfs_find_first(&m->dos->fs, m->dos->cur_drive, words[i], 0, &s, &e);
        while (rc == 0) {
            add_item(l, e.name);
            rc = hostfs_find_next(&s, &e);
        }
        hostfs_search_end(&s);
    }
    l->var = f.var;
    snprintf(l->cmd, sizeof l->cmd, "%s", f.cmd);
    l->next = 0;
    l->active = true;
    return CMD_STEP_NEXT;
}

/* ---- The batch stack ---------------------------------------------------- */

static void loop_free(struct cmd_for *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static void batch_free(struct cmd_batch *b)
{
    for (int i = 0; i < b->nargs; i++)
        free(b->args[i]);
    loop_free(&b->caller_loop);
    free(b);
}

void cmd_for_clear(struct cmd_inst *in)
{
    loop_free(&in->loop);
}

void cmd_batch_pop(struct cmd_inst *in)
{
    struct cmd_batch *b = in->batch;
    if (!b)
        return;
    in->batch = b->up;
    cmd_for_clear(in);
    in->loop = b->caller_loop; /* a FOR that CALLed goes on */
    memset(&b->caller_loop, 0, sizeof b->caller_loop);
    batch_free(b);
}

void cmd_batch_clear(struct cmd_inst *in)
{
    while (in->batch)
        cmd_batch_pop(in);
    cmd_for_clear(in);
}

void cmd_batch_start(struct cmd_inst *in, const char *dos_path, const char *args_text,
                     const char *name_typed, bool call)
{
    struct cmd_batch *b = calloc(1, sizeof *b);
    if (!b)
        return;
    snprintf(b->path, sizeof b->path, "%s", dos_path);
    char buf[CMD_LINE_MAX * 2];
    char *words[CMD_MAX_ARGS];
    int n = cmd_split_words(args_text, words, CMD_MAX_ARGS - 1, buf, sizeof buf);
    b->args[b->nargs++] = strdup(name_typed);
    for (int i = 0; i < n; i++)
        b->args[b->nargs++] = strdup(words[i]);
    if (!call) {
        /* Chaining: the new batch file replaces the running one (and any
         * FOR in it). */
        cmd_for_clear(in);
        if (in->batch) {
            b->up = in->batch->up;
            batch_free(in->batch);
            in->batch = NULL;
        }
    } else {
        b->up = in->batch;
        b->caller_loop = in->loop;
        memset(&in->loop, 0, sizeof in->loop);
    }
    in->batch = b;
}
