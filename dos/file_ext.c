/*
 * The DOS 3+ file functions around open and handles: temporary and new
 * files (5Ah, 5Bh), the canonical name (60h), a larger job file table
 * (67h), commit (68h, 6Ah) and extended open/create (6Ch).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dos/file.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "dos/mem.h"
#include "dos/psp.h"
#include "hostfs/hostfs.h"
#include "hostfs/names.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* Open or create per `rq` with the ASCIZ path at seg:off; on success AX =
 * handle. Returns the handle or -1 (the error already reported). */
static int open_at(struct machine *m, uint16_t seg, uint16_t off, const struct dos_open_req *rq,
                   bool *existed)
{
    char path[HOSTFS_DOS_MAX];
    if (mem_read_asciz(m, seg, off, path, sizeof path) < 0) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return -1;
    }
    int h = dos_open_path(m, path, rq, existed);
    if (h < 0) {
        dos_fail(m, (enum dos_error)-h);
        return -1;
    }
    m->r.ax.w = (uint16_t)h;
    dos_ok(m);
    return h;
}

/* ---- 5Ah / 5Bh ------------------------------------------------------------ */

/* Temporary names are eight hex digits, no extension (as MS-DOS's). */
#define TEMP_NAME_LEN 8
#define TEMP_TRIES 64

/* INT 21h/5Ah  Create temporary file (RBIL INT 21/AH=5Ah).
 * In:  CX = attributes, DS:DX -> ASCIZ directory path ending in '\' (or
 *      empty for the current directory), with 13 bytes free after it.
 * Out: CF clear, AX = handle, the new name appended at DS:DX; or CF set,
 *      AX = 3, 4 or 5.
 * The file is created exclusively, so a name another process took in the
 * meantime is skipped; it is not deleted at close (RBIL: neither is it in
 * MS-DOS). A path without the final '\' gets one. */
void dos_fn_create_temp(struct machine *m)
{
    char dir[HOSTFS_DOS_MAX];
    int len = mem_read_asciz(m, m->r.ds, m->r.dx.w, dir, sizeof dir - TEMP_NAME_LEN - 2);
    if (len < 0) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    if (len > 0 && !strchr("\\/:", dir[len - 1]))
        dir[len++] = '\\';
    struct dos_open_req rq = { .mode = DOS_ACCESS_RW, .create = true, .excl = true,
                               .attr = m->r.cx.w };
    /* A seed that differs between runs and processes, stepped per try. */
    uint32_t seed = (uint32_t)vdm_now_ns() ^ ((uint32_t)getpid() << 16);
    for (int i = 0; i < TEMP_TRIES; i++) {
        char path[HOSTFS_DOS_MAX];
        seed = seed * 1103515245u + 12345u;
        snprintf(path, sizeof path, "%.*s%08X", len, dir, seed);
        int h = dos_open_path(m, path, &rq, NULL);
        if (h == -DOS_ERR_FILE_EXISTS)
            continue;
        if (h < 0) {
            dos_fail(m, (enum dos_error)-h);
            return;
        }
        mem_write(m, mem_lin(m->r.ds, (uint16_t)(m->r.dx.w)), path, strlen(path) + 1);
        m->r.ax.w = (uint16_t)h;
        dos_ok(m);
        return;
    }
    dos_fail(m, DOS_ERR_CANNOT_MAKE);
}

/* INT 21h/5Bh  Create new file (RBIL INT 21/AH=5Bh).
 * In:  CX = attributes, DS:DX -> ASCIZ path.
 * Out: CF clear, AX = handle (read/write); or CF set, AX = 3, 4, 5 or
 *      50h (the file exists: unlike 3Ch, nothing is truncated). */
void dos_fn_create_new(struct machine *m)
{
    struct dos_open_req rq = { .mode = DOS_ACCESS_RW, .create = true, .excl = true,
                               .attr = m->r.cx.w };
    open_at(m, m->r.ds, m->r.dx.w, &rq, NULL);
}

/* ---- 60h ------------------------------------------------------------------ */

/* Append component `name` (canonical 8.3, '?' allowed) to `out`. */
static bool truename_push(char *out, size_t cap, const char *name)
{
    size_t l = strlen(out);
    int n = snprintf(out + l, cap - l, "%s%s", out[l - 1] == '\\' ? "" : "\\", name);
    return n >= 0 && (size_t)n < cap - l;
}

/* Drop the last component of "C:\A\B" (never the root "C:\"). */
static void truename_pop(char *out)
{
    char *s = strrchr(out, '\\');
    if (s && s > out + 2)
        *s = 0;
    else
        out[3] = 0;
}

/* One component in canonical form, '*' spread to '?' as MS-DOS shows
 * it ("*.*" is "????????.???"); false when it is no valid DOS name. */
static bool truename_comp(const char *comp, size_t len, char out[HOSTFS_NAME83])
{
    char canon[HOSTFS_NAME83], fcb[HOSTFS_FCB_NAME];
    if (!hostfs_dos_canon(comp, len, true, canon))
        return false;
    hostfs_fcb_form(canon, fcb);
    size_t o = 0;
    for (int i = 0; i < 8 && fcb[i] != ' '; i++)
        out[o++] = fcb[i];
    if (fcb[8] != ' ') {
        out[o++] = '.';
        for (int i = 8; i < HOSTFS_FCB_NAME && fcb[i] != ' '; i++)
            out[o++] = fcb[i];
    }
    out[o] = 0;
    return true;
}

