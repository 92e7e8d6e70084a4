/*
 * The DOS kernel's lifetime, its interrupt entry points (INT 20h-24h, the
 * CP/M call) and the success/failure helpers INT 21h functions share.
 */
#include "dos/dos.h"

#include <stdlib.h>
#include <string.h>

#include "bios/rom.h"
#include "dos/cmd.h"
#include "dos/ems.h"
#include "dos/exec.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "dos/mem.h"
#include "dos/xms.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* The first MCB: DOS's own tables sit below it (linear 500h-FFFh). */
#define DOS_FIRST_MCB 0x0100u

void dos_ok(struct machine *m)
{
    m->r.flags &= ~FLAG_CF;
}

struct ext_error_info {
    uint8_t class, action, locus;
};

/* Class, suggested action and locus for INT 21h/59h, by error code. */
static struct ext_error_info ext_info(enum dos_error code)
{
    switch (code) {
    case DOS_ERR_FILE_NOT_FOUND:
    case DOS_ERR_PATH_NOT_FOUND:
    case DOS_ERR_NO_MORE_FILES:
        return (struct ext_error_info){ DOS_CLASS_NOT_FOUND, DOS_ACTION_USER, DOS_LOCUS_BLOCK };
    case DOS_ERR_TOO_MANY_OPEN_FILES:
        return (struct ext_error_info){ DOS_CLASS_OUT_OF_RESOURCE, DOS_ACTION_ABORT, DOS_LOCUS_UNKNOWN };
    case DOS_ERR_ACCESS_DENIED:
        return (struct ext_error_info){ DOS_CLASS_AUTHORIZATION, DOS_ACTION_USER, DOS_LOCUS_BLOCK };
    case DOS_ERR_MCB_DESTROYED:
    case DOS_ERR_INSUFFICIENT_MEMORY:
    case DOS_ERR_INVALID_MEMORY_BLOCK:
        return (struct ext_error_info){ DOS_CLASS_OUT_OF_RESOURCE, DOS_ACTION_ABORT, DOS_LOCUS_MEMORY };
    case DOS_ERR_FILE_EXISTS:
        return (struct ext_error_info){ DOS_CLASS_ALREADY_EXISTS, DOS_ACTION_USER, DOS_LOCUS_BLOCK };
    case DOS_ERR_INVALID_FORMAT:
        return (struct ext_error_info){ DOS_CLASS_BAD_FORMAT, DOS_ACTION_USER, DOS_LOCUS_UNKNOWN };
    default:
        return (struct ext_error_info){ DOS_CLASS_APP_ERROR, DOS_ACTION_ABORT, DOS_LOCUS_UNKNOWN };
    }
}

void dos_set_ext_error(struct machine *m, enum dos_error code)
{
    struct ext_error_info i = ext_info(code);
    m->dos->ext_error = code;
    m->dos->ext_class = i.class;
    m->dos->ext_action = i.action;
    m->dos->ext_locus = i.locus;
}

void dos_fail(struct machine *m, enum dos_error code)
{
    dos_set_ext_error(m, code);
    m->r.ax.w = code;
    m->r.flags |= FLAG_CF;
}

void dos_int21_dispatch(struct machine *m)
{
    uint8_t ah = m->r.ax.h;
    const struct dos_fn *f = &dos_int21_table[ah];
    if (!f->fn) {
        vdm_trace(m, TRACE_DOS, "INT 21h/%02Xh not supported (AX=%04X)", ah, m->r.ax.w);
        dos_set_ext_error(m, DOS_ERR_INVALID_FUNCTION);
        m->r.ax.l = 0;
        m->r.flags |= FLAG_CF;
        return;
    }
    vdm_trace(m, TRACE_DOS, "INT 21h/%02Xh %s AX=%04X BX=%04X CX=%04X DX=%04X DS=%04X ES=%04X",
              ah, f->name, m->r.ax.w, m->r.bx.w, m->r.cx.w, m->r.dx.w, m->r.ds, m->r.es);
    f->fn(m);
    vdm_trace(m, TRACE_DOS, "  -> %s AX=%04X BX=%04X CX=%04X DX=%04X",
              (m->r.flags & FLAG_CF) ? "CF" : "ok", m->r.ax.w, m->r.bx.w, m->r.cx.w,
              m->r.dx.w);
}

