/*
 * COMMAND.COM built-ins that are not about files: the command table, ECHO,
 * SET, PATH, PROMPT, VER, VERIFY, VOL, CLS, DATE, TIME, EXIT, REM, PAUSE,
 * CHOICE, LH. Messages are MS-DOS 6.22's wording.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "vdm/machine.h"

/* INT 21h functions (RBIL INT 21, by AH). */
#define F_GET_DATE 0x2A00u
#define F_SET_DATE 0x2B00u
#define F_GET_TIME 0x2C00u
#define F_SET_TIME 0x2D00u
#define F_SET_VERIFY 0x2E00u
#define F_GET_VERSION 0x3000u
#define F_GET_VERIFY 0x5400u

/* The internal commands, as MS-DOS 6.22 names them (CHOICE is an
 * external program there; vdm has none to run, so it is built in). */
const struct cmd_builtin cmd_builtins[] = {
    { "CALL", cmd_bi_call },   { "CD", cmd_bi_cd },         { "CHDIR", cmd_bi_cd },
    { "CHOICE", cmd_bi_choice }, { "CLS", cmd_bi_cls },     { "COPY", cmd_bi_copy },
    { "DATE", cmd_bi_date },   { "DEL", cmd_bi_del },       { "DIR", cmd_bi_dir },
    { "ECHO", cmd_bi_echo },   { "ERASE", cmd_bi_del },     { "EXIT", cmd_bi_exit },
    { "FOR", cmd_bi_for },     { "GOTO", cmd_bi_goto },     { "IF", cmd_bi_if },
    { "LH", cmd_bi_lh },       { "LOADHIGH", cmd_bi_lh },   { "MD", cmd_bi_md },
    { "MKDIR", cmd_bi_md },    { "MOVE", cmd_bi_move },     { "PATH", cmd_bi_path },
    { "PAUSE", cmd_bi_pause }, { "PROMPT", cmd_bi_prompt }, { "RD", cmd_bi_rd },
    { "REM", cmd_bi_rem },     { "REN", cmd_bi_ren },       { "RENAME", cmd_bi_ren },
    { "RMDIR", cmd_bi_rd },    { "SET", cmd_bi_set },       { "SHIFT", cmd_bi_shift },
    { "TIME", cmd_bi_time },   { "TRUENAME", cmd_bi_truename }, { "TYPE", cmd_bi_type },
    { "VER", cmd_bi_ver },     { "VERIFY", cmd_bi_verify }, { "VOL", cmd_bi_vol },
};
const size_t cmd_n_builtins = sizeof cmd_builtins / sizeof cmd_builtins[0];

static bool word_eq(const char *s, const char *w)
{
    size_t n = strlen(w);
    return strncasecmp(s, w, n) == 0 && !*cmd_skip_delims(s + n);
}

/* ECHO [ON|OFF|message]; "ECHO." (or ECHO directly followed by any of
 * . / [ ] + :) prints the rest of the line, so an empty line for "ECHO.".
 * Blanks after ECHO are skipped; the message is printed as typed, up to
 * the end of the line (trailing blanks before a redirection included). */
enum cmd_step cmd_bi_echo(struct machine *m, struct cmd_inst *in, const char *args)
{
    const char *s = args;
    if (*s && strchr(".[]+:/", *s)) {
        cmd_printf(m, "%s\r\n", s + 1);
        return CMD_STEP_NEXT;
    }
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s) {
        cmd_printf(m, "ECHO is %s\r\n", in->echo ? "on" : "off");
    } else if (word_eq(s, "ON")) {
        in->echo = true;
    } else if (word_eq(s, "OFF")) {
        in->echo = false;
    } else {
        cmd_printf(m, "%s\r\n", s);
    }
    return CMD_STEP_NEXT;
}

/* SET: list; SET NAME=VALUE; SET NAME= removes. The name is upper-cased;
 * the value is kept as typed. */
