/*
 * The Unicorn backend: QEMU's code generator as a library (UC_MODE_16),
 * translating guest blocks to host code.
 *
 * Memory is the machine's buffer mapped in place (uc_mem_map_ptr); the
 * 64 KiB above 1 MiB follows the A20 gate like the KVM backend's slot 1:
 * the first 64 KiB again while A20 is off, the HMA when on.
 *
 * Unicorn differs from a PC in three ways the backend makes up for:
 * - INT n (and CPU exceptions) reach UC_HOOK_INTR instead of vectoring
 *   through the IVT, so the hook performs the real-mode entry (the same
 *   push FLAGS, CS, IP and IVT load as run_real_mode_interrupt()). When
 *   the vector leads straight to its ROM stub, the hook also does what the
 *   stub's HLT would ask of the run loop (run_service_trap) and lets the
 *   guest go on at the stub's IRET: an INT 21h costs no engine exit.
 * - Translated blocks are cached, and QEMU only notices code changes made
 *   by the guest. Host handlers write guest memory too (EXEC loads a
 *   program, a read fills a buffer that may hold code); vdm/mem.c logs
 *   those writes (m->dirty) and the backend drops the translations of
 *   exactly those ranges before the guest runs again. Blocks elsewhere
 *   stay, so a loop that reads into a buffer next to its code keeps its
 *   translation.
 * - There is no cheap instruction budget (uc_emu_start's count hooks every
 *   instruction), so a block hook counts translated-block entries and stops
 *   the engine after about budget/UC_INSNS_PER_BLOCK of them. A stop the
 *   hook did not ask for, with UC_ERR_OK, is a HLT (IP past it). The stop
 *   must come from inside the engine: Unicorn 2.0 does not write back the
 *   guest IP when uc_emu_stop() arrives from another thread between chained
 *   blocks (unicorn-engine/unicorn#1355), so a timer thread, cheaper per
 *   block, resumed guests at stale addresses.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include <unicorn/unicorn.h>

#include "bios/rom.h"
#include "cpu.h"
#include "machine.h"
#include "mem.h"
#include "run.h"

/* A rough mean of instructions per translated block, to turn the run loop's
 * instruction budget into a block count. */
#define UC_INSNS_PER_BLOCK 4u

#define X86_HLT 0xF4u

struct uc_priv {
    uc_engine *uc;
    struct machine *m;
    uint32_t hma_mask;        /* the a20_mask the area above 1 MiB maps; 0: none */
    uc_hook hooks[4];
    uint64_t blocks_left;     /* block entries until the slice ends */
    bool slice_stop;          /* the block hook stopped the engine */
};

/* Registers in struct cpu_regs order, for the batch calls. */
static const int uc_gpr_ids[] = {
    UC_X86_REG_EAX, UC_X86_REG_EBX, UC_X86_REG_ECX, UC_X86_REG_EDX, UC_X86_REG_ESI,
    UC_X86_REG_EDI, UC_X86_REG_EBP, UC_X86_REG_ESP, UC_X86_REG_EIP, UC_X86_REG_EFLAGS,
    UC_X86_REG_CS,  UC_X86_REG_DS,  UC_X86_REG_ES,  UC_X86_REG_SS,  UC_X86_REG_FS,
    UC_X86_REG_GS,
};
#define UC_NREGS (sizeof uc_gpr_ids / sizeof uc_gpr_ids[0])
/* The interrupt hook skips FS and GS (the last two): no DOS or BIOS handler
 * uses them, and each register read is a trip through Unicorn's register
 * switch (a third of an INT 21h's cost). Slices still exchange all. */
#define UC_NREGS_HOOK (UC_NREGS - 2)

/* struct cpu_regs as the value array of the batch calls. */
static void regs_pack(const struct cpu_regs *r, uint32_t v[UC_NREGS])
{
    const uint32_t g[] = { r->ax.e, r->bx.e, r->cx.e, r->dx.e, r->si.e, r->di.e,
                           r->bp.e, r->sp.e, r->ip.e, r->flags | 0x2, r->cs, r->ds,
                           r->es, r->ss, r->fs, r->gs };
    memcpy(v, g, sizeof g);
}

static void regs_unpack(const uint32_t v[UC_NREGS], struct cpu_regs *r)
{
    r->ax.e = v[0];
    r->bx.e = v[1];
    r->cx.e = v[2];
    r->dx.e = v[3];
    r->si.e = v[4];
    r->di.e = v[5];
    r->bp.e = v[6];
    r->sp.e = v[7];
    r->ip.e = v[8];
    r->flags = v[9];
    r->cs = (uint16_t)v[10];
    r->ds = (uint16_t)v[11];
    r->es = (uint16_t)v[12];
    r->ss = (uint16_t)v[13];
    r->fs = (uint16_t)v[14];
    r->gs = (uint16_t)v[15];
}

/* Read the first `count` registers of uc_gpr_ids into r (the others keep
 * their values); `was` (may be NULL) keeps the raw values for
 * regs_write_changed(). */
