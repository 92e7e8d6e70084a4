/*
 * The host locale to DOS country mapping (dos/nls.c, nls_country_info):
 * LC_ALL wins over the categories, each category (LC_TIME: date and
 * time formats; LC_MONETARY: currency and the country code; LC_NUMERIC:
 * separators) falls back to LANG, and "C", "POSIX", unset or unknown
 * territories give the USA, MS-DOS's default (RBIL INT 21/AH=38h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dos/nls.h"

static uint16_t info(const struct nls_locale_env *env, uint8_t ci[CI_SIZE])
{
    memset(ci, 0xAA, CI_SIZE);
    return nls_country_info(env, ci);
}

static void test_defaults_are_usa(void **state)
{
    (void)state;
    uint8_t ci[CI_SIZE];
    const char *names[] = { NULL, "", "C", "POSIX", "C.UTF-8", "xx_ZZ.UTF-8", "en" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        struct nls_locale_env env = { .lang = names[i] };
        assert_int_equal(info(&env, ci), NLS_COUNTRY_USA);
        assert_int_equal(ci[CI_DATE_FMT], 0);
        assert_int_equal(ci[CI_CURRENCY], '$');
        assert_int_equal(ci[CI_CURRENCY + 1], 0);
        assert_int_equal(ci[CI_THOUSANDS], ',');
        assert_int_equal(ci[CI_DECIMAL], '.');
        assert_int_equal(ci[CI_CASEMAP], 0);
    }
}

static void test_lang_maps_territory(void **state)
{
    (void)state;
    uint8_t ci[CI_SIZE];
    struct nls_locale_env env = { .lang = "de_DE.UTF-8" };
    assert_int_equal(info(&env, ci), 49);
    assert_int_equal(ci[CI_DATE_FMT], 1);
    assert_memory_equal(ci + CI_CURRENCY, "DM\0", 3);
    assert_int_equal(ci[CI_THOUSANDS], '.');
    assert_int_equal(ci[CI_DECIMAL], ',');
    assert_int_equal(ci[CI_TIME_FMT], 1);
    env.lang = "en_GB@euro";
    assert_int_equal(info(&env, ci), 44);
    env.lang = "ja_JP";
    assert_int_equal(info(&env, ci), 81);
    assert_int_equal(ci[CI_DATE_FMT], 2);
}

static void test_categories_mix(void **state)
{
    (void)state;
    uint8_t ci[CI_SIZE];
    /* Dates from Germany, money from the UK, numbers from the USA. */
    struct nls_locale_env env = {
        .lc_time = "de_DE", .lc_monetary = "en_GB.UTF-8", .lang = "en_US.UTF-8",
    };
    assert_int_equal(info(&env, ci), 44);
    assert_int_equal(ci[CI_DATE_FMT], 1);
    assert_int_equal(ci[CI_DATE_SEP], '.');
    assert_int_equal(ci[CI_CURRENCY], 0x9C); /* pound sign, code page 437 */
    assert_int_equal(ci[CI_DECIMAL], '.');
    /* LC_ALL overrides every category. */
    env.lc_all = "fr_FR";
    assert_int_equal(info(&env, ci), 33);
    assert_int_equal(ci[CI_DECIMAL], ',');
    assert_int_equal(ci[CI_CURRENCY], 'F');
}

static void test_codepages(void **state)
{
    (void)state;
    assert_true(nls_codepage_ok(437));
    assert_true(nls_codepage_ok(850));
    assert_false(nls_codepage_ok(0));
    assert_false(nls_codepage_ok(1252));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_are_usa),
        cmocka_unit_test(test_lang_maps_territory),
        cmocka_unit_test(test_categories_mix),
        cmocka_unit_test(test_codepages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
