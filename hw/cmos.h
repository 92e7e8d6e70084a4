/*
 * The MC146818 real-time clock and CMOS RAM of the PC/AT at ports 70h
 * (index, bit 7 masks NMI) and 71h (data). Time and date come from the
 * host's wall clock at each read, shifted by whatever the guest set; the
 * status registers drive the periodic and update-ended interrupts on IRQ8.
 * The configuration bytes say what vdm's machine has (no floppies, VGA,
 * 640 KiB base memory, the 64 KiB HMA as extended memory).
 */
#ifndef VDM_HW_CMOS_H
#define VDM_HW_CMOS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct machine;

#define CMOS_PORT 0x70u
#define CMOS_SIZE 128u

/* Registers (RBIL CMOS.LST). */
#define CMOS_SECONDS 0x00
#define CMOS_MINUTES 0x02
#define CMOS_HOURS 0x04
#define CMOS_WEEKDAY 0x06
#define CMOS_DAY 0x07
#define CMOS_MONTH 0x08
#define CMOS_YEAR 0x09
#define CMOS_REG_A 0x0A
#define CMOS_REG_B 0x0B
#define CMOS_REG_C 0x0C
#define CMOS_REG_D 0x0D
#define CMOS_CENTURY 0x32

#define CMOS_A_UIP 0x80u   /* update in progress */
#define CMOS_B_SET 0x80u   /* updates halted */
#define CMOS_B_PIE 0x40u   /* periodic interrupt enable */
#define CMOS_B_AIE 0x20u
#define CMOS_B_UIE 0x10u   /* update-ended interrupt enable */
#define CMOS_B_BINARY 0x04u
#define CMOS_B_24H 0x02u
#define CMOS_C_IRQF 0x80u
#define CMOS_C_PF 0x40u
#define CMOS_C_UF 0x10u
#define CMOS_D_VRT 0x80u

struct cmos {
    uint8_t index;          /* selected register */
    uint8_t ram[CMOS_SIZE]; /* registers and configuration bytes */
    int64_t offset_s;       /* guest time minus host time, in seconds */
    uint64_t next_periodic_ns; /* next periodic interrupt (PIE) */
    int64_t last_second;    /* host second of the last update-ended check */
};

/* Read/write a register as the guest does through port 71h. */
uint8_t cmos_read(struct machine *m, uint8_t reg);
void cmos_write(struct machine *m, uint8_t reg, uint8_t v);

/* The guest's local time now (host time plus what the guest set). */
void cmos_local_time(const struct machine *m, struct tm *out);

/* Set the RTC time or date (host-side, for INT 1Ah/03h, 05h). */
void cmos_set_time(struct machine *m, int hour, int min, int sec);
void cmos_set_date(struct machine *m, int year, int month, int day);

/* Raise IRQ8 for periodic and update-ended interrupts due by `now`. */
void cmos_step(struct machine *m, uint64_t now);
uint64_t cmos_next_event_ns(const struct machine *m, uint64_t now);

bool cmos_init(struct machine *m);

#endif
