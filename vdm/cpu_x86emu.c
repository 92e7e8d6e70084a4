/*
 * The libx86emu backend: the portable interpreter, and the last resort when
 * no faster backend can run here.
 *
 * Guest memory is the machine's flat buffer, reached through our own memio
 * callback (a bounds check and a load) instead of libx86emu's paged memory
 * with per-byte permission bits; the same callback sees IN/OUT and hands
 * them to the port registry at once, so port traps never leave the
 * interpreter. HLT stops x86emu_run() with IP past the HLT, which is the
 * TRAP_HLT the run loop expects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <x86emu.h>

#include "cpu.h"
#include "machine.h"
#include "run.h"

struct x86emu_priv {
    x86emu_t *emu;
    bool fetch_fault; /* a fetch or access ran off guest memory */
};

static struct machine *emu_machine(x86emu_t *emu)
{
    return emu->_private;
}

static unsigned emu_memio(x86emu_t *emu, u32 addr, u32 *val, unsigned type)
{
    struct machine *m = emu_machine(emu);
    unsigned size = 1u << (type & 0xFF);
    unsigned kind = type & ~0xFFu;

    if ((type & 0xFF) == X86EMU_MEMIO_8_NOPERM)
        size = 1;

    if (kind == X86EMU_MEMIO_I || kind == X86EMU_MEMIO_O) {
        port_io(m, (uint16_t)addr, kind == X86EMU_MEMIO_O, size, val);
        if (size == 1)
            *val &= 0xFF;
        else if (size == 2)
            *val &= 0xFFFF;
        return 0;
    }

    /* Real-mode linear addresses reach at most FFFF:FFFF = 10FFEFh; with
     * A20 off they wrap at 1 MiB like a PC's. */
    uint32_t lin = addr & m->a20_mask;
    if (lin + size <= MEM_SIZE) {
        uint8_t *p = m->mem + lin;
        if (kind == X86EMU_MEMIO_W) {
            memcpy(p, val, size);
        } else {
            uint32_t v = 0;
            memcpy(&v, p, size);
            *val = v;
        }
        return 0;
    }

    /* A range straddling the end: go byte by byte so the wrap or the empty
     * bus applies to each byte. */
    if (kind == X86EMU_MEMIO_W) {
        for (unsigned i = 0; i < size; i++) {
            uint32_t b = (addr + i) & m->a20_mask;
            if (b < MEM_SIZE)
                m->mem[b] = (uint8_t)(*val >> (8 * i));
        }
        return 0;
    }
    uint32_t v = 0;
    bool outside = false;
    for (unsigned i = 0; i < size; i++) {
        uint32_t b = (addr + i) & m->a20_mask;
        uint8_t byte = 0xFF;
        if (b < MEM_SIZE)
            byte = m->mem[b];
        else
            outside = true;
        v |= (uint32_t)byte << (8 * i);
    }
    *val = v;
    if (outside && kind == X86EMU_MEMIO_X) {
        struct x86emu_priv *p = m->cpu_priv;
        p->fetch_fault = true;
        return 1; /* libx86emu stops on a failed fetch */
    }
    return 0;
}

static void load_seg(x86emu_t *emu, sel_t *sel, uint16_t v)
{
    x86emu_set_seg_register(emu, sel, v);
}

static void regs_to_emu(const struct cpu_regs *r, x86emu_t *emu)
{
    emu->x86.R_EAX = r->ax.e;
    emu->x86.R_EBX = r->bx.e;
    emu->x86.R_ECX = r->cx.e;
    emu->x86.R_EDX = r->dx.e;
    emu->x86.R_ESI = r->si.e;
    emu->x86.R_EDI = r->di.e;
    emu->x86.R_EBP = r->bp.e;
    emu->x86.R_ESP = r->sp.e;
    emu->x86.R_EIP = r->ip.e;
    emu->x86.R_EFLG = r->flags | 0x2;
    load_seg(emu, emu->x86.R_CS_SEL, r->cs);
    load_seg(emu, emu->x86.R_DS_SEL, r->ds);
    load_seg(emu, emu->x86.R_ES_SEL, r->es);
    load_seg(emu, emu->x86.R_SS_SEL, r->ss);
    load_seg(emu, emu->x86.R_FS_SEL, r->fs);
    load_seg(emu, emu->x86.R_GS_SEL, r->gs);
}