/* MS-DOS's truename works on the text alone: drive, current directory,
 * '.', '..' and 8.3 case folding, whether the directories exist or not.
 * Used where hostfs cannot resolve the path through the host. */
static int truename_lexical(struct machine *m, const char *path, char *out, size_t cap)
{
    int drive = m->dos->cur_drive;
    if (path[0] && path[1] == ':') {
        char c = (char)(path[0] & ~0x20);
        drive = c >= 'A' && c <= 'Z' ? c - 'A' : HOSTFS_DRIVES;
        path += 2;
    }
    if (drive >= HOSTFS_DRIVES || !m->dos->fs.drive[drive].mounted)
        return DOS_ERR_INVALID_DRIVE;
    char all[HOSTFS_DOS_MAX + HOSTFS_CWD_MAX + 2];
    bool rooted = path[0] == '\\' || path[0] == '/';
    snprintf(all, sizeof all, "%s\\%s", rooted ? "" : m->dos->fs.drive[drive].cwd, path);
    snprintf(out, cap, "%c:\\", 'A' + drive);
    for (const char *c = all; *c;) {
        size_t len = strcspn(c, "\\/");
        char name[HOSTFS_NAME83];
        bool dot = len == 1 && c[0] == '.', dotdot = len == 2 && c[0] == '.' && c[1] == '.';
        if (dotdot)
            truename_pop(out);
        else if (len && !dot && (!truename_comp(c, len, name) || !truename_push(out, cap, name)))
            return c[len] ? DOS_ERR_PATH_NOT_FOUND : DOS_ERR_FILE_NOT_FOUND;
        c += len;
        c += *c != 0;
    }
    return 0;
}

/* INT 21h/60h  Truename: canonicalize path (RBIL INT 21/AH=60h).
 * In:  DS:SI -> ASCIZ path, ES:DI -> 128-byte buffer.
 * Out: CF clear, buffer = "C:\DIR\FILE.EXT" (upper case, '.' and '..'
 *      resolved, 8.3 names); or CF set, AX = 2 (bad name), 3 (missing
 *      directory, or a '..' above the root), 0Fh (invalid drive).
 * Existing components get the names DOS programs see for them (an alias
 * for a long host name given as is); what the host does not have is
 * canonicalized on the text alone, as MS-DOS does for all of it (a path
 * through a missing directory still gets its name, wildcards show as
 * '?'). Left out: device names (MS-DOS gives "C:/CON"), which get a
 * path in the current directory here. */
void dos_fn_truename(struct machine *m)
{
    char path[HOSTFS_DOS_MAX], out[HOSTFS_DOS_MAX];
    struct hostfs_path hp;
    if (mem_read_asciz(m, m->r.ds, m->r.si.w, path, sizeof path) < 0 || !path[0]) {
        dos_fail(m, DOS_ERR_FILE_NOT_FOUND);
        return;
    }
    int err = hostfs_resolve(&m->dos->fs, m->dos->cur_drive, path, HOSTFS_PARENT, &hp);
    if (!err)
        snprintf(out, sizeof out, "%s", hp.dos);
    else if (err != DOS_ERR_INVALID_DRIVE)
        err = truename_lexical(m, path, out, sizeof out);
    if (err) {
        dos_fail(m, (enum dos_error)err);
        return;
    }
    if (!mem_write(m, mem_lin(m->r.es, m->r.di.w), out, strlen(out) + 1)) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    dos_ok(m);
}

/* ---- 67h ------------------------------------------------------------------ */

/* MS-DOS's ceiling for 67h: an SFT index is one byte, FFh marks closed. */
#define JFT_MAX 255

/* INT 21h/67h  Set handle count (RBIL INT 21/AH=67h).
 * In:  BX = number of handles wanted.
 * Out: CF clear; or CF set, AX = 4 (handles above the new size are open,
 *      or BX > 255), 8 (no memory for the table).
 * BX > 20 moves the job file table into a block of DOS memory owned by
 * the program (PSP:34h points there, PSP:32h holds the size; MS-DOS
 * does the same, so a .COM must shrink its block first). BX <= 20 moves
 * it back into the PSP and frees the block. */
