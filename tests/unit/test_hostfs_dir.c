/*
 * dos/dir.c on a machine with several drives, for what a DOS test program
 * run as C: alone cannot reach: renames across drives (11h), a read-only
 * drive refusing every change (05h), INT 21h/57h stamping a real host
 * file through a handle (at close, as MS-DOS), and the device names 3Dh
 * knows in any directory, case and extension. The INT 21h functions are called directly with
 * registers and guest memory set up by the test.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "dos/dos.h"
#include "dos/handle.h"
#include "dos/int21.h"
#include "dos/psp.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define DRIVE_C 2
#define DRIVE_D 3
#define DRIVE_R 17
#define PSP_SEG 0x2000
#define STR_SEG 0x3000
#define STR_A 0x0000
#define STR_B 0x0100
#define FILE_HANDLE 5
#define JFT_ENTRIES 20
#define JFT_CLOSED 0xFF

struct fixture {
    char base[64];
    struct machine *m;
};

static void touch(const char *base, const char *rel)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs("data", f);
    fclose(f);
}

static void mount(struct fixture *f, int drive, const char *rel, bool ro)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", f->base, rel);
    assert_int_equal(mkdir(p, 0755), 0);
    assert_int_equal(hostfs_mount(&f->m->dos->fs, drive, p, ro), 0);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->base, sizeof f->base, "%s/hostfs-dir.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(f->base));
    f->m = machine_create();
    assert_non_null(f->m);
    assert_true(dos_init(f->m));
    mount(f, DRIVE_C, "c", false);
    mount(f, DRIVE_D, "d", false);
    mount(f, DRIVE_R, "r", true);
    touch(f->base, "c/A.TXT");
    touch(f->base, "r/F.TXT");
    char p[256];
    snprintf(p, sizeof p, "%s/r/SUB", f->base);
    assert_int_equal(mkdir(p, 0755), 0);

    /* A PSP whose JFT is closed but for FILE_HANDLE. */
    struct machine *m = f->m;
    uint32_t psp = mem_lin(PSP_SEG, 0);
    mem_wr16(m, psp + PSP_JFT_SIZE, JFT_ENTRIES);
    mem_wr16(m, psp + PSP_JFT_PTR, PSP_JFT);
    mem_wr16(m, psp + PSP_JFT_PTR + 2, PSP_SEG);
    for (unsigned i = 0; i < JFT_ENTRIES; i++)
        mem_wr8(m, psp + PSP_JFT + i, JFT_CLOSED);
    m->dos->cur_psp = PSP_SEG;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    dos_destroy(f->m);
    machine_destroy(f->m);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s'; rm -rf '%s'", f->base, f->base);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

/* Call INT 21h function `fn` with AX = ax and, when given, DS:DX -> a,
 * ES:DI -> b; other registers are the caller's. */
static void call(struct machine *m, void (*fn)(struct machine *), uint16_t ax, const char *a,
                 const char *b)
{
    m->r.ax.w = ax;
    m->r.ds = m->r.es = STR_SEG;
    m->r.flags = 0;
    if (a) {
        m->r.dx.w = STR_A;
        assert_true(mem_write(m, mem_lin(STR_SEG, STR_A), a, strlen(a) + 1));
    }
    if (b) {
        m->r.di.w = STR_B;
        assert_true(mem_write(m, mem_lin(STR_SEG, STR_B), b, strlen(b) + 1));
    }
    fn(m);
}

static bool failed_with(struct machine *m, uint16_t code)
{
    return (m->r.flags & FLAG_CF) && m->r.ax.w == code;
}

static void test_rename_across_drives(void **state)
{
    struct fixture *f = *state;
    struct machine *m = f->m;
    call(m, dos_fn_rename, 0x5600, "C:\\A.TXT", "D:\\A.TXT");
    assert_true(failed_with(m, DOS_ERR_NOT_SAME_DEVICE));
    call(m, dos_fn_rename, 0x5600, "a.txt", "D:B.TXT");
    assert_true(failed_with(m, DOS_ERR_NOT_SAME_DEVICE));
    call(m, dos_fn_rename, 0x5600, "a.txt", "b.txt");
    assert_false(m->r.flags & FLAG_CF);
}

static void test_readonly_drive(void **state)
{
    struct fixture *f = *state;
    struct machine *m = f->m;
    call(m, dos_fn_mkdir, 0x3900, "R:\\NEW", NULL);
    assert_true(failed_with(m, DOS_ERR_ACCESS_DENIED));
    call(m, dos_fn_rmdir, 0x3A00, "R:\\SUB", NULL);
    assert_true(failed_with(m, DOS_ERR_ACCESS_DENIED));
    call(m, dos_fn_unlink, 0x4100, "R:\\F.TXT", NULL);
    assert_true(failed_with(m, DOS_ERR_ACCESS_DENIED));
    call(m, dos_fn_rename, 0x5600, "R:\\F.TXT", "R:\\G.TXT");
    assert_true(failed_with(m, DOS_ERR_ACCESS_DENIED));
    m->r.cx.w = HOSTFS_ATTR_READONLY;
    call(m, dos_fn_attrib, 0x4301, "R:\\F.TXT", NULL);
    assert_true(failed_with(m, DOS_ERR_ACCESS_DENIED));
    /* Reading is fine. */
    call(m, dos_fn_attrib, 0x4300, "R:\\F.TXT", NULL);
    assert_false(m->r.flags & FLAG_CF);
    char p[256];
    snprintf(p, sizeof p, "%s/r/F.TXT", f->base);
    assert_int_equal(access(p, F_OK), 0);
    snprintf(p, sizeof p, "%s/r/NEW", f->base);
    assert_int_equal(access(p, F_OK), -1);
}

