/*
 * The DOS kernel's lifetime, its interrupt entry points (INT 20h-24h, the
 * CP/M call) and the success/failure helpers INT 21h functions share.
 */
#include "dos/dos.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bios/bios.h"
#include "bios/rom.h"
#include "dos/cmd.h"
#include "dos/dosdata.h"
#include "dos/ems.h"
#include "dos/exec.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "dos/mem.h"
#include "dos/nls.h"
#include "dos/proc.h"
#include "dos/xms.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* The first MCB: DOS's own tables (dosdata.h) sit below it. */
#define DOS_FIRST_MCB DOS_DATA_END_SEG

/* The calls after which the current directory structures change. */
#define DOS_FN_SELECT_DISK 0x0E
#define DOS_FN_CHDIR 0x3B

/* INT 25h/26h's error: AH = 80h (the drive did not respond), AL = 02h
 * (drive not ready), in INT 24h's terms (RBIL INT 25). */
#define DOS_ABS_DISK_ERROR 0x8002

/* INT 2Fh functions answered here (RBIL INT 2F/AX=1600h, 1680h). */
#define MPX_WINDOWS_CHECK 0x1600
#define MPX_RELEASE_SLICE 0x1680
#define DOS_SLICE_NS 1000000 /* 1680h gives the host CPU away for 1 ms */

uint32_t dos_drive_mask(const struct machine *m)
{
    uint32_t mask = 0;
    for (int i = 0; i < HOSTFS_DRIVES; i++)
        if (m->dos->fs.drive[i].mounted)
            mask |= 1u << i;
    return mask;
}

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
    /* InDOS is non-zero while the call runs (RBIL INT 21/AH=34h); the
     * tables programs read get the call's outcome. */
    dos_data_indos(m, +1);
    m->dos->call_regs = m->r;
    f->fn(m);
    dos_data_indos(m, -1);
    dos_data_sync(m);
    if (ah == DOS_FN_SELECT_DISK || ah == DOS_FN_CHDIR)
        dos_data_sync_drives(m);
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
 * Retry, Fail?", answer Fail (AL = 3) so the call returns an error.
 * vdm itself never raises a critical error: its drives are host
 * directories (a failing host call is an ordinary DOS error code) and
 * its character devices cannot go "not ready"; so a program's own INT
 * 24h handler is only ever called by the program itself. */
static void dos_int24(struct machine *m)
{
    m->r.ax.l = 3;
}

/* INT 29h  Fast console output (RBIL INT 29): AL to the console device,
 * which MS-DOS's CON driver writes through the BIOS teletype; standard
 * output redirection does not apply. */
static void dos_int29(struct machine *m)
{
    bios_tty_out(m, m->r.ax.l);
}

/* INT 25h/26h  Absolute disk read/write (RBIL INT 25, INT 26): vdm's
 * drives are host directories with no sectors, so both fail: CF set,
 * AX = 8002h. Like MS-DOS they return with RETF, leaving the caller's
 * FLAGS on the stack for it to pop. */
static void dos_abs_disk(struct machine *m)
{
    uint16_t ip = mem_pop16(m);
    uint16_t cs = mem_pop16(m);
    uint16_t caller_flags = mem_rd16(m, mem_lin(m->r.ss, m->r.sp.w));
    m->r.flags = (uint16_t)(caller_flags | FLAG_CF);
    m->r.ax.w = DOS_ABS_DISK_ERROR;
    m->r.cs = cs;
    m->r.ip.w = ip;
}

/* INT 28h  DOS idle (RBIL INT 28): called by programs (and by DOS while
 * it waits for a key) so TSRs may work; DOS itself does nothing. */
static void dos_int28(struct machine *m)
{
    (void)m;
}

/* INT 2Fh  Multiplex (RBIL INT 2F). The XMS driver answers AH = 43h
 * (dos/xms.c). Installation checks (AL = 00h) of things vdm does not have
 * leave AL = 00h, "not installed"; so does the Windows enhanced-mode
 * check 1600h (AL = 00h: no Windows). 1680h, the "release time slice"
 * call of programs that wait in a loop, is supported as under a
 * multitasker (AL = 00h): vdm gives the host CPU away for a moment
 * instead of letting the loop spin. */
static void dos_int2f(struct machine *m)
{
    if (dos_xms_int2f(m))
        return;
    if (m->r.ax.w == MPX_RELEASE_SLICE) {
        struct timespec ts = { .tv_sec = 0, .tv_nsec = DOS_SLICE_NS };
        nanosleep(&ts, NULL);
        m->r.ax.l = 0;
    } else if (m->r.ax.w == MPX_WINDOWS_CHECK) {
        m->r.ax.l = 0;
    }
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
    d->printer_fd = -1;
    d->break_flag = false;
    d->cur_drive = 2; /* C: */
    hostfs_init(&d->fs);
    dos_sft_init(m);
    mcb_init(m, DOS_FIRST_MCB);
    d->codepage = NLS_CODEPAGE_DEFAULT;
    dos_data_init(m);

    machine_set_int_handler(m, 0x20, dos_int20);
    machine_set_int_handler(m, 0x21, dos_int21);
    machine_set_int_handler(m, 0x23, dos_int23);
    machine_set_int_handler(m, 0x24, dos_int24);
    machine_set_int_handler(m, 0x25, dos_abs_disk);
    machine_set_int_handler(m, 0x26, dos_abs_disk);
    machine_set_int_handler(m, 0x27, dos_int27);
    machine_set_int_handler(m, 0x28, dos_int28);
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

void dos_set_printer(struct machine *m, int fd)
{
    m->dos->printer_fd = fd;
    m->dos->sft[DOS_STDPRN].host_fd = fd; /* not owned: main.c closes it */
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
    hostfs_fini(&m->dos->fs);
    free(m->dos);
    m->dos = NULL;
}
