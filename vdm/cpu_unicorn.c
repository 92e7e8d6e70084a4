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
 *   push FLAGS, CS, IP and IVT load as run_real_mode_interrupt()).
 * - Translated blocks are cached, and QEMU only notices code changes made
 *   by the guest. Host handlers write guest memory too (EXEC loads a
 *   program, a read fills a buffer that may hold code). Flushing the whole
 *   cache costs ~50 ms here and dropping all of guest memory ~40 us, too
 *   much per INT 21h, so the block hook marks the pages code ran from, the
 *   backend keeps a copy of those pages as each slice ends, and before the
 *   next slice drops the translations of any page that changed meanwhile.
 * - There is no cheap instruction budget (uc_emu_start's count hooks every
 *   instruction), so a block hook counts translated-block entries and stops
 *   the engine after about budget/UC_INSNS_PER_BLOCK of them. A stop the
 *   hook did not ask for, with UC_ERR_OK, is a HLT (IP past it).
 */
#include <stdlib.h>
#include <string.h>

#include <unicorn/unicorn.h>

#include "cpu.h"
#include "machine.h"
#include "mem.h"
#include "run.h"

/* A rough mean of instructions per translated block, to turn the run loop's
 * instruction budget into a block count. */
#define UC_INSNS_PER_BLOCK 4u

#define UC_PAGE_SHIFT 12
#define UC_PAGE_SIZE (1u << UC_PAGE_SHIFT)
#define UC_PAGES (MEM_SIZE >> UC_PAGE_SHIFT)

struct uc_priv {
    uc_engine *uc;
    struct machine *m;
    uint32_t hma_mask;        /* the a20_mask the area above 1 MiB maps; 0: none */
    uint64_t blocks_left;     /* block entries until the slice ends */
    bool slice_stop;          /* the block hook stopped the engine */
    bool code_page[UC_PAGES]; /* translated code came from this page */
    uint8_t *shadow;          /* code pages as the last slice left them */
    uc_hook hooks[4];
};

/* Registers in struct cpu_regs order, for the batch calls. */
static const int uc_gpr_ids[] = {
    UC_X86_REG_EAX, UC_X86_REG_EBX, UC_X86_REG_ECX, UC_X86_REG_EDX, UC_X86_REG_ESI,
    UC_X86_REG_EDI, UC_X86_REG_EBP, UC_X86_REG_ESP, UC_X86_REG_EIP, UC_X86_REG_EFLAGS,
    UC_X86_REG_CS,  UC_X86_REG_DS,  UC_X86_REG_ES,  UC_X86_REG_SS,  UC_X86_REG_FS,
    UC_X86_REG_GS,
};
#define UC_NREGS (sizeof uc_gpr_ids / sizeof uc_gpr_ids[0])

