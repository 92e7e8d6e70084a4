/*
 * Host files as DOS directory entries: attributes, sizes and packed DOS
 * dates and times from stat(), the read-only bit mapped to host write
 * permission, and find first/next over one directory listing.
 */
#define _GNU_SOURCE /* O_PATH */
#include "hostfs/hostfs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dos/errors.h"
#include "hostfs/names.h"

/* Packed DOS date: bits 15-9 year-1980, 8-5 month, 4-0 day; time: bits
 * 15-11 hours, 10-5 minutes, 4-0 seconds/2 (RBIL INT 21/AX=5700h). */
#define DOS_YEAR_BASE 1980
#define DOS_YEAR_LAST (DOS_YEAR_BASE + 127)
#define DOS_DATE_MIN ((1u << 5) | 1u) /* 1980-01-01 */
#define DOS_DATE_MAX ((127u << 9) | (12u << 5) | 31u)
#define DOS_TIME_MAX ((23u << 11) | (59u << 5) | 29u)
#define SIZE_CLAMP 0xFFFFFFFFu
#define WRITE_BITS (S_IWUSR | S_IWGRP | S_IWOTH)

void hostfs_dos_datetime(time_t t, uint16_t *date, uint16_t *time_)
{
    struct tm tm;
    if (!localtime_r(&t, &tm) || tm.tm_year + 1900 < DOS_YEAR_BASE) {
        *date = DOS_DATE_MIN;
        *time_ = 0;
        return;
    }
    if (tm.tm_year + 1900 > DOS_YEAR_LAST) {
        *date = DOS_DATE_MAX;
        *time_ = DOS_TIME_MAX;
        return;
    }
    *date = (uint16_t)(((tm.tm_year + 1900 - DOS_YEAR_BASE) << 9) | ((tm.tm_mon + 1) << 5) |
                       tm.tm_mday);
    *time_ = (uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
}

time_t hostfs_dos_to_time(uint16_t date, uint16_t time_)
{
    struct tm tm = {
        .tm_year = (date >> 9) + DOS_YEAR_BASE - 1900,
        .tm_mon = ((date >> 5) & 0x0F) - 1,
        .tm_mday = date & 0x1F,
        .tm_hour = time_ >> 11,
        .tm_min = (time_ >> 5) & 0x3F,
        .tm_sec = (time_ & 0x1F) * 2,
        .tm_isdst = -1,
    };
    return mktime(&tm);
}

static void fill_dirent(const struct stat *st, const char *host_name, struct hostfs_dirent *e)
{
    e->name[0] = 0;
    if (S_ISDIR(st->st_mode)) {
        e->attr = HOSTFS_ATTR_DIRECTORY;
        e->size = 0;
    } else {
        e->attr = HOSTFS_ATTR_ARCHIVE;
        e->size = st->st_size > (off_t)SIZE_CLAMP ? SIZE_CLAMP : (uint32_t)st->st_size;
    }
    /* Mode bits, not access(): running as root must not hide the bit. */
    if (!(st->st_mode & WRITE_BITS))
        e->attr |= HOSTFS_ATTR_READONLY;
    /* Unix dot files are what "hidden" means on the host. */
    if (host_name && host_name[0] == '.')
        e->attr |= HOSTFS_ATTR_HIDDEN;
    hostfs_dos_datetime(st->st_mtime, &e->date, &e->time);
}

int hostfs_stat(const char *host_path, struct hostfs_dirent *e)
{
    struct stat st;
    if (stat(host_path, &st) != 0)
        return hostfs_errno_to_dos(errno);
    const char *slash = strrchr(host_path, '/');
    fill_dirent(&st, slash ? slash + 1 : host_path, e);
    return 0;
}

int hostfs_stat_at(const struct hostfs *fs, const struct hostfs_path *hp,
                   struct hostfs_dirent *e)
{
    int fd = hostfs_open(fs, hp, O_PATH, 0);
    if (fd < 0)
        return -fd;
    struct stat st;
    int rc = fstat(fd, &st) == 0 ? 0 : hostfs_errno_to_dos(errno);
    close(fd);
    if (rc == 0) {
        const char *slash = strrchr(hp->host, '/');
        fill_dirent(&st, slash ? slash + 1 : hp->host, e);
    }
    return rc;
}

/* The permission bits that give or take DOS's read-only attribute. */
static mode_t readonly_mode(mode_t mode, bool ro)
{
    mode &= 07777;
    if (ro)
        return mode & (mode_t)~WRITE_BITS;
    if (!(mode & WRITE_BITS))
        mode |= S_IWUSR; /* give back the owner's write permission only */
    return mode;
}

int hostfs_set_readonly(const char *host_path, bool ro)
{
    struct stat st;
    if (stat(host_path, &st) != 0)
        return hostfs_errno_to_dos(errno);
    mode_t mode = readonly_mode(st.st_mode, ro);
    if (mode != (st.st_mode & 07777) && chmod(host_path, mode) != 0)
        return hostfs_errno_to_dos(errno);
    return 0;
}

/* fchmod() refuses O_PATH fds, so the change goes through the fd's
 * /proc/self/fd entry: it names the very file the sandboxed open found,
 * whatever happened to its path since. */
int hostfs_set_readonly_at(const struct hostfs *fs, const struct hostfs_path *hp, bool ro)
{
    int fd = hostfs_open(fs, hp, O_PATH, 0);
    if (fd < 0)
        return -fd;
    struct stat st;
    char proc[sizeof "/proc/self/fd/" + 12];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    int rc = 0;
    if (fstat(fd, &st) != 0) {
        rc = hostfs_errno_to_dos(errno);
    } else {
        mode_t mode = readonly_mode(st.st_mode, ro);
        if (mode != (st.st_mode & 07777) && chmod(proc, mode) != 0)
            rc = hostfs_errno_to_dos(errno);
    }
    close(fd);
    return rc;
}

/* Attributes a search includes only when asked for (RBIL INT 21/AH=4Eh). */
#define SEARCH_SPECIAL (HOSTFS_ATTR_HIDDEN | HOSTFS_ATTR_SYSTEM | HOSTFS_ATTR_DIRECTORY)

static bool attr_wanted(uint8_t have, uint8_t search)
{
    return (have & SEARCH_SPECIAL & ~search) == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct hostfs_dirent *)a)->name,
                  ((const struct hostfs_dirent *)b)->name);
}

