/*
 * DOS's tables in guest memory (layout in dosdata.h).
 *
 * What is real: the InDOS and critical error flags, the SDA's copies of
 * the current PSP, DTA, drive and last error; the list of lists with the
 * first MCB, LASTDRIVE, the current directory structures (one per drive
 * up to LASTDRIVE, paths kept current) and the character device chain
 * NUL -> CON -> AUX -> PRN -> CLOCK$. What is not: vdm has no drive
 * parameter blocks or disk buffers (the pointers are FFFF:FFFF, "none"),
 * and its SFT lives on the host, so the SFT chain is one empty block.
 */
#include "dos/dosdata.h"

#include <stdio.h>
#include <string.h>

#include "dos/ctrlc.h"
#include "dos/dos.h"
#include "dos/nls.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define FAR_NONE 0xFFFFFFFFu

/* Device header (RBIL INT 21/AH=52h, "Format of device driver header"). */
#define DEV_NEXT 0x00
#define DEV_ATTR 0x04
#define DEV_STRATEGY 0x06
#define DEV_INTERRUPT 0x08
#define DEV_NAME 0x0A
#define DEV_HEADER_SIZE 0x12

/* Attribute bits: character device, standard input/output, NUL, clock. */
#define DEVA_CHAR 0x8000u
#define DEVA_STDIN 0x0001u
#define DEVA_STDOUT 0x0002u
#define DEVA_NUL 0x0004u
#define DEVA_CLOCK 0x0008u
#define DEVA_FAST 0x0010u /* INT 29h output */

/* Current directory structure (RBIL INT 21/AH=52h, "Format of DOS 4+
 * current directory structure"). */
#define CDS_PATH 0x00
#define CDS_PATH_MAX 0x43
#define CDS_FLAGS 0x43
#define CDS_DPB 0x45
#define CDS_REDIR 0x4B
#define CDS_ROOT_OFF 0x4F
#define CDS_PHYSICAL 0x4000u

/* SFT block header: next block, entries in this one. */
#define SFT_NEXT 0x00
#define SFT_COUNT 0x04

#define SECTOR_SIZE 512
#define MIN_LASTDRIVE 5 /* E:, MS-DOS's default */
#define BOOT_DRIVE_C 3

struct dev_def {
    const char *name;
    uint16_t attr;
};

/* The chain after NUL, in MS-DOS's order. */
static const struct dev_def devices[] = {
    { "CON", DEVA_CHAR | DEVA_STDIN | DEVA_STDOUT | DEVA_FAST },
    { "AUX", DEVA_CHAR },
    { "PRN", DEVA_CHAR },
    { "CLOCK$", DEVA_CHAR | DEVA_CLOCK },
};
#define N_DEVICES (sizeof devices / sizeof devices[0])

static uint32_t dd_lin(unsigned off)
{
    return mem_lin(DOS_DATA_SEG, (uint16_t)off);
}

static uint32_t dd_far(unsigned off)
{
    return (uint32_t)DOS_DATA_SEG << 16 | off;
}

static void dev_header(struct machine *m, uint32_t at, const char *name, uint16_t attr,
                       uint32_t next)
{
    mem_wr32(m, at + DEV_NEXT, next);
    mem_wr16(m, at + DEV_ATTR, attr);
    mem_wr16(m, at + DEV_STRATEGY, DD_RETF);
    mem_wr16(m, at + DEV_INTERRUPT, DD_RETF);
    uint8_t n[8];
    memset(n, ' ', sizeof n);
    memcpy(n, name, strlen(name));
    mem_write(m, at + DEV_NAME, n, sizeof n);
}

/* LASTDRIVE: E:, or the highest mounted drive. */
static unsigned dd_lastdrive(struct machine *m)
{
    unsigned last = MIN_LASTDRIVE;
    for (unsigned i = 0; i < HOSTFS_DRIVES; i++)
        if (m->dos->fs.drive[i].mounted && i + 1 > last)
            last = i + 1;
    return last > CDS_MAX_DRIVES ? CDS_MAX_DRIVES : last;
}

