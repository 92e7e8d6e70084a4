/*
 * The .COM/.EXE loader (dos/loader.c) against good and malformed files.
 *
 * Every file is handed to the loader in a heap buffer of exactly its own
 * size, so a read past its end is a heap overflow the sanitizer build
 * reports; guest memory around the load area is filled with a guard
 * pattern and checked afterwards, so a write outside the block is caught
 * in every build. Header layout: RBIL INT 21/AH=4Bh, "Format of .EXE file
 * header".
 */
#include <errno.h>
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
#include "dos/loader.h"
#include "dos/mem.h"
#include "dos/psp.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define LOAD_SEG 0x2000u
#define GUARD 0xA5

/* A file image in a heap buffer of exactly `size` bytes. */
struct file {
    uint8_t *data;
    size_t size;
};

static struct file file_new(size_t size, uint8_t fill)
{
    struct file f = { malloc(size ? size : 1), size };
    assert_non_null(f.data);
    memset(f.data, fill, size);
    return f;
}

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

/* An MZ file: a 2-paragraph header, `relocs` entries at 1Ch, `body` bytes
 * of load module (byte i = i & FFh), pages/last-page that tell the truth. */
static struct file mz_new(uint32_t body, uint16_t relocs)
{
    const uint32_t hdr = 0x20 + ((relocs * 4u + 15) & ~15u);
    struct file f = file_new(hdr + body, 0);
    uint32_t total = hdr + body;
    f.data[0] = 'M';
    f.data[1] = 'Z';
    put16(f.data + MZ_LAST_PAGE_BYTES, (uint16_t)(total % MZ_PAGE));
    put16(f.data + MZ_PAGES, (uint16_t)((total + MZ_PAGE - 1) / MZ_PAGE));
    put16(f.data + MZ_RELOC_COUNT, relocs);
    put16(f.data + MZ_HEADER_PARAS, (uint16_t)(hdr / 16));
    put16(f.data + MZ_MIN_ALLOC, 0x10);
    put16(f.data + MZ_MAX_ALLOC, 0xFFFF);
    put16(f.data + MZ_SS, 0x0002);
    put16(f.data + MZ_SP, 0x0100);
    put16(f.data + MZ_IP, 0x0004);
    put16(f.data + MZ_CS, 0x0001);
    put16(f.data + MZ_RELOC_OFF, MZ_HEADER_MIN);
    for (uint32_t i = 0; i < body; i++)
        f.data[hdr + i] = (uint8_t)i;
    return f;
}

static void set_reloc(struct file *f, unsigned i, uint16_t seg, uint16_t off)
{
    put16(f->data + MZ_HEADER_MIN + 4 * i, off);
    put16(f->data + MZ_HEADER_MIN + 4 * i + 2, seg);
}

struct fixture {
    struct machine *m;
};

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    fx->m = machine_create();
    assert_non_null(fx->m);
    assert_true(dos_init(fx->m));
    /* Guard pattern over all conventional memory above the arena's
     * first MCB area, so stray writes show. */
    memset(fx->m->mem + mem_lin(0x1000, 0), GUARD, MEM_CONV_SIZE - mem_lin(0x1000, 0));
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    dos_destroy(fx->m);
    machine_destroy(fx->m);
    free(fx);
    return 0;
}

/* Guest memory outside [seg:0, seg:0 + bytes) still holds the guard. */
static void assert_guard_outside(struct machine *m, uint16_t seg, uint32_t bytes)
{
    uint32_t lo = mem_lin(seg, 0), hi = lo + bytes;
    for (uint32_t a = mem_lin(0x1000, 0); a < MEM_CONV_SIZE; a++) {
        if (a >= lo && a < hi)
            continue;
        if (m->mem[a] != GUARD)
            fail_msg("guest byte %05Xh changed to %02Xh (load area %05Xh-%05Xh)", a,
                     m->mem[a], lo, hi);
    }
}

static bool parse(const struct file *f, bool com_name, struct dos_image *img, char *err)
{
    err[0] = 0;
    bool ok = dos_image_parse(f->data, f->size, com_name, img, err, 128);
    if (!ok)
        assert_true(err[0] != 0); /* a refusal always says why */
    return ok;
}

