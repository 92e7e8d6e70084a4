/*
 * The KVM backend: the guest runs on the host CPU in real mode, inside one
 * VM with one vCPU.
 *
 * Memory. Guest physical 0..1 MiB is the machine's own buffer (memory slot
 * 0), so handlers see guest writes at once. The 64 KiB above 1 MiB (slot 1)
 * models the A20 gate the way libx86emu's wrap mask does: while A20 is off
 * the slot maps the first 64 KiB again (FFFF:0010 is address 0, which
 * CALL 5 in the PSP relies on); with A20 on it maps the high memory area.
 * The slot follows m->a20_mask before every entry.
 *
 * Exits. HLT (a ROM stub or the guest idling) is the TRAP_HLT the run loop
 * wants; IN/OUT go to the port registry at once and the guest resumes, as
 * in the libx86emu backend. A triple fault or a failed entry is TRAP_FAULT.
 *
 * Slices. KVM has no instruction budget, so a slice is time: a POSIX timer
 * per vCPU (timer_create, SIGEV_THREAD_ID: it signals this thread only,
 * unlike the process-wide setitimer) fires KVM_SLICE_SIG every
 * KVM_SLICE_NS. The signal stays blocked in the thread and is unblocked
 * only inside KVM_RUN (KVM_SET_SIGNAL_MASK), so it can never be lost in the
 * window between a check and the entry: a pending tick makes KVM_RUN return
 * EINTR at once, the backend consumes it with sigtimedwait and reports
 * TRAP_SLICE_END. No handler ever runs and no global flag is needed.
 *
 * Interrupts. KVM_INTERRUPT injects a vector on the next entry, which only
 * works when the guest can take it (IF set, no STI/MOV SS shadow): KVM says
 * so in ready_for_interrupt_injection. Otherwise the vector waits and
 * request_interrupt_window makes KVM exit as soon as the window opens.
 *
 * Speed. Hosts without "unrestricted guest" (nested or paravirtual KVM)
 * emulate real mode in the kernel one instruction at a time, at about
 * 2 MIPS here against libx86emu's 30. kvm_auto_ok() measures a short loop
 * and lets --backend=auto pick KVM only when it runs natively.
 */
#define _GNU_SOURCE /* gettid, SIGEV_THREAD_ID */
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "cpu.h"
#include "machine.h"
#include "probe_cache.h"
#include "run.h"

#define KVM_DEVICE "/dev/kvm"
#define KVM_DEVICE_ENV "VDM_KVM_DEVICE"
#define KVM_API_EXPECTED 12

/* Addresses KVM needs for its real-mode helpers on Intel hosts without
 * unrestricted guest: three pages for the TSS, one for the identity map,
 * both far above anything a real-mode guest can reach. */
#define KVM_TSS_ADDR 0xFFFBD000u
#define KVM_IDENTITY_MAP_ADDR 0xFFFBC000u

#define KVM_SLOT_LOW 0 /* guest 0 .. MEM_CONV_SIZE */
#define KVM_SLOT_HMA 1 /* guest MEM_CONV_SIZE .. MEM_SIZE, A20-dependent */

/* One slice: about what RUN_SLICE_INSNS is for libx86emu (run.h). */
#define KVM_SLICE_NS 1000000L
#define KVM_SLICE_SIG (SIGRTMIN + 2)

/* The register classes KVM_CAP_SYNC_REGS exchanges through the run page. */
#define KVM_SYNC_BOTH (KVM_SYNC_X86_REGS | KVM_SYNC_X86_SREGS)

/* Kernel sigset size for KVM_SET_SIGNAL_MASK (64 signals on x86-64). */
#define KVM_SIGSET_BYTES 8

/* The speed probe: `inc eax; dec ecx; jnz $-4; hlt` at 0000:0000, three
 * instructions per turn, run for at most KVM_PROBE_NS. */