static void test_getcwd_other_drive(void **state)
{
    struct fixture *f = *state;
    struct machine *m = f->m;
    char p[256];
    snprintf(p, sizeof p, "%s/d/Deep", f->base);
    assert_int_equal(mkdir(p, 0755), 0);
    call(m, dos_fn_chdir, 0x3B00, "d:deep", NULL);
    assert_false(m->r.flags & FLAG_CF);
    assert_int_equal(m->dos->cur_drive, DRIVE_C); /* 3Bh never switches drive */
    m->r.dx.l = DRIVE_D + 1;
    m->r.si.w = STR_B;
    call(m, dos_fn_getcwd, 0x4700, NULL, NULL);
    assert_false(m->r.flags & FLAG_CF);
    assert_string_equal((const char *)mem_ptr(m, mem_lin(STR_SEG, STR_B), 5), "DEEP");
}

static void test_file_time_by_handle(void **state)
{
    struct fixture *f = *state;
    struct machine *m = f->m;
    char p[256];
    snprintf(p, sizeof p, "%s/c/A.TXT", f->base);
    int sft = dos_sft_alloc(m);
    assert_true(sft >= 0);
    struct dos_sft_entry *e = &m->dos->sft[sft];
    e->host_fd = open(p, O_RDWR);
    assert_true(e->host_fd >= 0);
    e->own_fd = true;
    e->dev = DOS_DEV_NONE;
    e->refs = 1;
    mem_wr8(m, mem_lin(PSP_SEG, PSP_JFT + FILE_HANDLE), (uint8_t)sft);

    /* 1999-12-31 23:58:58 */
    const uint16_t date = (19 << 9) | (12 << 5) | 31, tm = (23 << 11) | (58 << 5) | 29;
    m->r.bx.w = FILE_HANDLE;
    m->r.cx.w = tm;
    m->r.dx.w = date;
    call(m, dos_fn_file_time, 0x5701, NULL, NULL);
    assert_false(m->r.flags & FLAG_CF);
    /* a write after the set must not replace it (MS-DOS stamps at close) */
    assert_int_equal(write(e->host_fd, "x", 1), 1);
    m->r.cx.w = m->r.dx.w = 0;
    m->r.bx.w = FILE_HANDLE;
    call(m, dos_fn_file_time, 0x5700, NULL, NULL);
    assert_false(m->r.flags & FLAG_CF);
    assert_int_equal(m->r.cx.w, tm);
    assert_int_equal(m->r.dx.w, date);
    m->r.bx.w = FILE_HANDLE + 1;
    call(m, dos_fn_file_time, 0x5700, NULL, NULL);
    assert_true(failed_with(m, DOS_ERR_INVALID_HANDLE));
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_not_equal(st.st_mtime, hostfs_dos_to_time(date, tm));
    assert_int_equal(dos_handle_close(m, FILE_HANDLE), 0);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mtime, hostfs_dos_to_time(date, tm));
}

/* Device names are devices in any directory, with any extension and in
 * any case, on every drive (RBIL INT 21/AH=3Dh; the MS-DOS 5 device chain
 * of INT 21/AH=52h) -- never a host file, even on a read-only drive; the
 * directory part must exist (03h). */
static void test_device_names(void **state)
{
    struct fixture *f = *state;
    struct machine *m = f->m;
    static const struct {
        const char *path;
        enum dos_dev dev;
    } cases[] = {
        { "NUL", DOS_DEV_NUL },         { "C:\\nul.txt", DOS_DEV_NUL },
        { "R:\\SUB\\PRN.DAT", DOS_DEV_PRN }, { "lpt2", DOS_DEV_PRN },
        { "LPT3.X", DOS_DEV_PRN },      { "com1", DOS_DEV_AUX },
        { "D:COM4.TXT", DOS_DEV_AUX },  { "aux", DOS_DEV_AUX },
        { "CLOCK$", DOS_DEV_CLOCK },    { "Con.Bat", DOS_DEV_CON },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        call(m, dos_fn_open, 0x3D02, cases[i].path, NULL);
        assert_false(m->r.flags & FLAG_CF);
        uint16_t h = m->r.ax.w;
        struct dos_sft_entry *e = dos_handle_sft(m, h);
        assert_non_null(e);
        assert_int_equal(e->dev, cases[i].dev);
        assert_int_equal(dos_handle_close(m, h), 0);
    }
    call(m, dos_fn_open, 0x3D00, "NODIR\\NUL", NULL);
    assert_true(failed_with(m, DOS_ERR_PATH_NOT_FOUND));
    /* not device names: a longer base, or the name as a directory */
    call(m, dos_fn_open, 0x3D00, "NULL", NULL);
    assert_true(failed_with(m, DOS_ERR_FILE_NOT_FOUND));
    call(m, dos_fn_open, 0x3D00, "LPT4", NULL);
    assert_true(failed_with(m, DOS_ERR_FILE_NOT_FOUND));
    call(m, dos_fn_create, 0x3C00, "R:\\COM5", NULL);
    assert_true(failed_with(m, DOS_ERR_ACCESS_DENIED));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_rename_across_drives, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly_drive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_getcwd_other_drive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_time_by_handle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_device_names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