/* loader-1: a small .COM is loaded verbatim and nothing else is touched. */
static void test_com_valid(void **state)
{
    struct fixture *fx = *state;
    struct file f = file_new(5, 0);
    memcpy(f.data, "\xB4\x4C\xCD\x21\xC3", 5);
    struct dos_image img;
    char err[128];
    assert_true(parse(&f, true, &img, err));
    assert_false(img.is_exe);
    assert_int_equal(img.image_off, 0);
    assert_int_equal(img.image_size, 5);
    assert_true(img.min_paras >= 1);
    assert_true(img.max_paras >= 0x1000); /* a .COM wants a whole segment */
    assert_true(dos_image_place(fx->m, f.data, f.size, &img, LOAD_SEG, LOAD_SEG, 0x1000, err,
                                sizeof err));
    assert_memory_equal(fx->m->mem + mem_lin(LOAD_SEG, 0), f.data, 5);
    assert_guard_outside(fx->m, LOAD_SEG, 5);
    free(f.data);
}

/* loader-2: the .COM size limit is 65,280 bytes (64 KiB less the PSP);
 * one byte more is refused. A file without "MZ" is a .COM whatever its
 * name says, as in MS-DOS. */
static void test_com_size_limit(void **state)
{
    struct fixture *fx = *state;
    struct dos_image img;
    char err[128];
    struct file f = file_new(COM_MAX_SIZE, 0x90);
    assert_int_equal(f.size, 65280);
    assert_true(parse(&f, false, &img, err));
    assert_false(img.is_exe);
    assert_int_equal(img.image_size, 65280);
    /* It never needs more than its 64 KiB segment, PSP included. */
    assert_int_equal(PSP_PARAS + img.min_paras, COM_SEGMENT_PARAS);
    assert_true(dos_image_place(fx->m, f.data, f.size, &img, LOAD_SEG, LOAD_SEG, 0x1000, err,
                                sizeof err));
    assert_memory_equal(fx->m->mem + mem_lin(LOAD_SEG, 0), f.data, f.size);
    assert_guard_outside(fx->m, LOAD_SEG, (uint32_t)f.size);
    free(f.data);

    f = file_new(COM_MAX_SIZE + 1, 0x90);
    assert_false(parse(&f, true, &img, err));
    free(f.data);
}

/* loader-3: an empty file is no program. */
static void test_empty(void **state)
{
    (void)state;
    struct file f = file_new(0, 0);
    struct dos_image img;
    char err[128];
    assert_false(parse(&f, true, &img, err));
    assert_false(parse(&f, false, &img, err));
    free(f.data);
}

/* loader-4: "MZ" followed by less than the 28-byte fixed header, at every
 * length from 2 to 27: refused, and no byte past the end is read. */
static void test_mz_short(void **state)
{
    (void)state;
    for (size_t n = 2; n < MZ_HEADER_MIN; n++) {
        struct file f = file_new(n, 0xFF);
        f.data[0] = 'M';
        f.data[1] = 'Z';
        struct dos_image img;
        char err[128];
        assert_false(parse(&f, false, &img, err));
        free(f.data);
    }
}

/* loader-5: a page count longer than the file is refused. */
static void test_mz_lying_pages(void **state)
{
    (void)state;
    struct file f = mz_new(100, 0);
    put16(f.data + MZ_PAGES, 10);
    struct dos_image img;
    char err[128];
    assert_false(parse(&f, false, &img, err));
    free(f.data);
}

/* loader-6: the last-page byte count must be below 512; 511 is the
 * boundary that still parses. */
static void test_mz_last_page_bytes(void **state)
{
    (void)state;
    struct dos_image img;
    char err[128];
    struct file f = mz_new(1024 - 0x20 - 1, 0); /* 1023 bytes: last = 511 */
    assert_int_equal(f.data[MZ_LAST_PAGE_BYTES] | f.data[MZ_LAST_PAGE_BYTES + 1] << 8, 511);
    assert_true(parse(&f, false, &img, err));
    assert_int_equal(img.image_size, 1023 - 0x20);
    put16(f.data + MZ_LAST_PAGE_BYTES, 512);
    assert_false(parse(&f, false, &img, err));
    put16(f.data + MZ_LAST_PAGE_BYTES, 0xFFFF);
    assert_false(parse(&f, false, &img, err));
    free(f.data);
}

/* loader-7: header paragraphs larger than the file. */
static void test_mz_header_too_big(void **state)
{
    (void)state;
    struct file f = mz_new(64, 0);
    put16(f.data + MZ_HEADER_PARAS, 0x100);
    struct dos_image img;
    char err[128];
    assert_false(parse(&f, false, &img, err));
    put16(f.data + MZ_HEADER_PARAS, 0); /* smaller than the fixed header */
    assert_false(parse(&f, false, &img, err));
    free(f.data);
}

/* loader-8: a relocation table that runs past the end of the file, by one
 * entry and by a wild offset. */
