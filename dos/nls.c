/*
 * National language support (see nls.h): the host locale's territory
 * chooses a DOS country; its formats are the country's usual ones (the
 * date order, separators and currency MS-DOS's COUNTRY.SYS gives it, as
 * documented in the MS-DOS 5 manual's country table), typed in here.
 */
#include "dos/nls.h"

#include <stdlib.h>
#include <string.h>

#include "dos/dos.h"
#include "dos/dosdata.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* Date formats (CI_DATE_FMT). */
#define DATE_MDY 0
#define DATE_DMY 1
#define DATE_YMD 2

/* Currency format bits (CI_CUR_FMT): symbol after the value, a space
 * between them. */
#define CUR_AFTER 0x01
#define CUR_SPACE 0x02

#define TIME_12H 0
#define TIME_24H 1

struct country {
    const char *territory;  /* ISO 3166 code in a locale name ("de_DE") */
    uint16_t code;          /* DOS country code (the phone prefix) */
    uint8_t date_fmt;
    const char *currency;   /* in code page 437 */
    char thousands, decimal, date_sep, time_sep, list_sep;
    uint8_t cur_fmt, cur_digits, time_fmt;
};

/* First row: the default. */
static const struct country countries[] = {
    { "US", 1, DATE_MDY, "$", ',', '.', '-', ':', ',', 0, 2, TIME_12H },
    { "CA", 2, DATE_YMD, "$", ' ', ',', '-', ':', ';', CUR_AFTER | CUR_SPACE, 2, TIME_24H },
    { "NL", 31, DATE_DMY, "f", '.', ',', '-', ':', ';', CUR_SPACE, 2, TIME_24H },
    { "BE", 32, DATE_DMY, "BF", '.', ',', '/', ':', ';', CUR_SPACE, 2, TIME_24H },
    { "FR", 33, DATE_DMY, "F", '.', ',', '.', ':', ';', CUR_AFTER | CUR_SPACE, 2, TIME_24H },
    { "ES", 34, DATE_DMY, "\x9E", '.', ',', '/', ':', ';', CUR_AFTER | CUR_SPACE, 2, TIME_24H },
    { "IT", 39, DATE_DMY, "L.", '.', ',', '/', '.', ';', 0, 0, TIME_24H },
    { "CH", 41, DATE_DMY, "Fr", '\'', '.', '.', '.', ',', CUR_SPACE, 2, TIME_24H },
    { "GB", 44, DATE_DMY, "\x9C", ',', '.', '-', ':', ',', 0, 2, TIME_24H },
    { "DK", 45, DATE_DMY, "kr", '.', ',', '-', '.', ';', CUR_SPACE, 2, TIME_24H },
    { "SE", 46, DATE_YMD, "Kr", ' ', ',', '-', '.', ';', CUR_AFTER | CUR_SPACE, 2, TIME_24H },
    { "NO", 47, DATE_DMY, "Kr", '.', ',', '.', '.', ';', CUR_SPACE, 2, TIME_24H },
    { "DE", 49, DATE_DMY, "DM", '.', ',', '.', ':', ';', CUR_AFTER | CUR_SPACE, 2, TIME_24H },
    { "BR", 55, DATE_DMY, "Cr$", '.', ',', '/', ':', ';', CUR_SPACE, 2, TIME_24H },
    { "AU", 61, DATE_DMY, "$", ',', '.', '-', ':', ',', 0, 2, TIME_12H },
    { "JP", 81, DATE_YMD, "\x9D", ',', '.', '-', ':', ',', 0, 0, TIME_24H },
    { "PT", 351, DATE_DMY, "Esc.", '.', ',', '-', ':', ';', CUR_AFTER | CUR_SPACE, 2, TIME_24H },
    { "FI", 358, DATE_DMY, "mk", ' ', ',', '.', '.', ';', CUR_AFTER | CUR_SPACE, 2, TIME_24H },
};
#define N_COUNTRIES (sizeof countries / sizeof countries[0])

/* The country whose territory a locale name ("de_DE.UTF-8@euro") has;
 * the default for NULL, "", "C", "POSIX" and unknown ones. */
