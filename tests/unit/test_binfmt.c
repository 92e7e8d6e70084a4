/*
 * binfmt_misc registration logic (vdm/binfmt.c) without the kernel: the
 * registration lines, the name prefix check, how a kernel launch is told
 * from a typed command, and binfmt_update's decisions against a fake
 * binfmt_misc directory (regular files standing in for "register" and
 * the entries; what vdm writes to them shows what it asked the kernel).
 * Kernel Documentation/admin-guide/binfmt-misc.rst.
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

#include "vdm/binfmt.h"

#define INTERP "/opt/vdm/bin/vdm"

static void test_entry_lines(void **state)
{
    (void)state;
    char line[256], err[256];
    static const char *const want[] = {
        ":vdm-mz:M::MZ::" INTERP ":\n",
        ":vdm-zm:M::ZM::" INTERP ":\n",
        ":vdm-com:E::com::" INTERP ":\n",
        ":vdm-COM:E::COM::" INTERP ":\n",
    };
    assert_int_equal(binfmt_n_entries, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < binfmt_n_entries; i++) {
        assert_true(binfmt_entry_line(&binfmt_entries[i], "vdm", INTERP, line, sizeof line,
                                      err, sizeof err));
        assert_string_equal(line, want[i]);
    }
    /* ':' separates the fields; a newline ends the line. */
    assert_false(binfmt_entry_line(&binfmt_entries[0], "vdm", "/a:b/vdm", line, sizeof line,
                                   err, sizeof err));
    assert_non_null(strstr(err, "':'"));
    assert_false(binfmt_entry_line(&binfmt_entries[0], "vdm", "/a\nb", line, sizeof line,
                                   err, sizeof err));
    assert_false(binfmt_entry_line(&binfmt_entries[0], "vdm", INTERP, line, 10, err,
                                   sizeof err));
}

static void test_prefix(void **state)
{
    (void)state;
    assert_true(binfmt_prefix_ok("vdm"));
    assert_true(binfmt_prefix_ok("vdmtest-123_x.y"));
    assert_false(binfmt_prefix_ok(""));
    assert_false(binfmt_prefix_ok(".hidden"));
    assert_false(binfmt_prefix_ok("a/b"));
    assert_false(binfmt_prefix_ok("a:b"));
    assert_false(binfmt_prefix_ok("a b"));
    char longp[BINFMT_PREFIX_MAX + 2];
    memset(longp, 'x', sizeof longp - 1);
    longp[sizeof longp - 1] = 0;
    assert_false(binfmt_prefix_ok(longp));
    longp[BINFMT_PREFIX_MAX] = 0;
    assert_true(binfmt_prefix_ok(longp));
}

/* The kernel passes the executed name both as AT_EXECFN and argv[1]; a
 * typed `vdm X` has vdm's own name in AT_EXECFN. */
static void test_launch(void **state)
{
    (void)state;
    char *kernel[] = { INTERP, "-odd.com", "--help", NULL };
    char *typed[] = { "vdm", "-odd.com", NULL };
    char *alone[] = { "vdm", NULL };
    assert_true(binfmt_is_launch("-odd.com", 3, kernel));
    assert_false(binfmt_is_launch("/usr/bin/vdm", 2, typed));
    assert_false(binfmt_is_launch("vdm", 1, alone));
    assert_false(binfmt_is_launch(NULL, 3, kernel));
}

/* ---- binfmt_update against a fake directory -------------------------- */

struct fake {
    char dir[64];
};