static void test_mz_reloc_past_eof(void **state)
{
    (void)state;
    struct file f = mz_new(16, 2);
    struct dos_image img;
    char err[128];
    assert_true(parse(&f, false, &img, err));
    /* The table ends exactly at EOF: still fine. */
    put16(f.data + MZ_RELOC_OFF, (uint16_t)(f.size - 8));
    assert_true(parse(&f, false, &img, err));
    put16(f.data + MZ_RELOC_OFF, (uint16_t)(f.size - 7));
    assert_false(parse(&f, false, &img, err));
    put16(f.data + MZ_RELOC_OFF, 0xFFF0);
    assert_false(parse(&f, false, &img, err));
    put16(f.data + MZ_RELOC_OFF, MZ_HEADER_MIN);
    put16(f.data + MZ_RELOC_COUNT, 0xFFFF);
    assert_false(parse(&f, false, &img, err));
    free(f.data);
}

/* loader-9: a valid EXE is placed and relocated: each fixup adds the
 * relocation base to the word it names; entry values are header values. */
static void test_mz_relocate(void **state)
{
    struct fixture *fx = *state;
    struct file f = mz_new(64, 2);
    set_reloc(&f, 0, 0x0000, 0x0010);  /* word at image offset 10h */
    set_reloc(&f, 1, 0x0002, 0x0002);  /* seg 2, off 2: image offset 22h */
    struct dos_image img;
    char err[128];
    assert_true(parse(&f, false, &img, err));
    assert_true(img.is_exe);
    assert_int_equal(img.image_off, 0x30); /* 1Ch + 8 bytes of table, rounded */
    assert_int_equal(img.image_size, 64);
    assert_int_equal(img.reloc_count, 2);
    assert_int_equal(img.min_paras, 4 + 0x10);
    assert_int_equal(img.cs, 1);
    assert_int_equal(img.ip, 4);
    assert_int_equal(img.ss, 2);
    assert_int_equal(img.sp, 0x100);
    assert_true(dos_image_place(fx->m, f.data, f.size, &img, LOAD_SEG, 0x1234, img.min_paras,
                                err, sizeof err));
    uint32_t base = mem_lin(LOAD_SEG, 0);
    assert_int_equal(mem_rd16(fx->m, base + 0x10), (uint16_t)(0x1110 + 0x1234));
    assert_int_equal(mem_rd16(fx->m, base + 0x22), (uint16_t)(0x2322 + 0x1234));
    assert_int_equal(mem_rd8(fx->m, base + 0x11 + 1), 0x12); /* neighbours untouched */
    assert_int_equal(mem_rd8(fx->m, base + 0x21), 0x21);
    assert_guard_outside(fx->m, LOAD_SEG, 64);
    free(f.data);
}

/* loader-10: a relocation entry outside the block is refused, at the
 * exact boundary: the last word of the block is fine, one byte further
 * (the word straddles the end) and a far-away segment are not. Guest
 * memory past the block stays untouched. */
static void test_mz_reloc_outside_block(void **state)
{
    struct fixture *fx = *state;
    struct file f = mz_new(32, 1);
    struct dos_image img;
    char err[128];
    const uint32_t block = 4; /* paragraphs: 64 bytes */
    set_reloc(&f, 0, 0x0003, 0x000E);  /* offset 3Eh: last word */
    assert_true(parse(&f, false, &img, err));
    assert_true(dos_image_place(fx->m, f.data, f.size, &img, LOAD_SEG, LOAD_SEG, block, err,
                                sizeof err));
    set_reloc(&f, 0, 0x0003, 0x000F);  /* offset 3Fh: straddles the end */
    assert_false(dos_image_place(fx->m, f.data, f.size, &img, LOAD_SEG, LOAD_SEG, block, err,
                                 sizeof err));
    set_reloc(&f, 0, 0xFFFF, 0xFFFF);  /* past 1 MiB */
    assert_false(dos_image_place(fx->m, f.data, f.size, &img, LOAD_SEG, LOAD_SEG, block, err,
                                 sizeof err));
    assert_guard_outside(fx->m, LOAD_SEG, block * 16);
    free(f.data);
}

/* loader-11: an image larger than the memory given to it is refused
 * before anything is copied. */
static void test_image_too_large(void **state)
{
    struct fixture *fx = *state;
    struct file f = mz_new(4096, 0);
    struct dos_image img;
    char err[128];
    assert_true(parse(&f, false, &img, err));
    assert_false(dos_image_place(fx->m, f.data, f.size, &img, LOAD_SEG, LOAD_SEG, 4096 / 16 - 1,
                                 err, sizeof err));
    assert_guard_outside(fx->m, LOAD_SEG, 0);
    /* A block that would run past 1 MiB is refused too. */
    assert_false(dos_image_place(fx->m, f.data, f.size, &img, 0xFFF0, 0xFFF0, 0x1000, err,
                                 sizeof err));
    assert_guard_outside(fx->m, LOAD_SEG, 0);
    free(f.data);
}

