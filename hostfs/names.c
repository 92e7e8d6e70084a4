/*
 * DOS 8.3 names: which characters are legal, the canonical upper-case form
 * of a name a DOS program gives, the FCB form wildcards are matched in, and
 * the aliases for host names that are not 8.3 (scheme in hostfs/names.h).
 */
#include "hostfs/names.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define BASE_MAX 8
#define EXT_MAX 3
#define ALIAS_PREFIX 2 /* legal characters kept from the base */

bool hostfs_dos_char_ok(unsigned char c)
{
    return c >= 0x20 && c != 0x7F && strchr(" \"*+,./:;<=>?[\\]|", c) == NULL;
}

static bool ascii_legal(unsigned char c)
{
    return c < 0x80 && hostfs_dos_char_ok(c);
}

static char upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

bool hostfs_host_83(const char *host, char dos[HOSTFS_NAME83])
{
    char cp[HOSTFS_NAME83];
    if (!hostfs_utf8_to_cp437(host, cp, sizeof cp))
        return false;
    const char *dot = strchr(cp, '.');
    size_t base = dot ? (size_t)(dot - cp) : strlen(cp);
    if (base == 0 || base > BASE_MAX)
        return false;
    for (size_t i = 0; i < base; i++)
        if (!hostfs_dos_char_ok((unsigned char)cp[i]))
            return false;
    if (dot) {
        size_t ext = strlen(dot + 1);
        if (ext == 0 || ext > EXT_MAX) /* "NAME." is not how a DOS name reads */
            return false;
        for (size_t i = 1; i <= ext; i++)
            if (!hostfs_dos_char_ok((unsigned char)dot[i]))
                return false;
    }
    if (dos) {
        size_t k = 0;
        for (; cp[k]; k++)
            dos[k] = upper(cp[k]);
        dos[k] = 0;
    }
    return true;
}

bool hostfs_host_is_83(const char *host)
{
    return hostfs_host_83(host, NULL);
}

/* Copy up to `max` chars of one field, upper-cased, checking legality. */
static bool canon_field(const char *s, size_t len, size_t max, bool wild, char *out,
                        size_t *outlen)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = hostfs_dos_char_ok(c) || (wild && (c == '?' || c == '*'));
        if (!ok)
            return false;
        if (o < max) /* MS-DOS cuts overlong fields silently */
            out[o++] = upper((char)c);
    }
    *outlen = o;
    return true;
}

bool hostfs_dos_canon(const char *comp, size_t len, bool wild, char out[HOSTFS_NAME83])
{
    if ((len == 1 && comp[0] == '.') || (len == 2 && comp[0] == '.' && comp[1] == '.')) {
        memcpy(out, comp, len);
        out[len] = 0;
        return true;
    }
    const char *dot = memchr(comp, '.', len);
    size_t blen = dot ? (size_t)(dot - comp) : len;
    size_t o;
    if (blen == 0 || !canon_field(comp, blen, BASE_MAX, wild, out, &o))
        return false;
    if (dot) {
        size_t elen = len - blen - 1, e;
        if (memchr(dot + 1, '.', elen)) /* a second dot */
            return false;
        if (elen > 0) {
            out[o++] = '.';
            if (!canon_field(dot + 1, elen, EXT_MAX, wild, out + o, &e))
                return false;
            o += e;
        }
    }
    out[o] = 0;
    return true;
}

/* Fill one FCB field from `s` (up to `n` chars, ending at '.' or NUL). */
static const char *fcb_field(const char *s, char *out, size_t n)
{
    size_t i = 0;
    memset(out, ' ', n);
    while (*s && *s != '.' && i < n) {
        if (*s == '*') {
            memset(out + i, '?', n - i);
            i = n;
            break;
        }
        out[i++] = *s++;
    }
    while (*s && *s != '.')
        s++;
    return s;
}

/* MS-DOS matches in this form: '*' fills the rest of its field with '?'
 * and whatever follows it in that field is dropped, so "FIL*NAM.*" means
 * "FIL?????.???" (Microsoft KB Q50075, MS-DOS 3.1-6.22). */
void hostfs_fcb_form(const char *name, char out[HOSTFS_FCB_NAME])
{
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
        memset(out, ' ', HOSTFS_FCB_NAME);
        memcpy(out, name, strlen(name));
        return;
    }
    const char *s = fcb_field(name, out, BASE_MAX);
    if (*s == '.')
        s++;
    fcb_field(s, out + BASE_MAX, EXT_MAX);
}

bool hostfs_wild_match(const char *pattern, const char *name)
{
    char p[HOSTFS_FCB_NAME], n[HOSTFS_FCB_NAME];
    hostfs_fcb_form(pattern, p);
    hostfs_fcb_form(name, n);
    for (int i = 0; i < HOSTFS_FCB_NAME; i++)
        if (p[i] != '?' && upper(p[i]) != upper(n[i]))
            return false;
    return true;
}

uint32_t hostfs_name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

void hostfs_alias(const char *host, unsigned n, char out[HOSTFS_NAME83])
{
    const char *dot = strrchr(host, '.');
    if (dot == host) /* ".profile": all extension, no base */
        dot = NULL;
    const char *end = dot ? dot : host + strlen(host);
    char prefix[ALIAS_PREFIX + 1];
    size_t p = 0;
    for (const char *s = host; s < end && p < ALIAS_PREFIX; s++)
        if (ascii_legal((unsigned char)*s))
            prefix[p++] = upper(*s);
    if (p == 0)
        prefix[p++] = '_';
    prefix[p] = 0;
    char tail[4];
    snprintf(tail, sizeof tail, "~%u", n % 100);
    /* Keep the whole within 8: a two-digit counter eats a prefix char. */
    size_t keep = BASE_MAX - 4 - strlen(tail);
    if (p > keep)
        prefix[keep] = 0;
    int o = snprintf(out, HOSTFS_NAME83, "%s%04X%s", prefix,
                     (unsigned)(hostfs_name_hash(host) & 0xFFFFu), tail);
    if (dot) {
        size_t e = 0;
        for (const char *s = dot + 1; *s && e < EXT_MAX; s++)
            if (ascii_legal((unsigned char)*s)) {
                if (e == 0)
                    out[o++] = '.';
                out[o++] = upper(*s);
                e++;
            }
        out[o] = 0;
    }
}
