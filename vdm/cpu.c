/*
 * The list of CPU backends and the choice behind --backend=auto: the first
 * usable backend in order of preference whose own probe (auto_ok) agrees.
 * Order: KVM when real mode runs natively, then Unicorn's JIT, then the
 * libx86emu interpreter, which is always there. vm86 (32-bit x86 hosts
 * only) runs natively too, but its probe keeps auto away until it has been
 * run on such a host (vdm/cpu_vm86.c).
 */
#include "vdm/cpu.h"

#include <string.h>

extern const struct cpu_backend cpu_backend_kvm;
extern const struct cpu_backend cpu_backend_vm86;
extern const struct cpu_backend cpu_backend_x86emu;
#ifdef VDM_HAVE_UNICORN
extern const struct cpu_backend cpu_backend_unicorn;
#endif

/* In order of preference for --backend=auto. */
const struct cpu_backend *const cpu_backends[] = {
    &cpu_backend_kvm,
    &cpu_backend_vm86, /* 32-bit x86 hosts; explicit only for now */
#ifdef VDM_HAVE_UNICORN
    &cpu_backend_unicorn,
#endif
    &cpu_backend_x86emu,
    NULL,
};

bool cpu_backend_auto_ok(const struct cpu_backend *b, char *why, size_t cap)
{
    if (cap)
        why[0] = '\0';
    return !b->auto_ok || b->auto_ok(why, cap);
}

const struct cpu_backend *cpu_backend_find(const char *name)
{
    bool is_auto = strcmp(name, "auto") == 0;
    for (unsigned i = 0; cpu_backends[i]; i++) {
        const struct cpu_backend *b = cpu_backends[i];
        if (!is_auto) {
            if (strcmp(b->name, name) == 0)
                return b;
            continue;
        }
        char why[128];
        if (b->unavailable() == NULL && cpu_backend_auto_ok(b, why, sizeof why))
            return b;
    }
    return NULL;
}