/* loader-12: "ZM" is accepted as an EXE signature (MS-DOS does). */
static void test_zm_signature(void **state)
{
    (void)state;
    struct file f = mz_new(32, 0);
    f.data[0] = 'Z';
    f.data[1] = 'M';
    struct dos_image img;
    char err[128];
    assert_true(parse(&f, true, &img, err)); /* even named .COM */
    assert_true(img.is_exe);
    assert_int_equal(img.image_size, 32);
    free(f.data);
}

/* loader-13: min/max allocation: max below min is raised to min; both
 * zero asks for loading high. */
static void test_mz_alloc_fields(void **state)
{
    (void)state;
    struct file f = mz_new(32, 0);
    put16(f.data + MZ_MIN_ALLOC, 0x100);
    put16(f.data + MZ_MAX_ALLOC, 0x10);
    struct dos_image img;
    char err[128];
    assert_true(parse(&f, false, &img, err));
    assert_int_equal(img.min_paras, 2 + 0x100);
    assert_int_equal(img.max_paras, img.min_paras);
    assert_false(img.load_high);
    /* Both zero: load high (Microsoft KB Q25024). */
    put16(f.data + MZ_MIN_ALLOC, 0);
    put16(f.data + MZ_MAX_ALLOC, 0);
    assert_true(parse(&f, false, &img, err));
    assert_true(img.load_high);
    assert_int_equal(img.min_paras, 2);
    put16(f.data + MZ_MAX_ALLOC, 1);
    assert_true(parse(&f, false, &img, err));
    assert_false(img.load_high);
    free(f.data);
}

/* loader-14: dos_read_file: a whole file, a file cut at `cap`, and the
 * errno for a missing file and for a directory (main turns ENOENT into
 * 127, the rest into 126). */
static void test_read_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/vdm-loader-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/P.COM", dir);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite("0123456789", 1, 10, fp), 10);
    fclose(fp);

    size_t size = 0;
    uint8_t *buf = dos_read_file(path, 1000, &size);
    assert_non_null(buf);
    assert_int_equal(size, 10);
    assert_memory_equal(buf, "0123456789", 10);
    free(buf);
    buf = dos_read_file(path, 4, &size);
    assert_non_null(buf);
    assert_int_equal(size, 4);
    free(buf);

    errno = 0;
    assert_null(dos_read_file(dir, 1000, &size));
    assert_int_equal(errno, EISDIR);
    snprintf(path, sizeof path, "%s/NONE.COM", dir);
    assert_null(dos_read_file(path, 1000, &size));
    assert_int_equal(errno, ENOENT);

    snprintf(path, sizeof path, "%s/P.COM", dir);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

/* Write `f` to a fresh temp file; returns its path in `path`. */
static void temp_program(const struct file *f, const char *name, char *dir, char *path,
                         size_t cap)
{
    strcpy(dir, "/tmp/vdm-loader-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(path, cap, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(f->data, 1, f->size, fp), f->size);
    fclose(fp);
}

static void temp_remove(const char *dir, const char *path)
{
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(dir), 0);
}

/* loader-15: the root program: an EXE starts at the relocated CS:IP and
 * SS:SP with DS = ES = PSP; the PSP is its own parent, knows its memory
 * top and environment; the environment holds the strings, the word 1 and
 * the program's DOS path (RBIL INT 21/AH=4Bh, AH=26h). */
