/*
 * INT 21h/29h: parse a file name into an FCB, and the same parser for
 * the two default FCBs EXEC builds in a new PSP (psp.c).
 *
 * Rules (RBIL INT 21/AH=29h): leading blanks and tabs are always skipped;
 * with bit 0 of the flags, one separator among : . ; , = + is skipped
 * too (and the blanks after it). A letter and a colon give the drive.
 * The name runs to the first terminator (control characters, blank and
 * . " / \ [ ] : | < > + = ; ,); '*' fills the rest of its field with '?'.
 * A '.' starts the extension, parsed the same way. Lower case is folded.
 */
#include "dos/fcb_parse.h"

#include <string.h>

#include "dos/fcb.h"
#include "dos/int21.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define PARSE_NAME_LEN 8
#define PARSE_EXT_LEN 3

static bool parse_separator(uint8_t c)
{
    return c != 0 && strchr(":.;,=+", c) != NULL;
}

static bool parse_blank(uint8_t c)
{
    return c == ' ' || c == '\t';
}

static bool parse_terminator(uint8_t c)
{
    return c < 0x20 || c == ' ' || (c != 0 && strchr(".\"/\\[]:|<>+=;,", c) != NULL);
}

static uint8_t parse_upper(uint8_t c)
{
    return c >= 'a' && c <= 'z' ? (uint8_t)(c - 'a' + 'A') : c;
}

/* Parse one field (name or extension) of `len` characters into `out`.
 * Returns the characters consumed; sets *given when any were there and
 * *wild when the field holds a '?' or '*'. */
static size_t parse_field(const uint8_t *s, size_t avail, uint8_t *out, unsigned len,
                          bool *given, bool *wild)
{
    size_t i = 0;
    unsigned n = 0;
    memset(out, ' ', len);
    while (i < avail && !parse_terminator(s[i])) {
        *given = true;
        if (s[i] == '*') {
            *wild = true;
            while (n < len)
                out[n++] = '?';
        } else if (n < len) {
            if (s[i] == '?')
                *wild = true;
            out[n++] = parse_upper(s[i]);
        }
        i++;
    }
    return i;
}

size_t dos_fcb_parse_name(const uint8_t *s, size_t avail, uint8_t flags, uint8_t fcb[12],
                          uint32_t valid_drives, uint8_t *result)
{
    size_t i = 0;
    *result = FCB_PARSE_NO_WILD;
    while (i < avail && parse_blank(s[i]))
        i++;
    if ((flags & FCB_PARSE_SKIP_SEP) && i < avail && parse_separator(s[i])) {
        i++;
        while (i < avail && parse_blank(s[i]))
            i++;
    }
    if (i + 1 < avail && s[i + 1] == ':' && parse_upper(s[i]) >= 'A' && parse_upper(s[i]) <= 'Z') {
        uint8_t drive = (uint8_t)(parse_upper(s[i]) - 'A' + 1);
        if (!(valid_drives & (1u << (drive - 1))))
            *result = FCB_PARSE_BAD_DRIVE;
        fcb[FCB_DRIVE] = drive;
        i += 2;
    } else if (!(flags & FCB_PARSE_KEEP_DRIVE)) {
        fcb[FCB_DRIVE] = 0;
    }
    bool wild = false, given = false;
    uint8_t field[PARSE_NAME_LEN];
    i += parse_field(s + i, avail - i, field, PARSE_NAME_LEN, &given, &wild);
    if (given || !(flags & FCB_PARSE_KEEP_NAME))
        memcpy(fcb + FCB_NAME, field, PARSE_NAME_LEN);
    given = false;
    if (i < avail && s[i] == '.') {
        i++;
        i += parse_field(s + i, avail - i, field, PARSE_EXT_LEN, &given, &wild);
    } else {
        memset(field, ' ', PARSE_EXT_LEN);
    }
    if (given || !(flags & FCB_PARSE_KEEP_EXT))
        memcpy(fcb + FCB_EXT, field, PARSE_EXT_LEN);
    if (wild && *result != FCB_PARSE_BAD_DRIVE)
        *result = FCB_PARSE_WILD;
    return i;
}

/* Longest string 29h looks at: a command line. */
#define PARSE_MAX 128

/* INT 21h/29h  Parse filename into FCB (RBIL INT 21/AH=29h).
 * In:  AL = flags (bit 0 skip a leading separator, bit 1 keep the FCB's
 *      drive when none is given, bit 2 keep its name, bit 3 keep its
 *      extension), DS:SI -> string, ES:DI -> FCB to fill.
 * Out: AL = 00h (no wildcards), 01h (wildcards), FFh (the drive letter
 *      names no drive); DS:SI -> first character after the name. */
void dos_fn_fcb_parse(struct machine *m)
{
    uint8_t buf[PARSE_MAX];
    uint32_t src = mem_lin(m->r.ds, m->r.si.w);
    size_t avail = 0;
    while (avail < sizeof buf && (uint32_t)m->r.si.w + avail <= 0xFFFFu) {
        buf[avail] = mem_rd8(m, src + (uint32_t)avail);
        if (buf[avail++] == 0)
            break;
    }
    uint32_t dst = mem_lin(m->r.es, m->r.di.w);
    uint8_t fcb[12];
    memset(fcb, ' ', sizeof fcb);
    fcb[FCB_DRIVE] = 0;
    mem_read(m, dst, fcb, sizeof fcb);
    uint8_t result;
    size_t used = dos_fcb_parse_name(buf, avail, m->r.ax.l, fcb, dos_drive_mask(m), &result);
    mem_write(m, dst, fcb, sizeof fcb);
    m->r.si.w = (uint16_t)(m->r.si.w + used);
    m->r.ax.l = result;
}
