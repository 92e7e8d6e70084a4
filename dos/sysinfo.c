/*
 * The INT 21h functions that read or set system-wide state rather than
 * files: the current drive, the DTA, interrupt vectors, the date and the
 * time, the version, the verify and break flags, and the last error.
 *
 * The clock. DOS's date and time are the host's local time. A program may
 * set them (2Bh, 2Dh), but vdm never changes the host clock: it keeps the
 * difference in dos_state.clock_offset_cs, so for the rest of the run 2Ah
 * and 2Ch read the set date and time, moving on from there.
 */
#include <stdint.h>
#include <time.h>

#include "dos/int21.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* Drives MS-DOS 3+ reports at least: LASTDRIVE defaults to E: (RBIL INT
 * 21/AH=0Eh). */
#define SYS_MIN_LASTDRIVE 5

/* Date range 2Bh accepts (RBIL INT 21/AH=2Bh). */
#define SYS_YEAR_MIN 1980
#define SYS_YEAR_MAX 2099

/* AL results of 2Bh/2Dh and of an unknown 33h subfunction. */
#define SYS_AL_OK 0x00
#define SYS_AL_INVALID 0xFF

/* 30h: AL selects what BH returns (RBIL INT 21/AH=30h). */
#define SYS_VER_OEM 0x00
#define SYS_VER_FLAGS 0x01
#define SYS_OEM_MICROSOFT 0xFF
#define SYS_VER_FLAGS_NONE 0x00 /* bit 3 would say "DOS in ROM" */

/* 33h subfunctions (RBIL INT 21/AH=33h, AX=3302h, 3305h, 3306h). */
#define SYS_BREAK_GET 0x00
#define SYS_BREAK_SET 0x01
#define SYS_BREAK_SWAP 0x02
#define SYS_BOOT_DRIVE 0x05
#define SYS_TRUE_VERSION 0x06
#define SYS_BOOT_DRIVE_C 3 /* 33h/05h counts drives from 1 = A: */

#define CS_PER_SEC 100

/* ---- Drives and the DTA ------------------------------------------------ */

/* The number 0Eh reports: the greater of LASTDRIVE (E:) and the highest
 * drive letter in use. */
static uint8_t sys_drive_count(struct machine *m)
{
    unsigned count = SYS_MIN_LASTDRIVE;
    for (unsigned i = 0; i < HOSTFS_DRIVES; i++)
        if (m->dos->fs.drive[i].mounted && i + 1 > count)
            count = i + 1;
    return (uint8_t)count;
}

/* INT 21h/0Eh  Select default drive (RBIL INT 21/AH=0Eh).
 * In:  DL = drive (00h = A:).
 * Out: AL = number of potentially valid drive letters (at least 5).
 * A drive that is not mounted leaves the current drive as it was; MS-DOS
 * reports no error, and programs check with 19h afterwards. */
void dos_fn_select_disk(struct machine *m)
{
    uint8_t dl = m->r.dx.l;
    if (dl < HOSTFS_DRIVES && m->dos->fs.drive[dl].mounted)
        m->dos->cur_drive = dl;
    m->r.ax.l = sys_drive_count(m);
}

/* INT 21h/19h  Get current default drive (RBIL INT 21/AH=19h).
 * In:  nothing.  Out: AL = drive (00h = A:). */
void dos_fn_get_disk(struct machine *m)
{
    m->r.ax.l = m->dos->cur_drive;
}

/* INT 21h/1Ah  Set disk transfer area address (RBIL INT 21/AH=1Ah).
 * In:  DS:DX -> DTA.  Out: nothing. The address is not checked: DOS
 * only uses it when a find or FCB call writes there. */
void dos_fn_set_dta(struct machine *m)
{
    m->dos->dta_seg = m->r.ds;
    m->dos->dta_off = m->r.dx.w;
}

/* INT 21h/2Fh  Get disk transfer area address (RBIL INT 21/AH=2Fh).
 * In:  nothing.  Out: ES:BX -> DTA. */
void dos_fn_get_dta(struct machine *m)
{
    m->r.es = m->dos->dta_seg;
    m->r.bx.w = m->dos->dta_off;
}

/* ---- Interrupt vectors ------------------------------------------------- */

/* INT 21h/25h  Set interrupt vector (RBIL INT 21/AH=25h).
 * In:  AL = vector, DS:DX -> new handler.  Out: nothing.
 * The IVT entry is written as it is; vectors vdm serves keep working for
 * a program that chains to the old value (their ROM stubs stay put). */
void dos_fn_set_vector(struct machine *m)
{
    uint32_t entry = m->r.ax.l * 4u;
    mem_wr16(m, entry, m->r.dx.w);
    mem_wr16(m, entry + 2, m->r.ds);
}

