/*
 * What the host hands a DOS program: the command tail built from ARGS
 * (program_build_tail, vdm/program.c) and the environment built from the
 * host's (hostenv_build, vdm/hostenv.c).
 *
 * The tail follows COMMAND.COM: a leading space, arguments joined by single
 * spaces, at most 126 bytes so the CR fits in PSP:81h-FFh (RBIL INT
 * 21/AH=26h, "Format of Program Segment Prefix", offset 80h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dos/psp.h"
#include "vdm/hostenv.h"
#include "vdm/program.h"

/* tail-1: no arguments give an empty tail; arguments are joined verbatim
 * after one leading space. */
static void test_tail_join(void **state)
{
    (void)state;
    char out[PSP_TAIL_MAX + 1];
    memset(out, 'x', sizeof out);
    assert_int_equal(program_build_tail(0, NULL, out, PSP_TAIL_MAX), 0);
    assert_string_equal(out, "");

    char *const args[] = { "a.txt", "/X", "", "two words", NULL };
    assert_int_equal(program_build_tail(4, args, out, PSP_TAIL_MAX), 20);
    assert_string_equal(out, " a.txt /X  two words");
}

/* tail-2: the 126-byte limit, at the boundary: a tail of exactly 126
 * bytes fits (and is NUL-terminated within max + 1 bytes); 127 does not. */
static void test_tail_limit(void **state)
{
    (void)state;
    char arg[PSP_TAIL_MAX + 2];
    memset(arg, 'A', sizeof arg);
    arg[PSP_TAIL_MAX - 1] = 0; /* 125 chars + the leading space = 126 */
    char *args[] = { arg, NULL };
    char *out = malloc(PSP_TAIL_MAX + 1); /* exact size: overruns show */
    assert_non_null(out);
    assert_int_equal(program_build_tail(1, args, out, PSP_TAIL_MAX), PSP_TAIL_MAX);
    assert_int_equal(strlen(out), PSP_TAIL_MAX);
    assert_int_equal(out[0], ' ');

    arg[PSP_TAIL_MAX - 1] = 'A';
    arg[PSP_TAIL_MAX] = 0; /* 126 chars: 127 with the space */
    assert_int_equal(program_build_tail(1, args, out, PSP_TAIL_MAX), -1);

    /* Many short arguments that overflow only in the separators. */
    char *many[64];
    for (int i = 0; i < 64; i++)
        many[i] = "x";
    assert_int_equal(program_build_tail(63, many, out, PSP_TAIL_MAX), 126);
    assert_int_equal(program_build_tail(64, many, out, PSP_TAIL_MAX), -1);
    free(out);
}

static int env_count(char **env)
{
    int n = 0;
    while (env[n])
        n++;
    return n;
}

static const char *env_get(char **env, const char *name)
{
    size_t len = strlen(name);
    for (char **e = env; *e; e++)
        if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
            return *e + len + 1;
    return NULL;
}

/* env-1: names are upper-cased and values kept; host paths in PATH,
 * COMSPEC, TEMP and TMP are replaced by DOS ones; malformed entries
 * (no '=', empty name) are dropped; a variable appears once. */
static void test_env_from_host(void **state)
{
    (void)state;
    char *const host[] = {
        "home=/home/user", "PATH=/usr/bin:/bin", "TEMP=/tmp", "NOEQUALS",
        "=empty", "Mixed=Case Value", "MIXED=second", NULL,
    };
    char **env = hostenv_build(host, NULL, 0);
    assert_non_null(env);
    assert_string_equal(env_get(env, "HOME"), "/home/user");
    assert_null(env_get(env, "home"));
    assert_string_equal(env_get(env, "PATH"), "C:\\");
    assert_string_equal(env_get(env, "TEMP"), "C:\\");
    assert_string_equal(env_get(env, "TMP"), "C:\\");
    assert_string_equal(env_get(env, "COMSPEC"), "Z:\\COMMAND.COM");
    /* Two host names that upper-case alike: the first in host order wins,
     * as getenv() would find it (vdm/hostenv.c). */
    assert_string_equal(env_get(env, "MIXED"), "Case Value");
    assert_null(env_get(env, "NOEQUALS"));
    /* HOME, PATH, TEMP, MIXED, COMSPEC, TMP: nothing else. */
    assert_int_equal(env_count(env), 6);
    hostenv_free(env);
}

/* env-2: --env overrides come last and win over host and defaults. */
static void test_env_overrides(void **state)
{
    (void)state;
    char *const host[] = { "FOO=host", NULL };
    char *const over[] = { "foo=mine", "PATH=D:\\BIN", "NEW=1" };
    char **env = hostenv_build(host, over, 3);
    assert_non_null(env);
    assert_string_equal(env_get(env, "FOO"), "mine");
    assert_string_equal(env_get(env, "PATH"), "D:\\BIN");
    assert_string_equal(env_get(env, "NEW"), "1");
    assert_int_equal(env_count(env), 6); /* FOO, 4 defaults, NEW */
    hostenv_free(env);
}

/* env-3: an empty or absent host environment still gets the defaults. */
static void test_env_empty(void **state)
{
    (void)state;
    char **env = hostenv_build(NULL, NULL, 0);
    assert_non_null(env);
    assert_int_equal(env_count(env), 4);
    assert_non_null(env_get(env, "COMSPEC"));
    hostenv_free(env);
    hostenv_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tail_join),
        cmocka_unit_test(test_tail_limit),
        cmocka_unit_test(test_env_from_host),
        cmocka_unit_test(test_env_overrides),
        cmocka_unit_test(test_env_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
