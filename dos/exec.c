/*
 * Loading and ending programs (see exec.h for the EXEC/terminate notes).
 */
#include "dos/exec.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dos/cmd.h"
#include "dos/dos.h"
#include "dos/dosdata.h"
#include "dos/nls.h"
#include "dos/fcb.h"
#include "dos/handle.h"
#include "dos/loader.h"
#include "dos/mem.h"
#include "dos/psp.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* Programs are read whole; anything past this cannot fit in 640 KiB. */
#define PROGRAM_READ_CAP (2u * 1024 * 1024)

/* An environment block may hold at most 32 KiB of strings (MS-DOS). */
#define ENV_MAX 0x8000u

/* Initial FLAGS of a new program: interrupts enabled, bit 1 set. */
#define FLAGS_INITIAL 0x0202u

struct load_req {
    const uint8_t *file;
    size_t size;
    bool is_com_name;
    const char *dos_path;        /* full DOS path, appended to the env */
    const char *tail;
    unsigned tail_len;
    const char *const *env;      /* strings for a fresh environment, or */
    uint16_t env_src;            /* a block to copy (when env is NULL) */
    uint16_t parent;             /* 0: the program is its own parent */
};

/* Build an environment block: the strings, an empty string, the word 1
 * and the program's full path (RBIL INT 21/AH=4Bh: "Format of environment
 * block"). Returns its segment, or 0 with *err set. */
static uint16_t env_build(struct machine *m, const struct load_req *rq, int *err)
{
    static const size_t cap = ENV_MAX + 4 + HOSTFS_DOS_MAX;
    uint8_t *buf = malloc(cap);
    if (!buf) {
        *err = DOS_ERR_INSUFFICIENT_MEMORY;
        return 0;
    }
    size_t n = 0;
    if (rq->env) {
        for (const char *const *e = rq->env; *e; e++) {
            size_t len = strlen(*e) + 1;
            if (n + len > ENV_MAX - 1)
                break; /* the rest does not fit, as in MS-DOS */
            memcpy(buf + n, *e, len);
            n += len;
        }
    } else if (rq->env_src) {
        /* Copy the strings up to the double NUL, refusing a block that has
         * none within 32 KiB (error 0Ah, bad environment). */
        uint32_t src = mem_lin(rq->env_src, 0);
        bool ended = false;
        while (n < ENV_MAX - 1) {
            uint8_t c = mem_rd8(m, src + (uint32_t)n);
            buf[n++] = c;
            if (c == 0 && (n == 1 || buf[n - 2] == 0)) {
                ended = true;
                n--; /* the terminating empty string is added below */
                break;
            }
        }
        if (!ended) {
            free(buf);
            *err = DOS_ERR_INVALID_ENVIRONMENT;
            return 0;
        }
    }
    buf[n++] = 0;
    buf[n++] = 1;
    buf[n++] = 0;
    size_t plen = strlen(rq->dos_path) + 1;
    memcpy(buf + n, rq->dos_path, plen);
    n += plen;

    uint16_t largest;
    uint16_t seg = mcb_alloc(m, (uint16_t)((n + 15) / 16), MCB_OWNER_DOS, &largest, err);
    if (seg)
        mem_write(m, mem_lin(seg, 0), buf, n);
    free(buf);
    return seg;
}

static const char *base_name(const char *dos_path)
{
    const char *b = strrchr(dos_path, '\\');
    return b ? b + 1 : dos_path;
}

/* Load a program into fresh memory. Returns 0 and sets *regs and *psp_out,
 * or a DOS error code with a reason in `why`. Nothing stays allocated on
 * failure. */
