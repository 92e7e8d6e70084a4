/*
 * The machine: guest memory, guest registers, the trap tables and the
 * parts (DOS kernel, BIOS, devices) that hang off it.
 *
 * Everything a running DOS program can change lives in one struct machine,
 * so two machines can live side by side in one process (the unit tests do).
 * This file knows nothing of DOS semantics or of which CPU backend runs;
 * the DOS kernel and the BIOS are opaque pointers owned by their modules.
 */
#ifndef VDM_MACHINE_H
#define VDM_MACHINE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cpu.h"
#include "hw/cmos.h"
#include "hw/kbc.h"
#include "hw/pic.h"
#include "hw/pit.h"
#include "hw/spk.h"
#include "hw/vga.h"
#include "port.h"

/* Guest memory: conventional 1 MiB plus the 64 KiB high memory area that a
 * segment:offset pair can reach when A20 is on (FFFF:0010..FFFF:FFFF). */
#define MEM_CONV_SIZE 0x100000u
#define MEM_SIZE (MEM_CONV_SIZE + 0x10000u)

/* Wrap mask applied to linear addresses while A20 is off (the PC default:
 * FFFF:0010 is address 0, which CALL 5 in the PSP relies on). */
#define MEM_A20_OFF_MASK 0xFFFFFu

/* The ROM segment holding the host-served interrupt stubs (bios/rom.c). */
#define ROM_SEG 0xF000u

struct machine;

/* A host handler for a trapped interrupt vector. It reads and writes the
 * guest through m->r and the mem_* helpers. */
typedef void (*int_handler_fn)(struct machine *m);

/* Why the run loop stopped: vdm's outcome, which main turns into a status. */
enum run_outcome {
    RUN_RUNNING = 0,  /* still going (internal) */
    RUN_EXITED,       /* the program terminated; exit_code holds the status */
    RUN_TIMEOUT,      /* --timeout expired */
    RUN_CRASHED,      /* the guest crashed its virtual CPU (crash_* say how) */
    RUN_HOST_ERROR,   /* vdm itself failed (message in crash_what) */
    RUN_SIGNALLED,    /* a host signal asked vdm to stop (*stop_signal) */
};

/* What the guest did that ended the run, for the one-line diagnosis. */
struct run_crash {
    char what[96];    /* "division by zero", "invalid opcode", ... */
    uint16_t cs, ip;  /* where it happened */
};

/* Tracing channels selected with --trace=dos,bios,port,cpu. */
enum {
    TRACE_DOS = 1u << 0,
    TRACE_BIOS = 1u << 1,
    TRACE_PORT = 1u << 2,
    TRACE_CPU = 1u << 3,
};

/* Guest memory the host wrote (or handed out a writable pointer to) since a
 * backend last cleared the log: vdm/mem.c records, the Unicorn backend
 * drops the translated code there, since QEMU sees only the guest's own
 * writes. A few ranges, merged when they touch; when full, the last one
 * grows to cover the new range (over-invalidating, never missing). */
#define MEM_DIRTY_RANGES 8u
struct mem_dirty {
    unsigned n;
    uint32_t lo[MEM_DIRTY_RANGES], hi[MEM_DIRTY_RANGES]; /* [lo, hi) linear */
};

struct dos_state;  /* dos/dos.h: the DOS kernel's state */
struct bios_state; /* bios/bios.h */
struct mouse_state; /* bios/mouse.h */
struct display;    /* vdm/display.h: the front end, NULL when none */

struct machine {
    uint8_t *mem;             /* MEM_SIZE bytes of guest memory */
    uint32_t a20_mask;        /* MEM_A20_OFF_MASK, or ~0 with A20 on */
    struct mem_dirty dirty;   /* host writes since the backend last looked */
    struct cpu_regs r;        /* guest registers while a handler runs */
    const struct cpu_backend *cpu;  /* the backend running this machine */
    void *cpu_priv;           /* the backend's own state */

    int_handler_fn int_handlers[256];  /* host handlers by vector */
    struct port_registry ports;        /* IN/OUT dispatch (vdm/port.c) */

    struct dos_state *dos;    /* owned by dos/ */
    struct bios_state *bios;  /* owned by bios/ */
    struct mouse_state *mouse; /* INT 33h driver, bios/mouse.c */

    /* The PC hardware (hw/): each device's registers, set up by hw_init. */
    struct pic pic;
    struct pit pit;
    struct kbc kbc;
    struct cmos cmos;
    struct vga vga;
    struct spk spk;

    /* Outcome, set by whoever ends the run (a handler, the loop). */
    enum run_outcome outcome;
    int exit_code;            /* with RUN_EXITED: the host exit status */
    struct run_crash crash;   /* with RUN_CRASHED */

    /* Run-loop clock: the --timeout deadline. */
    double timeout_s;         /* 0 = none */
    uint64_t start_ns;        /* when the run began (monotonic) */

    /* Set from a host signal handler (vdm/main.c) to the signal's number
     * when SIGINT, SIGTERM, ... ask vdm to stop; the run loop checks it
     * between slices and ends with RUN_SIGNALLED. NULL: never set. */
    const volatile sig_atomic_t *stop_signal;

    struct display *disp;     /* screen and keyboard front end, or NULL */

    unsigned trace;           /* TRACE_* channels enabled */
    const char *program_name; /* for diagnostics: the host path as given */
};

/* Create a machine with zeroed memory and no parts attached; NULL if out of
 * host memory. machine_destroy() accepts NULL. */
struct machine *machine_create(void);
void machine_destroy(struct machine *m);

/* Register the host handler for an interrupt vector. The IVT entry is
 * pointed at the vector's ROM stub by bios/rom.c. */
void machine_set_int_handler(struct machine *m, uint8_t vector, int_handler_fn fn);

/* End the run: the program terminated with a DOS return code. */
void machine_exit(struct machine *m, int code);

/* End the run because the guest crashed its CPU; `what` names the fault. */
void machine_crash(struct machine *m, const char *what);

/* End the run because of a host-side failure vdm cannot recover from. */
void machine_host_error(struct machine *m, const char *what);

/* printf-style trace line on stderr when `channel` is enabled. */
void vdm_trace(const struct machine *m, unsigned channel, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* One warning line on stderr, prefixed "vdm: ". */
void vdm_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Monotonic clock in nanoseconds. */
uint64_t vdm_now_ns(void);

#endif
