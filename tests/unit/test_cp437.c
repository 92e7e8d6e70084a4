/*
 * vdm/cp437.c: the CP437 <-> Unicode tables every front end uses
 * (Unicode's CP437 mapping for 80h-FFh, IBM's glyphs for 01h-1Fh, 7Fh),
 * and the UTF-8 helpers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "vdm/cp437.h"

static void test_known_glyphs(void **state)
{
    (void)state;
    static const struct { uint8_t c; uint16_t u; } known[] = {
        { 0x01, 0x263A }, { 0x03, 0x2665 }, { 0x0D, 0x266A }, { 0x1B, 0x2190 },
        { 'A', 'A' }, { 0x7F, 0x2302 }, { 0x82, 0x00E9 }, { 0x9E, 0x20A7 },
        { 0xB0, 0x2591 }, { 0xC4, 0x2500 }, { 0xC9, 0x2554 }, { 0xDB, 0x2588 },
        { 0xE1, 0x00DF }, { 0xE3, 0x03C0 }, { 0xF9, 0x2219 }, { 0xFE, 0x25A0 },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        assert_int_equal(cp437_unicode[known[i].c], known[i].u);
}

/* Every glyph 01h-FEh is a distinct character, so the way back is exact. */
static void test_round_trip(void **state)
{
    (void)state;
    for (int c = 1; c < 0xFF; c++) {
        if (c == ' ')
            continue;
        for (int d = c + 1; d < 0xFF; d++)
            assert_true(cp437_unicode[c] != cp437_unicode[d] || d == ' ');
        /* Control glyphs map back to themselves only as typed control
         * codes; everything from 20h maps back exactly. */
        if (c >= 0x20)
            assert_int_equal(cp437_from_unicode(cp437_unicode[c]), c);
    }
    assert_int_equal(cp437_from_unicode(0x263A), 0x01);
    assert_int_equal(cp437_from_unicode(0x03B2), 0xE1); /* beta look-alike */
    assert_int_equal(cp437_from_unicode(0x20AC), -1);   /* the euro: none */
    assert_int_equal(cp437_from_unicode(0x1F600), -1);
}

static void test_utf8(void **state)
{
    (void)state;
    char out[3];
    assert_int_equal(cp437_to_utf8('A', out), 1);
    assert_int_equal(out[0], 'A');
    assert_int_equal(cp437_to_utf8(0x82, out), 2);
    assert_memory_equal(out, "\xc3\xa9", 2);
    assert_int_equal(cp437_to_utf8(0xC4, out), 3);
    assert_memory_equal(out, "\xe2\x94\x80", 3);

    uint32_t u;
    assert_int_equal(cp437_utf8_decode((const uint8_t *)"\xe2\x94\x80", 3, &u), 3);
    assert_int_equal(u, 0x2500);
    assert_int_equal(cp437_utf8_decode((const uint8_t *)"\xe2\x94", 2, &u), 0); /* more */
    assert_int_equal(cp437_utf8_decode((const uint8_t *)"\xc0\x80", 2, &u), 1); /* overlong */
    assert_int_equal(u, 0xFFFD);
    assert_int_equal(cp437_utf8_decode((const uint8_t *)"\xed\xa0\x80", 3, &u), 1); /* surrogate */
    assert_int_equal(u, 0xFFFD);
    assert_int_equal(cp437_utf8_decode((const uint8_t *)"\xf0\x9f\x98\x80", 4, &u), 4);
    assert_int_equal(u, 0x1F600);
    assert_int_equal(cp437_utf8_decode((const uint8_t *)"\x80", 1, &u), 1);
    assert_int_equal(u, 0xFFFD);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_glyphs),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
