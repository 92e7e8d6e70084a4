/*
 * The vm86 backend: on 32-bit x86 Linux the CPU itself runs real-mode code
 * in virtual-8086 mode through the vm86() system call, and returns to vdm
 * for what it must not do alone. 64-bit kernels have no vm86 (long mode
 * has no virtual-8086 mode), so everywhere else this file only says why
 * the backend is unavailable. CI compiles it with -m32 (.ci/run).
 *
 * Memory. Virtual-8086 mode addresses the process's own linear 0..1 MiB +
 * 64 KiB, so guest memory must sit at address 0 (vm.mmap_min_addr must be
 * 0). The machine's buffer is turned into a shared mapping of a memfd,
 * mapped a second time at 0: handlers keep using m->mem and both views
 * show the same bytes. The 64 KiB at 1 MiB follow the A20 gate like KVM's
 * slot 1: the memfd's first 64 KiB again while A20 is off, the HMA when on.
 *
 * Traps. The kernel hands back to vdm every INT whose IVT entry points
 * into segment F000h (its BIOSSEG rule) - exactly the host-served vectors
 * with their ROM stubs - as VM86_INTx: the backend enters the interrupt
 * (run_real_mode_interrupt) and serves the stub at once (run_service_trap),
 * as the Unicorn backend does. Vectors the guest hooked are vectored by
 * the kernel itself. HLT, IN and OUT fault (#GP) and come back as
 * VM86_UNKNOWN with CS:IP at the instruction: HLT becomes TRAP_HLT, port
 * I/O goes to the port registry. Interrupts use the generic real-mode
 * entry on m->r; the guest's IF is the virtual IF (VIF) the kernel keeps.
 *
 * Slices. A POSIX timer signals this thread every VM86_SLICE_NS; its
 * handler does nothing (SA_RESTART, so host syscalls in handlers go on),
 * and vm86() returns VM86_SIGNAL.
 *
 * Not yet run on a 32-bit host by the project: --backend=auto does not
 * pick it (use --backend=vm86).
 */
#define _GNU_SOURCE /* memfd_create, SIGEV_THREAD_ID */
#include "cpu.h"

#if defined(__i386__) && defined(__linux__)

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/vm86.h>
#include <time.h>
#include <unistd.h>

#include "machine.h"
#include "mem.h"
#include "run.h"

#define VM86_SLICE_NS 1000000L
#define VM86_SLICE_SIG (SIGRTMIN + 3)
#define VM86_MMAP_MIN_ADDR "/proc/sys/vm/mmap_min_addr"

#define X86_HLT 0xF4u
#define X86_OPSIZE 0x66u
#define X86_IN_AL_IMM 0xE4u  /* E4 in al,imm8  E5 in ax,imm8 */
#define X86_OUT_IMM_AL 0xE6u /* E6 out imm8,al E7 out imm8,ax */
#define X86_IN_AL_DX 0xECu   /* EC in al,dx    ED in ax,dx */
#define X86_OUT_DX_AL 0xEEu  /* EE out dx,al   EF out dx,ax */

struct vm86_priv {
    struct vm86plus_struct v;
    int memfd;
    uint32_t hma_mask;         /* the a20_mask mapped at 1 MiB; 0: none */
    timer_t timer;
    bool has_timer;
    struct sigaction old_action;
};

static long vm86_call(unsigned long fn, void *arg)
{
    return syscall(SYS_vm86, fn, arg);
}

static const char *vm86_unavailable(void)
{
    if (vm86_call(VM86_PLUS_INSTALL_CHECK, NULL) < 0 && errno == ENOSYS)
        return "64-bit kernel has no vm86";
    FILE *f = fopen(VM86_MMAP_MIN_ADDR, "re");
    unsigned long min_addr = 0;
    if (f) {
        if (fscanf(f, "%lu", &min_addr) != 1)
            min_addr = 0;
        fclose(f);
    }
    if (min_addr > 0 && geteuid() != 0)
        return "vm.mmap_min_addr is not 0: guest memory cannot be mapped at address 0";
    return NULL;
}

static bool vm86_auto_ok(char *why, size_t cap)
{
    snprintf(why, cap, "not yet run on a 32-bit host by the project; use --backend=vm86");
    return false;
}

static void vm86_tick(int sig)
{
    (void)sig; /* its only job is to make vm86() return VM86_SIGNAL */
}

/* The 64 KiB at 1 MiB: memfd offset 0 (A20 off) or the HMA (A20 on). */
static bool vm86_map_hma(struct machine *m, struct vm86_priv *p)
{
    off_t off = m->a20_mask == MEM_A20_OFF_MASK ? 0 : MEM_CONV_SIZE;
    void *at = mmap((void *)MEM_CONV_SIZE, MEM_SIZE - MEM_CONV_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                    MAP_SHARED | MAP_FIXED, p->memfd, off);
    if (at == MAP_FAILED)
        return false;
    p->hma_mask = m->a20_mask;
    return true;
}

