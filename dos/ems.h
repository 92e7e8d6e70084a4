/*
 * The EMS 4.0 driver (LIM expanded memory, what EMM386 is to MS-DOS):
 * INT 67h, a 64 KiB page frame of four 16 KiB pages at EMS_FRAME_SEG, and
 * the device name EMMXXXX0 that programs open or look for at offset 0Ah
 * of the INT 67h handler's segment to detect the driver.
 *
 * Logical pages live in a host buffer; the frame is ordinary guest RAM.
 * Mapping a page copies the page that occupied the physical slot back to
 * its owner and the new page in, so the frame always holds the mapped
 * pages' data and the host buffer holds the rest. One consequence: the
 * same logical page mapped into two slots at once shows two copies (real
 * EMS shows one page twice); programs do not rely on that aliasing.
 */
#ifndef VDM_DOS_EMS_H
#define VDM_DOS_EMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

#define EMS_DEFAULT_KIB 4096u
#define EMS_MAX_KIB 32768u    /* LIM 4.0's ceiling: 2048 pages of 16 KiB */
#define EMS_FRAME_SEG 0xE000u /* free: above video memory, below the ROM */

/* Attach the driver with `kib` KiB of expanded memory (0: none; INT 67h
 * stays an IRET and EMMXXXX0 does not exist). False on host allocation
 * failure. */
bool dos_ems_init(struct machine *m, uint32_t kib);
void dos_ems_destroy(struct machine *m);

/* True when the driver is installed and `name` (the last component of a
 * DOS path, extension dropped, any case) is its device name. */
bool dos_ems_is_device(const struct machine *m, const char *name, size_t len);

#endif
