/*
 * The BIOS: data area, ROM, and the interrupt services DOS programs call
 * (INT 08h, 10h, 11h, 12h, 16h, 19h, 1Ah). Knows nothing of DOS.
 */
#ifndef VDM_BIOS_BIOS_H
#define VDM_BIOS_BIOS_H

#include <stdbool.h>

struct machine;

/* Fill the BIOS data area and the ROM, and register the BIOS handlers. */
bool bios_init(struct machine *m);

#endif
