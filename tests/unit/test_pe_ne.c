/*
 * Windows executables behind an MZ stub (dos/loader.c,
 * dos_image_windows_kind and its use in dos_image_parse): a PE or NE
 * file is refused with a reason naming it, so main exits 126 instead of
 * running the stub; DOS programs whose header merely has bytes at 3Ch,
 * and DOS-extender (LE) programs, still load. Layout: Microsoft PE/COFF
 * specification, "MS-DOS Stub" (e_lfanew at 3Ch, e_lfarlc >= 40h).
 *
 * Each file sits in a heap buffer of exactly its size, so a read past its
 * end is caught by the sanitizer build.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dos/loader.h"

#define STUB_HEADER 0x40u  /* a 4-paragraph stub header, as linkers make */
#define NEW_HEADER 0x80u   /* where the test files put their new header */

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, v);
    put16(p + 2, v >> 16);
}

/* A valid MZ file of `size` bytes whose dword at 3Ch is `lfanew`, whose
 * relocation table offset is `lfarlc`, and which holds `sig` (len bytes)
 * at `sig_at` (when sig is not NULL). */
static uint8_t *stub_new(size_t size, uint16_t lfarlc, uint32_t lfanew,
                         const char *sig, size_t len, size_t sig_at)
{
    uint8_t *f = calloc(1, size);
    assert_non_null(f);
    f[0] = 'M';
    f[1] = 'Z';
    put16(f + MZ_LAST_PAGE_BYTES, (uint32_t)(size % MZ_PAGE));
    put16(f + MZ_PAGES, (uint32_t)((size + MZ_PAGE - 1) / MZ_PAGE));
    put16(f + MZ_HEADER_PARAS, STUB_HEADER / 16);
    put16(f + MZ_RELOC_OFF, lfarlc);
    put16(f + MZ_SP, 0x100);
    put32(f + MZ_NEW_HEADER_OFF, lfanew);
    if (sig)
        memcpy(f + sig_at, sig, len);
    return f;
}

/* Parse `f` and return whether it loaded; `why` gets the reason. */
static bool parse(const uint8_t *f, size_t size, char *why, size_t cap)
{
    struct dos_image img;
    why[0] = 0;
    return dos_image_parse(f, size, false, &img, why, cap);
}

static void test_pe_refused(void **state)
{
    (void)state;
    uint8_t *f = stub_new(0x200, STUB_HEADER, NEW_HEADER, "PE\0\0", 4, NEW_HEADER);
    char why[128];
    assert_string_equal(dos_image_windows_kind(f, 0x200), "PE");
    assert_false(parse(f, 0x200, why, sizeof why));
    assert_non_null(strstr(why, "Windows"));
    assert_non_null(strstr(why, "PE"));
    free(f);
}

static void test_ne_refused(void **state)
{
    (void)state;
    uint8_t *f = stub_new(0x200, STUB_HEADER, NEW_HEADER, "NE", 2, NEW_HEADER);
    char why[128];
    assert_string_equal(dos_image_windows_kind(f, 0x200), "NE");
    assert_false(parse(f, 0x200, why, sizeof why));
    assert_non_null(strstr(why, "NE executable"));
    free(f);
}

/* LE/LX: DOS/4GW and other DOS extenders; the MZ part is the program. */
static void test_le_loads(void **state)
{
    (void)state;
    uint8_t *f = stub_new(0x200, STUB_HEADER, NEW_HEADER, "LE", 2, NEW_HEADER);
    char why[128];
    assert_null(dos_image_windows_kind(f, 0x200));
    assert_true(parse(f, 0x200, why, sizeof why));
    free(f);
}

/* A plain DOS EXE (relocations right after the 1Ch-byte header) may have
 * anything at 3Ch, even bytes that point at "PE": it is not a stub. */
static void test_old_header_ignores_3ch(void **state)
{
    (void)state;
    uint8_t *f = stub_new(0x200, MZ_HEADER_MIN, NEW_HEADER, "PE\0\0", 4, NEW_HEADER);
    char why[128];
    assert_null(dos_image_windows_kind(f, 0x200));
    assert_true(parse(f, 0x200, why, sizeof why));
    free(f);
}

/* e_lfanew at or past the end, or leaving too few bytes for the
 * signature: no new header, and nothing read past the buffer. */
static void test_lfanew_out_of_file(void **state)
{
    (void)state;
    static const uint32_t bad[] = { 0x200, 0x1FF, 0x1FD, 0xFFFFFFFFu, 0xFFFFFFFEu };
    char why[128];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint8_t *f = stub_new(0x200, STUB_HEADER, bad[i], NULL, 0, 0);
        assert_null(dos_image_windows_kind(f, 0x200));
        assert_true(parse(f, 0x200, why, sizeof why));
        free(f);
    }
    /* "PE" in the last two bytes: a PE signature needs four. */
    uint8_t *f = stub_new(0x200, STUB_HEADER, 0x1FE, "PE", 2, 0x1FE);
    assert_null(dos_image_windows_kind(f, 0x200));
    free(f);
    /* "NE" exactly filling the last two bytes is an NE header. */
    f = stub_new(0x200, STUB_HEADER, 0x1FE, "NE", 2, 0x1FE);
    assert_string_equal(dos_image_windows_kind(f, 0x200), "NE");
    free(f);
}

/* Shorter than the e_lfanew field: not a stub (the loader judges the
 * rest of the header as usual). */
static void test_too_short_for_lfanew(void **state)
{
    (void)state;
    for (size_t size = 2; size < MZ_NEW_HEADER_OFF + 4; size++) {
        uint8_t *f = calloc(1, size);
        assert_non_null(f);
        f[0] = 'M';
        f[1] = 'Z';
        assert_null(dos_image_windows_kind(f, size));
        free(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pe_refused),
        cmocka_unit_test(test_ne_refused),
        cmocka_unit_test(test_le_loads),
        cmocka_unit_test(test_old_header_ignores_3ch),
        cmocka_unit_test(test_lfanew_out_of_file),
        cmocka_unit_test(test_too_short_for_lfanew),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