static int load_program(struct machine *m, const struct load_req *rq,
                        struct cpu_regs *regs, uint16_t *psp_out, char *why,
                        size_t whycap)
{
    struct dos_image img;
    if (!dos_image_parse(rq->file, rq->size, rq->is_com_name, &img, why, whycap))
        return DOS_ERR_INVALID_FORMAT;

    int err = 0;
    uint16_t env = env_build(m, rq, &err);
    if (!env) {
        snprintf(why, whycap, "no memory for the environment");
        return err;
    }

    /* As MS-DOS does (Microsoft KB Q24935): ask for FFFFh paragraphs to
     * learn the largest block; fail if it is below the minimum, take
     * the maximum if it fits, else the whole block. */
    uint16_t largest = 0;
    int query_err = 0;
    mcb_alloc(m, 0xFFFF, MCB_OWNER_DOS, &largest, &query_err);
    uint32_t need = PSP_PARAS + img.min_paras;
    uint32_t want = img.load_high ? largest : PSP_PARAS + img.max_paras;
    if (query_err == DOS_ERR_MCB_DESTROYED) {
        mcb_free(m, env);
        snprintf(why, whycap, "memory control blocks destroyed");
        return query_err;
    }
    if (largest < need) {
        mcb_free(m, env);
        snprintf(why, whycap, "not enough memory: needs %u KiB, %u KiB free",
                 (unsigned)(need * 16 / 1024), (unsigned)(largest * 16u / 1024));
        return DOS_ERR_INSUFFICIENT_MEMORY;
    }
    uint16_t paras = want < largest ? (uint16_t)want : largest;
    uint16_t psp = mcb_alloc(m, paras, MCB_OWNER_DOS, &largest, &err);
    if (!psp) {
        mcb_free(m, env);
        snprintf(why, whycap, "memory allocation failed");
        return err;
    }
    mcb_set_owner(m, psp, psp);
    mcb_set_owner(m, env, psp);
    mcb_set_name(m, psp, base_name(rq->dos_path));

    uint16_t load_seg = (uint16_t)(psp + PSP_PARAS);
    if (img.load_high)
        load_seg = (uint16_t)(psp + paras - (img.image_size + 15) / 16);
    if (!dos_image_place(m, rq->file, rq->size, &img, load_seg, load_seg,
                         (uint32_t)(psp + paras - load_seg), why, whycap)) {
        mcb_free(m, psp);
        mcb_free(m, env);
        return DOS_ERR_INVALID_FORMAT;
    }
    uint16_t ax = psp_build(m, psp, (uint16_t)(psp + paras),
                            rq->parent ? rq->parent : psp, env, rq->tail,
                            rq->tail_len, dos_drive_mask(m));

    memset(regs, 0, sizeof *regs);
    regs->ax.w = ax;
    regs->flags = FLAGS_INITIAL;
    regs->ds = regs->es = psp;
    regs->dx.w = psp;
    if (img.is_exe) {
        regs->cs = (uint16_t)(load_seg + img.cs);
        regs->ip.w = img.ip;
        regs->ss = (uint16_t)(load_seg + img.ss);
        regs->sp.w = img.sp;
    } else {
        /* A .COM starts with SP at the top of its segment (or of its
         * memory, if smaller) and a 0 word pushed, so RET reaches the
         * INT 20h at PSP:0. */
        uint32_t top = (uint32_t)paras * 16;
        regs->cs = regs->ss = psp;
        regs->ip.w = 0x100;
        regs->sp.w = (uint16_t)(top >= 0x10000 ? 0xFFFE : top - 2);
        mem_wr16(m, mem_lin(psp, regs->sp.w), 0);
    }
    *psp_out = psp;
    return 0;
}

/* Does `path` end in `ext` (".COM", ".BAT"), in any case? */
static bool has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n >= e && strcasecmp(path + n - e, ext) == 0;
}

enum dos_load_result dos_start_program(struct machine *m, const struct dos_start *st,
                                       char *err, size_t errcap)
{
    size_t size = 0;
    uint8_t *file = dos_read_file(st->host_path, PROGRAM_READ_CAP, &size);
    if (!file) {
        int e = errno; /* snprintf may change errno */
        snprintf(err, errcap, "%s", strerror(e));
        return e == ENOENT ? DOS_LOAD_NOT_FOUND : DOS_LOAD_BAD_PROGRAM;
    }
    struct load_req rq = {
        .file = file, .size = size, .is_com_name = has_ext(st->host_path, ".COM"),
        .dos_path = st->dos_path, .tail = st->tail,
        .tail_len = (unsigned)strlen(st->tail), .env = st->env,
    };
    struct cpu_regs regs;
    uint16_t psp;
    int e = load_program(m, &rq, &regs, &psp, err, errcap);
    free(file);
    if (e)
        return DOS_LOAD_BAD_PROGRAM;

    struct dos_state *d = m->dos;
    d->root_psp = d->cur_psp = psp;
    /* The drives and --codepage are known now: rebuild the tables. */
    d->codepage_active = d->codepage;
    nls_tables_init(m);
    dos_data_sync_drives(m);
    uint32_t jft = mem_lin(psp, PSP_JFT);
    for (int h = DOS_STDIN; h <= DOS_STDPRN; h++) {
        mem_wr8(m, jft + (uint32_t)h, (uint8_t)h);
        d->sft[h].refs++;
    }
    d->dta_seg = psp;
    d->dta_off = PSP_TAIL_LEN;
    m->r = regs;
    return DOS_LOAD_OK;
}

