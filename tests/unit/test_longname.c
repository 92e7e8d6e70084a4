/*
 * Long-name paths (hostfs/longname.c): the Windows 95 validity rules, the
 * long-name wildcard match against a trivial reference, and resolution of
 * host names in any case, through 8.3 aliases, with '..' held at the
 * root, and of a new long last component.
 */
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

#include "dos/errors.h"
#include "hostfs/longname.h"

static void test_valid(void **state)
{
    (void)state;
    assert_true(hostfs_lfn_valid("My Long File.text"));
    assert_true(hostfs_lfn_valid("a+b,c;d=e[f].g"));
    assert_false(hostfs_lfn_valid(""));
    assert_false(hostfs_lfn_valid("."));
    assert_false(hostfs_lfn_valid(".."));
    assert_false(hostfs_lfn_valid("a|b"));
    assert_false(hostfs_lfn_valid("a*"));
    assert_false(hostfs_lfn_valid("dir\\x"));
    assert_false(hostfs_lfn_valid("tab\there"));
}

static void test_match(void **state)
{
    (void)state;
    static const struct { const char *pat, *name; bool want; } cases[] = {
        { "*", "anything.at.all", true },
        { "*.*", "noext", true },
        { "*.txt", "Notes.TXT", true },
        { "*.txt", "Notes.txt.bak", false },
        { "n?tes*", "NOTES", true },
        { "n?tes?", "notes", false },
        { "*e*e*", "freebee", true },
        { "a*b", "ab", true },
        { "a*b", "abc", false },
        { "", "", true },
        { "", "x", false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (hostfs_lfn_match(cases[i].pat, cases[i].name) != cases[i].want)
            fail_msg("case %zu: '%s' vs '%s'", i, cases[i].pat, cases[i].name);
    }
}

static void test_resolve(void **state)
{
    (void)state;
    char base[] = "/tmp/vdm-lfn.XXXXXX";
    assert_non_null(mkdtemp(base));
    char p[256];
    snprintf(p, sizeof p, "%s/Long Directory", base);
    assert_int_equal(mkdir(p, 0777), 0);
    snprintf(p, sizeof p, "%s/Long Directory/Some File.text", base);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fclose(f);

    struct hostfs fs;
    hostfs_init(&fs);
    assert_int_equal(hostfs_mount(&fs, 2, base, false), 0);
    struct hostfs_path hp;
    char lng[HOSTFS_LFN_PATH_MAX];
    assert_int_equal(hostfs_resolve_long(&fs, 2, "C:\\long directory\\SOME FILE.TEXT",
                                         HOSTFS_EXISTING, &hp, lng), 0);
    assert_string_equal(lng, "C:\\Long Directory\\Some File.text");
    assert_true(hp.exists);
    assert_false(hp.is_dir);
    assert_int_equal(strncmp(hp.dos, "C:\\LO", 5), 0);
    /* the 8.3 path leads to the same file */
    char dos[HOSTFS_DOS_MAX];
    snprintf(dos, sizeof dos, "%s", hp.dos);
    assert_int_equal(hostfs_resolve_long(&fs, 2, dos, HOSTFS_EXISTING, &hp, lng), 0);
    assert_string_equal(lng, "C:\\Long Directory\\Some File.text");
    /* '..' stays at the root */
    assert_int_equal(hostfs_resolve_long(&fs, 2, "\\..\\..\\Long Directory", HOSTFS_EXISTING,
                                         &hp, lng), 0);
    assert_string_equal(lng, "C:\\Long Directory");
    /* a new long name */
    assert_int_equal(hostfs_resolve_long(&fs, 2, "long directory\\A New One.txt", HOSTFS_PARENT,
                                         &hp, lng), 0);
    assert_false(hp.exists);
    assert_string_equal(lng, "C:\\Long Directory\\A New One.txt");
    assert_int_equal(hostfs_resolve_long(&fs, 2, "long directory\\A New One.txt",
                                         HOSTFS_EXISTING, &hp, lng), DOS_ERR_FILE_NOT_FOUND);
    assert_int_equal(hostfs_resolve_long(&fs, 2, "nodir\\x", HOSTFS_PARENT, &hp, lng),
                     DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_resolve_long(&fs, 2, "bad|name", HOSTFS_PARENT, &hp, lng),
                     DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_resolve_long(&fs, 2, "Q:\\x", HOSTFS_PARENT, &hp, lng),
                     DOS_ERR_INVALID_DRIVE);

    snprintf(p, sizeof p, "%s/Long Directory/Some File.text", base);
    unlink(p);
    snprintf(p, sizeof p, "%s/Long Directory", base);
    rmdir(p);
    rmdir(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_match),
        cmocka_unit_test(test_resolve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
