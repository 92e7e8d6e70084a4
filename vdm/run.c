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
#include "display.h"
#include "hw/hw.h"
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

/* Run the handler of a stub trap. True when the handler left the frame
 * alone (CS:IP still at the stub's IRET), so the status flags went back
 * into the stacked FLAGS. */
static bool dispatch_stub(struct machine *m, uint8_t vector)
{
    int_handler_fn fn = m->int_handlers[vector];
    uint32_t flags_lin = run_frame_flags_lin(m);
    uint16_t caller_flags = mem_rd16(m, flags_lin);
    uint16_t stub_cs = m->r.cs, stub_ss = m->r.ss;
    uint32_t stub_ip = m->r.ip.e, stub_sp = m->r.sp.e;

    if (!fn) {
        vdm_trace(m, TRACE_BIOS, "INT %02Xh: no handler, ignored", vector);
        return false;
    }
    m->r.flags = (m->r.flags & ~FLAG_STATUS_MASK) | (caller_flags & FLAG_STATUS_MASK);
    fn(m);
    if (m->r.cs == stub_cs && m->r.ip.e == stub_ip && m->r.ss == stub_ss &&
        m->r.sp.e == stub_sp) {
        uint16_t f = (uint16_t)((caller_flags & ~FLAG_STATUS_MASK) |
                                (m->r.flags & FLAG_STATUS_MASK));
        mem_wr16(m, flags_lin, f);
        return true;
    }
    return false;
}

/* Perform the stub's IRET on the host when an interrupt waits for the
 * caller's IF: otherwise a guest that calls a service in a tight loop
 * (INT 16h/01h polling) is always inside a stub, IF clear, whenever the
 * loop looks, and would never see a timer tick. */
static void finish_stub_iret(struct machine *m)
{
    uint32_t lin = mem_lin(m->r.cs, m->r.ip.w);
    if (mem_rd8(m, lin) != ROM_OP_IRET || !(mem_rd16(m, run_frame_flags_lin(m)) & FLAG_IF) ||
        hw_irq_pending(m) < 0)
        return;
    m->r.ip.e = mem_pop16(m);
    m->r.cs = mem_pop16(m);
    m->r.flags = (m->r.flags & ~0xFFFFu) | mem_pop16(m);
}

static bool stop_requested(const struct machine *m)
{
    return m->stop_signal && *m->stop_signal;
}

void run_sleep_until(struct machine *m, uint64_t deadline_ns)
{
    if (m->timeout_s > 0) {
        uint64_t end = m->start_ns + (uint64_t)(m->timeout_s * 1e9);
        if (end < deadline_ns)
            deadline_ns = end;
    }
    if (m->disp) { /* wakes on typed keys and for the next refresh */
        display_idle(m, deadline_ns);
        return;
    }
    uint64_t now = vdm_now_ns();
    if (deadline_ns <= now)
        return;
    uint64_t d = deadline_ns - now;
    struct timespec ts = { (time_t)(d / 1000000000u), (long)(d % 1000000000u) };
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR && !stop_requested(m))
        ;
}

static bool cpu_irq_busy(struct machine *m)
{
    return m->cpu && m->cpu->interrupt_busy && m->cpu->interrupt_busy(m);
}

void run_idle(struct machine *m, uint64_t max_ns)
{
    uint64_t now = vdm_now_ns();
    hw_step(m, now);
    if (hw_irq_pending(m) >= 0 || cpu_irq_busy(m))
        return;
    uint64_t wake = hw_next_event_ns(m, now);
    if (wake > now + max_ns)
        wake = now + max_ns;
    run_sleep_until(m, wake);
    hw_step(m, vdm_now_ns());
}

bool run_service_trap(struct machine *m)
{
    int vector = rom_stub_vector(m->r.cs, (uint16_t)m->r.ip.w);
    if (vector < 0)
        return false;
    if (dispatch_stub(m, (uint8_t)vector))
        finish_stub_iret(m);
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
    run_idle(m, RUN_IDLE_MAX_NS);
    /* Nothing to deliver yet (the wait is bounded, or only a masked line
     * woke us): the CPU is still halted, so the HLT runs again. */
    if (hw_irq_pending(m) < 0 && !cpu_irq_busy(m))
        m->r.ip.w = (uint16_t)(m->r.ip.w - 1);
}

/* Hand the PIC's highest-priority request to the CPU when it can take it:
 * IF set and no earlier vector still waiting in the backend. */
static void deliver_irq(struct machine *m)
{
    if (!(m->r.flags & FLAG_IF) || cpu_irq_busy(m))
        return;
    int vector = hw_irq_ack(m);
    if (vector >= 0)
        m->cpu->interrupt(m, (uint8_t)vector);
}

int run_machine(struct machine *m)
{
    m->start_ns = vdm_now_ns();
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
        if (m->disp)
            display_tick(m, now); /* keys in, screen out, at most 60 Hz */
        hw_step(m, now);
        deliver_irq(m);

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
