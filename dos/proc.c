/*
 * Process and system services beyond EXEC: PSPs made by hand (26h, 55h),
 * staying resident (31h, INT 27h), DOS's internal tables as programs
 * probe them (34h InDOS, 52h list of lists, 5D06h SDA), the allocation
 * strategy (58h), and the network functions' answers on a machine with
 * no network (5Dh, 5Eh, 5Fh).
 */
#include "dos/proc.h"

#include <string.h>

#include "dos/dos.h"
#include "dos/dosdata.h"
#include "dos/exec.h"
#include "dos/handle.h"
#include "dos/mem.h"
#include "dos/psp.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* 31h/INT 27h: MS-DOS keeps at least the PSP's first 60h bytes. */
#define TSR_MIN_PARAS 6

/* Keep `paras` paragraphs of the current program and end it as resident. */
static void stay_resident(struct machine *m, uint8_t code, uint16_t paras)
{
    uint16_t psp = m->dos->cur_psp;
    uint16_t largest;
    if (paras < TSR_MIN_PARAS)
        paras = TSR_MIN_PARAS;
    /* A failed resize (the block cannot grow that far) keeps what it has. */
    (void)mcb_resize(m, psp, paras, &largest);
    dos_terminate(m, code, DOS_TERM_TSR);
}

/* INT 21h/31h  Terminate and stay resident (RBIL INT 21/AH=31h).
 * In:  AL = return code, DX = paragraphs to keep (from the PSP on).
 * Out: does not return. The program's memory block shrinks (or grows)
 *      to DX paragraphs and stays allocated, as do its other blocks; the
 *      vectors it hooked stay hooked; its files stay open; the parent's
 *      4Dh sees AH = 03h. */
void dos_fn_tsr(struct machine *m)
{
    stay_resident(m, m->r.ax.l, m->r.dx.w);
}

/* INT 27h  Terminate and stay resident (RBIL INT 27).
 * In:  CS = PSP, DX = offset of the first byte past the resident part.
 * Out: does not return; as 31h with return code 0, keeping DX bytes
 *      rounded up to paragraphs. */
void dos_int27(struct machine *m)
{
    uint16_t paras = (uint16_t)((m->r.dx.w + 15u) >> 4);
    if (m->r.dx.w > 0xFFF0u)
        paras = 0x1000;
    stay_resident(m, 0, paras);
}

/* INT 21h/26h  Create new PSP (RBIL INT 21/AH=26h).
 * In:  DX = segment for the new PSP; the caller's CS is the PSP to copy
 *      (DOS 2+ assumes so).
 * Out: AL destroyed. The PSP copied to DX:0000, with INT 22h/23h/24h
 *      taken from the vector table, the parent field 0 and its own JFT
 *      pointer. MS-DOS copies the JFT without counting the new
 *      references; vdm counts them (as 55h does), so a handle closed
 *      through either PSP leaves the other's open. The current PSP does
 *      not change. */
void dos_fn_create_psp(struct machine *m)
{
    uint16_t src = mem_rd16(m, mem_lin(m->r.ss, (uint16_t)(m->r.sp.w + 2))); /* INT frame CS */
    uint16_t seg = m->r.dx.w;
    uint8_t buf[PSP_SIZE];
    if (seg == src || !mem_read(m, mem_lin(src, 0), buf, sizeof buf) ||
        !mem_ptr(m, mem_lin(seg, 0), PSP_SIZE))
        return;
    mem_write(m, mem_lin(seg, 0), buf, sizeof buf);
    uint32_t p = mem_lin(seg, 0);
    mem_wr32(m, p + PSP_TERMINATE, mem_rd32(m, 0x22 * 4));
    mem_wr32(m, p + PSP_CTRL_C, mem_rd32(m, 0x23 * 4));
    mem_wr32(m, p + PSP_CRIT_ERR, mem_rd32(m, 0x24 * 4));
    mem_wr16(m, p + PSP_PARENT, 0);
    mem_wr16(m, p + PSP_JFT_SIZE, PSP_JFT_ENTRIES);
    mem_wr16(m, p + PSP_JFT_PTR, PSP_JFT);
    mem_wr16(m, p + PSP_JFT_PTR + 2, seg);
    dos_handles_inherit(m, src, seg);
}