static void test_start_exe(void **state)
{
    struct fixture *fx = *state;
    struct machine *m = fx->m;
    struct file f = mz_new(64, 1);
    set_reloc(&f, 0, 0, 0x10);
    char dir[32], path[64], err[128] = "";
    temp_program(&f, "P.EXE", dir, path, sizeof path);
    static const char *const env[] = { "A=1", "PATH=C:\\", NULL };
    struct dos_start st = { path, "C:\\P.EXE", " x", env };
    assert_int_equal(dos_start_program(m, &st, err, sizeof err), DOS_LOAD_OK);
    assert_true(mcb_chain_ok(m));

    uint16_t psp = m->dos->cur_psp;
    uint16_t load = (uint16_t)(psp + PSP_PARAS);
    assert_int_equal(m->dos->root_psp, psp);
    assert_int_equal(m->r.ds, psp);
    assert_int_equal(m->r.es, psp);
    assert_int_equal(m->r.cs, load + 1);
    assert_int_equal(m->r.ip.w, 4);
    assert_int_equal(m->r.ss, load + 2);
    assert_int_equal(m->r.sp.w, 0x100);
    assert_int_equal(mem_rd16(m, mem_lin(load, 0x10)), (uint16_t)(0x1110 + load));
    assert_int_equal(mem_rd16(m, mem_lin(psp, PSP_PARENT)), psp);
    assert_int_equal(mem_rd8(m, mem_lin(psp, PSP_TAIL_LEN)), 2);
    /* max alloc FFFFh: the program got the rest of memory. */
    assert_int_equal(mem_rd16(m, mem_lin(psp, PSP_MEM_TOP)), MEM_TOP_SEG);

    uint16_t envseg = mem_rd16(m, mem_lin(psp, PSP_ENV_SEG));
    static const char want[] = "A=1\0PATH=C:\\\0\0\1\0C:\\P.EXE";
    assert_memory_equal(mem_ptr(m, mem_lin(envseg, 0), sizeof want), want, sizeof want);
    assert_int_equal(mem_rd16(m, mem_lin((uint16_t)(envseg - 1), MCB_OWNER)), psp);
    assert_int_equal(mem_rd16(m, mem_lin((uint16_t)(psp - 1), MCB_OWNER)), psp);
    temp_remove(dir, path);
    free(f.data);
}

/* loader-16: a COM starts at PSP:100h with SP = FFFEh and a 0 word there;
 * a program refused for its size leaves the arena as it was. */
static void test_start_com_and_refusal(void **state)
{
    struct fixture *fx = *state;
    struct machine *m = fx->m;
    struct file f = file_new(16, 0x90);
    char dir[32], path[64], err[128] = "";
    temp_program(&f, "P.COM", dir, path, sizeof path);
    struct dos_start st = { path, "C:\\P.COM", "", (const char *const[]){ NULL } };
    assert_int_equal(dos_start_program(m, &st, err, sizeof err), DOS_LOAD_OK);
    uint16_t psp = m->dos->cur_psp;
    assert_int_equal(m->r.cs, psp);
    assert_int_equal(m->r.ss, psp);
    assert_int_equal(m->r.ip.w, 0x100);
    assert_int_equal(m->r.sp.w, 0xFFFE);
    assert_int_equal(mem_rd16(m, mem_lin(psp, 0xFFFE)), 0);
    assert_int_equal(mem_rd8(m, mem_lin(psp, 0x100)), 0x90);
    temp_remove(dir, path);
    free(f.data);

    /* Refused: needs more than there is. The arena is unchanged. */
    dos_destroy(m);
    assert_true(dos_init(m));
    f = mz_new(64, 0);
    put16(f.data + MZ_MIN_ALLOC, 0xA000);
    temp_program(&f, "BIG.EXE", dir, path, sizeof path);
    uint8_t before[64];
    memcpy(before, m->mem + mem_lin(m->dos->first_mcb, 0), sizeof before);
    st = (struct dos_start){ path, "C:\\BIG.EXE", "", (const char *const[]){ NULL } };
    assert_int_equal(dos_start_program(m, &st, err, sizeof err), DOS_LOAD_BAD_PROGRAM);
    assert_true(err[0] != 0);
    assert_true(mcb_chain_ok(m));
    uint16_t largest;
    int e;
    assert_int_equal(mcb_alloc(m, 0xFFFF, 1, &largest, &e), 0);
    assert_int_equal(largest, MEM_TOP_SEG - m->dos->first_mcb - 1);
    temp_remove(dir, path);
    free(f.data);

    /* A missing file is "not found". */
    st.host_path = "/nonexistent/vdm/X.COM";
    assert_int_equal(dos_start_program(m, &st, err, sizeof err), DOS_LOAD_NOT_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_com_valid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_com_size_limit, setup, teardown),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_mz_short),
        cmocka_unit_test(test_mz_lying_pages),
        cmocka_unit_test(test_mz_last_page_bytes),
        cmocka_unit_test(test_mz_header_too_big),
        cmocka_unit_test(test_mz_reloc_past_eof),
        cmocka_unit_test_setup_teardown(test_mz_relocate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mz_reloc_outside_block, setup, teardown),
        cmocka_unit_test_setup_teardown(test_image_too_large, setup, teardown),
        cmocka_unit_test(test_zm_signature),
        cmocka_unit_test(test_mz_alloc_fields),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test_setup_teardown(test_start_exe, setup, teardown),
        cmocka_unit_test_setup_teardown(test_start_com_and_refusal, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
