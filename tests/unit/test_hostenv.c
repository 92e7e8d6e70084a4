/*
 * hostenv_build(): the DOS environment made from the host's (vdm/hostenv.h).
 * Pins the order (DOS values, then --env, then the host's, so the 32 KiB
 * cut in dos/exec.c drops host variables first), upper-cased names with
 * values kept, and who wins when a name appears twice.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "vdm/hostenv.h"

static int count(char **env)
{
    int n = 0;
    while (env[n])
        n++;
    return n;
}

/* The entry for NAME (exact, upper case), or NULL. */
static const char *find(char **env, const char *name)
{
    size_t len = strlen(name);
    for (char **e = env; *e; e++)
        if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
            return *e;
    return NULL;
}

static void test_names_upper_values_kept(void **state)
{
    (void)state;
    char *host[] = { "home=/Home/User", "Mixed_Case=a=b C", NULL };
    char **env = hostenv_build(host, NULL, 0);
    assert_non_null(env);
    assert_string_equal(find(env, "HOME"), "HOME=/Home/User");
    assert_string_equal(find(env, "MIXED_CASE"), "MIXED_CASE=a=b C");
    assert_null(find(env, "home"));
    hostenv_free(env);
}

static void test_dos_values_replace_host_paths(void **state)
{
    (void)state;
    char *host[] = { "PATH=/usr/bin", "temp=/tmp", "TMP=/tmp", "COMSPEC=/bin/sh", NULL };
    char **env = hostenv_build(host, NULL, 0);
    assert_non_null(env);
    assert_int_equal(count(env), 4);
    const char *names[] = { "COMSPEC", "PATH", "TEMP", "TMP" };
    for (int i = 0; i < 4; i++) {
        const char *v = find(env, names[i]);
        assert_non_null(v);
        assert_null(strchr(v, '/'));
        /* A DOS path: "X:\..." right after the '='. */
        const char *val = strchr(v, '=') + 1;
        assert_true(val[0] >= 'A' && val[0] <= 'Z' && val[1] == ':' && val[2] == '\\');
    }
    hostenv_free(env);
}

static void test_overrides_win_and_add(void **state)
{
    (void)state;
    char *host[] = { "HOME=/root", "KEEP=1", NULL };
    char *over[] = { "home=C:\\", "PATH=C:\\BIN", "NEW=x", "NEW=y" };
    char **env = hostenv_build(host, over, 4);
    assert_non_null(env);
    assert_string_equal(find(env, "HOME"), "HOME=C:\\");
    assert_string_equal(find(env, "PATH"), "PATH=C:\\BIN");
    assert_string_equal(find(env, "NEW"), "NEW=y");
    assert_string_equal(find(env, "KEEP"), "KEEP=1");
    /* 4 DOS values (PATH among them) + HOME + NEW + KEEP. */
    assert_int_equal(count(env), 7);
    hostenv_free(env);
}

static void test_order_dos_then_overrides_then_host(void **state)
{
    (void)state;
    char *host[] = { "A_HOST=1", "PATH=/bin", "B_HOST=2", NULL };
    char *over[] = { "MINE=1" };
    char **env = hostenv_build(host, over, 1);
    assert_non_null(env);
    assert_int_equal(count(env), 7);
    /* The four DOS values first, then --env, then the host's in order. */
    for (int i = 0; i < 4; i++)
        assert_null(strstr(env[i], "HOST"));
    assert_string_equal(env[4], "MINE=1");
    assert_string_equal(env[5], "A_HOST=1");
    assert_string_equal(env[6], "B_HOST=2");
    hostenv_free(env);
}

static void test_malformed_and_duplicate_host_entries(void **state)
{
    (void)state;
    char *host[] = { "NOEQUALS", "=nameless", "dup=first", "DUP=second", NULL };
    char **env = hostenv_build(host, NULL, 0);
    assert_non_null(env);
    assert_int_equal(count(env), 5);
    assert_string_equal(find(env, "DUP"), "DUP=first");
    assert_null(find(env, "NOEQUALS"));
    hostenv_free(env);
}

static void test_no_host_environment(void **state)
{
    (void)state;
    char **env = hostenv_build(NULL, NULL, 0);
    assert_non_null(env);
    assert_int_equal(count(env), 4);
    hostenv_free(env);
    hostenv_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_upper_values_kept),
        cmocka_unit_test(test_dos_values_replace_host_paths),
        cmocka_unit_test(test_overrides_win_and_add),
        cmocka_unit_test(test_order_dos_then_overrides_then_host),
        cmocka_unit_test(test_malformed_and_duplicate_host_entries),
        cmocka_unit_test(test_no_host_environment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