/* Bytes of the parent's PSP that 55h copies: the FCBs and the tail. */
#define CHILD_COPY_FROM PSP_FCB1

/* INT 21h/55h  Create child PSP (RBIL INT 21/AH=55h).
 * In:  DX = segment for the new PSP, SI = its memory-top segment.
 * Out: a PSP at DX with the current program as parent, its environment,
 *      FCBs and command tail, and the inheritable handles (counted); the
 *      current PSP becomes DX. AL destroyed (RBIL: no status is put
 *      there; vdm leaves it as it was). */
void dos_fn_child_psp(struct machine *m)
{
    struct dos_state *d = m->dos;
    uint16_t parent = d->cur_psp, seg = m->r.dx.w;
    if (seg == parent || !mem_ptr(m, mem_lin(seg, 0), PSP_SIZE))
        return;
    uint16_t env = mem_rd16(m, mem_lin(parent, PSP_ENV_SEG));
    psp_build(m, seg, m->r.si.w, parent, env, "", 0, dos_drive_mask(m));
    uint8_t buf[PSP_SIZE - CHILD_COPY_FROM];
    if (mem_read(m, mem_lin(parent, CHILD_COPY_FROM), buf, sizeof buf))
        mem_write(m, mem_lin(seg, CHILD_COPY_FROM), buf, sizeof buf);
    dos_handles_inherit(m, parent, seg);
    d->cur_psp = seg;
}

/* INT 21h/34h  Get address of InDOS flag (RBIL INT 21/AH=34h).
 * In:  nothing.
 * Out: ES:BX -> the InDOS byte (non-zero while DOS runs a call; the
 *      critical error flag is the byte before it). */
void dos_fn_indos(struct machine *m)
{
    m->r.es = DOS_DATA_SEG;
    m->r.bx.w = DD_SDA + SDA_INDOS;
}

/* INT 21h/52h  Get list of lists (RBIL INT 21/AH=52h).
 * In:  nothing.
 * Out: ES:BX -> DOS's list of lists (dosdata.h): [BX-2] the first MCB,
 *      [BX+16h] the current directory structures, [BX+21h] LASTDRIVE,
 *      [BX+22h] the NUL device header heading the device chain. */
void dos_fn_list_of_lists(struct machine *m)
{
    dos_data_sync(m);
    dos_data_sync_drives(m);
    m->r.es = DOS_DATA_SEG;
    m->r.bx.w = DD_LOL;
}

/* 58h subfunctions (RBIL INT 21/AH=58h). */
#define STRAT_GET 0x00
#define STRAT_SET 0x01
#define UMB_GET 0x02
#define UMB_SET 0x03

static bool strategy_ok(uint16_t s)
{
    uint16_t high = s & (MCB_HIGH_FIRST | MCB_HIGH_ONLY);
    return (s & ~(MCB_FIT_MASK | MCB_HIGH_FIRST | MCB_HIGH_ONLY)) == 0 &&
           (s & MCB_FIT_MASK) <= MCB_FIT_LAST &&
           high != (MCB_HIGH_FIRST | MCB_HIGH_ONLY);
}

/* INT 21h/58h  Get or set memory allocation strategy and UMB link state
 * (RBIL INT 21/AH=58h).
 * In:  AL = 00h get strategy; 01h set, BX = strategy (00h first fit,
 *      01h best fit, 02h last fit; +40h high memory only, +80h high
 *      memory first); 02h get UMB link state; 03h set it, BX = 0
 *      unlink, 1 link.
 * Out: CF clear; 00h AX = strategy, 02h AL = 00h (not linked). Or CF
 *      set, AX = 01h: an unknown AL or strategy, or 03h at all: without
 *      upper memory blocks MS-DOS (no DOS=UMB) refuses the call. */