/* INT 21h/35h  Get interrupt vector (RBIL INT 21/AH=35h).
 * In:  AL = vector.  Out: ES:BX -> current handler. */
void dos_fn_get_vector(struct machine *m)
{
    uint32_t entry = m->r.ax.l * 4u;
    m->r.bx.w = mem_rd16(m, entry);
    m->r.es = mem_rd16(m, entry + 2);
}

/* ---- Date and time ----------------------------------------------------- */

/* DOS's clock now: the host's plus the offset, in hundredths. */
static int64_t sys_now_cs(struct machine *m)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * CS_PER_SEC + ts.tv_nsec / 10000000 + m->dos->clock_offset_cs;
}

/* Split a clock value into local broken-down time and hundredths. */
static void sys_split(int64_t cs, struct tm *tm, unsigned *hundredths)
{
    int64_t sec = cs / CS_PER_SEC;
    int64_t rem = cs % CS_PER_SEC;
    if (rem < 0) {
        rem += CS_PER_SEC;
        sec--;
    }
    time_t t = (time_t)sec;
    localtime_r(&t, tm);
    *hundredths = (unsigned)rem;
}

/* Make `tm` (local time) plus `hundredths` DOS's time from now on.
 * False when the host cannot represent it. */
static bool sys_set_clock(struct machine *m, int64_t now_cs, struct tm *tm, unsigned hundredths)
{
    tm->tm_isdst = -1; /* let the host decide for the new date */
    time_t t = mktime(tm);
    if (t == (time_t)-1)
        return false;
    int64_t want = (int64_t)t * CS_PER_SEC + hundredths;
    m->dos->clock_offset_cs += want - now_cs;
    return true;
}

