/*
 * Long-name directory searches: INT 21h/714Eh, 714Fh and 71A1h, and the
 * matching that 7141h with wildcards shares (see dos/lfn.c). Find handles
 * are independent of file handles: each holds the matching entries of one
 * directory, listed at 714Eh, and lives until 71A1h or the end of vdm.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "dos/dos.h"
#include "dos/int21.h"
#include "dos/lfn.h"
#include "hostfs/longname.h"
#include "hostfs/names.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define LFN_SEARCHES 16

/* 714Eh find data record (RBIL Table 01792, the Win32 WIN32_FIND_DATA
 * layout). */
#define FD_ATTR 0x00
#define FD_CTIME 0x04
#define FD_ATIME 0x0C
#define FD_MTIME 0x14
#define FD_SIZE_HI 0x1C
#define FD_SIZE_LO 0x20
#define FD_NAME 0x2C
#define FD_SHORT 0x130
#define FD_SIZE 0x13E

struct dos_lfn {
    struct lfn_search s[LFN_SEARCHES];
};

/* A time for a find record: FILETIME, or (SI = 1) DOS date:time. */
static void put_time(uint8_t *p, time_t t, bool dos_format)
{
    if (!dos_format) {
        lfn_put_filetime(p, t);
        return;
    }
    uint16_t date, tm;
    hostfs_dos_datetime(t, &date, &tm);
    memset(p, 0, 8);
    lfn_put32(p, ((uint32_t)date << 16) | tm);
}

/* Length of the directory part of a pattern ("C:\DIR" of "C:\DIR\*.x"). */
size_t lfn_dir_part_len(const char *pattern)
{
    size_t n = 0;
    for (size_t i = 0; pattern[i]; i++)
        if (pattern[i] == '\\' || pattern[i] == '/' || (i == 1 && pattern[i] == ':'))
            n = i + 1;
    return n;
}

void lfn_search_end(struct lfn_search *s)
{
    free(s->v);
    *s = (struct lfn_search){ 0 };
}

/* Add one entry to a search. */
static int search_add(struct lfn_search *s, size_t *cap, const char *host, const char *dos,
                      const struct stat *st)
{
    if (s->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        struct lfn_entry *nv = realloc(s->v, nc * sizeof *nv);
        if (!nv)
            return DOS_ERR_INSUFFICIENT_MEMORY;
        s->v = nv;
        *cap = nc;
    }
    struct lfn_entry *e = &s->v[s->n++];
    snprintf(e->host, sizeof e->host, "%s", host);
    snprintf(e->dos, sizeof e->dos, "%s", dos);
    e->size = (uint64_t)st->st_size;
    e->ctime_ = st->st_ctime;
    e->atime_ = st->st_atime;
    e->mtime_ = st->st_mtime;
    return 0;
}

/* Attributes a search shows only when CL allows them. */
#define LFN_SPECIAL (HOSTFS_ATTR_HIDDEN | HOSTFS_ATTR_SYSTEM | HOSTFS_ATTR_DIRECTORY)

/* List the entries of the directory of `pattern` that match its last
 * component (long name or 8.3 alias) and the CL/CH attribute masks. */
int lfn_search_fill(struct machine *m, struct lfn_search *s, const char *pattern,
                    uint8_t allowed, uint8_t required)
{
    char dir[HOSTFS_LFN_PATH_MAX];
    size_t dl = lfn_dir_part_len(pattern);
    const char *wild = pattern + dl;
    memcpy(dir, pattern, dl);
    dir[dl] = 0;
    if (dl == 0 || (dl == 2 && dir[1] == ':'))
        strcat(dir, ".");
    struct hostfs_path hp;
    int rc = hostfs_resolve_long(&m->dos->fs, m->dos->cur_drive, dir, HOSTFS_EXISTING, &hp, NULL);
    if (rc == DOS_ERR_FILE_NOT_FOUND || (!rc && !hp.is_dir))
        return DOS_ERR_PATH_NOT_FOUND;
    if (rc)
        return rc;
    struct hostfs_dirlist l;
    int err = hostfs_dir_list(m->dos->fs.drive[hp.drive].root, hp.host, &l);
    if (err)
        return err == ENOMEM ? DOS_ERR_INSUFFICIENT_MEMORY : DOS_ERR_PATH_NOT_FOUND;
    size_t cap = 0;
    struct stat st;
    /* "." and ".." first in a subdirectory, as the FAT file system lists. */
    for (int i = 0; !rc && hp.last[0] && i < 2; i++) {
        const char *dot = i ? ".." : ".";
        if ((allowed & HOSTFS_ATTR_DIRECTORY) && hostfs_lfn_match(wild, dot) &&
            stat(hp.host, &st) == 0) {
            rc = search_add(s, &cap, dot, "", &st);
            if (!rc)
                s->v[s->n - 1].attr = HOSTFS_ATTR_DIRECTORY;
        }
    }
    for (size_t i = 0; !rc && i < l.n; i++) {
        if (!hostfs_lfn_match(wild, l.v[i].host) && !hostfs_lfn_match(wild, l.v[i].dos))
            continue;
        char path[HOSTFS_HOST_MAX];
        struct hostfs_dirent e;
        if ((size_t)snprintf(path, sizeof path, "%s/%s", hp.host, l.v[i].host) >= sizeof path ||
            hostfs_stat(path, &e) || stat(path, &st))
            continue;
        if ((e.attr & LFN_SPECIAL & ~allowed) || (e.attr & required) != required)
            continue;
        /* The short name field stays empty when the long name is it. */
        rc = search_add(s, &cap, l.v[i].host, strcmp(l.v[i].host, l.v[i].dos) ? l.v[i].dos : "",
                        &st);
        if (!rc)
            s->v[s->n - 1].attr = e.attr;
    }
    hostfs_dir_free(&l);
    return rc;
}

