/*
 * probe_cache_get/put (vdm/probe_cache.h): a verdict comes back in the same
 * boot for the same key, and anything else is a miss: another key (another
 * KVM device), another boot id, a file that is not the user's own regular
 * file (a symlink planted in a shared /tmp), a cut-short file, and the
 * cache turned off with VDM_PROBE_CACHE=0.
 */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vdm/probe_cache.h"

struct dir {
    char path[64];
    char file[128];
};

static int setup(void **state)
{
    struct dir *d = calloc(1, sizeof *d);
    snprintf(d->path, sizeof d->path, "/tmp/vdm-probe-test.XXXXXX");
    if (!mkdtemp(d->path))
        return -1;
    snprintf(d->file, sizeof d->file, "%s/vdm-%u-probe-test", d->path, (unsigned)getuid());
    setenv("XDG_RUNTIME_DIR", d->path, 1);
    unsetenv("VDM_PROBE_CACHE");
    *state = d;
    return 0;
}

static int teardown(void **state)
{
    struct dir *d = *state;
    unlink(d->file);
    rmdir(d->path);
    free(d);
    return 0;
}

static void test_roundtrip(void **state)
{
    (void)state;
    bool ok = true;
    char why[64];
    assert_false(probe_cache_get("test", "/dev/kvm", &ok, why, sizeof why));
    probe_cache_put("test", "/dev/kvm", false, "slow: 2.0 MIPS");
    assert_true(probe_cache_get("test", "/dev/kvm", &ok, why, sizeof why));
    assert_false(ok);
    assert_string_equal(why, "slow: 2.0 MIPS");
    probe_cache_put("test", "/dev/kvm", true, "fast");
    assert_true(probe_cache_get("test", "/dev/kvm", &ok, why, sizeof why));
    assert_true(ok);
    assert_string_equal(why, "fast");
}

static void test_other_key_misses(void **state)
{
    (void)state;
    bool ok;
    char why[64];
    probe_cache_put("test", "/dev/kvm", true, "fast");
    assert_false(probe_cache_get("test", "/other/kvm", &ok, why, sizeof why));
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_other_boot_misses(void **state)
{
    struct dir *d = *state;
    bool ok;
    char why[64];
    write_file(d->file, "not-this-boot\n/dev/kvm\n1\nfast\n");
    assert_false(probe_cache_get("test", "/dev/kvm", &ok, why, sizeof why));
}

static void test_short_file_misses(void **state)
{
    struct dir *d = *state;
    bool ok;
    char why[64];
    probe_cache_put("test", "/dev/kvm", true, "fast");
    assert_int_equal(truncate(d->file, 40), 0); /* boot id and part of the key */
    assert_false(probe_cache_get("test", "/dev/kvm", &ok, why, sizeof why));
}

static void test_symlink_misses(void **state)
{
    struct dir *d = *state;
    bool ok;
    char why[64], real[160];
    probe_cache_put("test", "/dev/kvm", true, "fast");
    snprintf(real, sizeof real, "%s.real", d->file);
    assert_int_equal(rename(d->file, real), 0);
    assert_int_equal(symlink(real, d->file), 0);
    assert_false(probe_cache_get("test", "/dev/kvm", &ok, why, sizeof why));
    unlink(real);
}

static void test_disabled(void **state)
{
    (void)state;
    bool ok;
    char why[64];
    probe_cache_put("test", "/dev/kvm", true, "fast");
    setenv("VDM_PROBE_CACHE", "0", 1);
    assert_false(probe_cache_get("test", "/dev/kvm", &ok, why, sizeof why));
    unsetenv("VDM_PROBE_CACHE");
    assert_true(probe_cache_get("test", "/dev/kvm", &ok, why, sizeof why));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_key_misses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_other_boot_misses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_short_file_misses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_misses, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disabled, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
