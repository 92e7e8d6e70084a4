/*
 * vdm/program.h: finding PROGRAM on the host and building the command
 * tail (DESIGN.md, "The public contract": .COM, .EXE, .BAT in that order,
 * names match in any case; ARGS joined with single spaces, at most 126
 * bytes in the PSP - RBIL INT 21/AH=26h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vdm/program.h"

#define TAIL_MAX 126

static void test_tail_join(void **state)
{
    (void)state;
    char out[TAIL_MAX + 1];
    assert_int_equal(program_build_tail(0, NULL, out, TAIL_MAX), 0);
    assert_string_equal(out, "");
    char *args[] = { "Hello", "a  b", "" };
    assert_int_equal(program_build_tail(3, args, out, TAIL_MAX), 12);
    assert_string_equal(out, " Hello a  b ");
}

static void test_tail_limit(void **state)
{
    (void)state;
    char out[TAIL_MAX + 1];
    char arg[TAIL_MAX + 1];
    memset(arg, 'x', sizeof arg);
    arg[TAIL_MAX - 1] = 0; /* 125 letters + the leading space = 126 */
    char *args[] = { arg };
    assert_int_equal(program_build_tail(1, args, out, TAIL_MAX), TAIL_MAX);
    assert_int_equal(out[TAIL_MAX], 0);
    arg[TAIL_MAX - 1] = 'x';
    arg[TAIL_MAX] = 0;    /* one more: 127 */
    assert_int_equal(program_build_tail(1, args, out, TAIL_MAX), -1);
}

static void test_has_ext(void **state)
{
    (void)state;
    assert_true(program_has_ext("dir/Y.com", "COM"));
    assert_false(program_has_ext("dir/Y.com", "EXE"));
    assert_true(program_has_ext("a.b", NULL));
    assert_false(program_has_ext("dir.d/file", NULL)); /* the dot is the directory's */
    assert_false(program_has_ext("plain", NULL));
}

/* A scratch directory with the given files (directories when the name
 * ends in '/'). */
static char *make_dir(const char *const *names)
{
    char *dir = strdup("/tmp/vdm-test-program.XXXXXX");
    assert_non_null(mkdtemp(dir));
    for (; *names; names++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, *names);
        size_t n = strlen(path);
        if (path[n - 1] == '/') {
            assert_int_equal(mkdir(path, 0755), 0);
        } else {
            FILE *f = fopen(path, "w");
            assert_non_null(f);
            fclose(f);
        }
    }
    return dir;
}

static void remove_dir(char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

/* program_find(dir/arg), and the base name it found. */
static const char *find_base(const char *dir, const char *arg, char *out, size_t cap)
{
    char full[512];
    snprintf(full, sizeof full, "%s/%s", dir, arg);
    int rc = program_find(full, out, cap);
    if (rc)
        return rc == ENOENT ? "ENOENT" : "other error";
    return strrchr(out, '/') + 1;
}

static void test_find_extension_order(void **state)
{
    (void)state;
    const char *names[] = { "prog.exe", "PROG.COM", "Prog.Bat", "only.bat", "x.exe", NULL };
    char *dir = make_dir(names);
    char out[1024];
    assert_string_equal(find_base(dir, "prog", out, sizeof out), "PROG.COM");
    assert_string_equal(find_base(dir, "PROG.EXE", out, sizeof out), "prog.exe");
    assert_string_equal(find_base(dir, "only", out, sizeof out), "only.bat");
    assert_string_equal(find_base(dir, "X", out, sizeof out), "x.exe");
    assert_string_equal(find_base(dir, "none", out, sizeof out), "ENOENT");
    /* An explicit extension is not extended further. */
    assert_string_equal(find_base(dir, "only.com", out, sizeof out), "ENOENT");
    remove_dir(dir);
}

static void test_find_case_variants_and_directories(void **state)
{
    (void)state;
    const char *names[] = { "abc.com", "ABC.COM", "Dir.com/", "tool.com/", "TOOL.EXE", NULL };
    char *dir = make_dir(names);
    char out[1024];
    /* The exact spelling first; else the first variant in byte order. */
    assert_string_equal(find_base(dir, "abc.com", out, sizeof out), "abc.com");
    assert_string_equal(find_base(dir, "Abc.Com", out, sizeof out), "ABC.COM");
    /* A directory is never the program. */
    assert_string_equal(find_base(dir, "dir.com", out, sizeof out), "ENOENT");
    assert_string_equal(find_base(dir, "tool", out, sizeof out), "TOOL.EXE");
    remove_dir(dir);
}

static void test_find_output_too_small(void **state)
{
    (void)state;
    const char *names[] = { "A.COM", NULL };
    char *dir = make_dir(names);
    char out[8];
    char full[512];
    snprintf(full, sizeof full, "%s/a", dir);
    assert_int_equal(program_find(full, out, sizeof out), ENAMETOOLONG);
    remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tail_join),
        cmocka_unit_test(test_tail_limit),
        cmocka_unit_test(test_has_ext),
        cmocka_unit_test(test_find_extension_order),
        cmocka_unit_test(test_find_case_variants_and_directories),
        cmocka_unit_test(test_find_output_too_small),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