static void regs_read(uc_engine *uc, struct cpu_regs *r, uint32_t was[UC_NREGS], unsigned count)
{
    uint32_t v[UC_NREGS];
    void *ptrs[UC_NREGS];
    regs_pack(r, v);
    for (unsigned i = 0; i < count; i++)
        ptrs[i] = &v[i];
    uc_reg_read_batch(uc, (int *)uc_gpr_ids, ptrs, (int)count);
    regs_unpack(v, r);
    if (was)
        memcpy(was, v, sizeof v);
}

/* Write the registers of r that differ from `was` (all when was is NULL):
 * a segment write reloads the descriptor cache and an EIP write restarts
 * the engine's loop, so a handler that changed only AX costs one write. */
static void regs_write_changed(uc_engine *uc, const struct cpu_regs *r, const uint32_t *was)
{
    uint32_t v[UC_NREGS];
    int ids[UC_NREGS];
    void *ptrs[UC_NREGS];
    unsigned n = 0;
    regs_pack(r, v);
    for (unsigned i = 0; i < UC_NREGS; i++) {
        if (was && v[i] == was[i])
            continue;
        ids[n] = uc_gpr_ids[i];
        ptrs[n++] = &v[i];
    }
    if (n)
        uc_reg_write_batch(uc, ids, ptrs, (int)n);
}

/* Drop the translations of what the host wrote since the last call (see
 * the top of the file), except a range wholly inside [keep_lo, keep_hi):
 * the interrupt frame, which a real CPU writes itself and whose drop (a
 * page walk with allocations in QEMU) would cost more than the rest of an
 * INT 21h. While A20 is off the first 64 KiB also show above 1 MiB. */
static void uc_drop_host_writes(struct uc_priv *p, uint32_t keep_lo, uint32_t keep_hi)
{
    struct mem_dirty *d = &p->m->dirty;
    for (unsigned i = 0; i < d->n; i++) {
        if (d->lo[i] >= keep_lo && d->hi[i] <= keep_hi)
            continue;
        uc_ctl_remove_cache(p->uc, d->lo[i], d->hi[i]);
        if (p->hma_mask == MEM_A20_OFF_MASK && d->lo[i] < MEM_SIZE - MEM_CONV_SIZE) {
            uint32_t hi = d->hi[i] < MEM_SIZE - MEM_CONV_SIZE ? d->hi[i] : MEM_SIZE - MEM_CONV_SIZE;
            uc_ctl_remove_cache(p->uc, MEM_CONV_SIZE + d->lo[i], MEM_CONV_SIZE + hi);
        }
    }
    d->n = 0;
}

/* INT n, INTO, INT3 and CPU exceptions: enter the guest's handler through
 * the IVT, as a real-mode CPU does. A vector that leads to its own ROM
 * stub is served here and now, as if the stub's HLT had trapped; the guest
 * resumes at the stub's IRET. What the run loop must see (the program
 * ended, A20 moved) stops the engine instead. */
static void uc_on_intr(uc_engine *uc, uint32_t intno, void *user)
{
    struct uc_priv *p = user;
    struct machine *m = p->m;
    uint32_t was[UC_NREGS];
    regs_read(uc, &m->r, was, UC_NREGS_HOOK);
    run_real_mode_interrupt(m, (uint8_t)intno);
    uint32_t frame = mem_lin(m->r.ss, m->r.sp.w); /* IP, CS, FLAGS */
    if (m->r.cs == ROM_SEG && mem_rd8(m, mem_lin(m->r.cs, m->r.ip.w)) == X86_HLT) {
        m->r.ip.w = (uint16_t)(m->r.ip.w + 1);
        if (!run_service_trap(m))
            m->r.ip.w = (uint16_t)(m->r.ip.w - 1); /* not a stub: let the HLT run */
    }
    regs_write_changed(uc, &m->r, was);
    if (m->outcome != RUN_RUNNING || m->a20_mask != p->hma_mask) {
        p->slice_stop = true; /* not a HLT */
        uc_emu_stop(uc);
    } else {
        uc_drop_host_writes(p, frame, frame + 6);
    }
}

static uint32_t uc_on_in(uc_engine *uc, uint32_t port, int size, void *user)
{
    struct uc_priv *p = user;
    (void)uc;
    uint32_t val = 0;
    port_io(p->m, (uint16_t)port, false, (unsigned)size, &val);
    return val;
}

static void uc_on_out(uc_engine *uc, uint32_t port, int size, uint32_t value, void *user)
{
    struct uc_priv *p = user;
    port_io(p->m, (uint16_t)port, true, (unsigned)size, &value);
    /* The run is over, or the A20 gate moved (the area above 1 MiB must be
     * remapped before the next instruction). */
    if (p->m->outcome != RUN_RUNNING || p->m->a20_mask != p->hma_mask) {
        p->slice_stop = true; /* not a HLT */
        uc_emu_stop(uc);
    }
}

static const char *unicorn_unavailable(void)
{
    return NULL; /* linked in only when found at build time */
}