static const uint8_t kvm_probe_code[] = { 0x66, 0x40, 0x66, 0x49, 0x75, 0xFA, 0xF4 };
#define KVM_PROBE_INSNS_PER_TURN 3u
#define KVM_PROBE_TURNS 1000000u
#define KVM_PROBE_NS 5000000u
#define KVM_PROBE_MEM 0x1000u
/* Native real mode runs at hundreds to thousands of MIPS, in-kernel
 * emulation at a few: 100 is far from both, and above libx86emu's ~30 and
 * near Unicorn's low end, so a KVM that passes beats the alternatives. */
#define KVM_PROBE_MIN_MIPS 100.0

struct kvm_vcpu {
    int sys_fd, vm_fd, fd;    /* /dev/kvm, the VM, the vCPU; -1 when closed */
    struct kvm_run *run;      /* the vCPU's shared page: exit reason, I/O data */
    size_t run_size;
    timer_t timer;            /* the slice tick (KVM_SLICE_SIG to this thread) */
    bool has_timer;           /* timer exists and the tick is blocked */
    sigset_t old_mask;        /* the thread's mask before we blocked the tick */
};

struct kvm_priv {
    struct kvm_vcpu v;
    struct kvm_sregs sregs;   /* as last read: segment attributes, CR0 */
    uint32_t hma_mask;        /* the a20_mask slot 1 maps now; 0: none yet */
    bool sync_regs;           /* registers travel in the run page (see kvm_run_slice) */
    bool irq_pending;         /* a vector waits for the interrupt window */
    uint8_t irq_vector;
};

/* The device: /dev/kvm, or $VDM_KVM_DEVICE (tests point it at a missing
 * path to see the failure paths on a host that has KVM). */
static const char *kvm_device(void)
{
    const char *d = getenv(KVM_DEVICE_ENV);
    return d && *d ? d : KVM_DEVICE;
}

/* Why the device does not open, in words (static: --backends prints it). */
static const char *kvm_open_error(int e)
{
    bool own = strcmp(kvm_device(), KVM_DEVICE) != 0;
    switch (e) {
    case ENOENT:
    case ENODEV:
    case ENXIO:
        return own ? "cannot open $" KVM_DEVICE_ENV ": no such device"
                   : "cannot open " KVM_DEVICE ": no such device (no KVM in this kernel or VM)";
    case EACCES:
    case EPERM:
        return own ? "cannot open $" KVM_DEVICE_ENV ": permission denied"
                   : "cannot open " KVM_DEVICE ": permission denied (not in group kvm?)";
    default:
        return own ? "cannot open $" KVM_DEVICE_ENV : "cannot open " KVM_DEVICE;
    }
}