static void vm86_destroy(struct machine *m)
{
    struct vm86_priv *p = m->cpu_priv;
    if (!p)
        return;
    if (p->has_timer) {
        timer_delete(p->timer);
        sigaction(VM86_SLICE_SIG, &p->old_action, NULL);
    }
    munmap((void *)0, MEM_SIZE);
    if (p->memfd >= 0) {
        /* Give m->mem plain private pages again (with the contents), so
         * machine_destroy() frees what it allocated. */
        uint8_t *copy = malloc(MEM_SIZE);
        if (copy)
            memcpy(copy, m->mem, MEM_SIZE);
        mmap(m->mem, MEM_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1,
             0);
        if (copy)
            memcpy(m->mem, copy, MEM_SIZE);
        free(copy);
        close(p->memfd);
    }
    free(p);
    m->cpu_priv = NULL;
}

/* Guest memory into a memfd seen at m->mem and at linear 0. */
static bool vm86_map_memory(struct machine *m, struct vm86_priv *p)
{
    p->memfd = memfd_create("vdm-guest", MFD_CLOEXEC);
    if (p->memfd < 0 || ftruncate(p->memfd, MEM_SIZE) < 0 ||
        pwrite(p->memfd, m->mem, MEM_SIZE, 0) != (ssize_t)MEM_SIZE)
        return false;
    if (mmap(m->mem, MEM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, p->memfd, 0) ==
        MAP_FAILED)
        return false;
    if (mmap((void *)0, MEM_CONV_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_SHARED | MAP_FIXED,
             p->memfd, 0) != (void *)0)
        return false;
    return vm86_map_hma(m, p);
}

static bool vm86_start_timer(struct vm86_priv *p)
{
    struct sigaction sa = { 0 };
    sa.sa_handler = vm86_tick;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(VM86_SLICE_SIG, &sa, &p->old_action) < 0)
        return false;
    struct sigevent ev = { 0 };
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = VM86_SLICE_SIG;
    ev._sigev_un._tid = (pid_t)syscall(SYS_gettid);
    if (timer_create(CLOCK_MONOTONIC, &ev, &p->timer) < 0) {
        sigaction(VM86_SLICE_SIG, &p->old_action, NULL);
        return false;
    }
    p->has_timer = true;
    struct itimerspec its = { { 0, VM86_SLICE_NS }, { 0, VM86_SLICE_NS } };
    return timer_settime(p->timer, 0, &its, NULL) == 0;
}

static bool vm86_create(struct machine *m)
{
    struct vm86_priv *p = calloc(1, sizeof *p);
    if (!p)
        return false;
    p->memfd = -1;
    m->cpu_priv = p;
    /* Every INT whose vector points into F000h comes back (kernel rule);
     * no other vector is revectored, and no INT 21h function either. */
    p->v.cpu_type = CPU_386;
    if (!vm86_map_memory(m, p) || !vm86_start_timer(p)) {
        vm86_destroy(m);
        return false;
    }
    return true;
}

static void regs_to_vm86(const struct cpu_regs *r, struct vm86_regs *v)
{
    v->eax = (long)r->ax.e;
    v->ebx = (long)r->bx.e;
    v->ecx = (long)r->cx.e;
    v->edx = (long)r->dx.e;
    v->esi = (long)r->si.e;
    v->edi = (long)r->di.e;
    v->ebp = (long)r->bp.e;
    v->esp = (long)r->sp.e;
    v->eip = (long)r->ip.e;
    /* The guest's IF is virtual: VIF carries it. */
    uint32_t f = r->flags & ~X86_EFLAGS_VIF;
    if (r->flags & FLAG_IF)
        f |= X86_EFLAGS_VIF;
    v->eflags = (long)(f | FLAG_IF | 0x2);
    v->cs = r->cs;
    v->ds = r->ds;
    v->es = r->es;
    v->ss = r->ss;
    v->fs = r->fs;
    v->gs = r->gs;
}

static void regs_from_vm86(const struct vm86_regs *v, struct cpu_regs *r)
{
    r->ax.e = (uint32_t)v->eax;
    r->bx.e = (uint32_t)v->ebx;
    r->cx.e = (uint32_t)v->ecx;
    r->dx.e = (uint32_t)v->edx;
    r->si.e = (uint32_t)v->esi;
    r->di.e = (uint32_t)v->edi;
    r->bp.e = (uint32_t)v->ebp;
    r->sp.e = (uint32_t)v->esp;
    r->ip.e = (uint32_t)v->eip & 0xFFFFu;
    uint32_t f = (uint32_t)v->eflags & 0xFFFFu & ~FLAG_IF;
    if ((uint32_t)v->eflags & X86_EFLAGS_VIF)
        f |= FLAG_IF;
    r->flags = f;
    r->cs = v->cs;
    r->ds = v->ds;
    r->es = v->es;
    r->ss = v->ss;
    r->fs = v->fs;
    r->gs = v->gs;
}