static const struct country *country_of(const char *locale)
{
    const char *u = locale ? strchr(locale, '_') : NULL;
    if (u && strlen(u + 1) >= 2) {
        for (size_t i = 0; i < N_COUNTRIES; i++)
            if (strncmp(u + 1, countries[i].territory, 2) == 0 &&
                (u[3] == 0 || u[3] == '.' || u[3] == '@'))
                return &countries[i];
    }
    return &countries[0];
}

/* A category's locale name as setlocale(cat, "") would choose it. */
static const char *pick(const char *lc_all, const char *cat, const char *lang)
{
    if (lc_all && *lc_all)
        return lc_all;
    if (cat && *cat)
        return cat;
    return lang;
}

uint16_t nls_country_info(const struct nls_locale_env *env, uint8_t ci[CI_SIZE])
{
    const struct country *num = country_of(pick(env->lc_all, env->lc_numeric, env->lang));
    const struct country *mon = country_of(pick(env->lc_all, env->lc_monetary, env->lang));
    const struct country *tim = country_of(pick(env->lc_all, env->lc_time, env->lang));
    memset(ci, 0, CI_SIZE);
    ci[CI_DATE_FMT] = tim->date_fmt;
    memcpy(ci + CI_CURRENCY, mon->currency, strlen(mon->currency));
    ci[CI_THOUSANDS] = (uint8_t)num->thousands;
    ci[CI_DECIMAL] = (uint8_t)num->decimal;
    ci[CI_DATE_SEP] = (uint8_t)tim->date_sep;
    ci[CI_TIME_SEP] = (uint8_t)tim->time_sep;
    ci[CI_CUR_FMT] = mon->cur_fmt;
    ci[CI_CUR_DIGITS] = mon->cur_digits;
    ci[CI_TIME_FMT] = tim->time_fmt;
    ci[CI_LIST_SEP] = (uint8_t)num->list_sep;
    return mon->code;
}

bool nls_codepage_ok(unsigned cp)
{
    return cp == 437 || cp == 850;
}

/* ---- Tables -------------------------------------------------------------- */

/* Upper case of the bytes 80h-FFh that have one, as MS-DOS's tables for
 * code page 437 (accented small letters fold to the plain capital when
 * 437 has no accented one) and 850 give them. */
struct fold {
    uint8_t from, to;
};
static const struct fold fold437[] = {
    { 0x81, 0x9A }, { 0x82, 0x90 }, { 0x83, 'A' }, { 0x84, 0x8E }, { 0x85, 'A' },
    { 0x86, 0x8F }, { 0x87, 0x80 }, { 0x88, 'E' }, { 0x89, 'E' }, { 0x8A, 'E' },
    { 0x8B, 'I' }, { 0x8C, 'I' }, { 0x8D, 'I' }, { 0x91, 0x92 }, { 0x93, 'O' },
    { 0x94, 0x99 }, { 0x95, 'O' }, { 0x96, 'U' }, { 0x97, 'U' }, { 0x98, 'Y' },
    { 0xA0, 'A' }, { 0xA1, 'I' }, { 0xA2, 'O' }, { 0xA3, 'U' }, { 0xA4, 0xA5 },
    { 0, 0 },
};
static const struct fold fold850[] = {
    { 0x81, 0x9A }, { 0x82, 0x90 }, { 0x83, 0xB6 }, { 0x84, 0x8E }, { 0x85, 0xB7 },
    { 0x86, 0x8F }, { 0x87, 0x80 }, { 0x88, 0xD2 }, { 0x89, 0xD3 }, { 0x8A, 0xD4 },
    { 0x8B, 0xD8 }, { 0x8C, 0xD7 }, { 0x8D, 0xDE }, { 0x91, 0x92 }, { 0x93, 0xE2 },
    { 0x94, 0x99 }, { 0x95, 0xE3 }, { 0x96, 0xEA }, { 0x97, 0xEB }, { 0x98, 'Y' },
    { 0x9B, 0x9D }, { 0xA0, 0xB5 }, { 0xA1, 0xD6 }, { 0xA2, 0xE0 }, { 0xA3, 0xE9 },
    { 0xA4, 0xA5 }, { 0xC6, 0xC7 }, { 0xD0, 0xD1 }, { 0xE4, 0xE5 }, { 0xE7, 0xE8 },
    { 0xEC, 0xED }, { 0, 0 },
};

