/*
 * Ctrl-C: the break routine and raising it (see ctrlc.h).
 */
#include "dos/ctrlc.h"

#include "bios/rom.h"
#include "dos/dos.h"
#include "dos/dosdata.h"
#include "dos/handle.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define VEC_DOS 0x21
#define VEC_CTRL_C 0x23

/* The routine, at DOS_DATA_SEG:DD_BREAK_STUB (8086 code):
 *   mov [cs:save], sp ; clc ; int 23h ; jc abort
 *   cmp sp, [cs:save] ; je again ; add sp, 2      (RETF: drop FLAGS)
 *   again: jmp far F000:stub(21h)
 *   abort: cmp sp, [cs:save] ; je quit ; add sp, 2
 *   quit:  jmp far F000:stub(23h)                  (default: terminate) */
static void ctrlc_emit(uint8_t *p, unsigned *n, const uint8_t *b, unsigned len)
{
    for (unsigned i = 0; i < len; i++)
        p[(*n)++] = b[i];
}

void dos_ctrlc_init(struct machine *m)
{
    uint8_t code[DD_BREAK_STUB_SIZE];
    unsigned n = 0;
    const uint8_t save_lo = DD_BREAK_SAVE & 0xFF, save_hi = DD_BREAK_SAVE >> 8;
    const uint8_t mov_save[] = { 0x2E, 0x89, 0x26, save_lo, save_hi };
    const uint8_t clc_int23[] = { 0xF8, 0xCD, VEC_CTRL_C };
    const uint8_t cmp_save[] = { 0x2E, 0x3B, 0x26, save_lo, save_hi };
    const uint8_t je_3[] = { 0x74, 0x03 };
    const uint8_t add_sp_2[] = { 0x83, 0xC4, 0x02 };
    uint16_t s21 = rom_stub_off(VEC_DOS), s23 = rom_stub_off(VEC_CTRL_C);
    const uint8_t jmp21[] = { 0xEA, (uint8_t)s21, (uint8_t)(s21 >> 8), 0x00, ROM_SEG >> 8 };
    const uint8_t jmp23[] = { 0xEA, (uint8_t)s23, (uint8_t)(s23 >> 8), 0x00, ROM_SEG >> 8 };
    ctrlc_emit(code, &n, mov_save, sizeof mov_save);
    ctrlc_emit(code, &n, clc_int23, sizeof clc_int23);
    const uint8_t jc_abort[] = {
        0x72, (uint8_t)(sizeof cmp_save + sizeof je_3 + sizeof add_sp_2 + sizeof jmp21),
    };
    ctrlc_emit(code, &n, jc_abort, sizeof jc_abort);
    for (int i = 0; i < 2; i++) {
        ctrlc_emit(code, &n, cmp_save, sizeof cmp_save);
        ctrlc_emit(code, &n, je_3, sizeof je_3);
        ctrlc_emit(code, &n, add_sp_2, sizeof add_sp_2);
        ctrlc_emit(code, &n, i == 0 ? jmp21 : jmp23, sizeof jmp21);
    }
    mem_write(m, mem_lin(DOS_DATA_SEG, DD_BREAK_STUB), code, n);
}

bool dos_ctrlc_raise(struct machine *m)
{
    /* Only a call that came in through the INT 21h stub has the caller's
     * INT frame at the entry SS:SP for the restart to return through
     * (not CALL 5, nor a host-side caller of dos_int21_dispatch). */
    const struct cpu_regs *in = &m->dos->call_regs;
    if (in->cs != ROM_SEG || in->ip.w != rom_stub_iret_off(VEC_DOS))
        return false;
    static const char echo[] = "^C\r\n";
    dos_handle_write(m, DOS_STDOUT, echo, sizeof echo - 1);
    vdm_trace(m, TRACE_DOS, "Ctrl-C: calling INT 23h");
    m->r = m->dos->call_regs;
    m->r.cs = DOS_DATA_SEG;
    m->r.ip.w = DD_BREAK_STUB;
    return true;
}
