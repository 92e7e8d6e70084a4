/*
 * National language support: the country (INT 21h/38h), the extended
 * country information and its tables (65h), the code page (66h).
 *
 * The country comes from the host locale where its territory maps to a
 * DOS country (LC_ALL, else LC_TIME for the date and time formats,
 * LC_MONETARY for the currency, LC_NUMERIC for the separators, else
 * LANG); anything else is the USA, MS-DOS's default. The tables live in
 * the DOS data segment (dosdata.h) for code page 437 or 850.
 */
#ifndef VDM_DOS_NLS_H
#define VDM_DOS_NLS_H

#include <stdbool.h>
#include <stdint.h>

struct machine;

#define NLS_COUNTRY_USA 1
#define NLS_CODEPAGE_DEFAULT 437

/* 38h's 34-byte country information block (RBIL INT 21/AH=38h,
 * "Format of DOS 3+ country information"). */
#define CI_DATE_FMT 0x00
#define CI_CURRENCY 0x02
#define CI_THOUSANDS 0x07
#define CI_DECIMAL 0x09
#define CI_DATE_SEP 0x0B
#define CI_TIME_SEP 0x0D
#define CI_CUR_FMT 0x0F
#define CI_CUR_DIGITS 0x10
#define CI_TIME_FMT 0x11
#define CI_CASEMAP 0x12
#define CI_LIST_SEP 0x16
#define CI_SIZE 0x22

/* The locale names of the host categories (NULL when unset). */
struct nls_locale_env {
    const char *lc_all, *lc_numeric, *lc_monetary, *lc_time, *lang;
};

/* Fill the 34-byte block `ci` (case map pointer left 0) for the locale
 * `env` names; returns the DOS country code. Pure: for unit tests. */
uint16_t nls_country_info(const struct nls_locale_env *env, uint8_t ci[CI_SIZE]);

/* True for the code pages vdm has tables for (437, 850). */
bool nls_codepage_ok(unsigned cp);

/* Build the country block and the tables in the DOS data segment from
 * the host environment and m->dos->codepage (dos_data_init). */
void nls_tables_init(struct machine *m);

void dos_fn_country(struct machine *m);        /* 38h */
void dos_fn_ext_country(struct machine *m);    /* 65h */
void dos_fn_codepage(struct machine *m);       /* 66h */

#endif