/* EXEC subfunctions (RBIL INT 21/AH=4Bh, AL). */
#define EXEC_LOAD_AND_RUN 0x00
#define EXEC_LOAD_ONLY 0x01
#define EXEC_LOAD_OVERLAY 0x03

/* Offsets in the EXEC parameter blocks (RBIL #01590, #01591). */
#define EPB_ENV 0x00        /* AL=00h: environment segment, 0 = copy */
#define EPB_TAIL 0x02       /*         far pointer to the command tail */
#define EPB_FCB1 0x06       /*         far pointers to two FCBs */
#define EPB_FCB2 0x0A
#define EPB_CHILD_SSSP 0x0E /* AL=01h: filled with the child's SS:SP */
#define EPB_CHILD_CSIP 0x12 /*         and its entry CS:IP */
#define EPB_OVL_SEG 0x00    /* AL=03h: segment to load the overlay at */
#define EPB_OVL_RELOC 0x02  /*         relocation factor for an .EXE */

/* Bytes of FCB that EXEC copies into the child's PSP. */
#define FCB_COPY_LEN 16

static uint32_t epb_far(struct machine *m, uint32_t at)
{
    return mem_lin(mem_rd16(m, at + 2), mem_rd16(m, at));
}

/* AL=03h: load an overlay into memory the caller already owns: no PSP,
 * no allocation, an .EXE relocated by the given factor, nothing run
 * (RBIL INT 21/AH=4Bh: "DOS assumes that the overlay is being loaded into
 * memory allocated by the caller"). The image may not run past 1 MiB. */
static void exec_overlay(struct machine *m, const uint8_t *file, size_t size,
                         const char *dos_path)
{
    uint32_t pb = mem_lin(m->r.es, m->r.bx.w);
    uint16_t seg = mem_rd16(m, pb + EPB_OVL_SEG);
    uint16_t reloc = mem_rd16(m, pb + EPB_OVL_RELOC);
    struct dos_image img;
    char why[160];
    uint32_t room = MEM_CONV_SIZE / 16 - seg;
    if (!dos_image_parse(file, size, false, &img, why, sizeof why) ||
        !dos_image_place(m, file, size, &img, seg, reloc, room, why, sizeof why)) {
        vdm_trace(m, TRACE_DOS, "EXEC overlay %s failed: %s", dos_path, why);
        dos_fail(m, DOS_ERR_INVALID_FORMAT);
        return;
    }
    dos_ok(m);
}

/* AL=00h: load the program as a child and start it; the parent resumes
 * when the child terminates (see exec.h). AL=01h (`run` false): load it
 * the same way, but give the caller (a debugger) the child's SS:SP and
 * CS:IP in the parameter block and return; the child's PSP is current,
 * and the child's initial AX is pushed on its stack (RBIL INT 21/AX=4B01h).
 * When the child later terminates, the caller resumes from its 4B01h
 * call, as with 4B00h. */
/* The command tail the EXEC parameter block at `pb` points to, as a C
 * string in `tail` (PSP_TAIL_MAX + 1 bytes); returns its length. A tail
 * ends at its CR even when the length byte says more. */
static unsigned epb_tail(struct machine *m, uint32_t pb, char *tail)
{
    uint32_t tail_lin = epb_far(m, pb + EPB_TAIL);
    unsigned tail_len = mem_rd8(m, tail_lin);
    if (tail_len > PSP_TAIL_MAX)
        tail_len = PSP_TAIL_MAX;
    for (unsigned i = 0; i < tail_len; i++)
        tail[i] = (char)mem_rd8(m, tail_lin + 1 + i);
    tail[tail_len] = 0;
    char *cr = memchr(tail, '\r', tail_len);
    if (cr) {
        *cr = 0;
        tail_len = (unsigned)(cr - tail);
    }
    return tail_len;
}