static bool uc_map_hma(struct machine *m, struct uc_priv *p)
{
    uint8_t *host = m->mem + (m->a20_mask == MEM_A20_OFF_MASK ? 0 : MEM_CONV_SIZE);
    if (p->hma_mask && uc_mem_unmap(p->uc, MEM_CONV_SIZE, MEM_SIZE - MEM_CONV_SIZE) != UC_ERR_OK)
        return false;
    if (uc_mem_map_ptr(p->uc, MEM_CONV_SIZE, MEM_SIZE - MEM_CONV_SIZE, UC_PROT_ALL, host) !=
        UC_ERR_OK)
        return false;
    p->hma_mask = m->a20_mask;
    return true;
}

static void uc_on_block(uc_engine *uc, uint64_t address, uint32_t size, void *user)
{
    struct uc_priv *p = user;
    (void)address;
    (void)size;
    if (p->blocks_left && --p->blocks_left == 0) {
        p->slice_stop = true;
        uc_emu_stop(uc);
    }
}

static void unicorn_destroy(struct machine *m)
{
    struct uc_priv *p = m->cpu_priv;
    if (!p)
        return;
    if (p->uc) {
        /* Drop every translation first (~40 us): uc_close() frees QEMU's
         * page table but not the self-modifying-code bitmaps of pages that
         * still hold code, which LeakSanitizer reports. */
        uc_ctl_remove_cache(p->uc, 0, MEM_SIZE);
        uc_close(p->uc);
    }
    free(p);
    m->cpu_priv = NULL;
}

static bool unicorn_create(struct machine *m)
{
    struct uc_priv *p = calloc(1, sizeof *p);
    if (!p)
        return false;
    p->m = m;
    m->cpu_priv = p;
    /* QEMU asks for transparent huge pages on its 1 GiB code buffer, so the
     * first few KiB of translated code would cost a 2 MiB page of RSS. A DOS
     * program's code fits in small pages many times over. */
    prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
    if (uc_open(UC_ARCH_X86, UC_MODE_16, &p->uc) != UC_ERR_OK) {
        p->uc = NULL;
        unicorn_destroy(m);
        return false;
    }
    bool ok = uc_mem_map_ptr(p->uc, 0, MEM_CONV_SIZE, UC_PROT_ALL, m->mem) == UC_ERR_OK &&
              uc_map_hma(m, p) &&
              uc_hook_add(p->uc, &p->hooks[0], UC_HOOK_INTR, (void *)uc_on_intr, p, 1, 0) ==
                  UC_ERR_OK &&
              uc_hook_add(p->uc, &p->hooks[1], UC_HOOK_INSN, (void *)uc_on_in, p, 1, 0,
                          UC_X86_INS_IN) == UC_ERR_OK &&
              uc_hook_add(p->uc, &p->hooks[2], UC_HOOK_INSN, (void *)uc_on_out, p, 1, 0,
                          UC_X86_INS_OUT) == UC_ERR_OK &&
              uc_hook_add(p->uc, &p->hooks[3], UC_HOOK_BLOCK, (void *)uc_on_block, p, 1, 0) ==
                  UC_ERR_OK;
    if (!ok) {
        unicorn_destroy(m);
        return false;
    }
    /* Nothing is translated yet: what the loader wrote needs no drop. */
    m->dirty.n = 0;
    return true;
}

static struct cpu_trap unicorn_run_slice(struct machine *m, uint64_t budget)
{
    struct uc_priv *p = m->cpu_priv;

    if (m->a20_mask != p->hma_mask) {
        if (!uc_map_hma(m, p))
            return (struct cpu_trap){ TRAP_FAULT, "Unicorn cannot remap the A20 area" };
        uc_ctl_remove_cache(p->uc, MEM_CONV_SIZE, MEM_SIZE);
    }
    uc_drop_host_writes(p, 0, 0);
    regs_write_changed(p->uc, &m->r, NULL);
    p->blocks_left = budget / UC_INSNS_PER_BLOCK + 1;
    p->slice_stop = false;
    uc_err e = uc_emu_start(p->uc, mem_lin(m->r.cs, m->r.ip.w), 0, 0, 0);
    regs_read(p->uc, &m->r, NULL, UC_NREGS);

    if (e == UC_ERR_INSN_INVALID) {
        /* Unicorn stops on an unknown opcode instead of raising #UD:
         * enter INT 06h at it as the CPU would. */
        run_real_mode_interrupt(m, CPU_VEC_INVALID_OPCODE);
        return (struct cpu_trap){ TRAP_SLICE_END, NULL };
    }
    if (e != UC_ERR_OK)
        return (struct cpu_trap){ TRAP_FAULT, uc_strerror(e) };
    if (p->slice_stop || m->outcome != RUN_RUNNING || m->a20_mask != p->hma_mask)
        return (struct cpu_trap){ TRAP_SLICE_END, NULL };
    return (struct cpu_trap){ TRAP_HLT, NULL };
}

/* Hardware interrupts use the generic real-mode entry of run.c: m->r is
 * loaded into the engine before every slice. */

const struct cpu_backend cpu_backend_unicorn = {
    .name = "unicorn",
    .unavailable = unicorn_unavailable,
    .create = unicorn_create,
    .run = unicorn_run_slice,
    .interrupt = run_real_mode_interrupt,
    .destroy = unicorn_destroy,
};
