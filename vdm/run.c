/*
 * The run loop, after kvmtool's kvm_cpu__start: run the CPU, switch on the
 * trap, one call per case.
 *
 * Service traps. Every host-served vector points into the ROM stub table
 * (bios/rom.h): HLT followed by IRET. When the backend stops on that HLT,
 * the caller's INT frame (IP, CS, FLAGS) is on the stack. The loop copies
 * the caller's status flags into m->r.flags so a handler sees (and may
 * change) CF/ZF as the caller left them, runs the handler, and then writes
 * the status flags back into the stacked FLAGS word, so the stub's IRET
 * returns them together with the caller's own IF. A handler that moves
 * CS:IP elsewhere (EXEC, terminate) owns the frame itself.
 */
#include "run.h"

#include <errno.h>
#include <time.h>

#include "bios/rom.h"
#include "machine.h"
#include "mem.h"

uint32_t run_frame_flags_lin(const struct machine *m)
{
    return mem_lin(m->r.ss, (uint16_t)(m->r.sp.w + 4));
}

void run_real_mode_interrupt(struct machine *m, uint8_t vector)
{
    mem_push16(m, (uint16_t)m->r.flags);
    mem_push16(m, m->r.cs);
    mem_push16(m, m->r.ip.w);
    m->r.flags &= ~(FLAG_IF | FLAG_TF);
    m->r.ip.e = mem_rd16(m, vector * 4u);
    m->r.cs = mem_rd16(m, vector * 4u + 2);
}

static void dispatch_stub(struct machine *m, uint8_t vector)
{
    int_handler_fn fn = m->int_handlers[vector];
    uint32_t flags_lin = run_frame_flags_lin(m);
    uint16_t caller_flags = mem_rd16(m, flags_lin);
    uint16_t stub_cs = m->r.cs, stub_ss = m->r.ss;
    uint32_t stub_ip = m->r.ip.e, stub_sp = m->r.sp.e;

    if (!fn) {
        vdm_trace(m, TRACE_BIOS, "INT %02Xh: no handler, ignored", vector);
        return;
    }
    m->r.flags = (m->r.flags & ~FLAG_STATUS_MASK) | (caller_flags & FLAG_STATUS_MASK);
    fn(m);
    if (m->r.cs == stub_cs && m->r.ip.e == stub_ip && m->r.ss == stub_ss &&
        m->r.sp.e == stub_sp) {
        uint16_t f = (uint16_t)((caller_flags & ~FLAG_STATUS_MASK) |
                                (m->r.flags & FLAG_STATUS_MASK));
        mem_wr16(m, flags_lin, f);
    }
}

static bool stop_requested(const struct machine *m)
{
    return m->stop_signal && *m->stop_signal;
}

/* Sleep until `deadline_ns` or the --timeout deadline, whichever is first. */
static void idle_until(struct machine *m, uint64_t deadline_ns)
{
    if (m->timeout_s > 0) {
        uint64_t end = m->start_ns + (uint64_t)(m->timeout_s * 1e9);
        if (end < deadline_ns)
            deadline_ns = end;
    }
    uint64_t now = vdm_now_ns();
    if (deadline_ns <= now)
        return;
    uint64_t d = deadline_ns - now;
    struct timespec ts = { (time_t)(d / 1000000000u), (long)(d % 1000000000u) };
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR && !stop_requested(m))
        ;
}

bool run_service_trap(struct machine *m)
{
    int vector = rom_stub_vector(m->r.cs, (uint16_t)m->r.ip.w);
    if (vector < 0)
        return false;
    dispatch_stub(m, (uint8_t)vector);
    return true;
}

static void on_hlt(struct machine *m)
{
    if (run_service_trap(m))
        return;
    /* A HLT of the guest's own: it waits for an interrupt. With IF clear
     * none can come, and a real PC would hang for good. */
    if (!(m->r.flags & FLAG_IF)) {
        m->r.ip.w = (uint16_t)(m->r.ip.w - 1);
        machine_crash(m, "HLT with interrupts disabled");
        return;
    }
    idle_until(m, m->next_tick_ns);
}

static void clock_step(struct machine *m, uint64_t now)
{
    if (now >= m->next_tick_ns) {
        m->irq_timer_pending = true;
        m->next_tick_ns += RUN_TICK_NS;
        /* After a stall, resume the beat from now instead of delivering a
         * storm of late ticks. */
        if (m->next_tick_ns < now)
            m->next_tick_ns = now + RUN_TICK_NS;
    }
    if (m->irq_timer_pending && (m->r.flags & FLAG_IF)) {
        m->irq_timer_pending = false;
        m->cpu->interrupt(m, 0x08);
    }
}

int run_machine(struct machine *m)
{
    m->start_ns = vdm_now_ns();
    m->next_tick_ns = m->start_ns + RUN_TICK_NS;
    uint64_t deadline = m->timeout_s > 0 ? m->start_ns + (uint64_t)(m->timeout_s * 1e9) : 0;

    while (m->outcome == RUN_RUNNING) {
        uint64_t now = vdm_now_ns();
        if (deadline && now >= deadline) {
            m->outcome = RUN_TIMEOUT;
            break;
        }
        if (stop_requested(m)) {
            m->outcome = RUN_SIGNALLED;
            break;
        }
        clock_step(m, now);

        struct cpu_trap t = m->cpu->run(m, RUN_SLICE_INSNS);
        switch (t.kind) {
        case TRAP_SLICE_END:
            break;
        case TRAP_HLT:
            on_hlt(m);
            break;
        case TRAP_FAULT:
            machine_crash(m, t.what);
            break;
        }
    }
    return m->outcome;
}