static const char *kvm_open_vm(int *sys_fd, int *vm_fd)
{
    *sys_fd = *vm_fd = -1;
    int fd = open(kvm_device(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return kvm_open_error(errno);
    if (ioctl(fd, KVM_GET_API_VERSION, 0) != KVM_API_EXPECTED) {
        close(fd);
        return "unsupported KVM API version";
    }
    int vm = ioctl(fd, KVM_CREATE_VM, 0);
    if (vm < 0) {
        close(fd);
        return "KVM_CREATE_VM failed";
    }
    if (ioctl(vm, KVM_SET_TSS_ADDR, (unsigned long)KVM_TSS_ADDR) < 0) {
        close(vm);
        close(fd);
        return "KVM_SET_TSS_ADDR failed";
    }
    if (ioctl(fd, KVM_CHECK_EXTENSION, KVM_CAP_SET_IDENTITY_MAP_ADDR) > 0) {
        uint64_t a = KVM_IDENTITY_MAP_ADDR;
        ioctl(vm, KVM_SET_IDENTITY_MAP_ADDR, &a); /* optional helper */
    }
    *sys_fd = fd;
    *vm_fd = vm;
    return NULL;
}

static const char *kvm_unavailable(void)
{
    int sys_fd, vm_fd;
    const char *why = kvm_open_vm(&sys_fd, &vm_fd);
    if (why)
        return why;
    close(vm_fd);
    close(sys_fd);
    return NULL;
}

static bool kvm_set_slot(int vm_fd, uint32_t slot, uint64_t guest, uint64_t size, void *host)
{
    struct kvm_userspace_memory_region r = {
        .slot = slot,
        .guest_phys_addr = guest,
        .memory_size = size,
        .userspace_addr = (uint64_t)(uintptr_t)host,
    };
    return ioctl(vm_fd, KVM_SET_USER_MEMORY_REGION, &r) == 0;
}

static void kvm_vcpu_close(struct kvm_vcpu *v)
{
    if (v->has_timer) {
        timer_delete(v->timer);
        /* A tick that fired meanwhile is still pending (blocked): drop it
         * before the thread's own mask comes back. */
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, KVM_SLICE_SIG);
        struct timespec zero = { 0, 0 };
        while (sigtimedwait(&s, NULL, &zero) > 0)
            ;
        pthread_sigmask(SIG_SETMASK, &v->old_mask, NULL);
    }
    if (v->run)
        munmap(v->run, v->run_size);
    if (v->fd >= 0)
        close(v->fd);
    if (v->vm_fd >= 0)
        close(v->vm_fd);
    if (v->sys_fd >= 0)
        close(v->sys_fd);
}

/* Create the VM, its vCPU and the slice timer. The caller adds memory. */
static bool kvm_vcpu_open(struct kvm_vcpu *v)
{
    memset(v, 0, sizeof *v);
    v->fd = -1;
    if (kvm_open_vm(&v->sys_fd, &v->vm_fd))
        return false;
    v->fd = ioctl(v->vm_fd, KVM_CREATE_VCPU, 0);
    int sz = ioctl(v->sys_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
    if (v->fd < 0 || sz <= 0)
        goto fail;
    v->run_size = (size_t)sz;
    void *run = mmap(NULL, v->run_size, PROT_READ | PROT_WRITE, MAP_SHARED, v->fd, 0);
    if (run == MAP_FAILED)
        goto fail;
    v->run = run;

    /* Block the tick in this thread; let KVM_RUN alone unblock it. */
    sigset_t tick;
    sigemptyset(&tick);
    sigaddset(&tick, KVM_SLICE_SIG);
    pthread_sigmask(SIG_BLOCK, &tick, &v->old_mask);
    sigset_t in_guest = v->old_mask;
    sigdelset(&in_guest, KVM_SLICE_SIG);
    struct {
        struct kvm_signal_mask h;
        uint8_t bits[sizeof(sigset_t)];
    } km;
    km.h.len = KVM_SIGSET_BYTES;
    memcpy(km.h.sigset, &in_guest, KVM_SIGSET_BYTES);

    struct sigevent ev = { 0 };
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = KVM_SLICE_SIG;
    ev._sigev_un._tid = gettid(); /* sigev_notify_thread_id: glibc 2.36 lacks the name */
    if (timer_create(CLOCK_MONOTONIC, &ev, &v->timer) < 0) {
        pthread_sigmask(SIG_SETMASK, &v->old_mask, NULL);
        goto fail;
    }
    v->has_timer = true;
    struct itimerspec its = { { 0, KVM_SLICE_NS }, { 0, KVM_SLICE_NS } };
    if (ioctl(v->fd, KVM_SET_SIGNAL_MASK, &km) < 0 || timer_settime(v->timer, 0, &its, NULL) < 0)
        goto fail;
    return true;
fail:
    kvm_vcpu_close(v);
    return false;
}

/* One KVM_RUN. False with EINTR means a slice tick, which is consumed. */
static bool kvm_vcpu_enter(struct kvm_vcpu *v)
{
    if (ioctl(v->fd, KVM_RUN, 0) == 0)
        return true;
    int e = errno;
    if (e == EINTR) {
        sigset_t s;
        sigemptyset(&s);
        sigaddset(&s, KVM_SLICE_SIG);
        struct timespec zero = { 0, 0 };
        sigtimedwait(&s, NULL, &zero);
    }
    errno = e;
    return false;
}

static void seg_load(struct kvm_segment *s, uint16_t sel)
{
    s->selector = sel;
    s->base = (uint64_t)sel << 4;
    s->limit = 0xFFFF;
}

/* Real mode with the segment attributes KVM's own reset state uses (code:
 * execute/read, data: read/write, both present), bases from selectors. */
static void sregs_real_mode(struct kvm_sregs *s, const struct cpu_regs *r)
{
    s->cr0 &= ~1ull; /* PE */
    seg_load(&s->cs, r->cs);
    seg_load(&s->ds, r->ds);
    seg_load(&s->es, r->es);
    seg_load(&s->ss, r->ss);
    seg_load(&s->fs, r->fs);
    seg_load(&s->gs, r->gs);
}

static bool sregs_match(const struct kvm_sregs *s, const struct cpu_regs *r)
{
    return s->cs.selector == r->cs && s->ds.selector == r->ds && s->es.selector == r->es &&
           s->ss.selector == r->ss && s->fs.selector == r->fs && s->gs.selector == r->gs &&
           s->cs.base == (uint64_t)r->cs << 4 && s->ss.base == (uint64_t)r->ss << 4 &&
           s->ds.base == (uint64_t)r->ds << 4 && s->es.base == (uint64_t)r->es << 4 &&
           s->fs.base == (uint64_t)r->fs << 4 && s->gs.base == (uint64_t)r->gs << 4;
}

static void regs_to_kvm(const struct cpu_regs *r, struct kvm_regs *k)
{
    memset(k, 0, sizeof *k);
    k->rax = r->ax.e;
    k->rbx = r->bx.e;
    k->rcx = r->cx.e;
    k->rdx = r->dx.e;
    k->rsi = r->si.e;
    k->rdi = r->di.e;
    k->rbp = r->bp.e;
    k->rsp = r->sp.e;
    k->rip = r->ip.e;
    k->rflags = r->flags | 0x2; /* bit 1 always reads 1 */
}

static void regs_from_kvm(const struct kvm_regs *k, const struct kvm_sregs *s, struct cpu_regs *r)
{
    r->ax.e = (uint32_t)k->rax;
    r->bx.e = (uint32_t)k->rbx;
    r->cx.e = (uint32_t)k->rcx;
    r->dx.e = (uint32_t)k->rdx;
    r->si.e = (uint32_t)k->rsi;
    r->di.e = (uint32_t)k->rdi;
    r->bp.e = (uint32_t)k->rbp;
    r->sp.e = (uint32_t)k->rsp;
    r->ip.e = (uint32_t)k->rip;
    r->flags = (uint32_t)k->rflags;
    r->cs = s->cs.selector;
    r->ds = s->ds.selector;
    r->es = s->es.selector;
    r->ss = s->ss.selector;
    r->fs = s->fs.selector;
    r->gs = s->gs.selector;
}

/* Slot 1 shows the first 64 KiB again while A20 is off, the HMA when on.
 * KVM cannot move a slot, so it is deleted and added anew. */
static bool kvm_map_hma(struct machine *m, struct kvm_priv *p)
{
    uint8_t *host = m->mem + (m->a20_mask == MEM_A20_OFF_MASK ? 0 : MEM_CONV_SIZE);
    if ((p->hma_mask && !kvm_set_slot(p->v.vm_fd, KVM_SLOT_HMA, MEM_CONV_SIZE, 0, host)) ||
        !kvm_set_slot(p->v.vm_fd, KVM_SLOT_HMA, MEM_CONV_SIZE, MEM_SIZE - MEM_CONV_SIZE, host))
        return false;
    p->hma_mask = m->a20_mask;
    return true;
}

static bool kvm_create(struct machine *m)
{
    if ((uintptr_t)m->mem % (uintptr_t)sysconf(_SC_PAGESIZE) != 0)
        return false; /* machine_create allocates page-aligned memory */
    struct kvm_priv *p = calloc(1, sizeof *p);
    if (!p)
        return false;
    if (!kvm_vcpu_open(&p->v)) {
        free(p);
        return false;
    }
    if (!kvm_set_slot(p->v.vm_fd, KVM_SLOT_LOW, 0, MEM_CONV_SIZE, m->mem) ||
        ioctl(p->v.fd, KVM_GET_SREGS, &p->sregs) < 0) {
        kvm_vcpu_close(&p->v);
        free(p);
        return false;
    }
    m->cpu_priv = p;
    if (!kvm_map_hma(m, p)) {
        kvm_vcpu_close(&p->v);
        free(p);
        m->cpu_priv = NULL;
        return false;
    }
    /* Force the first run to load the segments. */
    p->sregs.cs.base = ~0ull;
    p->sync_regs = (ioctl(p->v.sys_fd, KVM_CHECK_EXTENSION, KVM_CAP_SYNC_REGS) & KVM_SYNC_BOTH) ==
                   KVM_SYNC_BOTH;
    return true;
}

/* IN/OUT, string forms included: `count` items of `size` bytes in the run
 * page. */
static void kvm_port_exit(struct machine *m, struct kvm_run *run)
{
    uint8_t *data = (uint8_t *)run + run->io.data_offset;
    bool is_write = run->io.direction == KVM_EXIT_IO_OUT;
    for (uint32_t i = 0; i < run->io.count; i++) {
        uint8_t *item = data + (size_t)i * run->io.size;
        uint32_t val = 0;
        if (is_write)
            memcpy(&val, item, run->io.size);
        port_io(m, run->io.port, is_write, run->io.size, &val);
        if (!is_write)
            memcpy(item, &val, run->io.size);
    }
}

/* Guest physical addresses outside both slots: an empty bus. */
static void kvm_mmio_exit(struct kvm_run *run)
{
    if (!run->mmio.is_write)
        memset(run->mmio.data, 0xFF, sizeof run->mmio.data);
}

static void kvm_try_inject(struct kvm_priv *p)
{
    struct kvm_run *run = p->v.run;
    run->request_interrupt_window = 0;
    if (!p->irq_pending)
        return;
    if (run->ready_for_interrupt_injection) {
        struct kvm_interrupt irq = { .irq = p->irq_vector };
        if (ioctl(p->v.fd, KVM_INTERRUPT, &irq) == 0) {
            p->irq_pending = false;
            return;
        }
    }
    run->request_interrupt_window = 1;
}

static struct cpu_trap kvm_run_until_trap(struct machine *m, struct kvm_priv *p)
{
    struct kvm_run *run = p->v.run;
    for (;;) {
        kvm_try_inject(p);
        if (!kvm_vcpu_enter(&p->v)) {
            if (errno == EINTR || errno == EAGAIN)
                return (struct cpu_trap){ TRAP_SLICE_END, NULL };
            return (struct cpu_trap){ TRAP_FAULT, "KVM_RUN failed" };
        }
        switch (run->exit_reason) {
        case KVM_EXIT_HLT:
            return (struct cpu_trap){ TRAP_HLT, NULL };
        case KVM_EXIT_IO:
            kvm_port_exit(m, run);
            /* The run is over, or the 8042/port 92h moved the A20 gate:
             * slot 1 must be remapped before the next instruction. */
            if (m->outcome != RUN_RUNNING || m->a20_mask != p->hma_mask)
                return (struct cpu_trap){ TRAP_SLICE_END, NULL };
            break;
        case KVM_EXIT_MMIO:
            kvm_mmio_exit(run);
            break;
        case KVM_EXIT_IRQ_WINDOW_OPEN:
        case KVM_EXIT_INTR:
            break;
        case KVM_EXIT_SHUTDOWN:
            return (struct cpu_trap){ TRAP_FAULT, "triple fault" };
        case KVM_EXIT_FAIL_ENTRY:
            return (struct cpu_trap){ TRAP_FAULT, "KVM cannot enter the guest" };
        case KVM_EXIT_INTERNAL_ERROR:
            return (struct cpu_trap){ TRAP_FAULT, "KVM cannot emulate an instruction" };
        default:
            return (struct cpu_trap){ TRAP_FAULT, "unexpected KVM exit" };
        }
    }
}

static bool kvm_cannot_emulate(const struct kvm_run *run)
{
    return run->exit_reason == KVM_EXIT_INTERNAL_ERROR &&
           run->internal.suberror == KVM_INTERNAL_ERROR_EMULATION;
}

/* Hand m->r to the vCPU: through the run page with sync registers (no
 * ioctl at all, and only the classes that changed), else KVM_SET_REGS and,
 * when a segment moved, KVM_SET_SREGS. */
static bool kvm_load_regs(struct machine *m, struct kvm_priv *p)
{
    struct kvm_run *run = p->v.run;
    struct kvm_regs regs;
    regs_to_kvm(&m->r, &regs);
    bool sregs_stale = !sregs_match(&p->sregs, &m->r);
    if (sregs_stale)
        sregs_real_mode(&p->sregs, &m->r);
    if (p->sync_regs) {
        run->kvm_valid_regs = KVM_SYNC_BOTH;
        run->kvm_dirty_regs = 0;
        if (memcmp(&run->s.regs.regs, &regs, sizeof regs) != 0) {
            run->s.regs.regs = regs;
            run->kvm_dirty_regs |= KVM_SYNC_X86_REGS;
        }
        if (sregs_stale) {
            run->s.regs.sregs = p->sregs;
            run->kvm_dirty_regs |= KVM_SYNC_X86_SREGS;
        }
        return true;
    }
    return ioctl(p->v.fd, KVM_SET_REGS, &regs) == 0 &&
           (!sregs_stale || ioctl(p->v.fd, KVM_SET_SREGS, &p->sregs) == 0);
}

/* Fetch the vCPU's registers into m->r and p->sregs. */
static bool kvm_store_regs(struct machine *m, struct kvm_priv *p)
{
    struct kvm_run *run = p->v.run;
    struct kvm_regs regs;
    if (p->sync_regs) {
        regs = run->s.regs.regs;
        p->sregs = run->s.regs.sregs;
    } else if (ioctl(p->v.fd, KVM_GET_REGS, &regs) < 0 ||
               ioctl(p->v.fd, KVM_GET_SREGS, &p->sregs) < 0) {
        return false;
    }
    regs_from_kvm(&regs, &p->sregs, &m->r);
    return true;
}

static struct cpu_trap kvm_run_slice(struct machine *m, uint64_t budget)
{
    (void)budget; /* KVM slices by time (KVM_SLICE_NS) */
    struct kvm_priv *p = m->cpu_priv;

    if (m->a20_mask != p->hma_mask && !kvm_map_hma(m, p))
        return (struct cpu_trap){ TRAP_FAULT, "KVM cannot remap the A20 area" };
    if (!kvm_load_regs(m, p))
        return (struct cpu_trap){ TRAP_FAULT, "KVM_SET_REGS failed" };

    struct cpu_trap t = kvm_run_until_trap(m, p);

    if (!kvm_store_regs(m, p))
        return (struct cpu_trap){ TRAP_FAULT, "KVM_GET_REGS failed" };
    if (t.kind == TRAP_FAULT && kvm_cannot_emulate(p->v.run)) {
        /* Where KVM emulates real mode, an instruction its emulator does
         * not know (UD2, most x87) stops here instead of raising #UD; enter
         * INT 06h at it as the CPU would, so the guest's or vdm's invalid
         * opcode handler decides. */
        run_real_mode_interrupt(m, CPU_VEC_INVALID_OPCODE);
        return (struct cpu_trap){ TRAP_SLICE_END, NULL };
    }
    return t;
}

/* The run loop checked IF in m->r; the vector goes in at the next entry
 * that KVM reports ready (no interrupt shadow). */
static void kvm_interrupt(struct machine *m, uint8_t vector)
{
    struct kvm_priv *p = m->cpu_priv;
    p->irq_pending = true;
    p->irq_vector = vector;
}

static bool kvm_interrupt_busy(struct machine *m)
{
    const struct kvm_priv *p = m->cpu_priv;
    return p->irq_pending;
}

static void kvm_destroy(struct machine *m)
{
    struct kvm_priv *p = m->cpu_priv;
    if (!p)
        return;
    kvm_vcpu_close(&p->v);
    free(p);
    m->cpu_priv = NULL;
}

/* Run the probe loop for at most KVM_PROBE_NS; MIPS, or a negative value
 * when the probe could not run. */
static double kvm_probe_mips(void)
{
    struct kvm_vcpu v;
    double mips = -1;
    uint8_t *mem = mmap(NULL, KVM_PROBE_MEM, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                        -1, 0);
    if (mem == MAP_FAILED)
        return -1;
    memcpy(mem, kvm_probe_code, sizeof kvm_probe_code);
    if (!kvm_vcpu_open(&v)) {
        munmap(mem, KVM_PROBE_MEM);
        return -1;
    }
    struct kvm_sregs s;
    struct cpu_regs r = { 0 };
    struct kvm_regs k;
    r.cx.e = KVM_PROBE_TURNS;
    regs_to_kvm(&r, &k);
    bool ready = kvm_set_slot(v.vm_fd, KVM_SLOT_LOW, 0, KVM_PROBE_MEM, mem) &&
                 ioctl(v.fd, KVM_GET_SREGS, &s) == 0;
    if (ready) {
        sregs_real_mode(&s, &r);
        ready = ioctl(v.fd, KVM_SET_SREGS, &s) == 0 && ioctl(v.fd, KVM_SET_REGS, &k) == 0;
    }
    if (ready) {
        /* Ticks end each KVM_RUN after a slice; go on until the HLT or
         * the time is up, then count the turns done (EAX). */
        uint64_t t0 = vdm_now_ns(), t1 = t0;
        bool done = false;
        while (!done && t1 - t0 < KVM_PROBE_NS) {
            done = kvm_vcpu_enter(&v) || errno != EINTR;
            t1 = vdm_now_ns();
        }
        if (ioctl(v.fd, KVM_GET_REGS, &k) == 0 && t1 > t0)
            mips = (double)k.rax * KVM_PROBE_INSNS_PER_TURN * 1e3 / (double)(t1 - t0);
    }
    kvm_vcpu_close(&v);
    munmap(mem, KVM_PROBE_MEM);
    return mips;
}

static bool kvm_probe_verdict(char *why, size_t cap)
{
    double mips = kvm_probe_mips();
    if (mips < 0) {
        snprintf(why, cap, "the real-mode probe did not run");
        return false;
    }
    if (mips < KVM_PROBE_MIN_MIPS) {
        snprintf(why, cap, "real mode is emulated here: %.1f MIPS, auto needs %.0f", mips,
                 KVM_PROBE_MIN_MIPS);
        return false;
    }
    snprintf(why, cap, "real mode runs natively: %.0f MIPS", mips);
    return true;
}

/* The probe's verdict, measured once per boot and device (probe_cache.h). */
static bool kvm_auto_ok(char *why, size_t cap)
{
    bool ok;
    if (probe_cache_get("kvm", kvm_device(), &ok, why, cap))
        return ok;
    ok = kvm_probe_verdict(why, cap);
    probe_cache_put("kvm", kvm_device(), ok, why);
    return ok;
}

const struct cpu_backend cpu_backend_kvm = {
    .name = "kvm",
    .unavailable = kvm_unavailable,
    .auto_ok = kvm_auto_ok,
    .create = kvm_create,
    .run = kvm_run_slice,
    .interrupt = kvm_interrupt,
    .interrupt_busy = kvm_interrupt_busy,
    .destroy = kvm_destroy,
};