enum cmd_step cmd_bi_set(struct machine *m, struct cmd_inst *in, const char *args)
{
    const char *s = args;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s) {
        cmd_env_print(m, in);
        return CMD_STEP_NEXT;
    }
    const char *eq = strchr(s, '=');
    if (!eq || eq == s) {
        cmd_puts(m, "Syntax error\r\n");
        return CMD_STEP_NEXT;
    }
    char name[CMD_LINE_MAX];
    snprintf(name, sizeof name, "%.*s", (int)(eq - s), s);
    if (!cmd_env_set(m, in, name, eq + 1))
        cmd_puts(m, "Out of environment space\r\n");
    return CMD_STEP_NEXT;
}

/* PATH: show; PATH ; clears; PATH dirs sets (upper-cased, as 6.22 does). */
enum cmd_step cmd_bi_path(struct machine *m, struct cmd_inst *in, const char *args)
{
    const char *s = args;
    while (*s == ' ' || *s == '\t' || *s == '=')
        s++;
    if (!*s) {
        char v[CMD_LINE_MAX];
        if (cmd_env_get(m, in, "PATH", v, sizeof v) && v[0])
            cmd_printf(m, "PATH=%s\r\n", v);
        else
            cmd_puts(m, "No Path\r\n");
        return CMD_STEP_NEXT;
    }
    char v[CMD_LINE_MAX];
    size_t n = 0;
    for (; *s && n + 1 < sizeof v; s++)
        v[n++] = (char)toupper((unsigned char)*s);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    v[n] = 0;
    if (!cmd_env_set(m, in, "PATH", strcmp(v, ";") == 0 ? "" : v))
        cmd_puts(m, "Out of environment space\r\n");
    return CMD_STEP_NEXT;
}

enum cmd_step cmd_bi_prompt(struct machine *m, struct cmd_inst *in, const char *args)
{
    const char *s = args;
    while (*s == ' ' || *s == '\t' || *s == '=')
        s++;
    if (!cmd_env_set(m, in, "PROMPT", s))
        cmd_puts(m, "Out of environment space\r\n");
    return CMD_STEP_NEXT;
}

enum cmd_step cmd_bi_ver(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    (void)args;
    struct cmd_regs r = { .ax = F_GET_VERSION };
    cmd_int21(m, &r);
    cmd_printf(m, "\r\nMS-DOS Version %u.%02u\r\n\r\n", r.ax & 0xFF, r.ax >> 8);
    return CMD_STEP_NEXT;
}

enum cmd_step cmd_bi_verify(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    const char *s = cmd_skip_delims(args);
    struct cmd_regs r = { 0 };
    if (!*s) {
        r.ax = F_GET_VERIFY;
        cmd_int21(m, &r);
        cmd_printf(m, "VERIFY is %s\r\n", (r.ax & 0xFF) ? "on" : "off");
    } else if (word_eq(s, "ON") || word_eq(s, "OFF")) {
        r.ax = (uint16_t)(F_SET_VERIFY | (word_eq(s, "ON") ? 1 : 0));
        cmd_int21(m, &r);
    } else {
        cmd_puts(m, "Must specify ON or OFF\r\n");
    }
    return CMD_STEP_NEXT;
}

enum cmd_step cmd_bi_vol(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    const char *s = cmd_skip_delims(args);
    int drive = cmd_path_drive(m, s);
    if (drive < 0) {
        cmd_puts(m, "Invalid drive specification\r\n");
        return CMD_STEP_NEXT;
    }
    cmd_puts(m, "\r\n");
    cmd_print_volume(m, drive);
    return CMD_STEP_NEXT;
}

/* CLS: the ANSI clear sequence a terminal understands (the stdio front
 * end has no screen of its own to clear). */
enum cmd_step cmd_bi_cls(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    (void)args;
    cmd_puts(m, "\x1b[2J\x1b[H");
    return CMD_STEP_NEXT;
}

static const char *const day_names[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };

