/*
 * The CPU backend interface: one small table of operations that every
 * backend (libx86emu now; KVM, Unicorn and vm86 later) implements.
 *
 * A backend runs the guest until something the host must handle happens
 * and reports it as a struct cpu_trap. Registers are exchanged through
 * struct cpu_regs in the machine: the backend fills m->r before it returns
 * a trap and loads m->r before it resumes, so handlers never talk to a
 * backend directly.
 */
#ifndef VDM_CPU_H
#define VDM_CPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

/* A 32-bit register viewed whole, as its low word, or as its two low bytes.
 * Hosts are little-endian (checked in machine.c). */
union reg32 {
    uint32_t e;
    uint16_t w;
    struct {
        uint8_t l, h;
    };
};

/* FLAGS bits the DOS and BIOS handlers touch. */
#define FLAG_CF 0x0001u
#define FLAG_PF 0x0004u
#define FLAG_AF 0x0010u
#define FLAG_ZF 0x0040u
#define FLAG_SF 0x0080u
#define FLAG_TF 0x0100u
#define FLAG_IF 0x0200u
#define FLAG_DF 0x0400u
#define FLAG_OF 0x0800u
/* The status bits a service may return to its caller in the stacked FLAGS. */
#define FLAG_STATUS_MASK (FLAG_CF | FLAG_PF | FLAG_AF | FLAG_ZF | FLAG_SF | FLAG_OF)

/* CPU exception vectors a backend may have to raise itself. */
#define CPU_VEC_INVALID_OPCODE 0x06u

struct cpu_regs {
    union reg32 ax, bx, cx, dx, si, di, bp, sp, ip;
    uint32_t flags;
    uint16_t cs, ds, es, ss, fs, gs;
};

enum cpu_trap_kind {
    TRAP_SLICE_END,  /* the instruction budget ran out; nothing special */
    TRAP_HLT,        /* HLT executed; ip is past it (stub or idle) */
    TRAP_FAULT,      /* the CPU cannot go on (bad memory fetch, shutdown) */
};

struct cpu_trap {
    enum cpu_trap_kind kind;
    const char *what; /* with TRAP_FAULT: a short description */
};

struct cpu_backend {
    const char *name;
    /* NULL when the backend can be used here; otherwise why not (static). */
    const char *(*unavailable)(void);
    /* Optional (NULL: always). Whether --backend=auto may pick this usable
     * backend, e.g. after a speed probe; `why` gets the verdict in words
     * either way. */
    bool (*auto_ok)(char *why, size_t cap);
    /* Attach to m (memory, ports); false on failure. */
    bool (*create)(struct machine *m);
    /* Run from m->r for at most `budget` instructions (a hint). */
    struct cpu_trap (*run)(struct machine *m, uint64_t budget);
    /* Deliver a hardware interrupt now; the caller checked IF. */
    void (*interrupt)(struct machine *m, uint8_t vector);
    /* Optional (NULL: never). Whether a vector given to interrupt() still
     * waits for the guest to accept it (KVM: an interrupt shadow), so the
     * loop acknowledges no other one meanwhile and an idle HLT must not
     * sleep. */
    bool (*interrupt_busy)(struct machine *m);
    void (*destroy)(struct machine *m);
};

/* Look a backend up by name ("x86emu", ...); "auto" picks the first
 * usable one whose auto_ok (if any) agrees. NULL if unknown. */
const struct cpu_backend *cpu_backend_find(const char *name);

/* Whether auto may pick usable backend b; `why` (cap bytes) says why or
 * why not, empty when the backend has no opinion. Runs b's probe. */
bool cpu_backend_auto_ok(const struct cpu_backend *b, char *why, size_t cap);

/* All backends this build knows, NULL-terminated (for --backends). */
extern const struct cpu_backend *const cpu_backends[];

#endif
