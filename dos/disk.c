/*
 * The disk behind a drive: free space (INT 21h/36h) from the host file
 * system's statvfs, in the cluster terms a DOS program expects.
 */
#include <stdint.h>

#include "dos/int21.h"
#include "hostfs/hostfs.h"
#include "vdm/machine.h"

/* The geometry reported: 512-byte sectors, 64 sectors (32 KiB) per cluster
 * and at most 65524 clusters, the largest FAT16 drive MS-DOS 5/6 can have
 * (just under 2 GiB). Larger host disks are reported as that much, so a
 * program that multiplies the three values in 32 bits never overflows
 * (RBIL INT 21/AH=36h: the call cannot express more than 2 GB). */
#define DISK_BYTES_PER_SECTOR 512u
#define DISK_SECTORS_PER_CLUSTER 64u
#define DISK_CLUSTER_BYTES (DISK_BYTES_PER_SECTOR * DISK_SECTORS_PER_CLUSTER)
#define DISK_MAX_CLUSTERS 65524u
/* AX when the drive is invalid (RBIL INT 21/AH=36h). */
#define DISK_INVALID_DRIVE 0xFFFFu

static uint16_t clusters(uint64_t bytes)
{
    uint64_t c = bytes / DISK_CLUSTER_BYTES;
    return (uint16_t)(c > DISK_MAX_CLUSTERS ? DISK_MAX_CLUSTERS : c);
}

/* INT 21h/36h  Get free disk space (RBIL INT 21/AH=36h).
 * In:  DL = drive (0 = default, 1 = A:).
 * Out: AX = sectors per cluster, BX = free clusters, CX = bytes per
 *      sector, DX = total clusters; or AX = FFFFh for an invalid drive.
 *      CF is not part of the interface (MS-DOS leaves it alone). */
void dos_fn_disk_free(struct machine *m)
{
    int drive = m->r.dx.l ? m->r.dx.l - 1 : m->dos->cur_drive;
    uint64_t total, avail;
    if (drive >= HOSTFS_DRIVES || hostfs_statvfs(&m->dos->fs, drive, &total, &avail) != 0) {
        m->r.ax.w = DISK_INVALID_DRIVE;
        return;
    }
    m->r.ax.w = DISK_SECTORS_PER_CLUSTER;
    m->r.bx.w = clusters(avail);
    m->r.cx.w = DISK_BYTES_PER_SECTOR;
    m->r.dx.w = clusters(total);
}