/* Write the next entry of `s` to ES:DI; 0 or DOS_ERR_NO_MORE_FILES. */
static int search_next(struct machine *m, struct lfn_search *s)
{
    if (s->next >= s->n)
        return DOS_ERR_NO_MORE_FILES;
    const struct lfn_entry *e = &s->v[s->next++];
    uint8_t *p = mem_ptr(m, mem_lin(m->r.es, m->r.di.w), FD_SIZE);
    if (!p)
        return DOS_ERR_ACCESS_DENIED;
    bool dos_fmt = m->r.si.w == 1;
    memset(p, 0, FD_SIZE);
    lfn_put32(p + FD_ATTR, e->attr);
    put_time(p + FD_CTIME, e->ctime_, dos_fmt);
    put_time(p + FD_ATIME, e->atime_, dos_fmt);
    put_time(p + FD_MTIME, e->mtime_, dos_fmt);
    lfn_put32(p + FD_SIZE_HI, (uint32_t)(e->size >> 32));
    lfn_put32(p + FD_SIZE_LO, (uint32_t)e->size);
    memcpy(p + FD_NAME, e->host, strlen(e->host) + 1);
    memcpy(p + FD_SHORT, e->dos, strlen(e->dos) + 1);
    m->r.cx.w = 0; /* no Unicode conversion losses */
    return 0;
}

static struct lfn_search *search_of(struct machine *m, uint16_t h)
{
    if (!m->dos->lfn || h == 0 || h > LFN_SEARCHES || !m->dos->lfn->s[h - 1].active)
        return NULL;
    return &m->dos->lfn->s[h - 1];
}

/* 714Eh  Find first: CL = allowed attributes, CH = required ones, DS:DX
 * -> long pattern, ES:DI -> find record, SI = time format (0 FILETIME,
 * 1 DOS). Out: AX = find handle, CX = 0; or CF, AX = 3, 12h (nothing
 * matched, as 4Eh), 4 (all find handles busy). */
void lfn_find_first(struct machine *m)
{
    char pattern[HOSTFS_LFN_PATH_MAX];
    if (mem_read_asciz(m, m->r.ds, m->r.dx.w, pattern, sizeof pattern) < 0) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    if (!m->dos->lfn && !(m->dos->lfn = calloc(1, sizeof *m->dos->lfn))) {
        dos_fail(m, DOS_ERR_INSUFFICIENT_MEMORY);
        return;
    }
    int slot = -1;
    for (int i = 0; i < LFN_SEARCHES && slot < 0; i++)
        if (!m->dos->lfn->s[i].active)
            slot = i;
    if (slot < 0) {
        dos_fail(m, DOS_ERR_TOO_MANY_OPEN_FILES);
        return;
    }
    struct lfn_search *s = &m->dos->lfn->s[slot];
    int rc = lfn_search_fill(m, s, pattern, m->r.cx.l, m->r.cx.h);
    if (!rc)
        rc = search_next(m, s);
    if (rc) {
        lfn_search_end(s);
        dos_fail(m, (enum dos_error)rc);
        return;
    }
    s->active = true;
    m->r.ax.w = (uint16_t)(slot + 1);
    dos_ok(m);
}

/* 714Fh  Find next: BX = find handle, ES:DI -> record, SI = format.
 * Errors 6 (bad handle), 12h (no more). */
void lfn_find_next(struct machine *m)
{
    struct lfn_search *s = search_of(m, m->r.bx.w);
    if (!s) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    lfn_finish(m, search_next(m, s));
}

/* 71A1h  Find close: BX = find handle. Error 6. */
void lfn_find_close(struct machine *m)
{
    struct lfn_search *s = search_of(m, m->r.bx.w);
    if (!s) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    lfn_search_end(s);
    dos_ok(m);
}

void dos_lfn_destroy(struct machine *m)
{
    if (!m->dos || !m->dos->lfn)
        return;
    for (int i = 0; i < LFN_SEARCHES; i++)
        lfn_search_end(&m->dos->lfn->s[i]);
    free(m->dos->lfn);
    m->dos->lfn = NULL;
}