/* Parse up to three numbers separated by - / . : ; false on junk. */
static int parse_nums(const char *s, unsigned v[3])
{
    int n = 0;
    s = cmd_skip_delims(s);
    while (*s && n < 3) {
        if (!isdigit((unsigned char)*s))
            return -1;
        v[n] = 0;
        while (isdigit((unsigned char)*s))
            v[n] = v[n] * 10 + (unsigned)(*s++ - '0');
        n++;
        if (*s == '-' || *s == '/' || *s == '.' || *s == ':')
            s++;
        else if (*s && !cmd_is_delim(*s))
            return -1;
        s = cmd_skip_delims(s);
    }
    return *s ? -1 : n;
}

static bool set_date(struct machine *m, const char *s)
{
    unsigned v[3];
    if (parse_nums(s, v) != 3)
        return false;
    if (v[2] < 80)
        v[2] += 2000;
    else if (v[2] < 100)
        v[2] += 1900;
    struct cmd_regs r = { .ax = F_SET_DATE, .cx = (uint16_t)v[2],
                          .dx = (uint16_t)(v[0] << 8 | (v[1] & 0xFF)) };
    cmd_int21(m, &r);
    return (r.ax & 0xFF) == 0;
}

/* DATE [mm-dd-yy]: without a date, show it and ask for a new one (an empty
 * answer keeps it). */
enum cmd_step cmd_bi_date(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    const char *s = cmd_skip_delims(args);
    if (*s) {
        if (!set_date(m, s))
            cmd_puts(m, "Invalid date\r\n");
        return CMD_STEP_NEXT;
    }
    struct cmd_regs r = { .ax = F_GET_DATE };
    cmd_int21(m, &r);
    cmd_printf(m, "Current date is %s %02u-%02u-%04u\r\n", day_names[r.ax & 7], r.dx >> 8,
               r.dx & 0xFF, r.cx);
    for (;;) {
        char line[CMD_LINE_MAX];
        cmd_puts(m, "Enter new date (mm-dd-yy): ");
        if (!cmd_read_answer(m, line, sizeof line) || !*cmd_skip_delims(line))
            break;
        if (set_date(m, line))
            break;
        cmd_puts(m, "Invalid date\r\n");
    }
    return CMD_STEP_NEXT;
}

static bool set_time(struct machine *m, const char *s)
{
    unsigned v[3] = { 0, 0, 0 };
    char buf[CMD_LINE_MAX];
    snprintf(buf, sizeof buf, "%s", s);
    size_t n = strlen(buf);
    while (n && cmd_is_delim(buf[n - 1]))
        n--;
    buf[n] = 0;
    bool pm = false, am = false;
    if (n && (toupper((unsigned char)buf[n - 1]) == 'P' || toupper((unsigned char)buf[n - 1]) == 'A')) {
        pm = toupper((unsigned char)buf[n - 1]) == 'P';
        am = !pm;
        buf[--n] = 0;
    }
    int k = parse_nums(buf, v);
    if (k < 1)
        return false;
    if (pm && v[0] < 12)
        v[0] += 12;
    if (am && v[0] == 12)
        v[0] = 0;
    struct cmd_regs r = { .ax = F_SET_TIME, .cx = (uint16_t)(v[0] << 8 | (v[1] & 0xFF)),
                          .dx = (uint16_t)(v[2] << 8) };
    cmd_int21(m, &r);
    return (r.ax & 0xFF) == 0;
}

/* TIME [hh:mm[:ss][a|p]]: as DATE. MS-DOS 6.22 shows " 1:05:09.32p". */
enum cmd_step cmd_bi_time(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    const char *s = cmd_skip_delims(args);
    if (*s) {
        if (!set_time(m, s))
            cmd_puts(m, "Invalid time\r\n");
        return CMD_STEP_NEXT;
    }
    struct cmd_regs r = { .ax = F_GET_TIME };
    cmd_int21(m, &r);
    unsigned h = r.cx >> 8, h12 = h % 12 ? h % 12 : 12;
    cmd_printf(m, "Current time is %2u:%02u:%02u.%02u%c\r\n", h12, r.cx & 0xFF, r.dx >> 8,
               r.dx & 0xFF, h < 12 ? 'a' : 'p');
    for (;;) {
        char line[CMD_LINE_MAX];
        cmd_puts(m, "Enter new time: ");
        if (!cmd_read_answer(m, line, sizeof line) || !*cmd_skip_delims(line))
            break;
        if (set_time(m, line))
            break;
        cmd_puts(m, "Invalid time\r\n");
    }
    return CMD_STEP_NEXT;
}