static void put(const struct fake *f, const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* The file's text ("" when it is empty; NULL when absent). */
static char *get(const struct fake *f, const char *name)
{
    static char buf[512];
    char path[128];
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    FILE *fp = fopen(path, "r");
    if (!fp)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = 0;
    fclose(fp);
    return buf;
}

/* What the kernel shows for an entry registered the way vdm does. */
static void put_entry(const struct fake *f, const char *suffix, const char *state,
                      const char *interp)
{
    static const struct { const char *suffix, *match; } show[] = {
        { "mz", "magic 4d5a" }, { "zm", "magic 5a4d" },
        { "com", "extension .com" }, { "COM", "extension .COM" },
    };
    const char *match = NULL;
    for (size_t i = 0; i < sizeof show / sizeof show[0]; i++)
        if (strcmp(show[i].suffix, suffix) == 0)
            match = show[i].match;
    assert_non_null(match);
    char name[64], text[256];
    snprintf(name, sizeof name, "t-%s", suffix);
    snprintf(text, sizeof text, "%s\ninterpreter %s\nflags: \noffset 0\n%s\n", state, interp,
             match);
    put(f, name, text);
}

static int fake_setup(void **state)
{
    struct fake *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/vdm-binfmt.XXXXXX");
    if (!f || !mkdtemp(f->dir))
        return -1;
    put(f, "register", "");
    *state = f;
    return 0;
}

static int fake_teardown(void **state)
{
    struct fake *f = *state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    int r = system(cmd);
    free(f);
    return r == 0 ? 0 : -1;
}

/* Everything already registered for this vdm: nothing is written. */
static void test_update_idempotent(void **state)
{
    struct fake *f = *state;
    char err[256];
    static const char *const sfx[] = { "mz", "zm", "com", "COM" };
    for (size_t i = 0; i < 4; i++)
        put_entry(f, sfx[i], "enabled", INTERP);
    assert_true(binfmt_update(f->dir, "t", INTERP, true, err, sizeof err));
    assert_string_equal(get(f, "register"), "");
    assert_string_equal(get(f, "t-mz"),
                        "enabled\ninterpreter " INTERP "\nflags: \noffset 0\nmagic 4d5a\n");
}

/* A disabled entry is enabled ("1"); one for another interpreter is
 * removed ("-1") and registered again; a missing one is registered. */
static void test_update_repairs(void **state)
{
    struct fake *f = *state;
    char err[256];
    put_entry(f, "mz", "disabled", INTERP);
    put_entry(f, "zm", "enabled", "/old/vdm");
    put_entry(f, "com", "enabled", INTERP);
    assert_true(binfmt_update(f->dir, "t", INTERP, true, err, sizeof err));
    assert_memory_equal(get(f, "t-mz"), "1isabled", 8); /* "1" over "disabled" */
    assert_memory_equal(get(f, "t-zm"), "-1", 2);
    assert_memory_equal(get(f, "t-com"), "enabled", 7);
    /* The fake register keeps what was written last over what came
     * before: the COM entry, the last one missing. */
    assert_memory_equal(get(f, "register"), ":t-COM:E::COM::" INTERP ":\n",
                        strlen(":t-COM:E::COM::" INTERP ":\n"));
}

/* Removing writes "-1" to each entry there is, and minds no absent one. */
static void test_update_remove(void **state)
{
    struct fake *f = *state;
    char err[256];
    put_entry(f, "mz", "enabled", INTERP);
    put_entry(f, "COM", "enabled", "/other/vdm");
    assert_true(binfmt_update(f->dir, "t", INTERP, false, err, sizeof err));
    assert_memory_equal(get(f, "t-mz"), "-1", 2);
    assert_memory_equal(get(f, "t-COM"), "-1", 2);
    assert_null(get(f, "t-com"));
    assert_string_equal(get(f, "register"), "");
}

static void test_update_errors(void **state)
{
    struct fake *f = *state;
    char err[512];
    assert_false(binfmt_update("/nonexistent/binfmt_misc", "t", INTERP, true, err, sizeof err));
    assert_non_null(strstr(err, "not mounted"));
    assert_non_null(strstr(err, "mount -t binfmt_misc binfmt_misc /nonexistent/binfmt_misc"));
    assert_false(binfmt_update("/nonexistent/binfmt_misc", "t", INTERP, false, err, sizeof err));
    assert_non_null(strstr(err, "not mounted"));
    assert_false(binfmt_update(f->dir, "bad/prefix", INTERP, true, err, sizeof err));
    assert_non_null(strstr(err, BINFMT_PREFIX_ENV));
    assert_false(binfmt_update(f->dir, "t", "/a:b/vdm", true, err, sizeof err));
    assert_non_null(strstr(err, "':'"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_entry_lines),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_launch),
        cmocka_unit_test_setup_teardown(test_update_idempotent, fake_setup, fake_teardown),
        cmocka_unit_test_setup_teardown(test_update_repairs, fake_setup, fake_teardown),
        cmocka_unit_test_setup_teardown(test_update_remove, fake_setup, fake_teardown),
        cmocka_unit_test_setup_teardown(test_update_errors, fake_setup, fake_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