/* Load (and with `run`, start) a child from `file` with command tail
 * `tail` (tail_len bytes); the rest of the EXEC parameter block at ES:BX
 * gives its environment and FCBs. */
static void exec_child(struct machine *m, const uint8_t *file, size_t size,
                       const struct hostfs_path *hp, const char *tail, unsigned tail_len,
                       bool run)
{
    struct dos_state *d = m->dos;
    if (d->exec_depth == DOS_MAX_NEST) {
        dos_fail(m, DOS_ERR_INSUFFICIENT_MEMORY);
        return;
    }
    uint32_t pb = mem_lin(m->r.es, m->r.bx.w);
    uint16_t env_seg = mem_rd16(m, pb + EPB_ENV);
    uint32_t fcb1 = epb_far(m, pb + EPB_FCB1);
    uint32_t fcb2 = epb_far(m, pb + EPB_FCB2);

    /* The child's PSP:0Ah gets the parent's return address through INT
     * 22h, which psp_build() copies; the old INT 22h comes back with the
     * parent's own termination. */
    uint32_t frame = mem_lin(m->r.ss, m->r.sp.w);
    uint32_t old22 = mem_rd32(m, 0x22 * 4);
    mem_wr16(m, 0x22 * 4, mem_rd16(m, frame));
    mem_wr16(m, 0x22 * 4 + 2, mem_rd16(m, frame + 2));

    uint16_t parent = d->cur_psp;
    uint16_t parent_env = mem_rd16(m, mem_lin(parent, PSP_ENV_SEG));
    struct load_req rq = {
        .file = file, .size = size, .is_com_name = has_ext(hp->host, ".COM"),
        .dos_path = hp->dos, .tail = tail, .tail_len = tail_len,
        .env = NULL, .env_src = env_seg ? env_seg : parent_env, .parent = parent,
    };
    struct cpu_regs regs;
    uint16_t child;
    char why[160];
    int e = load_program(m, &rq, &regs, &child, why, sizeof why);
    mem_wr32(m, 0x22 * 4, old22);
    if (e) {
        vdm_trace(m, TRACE_DOS, "EXEC %s failed: %s", hp->dos, why);
        dos_fail(m, e);
        return;
    }
    /* PSP:0Ah was built from the INT 22h we set; keep INT 22h itself. */
    mem_wr16(m, mem_lin(child, PSP_TERMINATE), mem_rd16(m, frame));
    mem_wr16(m, mem_lin(child, PSP_TERMINATE + 2), mem_rd16(m, frame + 2));

    /* MS-DOS copies the two FCBs from the parameter block. */
    uint8_t *c1 = mem_ptr(m, mem_lin(child, PSP_FCB1), FCB_COPY_LEN);
    uint8_t *c2 = mem_ptr(m, mem_lin(child, PSP_FCB2), FCB_COPY_LEN);
    if (c1 && c2) {
        mem_read(m, fcb1, c1, FCB_COPY_LEN);
        mem_read(m, fcb2, c2, FCB_COPY_LEN);
    }
    dos_handles_inherit(m, parent, child);

    mem_wr16(m, mem_lin(parent, PSP_SAVED_SSSP), m->r.sp.w);
    mem_wr16(m, mem_lin(parent, PSP_SAVED_SSSP + 2), m->r.ss);
    d->exec_stack[d->exec_depth++] = (struct dos_exec_frame){
        .psp = parent, .regs = m->r, .dta_seg = d->dta_seg, .dta_off = d->dta_off,
    };
    d->cur_psp = child;
    d->dta_seg = child;
    d->dta_off = PSP_TAIL_LEN;
    vdm_trace(m, TRACE_DOS, "EXEC %s: PSP %04Xh, entry %04X:%04X", hp->dos, child,
              regs.cs, regs.ip.w);
    if (run) {
        m->r = regs;
        return;
    }
    regs.sp.w = (uint16_t)(regs.sp.w - 2);
    mem_wr16(m, mem_lin(regs.ss, regs.sp.w), regs.ax.w);
    mem_wr16(m, pb + EPB_CHILD_SSSP, regs.sp.w);
    mem_wr16(m, pb + EPB_CHILD_SSSP + 2, regs.ss);
    mem_wr16(m, pb + EPB_CHILD_CSIP, regs.ip.w);
    mem_wr16(m, pb + EPB_CHILD_CSIP + 2, regs.cs);
    dos_ok(m);
}

