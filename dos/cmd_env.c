/*
 * COMMAND.COM's environment block (SET, PATH, PROMPT and %VAR% read and
 * write the block in guest memory that children copy on EXEC), the
 * prompt with its $ codes, and PAUSE.
 *
 * The block EXEC gave COMMAND.COM is only as large as its strings, so at
 * start-up the interpreter moves them to a block with room to grow
 * (CMD_ENV_DEFAULT bytes, or /E:n), as COMMAND.COM does; SET beyond it is
 * "Out of environment space".
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "dos/mem.h"
#include "dos/psp.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define CMD_ENV_MAX 32768u

/* ---- The environment block --------------------------------------------- */

static uint16_t env_seg(struct machine *m, struct cmd_inst *in)
{
    return mem_rd16(m, mem_lin(in->psp, PSP_ENV_SEG));
}


/* Bytes used by the strings, up to and including the double NUL. */
static uint32_t env_used(const uint8_t *e, uint32_t room)
{
    uint32_t i = 0;
    while (i < room && e[i])
        i += (uint32_t)strnlen((const char *)e + i, room - i) + 1;
    return i + 1 <= room ? i + 1 : room;
}

bool cmd_env_get(struct machine *m, struct cmd_inst *in, const char *name, char *out,
                 size_t cap)
{
    return psp_env_get(m, env_seg(m, in), name, out, cap) >= 0;
}

bool cmd_env_set(struct machine *m, struct cmd_inst *in, const char *name, const char *value)
{
    uint16_t seg = env_seg(m, in);
    uint32_t room = psp_env_room(m, seg);
    uint8_t *e = mem_ptr(m, mem_lin(seg, 0), room);
    if (!e || room < 2)
        return false;
    size_t nl = strlen(name);
    /* Remove the old definition. */
    for (uint32_t i = 0; i < room && e[i];) {
        char *s = (char *)e + i;
        size_t len = strnlen(s, room - i);
        if (len > nl && s[nl] == '=' && strncasecmp(s, name, nl) == 0) {
            uint32_t used = env_used(e, room);
            memmove(s, s + len + 1, used - (i + (uint32_t)len + 1));
            continue;
        }
        i += (uint32_t)len + 1;
    }
    if (!value[0])
        return true;
    uint32_t used = env_used(e, room);
    size_t add = nl + 1 + strlen(value) + 1;
    if (used + add > room)
        return false;
    char *at = (char *)e + used - 1;
    for (size_t i = 0; i < nl; i++)
        at[i] = (char)toupper((unsigned char)name[i]);
    at[nl] = '=';
    strcpy(at + nl + 1, value);
    at[add] = 0;
    return true;
}

void cmd_env_print(struct machine *m, struct cmd_inst *in)
{
    uint16_t seg = env_seg(m, in);
    uint32_t room = psp_env_room(m, seg);
    const uint8_t *e = mem_ptr(m, mem_lin(seg, 0), room);
    for (uint32_t i = 0; e && i < room && e[i];) {
        size_t len = strnlen((const char *)e + i, room - i);
        cmd_write(m, (const char *)e + i, len);
        cmd_puts(m, "\r\n");
        i += (uint32_t)len + 1;
    }
}

/* Give the interpreter an environment block with room to SET in: a
 * fresh block (after the shrunk program block), strings copied. */
void cmd_env_grow(struct machine *m, struct cmd_inst *in, uint32_t want)
{
    uint16_t old = env_seg(m, in);
    uint32_t room = psp_env_room(m, old);
    const uint8_t *e = mem_ptr(m, mem_lin(old, 0), room);
    if (!e)
        return;
    uint32_t used = env_used(e, room);
    if (want < used + 256)
        want = used + 256;
    if (want > CMD_ENV_MAX)
        want = CMD_ENV_MAX;
    uint16_t largest;
    int err;
    uint16_t seg = mcb_alloc(m, (uint16_t)((want + 15) / 16), in->psp, &largest, &err);
    if (!seg)
        return;
    uint8_t *n = mem_ptr(m, mem_lin(seg, 0), want);
    if (!n || used > want) {
        mcb_free(m, seg);
        return;
    }
    memset(n, 0, want);
    memcpy(n, e, used);
    mem_wr16(m, mem_lin(in->psp, PSP_ENV_SEG), seg);
    mcb_free(m, old);
}

/* ---- Prompt and current directory --------------------------------------- */

void cmd_cwd(struct machine *m, int drive, char *out, size_t cap)
{
    const struct hostfs_drive *d = &m->dos->fs.drive[drive];
    snprintf(out, cap, "%c:\\%s", 'A' + drive, d->mounted ? d->cwd : "");
}

void cmd_prompt_text(struct machine *m, struct cmd_inst *in, char *out, size_t cap)
{
    char p[CMD_LINE_MAX];
    if (!cmd_env_get(m, in, "PROMPT", p, sizeof p))
        snprintf(p, sizeof p, "$P$G"); /* the MS-DOS 6 default */
    size_t n = 0;
    out[0] = 0;
    for (const char *s = p; *s && n + 1 < cap; s++) {
        char add[CMD_LINE_MAX] = "";
        if (*s != '$') {
            add[0] = *s;
            add[1] = 0;
        } else {
            s++;
            if (!*s)
                break;
            struct cmd_regs r = { 0 };
            switch (toupper((unsigned char)*s)) {
            case 'P': cmd_cwd(m, m->dos->cur_drive, add, sizeof add); break;
            case 'N': snprintf(add, sizeof add, "%c", 'A' + m->dos->cur_drive); break;
            case 'G': snprintf(add, sizeof add, ">"); break;
            case 'L': snprintf(add, sizeof add, "<"); break;
            case 'B': snprintf(add, sizeof add, "|"); break;
            case 'Q': snprintf(add, sizeof add, "="); break;
            case '$': snprintf(add, sizeof add, "$"); break;
            case 'E': snprintf(add, sizeof add, "\x1b"); break;
            case 'H': snprintf(add, sizeof add, "\b \b"); break;
            case '_': snprintf(add, sizeof add, "\r\n"); break;
            case 'V':
                r.ax = 0x3000;
                cmd_int21(m, &r);
                snprintf(add, sizeof add, "MS-DOS Version %u.%02u", r.ax & 0xFF, r.ax >> 8);
                break;
            case 'D': {
                static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu",
                                                    "Fri", "Sat" };
                r.ax = 0x2A00;
                cmd_int21(m, &r);
                snprintf(add, sizeof add, "%s %02u-%02u-%04u", days[r.ax & 7], r.dx >> 8,
                         r.dx & 0xFF, r.cx);
                break;
            }
            case 'T':
                r.ax = 0x2C00;
                cmd_int21(m, &r);
                snprintf(add, sizeof add, "%2u:%02u:%02u.%02u", r.cx >> 8, r.cx & 0xFF,
                         r.dx >> 8, r.dx & 0xFF);
                break;
            default: break; /* unknown codes print nothing */
            }
        }
        size_t al = strlen(add);
        if (n + al >= cap)
            break;
        memcpy(out + n, add, al + 1);
        n += al;
    }
}

void cmd_pause(struct machine *m)
{
    cmd_puts(m, "Press any key to continue . . .");
    cmd_read_key(m);
    cmd_puts(m, "\r\n");
}