static bool sys_leap(unsigned year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static unsigned sys_days_in_month(unsigned year, unsigned month)
{
    static const uint8_t days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return days[month - 1] + (month == 2 && sys_leap(year));
}

/* INT 21h/2Ah  Get system date (RBIL INT 21/AH=2Ah).
 * In:  nothing.
 * Out: CX = year, DH = month, DL = day, AL = day of week (00h = Sunday). */
void dos_fn_get_date(struct machine *m)
{
    struct tm tm;
    unsigned cs;
    sys_split(sys_now_cs(m), &tm, &cs);
    m->r.cx.w = (uint16_t)(tm.tm_year + 1900);
    m->r.dx.h = (uint8_t)(tm.tm_mon + 1);
    m->r.dx.l = (uint8_t)tm.tm_mday;
    m->r.ax.l = (uint8_t)tm.tm_wday;
}

/* INT 21h/2Bh  Set system date (RBIL INT 21/AH=2Bh).
 * In:  CX = year (1980-2099), DH = month (1-12), DL = day (1-31).
 * Out: AL = 00h done; FFh invalid date (no such day in that month
 *      included), date unchanged. The time of day is kept. */
void dos_fn_set_date(struct machine *m)
{
    unsigned year = m->r.cx.w, month = m->r.dx.h, day = m->r.dx.l;
    if (year < SYS_YEAR_MIN || year > SYS_YEAR_MAX || month < 1 || month > 12 || day < 1 ||
        day > sys_days_in_month(year, month)) {
        m->r.ax.l = SYS_AL_INVALID;
        return;
    }
    int64_t now = sys_now_cs(m);
    struct tm tm;
    unsigned cs;
    sys_split(now, &tm, &cs);
    tm.tm_year = (int)year - 1900;
    tm.tm_mon = (int)month - 1;
    tm.tm_mday = (int)day;
    m->r.ax.l = sys_set_clock(m, now, &tm, cs) ? SYS_AL_OK : SYS_AL_INVALID;
}

/* INT 21h/2Ch  Get system time (RBIL INT 21/AH=2Ch).
 * In:  nothing.
 * Out: CH = hour, CL = minute, DH = second, DL = 1/100 seconds. */
void dos_fn_get_time(struct machine *m)
{
    struct tm tm;
    unsigned cs;
    sys_split(sys_now_cs(m), &tm, &cs);
    m->r.cx.h = (uint8_t)tm.tm_hour;
    m->r.cx.l = (uint8_t)tm.tm_min;
    m->r.dx.h = (uint8_t)tm.tm_sec;
    m->r.dx.l = (uint8_t)cs;
}

/* INT 21h/2Dh  Set system time (RBIL INT 21/AH=2Dh).
 * In:  CH = hour, CL = minute, DH = second, DL = 1/100 seconds.
 * Out: AL = 00h done; FFh invalid time, time unchanged. The date is
 *      kept. */
void dos_fn_set_time(struct machine *m)
{
    unsigned hour = m->r.cx.h, min = m->r.cx.l, sec = m->r.dx.h, cs = m->r.dx.l;
    if (hour > 23 || min > 59 || sec > 59 || cs >= CS_PER_SEC) {
        m->r.ax.l = SYS_AL_INVALID;
        return;
    }
    int64_t now = sys_now_cs(m);
    struct tm tm;
    unsigned now_cs;
    sys_split(now, &tm, &now_cs);
    tm.tm_hour = (int)hour;
    tm.tm_min = (int)min;
    tm.tm_sec = (int)sec;
    m->r.ax.l = sys_set_clock(m, now, &tm, cs) ? SYS_AL_OK : SYS_AL_INVALID;
}

/* ---- Flags and version ------------------------------------------------- */

/* INT 21h/2Eh  Set verify flag (RBIL INT 21/AH=2Eh).
 * In:  AL = 00h off, 01h on.  Out: nothing. vdm's writes go to the host
 * file system, so the flag is only remembered for 54h. */
void dos_fn_set_verify(struct machine *m)
{
    m->dos->verify_flag = m->r.ax.l & 1;
}

/* INT 21h/54h  Get verify flag (RBIL INT 21/AH=54h).
 * In:  nothing.  Out: AL = 00h off, 01h on. */
void dos_fn_get_verify(struct machine *m)
{
    m->r.ax.l = m->dos->verify_flag ? 1 : 0;
}

/* INT 21h/30h  Get DOS version (RBIL INT 21/AH=30h).
 * In:  AL = 00h: BH returns the OEM number; 01h: BH returns flags.
 * Out: AL = major (5), AH = minor (0), BL:CX = user serial number (0);
 *      BH = OEM number FFh (Microsoft), or with AL = 01h the version
 *      flags (00h: DOS is not in ROM). */
void dos_fn_get_version(struct machine *m)
{
    uint8_t what = m->r.ax.l;
    m->r.ax.l = DOS_VERSION_MAJOR;
    m->r.ax.h = DOS_VERSION_MINOR;
    m->r.bx.h = what == SYS_VER_FLAGS ? SYS_VER_FLAGS_NONE : SYS_OEM_MICROSOFT;
    m->r.bx.l = 0;
    m->r.cx.w = 0;
}

/* INT 21h/33h  Extended break checking and system information (RBIL INT
 * 21/AH=33h, AX=3302h, AX=3305h, AX=3306h).
 * In:  AL = 00h get break flag; 01h set it from DL (00h off, 01h on);
 *      02h set it from DL and return the old state; 05h boot drive;
 *      06h true version.
 * Out: 00h/02h: DL = state (00h/01h). 05h: DL = boot drive (1 = A:; vdm
 *      boots from C:). 06h: BL = major, BH = minor, DL = revision 0,
 *      DH = flags 00h (not in ROM, not in HMA). Any other AL: AL = FFh
 *      (RBIL: MS-DOS's answer to an invalid subfunction). */
void dos_fn_break_flag(struct machine *m)
{
    struct dos_state *d = m->dos;
    switch (m->r.ax.l) {
    case SYS_BREAK_GET:
        m->r.dx.l = d->break_flag;
        break;
    case SYS_BREAK_SET:
        d->break_flag = m->r.dx.l & 1;
        break;
    case SYS_BREAK_SWAP: {
        bool old = d->break_flag;
        d->break_flag = m->r.dx.l & 1;
        m->r.dx.l = old;
        break;
    }
    case SYS_BOOT_DRIVE:
        m->r.dx.l = SYS_BOOT_DRIVE_C;
        break;
    case SYS_TRUE_VERSION:
        m->r.bx.l = DOS_VERSION_MAJOR;
        m->r.bx.h = DOS_VERSION_MINOR;
        m->r.dx.l = 0;
        m->r.dx.h = SYS_VER_FLAGS_NONE;
        break;
    default:
        m->r.ax.l = SYS_AL_INVALID;
        break;
    }
}

/* INT 21h/59h  Get extended error information (RBIL INT 21/AH=59h).
 * In:  BX = 0000h.
 * Out: AX = extended error code of the last failed call (0 if none),
 *      BH = class, BL = suggested action, CH = locus. RBIL lists CL, DX,
 *      SI, BP, DS (and ES:DI) as destroyed; vdm leaves them alone. */
void dos_fn_ext_error(struct machine *m)
{
    const struct dos_state *d = m->dos;
    m->r.ax.w = d->ext_error;
    m->r.bx.h = d->ext_class;
    m->r.bx.l = d->ext_action;
    m->r.cx.h = d->ext_locus;
}