/* EXIT [n]: MS-DOS 6.22 takes no number; later versions' EXIT n is
 * accepted so a batch file can set vdm's exit status. */
enum cmd_step cmd_bi_exit(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)m;
    const char *s = cmd_skip_delims(args);
    if (isdigit((unsigned char)*s))
        in->exit_code = (int)(strtoul(s, NULL, 10) & 0xFF);
    else
        in->exit_code = in->errorlevel;
    cmd_batch_clear(in);
    return CMD_STEP_EXIT;
}

enum cmd_step cmd_bi_rem(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)m;
    (void)in;
    (void)args;
    return CMD_STEP_NEXT;
}

enum cmd_step cmd_bi_pause(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    (void)args;
    cmd_pause(m);
    return CMD_STEP_NEXT;
}

/* CHOICE [/C[:]keys] [/N] [/S] [/T[:]c,nn] [text] (MS-DOS 6.22 CHOICE.COM):
 * prints "text[Y,N]?", waits for one of the keys, echoes it and sets
 * ERRORLEVEL to its position (1 = first). End of input takes the /T
 * default, else gives 255 (CHOICE's error level). */
enum cmd_step cmd_bi_choice(struct machine *m, struct cmd_inst *in, const char *args)
{
    char keys[64] = "YN", text[CMD_LINE_MAX] = "";
    bool show = true, sensitive = false;
    int def = -1;
    const char *s = args;
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s != '/')
            break;
        char opt = (char)toupper((unsigned char)s[1]);
        s += 2;
        if (*s == ':')
            s++;
        const char *end = s;
        while (*end && *end != ' ' && *end != '\t' && *end != '/')
            end++;
        if (opt == 'C') {
            snprintf(keys, sizeof keys, "%.*s", (int)(end - s), s);
        } else if (opt == 'N') {
            show = false;
        } else if (opt == 'S') {
            sensitive = true;
        } else if (opt == 'T') {
            def = *s;
        } else {
            cmd_printf(m, "CHOICE: invalid switch - /%c\r\n", opt);
            in->errorlevel = 255;
            return CMD_STEP_NEXT;
        }
        s = end;
    }
    snprintf(text, sizeof text, "%s", s);
    if (!sensitive)
        for (char *k = keys; *k; k++)
            *k = (char)toupper((unsigned char)*k);
    cmd_puts(m, text);
    if (show) {
        cmd_puts(m, "[");
        for (size_t i = 0; keys[i]; i++)
            cmd_printf(m, "%s%c", i ? "," : "", keys[i]);
        cmd_puts(m, "]?");
    }
    for (;;) {
        int k = cmd_read_key(m);
        if (k < 0)
            k = def;
        if (k < 0) {
            in->errorlevel = 255;
            cmd_puts(m, "\r\n");
            return CMD_STEP_NEXT;
        }
        if (!sensitive)
            k = toupper(k);
        const char *at = k ? strchr(keys, k) : NULL;
        if (at) {
            cmd_printf(m, "%c\r\n", k);
            in->errorlevel = (uint8_t)(at - keys + 1);
            return CMD_STEP_NEXT;
        }
        if (k == def) {
            in->errorlevel = 255;
            return CMD_STEP_NEXT;
        }
        cmd_puts(m, "\a");
    }
}

/* LH / LOADHIGH [/L:...] program: there is no upper memory; the program
 * loads low, as 6.22 does when no UMB is free. */
enum cmd_step cmd_bi_lh(struct machine *m, struct cmd_inst *in, const char *args)
{
    const char *s = cmd_skip_delims(args);
    while (*s == '/') {
        while (*s && *s != ' ' && *s != '\t')
            s++;
        s = cmd_skip_delims(s);
    }
    return cmd_run_simple(m, in, s, false);
}
