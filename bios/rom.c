/*
 * Builds the ROM segment (see rom.h). The model byte at F000:FFFE says
 * "PC/AT" (FCh), which is what programs that check it expect of a machine
 * with an 80286-or-later CPU, an AT keyboard and a second PIC.
 */
#include "bios/rom.h"

#include "hw/pic.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define OP_HLT 0xF4
#define OP_IRET ROM_OP_IRET
#define OP_INT 0xCD
#define OP_NOP 0x90
#define OP_JMP_FAR 0xEA
#define OP_JMP_NEAR 0xE9

#define ROM_MODEL_OFF 0xFFFEu
#define ROM_MODEL_AT 0xFCu
#define ROM_SUBMODEL 0x01u
#define ROM_RESET_OFF 0xFFF0u

#define PIC_EOI 0x20u
#define VEC_TIMER 0x08u
#define VEC_KEYBOARD 0x09u
#define VEC_KBD_SERVICE 0x16u
#define VEC_DOS 0x21u
#define VEC_USER_TICK 0x1Cu

/* INT 1Ch; push ax; mov al, 20h; out 20h, al; pop ax; iret */
static const uint8_t timer_tail[] = { OP_INT, VEC_USER_TICK, 0x50, 0xB0, PIC_EOI,
                                      0xE6, PIC_MASTER_PORT, 0x58, OP_IRET };

/* push ax; in al, 60h; mov ah, 4Fh; stc; int 15h; jnc eoi;
 * pushf; call far F000:stub09; eoi: cli; mov al, 20h; out 20h, al;
 * pop ax; iret. The call's offset is patched in by rom_init. */
static const uint8_t kbd_entry[] = { 0x50, 0xE4, 0x60, 0xB4, 0x4F, 0xF9, OP_INT, 0x15,
                                     0x73, 0x06, 0x9C, 0x9A, 0x00, 0x00, 0x00, 0xF0,
                                     0xFA, 0xB0, PIC_EOI, 0xE6, PIC_MASTER_PORT, 0x58,
                                     OP_IRET };
#define KBD_ENTRY_CALL_OFF 12u

/* INT 10h/1Bh static functionality table (RBIL INT 10/AX=1B00h, table
 * "Static Functionality Table"): modes 0-3 and 7, 200/350/400 lines, 8
 * font blocks, blink toggle and palette functions. */
static const uint8_t video_functionality[16] = {
    0x8F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, 0x02, 0x08, 0xFF, 0x0E,
    0x00, 0x00, 0x00, 0x00,
};

/* INT 15h/C0h configuration table (RBIL INT 15/AH=C0h): length 8, model
 * FCh/01h, revision 0, feature byte 1: second PIC (bit 6), RTC (bit 5),
 * INT 15h/4Fh called by INT 09h (bit 4); feature bytes 2-5 zero. */
static const uint8_t config_table[10] = { 0x08, 0x00, ROM_MODEL_AT, ROM_SUBMODEL, 0x00,
                                          0x70, 0x00, 0x00, 0x00, 0x00 };

static void put(struct machine *m, uint16_t off, const uint8_t *b, size_t n)
{
    mem_write(m, mem_lin(ROM_SEG, off), b, n);
}

/* sti; hlt; cli; jmp <stub of vector>: wait for an interrupt, then call
 * the service again on the caller's frame. */
static void put_wait(struct machine *m, uint16_t off, uint8_t vector)
{
    static const uint8_t wait[] = { 0xFB, OP_HLT, 0xFA, OP_JMP_NEAR };
    put(m, off, wait, sizeof wait);
    mem_wr16(m, mem_lin(ROM_SEG, off + sizeof wait),
             (uint16_t)(rom_stub_off(vector) - (off + sizeof wait + 2)));
}

void rom_init(struct machine *m)
{
    uint32_t base = mem_lin(ROM_SEG, 0);
    for (unsigned v = 0; v < 256; v++) {
        uint32_t s = base + rom_stub_off((uint8_t)v);
        mem_wr8(m, s, OP_HLT);
        if (v == VEC_TIMER) {
            /* After the host counted the tick: the timer tail. */
            mem_wr8(m, s + 1, OP_JMP_NEAR);
            mem_wr16(m, s + 2, (uint16_t)(ROM_TIMER_TAIL_OFF - (rom_stub_off(VEC_TIMER) + 4)));
        } else {
            mem_wr8(m, s + 1, OP_IRET);
            mem_wr8(m, s + 2, OP_NOP);
            mem_wr8(m, s + 3, OP_NOP);
        }
    }
    mem_wr8(m, base + ROM_IRET_OFF, OP_IRET);
    put(m, ROM_TIMER_TAIL_OFF, timer_tail, sizeof timer_tail);
    put(m, ROM_KBD_ENTRY_OFF, kbd_entry, sizeof kbd_entry);
    mem_wr16(m, base + ROM_KBD_ENTRY_OFF + KBD_ENTRY_CALL_OFF, rom_stub_off(VEC_KEYBOARD));

    put_wait(m, ROM_KBD_WAIT_OFF, VEC_KBD_SERVICE);
    put_wait(m, ROM_DOS_WAIT_OFF, VEC_DOS);

    put(m, ROM_VIDEO_FUNC_OFF, video_functionality, sizeof video_functionality);
    put(m, ROM_CONFIG_OFF, config_table, sizeof config_table);

    /* Reset vector: jump to the INT 19h stub, which ends vdm. */
    mem_wr8(m, base + ROM_RESET_OFF, OP_JMP_FAR);
    mem_wr16(m, base + ROM_RESET_OFF + 1, rom_stub_off(0x19));
    mem_wr16(m, base + ROM_RESET_OFF + 3, ROM_SEG);
    mem_wr8(m, base + ROM_MODEL_OFF, ROM_MODEL_AT);
}

void rom_install_ivt(struct machine *m)
{
    for (unsigned v = 0; v < 256; v++) {
        uint16_t off = ROM_IRET_OFF;
        if (v == VEC_KEYBOARD && m->int_handlers[v])
            off = ROM_KBD_ENTRY_OFF;
        else if (m->int_handlers[v])
            off = rom_stub_off((uint8_t)v);
        mem_wr16(m, v * 4u, off);
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