/* The plain letter an accented capital sorts with (collating table). */
static const struct fold base437[] = {
    { 0x80, 'C' }, { 0x8E, 'A' }, { 0x8F, 'A' }, { 0x90, 'E' }, { 0x92, 'A' },
    { 0x99, 'O' }, { 0x9A, 'U' }, { 0xA5, 'N' }, { 0, 0 },
};

/* Illegal file name characters after the control range (65h/05h). */
static const char terminators[] = ".\"/\\[]:|<>+=;,";

#define TERM_HEADER 8
#define TABLE_HIGH 0x80

static uint8_t fold_lookup(const struct fold *t, uint8_t c)
{
    for (; t->from; t++)
        if (t->from == c)
            return t->to;
    return c;
}

static uint8_t nls_upper(struct machine *m, uint8_t c)
{
    if (c >= 'a' && c <= 'z')
        return (uint8_t)(c - 'a' + 'A');
    if (c < TABLE_HIGH)
        return c;
    return mem_rd8(m, mem_lin(DOS_DATA_SEG, DD_UPPER + 2) + (c - TABLE_HIGH));
}

/* The far routine at CI_CASEMAP: AL = character, AL = its upper case
 * (RBIL INT 21/AH=38h: "case map routine", called only for AL >= 80h;
 * it looks AL up in the uppercase table). */
static const uint8_t casemap_code[] = {
    0x3C, 0x80,                   /* cmp al, 80h */
    0x72, 0x0D,                   /* jb .ret */
    0x53,                         /* push bx */
    0x1E,                         /* push ds */
    0xBB, DOS_DATA_SEG & 0xFF, DOS_DATA_SEG >> 8, /* mov bx, DOS_DATA_SEG */
    0x8E, 0xDB,                   /* mov ds, bx */
    0xBB, (DD_UPPER + 2 - TABLE_HIGH) & 0xFF, (DD_UPPER + 2 - TABLE_HIGH) >> 8,
                                  /* mov bx, table - 80h */
    0xD7,                         /* xlat */
    0x1F,                         /* pop ds */
    0x5B,                         /* pop bx */
    0xCB,                         /* .ret: retf */
};

void nls_tables_init(struct machine *m)
{
    struct dos_state *d = m->dos;
    if (!nls_codepage_ok(d->codepage))
        d->codepage = NLS_CODEPAGE_DEFAULT;
    if (!nls_codepage_ok(d->codepage_active))
        d->codepage_active = d->codepage;
    const struct fold *fold = d->codepage_active == 850 ? fold850 : fold437;
    uint32_t base = mem_lin(DOS_DATA_SEG, 0);

    mem_wr16(m, base + DD_UPPER, TABLE_HIGH);
    for (unsigned c = TABLE_HIGH; c < 0x100; c++)
        mem_wr8(m, base + DD_UPPER + 2 + (c - TABLE_HIGH), fold_lookup(fold, (uint8_t)c));

    uint32_t t = base + DD_TERMINATORS;
    mem_wr16(m, t, (uint16_t)(TERM_HEADER + strlen(terminators)));
    static const uint8_t term_header[TERM_HEADER] = {
        0x01, 0x00, 0xFF,  /* ?, lowest and highest permitted character */
        0x00, 0x00, 0x20,  /* ?, excluded range 00h-20h */
        0x02, 0x00,        /* ?, number of illegal characters (below) */
    };
    mem_write(m, t + 2, term_header, sizeof term_header);
    mem_wr8(m, t + 2 + 7, (uint8_t)strlen(terminators));
    mem_write(m, t + 2 + TERM_HEADER, terminators, strlen(terminators));

    /* Collating: letters sort case-blind, accented ones with their base. */
    mem_wr16(m, base + DD_COLLATE, 0x100);
    mem_wr16(m, base + DD_DBCS, 0);
    mem_wr16(m, base + DD_DBCS + 2, 0);
    mem_write(m, base + DD_CASEMAP, casemap_code, sizeof casemap_code);
    for (unsigned c = 0; c < 0x100; c++)
        mem_wr8(m, base + DD_COLLATE + 2 + c,
                fold_lookup(base437, nls_upper(m, (uint8_t)c)));

    struct nls_locale_env env = {
        getenv("LC_ALL"), getenv("LC_NUMERIC"), getenv("LC_MONETARY"),
        getenv("LC_TIME"), getenv("LANG"),
    };
    uint8_t ci[CI_SIZE];
    d->country = nls_country_info(&env, ci);
    mem_write(m, base + DD_COUNTRY, ci, sizeof ci);
    mem_wr16(m, base + DD_COUNTRY + CI_CASEMAP, DD_CASEMAP);
    mem_wr16(m, base + DD_COUNTRY + CI_CASEMAP + 2, DOS_DATA_SEG);
}

