/*
 * Machine lifetime and the small services every part uses: ending the run,
 * registering interrupt handlers, trace and warning lines, the clock.
 */
#include "machine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
               "union reg32 and guest memory access assume a little-endian host");

/* Host page size KVM memory slots need (x86-64: 4 KiB). */
#define MEM_PAGE_ALIGN 4096u

struct machine *machine_create(void)
{
    struct machine *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    /* Page-aligned, so the KVM backend can hand it to the guest as is. */
    void *mem;
    if (posix_memalign(&mem, MEM_PAGE_ALIGN, MEM_SIZE) != 0) {
        free(m);
        return NULL;
    }
    m->mem = memset(mem, 0, MEM_SIZE);
    m->a20_mask = MEM_A20_OFF_MASK;
    return m;
}

void machine_destroy(struct machine *m)
{
    if (!m)
        return;
    free(m->mem);
    free(m);
}

void machine_set_int_handler(struct machine *m, uint8_t vector, int_handler_fn fn)
{
    m->int_handlers[vector] = fn;
}

void machine_exit(struct machine *m, int code)
{
    m->outcome = RUN_EXITED;
    m->exit_code = code;
}

void machine_crash(struct machine *m, const char *what)
{
    /* The first crash wins: later ones are consequences. */
    if (m->outcome == RUN_CRASHED)
        return;
    m->outcome = RUN_CRASHED;
    snprintf(m->crash.what, sizeof m->crash.what, "%s", what);
    m->crash.cs = m->r.cs;
    m->crash.ip = m->r.ip.w;
}

void machine_host_error(struct machine *m, const char *what)
{
    m->outcome = RUN_HOST_ERROR;
    snprintf(m->crash.what, sizeof m->crash.what, "%s", what);
}

void vdm_trace(const struct machine *m, unsigned channel, const char *fmt, ...)
{
    if (!(m->trace & channel))
        return;
    va_list ap;
    va_start(ap, fmt);
    fputs("vdm-trace: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void vdm_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("vdm: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

uint64_t vdm_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