static void dos_int21(struct machine *m)
{
    dos_int21_dispatch(m);
}

/* INT 23h default handler (RBIL INT 23): Ctrl-C ends the program. */
static void dos_int23(struct machine *m)
{
    dos_terminate(m, 0, DOS_TERM_CTRL_C);
}

/* INT 24h default handler (RBIL INT 24): with no one to ask "Abort,
 * Retry, Fail?", answer Fail (AL = 3) so the call returns an error. */
static void dos_int24(struct machine *m)
{
    m->r.ax.l = 3;
}

/* INT 29h  Fast console output (RBIL INT 29): AL to standard output. */
static void dos_int29(struct machine *m)
{
    uint8_t c = m->r.ax.l;
    dos_handle_write(m, 1, &c, 1);
}

/* INT 2Fh  Multiplex: the XMS driver answers AH = 43h (dos/xms.c);
 * nothing else is installed, AL stays 0 for the installation checks
 * (RBIL INT 2F/AL=00h). */
static void dos_int2f(struct machine *m)
{
    if (dos_xms_int2f(m))
        return;
}

/* The CP/M-style entry: a near CALL 5 to PSP:5, whose far call lands on
 * this stub with the stack holding the far return address and, under it,
 * the caller's near return. CL holds the function number (RBIL INT 21,
 * "CALL 5"; only functions 00h-24h are reachable this way). */
static void dos_cpm_call(struct machine *m)
{
    uint16_t ret_ip = mem_pop16(m);
    uint16_t ret_cs = mem_pop16(m);
    (void)ret_ip;
    uint16_t near_ret = mem_pop16(m);
    if (m->r.cx.l <= 0x24) {
        m->r.ax.h = m->r.cx.l;
        dos_int21_dispatch(m);
    } else {
        m->r.ax.l = 0;
    }
    if (m->outcome == RUN_RUNNING && m->r.cs == ROM_SEG) {
        m->r.cs = ret_cs;
        m->r.ip.w = near_ret;
    }
}

bool dos_init(struct machine *m)
{
    struct dos_state *d = calloc(1, sizeof *d);
    if (!d)
        return false;
    m->dos = d;
    d->con_pending = -1;
    d->break_flag = false;
    d->cur_drive = 2; /* C: */
    hostfs_init(&d->fs);
    dos_sft_init(m);
    mcb_init(m, DOS_FIRST_MCB);

    machine_set_int_handler(m, 0x20, dos_int20);
    machine_set_int_handler(m, 0x21, dos_int21);
    machine_set_int_handler(m, 0x23, dos_int23);
    machine_set_int_handler(m, 0x24, dos_int24);
    machine_set_int_handler(m, 0x29, dos_int29);
    machine_set_int_handler(m, 0x2F, dos_int2f);
    machine_set_int_handler(m, ROM_CPM_VECTOR, dos_cpm_call);
    return cmd_init(m);
}

void dos_shutdown(struct machine *m)
{
    if (!m->dos)
        return;
    dos_sft_close_all(m);
    for (unsigned i = 0; i < DOS_MAX_SEARCHES; i++)
        hostfs_search_end(&m->dos->searches[i]);
}

void dos_destroy(struct machine *m)
{
    if (!m->dos)
        return;
    dos_shutdown(m);
    cmd_fini(m);
    dos_xms_destroy(m);
    dos_ems_destroy(m);
    dos_lfn_destroy(m);
    free(m->dos);
    m->dos = NULL;
}