/* IN/OUT that faulted at CS:IP: decode it, run it against the port
 * registry, step past it. False for anything else (INS/OUTS included). */
static bool vm86_port_insn(struct machine *m)
{
    uint32_t at = mem_lin(m->r.cs, m->r.ip.w);
    unsigned len = 0, size;
    uint8_t op = mem_rd8(m, at);
    bool wide32 = false;
    if (op == X86_OPSIZE) {
        wide32 = true;
        op = mem_rd8(m, at + ++len);
    }
    len++;
    uint16_t port;
    bool is_write;
    switch (op & ~1u) {
    case X86_IN_AL_IMM:
    case X86_OUT_IMM_AL:
        port = mem_rd8(m, at + len++);
        is_write = (op & ~1u) == X86_OUT_IMM_AL;
        break;
    case X86_IN_AL_DX:
    case X86_OUT_DX_AL:
        port = m->r.dx.w;
        is_write = (op & ~1u) == X86_OUT_DX_AL;
        break;
    default:
        return false;
    }
    size = (op & 1u) ? (wide32 ? 4 : 2) : 1;
    uint32_t val = is_write ? m->r.ax.e : 0;
    port_io(m, port, is_write, size, &val);
    if (!is_write) {
        if (size == 1)
            m->r.ax.l = (uint8_t)val;
        else if (size == 2)
            m->r.ax.w = (uint16_t)val;
        else
            m->r.ax.e = val;
    }
    m->r.ip.w = (uint16_t)(m->r.ip.w + len);
    return true;
}

static struct cpu_trap vm86_run_slice(struct machine *m, uint64_t budget)
{
    (void)budget; /* vm86 slices by time (VM86_SLICE_NS) */
    struct vm86_priv *p = m->cpu_priv;

    for (;;) {
        if (m->a20_mask != p->hma_mask && !vm86_map_hma(m, p))
            return (struct cpu_trap){ TRAP_FAULT, "vm86 cannot remap the A20 area" };
        regs_to_vm86(&m->r, &p->v.regs);
        long ret = vm86_call(VM86_ENTER, &p->v);
        if (ret < 0)
            return (struct cpu_trap){ TRAP_FAULT, "vm86() failed" };
        regs_from_vm86(&p->v.regs, &m->r);
        switch (VM86_TYPE(ret)) {
        case VM86_SIGNAL:
            return (struct cpu_trap){ TRAP_SLICE_END, NULL };
        case VM86_INTx:
            run_real_mode_interrupt(m, (uint8_t)VM86_ARG(ret));
            if (mem_rd8(m, mem_lin(m->r.cs, m->r.ip.w)) == X86_HLT) {
                m->r.ip.w = (uint16_t)(m->r.ip.w + 1);
                if (!run_service_trap(m))
                    return (struct cpu_trap){ TRAP_HLT, NULL };
            }
            if (m->outcome != RUN_RUNNING)
                return (struct cpu_trap){ TRAP_SLICE_END, NULL };
            break;
        case VM86_UNKNOWN:
            if (mem_rd8(m, mem_lin(m->r.cs, m->r.ip.w)) == X86_HLT) {
                m->r.ip.w = (uint16_t)(m->r.ip.w + 1);
                return (struct cpu_trap){ TRAP_HLT, NULL };
            }
            if (!vm86_port_insn(m))
                return (struct cpu_trap){ TRAP_FAULT, "instruction vm86 cannot run" };
            if (m->outcome != RUN_RUNNING)
                return (struct cpu_trap){ TRAP_SLICE_END, NULL };
            break;
        case VM86_STI:
        case VM86_PICRETURN:
            /* The guest enabled interrupts: let the run loop deliver. */
            return (struct cpu_trap){ TRAP_SLICE_END, NULL };
        case VM86_TRAP:
            run_real_mode_interrupt(m, (uint8_t)VM86_ARG(ret));
            break;
        default:
            return (struct cpu_trap){ TRAP_FAULT, "unexpected vm86() return" };
        }
    }
}

const struct cpu_backend cpu_backend_vm86 = {
    .name = "vm86",
    .unavailable = vm86_unavailable,
    .auto_ok = vm86_auto_ok,
    .create = vm86_create,
    .run = vm86_run_slice,
    .interrupt = run_real_mode_interrupt,
    .destroy = vm86_destroy,
};

#else /* not 32-bit x86 Linux */

static const char *vm86_unavailable(void)
{
#if defined(__x86_64__)
    return "64-bit kernel has no vm86";
#else
    return "not an x86 host";
#endif
}

const struct cpu_backend cpu_backend_vm86 = {
    .name = "vm86",
    .unavailable = vm86_unavailable,
};

#endif
