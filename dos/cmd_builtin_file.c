/*
 * COMMAND.COM built-ins that work on files and directories: CD, MD, RD,
 * DEL, REN, TYPE, COPY, MOVE, TRUENAME. Files are opened through the DOS
 * handle functions (cmd_sys.c), so device names (CON, NUL, PRN) work as
 * sources and targets, exactly as in MS-DOS ("COPY CON FILE").
 * Messages are MS-DOS 6.22's wording.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "vdm/machine.h"

#define F_MKDIR 0x39
#define F_RMDIR 0x3A
#define F_CHDIR 0x3B
#define F_UNLINK 0x41
#define OPEN_READ 0x00
#define CTRL_Z 0x1A
#define COPY_CHUNK 0x4000u
#define MAX_MATCHES 4096

const char *cmd_error_text(int err)
{
    switch (err) {
    case DOS_ERR_FILE_NOT_FOUND: return "File not found";
    case DOS_ERR_PATH_NOT_FOUND: return "Path not found";
    case DOS_ERR_ACCESS_DENIED: return "Access denied";
    case DOS_ERR_INVALID_DRIVE: return "Invalid drive specification";
    case DOS_ERR_TOO_MANY_OPEN_FILES: return "Too many files open";
    default: return "General failure";
    }
}

int cmd_path_drive(struct machine *m, const char *path)
{
    int d = m->dos->cur_drive;
    if (isalpha((unsigned char)path[0]) && path[1] == ':')
        d = toupper((unsigned char)path[0]) - 'A';
    return d < HOSTFS_DRIVES && m->dos->fs.drive[d].mounted ? d : -1;
}

/* First word of s into out; returns what follows. */
static const char *word(const char *s, char *out, size_t cap)
{
    s = cmd_skip_delims(s);
    size_t n = 0;
    while (*s && !cmd_is_delim(*s)) {
        if (n + 1 < cap)
            out[n++] = *s;
        s++;
    }
    out[n] = 0;
    return s;
}