void dos_fn_alloc_strategy(struct machine *m)
{
    struct dos_state *d = m->dos;
    switch (m->r.ax.l) {
    case STRAT_GET:
        m->r.ax.w = d->alloc_strategy;
        dos_ok(m);
        return;
    case STRAT_SET:
        if (!strategy_ok(m->r.bx.w))
            break;
        d->alloc_strategy = (uint8_t)m->r.bx.w;
        dos_ok(m);
        return;
    case UMB_GET:
        m->r.ax.l = d->umb_linked;
        dos_ok(m);
        return;
    case UMB_SET:
        break; /* no UMBs: MS-DOS without DOS=UMB fails with 01h */
    default:
        break;
    }
    dos_fail(m, DOS_ERR_INVALID_FUNCTION);
}

/* 5Dh subfunctions used outside networks (RBIL INT 21/AX=5D06h, 5D0Ah). */
#define SRV_GET_SDA 0x06
#define SRV_SET_ERROR 0x0A
/* 5D0Ah's DOS parameter list: the registers, word each. */
#define DPL_AX 0x00
#define DPL_BX 0x02
#define DPL_CX 0x04

/* INT 21h/5Dh  DOS internal services (RBIL INT 21/AH=5Dh).
 * In:  AL = 06h get the swappable data area; 0Ah set the extended error
 *      from the DOS parameter list at DS:DX (AX = error, BH = class,
 *      BL = action, CH = locus).
 * Out: 06h: CF clear, DS:SI -> SDA, CX = bytes to swap while in DOS,
 *      DX = bytes to swap always. 0Ah: CF clear, the next 59h reports
 *      the given values. Other AL (server calls, network tables): CF
 *      set, AX = 01h. */
void dos_fn_server(struct machine *m)
{
    struct dos_state *d = m->dos;
    if (m->r.ax.l == SRV_GET_SDA) {
        dos_data_sync(m);
        m->r.ds = DOS_DATA_SEG;
        m->r.si.w = DD_SDA;
        m->r.cx.w = SDA_SIZE;
        m->r.dx.w = SDA_SWAP_ALWAYS;
        dos_ok(m);
    } else if (m->r.ax.l == SRV_SET_ERROR) {
        uint32_t dpl = mem_lin(m->r.ds, m->r.dx.w);
        uint16_t bx = mem_rd16(m, dpl + DPL_BX);
        d->ext_error = mem_rd16(m, dpl + DPL_AX);
        d->ext_class = (uint8_t)(bx >> 8);
        d->ext_action = (uint8_t)bx;
        d->ext_locus = (uint8_t)(mem_rd16(m, dpl + DPL_CX) >> 8);
        dos_ok(m);
    } else {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
    }
}

#define NET_MACHINE_NAME 0x00

/* INT 21h/5Eh  Network machine name and printer setup (RBIL INT
 * 21/AH=5Eh).
 * In:  AL = 00h get machine name (DS:DX -> 16-byte buffer).
 * Out: 00h: CF clear, CH = 00h (no name defined: vdm is not on a
 *      network), the buffer untouched. Other AL: CF set, AX = 01h, as
 *      without a network redirector. */
void dos_fn_net_name(struct machine *m)
{
    if (m->r.ax.l == NET_MACHINE_NAME) {
        m->r.cx.h = 0;
        dos_ok(m);
    } else {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
    }
}

#define REDIR_GET_ENTRY 0x02
#define REDIR_GET_ENTRY_EX 0x05

/* INT 21h/5Fh  Network redirection (RBIL INT 21/AH=5Fh).
 * In:  AL = 02h/05h get redirection list entry BX; others change
 *      redirections.
 * Out: 02h/05h: CF set, AX = 12h (no more entries: nothing is
 *      redirected). Others: CF set, AX = 01h (no network). */
void dos_fn_redirect(struct machine *m)
{
    if (m->r.ax.l == REDIR_GET_ENTRY || m->r.ax.l == REDIR_GET_ENTRY_EX)
        dos_fail(m, DOS_ERR_NO_MORE_FILES);
    else
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
}