/* Split a find pattern at its last separator (or drive colon): the
 * directory part goes to hostfs_resolve, the rest is the wildcard. */
static const char *split_pattern(const char *pattern, char *dir, size_t cap)
{
    const char *last = pattern;
    for (const char *s = pattern; *s; s++)
        if (*s == '\\' || *s == '/' || (s == pattern + 1 && *s == ':'))
            last = s + 1;
    size_t dl = (size_t)(last - pattern);
    if (dl >= cap)
        dl = cap - 1;
    memcpy(dir, pattern, dl);
    dir[dl] = 0;
    return last;
}

/* Add one entry to the search when it passes the pattern and attributes. */
static int add_match(struct hostfs_search *s, size_t *cap, const struct hostfs_dirent *e)
{
    if (s->count == *cap) {
        size_t ncap = *cap ? *cap * 2 : 16;
        struct hostfs_dirent *nv = realloc(s->entries, ncap * sizeof *nv);
        if (!nv)
            return DOS_ERR_INSUFFICIENT_MEMORY;
        s->entries = nv;
        *cap = ncap;
    }
    s->entries[s->count++] = *e;
    return 0;
}

/* "." and ".." of a subdirectory, which MS-DOS lists first. */
static int add_dot_entries(struct hostfs_search *s, size_t *cap, const char *host_dir,
                           const char *pat, uint8_t attr)
{
    static const char *const dots[] = { ".", ".." };
    struct stat st;
    if (!(attr & HOSTFS_ATTR_DIRECTORY) || stat(host_dir, &st) != 0)
        return 0;
    for (size_t i = 0; i < 2; i++) {
        if (!hostfs_wild_match(pat, dots[i]))
            continue;
        struct hostfs_dirent e;
        fill_dirent(&st, NULL, &e);
        strcpy(e.name, dots[i]);
        int rc = add_match(s, cap, &e);
        if (rc)
            return rc;
    }
    return 0;
}

/* The drive's volume label as a search result: the label's 11 characters
 * shown as an 8.3 name ("MYDIRWIT.HLO"), as MS-DOS shows labels in the DTA. */
static int find_label(const struct hostfs *fs, const struct hostfs_path *hp, const char *pat,
                      struct hostfs_search *s)
{
    char label[12];
    hostfs_label(fs, hp->drive, label);
    if (hp->last[0] || !label[0])
        return DOS_ERR_NO_MORE_FILES;
    struct hostfs_dirent e;
    int rc = hostfs_stat_at(fs, hp, &e);
    if (rc)
        return rc;
    snprintf(e.name, sizeof e.name, "%.8s%s%s", label, strlen(label) > 8 ? "." : "",
             strlen(label) > 8 ? label + 8 : "");
    e.attr = HOSTFS_ATTR_VOLUME;
    e.size = 0;
    if (!hostfs_wild_match(pat, e.name))
        return DOS_ERR_NO_MORE_FILES;
    size_t cap = 0;
    rc = add_match(s, &cap, &e);
    if (rc)
        return rc;
    s->active = true;
    s->next = 0;
    return 0;
}

/* The id of directory `dos` (a canonical DOS path) in fs->dirs, added if
 * new; HOSTFS_DIR_IDS when the table is full or memory is short. */
static unsigned dir_id(struct hostfs *fs, const char *dos)
{
    for (unsigned i = fs->n_dirs; i-- > 0;) /* recent directories last */
        if (strcmp(fs->dirs[i], dos) == 0)
            return i;
    if (fs->n_dirs == HOSTFS_DIR_IDS)
        return HOSTFS_DIR_IDS;
    if (fs->n_dirs == fs->cap_dirs) {
        unsigned ncap = fs->cap_dirs ? fs->cap_dirs * 2 : 16;
        char(*nd)[HOSTFS_DOS_MAX] = realloc(fs->dirs, ncap * sizeof *nd);
        if (!nd)
            return HOSTFS_DIR_IDS;
        fs->dirs = nd;
        fs->cap_dirs = ncap;
    }
    strcpy(fs->dirs[fs->n_dirs], dos);
    return fs->n_dirs++;
}

