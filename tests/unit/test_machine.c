/*
 * The machine core: guest memory bounds, the port registry, ROM stub
 * addressing, and two machines running side by side in one process (no
 * shared mutable state).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bios/bios.h"
#include "bios/rom.h"
#include "dos/dos.h"
#include "hw/hw.h"
#include "vdm/fault.h"
#include "vdm/machine.h"
#include "vdm/mem.h"
#include "vdm/run.h"

static void test_mem_ptr_bounds(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    assert_non_null(m);
    assert_non_null(mem_ptr(m, 0, MEM_SIZE));
    assert_non_null(mem_ptr(m, MEM_SIZE - 1, 1));
    assert_non_null(mem_ptr(m, MEM_SIZE, 0));
    assert_null(mem_ptr(m, MEM_SIZE - 1, 2));
    assert_null(mem_ptr(m, MEM_SIZE + 1, 0));
    assert_null(mem_ptr(m, 0xFFFFFFFFu, 2)); /* no wrap-around in the check */
    machine_destroy(m);
}

static void test_a20_wrap(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    /* With A20 off, FFFF:0010 is linear 0, as CALL 5 in the PSP needs. */
    mem_wr8(m, 0, 0x5A);
    assert_int_equal(mem_rd8(m, mem_lin(0xFFFF, 0x0010)), 0x5A);
    m->a20_mask = 0xFFFFFFFFu;
    mem_wr8(m, mem_lin(0xFFFF, 0x0010), 0xA5);
    assert_int_equal(mem_rd8(m, 0), 0x5A);
    assert_int_equal(m->mem[0x100000], 0xA5);
    /* Past the HMA: an empty bus. */
    assert_int_equal(mem_rd8(m, MEM_SIZE), 0xFF);
    machine_destroy(m);
}

static void count_io(struct machine *m, void *ctx, uint16_t port, bool is_write,
                     unsigned size, uint32_t *val)
{
    (void)m;
    (void)size;
    unsigned *hits = ctx;
    (*hits)++;
    if (!is_write)
        *val = port;
}

static void test_port_registry(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    unsigned hits = 0;
    assert_true(port_register(m, 0x40, 4, count_io, &hits));
    assert_false(port_register(m, 0x43, 2, count_io, &hits)); /* overlaps */
    assert_false(port_register(m, 0x3E, 3, count_io, &hits)); /* overlaps */
    assert_true(port_register(m, 0x44, 1, count_io, &hits));  /* adjacent */
    uint32_t v = 0;
    port_io(m, 0x42, false, 1, &v);
    assert_int_equal(v, 0x42);
    assert_int_equal(hits, 1);
    port_io(m, 0xE0, false, 1, &v);
    assert_int_equal(v, 0xFF);
    port_io(m, 0xE0, false, 2, &v);
    assert_int_equal(v, 0xFFFF);
    port_io(m, 0xE0, true, 1, &v); /* vanishes */
    assert_int_equal(hits, 1);
    machine_destroy(m);
}

static void test_rom_stub_vector(void **state)
{
    (void)state;
    for (unsigned v = 0; v < 256; v++)
        assert_int_equal(rom_stub_vector(ROM_SEG, (uint16_t)(rom_stub_off((uint8_t)v) + 1)), (int)v);
    assert_int_equal(rom_stub_vector(ROM_SEG, rom_stub_off(0x21)), -1); /* not past HLT */
    assert_int_equal(rom_stub_vector(ROM_SEG, (uint16_t)(rom_stub_off(0x21) + 2)), -1);
    assert_int_equal(rom_stub_vector(0x1234, (uint16_t)(rom_stub_off(0x21) + 1)), -1);
    assert_int_equal(rom_stub_vector(ROM_SEG, ROM_IRET_OFF + 1), -1);
}

/* Write a .COM image to a temp file; returns its path (static buffer per call). */
static void write_com(char *path, size_t cap, const uint8_t *code, size_t len)
{
    snprintf(path, cap, "/tmp/vdm-unit-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, code, len), (ssize_t)len);
    close(fd);
}

static struct machine *boot(const char *path)
{
    struct machine *m = machine_create();
    assert_non_null(m);
    m->cpu = cpu_backend_find("x86emu");
    assert_non_null(m->cpu);
    assert_true(hw_init(m));
    assert_true(bios_init(m));
    assert_true(dos_init(m));
    fault_init(m);
    rom_install_ivt(m);
    const char *env[] = { "A=1", NULL };
    struct dos_start st = { path, "C:\\T.COM", "", env };
    char err[128];
    assert_int_equal(dos_start_program(m, &st, err, sizeof err), DOS_LOAD_OK);
    assert_true(m->cpu->create(m));
    return m;
}

static void test_two_machines(void **state)
{
    (void)state;
    /* Each program stores a marker at DS:0200h, then exits with its own
     * code: the machines must not see each other's memory or results. */
    static const uint8_t prog_a[] = { 0xC6, 0x06, 0x00, 0x02, 0xAA, /* mov byte [200h],0AAh */
                                      0xB8, 0x11, 0x4C, 0xCD, 0x21 }; /* mov ax,4C11h; int 21h */
    static const uint8_t prog_b[] = { 0xC6, 0x06, 0x00, 0x02, 0xBB,
                                      0xB8, 0x22, 0x4C, 0xCD, 0x21 };
    char pa[64], pb[64];
    write_com(pa, sizeof pa, prog_a, sizeof prog_a);
    write_com(pb, sizeof pb, prog_b, sizeof prog_b);
    struct machine *a = boot(pa);
    struct machine *b = boot(pb);
    uint16_t psp_a = a->r.ds, psp_b = b->r.ds;

    assert_int_equal(run_machine(a), RUN_EXITED);
    assert_int_equal(run_machine(b), RUN_EXITED);
    assert_int_equal(a->exit_code, 0x11);
    assert_int_equal(b->exit_code, 0x22);
    assert_int_equal(mem_rd8(a, mem_lin(psp_a, 0x200)), 0xAA);
    assert_int_equal(mem_rd8(b, mem_lin(psp_b, 0x200)), 0xBB);

    a->cpu->destroy(a);
    b->cpu->destroy(b);
    dos_destroy(a);
    dos_destroy(b);
    free(a->bios);
    free(b->bios);
    machine_destroy(a);
    machine_destroy(b);
    unlink(pa);
    unlink(pb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mem_ptr_bounds),
        cmocka_unit_test(test_a20_wrap),
        cmocka_unit_test(test_port_registry),
        cmocka_unit_test(test_rom_stub_vector),
        cmocka_unit_test(test_two_machines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
