/*
 * The list of CPU backends and the choice behind --backend=auto: the first
 * usable backend in order of preference.
 */
#include "vdm/cpu.h"

#include <string.h>

extern const struct cpu_backend cpu_backend_x86emu;

/* In order of preference for --backend=auto. */
const struct cpu_backend *const cpu_backends[] = {
    &cpu_backend_x86emu,
    NULL,
};

const struct cpu_backend *cpu_backend_find(const char *name)
{
    bool is_auto = strcmp(name, "auto") == 0;
    for (unsigned i = 0; cpu_backends[i]; i++) {
        const struct cpu_backend *b = cpu_backends[i];
        if (is_auto ? b->unavailable() == NULL : strcmp(b->name, name) == 0)
            return b;
    }
    return NULL;
}