void dos_data_sync_drives(struct machine *m)
{
    uint32_t lol = dd_lin(DD_LOL);
    unsigned last = dd_lastdrive(m);
    unsigned mounted = 0;
    mem_wr8(m, lol + LOL_LASTDRIVE, (uint8_t)last);
    for (unsigned i = 0; i < last; i++) {
        const struct hostfs_drive *dr = &m->dos->fs.drive[i];
        uint32_t cds = dd_lin(DD_CDS + i * CDS_SIZE);
        uint8_t *p = mem_ptr(m, cds, CDS_SIZE);
        if (!p)
            continue;
        memset(p, 0, CDS_SIZE);
        /* RBIL: an invalid drive still has its "A:\" path, flags 0. */
        char path[CDS_PATH_MAX];
        int n = snprintf(path, sizeof path, "%c:\\%s", 'A' + i, dr->mounted ? dr->cwd : "");
        memcpy(p + CDS_PATH, path, n < 0 ? 0 : (size_t)n + 1);
        mem_wr16(m, cds + CDS_FLAGS, dr->mounted ? CDS_PHYSICAL : 0);
        mem_wr32(m, cds + CDS_DPB, FAR_NONE);
        mem_wr32(m, cds + CDS_REDIR, FAR_NONE);
        mem_wr16(m, cds + CDS_ROOT_OFF, 2);
        if (dr->mounted)
            mounted++;
    }
    mem_wr8(m, lol + LOL_BLOCK_DEVS, (uint8_t)mounted);
}

void dos_data_init(struct machine *m)
{
    uint8_t *all = mem_ptr(m, dd_lin(0), DD_END);
    if (all)
        memset(all, 0, DD_END);

    uint32_t lol = dd_lin(DD_LOL);
    mem_wr32(m, lol + LOL_DPB, FAR_NONE);
    mem_wr32(m, lol + LOL_SFT, dd_far(DD_SFT));
    mem_wr32(m, lol + LOL_CLOCK, dd_far(DD_DEVICES + (N_DEVICES - 1) * DEV_HEADER_SIZE));
    mem_wr32(m, lol + LOL_CON, dd_far(DD_DEVICES));
    mem_wr16(m, lol + LOL_MAX_SECTOR, SECTOR_SIZE);
    mem_wr32(m, lol + LOL_BUFFERS, FAR_NONE);
    mem_wr32(m, lol + LOL_CDS, dd_far(DD_CDS));
    mem_wr32(m, lol + LOL_FCB_TABLES, FAR_NONE);
    mem_wr8(m, lol + LOL_BOOT_DRIVE, BOOT_DRIVE_C);
    mem_wr16(m, lol + LOL_FIRST_UMB, 0xFFFF);

    dev_header(m, lol + LOL_NUL, "NUL", DEVA_CHAR | DEVA_NUL, dd_far(DD_DEVICES));
    for (unsigned i = 0; i < N_DEVICES; i++) {
        uint32_t next = i + 1 < N_DEVICES ? dd_far(DD_DEVICES + (i + 1) * DEV_HEADER_SIZE)
                                          : FAR_NONE;
        dev_header(m, dd_lin(DD_DEVICES + i * DEV_HEADER_SIZE), devices[i].name,
                   devices[i].attr, next);
    }
    mem_wr8(m, dd_lin(DD_RETF), 0xCB); /* RETF */

    mem_wr32(m, dd_lin(DD_SFT) + SFT_NEXT, FAR_NONE);
    mem_wr16(m, dd_lin(DD_SFT) + SFT_COUNT, 0);

    nls_tables_init(m);
    dos_ctrlc_init(m);
    dos_data_sync(m);
    dos_data_sync_drives(m);
}

void dos_data_sync(struct machine *m)
{
    const struct dos_state *d = m->dos;
    uint32_t sda = dd_lin(DD_SDA);
    mem_wr8(m, sda + SDA_ERR_LOCUS, d->ext_locus);
    mem_wr16(m, sda + SDA_ERR_CODE, d->ext_error);
    mem_wr8(m, sda + SDA_ERR_ACTION, d->ext_action);
    mem_wr8(m, sda + SDA_ERR_CLASS, d->ext_class);
    mem_wr16(m, sda + SDA_DTA, d->dta_off);
    mem_wr16(m, sda + SDA_DTA + 2, d->dta_seg);
    mem_wr16(m, sda + SDA_PSP, d->cur_psp);
    mem_wr16(m, sda + SDA_RETCODE, d->last_retcode);
    mem_wr8(m, sda + SDA_DRIVE, d->cur_drive);
    mem_wr8(m, sda + SDA_BREAK, d->break_flag);
    uint32_t lol = dd_lin(DD_LOL);
    mem_wr16(m, (uint32_t)(lol + LOL_FIRST_MCB), d->first_mcb);
    mem_wr8(m, lol + LOL_UMB_LINK, d->umb_linked);
}

void dos_data_indos(struct machine *m, int delta)
{
    uint32_t at = dd_lin(DD_SDA + SDA_INDOS);
    mem_wr8(m, at, (uint8_t)(mem_rd8(m, at) + delta));
}
