/*
 * Handle table bookkeeping (dos/handle.c) against a trivial model: random
 * opens of NUL, dups (45h), force-dups (46h) and closes (3Eh) on one PSP,
 * SQLite-bitvec style. The model is an array "handle -> open-file id"; after
 * every step the call's success, error code and returned handle must match
 * it, and each SFT entry's reference count must equal the number of JFT
 * slots that point at it (the invariant that keeps host fds from closing
 * early or leaking).
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

#include "dos/dos.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "dos/psp.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define TEST_PSP 0x1000
#define TEST_DATA_SEG 0x3000 /* where the path "NUL" sits */
#define STEPS 5000
#define CLOSED (-1)

struct model {
    int file[PSP_JFT_ENTRIES]; /* open-file id per handle, CLOSED */
    int next_id;
};

static struct machine *make_machine(void)
{
    struct machine *m = machine_create();
    assert_non_null(m);
    assert_true(dos_init(m));
    psp_build(m, TEST_PSP, 0x2000, 0, 0, "", 0, 0);
    m->dos->cur_psp = TEST_PSP;
    uint32_t jft = mem_lin(TEST_PSP, PSP_JFT);
    for (int h = DOS_STDIN; h <= DOS_STDPRN; h++) {
        mem_wr8(m, jft + (uint32_t)h, (uint8_t)h);
        m->dos->sft[h].refs++;
    }
    mem_write(m, mem_lin(TEST_DATA_SEG, 0), "NUL", 4);
    return m;
}

static void model_init(struct model *md)
{
    for (int h = 0; h < PSP_JFT_ENTRIES; h++)
        md->file[h] = h <= DOS_STDPRN ? h : CLOSED;
    md->next_id = DOS_STDPRN + 1;
}

static int model_free_slot(const struct model *md)
{
    for (int h = 0; h < PSP_JFT_ENTRIES; h++)
        if (md->file[h] == CLOSED)
            return h;
    return -1;
}

static bool model_open(const struct model *md, int h)
{
    return h >= 0 && h < PSP_JFT_ENTRIES && md->file[h] != CLOSED;
}

/* Run INT 21h function AH with BX, CX; returns AX, *cf = carry. */
static uint16_t call(struct machine *m, uint16_t ax, uint16_t bx, uint16_t cx, bool *cf)
{
    m->r.ax.w = ax;
    m->r.bx.w = bx;
    m->r.cx.w = cx;
    m->r.ds = TEST_DATA_SEG;
    m->r.dx.w = 0;
    m->r.flags = 0;
    dos_int21_dispatch(m);
    *cf = (m->r.flags & FLAG_CF) != 0;
    return m->r.ax.w;
}

/* The JFT and SFT agree with the model: same handles open, handles of one
 * model file share one SFT entry, and refs count the JFT slots. */
static void check_tables(struct machine *m, const struct model *md)
{
    int sft_of_file[PSP_JFT_ENTRIES * 64];
    for (size_t i = 0; i < sizeof sft_of_file / sizeof sft_of_file[0]; i++)
        sft_of_file[i] = -1;
    int counted[DOS_SFT_SIZE] = { 0 };
    for (int h = 0; h < PSP_JFT_ENTRIES; h++) {
        int idx = dos_handle_sft_index(m, (uint16_t)h);
        assert_int_equal(idx >= 0, md->file[h] != CLOSED);
        if (idx < 0)
            continue;
        counted[idx]++;
        int id = md->file[h];
        assert_true(id < (int)(sizeof sft_of_file / sizeof sft_of_file[0]));
        if (sft_of_file[id] < 0)
            sft_of_file[id] = idx;
        assert_int_equal(sft_of_file[id], idx);
    }
    for (int i = 0; i < DOS_SFT_SIZE; i++)
        assert_int_equal(m->dos->sft[i].refs, counted[i]);
}