/* EXEC of a .BAT (the DOS kernel issue: "4Bh with a .BAT runs through
 * COMMAND.COM"): turn *hp into the caller's COMSPEC (vdm's built-in
 * Z:\COMMAND.COM by default) and the tail into "/C FILE.BAT tail".
 * Returns 0 or a DOS error (0Bh when the new tail would not fit). */
static int batch_via_comspec(struct machine *m, struct hostfs_path *hp, char *tail,
                             unsigned *tail_len)
{
    char comspec[HOSTFS_DOS_MAX];
    uint16_t env = mem_rd16(m, mem_lin(m->dos->cur_psp, PSP_ENV_SEG));
    int len = psp_env_get(m, env, "COMSPEC", comspec, sizeof comspec);
    if (len < 0 || (size_t)len >= sizeof comspec) /* absent, or no DOS path */
        snprintf(comspec, sizeof comspec, "%s", CMD_COMSPEC);
    char args[PSP_TAIL_MAX + 1];
    snprintf(args, sizeof args, "%s", tail);
    int n = snprintf(tail, PSP_TAIL_MAX + 1, " /C %s%s", hp->dos, args);
    if (n < 0 || n > PSP_TAIL_MAX)
        return DOS_ERR_INVALID_FORMAT;
    *tail_len = (unsigned)n;
    int e = hostfs_resolve(&m->dos->fs, m->dos->cur_drive, comspec, HOSTFS_EXISTING, hp);
    if (!e && hp->is_dir)
        e = DOS_ERR_ACCESS_DENIED;
    return e;
}

/* INT 21h/4Bh  EXEC: load and execute program (RBIL INT 21/AH=4Bh).
 * In:  AL = 00h (load and execute), 01h (load, don't run) or 03h (load
 *      overlay), DS:DX -> ASCIZ program path, ES:BX -> parameter block.
 *      AL=00h/01h: environment segment (0 = copy the parent's), far
 *      pointer to the command tail, two far FCB pointers; 01h gets the
 *      child's SS:SP at 0Eh and CS:IP at 12h. AL=03h: load segment,
 *      relocation factor.
 * Out: AL=00h: on return from the child, CF clear; AL=01h/03h: CF clear
 *      once loaded. Or CF set, AX = error (1 bad subfunction, 2 file not
 *      found, 3 path not found, 5 access denied, 8 not enough memory,
 *      0Ah bad environment, 0Bh bad format). */
void dos_fn_exec(struct machine *m)
{
    struct dos_state *d = m->dos;
    uint8_t sub = m->r.ax.l;
    if (sub != EXEC_LOAD_AND_RUN && sub != EXEC_LOAD_ONLY && sub != EXEC_LOAD_OVERLAY) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    char path[HOSTFS_DOS_MAX];
    if (mem_read_asciz(m, m->r.ds, m->r.dx.w, path, sizeof path) < 0) {
        dos_fail(m, DOS_ERR_PATH_NOT_FOUND);
        return;
    }
    struct hostfs_path hp;
    int e = hostfs_resolve(&d->fs, d->cur_drive, path, HOSTFS_EXISTING, &hp);
    if (e) {
        dos_fail(m, e);
        return;
    }
    if (hp.is_dir) {
        dos_fail(m, DOS_ERR_ACCESS_DENIED);
        return;
    }
    char tail[PSP_TAIL_MAX + 1];
    unsigned tail_len = epb_tail(m, mem_lin(m->r.es, m->r.bx.w), tail);
    if (sub == EXEC_LOAD_AND_RUN && has_ext(hp.dos, ".BAT")) {
        /* A batch file runs through the command interpreter: COMSPEC /C
         * FILE.BAT with the caller's tail after it. */
        e = batch_via_comspec(m, &hp, tail, &tail_len);
        if (e) {
            dos_fail(m, e);
            return;
        }
    }
    size_t size = 0;
    int fd = hostfs_open(&d->fs, &hp, O_RDONLY, 0); /* beneath the drive root */
    if (fd < 0) {
        dos_fail(m, -fd);
        return;
    }
    uint8_t *file = dos_read_fd(fd, PROGRAM_READ_CAP, &size);
    if (!file) {
        dos_fail(m, hostfs_errno_to_dos(errno));
        return;
    }
    if (sub == EXEC_LOAD_OVERLAY)
        exec_overlay(m, file, size, hp.dos);
    else
        exec_child(m, file, size, &hp, tail, tail_len, sub == EXEC_LOAD_AND_RUN);
    free(file);
}