static void regs_exchange(uc_engine *uc, struct cpu_regs *r, bool to_uc)
{
    uint32_t v[UC_NREGS];
    void *ptrs[UC_NREGS];
    for (unsigned i = 0; i < UC_NREGS; i++)
        ptrs[i] = &v[i];
    if (to_uc) {
        const uint32_t g[] = { r->ax.e, r->bx.e, r->cx.e, r->dx.e, r->si.e, r->di.e,
                               r->bp.e, r->sp.e, r->ip.e, r->flags | 0x2, r->cs, r->ds,
                               r->es, r->ss, r->fs, r->gs };
        memcpy(v, g, sizeof v);
        uc_reg_write_batch(uc, (int *)uc_gpr_ids, ptrs, UC_NREGS);
        return;
    }
    memset(v, 0, sizeof v);
    uc_reg_read_batch(uc, (int *)uc_gpr_ids, ptrs, UC_NREGS);
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

/* INT n, INTO, INT3 and CPU exceptions: enter the guest's handler through
 * the IVT, as a real-mode CPU does. */
static void uc_on_intr(uc_engine *uc, uint32_t intno, void *user)
{
    struct uc_priv *p = user;
    regs_exchange(uc, &p->m->r, false);
    run_real_mode_interrupt(p->m, (uint8_t)intno);
    regs_exchange(uc, &p->m->r, true);
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

static void uc_on_block(uc_engine *uc, uint64_t address, uint32_t size, void *user)
{
    struct uc_priv *p = user;
    uint64_t first = address >> UC_PAGE_SHIFT, last = (address + size - 1) >> UC_PAGE_SHIFT;
    for (uint64_t pg = first; pg <= last && pg < UC_PAGES; pg++)
        p->code_page[pg] = true;
    if (p->blocks_left && --p->blocks_left == 0) {
        p->slice_stop = true;
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

static void unicorn_destroy(struct machine *m)
{
    struct uc_priv *p = m->cpu_priv;
    if (!p)
        return;
    if (p->uc)
        uc_close(p->uc);
    free(p->shadow);
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
    p->shadow = malloc(MEM_SIZE);
    if (!p->shadow || uc_open(UC_ARCH_X86, UC_MODE_16, &p->uc) != UC_ERR_OK) {
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
    return true;
}

/* Guest page pg as the engine sees it (slot above 1 MiB: per A20). */
static const uint8_t *uc_page_host(const struct machine *m, unsigned pg)
{
    uint32_t a = pg << UC_PAGE_SHIFT;
    if (a >= MEM_CONV_SIZE && m->a20_mask == MEM_A20_OFF_MASK)
        a -= MEM_CONV_SIZE;
    return m->mem + a;
}

static void uc_snapshot_code(struct machine *m, struct uc_priv *p)
{
    for (unsigned pg = 0; pg < UC_PAGES; pg++)
        if (p->code_page[pg])
            memcpy(p->shadow + ((size_t)pg << UC_PAGE_SHIFT), uc_page_host(m, pg), UC_PAGE_SIZE);
}

/* Drop translations of code pages the host changed since the snapshot. */
static void uc_drop_changed_code(struct machine *m, struct uc_priv *p)
{
    for (unsigned pg = 0; pg < UC_PAGES; pg++) {
        if (!p->code_page[pg] ||
            memcmp(p->shadow + ((size_t)pg << UC_PAGE_SHIFT), uc_page_host(m, pg), UC_PAGE_SIZE) == 0)
            continue;
        uint64_t a = (uint64_t)pg << UC_PAGE_SHIFT;
        uc_ctl_remove_cache(p->uc, a, a + UC_PAGE_SIZE);
        p->code_page[pg] = false;
    }
}

static struct cpu_trap unicorn_run_slice(struct machine *m, uint64_t budget)
{
    struct uc_priv *p = m->cpu_priv;

    if (m->a20_mask != p->hma_mask) {
        if (!uc_map_hma(m, p))
            return (struct cpu_trap){ TRAP_FAULT, "Unicorn cannot remap the A20 area" };
        uc_ctl_remove_cache(p->uc, MEM_CONV_SIZE, MEM_SIZE);
        uc_snapshot_code(m, p);
    }
    uc_drop_changed_code(m, p);
    regs_exchange(p->uc, &m->r, true);
    p->blocks_left = budget / UC_INSNS_PER_BLOCK + 1;
    p->slice_stop = false;
    uc_err e = uc_emu_start(p->uc, mem_lin(m->r.cs, m->r.ip.w), 0, 0, 0);
    regs_exchange(p->uc, &m->r, false);
    uc_snapshot_code(m, p);

    if (e == UC_ERR_INSN_INVALID) {
        /* Unicorn stops on an unknown opcode instead of raising #UD:
         * enter INT 06h at it as the CPU would. */
        run_real_mode_interrupt(m, CPU_VEC_INVALID_OPCODE);
        return (struct cpu_trap){ TRAP_SLICE_END, NULL };
    }
    if (e != UC_ERR_OK)
        return (struct cpu_trap){ TRAP_FAULT, uc_strerror(e) };
    if (p->slice_stop || m->outcome != RUN_RUNNING)
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
