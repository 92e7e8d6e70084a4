/*
 * DIR and the volume line, in MS-DOS 6.22's layout:
 *
 *    Volume in drive C has no label
 *    Directory of C:\SUB
 *
 *   .            <DIR>         11-24-26   1:05p
 *   README   TXT         1,234 11-24-26   1:05p
 *           2 file(s)          1,234 bytes
 *                       2,147,450,880 bytes free
 *
 * Columns: name padded to 8, extension to 3, size right-aligned in 14
 * with thousands separators (or <DIR>), date mm-dd-yy, time h:mm with a/p.
 * The widths are from memory of 6.22 output and could not be confirmed
 * against a reference here. vdm's drives have no label and no serial
 * number, so the "Volume Serial Number is" line is left out, as 6.22 does
 * for such disks. Free space is the host's, capped at what a FAT16 drive
 * can report (2,147,450,880 bytes, as DOS shows for big disks).
 * Switches: /P /W /S /B /L /A[[:]attrs] /O[[:]order]; DIRCMD is read first.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>

#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "vdm/machine.h"

#define DIR_FREE_MAX 2147450880ull
#define DIR_PAGE_LINES 23
#define DIR_WIDE_COLS 5
#define DIR_MAX_DEPTH 16
#define ATTR_ALL (HOSTFS_ATTR_HIDDEN | HOSTFS_ATTR_SYSTEM | HOSTFS_ATTR_DIRECTORY)

struct dir_opts {
    bool wide, pause, sub, bare, lower;
    uint8_t attr_on, attr_off;   /* /A: must have / must not have */
    bool attr_given;
    char order[8];               /* /O letters, '-' before a reversed one */
    int lines;                   /* for /P */
    unsigned long files;         /* totals for /S */
    uint64_t bytes;
    bool found;
};

void cmd_print_volume(struct machine *m, int drive)
{
    cmd_printf(m, " Volume in drive %c has no label\r\n", 'A' + drive);
}