/* ---- INT 21h functions ------------------------------------------------- */

#define COUNTRY_SET_DX 0xFFFF
#define COUNTRY_IN_BX 0xFF

/* INT 21h/38h  Get or set country information (RBIL INT 21/AH=38h).
 * In:  AL = 00h current country, or a country code (FFh: code in BX);
 *      DS:DX -> 34-byte buffer, or DX = FFFFh to set the country.
 * Out: CF clear, BX = country code, the buffer filled; or CF set,
 *      AX = 02h (a country other than the current one: vdm has no
 *      COUNTRY.SYS to load it from). Setting the current country
 *      succeeds and changes nothing. */
void dos_fn_country(struct machine *m)
{
    struct dos_state *d = m->dos;
    uint16_t want = m->r.ax.l == COUNTRY_IN_BX ? m->r.bx.w : m->r.ax.l;
    if (want != 0 && want != d->country) {
        dos_fail(m, DOS_ERR_FILE_NOT_FOUND);
        return;
    }
    if (m->r.dx.w != COUNTRY_SET_DX) {
        uint8_t ci[CI_SIZE];
        mem_read(m, mem_lin(DOS_DATA_SEG, DD_COUNTRY), ci, sizeof ci);
        if (!mem_write(m, mem_lin(m->r.ds, m->r.dx.w), ci, sizeof ci)) {
            dos_fail(m, DOS_ERR_INVALID_DATA);
            return;
        }
    }
    m->r.bx.w = d->country;
    m->r.ax.w = d->country;
    dos_ok(m);
}

/* 65h subfunctions (RBIL INT 21/AH=65h). */
#define XC_INFO 0x01
#define XC_UPPER 0x02
#define XC_FILE_UPPER 0x04
#define XC_TERMINATORS 0x05
#define XC_COLLATE 0x06
#define XC_DBCS 0x07
#define XC_UP_CHAR 0x20
#define XC_UP_STRING 0x21
#define XC_UP_ASCIZ 0x22
#define XC_YES_NO 0x23
#define XC_FILE_BIT 0x80  /* A0h-A2h: the file name versions of 20h-22h */
#define XC_MIN_BUF 5
#define XC_INFO_SIZE (3 + 4 + CI_SIZE)
#define XC_TABLE_REPLY 5  /* info ID + far pointer */

/* 65h/20h-22h, A0h-A2h: upper-case a character or a string in place. */
static void ext_capitalize(struct machine *m, uint8_t sub)
{
    if (sub == XC_UP_CHAR) {
        m->r.dx.l = nls_upper(m, m->r.dx.l);
        dos_ok(m);
        return;
    }
    uint32_t p = mem_lin(m->r.ds, m->r.dx.w);
    for (uint32_t i = 0; i < 0x10000u; i++) {
        if (sub == XC_UP_STRING && i >= m->r.cx.w)
            break;
        uint8_t c = mem_rd8(m, p + i);
        if (sub == XC_UP_ASCIZ && c == 0)
            break;
        mem_wr8(m, p + i, nls_upper(m, c));
    }
    dos_ok(m);
}

/* INT 21h/65h  Get extended country information (RBIL INT 21/AH=65h).
 * In:  AL = 01h info, 02h/04h uppercase tables, 05h file name terminator
 *      table, 06h collating table, 07h DBCS table (BX = code page, DX =
 *      country, FFFFh = current; CX = buffer size >= 5; ES:DI -> buffer);
 *      20h/A0h DL = character, 21h/A1h DS:DX string of CX bytes, 22h/A2h
 *      DS:DX ASCIZ string to upper-case; 23h DL = character to judge.
 * Out: CF clear; 01h-07h: CX = bytes written, the buffer holds the info
 *      ID and the block (01h) or a far pointer to the table; 20h DL =
 *      upper case; 23h AX = 0 no, 1 yes, 2 neither. Or CF set, AX = 01h
 *      (unknown AL, CX < 5), 02h (another country or code page). */
