/*
 * The XMS 3.0 driver (what HIMEM.SYS is to MS-DOS): the HMA, A20 control
 * and extended memory blocks (EMBs), reached through INT 2Fh/4300h-4310h
 * and a far-called entry point in the ROM.
 *
 * EMBs live in a host buffer of their own, not in guest memory: real-mode
 * code cannot address past the HMA, so the only way in or out of an EMB
 * is the driver's move function (0Bh), which copies between this buffer
 * and guest memory. The CPU backends map only the first 1 MiB + 64 KiB.
 * The 32-bit "physical address" that lock (0Ch) reports is therefore a
 * token (1 MiB + 64 KiB + the block's offset in the buffer): right for a
 * program that only checks or passes it on, useless to a DOS extender
 * that would switch to protected mode and touch it (vdm runs real mode).
 */
#ifndef VDM_DOS_XMS_H
#define VDM_DOS_XMS_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

/* --xms=KiB default: 16 MiB of extended memory. */
#define XMS_DEFAULT_KIB 16384u
/* The most --xms accepts: what a 16-bit KiB count in 08h can describe
 * is 64 MiB; 88h (32-bit) goes further, but guests of this era do not. */
#define XMS_MAX_KIB 65535u

/* Attach the driver with `kib` KiB of extended memory (0: no driver, 4300h
 * answers "not installed"). False on host allocation failure. */
bool dos_xms_init(struct machine *m, uint32_t kib);
void dos_xms_destroy(struct machine *m);

/* INT 2Fh with AH = 43h: serve it and return true, else false. */
bool dos_xms_int2f(struct machine *m);

#endif