/* List the entries of resolved directory `hp` matching canonical pattern
 * `pat` and `attr` into `s` (sorted, "." and ".." first). */
static int list_matches(struct hostfs *fs, const struct hostfs_path *hp, const char *pat,
                        uint8_t attr, struct hostfs_search *s)
{
    s->drive = hp->drive;
    s->attr = attr;
    hostfs_fcb_form(pat, s->fcb);
    s->dir_id = dir_id(fs, hp->dos);
    /* A search for the volume label alone (RBIL INT 21/AH=4Eh: attribute
     * 08h returns only the label, which lives in the root directory). */
    if (attr == HOSTFS_ATTR_VOLUME)
        return find_label(fs, hp, pat, s);

    struct hostfs_dirlist l;
    int err = hostfs_dir_list(fs, &fs->drive[hp->drive], hp->host, &l);
    if (err)
        return err == ENOMEM ? DOS_ERR_INSUFFICIENT_MEMORY : DOS_ERR_PATH_NOT_FOUND;
    size_t cap = 0;
    int rc = 0;
    if (hp->last[0]) /* not the root */
        rc = add_dot_entries(s, &cap, hp->host, pat, attr);
    unsigned dots = s->count;
    for (size_t i = 0; !rc && i < l.n; i++) {
        if (!hostfs_wild_match(pat, l.v[i].dos))
            continue;
        char path[HOSTFS_HOST_MAX];
        size_t hl = strlen(hp->host);
        if (hl + 1 + strlen(l.v[i].host) >= sizeof path)
            continue;
        memcpy(path, hp->host, hl);
        path[hl] = '/';
        strcpy(path + hl + 1, l.v[i].host);
        struct hostfs_dirent e;
        if (hostfs_stat(path, &e) != 0 || !attr_wanted(e.attr, attr))
            continue;
        strcpy(e.name, l.v[i].dos);
        rc = add_match(s, &cap, &e);
    }
    hostfs_dir_free(&l);
    if (rc) {
        hostfs_search_end(s);
        return rc;
    }
    if (s->count > dots)
        qsort(s->entries + dots, s->count - dots, sizeof *s->entries, by_name);
    s->active = true;
    s->next = 0;
    return 0;
}

int hostfs_find_first(struct hostfs *fs, int cur_drive, const char *pattern, uint8_t attr,
                      struct hostfs_search *s, struct hostfs_dirent *first)
{
    hostfs_search_end(s);
    char dir[HOSTFS_DOS_MAX], pat[HOSTFS_NAME83];
    const char *wild = split_pattern(pattern, dir, sizeof dir);
    struct hostfs_path hp;
    int rc = hostfs_resolve(fs, cur_drive, dir, HOSTFS_EXISTING, &hp);
    if (rc == DOS_ERR_FILE_NOT_FOUND || (rc == 0 && !hp.is_dir))
        return DOS_ERR_PATH_NOT_FOUND;
    if (rc)
        return rc;
    if (!hostfs_dos_canon(wild, strlen(wild), true, pat))
        return DOS_ERR_NO_MORE_FILES;
    rc = list_matches(fs, &hp, pat, attr, s);
    return rc ? rc : hostfs_find_next(s, first);
}

int hostfs_find_resume(struct hostfs *fs, unsigned id, const char fcb[11], uint8_t attr,
                       struct hostfs_search *s)
{
    hostfs_search_end(s);
    if (id >= fs->n_dirs)
        return DOS_ERR_NO_MORE_FILES;
    /* the FCB form back to a pattern: "????????TXT" -> "????????.TXT" */
    char pat[HOSTFS_NAME83];
    size_t k = 0;
    for (size_t i = 0; i < 8 && fcb[i] != ' '; i++)
        pat[k++] = fcb[i];
    if (fcb[8] != ' ' || fcb[0] == '.') {
        if (fcb[0] != '.')
            pat[k++] = '.';
        for (size_t i = 8; i < HOSTFS_FCB_NAME && fcb[i] != ' '; i++)
            pat[k++] = fcb[i];
    }
    pat[k] = 0;
    struct hostfs_path hp;
    int rc = hostfs_resolve(fs, 0, fs->dirs[id], HOSTFS_EXISTING, &hp);
    if (rc || !hp.is_dir)
        return DOS_ERR_NO_MORE_FILES;
    return list_matches(fs, &hp, pat, attr, s);
}

int hostfs_find_next(struct hostfs_search *s, struct hostfs_dirent *next)
{
    if (!s->active || s->next >= s->count) {
        hostfs_search_end(s);
        return DOS_ERR_NO_MORE_FILES;
    }
    *next = s->entries[s->next++];
    return 0;
}

void hostfs_search_end(struct hostfs_search *s)
{
    free(s->entries);
    s->entries = NULL;
    s->count = s->next = 0;
    s->active = false;
}