void dos_terminate(struct machine *m, uint8_t code, uint8_t type)
{
    struct dos_state *d = m->dos;
    uint16_t psp = d->cur_psp;
    vdm_trace(m, TRACE_DOS, "terminate PSP %04Xh, code %u, type %u", psp, code, type);
    if (d->exec_depth == 0) {
        machine_exit(m, code);
        return;
    }
    uint32_t p = mem_lin(psp, 0);
    uint32_t term_addr = mem_rd32(m, p + PSP_TERMINATE);
    mem_wr32(m, 0x22 * 4, term_addr);
    mem_wr32(m, 0x23 * 4, mem_rd32(m, p + PSP_CTRL_C));
    mem_wr32(m, 0x24 * 4, mem_rd32(m, p + PSP_CRIT_ERR));

    /* A resident program keeps its memory and its files (RBIL INT
     * 21/AH=31h); any other ending closes and frees them. */
    if (type != DOS_TERM_TSR) {
        dos_handles_close_all(m, psp);
        dos_fcb_close_all(m, psp);
        mcb_free_owned(m, psp);
    }
    d->last_retcode = (uint16_t)(type << 8 | code);

    struct dos_exec_frame f = d->exec_stack[--d->exec_depth];
    d->cur_psp = f.psp;
    d->dta_seg = f.dta_seg;
    d->dta_off = f.dta_off;
    m->r = f.regs;
    /* Resume the parent through its INT 21h frame: the stub's IRET goes to
     * the terminate address, with CF clear (EXEC succeeded). */
    uint32_t frame = mem_lin(m->r.ss, m->r.sp.w);
    mem_wr32(m, frame, term_addr);
    mem_wr16(m, frame + 4, (uint16_t)(mem_rd16(m, frame + 4) & ~FLAG_CF));
    m->r.flags &= ~FLAG_CF;
}

/* INT 21h/00h  Terminate program (RBIL INT 21/AH=00h): return code 0. */
void dos_fn_terminate(struct machine *m)
{
    dos_terminate(m, 0, DOS_TERM_NORMAL);
}

/* INT 20h  Terminate program (RBIL INT 20): return code 0. */
void dos_int20(struct machine *m)
{
    dos_terminate(m, 0, DOS_TERM_NORMAL);
}

/* INT 21h/4Ch  Terminate with return code (RBIL INT 21/AH=4Ch): AL = code. */
void dos_fn_exit(struct machine *m)
{
    dos_terminate(m, m->r.ax.l, DOS_TERM_NORMAL);
}

/* INT 21h/4Dh  Get return code (RBIL INT 21/AH=4Dh).
 * Out: AL = the last child's return code, AH = termination type. MS-DOS
 * clears the stored word when it is read, so a second call returns 0. */
void dos_fn_get_retcode(struct machine *m)
{
    m->r.ax.w = m->dos->last_retcode;
    m->dos->last_retcode = 0;
    dos_ok(m);
}

/* INT 21h/50h  Set current PSP (RBIL INT 21/AH=50h): BX = segment. */
void dos_fn_set_psp(struct machine *m)
{
    m->dos->cur_psp = m->r.bx.w;
}

/* INT 21h/51h, 62h  Get current PSP (RBIL INT 21/AH=51h, 62h): BX. */
void dos_fn_get_psp(struct machine *m)
{
    m->r.bx.w = m->dos->cur_psp;
}
