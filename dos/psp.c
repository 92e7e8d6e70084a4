/*
 * Building a PSP (layout in psp.h) and filling its two default FCBs from
 * the command tail, as COMMAND.COM does with INT 21h/29h (AL = 01h)
 * before EXEC (the parser is fcb_parse.c's).
 */
#include "dos/psp.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bios/rom.h"
#include "dos/mem.h"
#include "dos/fcb_parse.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define OP_INT 0xCD
#define OP_RETF 0xCB
#define OP_CALL_FAR 0x9A

uint16_t psp_build(struct machine *m, uint16_t psp, uint16_t mem_top,
                   uint16_t parent, uint16_t env_seg, const char *tail,
                   unsigned tail_len, uint32_t valid_drives)
{
    uint32_t p = mem_lin(psp, 0);
    uint8_t *host = mem_ptr(m, p, PSP_SIZE);
    if (!host)
        return 0;
    memset(host, 0, PSP_SIZE);

    mem_wr8(m, p + PSP_INT20, OP_INT);
    mem_wr8(m, p + PSP_INT20 + 1, 0x20);
    mem_wr16(m, p + PSP_MEM_TOP, mem_top);
    mem_wr8(m, p + PSP_CPM_CALL, OP_CALL_FAR);
    mem_wr16(m, p + PSP_CPM_CALL + 1, rom_stub_off(ROM_CPM_VECTOR));
    mem_wr16(m, p + PSP_CPM_CALL + 3, ROM_SEG);

    /* INT 22h/23h/24h as they are now: DOS restores them from here when
     * the program ends. */
    mem_wr32(m, p + PSP_TERMINATE, mem_rd32(m, 0x22 * 4));
    mem_wr32(m, p + PSP_CTRL_C, mem_rd32(m, 0x23 * 4));
    mem_wr32(m, p + PSP_CRIT_ERR, mem_rd32(m, 0x24 * 4));

    mem_wr16(m, p + PSP_PARENT, parent);
    memset(host + PSP_JFT, PSP_JFT_CLOSED, PSP_JFT_ENTRIES);
    mem_wr16(m, p + PSP_ENV_SEG, env_seg);
    mem_wr16(m, p + PSP_JFT_SIZE, PSP_JFT_ENTRIES);
    mem_wr16(m, p + PSP_JFT_PTR, PSP_JFT);
    mem_wr16(m, p + PSP_JFT_PTR + 2, psp);
    mem_wr32(m, p + PSP_PREV, 0xFFFFFFFFu);
    mem_wr8(m, p + PSP_DOS_VERSION, 5);
    mem_wr8(m, p + PSP_DOS_VERSION + 1, 0);
    mem_wr8(m, p + PSP_DOS_CALL, OP_INT);
    mem_wr8(m, p + PSP_DOS_CALL + 1, 0x21);
    mem_wr8(m, p + PSP_DOS_CALL + 2, OP_RETF);

    if (tail_len > PSP_TAIL_MAX)
        tail_len = PSP_TAIL_MAX;
    mem_wr8(m, p + PSP_TAIL_LEN, (uint8_t)tail_len);
    memcpy(host + PSP_TAIL, tail, tail_len);
    host[PSP_TAIL + tail_len] = '\r';

    /* The default FCBs, from the first two words of the tail. */
    const uint8_t *s = (const uint8_t *)tail;
    uint8_t al, ah;
    size_t used = dos_fcb_parse_name(s, tail_len, FCB_PARSE_SKIP_SEP, host + PSP_FCB1,
                                     valid_drives, &al);
    dos_fcb_parse_name(s + used, tail_len - used, FCB_PARSE_SKIP_SEP, host + PSP_FCB2,
                       valid_drives, &ah);
    /* AL/AH are FFh for a bad drive, else 00h (wildcards do not count). */
    al = al == FCB_PARSE_BAD_DRIVE ? al : 0;
    ah = ah == FCB_PARSE_BAD_DRIVE ? ah : 0;
    return (uint16_t)(ah << 8 | al);
}

uint32_t psp_env_room(struct machine *m, uint16_t seg)
{
    return (uint32_t)mem_rd16(m, mem_lin((uint16_t)(seg - 1), MCB_SIZE)) * 16;
}

int psp_env_get(struct machine *m, uint16_t seg, const char *name, char *out, size_t cap)
{
    uint32_t room = psp_env_room(m, seg);
    const uint8_t *e = seg ? mem_ptr(m, mem_lin(seg, 0), room) : NULL;
    if (!e)
        return -1;
    size_t nl = strlen(name);
    for (uint32_t i = 0; i < room && e[i];) {
        const char *v = (const char *)e + i;
        size_t len = strnlen(v, room - i);
        if (len > nl && v[nl] == '=' && strncasecmp(v, name, nl) == 0) {
            snprintf(out, cap, "%.*s", (int)(len - nl - 1), v + nl + 1);
            return (int)(len - nl - 1);
        }
        i += (uint32_t)len + 1;
    }
    return -1;
}