void dos_fn_set_handle_count(struct machine *m)
{
    uint16_t psp = m->dos->cur_psp;
    uint32_t p = mem_lin(psp, 0);
    uint16_t want = m->r.bx.w, size = mem_rd16(m, p + PSP_JFT_SIZE);
    uint16_t old_seg = mem_rd16(m, p + PSP_JFT_PTR + 2);
    uint16_t old_off = mem_rd16(m, p + PSP_JFT_PTR);
    uint32_t old = mem_lin(old_seg, old_off);
    bool external = !(old_seg == psp && old_off == PSP_JFT);
    if (want > JFT_MAX) {
        dos_fail(m, DOS_ERR_TOO_MANY_OPEN_FILES);
        return;
    }
    if (want < PSP_JFT_ENTRIES)
        want = PSP_JFT_ENTRIES;
    for (uint16_t h = want; h < size; h++) {
        if (mem_rd8(m, old + h) != PSP_JFT_CLOSED) {
            dos_fail(m, DOS_ERR_TOO_MANY_OPEN_FILES);
            return;
        }
    }
    if (want == size) {
        dos_ok(m);
        return;
    }
    uint16_t seg = psp, off = PSP_JFT;
    if (want > PSP_JFT_ENTRIES) {
        uint16_t largest;
        int err = 0;
        seg = mcb_alloc(m, (uint16_t)((want + 15) / 16), psp, &largest, &err);
        if (!seg) {
            dos_fail(m, (enum dos_error)err);
            return;
        }
        off = 0;
    }
    uint32_t neu = mem_lin(seg, off);
    uint8_t tmp[JFT_MAX];
    mem_read(m, old, tmp, size);
    for (uint16_t h = 0; h < want; h++)
        mem_wr8(m, neu + h, h < size ? tmp[h] : PSP_JFT_CLOSED);
    mem_wr16(m, p + PSP_JFT_SIZE, want);
    mem_wr16(m, p + PSP_JFT_PTR, off);
    mem_wr16(m, p + PSP_JFT_PTR + 2, seg);
    if (external)
        mcb_free(m, old_seg);
    dos_ok(m);
}

/* ---- 68h / 6Ah ------------------------------------------------------------ */

/* INT 21h/68h  Commit file; 6Ah the same (RBIL INT 21/AH=68h, AH=6Ah).
 * In:  BX = handle.
 * Out: CF clear; or CF set, AX = 6 (invalid handle).
 * vdm writes through at once (handle.c), so commit is the host's fsync;
 * devices and pipes have nothing to commit. */
void dos_fn_commit(struct machine *m)
{
    struct dos_sft_entry *e = dos_handle_sft(m, m->r.bx.w);
    if (!e) {
        dos_fail(m, DOS_ERR_INVALID_HANDLE);
        return;
    }
    if (e->dev == DOS_DEV_NONE && e->host_fd >= 0 && fsync(e->host_fd) < 0 && errno != EINVAL) {
        dos_fail(m, (enum dos_error)hostfs_errno_to_dos(errno));
        return;
    }
    dos_ok(m);
}

/* ---- 6Ch ------------------------------------------------------------------ */

/* DL of 6Ch (RBIL Table 01770). */
#define XOPEN_IF_EXISTS_MASK 0x0F
#define XOPEN_EXISTS_FAIL 0x00
#define XOPEN_EXISTS_OPEN 0x01
#define XOPEN_EXISTS_REPLACE 0x02
#define XOPEN_IF_MISSING_SHIFT 4
#define XOPEN_MISSING_FAIL 0x00
#define XOPEN_MISSING_CREATE 0x01

/* CX on return (RBIL Table 01768). */
enum { XOPEN_OPENED = 1, XOPEN_CREATED = 2, XOPEN_REPLACED = 3 };

/* INT 21h/6Ch  Extended open/create (RBIL INT 21/AX=6C00h).
 * In:  AL = 00h, BL = open mode as for 3Dh, BH = flags (auto-commit,
 *      no INT 24h: both moot here, writes go straight to the host), CX =
 *      attributes for a created file, DL = action (bits 0-3 if the file
 *      exists: 0 fail, 1 open, 2 replace; bits 4-7 if it does not: 0
 *      fail, 1 create), DS:SI -> ASCIZ name.
 * Out: CF clear, AX = handle, CX = 1 opened, 2 created, 3 replaced; or CF
 *      set, AX = 1 (AL not 0; vdm's answer to an undefined action too),
 *      2 (missing, action fail), 3, 4, 5, 0Ch (bad access mode), 20h, 50h
 *      (exists, action fail). */
void dos_fn_ext_open(struct machine *m)
{
    uint8_t exists_act = m->r.dx.l & XOPEN_IF_EXISTS_MASK;
    uint8_t missing_act = m->r.dx.l >> XOPEN_IF_MISSING_SHIFT;
    uint8_t mode = m->r.bx.l;
    if (m->r.ax.l != 0 || exists_act > XOPEN_EXISTS_REPLACE || missing_act > XOPEN_MISSING_CREATE) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    if ((mode & DOS_ACCESS_MASK) > DOS_ACCESS_RW) {
        dos_fail(m, DOS_ERR_INVALID_ACCESS);
        return;
    }
    struct dos_open_req rq = {
        .mode = mode,
        .create = missing_act == XOPEN_MISSING_CREATE,
        .excl = exists_act == XOPEN_EXISTS_FAIL,
        .truncate = exists_act == XOPEN_EXISTS_REPLACE,
        .attr = m->r.cx.w,
    };
    bool existed = false;
    if (open_at(m, m->r.ds, m->r.si.w, &rq, &existed) < 0)
        return;
    m->r.cx.w = !existed ? XOPEN_CREATED : rq.truncate ? XOPEN_REPLACED : XOPEN_OPENED;
}
