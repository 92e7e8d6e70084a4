/*
 * COMMAND.COM's line parsing: pipes and redirection, batch-file %
 * expansion, verbs and parameters, and the FOR and IF clauses. Pure
 * string functions (no machine), so tests/unit/test_cmd_parse.c pins
 * them directly.
 *
 * MS-DOS 6.22 rules reproduced here (the behaviour as documented in the
 * MS-DOS 6.22 help for the commands concerned, and as observed on 6.22):
 *  - Redirection is taken out of the whole line before anything runs, so
 *    "IF EXIST X ECHO Y > F" creates F even when X is missing; the last <
 *    and the last > or >> win; the file name ends at a blank or at < > |.
 *    Characters between double quotes are text. FOR is the exception: its
 *    DO command is parsed, redirection included, once per item
 *    (cmd_shell.c), so "FOR %A IN (X Y) DO ECHO %A>%A" writes X and Y.
 *  - A | with nothing on one side, or < > with no file name, is "Syntax
 *    error" and nothing on the line runs.
 *  - % expansion happens in batch files only: %0-%9, %% -> %, %NAME%;
 *    an unset variable or a lone % expands to nothing.
 *  - Parameters are separated by blanks, commas, semicolons and equal
 *    signs; quotes do not group words (that came with Windows 95).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "dos/cmd_int.h"

bool cmd_is_delim(char c)
{
    return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '=';
}

const char *cmd_skip_delims(const char *s)
{
    while (*s && cmd_is_delim(*s))
        s++;
    return s;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Append c to out (len tracked); false when full. */
static bool put(char *out, size_t cap, size_t *len, char c)
{
    if (*len + 1 >= cap)
        return false;
    out[(*len)++] = c;
    out[*len] = 0;
    return true;
}

static bool segment_empty(const struct cmd_segment *s)
{
    for (const char *p = s->text; *p; p++)
        if (!is_blank(*p))
            return false;
    return true;
}

enum cmd_parse_error cmd_parse_pipeline(const char *line, struct cmd_pipeline *p)
{
    memset(p, 0, sizeof *p);
    p->n = 1;
    struct cmd_segment *seg = &p->seg[0];
    size_t len = 0;
    bool quoted = false;
    for (const char *s = line; *s;) {
        char c = *s;
        if (c == '"')
            quoted = !quoted;
        if (quoted || (c != '|' && c != '<' && c != '>')) {
            if (!put(seg->text, sizeof seg->text, &len, c))
                return CMD_PARSE_TOO_LONG;
            s++;
            continue;
        }
        if (c == '|') {
            if (segment_empty(seg) || p->n == CMD_MAX_PIPE)
                return CMD_PARSE_SYNTAX;
            seg = &p->seg[p->n++];
            len = 0;
            s++;
            continue;
        }
        /* < file, > file, >> file */
        bool in = c == '<';
        bool append = false;
        s++;
        if (!in && *s == '>') {
            append = true;
            s++;
        }
        while (is_blank(*s))
            s++;
        char name[CMD_PATH_MAX];
        size_t nl = 0;
        name[0] = 0;
        while (*s && !is_blank(*s) && *s != '<' && *s != '>' && *s != '|') {
            if (!put(name, sizeof name, &nl, *s))
                return CMD_PARSE_TOO_LONG;
            s++;
        }
        if (nl == 0)
            return CMD_PARSE_SYNTAX;
        if (in) {
            snprintf(seg->in, sizeof seg->in, "%s", name);
        } else {
            snprintf(seg->out, sizeof seg->out, "%s", name);
            seg->append = append;
        }
    }
    if (p->n > 1 && segment_empty(seg))
        return CMD_PARSE_SYNTAX;
    return CMD_PARSE_OK;
}

bool cmd_expand(const char *in, const struct cmd_expand_ctx *x, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = 0;
    for (const char *s = in; *s;) {
        if (*s != '%') {
            if (!put(out, cap, &len, *s++))
                return false;
            continue;
        }
        if (s[1] == '%') {
            if (!put(out, cap, &len, '%'))
                return false;
            s += 2;
            continue;
        }
        if (s[1] >= '0' && s[1] <= '9') {
            int i = x->shift + (s[1] - '0');
            const char *v = i < x->nargs && x->args ? x->args[i] : "";
            for (; *v; v++)
                if (!put(out, cap, &len, *v))
                    return false;
            s += 2;
            continue;
        }
        const char *close = strchr(s + 1, '%');
        if (!close || close == s + 1) {
            s++; /* a lone % disappears */
            continue;
        }
        char name[CMD_LINE_MAX], val[CMD_LINE_MAX];
        size_t nlen = (size_t)(close - s - 1);
        if (nlen >= sizeof name)
            nlen = sizeof name - 1;
        memcpy(name, s + 1, nlen);
        name[nlen] = 0;
        if (x->lookup && x->lookup(x->lookup_ctx, name, val, sizeof val))
            for (const char *v = val; *v; v++)
                if (!put(out, cap, &len, *v))
                    return false;
        s = close + 1;
    }
    return true;
}

static bool verb_end(char c)
{
    return c == 0 || cmd_is_delim(c) || c == '/' || c == '+' || c == '"' || c == '<' ||
           c == '>' || c == '|';
}

void cmd_split_verb(const char *s, char *name, size_t cap, const char **rest)
{
    s = cmd_skip_delims(s);
    size_t n = 0;
    while (!verb_end(*s)) {
        if (n + 1 < cap)
            name[n++] = (char)toupper((unsigned char)*s);
        s++;
    }
    name[n] = 0;
    *rest = s;
}