static void out_line(struct machine *m, struct dir_opts *o, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void out_line(struct machine *m, struct dir_opts *o, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    cmd_puts(m, buf);
    if (o->pause && ++o->lines == DIR_PAGE_LINES) {
        cmd_pause(m);
        o->lines = 0;
    }
}

static uint8_t attr_bit(char c)
{
    switch (toupper((unsigned char)c)) {
    case 'D': return HOSTFS_ATTR_DIRECTORY;
    case 'H': return HOSTFS_ATTR_HIDDEN;
    case 'S': return HOSTFS_ATTR_SYSTEM;
    case 'R': return HOSTFS_ATTR_READONLY;
    case 'A': return HOSTFS_ATTR_ARCHIVE;
    default: return 0;
    }
}

/* Parse switches from s (DIRCMD or the command line); the first non-switch
 * word goes to pattern. False on an unknown switch. */
static bool parse_opts(const char *s, struct dir_opts *o, char *pattern, size_t cap)
{
    for (;;) {
        s = cmd_skip_delims(s);
        if (!*s)
            return true;
        if (*s != '/') {
            size_t n = 0;
            while (*s && !cmd_is_delim(*s) && *s != '/') {
                if (n + 1 < cap)
                    pattern[n++] = *s;
                s++;
            }
            pattern[n] = 0;
            continue;
        }
        s++;
        bool neg = *s == '-';
        if (neg)
            s++;
        char c = (char)toupper((unsigned char)*s);
        if (c)
            s++;
        if (*s == ':')
            s++;
        switch (c) {
        case 'W': o->wide = !neg; break;
        case 'P': o->pause = !neg; break;
        case 'S': o->sub = !neg; break;
        case 'B': o->bare = !neg; break;
        case 'L': o->lower = !neg; break;
        case 'A':
            o->attr_given = !neg;
            o->attr_on = o->attr_off = 0;
            for (bool minus = false; *s && *s != '/' && !cmd_is_delim(*s); s++) {
                if (*s == '-') {
                    minus = true;
                    continue;
                }
                if (minus)
                    o->attr_off |= attr_bit(*s);
                else
                    o->attr_on |= attr_bit(*s);
                minus = false;
            }
            break;
        case 'O': {
            size_t n = 0;
            for (; *s && *s != '/' && !cmd_is_delim(*s); s++)
                if (n + 1 < sizeof o->order)
                    o->order[n++] = (char)toupper((unsigned char)*s);
            o->order[n] = 0;
            if (!n && !neg)
                snprintf(o->order, sizeof o->order, "GN");
            if (neg)
                o->order[0] = 0;
            break;
        }
        default: return false;
        }
    }
}

static bool wanted(const struct dir_opts *o, const struct hostfs_dirent *e)
{
    if (!o->attr_given)
        return !(e->attr & (HOSTFS_ATTR_HIDDEN | HOSTFS_ATTR_SYSTEM));
    return (e->attr & o->attr_on) == o->attr_on && !(e->attr & o->attr_off);
}

/* The sort order of qsort_r-less C11: the options travel in a file-scope
 * const-free struct passed through a wrapper array (see sort_entries). */
struct sort_item {
    struct hostfs_dirent e;
    const char *order;
};

static int cmp_key(const struct hostfs_dirent *a, const struct hostfs_dirent *b, char k)
{
    const char *ea = strchr(a->name, '.'), *eb = strchr(b->name, '.');
    switch (k) {
    case 'N': return strcmp(a->name, b->name);
    case 'E': return strcmp(ea ? ea : "", eb ? eb : "");
    case 'S': return a->size < b->size ? -1 : a->size > b->size;
    case 'D': {
        uint32_t da = (uint32_t)a->date << 16 | a->time, db = (uint32_t)b->date << 16 | b->time;
        return da < db ? -1 : da > db;
    }
    case 'G':
        return ((b->attr & HOSTFS_ATTR_DIRECTORY) != 0) - ((a->attr & HOSTFS_ATTR_DIRECTORY) != 0);
    default: return 0;
    }
}

static int cmp_items(const void *pa, const void *pb)
{
    const struct sort_item *a = pa, *b = pb;
    for (const char *k = a->order; *k; k++) {
        bool rev = *k == '-';
        if (rev && !*++k)
            break;
        int c = cmp_key(&a->e, &b->e, *k);
        if (c)
            return rev ? -c : c;
    }
    return 0;
}

static void fmt_name(const struct dir_opts *o, const char *name, char *out, size_t cap)
{
    snprintf(out, cap, "%s", name);
    if (o->lower)
        for (char *p = out; *p; p++)
            *p = (char)tolower((unsigned char)*p);
}

static void print_entry(struct machine *m, struct dir_opts *o, const struct hostfs_dirent *e,
                        const char *dir, int *col)
{
    char name[16];
    fmt_name(o, e->name, name, sizeof name);
    bool isdir = e->attr & HOSTFS_ATTR_DIRECTORY;
    if (o->bare) {
        if (!strcmp(e->name, ".") || !strcmp(e->name, ".."))
            return;
        if (o->sub)
            out_line(m, o, "%s%s%s\r\n", dir, dir[strlen(dir) - 1] == '\\' ? "" : "\\", name);
        else
            out_line(m, o, "%s\r\n", name);
        return;
    }
    if (o->wide) {
        char cell[20];
        snprintf(cell, sizeof cell, isdir ? "[%s]" : "%s", name);
        cmd_printf(m, "%-16s", cell);
        if (++*col == DIR_WIDE_COLS) {
            *col = 0;
            out_line(m, o, "\r\n");
        }
        return;
    }
    char base[9] = "", ext[4] = "";
    const char *dot = strcmp(name, ".") && strcmp(name, "..") ? strchr(name, '.') : NULL;
    snprintf(base, sizeof base, "%.*s", dot ? (int)(dot - name) : 8, name);
    snprintf(ext, sizeof ext, "%s", dot ? dot + 1 : "");
    char size[20];
    if (isdir)
        snprintf(size, sizeof size, "<DIR>        ");
    else
        cmd_commas(e->size, size, sizeof size);
    unsigned h = e->time >> 11, mi = (e->time >> 5) & 63;
    out_line(m, o, "%-8s %-3s %*s %02u-%02u-%02u  %2u:%02u%c\r\n", base, ext, isdir ? -13 : 13,
             size, (e->date >> 5) & 15, e->date & 31, (1980 + (e->date >> 9)) % 100,
             h % 12 ? h % 12 : 12, mi, h < 12 ? 'a' : 'p');
}

static void summary(struct machine *m, struct dir_opts *o, unsigned long files, uint64_t bytes)
{
    char b[32];
    cmd_commas(bytes, b, sizeof b);
    out_line(m, o, "%9lu file(s)%15s bytes\r\n", files, b);
}

/* List one directory (dir = its canonical DOS path, spec = name pattern).
 * Recurses for /S. */
static void list_dir(struct machine *m, struct dir_opts *o, const char *dir, const char *spec,
                     int depth)
{
    char pattern[CMD_PATH_MAX * 2];
    size_t dl = strlen(dir);
    snprintf(pattern, sizeof pattern, "%s%s%s", dir, dir[dl - 1] == '\\' ? "" : "\\", spec);
    struct hostfs_search s = { 0 };
    struct hostfs_dirent e;
    struct sort_item *items = NULL;
    size_t n = 0;
    int rc = hostfs_find_first(&m->dos->fs, m->dos->cur_drive, pattern, ATTR_ALL, &s, &e);
    while (rc == 0) {
        if (wanted(o, &e)) {
            struct sort_item *ni = realloc(items, (n + 1) * sizeof *ni);
            if (!ni)
                break;
            items = ni;
            items[n++] = (struct sort_item){ e, o->order };
        }
        rc = hostfs_find_next(&s, &e);
    }
    hostfs_search_end(&s);
    if (o->order[0])
        qsort(items, n, sizeof *items, cmp_items);
    if (n) {
        o->found = true;
        if (!o->bare && (o->sub || depth == 0))
            out_line(m, o, "%s Directory of %s\r\n\r\n", depth ? "\r\n" : "", dir);
        int col = 0;
        unsigned long files = 0;
        uint64_t bytes = 0;
        for (size_t i = 0; i < n; i++) {
            print_entry(m, o, &items[i].e, dir, &col);
            files++;
            if (!(items[i].e.attr & HOSTFS_ATTR_DIRECTORY))
                bytes += items[i].e.size;
        }
        if (col)
            out_line(m, o, "\r\n");
        if (!o->bare)
            summary(m, o, files, bytes);
        o->files += files;
        o->bytes += bytes;
    }
    free(items);
    if (!o->sub || depth == DIR_MAX_DEPTH)
        return;
    snprintf(pattern, sizeof pattern, "%s%s*.*", dir, dir[dl - 1] == '\\' ? "" : "\\");
    s = (struct hostfs_search){ 0 };
    char **subs = NULL;
    size_t ns = 0;
    rc = hostfs_find_first(&m->dos->fs, m->dos->cur_drive, pattern, ATTR_ALL, &s, &e);
    while (rc == 0) {
        if ((e.attr & HOSTFS_ATTR_DIRECTORY) && strcmp(e.name, ".") && strcmp(e.name, "..")) {
            char **nn = realloc(subs, (ns + 1) * sizeof *nn);
            if (!nn)
                break;
            subs = nn;
            subs[ns++] = strdup(e.name);
        }
        rc = hostfs_find_next(&s, &e);
    }
    hostfs_search_end(&s);
    for (size_t i = 0; i < ns; i++) {
        char sub[CMD_PATH_MAX * 2];
        snprintf(sub, sizeof sub, "%s%s%s", dir, dir[dl - 1] == '\\' ? "" : "\\", subs[i]);
        if (strlen(sub) < CMD_PATH_MAX)
            list_dir(m, o, sub, spec, depth + 1);
        free(subs[i]);
    }
    free(subs);
}

static uint64_t bytes_free(struct machine *m, int drive)
{
    struct statvfs sv;
    if (statvfs(m->dos->fs.drive[drive].root, &sv) != 0)
        return 0;
    uint64_t b = (uint64_t)sv.f_bavail * sv.f_frsize;
    return b > DIR_FREE_MAX ? DIR_FREE_MAX : b;
}

enum cmd_step cmd_bi_dir(struct machine *m, struct cmd_inst *in, const char *args)
{
    struct dir_opts o = { 0 };
    char pattern[CMD_PATH_MAX] = "", env[CMD_LINE_MAX];
    if ((cmd_env_get(m, in, "DIRCMD", env, sizeof env) &&
         !parse_opts(env, &o, pattern, sizeof pattern)) ||
        !parse_opts(args, &o, pattern, sizeof pattern)) {
        cmd_puts(m, "Invalid switch\r\n");
        return CMD_STEP_NEXT;
    }
    int drive = cmd_path_drive(m, pattern);
    if (drive < 0) {
        cmd_puts(m, "Invalid drive specification\r\n");
        return CMD_STEP_NEXT;
    }
    /* What to list: a directory means all of it; a name without an
     * extension means NAME.* (6.22). */
    char dirpart[CMD_PATH_MAX], spec[16];
    struct hostfs_path hp;
    const char *p = pattern[0] ? pattern : ".";
    size_t pl = strlen(p);
    if (p[pl - 1] == '\\' || p[pl - 1] == ':' ||
        (hostfs_resolve(&m->dos->fs, m->dos->cur_drive, p, HOSTFS_EXISTING, &hp) == 0 &&
         hp.is_dir)) {
        snprintf(dirpart, sizeof dirpart, "%s%s", p, p[pl - 1] == ':' ? "." : "");
        snprintf(spec, sizeof spec, "*.*");
    } else {
        const char *cut = p;
        for (const char *q = p; *q; q++)
            if (*q == '\\' || *q == ':')
                cut = q + 1;
        snprintf(dirpart, sizeof dirpart, "%.*s", (int)(cut - p), p);
        if (!dirpart[0])
            snprintf(dirpart, sizeof dirpart, ".");
        else if (cut[-1] == ':')
            snprintf(dirpart + strlen(dirpart), sizeof dirpart - strlen(dirpart), ".");
        snprintf(spec, sizeof spec, "%.12s%s", cut, strchr(cut, '.') ? "" : ".*");
    }
    if (hostfs_resolve(&m->dos->fs, m->dos->cur_drive, dirpart, HOSTFS_EXISTING, &hp) ||
        !hp.is_dir) {
        if (!o.bare) {
            cmd_puts(m, "\r\n");
            cmd_print_volume(m, drive);
        }
        cmd_puts(m, "Path not found\r\n");
        return CMD_STEP_NEXT;
    }
    if (!o.bare) {
        cmd_puts(m, "\r\n");
        cmd_print_volume(m, drive);
    }
    list_dir(m, &o, hp.dos, spec, 0);
    if (!o.found) {
        if (!o.bare)
            cmd_printf(m, " Directory of %s\r\n\r\n", hp.dos);
        cmd_puts(m, "File not found\r\n");
        return CMD_STEP_NEXT;
    }
    if (o.bare)
        return CMD_STEP_NEXT;
    if (o.sub) {
        out_line(m, &o, "\r\nTotal files listed:\r\n");
        summary(m, &o, o.files, o.bytes);
    }
    char fr[32];
    cmd_commas(bytes_free(m, drive), fr, sizeof fr);
    out_line(m, &o, "%32s bytes free\r\n", fr);
    return CMD_STEP_NEXT;
}