/* The directory part of a pattern ("C:\SUB\" of "C:\SUB\*.TXT"). */
static void dir_part(const char *pattern, char *out, size_t cap)
{
    const char *cut = pattern;
    for (const char *p = pattern; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            cut = p + 1;
    snprintf(out, cap, "%.*s", (int)(cut - pattern), pattern);
}

static bool is_dir(struct machine *m, const char *path)
{
    struct hostfs_path hp;
    return hostfs_resolve(&m->dos->fs, m->dos->cur_drive, path, HOSTFS_EXISTING, &hp) == 0 &&
           hp.is_dir;
}

/* The files a pattern matches (names only, sorted). Returns the count, or
 * -DOS error. *names must be freed with free_names. */
static int matches(struct machine *m, const char *pattern, char ***names)
{
    struct hostfs_search s = { 0 };
    struct hostfs_dirent e;
    *names = NULL;
    int n = 0;
    int rc = hostfs_find_first(&m->dos->fs, m->dos->cur_drive, pattern, 0, &s, &e);
    if (rc && rc != DOS_ERR_NO_MORE_FILES) {
        hostfs_search_end(&s);
        return -rc;
    }
    while (rc == 0 && n < MAX_MATCHES) {
        char **nn = realloc(*names, (size_t)(n + 1) * sizeof *nn);
        if (!nn)
            break;
        *names = nn;
        nn[n++] = strdup(e.name);
        rc = hostfs_find_next(&s, &e);
    }
    hostfs_search_end(&s);
    return n;
}

static void free_names(char **names, int n)
{
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

enum cmd_step cmd_bi_cd(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    char path[CMD_PATH_MAX];
    word(args, path, sizeof path);
    if (!path[0] || (path[1] == ':' && !path[2])) {
        int d = cmd_path_drive(m, path);
        if (d < 0) {
            cmd_puts(m, "Invalid drive specification\r\n");
            return CMD_STEP_NEXT;
        }
        char cwd[CMD_PATH_MAX];
        cmd_cwd(m, d, cwd, sizeof cwd);
        cmd_printf(m, "%s\r\n", cwd);
        return CMD_STEP_NEXT;
    }
    if (cmd_path_call(m, F_CHDIR, path))
        cmd_puts(m, "Invalid directory\r\n");
    return CMD_STEP_NEXT;
}

enum cmd_step cmd_bi_md(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    char path[CMD_PATH_MAX];
    word(args, path, sizeof path);
    if (!path[0])
        cmd_puts(m, "Required parameter missing\r\n");
    else if (cmd_path_call(m, F_MKDIR, path))
        cmd_puts(m, "Unable to create directory\r\n");
    return CMD_STEP_NEXT;
}

enum cmd_step cmd_bi_rd(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    char path[CMD_PATH_MAX];
    word(args, path, sizeof path);
    if (!path[0])
        cmd_puts(m, "Required parameter missing\r\n");
    else if (cmd_path_call(m, F_RMDIR, path))
        cmd_puts(m, "Invalid path, not directory,\r\nor directory not empty\r\n");
    return CMD_STEP_NEXT;
}

/* DEL pattern [/P]: a directory means all its files; "*.*" asks first
 * (MS-DOS 6.22: "All files in directory will be deleted!"). */
enum cmd_step cmd_bi_del(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    char pat[CMD_PATH_MAX], sw[16];
    const char *rest = word(args, pat, sizeof pat);
    bool confirm_each = word(rest, sw, sizeof sw) && strcasecmp(sw, "/P") == 0;
    if (!pat[0]) {
        cmd_puts(m, "Required parameter missing\r\n");
        return CMD_STEP_NEXT;
    }
    if (is_dir(m, pat)) {
        size_t l = strlen(pat);
        snprintf(pat + l, sizeof pat - l, "%s*.*", pat[l - 1] == '\\' ? "" : "\\");
    }
    char dir[CMD_PATH_MAX];
    dir_part(pat, dir, sizeof dir);
    const char *base = pat + strlen(dir);
    if (strcmp(base, "*.*") == 0 || strcmp(base, "*") == 0) {
        cmd_puts(m, "All files in directory will be deleted!\r\nAre you sure (Y/N)?");
        char ans[CMD_LINE_MAX];
        if (!cmd_read_answer(m, ans, sizeof ans))
            ans[0] = 0;
        if (toupper((unsigned char)*cmd_skip_delims(ans)) != 'Y')
            return CMD_STEP_NEXT;
    }
    char **names;
    int n = matches(m, pat, &names);
    if (n <= 0) {
        cmd_puts(m, n < 0 ? cmd_error_text(-n) : "File not found");
        cmd_puts(m, "\r\n");
        free_names(names, 0);
        return CMD_STEP_NEXT;
    }
    for (int i = 0; i < n; i++) {
        char full[CMD_PATH_MAX * 2];
        snprintf(full, sizeof full, "%s%s", dir, names[i]);
        if (confirm_each) {
            cmd_printf(m, "%s,    Delete (Y/N)?", full);
            int k = cmd_read_key(m);
            cmd_printf(m, "%c\r\n", k > 0 ? k : ' ');
            if (k != 'y' && k != 'Y')
                continue;
        }
        int e = cmd_path_call(m, F_UNLINK, full);
        if (e)
            cmd_printf(m, "%s\r\n", cmd_error_text(e));
    }
    free_names(names, n);
    return CMD_STEP_NEXT;
}

/* Apply a wildcard target name ("*.BAK", "A?C.*") to `src` (an 8.3 name),
 * the way REN and COPY do: '?' keeps the source character, '*' keeps the
 * rest of the field. */
static void apply_pattern(const char *src, const char *pat, char *out, size_t cap)
{
    char sb[9] = "", se[4] = "", pb[16] = "", pe[16] = "";
    const char *dot = strchr(src, '.');
    snprintf(sb, sizeof sb, "%.*s", dot ? (int)(dot - src) : 8, src);
    snprintf(se, sizeof se, "%s", dot ? dot + 1 : "");
    const char *pd = strchr(pat, '.');
    snprintf(pb, sizeof pb, "%.*s", pd ? (int)(pd - pat) : 15, pat);
    snprintf(pe, sizeof pe, "%s", pd ? pd + 1 : "");
    char ob[9] = "", oe[4] = "";
    for (int f = 0; f < 2; f++) {
        const char *p = f ? pe : pb, *s = f ? se : sb;
        char *o = f ? oe : ob;
        size_t max = f ? 3 : 8, n = 0, sl = strlen(s);
        for (size_t i = 0; p[i] && n < max; i++) {
            if (p[i] == '*') {
                for (size_t j = n; j < sl && n < max; j++)
                    o[n++] = s[j];
                break;
            }
            if (p[i] == '?') {
                if (n < sl)
                    o[n] = s[n];
                else
                    break;
                n++;
            } else {
                o[n++] = (char)toupper((unsigned char)p[i]);
            }
        }
        o[n] = 0;
    }
    snprintf(out, cap, "%s%s%s", ob, oe[0] ? "." : "", oe);
}

enum cmd_step cmd_bi_ren(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    char from[CMD_PATH_MAX], to[CMD_PATH_MAX];
    word(word(args, from, sizeof from), to, sizeof to);
    if (!from[0] || !to[0]) {
        cmd_puts(m, "Required parameter missing\r\n");
        return CMD_STEP_NEXT;
    }
    if (strpbrk(to, "\\:")) {
        cmd_puts(m, "Invalid parameter\r\n");
        return CMD_STEP_NEXT;
    }
    char dir[CMD_PATH_MAX], **names;
    dir_part(from, dir, sizeof dir);
    int n = matches(m, from, &names);
    bool failed = n <= 0;
    for (int i = 0; i < n; i++) {
        char a[CMD_PATH_MAX * 2], b[CMD_PATH_MAX * 2], nn[16];
        apply_pattern(names[i], to, nn, sizeof nn);
        snprintf(a, sizeof a, "%s%s", dir, names[i]);
        snprintf(b, sizeof b, "%s%s", dir, nn);
        if (cmd_rename(m, a, b))
            failed = true;
    }
    free_names(names, n > 0 ? n : 0);
    if (failed)
        cmd_puts(m, "Duplicate file name or file not found\r\n");
    return CMD_STEP_NEXT;
}

/* Copy handle `from` to handle `to`; in ASCII mode stop at the first
 * Ctrl-Z. Returns false on a write error. */
static bool pump(struct machine *m, int from, int to, bool ascii)
{
    char *buf = malloc(COPY_CHUNK);
    if (!buf)
        return false;
    bool ok = true;
    for (;;) {
        long n = cmd_read(m, from, buf, COPY_CHUNK);
        if (n <= 0)
            break;
        if (ascii) {
            char *z = memchr(buf, CTRL_Z, (size_t)n);
            if (z) {
                cmd_hwrite(m, to, buf, (uint32_t)(z - buf));
                break;
            }
        }
        if (cmd_hwrite(m, to, buf, (uint32_t)n) != n) {
            ok = false;
            break;
        }
        if (n < (long)COPY_CHUNK && cmd_is_device(m, from) == false)
            break;
    }
    free(buf);
    return ok;
}

enum cmd_step cmd_bi_type(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    char path[CMD_PATH_MAX];
    word(args, path, sizeof path);
    if (!path[0]) {
        cmd_puts(m, "Required parameter missing\r\n");
        return CMD_STEP_NEXT;
    }
    if (strpbrk(path, "*?")) {
        cmd_puts(m, "Invalid filename or file not found\r\n");
        return CMD_STEP_NEXT;
    }
    int h = cmd_open(m, path, OPEN_READ);
    if (h < 0) {
        cmd_printf(m, "File not found - %s\r\n", path);
        return CMD_STEP_NEXT;
    }
    pump(m, h, 1, true);
    cmd_close(m, h);
    return CMD_STEP_NEXT;
}

/* ---- COPY ---------------------------------------------------------------- */

struct copy_src {
    char name[CMD_PATH_MAX];
    bool ascii;
};

/* Same file? Compared on the canonical DOS path. */
static bool same_file(struct machine *m, const char *a, const char *b)
{
    struct hostfs_path ha, hb;
    return hostfs_resolve(&m->dos->fs, m->dos->cur_drive, a, HOSTFS_PARENT, &ha) == 0 &&
           hostfs_resolve(&m->dos->fs, m->dos->cur_drive, b, HOSTFS_PARENT, &hb) == 0 &&
           strcmp(ha.dos, hb.dos) == 0;
}

/* Append each source to the open handle `out`. Returns files read. */
static int copy_into(struct machine *m, int out, const struct copy_src *src, int n,
                     const char *skip)
{
    int files = 0;
    for (int i = 0; i < n; i++) {
        char dir[CMD_PATH_MAX], **names;
        int k = strpbrk(src[i].name, "*?") ? matches(m, src[i].name, &names) : -1;
        dir_part(src[i].name, dir, sizeof dir);
        for (int j = 0; j < (k < 0 ? 1 : k); j++) {
            char full[CMD_PATH_MAX * 2];
            int fl = k < 0 ? snprintf(full, sizeof full, "%s", src[i].name)
                           : snprintf(full, sizeof full, "%s%s", dir, names[j]);
            if (fl >= (int)sizeof full)
                continue;
            if (skip && same_file(m, full, skip))
                continue;
            int h = cmd_open(m, full, OPEN_READ);
            if (h < 0)
                continue;
            if (k >= 0)
                cmd_printf(m, "%s\r\n", full);
            pump(m, h, out, src[i].ascii);
            cmd_close(m, h);
            files++;
        }
        if (k > 0)
            free_names(names, k);
    }
    return files;
}

/* COPY [/A|/B] source [/A|/B] [+ source [/A|/B] ...] [destination] [/V]
 * [/Y|/-Y]. One source (wildcards allowed) copies file by file in binary;
 * several joined by + are concatenated into one file, in ASCII mode unless
 * /B (each source up to its first Ctrl-Z, a Ctrl-Z appended). Without a
 * destination, a single source goes to the current directory and a
 * concatenation is appended to its first file. vdm never asks before
 * overwriting (6.22 asks only at the prompt; batch files do not ask). */
enum cmd_step cmd_bi_copy(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    struct copy_src src[16];
    int n = 0;
    char dst[CMD_PATH_MAX] = "";
    bool ascii = false, concat = false, plus = false, saw_b = false;
    const char *s = args;
    for (;;) {
        s = cmd_skip_delims(s);
        if (!*s)
            break;
        if (*s == '+') {
            plus = true;
            concat = true;
            s++;
            continue;
        }
        if (*s == '/') {
            char opt = (char)toupper((unsigned char)s[1]);
            if (opt == 'A' || opt == 'B') {
                ascii = opt == 'A';
                saw_b |= opt == 'B';
                if (n > 0 && !dst[0])
                    src[n - 1].ascii = ascii;
            }
            s += 2;
            while (*s && !cmd_is_delim(*s) && *s != '/' && *s != '+')
                s++;
            continue;
        }
        char w[CMD_PATH_MAX];
        size_t k = 0;
        while (*s && !cmd_is_delim(*s) && *s != '+' && *s != '/') {
            if (k + 1 < sizeof w)
                w[k++] = *s;
            s++;
        }
        w[k] = 0;
        if (n == 0 || plus) {
            if (n == 16) {
                cmd_puts(m, "Too many parameters\r\n");
                return CMD_STEP_NEXT;
            }
            snprintf(src[n].name, sizeof src[n].name, "%s", w);
            src[n].ascii = ascii;
            n++;
            plus = false;
        } else if (!dst[0]) {
            snprintf(dst, sizeof dst, "%s", w);
        } else {
            cmd_puts(m, "Too many parameters\r\n");
            return CMD_STEP_NEXT;
        }
    }
    if (n == 0) {
        cmd_puts(m, "Required parameter missing\r\n");
        return CMD_STEP_NEXT;
    }
    int copied = 0;
    if (concat) {
        /* ASCII is the default when concatenating. */
        for (int i = 0; i < n && !saw_b; i++)
            src[i].ascii = true;
        bool append = !dst[0] || same_file(m, dst, src[0].name);
        if (!dst[0])
            snprintf(dst, sizeof dst, "%s", src[0].name);
        int out = append ? cmd_open(m, dst, 0x02) : cmd_create(m, dst, 0);
        if (out < 0) {
            cmd_puts(m, "File creation error\r\n");
            cmd_printf(m, "%9d file(s) copied\r\n", 0);
            return CMD_STEP_NEXT;
        }
        if (append)
            cmd_seek_end(m, out);
        copy_into(m, out, append ? src + 1 : src, append ? n - 1 : n, dst);
        if (src[0].ascii) {
            char z = CTRL_Z;
            cmd_hwrite(m, out, &z, 1);
        }
        cmd_close(m, out);
        copied = 1;
        cmd_printf(m, "%9d file(s) copied\r\n", copied);
        return CMD_STEP_NEXT;
    }
    char dir[CMD_PATH_MAX], **names = NULL;
    bool wild = strpbrk(src[0].name, "*?") != NULL;
    int k = 1;
    if (wild) {
        k = matches(m, src[0].name, &names);
    } else if (is_dir(m, src[0].name)) {
        char pat[CMD_PATH_MAX * 2];
        snprintf(pat, sizeof pat, "%s\\*.*", src[0].name);
        snprintf(src[0].name, sizeof src[0].name, "%.*s", (int)sizeof src[0].name - 1, pat);
        wild = true;
        k = matches(m, src[0].name, &names);
    }
    dir_part(src[0].name, dir, sizeof dir);
    if (k <= 0) {
        cmd_printf(m, "File not found - %s\r\n", src[0].name);
        cmd_printf(m, "%9d file(s) copied\r\n", 0);
        return CMD_STEP_NEXT;
    }
    bool dst_dir = !dst[0] || is_dir(m, dst) || (strlen(dst) == 2 && dst[1] == ':');
    for (int i = 0; i < k; i++) {
        char from[CMD_PATH_MAX * 2], to[CMD_PATH_MAX * 2], base[16];
        const char *name = wild ? names[i] : src[0].name + strlen(dir);
        snprintf(from, sizeof from, "%s%s", wild ? dir : "", wild ? names[i] : src[0].name);
        if (dst_dir) {
            size_t l = strlen(dst);
            snprintf(to, sizeof to, "%s%s%s", dst,
                     l && dst[l - 1] != '\\' && dst[l - 1] != ':' ? "\\" : "", name);
        } else if (strpbrk(dst, "*?")) {
            char ddir[CMD_PATH_MAX];
            dir_part(dst, ddir, sizeof ddir);
            apply_pattern(name, dst + strlen(ddir), base, sizeof base);
            snprintf(to, sizeof to, "%s%s", ddir, base);
        } else {
            snprintf(to, sizeof to, "%s", dst);
        }
        if (same_file(m, from, to)) {
            cmd_puts(m, "File cannot be copied onto itself\r\n");
            continue;
        }
        int h = cmd_open(m, from, OPEN_READ);
        if (h < 0) {
            cmd_printf(m, "File not found - %s\r\n", from);
            continue;
        }
        int out = cmd_create(m, to, 0);
        if (out < 0) {
            cmd_close(m, h);
            cmd_puts(m, "File creation error\r\n");
            continue;
        }
        if (wild)
            cmd_printf(m, "%s\r\n", from);
        pump(m, h, out, src[0].ascii);
        if (src[0].ascii) {
            char z = CTRL_Z;
            cmd_hwrite(m, out, &z, 1);
        }
        cmd_close(m, out);
        cmd_close(m, h);
        copied++;
    }
    free_names(names, wild ? k : 0);
    cmd_printf(m, "%9d file(s) copied\r\n", copied);
    return CMD_STEP_NEXT;
}

/* MOVE [/Y|/-Y] source[,source...] destination (MS-DOS 6.22 MOVE.EXE):
 * rename within a drive, copy and delete across drives; one line per file
 * "source => destination [ok]". A single non-wildcard source may be
 * renamed to a new name (files and directories). */
enum cmd_step cmd_bi_move(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    char *words[CMD_MAX_ARGS], buf[CMD_LINE_MAX * 2];
    char *w2[CMD_MAX_ARGS];
    int nw = cmd_split_words(args, words, CMD_MAX_ARGS, buf, sizeof buf), n = 0;
    for (int i = 0; i < nw; i++)
        if (words[i][0] != '/')
            w2[n++] = words[i];
    if (n < 2) {
        cmd_puts(m, "Required parameter missing\r\n");
        return CMD_STEP_NEXT;
    }
    const char *dst = w2[n - 1];
    bool dst_dir = is_dir(m, dst);
    for (int i = 0; i < n - 1; i++) {
        char dir[CMD_PATH_MAX], **names = NULL;
        dir_part(w2[i], dir, sizeof dir);
        bool wild = strpbrk(w2[i], "*?") != NULL;
        int k = wild ? matches(m, w2[i], &names) : 1;
        if (k <= 0) {
            cmd_printf(m, "File not found - %s\r\n", w2[i]);
            continue;
        }
        for (int j = 0; j < k; j++) {
            const char *name = wild ? names[j] : w2[i] + strlen(dir);
            char from[CMD_PATH_MAX * 2], to[CMD_PATH_MAX * 2];
            snprintf(from, sizeof from, "%s%s", dir, name);
            size_t l = strlen(dst);
            if (dst_dir)
                snprintf(to, sizeof to, "%s%s%s", dst, dst[l - 1] == '\\' ? "" : "\\", name);
            else
                snprintf(to, sizeof to, "%s", dst);
            struct hostfs_path hf, ht;
            if (hostfs_resolve(&m->dos->fs, m->dos->cur_drive, from, HOSTFS_EXISTING, &hf) ||
                hostfs_resolve(&m->dos->fs, m->dos->cur_drive, to, HOSTFS_PARENT, &ht)) {
                cmd_printf(m, "File not found - %s\r\n", from);
                continue;
            }
            if (ht.exists && !ht.is_dir && !hf.is_dir)
                cmd_path_call(m, F_UNLINK, to);
            int e = cmd_rename(m, from, to);
            if (e == DOS_ERR_NOT_SAME_DEVICE) {
                int h = cmd_open(m, from, OPEN_READ), o = h >= 0 ? cmd_create(m, to, 0) : -1;
                e = h < 0 || o < 0 ? DOS_ERR_ACCESS_DENIED : 0;
                if (!e)
                    pump(m, h, o, false);
                if (o >= 0)
                    cmd_close(m, o);
                if (h >= 0)
                    cmd_close(m, h);
                if (!e)
                    cmd_path_call(m, F_UNLINK, from);
            }
            cmd_printf(m, "%s => %s %s\r\n", hf.dos, ht.dos, e ? "[Unable to move]" : "[ok]");
        }
        free_names(names, wild ? k : 0);
    }
    return CMD_STEP_NEXT;
}

/* TRUENAME [path]: the canonical full name (undocumented in 6.22). */
enum cmd_step cmd_bi_truename(struct machine *m, struct cmd_inst *in, const char *args)
{
    (void)in;
    char path[CMD_PATH_MAX];
    word(args, path, sizeof path);
    struct hostfs_path hp;
    int e = hostfs_resolve(&m->dos->fs, m->dos->cur_drive, path[0] ? path : ".", HOSTFS_PARENT,
                           &hp);
    if (e)
        cmd_printf(m, "%s\r\n", cmd_error_text(e));
    else
        cmd_printf(m, "%s\r\n", hp.dos);
    return CMD_STEP_NEXT;
}
