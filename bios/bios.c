/*
 * BIOS start-up: the data area as the POST leaves it, the ROM, and each
 * service file's handlers, in the order of the parts table.
 */
#include "bios/bios.h"

#include <stdlib.h>

#include "bios/bda.h"
#include "bios/rom.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* Equipment word (RBIL INT 11): 80x25 colour display (bits 5-4 = 10b), no
 * floppies, no coprocessor. */
#define EQUIP_VIDEO_80X25_COLOUR 0x0020u
#define BDA_CONV_KB 640u
#define BDA_KBD_BUF_BYTES 32u
#define KBD_FLAGS3_101_KEYS 0x10u

static void bda_init(struct machine *m)
{
    uint32_t b = BDA_LIN;
    mem_wr16(m, b + BDA_EQUIPMENT, EQUIP_VIDEO_80X25_COLOUR);
    mem_wr16(m, b + BDA_MEMORY_KB, BDA_CONV_KB);
    mem_wr16(m, b + BDA_KBD_HEAD, BDA_KBD_BUF);
    mem_wr16(m, b + BDA_KBD_TAIL, BDA_KBD_BUF);
    mem_wr16(m, b + BDA_KBD_BUF_START, BDA_KBD_BUF);
    mem_wr16(m, b + BDA_KBD_BUF_END, BDA_KBD_BUF + BDA_KBD_BUF_BYTES);
    mem_wr8(m, b + BDA_KBD_FLAGS3, KBD_FLAGS3_101_KEYS);
}

static const struct {
    const char *name;
    void (*init)(struct machine *m);
} bios_parts[] = {
    { "timer and IRQs", bios_timer_init },  /* BDA tick count from the clock */
    { "keyboard", bios_keyboard_init },
    { "video", bios_video_init },           /* sets mode 3 through INT 10h/00h */
    { "system configuration", bios_sysconf_init },
};

bool bios_init(struct machine *m)
{
    m->bios = calloc(1, sizeof *m->bios);
    if (!m->bios)
        return false;
    m->bios->scan_lines = 400;
    rom_init(m);
    bda_init(m);
    for (size_t i = 0; i < sizeof bios_parts / sizeof bios_parts[0]; i++)
        bios_parts[i].init(m);
    return true;
}