static void regs_from_emu(const x86emu_t *emu, struct cpu_regs *r)
{
    r->ax.e = emu->x86.R_EAX;
    r->bx.e = emu->x86.R_EBX;
    r->cx.e = emu->x86.R_ECX;
    r->dx.e = emu->x86.R_EDX;
    r->si.e = emu->x86.R_ESI;
    r->di.e = emu->x86.R_EDI;
    r->bp.e = emu->x86.R_EBP;
    r->sp.e = emu->x86.R_ESP;
    r->ip.e = emu->x86.R_EIP;
    r->flags = emu->x86.R_EFLG;
    r->cs = emu->x86.R_CS;
    r->ds = emu->x86.R_DS;
    r->es = emu->x86.R_ES;
    r->ss = emu->x86.R_SS;
    r->fs = emu->x86.R_FS;
    r->gs = emu->x86.R_GS;
}

/* --trace=cpu: libx86emu's own instruction log, flushed to stderr. */
static void emu_log_flush(x86emu_t *emu, char *buf, unsigned size)
{
    (void)emu;
    fwrite(buf, 1, size, stderr);
}

#define X86EMU_LOG_SIZE (1u << 20)

static const char *x86emu_unavailable(void)
{
    return NULL; /* linked in: always usable */
}

static bool x86emu_create(struct machine *m)
{
    struct x86emu_priv *p = calloc(1, sizeof *p);
    if (!p)
        return false;
    p->emu = x86emu_new(X86EMU_PERM_RWX, X86EMU_PERM_RW);
    if (!p->emu) {
        free(p);
        return false;
    }
    p->emu->_private = m;
    x86emu_set_memio_handler(p->emu, emu_memio);
    if (m->trace & TRACE_CPU) {
        x86emu_set_log(p->emu, X86EMU_LOG_SIZE, emu_log_flush);
        p->emu->log.trace = X86EMU_TRACE_CODE | X86EMU_TRACE_REGS | X86EMU_TRACE_INTS;
    }
    m->cpu_priv = p;
    return true;
}

static struct cpu_trap x86emu_run_slice(struct machine *m, uint64_t budget)
{
    struct x86emu_priv *p = m->cpu_priv;
    x86emu_t *emu = p->emu;

    regs_to_emu(&m->r, emu);
    p->fetch_fault = false;
    emu->max_instr = emu->x86.R_TSC + budget;
    unsigned rs = x86emu_run(emu, X86EMU_RUN_MAX_INSTR);
    if (emu->log.trace)
        x86emu_clear_log(emu, 1);
    regs_from_emu(emu, &m->r);

    if (p->fetch_fault || (rs & X86EMU_RUN_NO_EXEC))
        return (struct cpu_trap){ TRAP_FAULT, "execution outside guest memory" };
    if (rs & X86EMU_RUN_MAX_INSTR)
        return (struct cpu_trap){ TRAP_SLICE_END, NULL };
    return (struct cpu_trap){ TRAP_HLT, NULL };
}

static void x86emu_destroy(struct machine *m)
{
    struct x86emu_priv *p = m->cpu_priv;
    if (!p)
        return;
    x86emu_done(p->emu);
    free(p);
    m->cpu_priv = NULL;
}

/* Hardware interrupts use the generic real-mode entry of run.c. */

const struct cpu_backend cpu_backend_x86emu = {
    .name = "x86emu",
    .unavailable = x86emu_unavailable,
    .create = x86emu_create,
    .run = x86emu_run_slice,
    .interrupt = run_real_mode_interrupt,
    .destroy = x86emu_destroy,
};