static void test_handles_follow_model(void **state)
{
    (void)state;
    struct machine *m = make_machine();
    struct model md;
    model_init(&md);
    srand(12345);
    for (int step = 0; step < STEPS && md.next_id < PSP_JFT_ENTRIES * 64; step++) {
        int a = rand() % (PSP_JFT_ENTRIES + 2); /* a few out of range */
        int b = rand() % (PSP_JFT_ENTRIES + 2);
        bool cf;
        uint16_t ax;
        switch (rand() % 4) {
        case 0: { /* open NUL */
            int want = model_free_slot(&md);
            ax = call(m, 0x3D02, 0, 0, &cf);
            assert_int_equal(cf, want < 0);
            if (want < 0) {
                assert_int_equal(ax, DOS_ERR_TOO_MANY_OPEN_FILES);
            } else {
                assert_int_equal(ax, want);
                md.file[want] = md.next_id++;
            }
            break;
        }
        case 1: { /* 45h dup a */
            int want = model_free_slot(&md);
            ax = call(m, 0x4500, (uint16_t)a, 0, &cf);
            if (!model_open(&md, a)) {
                assert_true(cf);
                assert_int_equal(ax, DOS_ERR_INVALID_HANDLE);
            } else if (want < 0) {
                assert_true(cf);
                assert_int_equal(ax, DOS_ERR_TOO_MANY_OPEN_FILES);
            } else {
                assert_false(cf);
                assert_int_equal(ax, want);
                md.file[want] = md.file[a];
            }
            break;
        }
        case 2: /* 46h force a onto b */
            ax = call(m, 0x4600, (uint16_t)a, (uint16_t)b, &cf);
            if (!model_open(&md, a) || b >= PSP_JFT_ENTRIES) {
                assert_true(cf);
                assert_int_equal(ax, DOS_ERR_INVALID_HANDLE);
            } else {
                assert_false(cf);
                md.file[b] = md.file[a];
            }
            break;
        default: /* 3Eh close a */
            ax = call(m, 0x3E00, (uint16_t)a, 0, &cf);
            assert_int_equal(cf, !model_open(&md, a));
            if (cf)
                assert_int_equal(ax, DOS_ERR_INVALID_HANDLE);
            else
                md.file[a] = CLOSED;
            break;
        }
        check_tables(m, &md);
    }
    dos_destroy(m);
    machine_destroy(m);
}

/* Closing every handle leaves no SFT entry referenced. */
static void test_close_all_releases(void **state)
{
    (void)state;
    struct machine *m = make_machine();
    bool cf;
    uint16_t h = call(m, 0x3D00, 0, 0, &cf);
    assert_false(cf);
    call(m, 0x4500, h, 0, &cf);
    call(m, 0x4600, h, 1, &cf);
    dos_handles_close_all(m, TEST_PSP);
    for (int i = 0; i < DOS_SFT_SIZE; i++)
        assert_int_equal(m->dos->sft[i].refs, 0);
    dos_destroy(m);
    machine_destroy(m);
}

/* Every SFT entry in use: an open fails with 4 and takes no JFT slot. */
static void test_sft_full(void **state)
{
    (void)state;
    struct machine *m = make_machine();
    for (int i = 0; i < DOS_SFT_SIZE; i++)
        if (m->dos->sft[i].refs == 0)
            m->dos->sft[i].refs = 1;
    bool cf;
    uint16_t ax = call(m, 0x3D00, 0, 0, &cf);
    assert_true(cf);
    assert_int_equal(ax, DOS_ERR_TOO_MANY_OPEN_FILES);
    assert_int_equal(dos_handle_sft_index(m, DOS_STDPRN + 1), -1);
    for (int i = DOS_STDPRN + 1; i < DOS_SFT_SIZE; i++)
        m->dos->sft[i].refs = 0;
    dos_destroy(m);
    machine_destroy(m);
}

/* A read-only drive (--drive=X=DIR,ro) refuses 3Ch and write opens with
 * 5 and still opens for reading. Needs hostfs_resolve. */
static void test_readonly_drive(void **state)
{
    (void)state;
    char dir[] = "/tmp/vdm-test-handle.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char file[sizeof dir + 16];
    snprintf(file, sizeof file, "%s/RO.TXT", dir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("x", f);
    fclose(f);

    struct machine *m = make_machine();
    assert_int_equal(hostfs_mount(&m->dos->fs, 3, dir, true), 0);
    mem_write(m, mem_lin(TEST_DATA_SEG, 0), "D:\\RO.TXT", 10);
    bool cf;
    uint16_t ax = call(m, 0x3D02, 0, 0, &cf);
    assert_true(cf);
    assert_int_equal(ax, DOS_ERR_ACCESS_DENIED);
    ax = call(m, 0x3D01, 0, 0, &cf);
    assert_true(cf);
    assert_int_equal(ax, DOS_ERR_ACCESS_DENIED);
    ax = call(m, 0x3C00, 0, 0, &cf);
    assert_true(cf);
    assert_int_equal(ax, DOS_ERR_ACCESS_DENIED);
    ax = call(m, 0x3D00, 0, 0, &cf);
    assert_false(cf);
    struct dos_sft_entry *e = dos_handle_sft(m, ax);
    assert_non_null(e);
    assert_int_equal(e->drive, 3);
    dos_destroy(m);
    machine_destroy(m);
    f = fopen(file, "r"); /* 3Ch did not truncate it */
    assert_non_null(f);
    assert_int_equal(fgetc(f), 'x');
    fclose(f);
    remove(file);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_handles_follow_model),
        cmocka_unit_test(test_close_all_releases),
        cmocka_unit_test(test_sft_full),
        cmocka_unit_test(test_readonly_drive),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