int cmd_find_internal(const char *s, const char **rest)
{
    s = cmd_skip_delims(s);
    char name[16];
    size_t n = 0;
    while (isalpha((unsigned char)s[n]) && n < sizeof name - 1) {
        name[n] = (char)toupper((unsigned char)s[n]);
        n++;
    }
    name[n] = 0;
    char after = s[n];
    if (n == 0 || !(verb_end(after) || after == '.' || after == '\\' || after == ':' ||
                    after == '[' || after == ']'))
        return -1;
    for (size_t i = 0; i < cmd_n_builtins; i++)
        if (strcmp(cmd_builtins[i].name, name) == 0) {
            *rest = s + n;
            return (int)i;
        }
    return -1;
}

int cmd_split_words(const char *s, char **words, int max, char *buf, size_t cap)
{
    int n = 0;
    size_t used = 0;
    for (;;) {
        s = cmd_skip_delims(s);
        if (!*s || n == max)
            break;
        words[n++] = buf + used;
        while (*s && !cmd_is_delim(*s)) {
            if (used + 2 < cap)
                buf[used++] = *s;
            s++;
        }
        buf[used++] = 0;
        if (used >= cap) {
            n--;
            break;
        }
    }
    return n;
}

/* Does s start with `word` (any case) followed by a delimiter or '('? */
static bool word_is(const char *s, const char *word)
{
    size_t n = strlen(word);
    return strncasecmp(s, word, n) == 0 && (s[n] == 0 || cmd_is_delim(s[n]) || s[n] == '(');
}

bool cmd_parse_for(const char *rest, struct cmd_for_spec *f)
{
    const char *s = cmd_skip_delims(rest);
    if (s[0] != '%' || !s[1] || s[1] == '%' || cmd_is_delim(s[1]))
        return false;
    f->var = s[1];
    s = cmd_skip_delims(s + 2);
    if (!word_is(s, "IN"))
        return false;
    s = cmd_skip_delims(s + 2);
    if (*s != '(')
        return false;
    const char *close = strchr(s, ')');
    if (!close)
        return false;
    size_t n = (size_t)(close - s - 1);
    if (n >= sizeof f->set)
        return false;
    memcpy(f->set, s + 1, n);
    f->set[n] = 0;
    s = cmd_skip_delims(close + 1);
    if (!word_is(s, "DO"))
        return false;
    s = cmd_skip_delims(s + 2);
    if (!*s || strlen(s) >= sizeof f->cmd)
        return false;
    snprintf(f->cmd, sizeof f->cmd, "%s", s);
    return true;
}

bool cmd_for_subst(const char *tmpl, char var, const char *item, char *out, size_t cap)
{
    size_t len = 0;
    out[0] = 0;
    for (const char *s = tmpl; *s;) {
        if (s[0] == '%' && s[1] == var) {
            for (const char *v = item; *v; v++)
                if (!put(out, cap, &len, *v))
                    return false;
            s += 2;
        } else if (!put(out, cap, &len, *s++)) {
            return false;
        }
    }
    return true;
}

/* Copy a word (up to a blank/separator) into out; returns the end. */
static const char *take_word(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    while (*s && !cmd_is_delim(*s)) {
        if (n + 1 < cap)
            out[n++] = *s;
        s++;
    }
    out[n] = 0;
    return s;
}

bool cmd_parse_if(const char *rest, struct cmd_if_spec *f)
{
    memset(f, 0, sizeof *f);
    const char *s = cmd_skip_delims(rest);
    if (word_is(s, "NOT")) {
        f->negate = true;
        s = cmd_skip_delims(s + 3);
    }
    if (word_is(s, "ERRORLEVEL")) {
        f->kind = CMD_IF_ERRORLEVEL;
        s = cmd_skip_delims(s + 10);
        if (!isdigit((unsigned char)*s))
            return false;
        unsigned v = 0;
        while (isdigit((unsigned char)*s))
            v = v * 10 + (unsigned)(*s++ - '0');
        f->level = v;
        if (*s && !cmd_is_delim(*s))
            return false;
    } else if (word_is(s, "EXIST")) {
        f->kind = CMD_IF_EXIST;
        s = take_word(cmd_skip_delims(s + 5), f->a, sizeof f->a);
        if (!f->a[0])
            return false;
    } else {
        f->kind = CMD_IF_STRING;
        size_t n = 0;
        while (*s && !is_blank(*s) && !(s[0] == '=' && s[1] == '=')) {
            if (n + 1 < sizeof f->a)
                f->a[n++] = *s;
            s++;
        }
        f->a[n] = 0;
        while (is_blank(*s))
            s++;
        if (s[0] != '=' || s[1] != '=' || n == 0)
            return false;
        s += 2;
        while (*s == '=' || is_blank(*s))
            s++;
        n = 0;
        while (*s && !is_blank(*s)) {
            if (n + 1 < sizeof f->b)
                f->b[n++] = *s;
            s++;
        }
        f->b[n] = 0;
        if (n == 0)
            return false;
    }
    s = cmd_skip_delims(s);
    if (!*s)
        return false;
    f->cmd = s;
    return true;
}

void cmd_commas(uint64_t v, char *out, size_t cap)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)v);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0 && len + 1 < cap)
            out[len++] = ',';
        if (len + 1 < cap)
            out[len++] = digits[i];
    }
    out[len] = 0;
}

bool cmd_line_label(const char *line, char *name, size_t cap)
{
    const char *s = cmd_skip_delims(line);
    if (*s != ':')
        return false;
    s++;
    size_t n = 0;
    while (*s && !cmd_is_delim(*s) && n < 8 && n + 1 < cap) {
        name[n++] = (char)toupper((unsigned char)*s);
        s++;
    }
    name[n] = 0;
    return true;
}
