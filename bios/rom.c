/*
 * Builds the ROM segment (see rom.h). The model byte at F000:FFFE says
 * "PC/AT" (FCh), which is what programs that check it expect of a machine
 * with an 80286-or-later CPU, an AT keyboard and a second PIC.
 */
#include "bios/rom.h"

#include "vdm/machine.h"
#include "vdm/mem.h"

#define OP_HLT 0xF4
#define OP_IRET 0xCF
#define OP_INT 0xCD
#define OP_NOP 0x90
#define OP_JMP_FAR 0xEA

#define ROM_MODEL_OFF 0xFFFEu
#define ROM_MODEL_AT 0xFCu
#define ROM_RESET_OFF 0xFFF0u

void rom_init(struct machine *m)
{
    uint32_t base = mem_lin(ROM_SEG, 0);
    for (unsigned v = 0; v < 256; v++) {
        uint32_t s = base + rom_stub_off((uint8_t)v);
        if (v == 0x08) {
            /* Timer: the host counts the tick, then the user hook runs. */
            mem_wr8(m, s, OP_HLT);
            mem_wr8(m, s + 1, OP_INT);
            mem_wr8(m, s + 2, 0x1C);
            mem_wr8(m, s + 3, OP_IRET);
        } else {
            mem_wr8(m, s, OP_HLT);
            mem_wr8(m, s + 1, OP_IRET);
            mem_wr8(m, s + 2, OP_NOP);
            mem_wr8(m, s + 3, OP_NOP);
        }
    }
    mem_wr8(m, base + ROM_IRET_OFF, OP_IRET);

    /* Reset vector: jump to the INT 19h stub, which ends vdm. */
    mem_wr8(m, base + ROM_RESET_OFF, OP_JMP_FAR);
    mem_wr16(m, base + ROM_RESET_OFF + 1, rom_stub_off(0x19));
    mem_wr16(m, base + ROM_RESET_OFF + 3, ROM_SEG);
    mem_wr8(m, base + ROM_MODEL_OFF, ROM_MODEL_AT);
}

void rom_install_ivt(struct machine *m)
{
    for (unsigned v = 0; v < 256; v++) {
        /* The timer stub always goes in: it must chain to INT 1Ch even
         * when nobody counts ticks on the host. */
        bool served = m->int_handlers[v] || v == 0x08;
        mem_wr16(m, v * 4u, served ? rom_stub_off((uint8_t)v) : ROM_IRET_OFF);
        mem_wr16(m, v * 4u + 2, ROM_SEG);
    }
}

int rom_stub_vector(uint16_t cs, uint16_t ip)
{
    if (cs != ROM_SEG)
        return -1;
    uint16_t hlt = (uint16_t)(ip - 1);
    if (hlt < ROM_STUB_BASE || hlt >= ROM_STUB_BASE + 256 * ROM_STUB_SIZE)
        return -1;
    if ((hlt - ROM_STUB_BASE) % ROM_STUB_SIZE)
        return -1;
    return (hlt - ROM_STUB_BASE) / ROM_STUB_SIZE;
}
