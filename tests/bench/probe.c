/*
 * vdm-probe: each backend's availability and the verdict of its --backend=
 * auto probe, one line per backend, and the backend auto picks:
 *   kvm: usable, auto skips it (real mode is emulated here: 1.9 MIPS, ...)
 *   x86emu: usable, auto may pick it
 *   auto: x86emu
 * `vdm --backends` shows availability only; tests/e2e/backends.sh uses this
 * to check the auto line against the probe's reasons.
 */
#include <stdio.h>

#include "vdm/cpu.h"

int main(void)
{
    for (unsigned i = 0; cpu_backends[i]; i++) {
        const struct cpu_backend *b = cpu_backends[i];
        const char *why = b->unavailable();
        if (why) {
            printf("%s: unavailable (%s)\n", b->name, why);
            continue;
        }
        char verdict[128];
        bool ok = cpu_backend_auto_ok(b, verdict, sizeof verdict);
        printf("%s: usable, auto %s", b->name, ok ? "may pick it" : "skips it");
        printf(verdict[0] ? " (%s)\n" : "\n", verdict);
    }
    const struct cpu_backend *a = cpu_backend_find("auto");
    printf("auto: %s\n", a ? a->name : "none");
    return 0;
}