void dos_fn_ext_country(struct machine *m)
{
    struct dos_state *d = m->dos;
    uint8_t sub = m->r.ax.l;
    uint8_t cap = (uint8_t)(sub & ~XC_FILE_BIT);
    if (cap >= XC_UP_CHAR && cap <= XC_UP_ASCIZ) {
        ext_capitalize(m, cap);
        return;
    }
    if (sub == XC_YES_NO) {
        uint8_t c = nls_upper(m, m->r.dx.l);
        m->r.ax.w = c == 'Y' ? 1 : c == 'N' ? 0 : 2;
        dos_ok(m);
        return;
    }
    static const uint16_t table_at[8] = {
        [XC_UPPER] = DD_UPPER, [XC_FILE_UPPER] = DD_UPPER, [XC_TERMINATORS] = DD_TERMINATORS,
        [XC_COLLATE] = DD_COLLATE, [XC_DBCS] = DD_DBCS,
    };
    if (sub == 0 || sub >= 8 || (sub != XC_INFO && !table_at[sub]) || m->r.cx.w < XC_MIN_BUF) {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
        return;
    }
    if ((m->r.bx.w != 0xFFFF && m->r.bx.w != d->codepage_active) ||
        (m->r.dx.w != 0xFFFF && m->r.dx.w != d->country)) {
        dos_fail(m, DOS_ERR_FILE_NOT_FOUND);
        return;
    }
    uint8_t buf[XC_INFO_SIZE];
    uint16_t n;
    buf[0] = sub;
    if (sub == XC_INFO) {
        buf[1] = 4 + CI_SIZE;
        buf[2] = 0;
        buf[3] = (uint8_t)d->country;
        buf[4] = (uint8_t)(d->country >> 8);
        buf[5] = (uint8_t)d->codepage_active;
        buf[6] = (uint8_t)(d->codepage_active >> 8);
        mem_read(m, mem_lin(DOS_DATA_SEG, DD_COUNTRY), buf + 7, CI_SIZE);
        n = XC_INFO_SIZE;
        if (n > m->r.cx.w)
            n = m->r.cx.w; /* MS-DOS truncates to the buffer */
    } else {
        buf[1] = (uint8_t)table_at[sub];
        buf[2] = (uint8_t)(table_at[sub] >> 8);
        buf[3] = (uint8_t)DOS_DATA_SEG;
        buf[4] = (uint8_t)(DOS_DATA_SEG >> 8);
        n = XC_TABLE_REPLY;
    }
    if (!mem_write(m, mem_lin(m->r.es, m->r.di.w), buf, n)) {
        dos_fail(m, DOS_ERR_INVALID_DATA);
        return;
    }
    m->r.cx.w = n;
    dos_ok(m);
}

#define CP_GET 0x01
#define CP_SET 0x02

/* INT 21h/66h  Get or set global code page (RBIL INT 21/AH=66h).
 * In:  AL = 01h get; 02h set, BX = code page.
 * Out: 01h: CF clear, BX = active, DX = system code page (the
 *      --codepage one, 437 by default). 02h: CF clear when BX is a code
 *      page vdm has tables for (the tables follow it); else CF set,
 *      AX = 02h. Other AL: CF set, AX = 01h. */
void dos_fn_codepage(struct machine *m)
{
    struct dos_state *d = m->dos;
    if (m->r.ax.l == CP_GET) {
        m->r.bx.w = d->codepage_active;
        m->r.dx.w = d->codepage;
        dos_ok(m);
    } else if (m->r.ax.l == CP_SET) {
        if (!nls_codepage_ok(m->r.bx.w)) {
            dos_fail(m, DOS_ERR_FILE_NOT_FOUND);
            return;
        }
        d->codepage_active = m->r.bx.w;
        nls_tables_init(m);
        dos_ok(m);
    } else {
        dos_fail(m, DOS_ERR_INVALID_FUNCTION);
    }
}
