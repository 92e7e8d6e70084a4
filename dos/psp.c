/*
 * Building a PSP (layout in psp.h) and filling its two default FCBs from
 * the command tail, as COMMAND.COM does with INT 21h/29h before EXEC.
 */
#include "dos/psp.h"

#include <ctype.h>
#include <string.h>

#include "bios/rom.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define OP_INT 0xCD
#define OP_RETF 0xCB
#define OP_CALL_FAR 0x9A

/* Characters that end a file name in a command tail (RBIL INT 21/AH=29h). */
static bool fcb_separator(char c)
{
    return c == 0 || strchr(":.;,=+ \t/\"[]<>|\r", c) != NULL;
}

/* Parse one file name from *p into an unopened FCB at `fcb`; returns 0,
 * or FFh when a drive letter names a drive not in `valid_drives` (bit 0 =
 * A:). Leading separators are skipped, as with 29h's "skip leading
 * separators" bit. */
static uint8_t fcb_parse(struct machine *m, uint32_t fcb, const char **p,
                         uint32_t valid_drives)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t' || *s == ',' || *s == ';' || *s == '=' || *s == '+')
        s++;
    uint8_t name[11];
    memset(name, ' ', sizeof name);
    uint8_t drive = 0;
    if (s[0] && s[1] == ':' && isalpha((unsigned char)s[0])) {
        drive = (uint8_t)(toupper((unsigned char)s[0]) - 'A' + 1);
        s += 2;
    }
    unsigned i = 0;
    for (; !fcb_separator(*s); s++) {
        if (*s == '*') {
            while (i < 8)
                name[i++] = '?';
        } else if (i < 8) {
            name[i++] = (uint8_t)toupper((unsigned char)*s);
        }
    }
    if (*s == '.') {
        s++;
        i = 8;
        for (; !fcb_separator(*s); s++) {
            if (*s == '*') {
                while (i < 11)
                    name[i++] = '?';
            } else if (i < 11) {
                name[i++] = (uint8_t)toupper((unsigned char)*s);
            }
        }
    }
    mem_wr8(m, fcb, drive);
    mem_write(m, fcb + 1, name, sizeof name);
    *p = s;
    return drive && !(valid_drives & (1u << (drive - 1))) ? 0xFF : 0;
}

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
    char buf[PSP_TAIL_MAX + 1];
    memcpy(buf, tail, tail_len);
    buf[tail_len] = 0;
    const char *s = buf;
    memset(host + PSP_FCB1 + 1, ' ', 11);
    memset(host + PSP_FCB2 + 1, ' ', 11);
    uint8_t al = fcb_parse(m, p + PSP_FCB1, &s, valid_drives);
    uint8_t ah = fcb_parse(m, p + PSP_FCB2, &s, valid_drives);
    return (uint16_t)(ah << 8 | al);
}
