/*
 * COMMAND.COM's line parser (dos/cmd_parse.c): pipes and redirection as
 * MS-DOS 6.22 takes them apart (including the odd forms it accepts and
 * its syntax errors), batch % expansion, internal command names, words,
 * FOR and IF clauses, thousands separators and labels.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "dos/cmd_int.h"

static struct cmd_pipeline p;

static void test_pipeline_plain(void **state)
{
    (void)state;
    assert_int_equal(cmd_parse_pipeline("dir /w", &p), CMD_PARSE_OK);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.seg[0].text, "dir /w");
    assert_string_equal(p.seg[0].in, "");
    assert_string_equal(p.seg[0].out, "");
}

static void test_pipeline_redirections(void **state)
{
    (void)state;
    /* No blank needed; the text keeps the blanks around the operator. */
    assert_int_equal(cmd_parse_pipeline("echo hi>out.txt", &p), CMD_PARSE_OK);
    assert_string_equal(p.seg[0].text, "echo hi");
    assert_string_equal(p.seg[0].out, "out.txt");
    assert_false(p.seg[0].append);
    assert_int_equal(cmd_parse_pipeline("echo hi >> log.txt", &p), CMD_PARSE_OK);
    assert_string_equal(p.seg[0].text, "echo hi ");
    assert_string_equal(p.seg[0].out, "log.txt");
    assert_true(p.seg[0].append);
    /* In the middle of the parameters; < and > together. */
    assert_int_equal(cmd_parse_pipeline("sort <in.txt /r >out.txt", &p), CMD_PARSE_OK);
    assert_string_equal(p.seg[0].text, "sort  /r ");
    assert_string_equal(p.seg[0].in, "in.txt");
    assert_string_equal(p.seg[0].out, "out.txt");
    /* The last one of a kind wins. */
    assert_int_equal(cmd_parse_pipeline("x >a >>b <c <d", &p), CMD_PARSE_OK);
    assert_string_equal(p.seg[0].out, "b");
    assert_true(p.seg[0].append);
    assert_string_equal(p.seg[0].in, "d");
    /* A file name ends at the next operator. */
    assert_int_equal(cmd_parse_pipeline("x >a<b", &p), CMD_PARSE_OK);
    assert_string_equal(p.seg[0].out, "a");
    assert_string_equal(p.seg[0].in, "b");
}

static void test_pipeline_pipes(void **state)
{
    (void)state;
    assert_int_equal(cmd_parse_pipeline("type a.txt | sort | more", &p), CMD_PARSE_OK);
    assert_int_equal(p.n, 3);
    assert_string_equal(p.seg[0].text, "type a.txt ");
    assert_string_equal(p.seg[1].text, " sort ");
    assert_string_equal(p.seg[2].text, " more");
    assert_int_equal(cmd_parse_pipeline("a <in|b >out", &p), CMD_PARSE_OK);
    assert_int_equal(p.n, 2);
    assert_string_equal(p.seg[0].in, "in");
    assert_string_equal(p.seg[1].out, "out");
}

static void test_pipeline_quotes(void **state)
{
    (void)state;
    assert_int_equal(cmd_parse_pipeline("echo \"a|b>c\" d", &p), CMD_PARSE_OK);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.seg[0].text, "echo \"a|b>c\" d");
    assert_string_equal(p.seg[0].out, "");
}

static void test_pipeline_syntax_errors(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "| sort", "dir |", "dir || sort", "dir | | sort", "echo >", "echo > ",
        "echo >>", "sort <", "sort < | more", "echo >|x", "   |",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        print_message("%s\n", bad[i]);
        assert_int_equal(cmd_parse_pipeline(bad[i], &p), CMD_PARSE_SYNTAX);
    }
    char many[64] = "a";
    for (int i = 0; i < CMD_MAX_PIPE; i++)
        strcat(many, "|a");
    assert_int_equal(cmd_parse_pipeline(many, &p), CMD_PARSE_SYNTAX);
}

static bool lookup(void *ctx, const char *name, char *out, size_t cap)
{
    (void)ctx;
    if (strcasecmp(name, "HOME") == 0) {
        snprintf(out, cap, "C:\\USERS");
        return true;
    }
    return false;
}

static void test_expand(void **state)
{
    (void)state;
    static const char *const args[] = { "JOB.BAT", "one", "two" };
    struct cmd_expand_ctx x = { args, 3, 0, lookup, NULL };
    char out[CMD_LINE_MAX];
    assert_true(cmd_expand("%0 %1 %2 [%3]", &x, out, sizeof out));
    assert_string_equal(out, "JOB.BAT one two []");
    x.shift = 1;
    assert_true(cmd_expand("%0 %1", &x, out, sizeof out));
    assert_string_equal(out, "one two");
    assert_true(cmd_expand("100%% at %home% [%NOPE%] %", &x, out, sizeof out));
    assert_string_equal(out, "100% at C:\\USERS [] ");
    assert_true(cmd_expand("for %%a in (x) do echo %%a", &x, out, sizeof out));
    assert_string_equal(out, "for %a in (x) do echo %a");
    assert_true(cmd_expand("a %b", &x, out, sizeof out));
    assert_string_equal(out, "a b");
    char small[8];
    assert_false(cmd_expand("%home%", &x, small, sizeof small));
}

static void test_internal_names(void **state)
{
    (void)state;
    const char *rest;
    int i = cmd_find_internal("ECHO.", &rest);
    assert_true(i >= 0);
    assert_string_equal(cmd_builtins[i].name, "ECHO");
    assert_string_equal(rest, ".");
    i = cmd_find_internal("  cd..", &rest);
    assert_string_equal(cmd_builtins[i].name, "CD");
    assert_string_equal(rest, "..");
    i = cmd_find_internal("dir/w", &rest);
    assert_string_equal(cmd_builtins[i].name, "DIR");
    assert_string_equal(rest, "/w");
    i = cmd_find_internal("cd\\", &rest);
    assert_string_equal(cmd_builtins[i].name, "CD");
    assert_int_equal(cmd_find_internal("echox", &rest), -1);
    assert_int_equal(cmd_find_internal("C:\\ECHO.EXE", &rest), -1);
    assert_int_equal(cmd_find_internal("", &rest), -1);
    char name[32];
    cmd_split_verb("  sub\\prog.exe/x y", name, sizeof name, &rest);
    assert_string_equal(name, "SUB\\PROG.EXE");
    assert_string_equal(rest, "/x y");
}

static void test_words(void **state)
{
    (void)state;
    char *w[8], buf[64];
    int n = cmd_split_words(" a,b;c=d\t\"e f\" ", w, 8, buf, sizeof buf);
    assert_int_equal(n, 6);
    assert_string_equal(w[0], "a");
    assert_string_equal(w[3], "d");
    assert_string_equal(w[4], "\"e");
    assert_string_equal(w[5], "f\"");
    assert_int_equal(cmd_split_words("a b c", w, 2, buf, sizeof buf), 2);
}

static void test_for(void **state)
{
    (void)state;
    struct cmd_for_spec f;
    assert_true(cmd_parse_for(" %a IN (*.txt b) DO echo %a", &f));
    assert_int_equal(f.var, 'a');
    assert_string_equal(f.set, "*.txt b");
    assert_string_equal(f.cmd, "echo %a");
    assert_true(cmd_parse_for(" %f in(x)do type %f", &f));
    assert_string_equal(f.cmd, "type %f");
    assert_false(cmd_parse_for(" %a in (x) echo", &f));
    assert_false(cmd_parse_for(" %a in x do echo", &f));
    assert_false(cmd_parse_for(" a in (x) do echo", &f));
    assert_false(cmd_parse_for(" %a in (x do echo", &f));
    assert_false(cmd_parse_for(" %a in (x) do", &f));
    char out[64];
    assert_true(cmd_for_subst("echo %a-%b-%a", 'a', "X", out, sizeof out));
    assert_string_equal(out, "echo X-%b-X");
}

static void test_if(void **state)
{
    (void)state;
    struct cmd_if_spec f;
    assert_true(cmd_parse_if(" not errorlevel 3 echo low", &f));
    assert_int_equal(f.kind, CMD_IF_ERRORLEVEL);
    assert_true(f.negate);
    assert_int_equal(f.level, 3);
    assert_string_equal(f.cmd, "echo low");
    assert_true(cmd_parse_if(" exist *.txt del *.txt", &f));
    assert_int_equal(f.kind, CMD_IF_EXIST);
    assert_string_equal(f.a, "*.txt");
    assert_string_equal(f.cmd, "del *.txt");
    assert_true(cmd_parse_if(" \"%1\"==\"\" goto none", &f));
    assert_int_equal(f.kind, CMD_IF_STRING);
    assert_string_equal(f.a, "\"%1\"");
    assert_string_equal(f.b, "\"\"");
    assert_true(cmd_parse_if(" a == b echo", &f));
    assert_string_equal(f.b, "b");
    assert_false(cmd_parse_if(" ==x echo", &f));
    assert_false(cmd_parse_if(" x== echo", &f));
    assert_false(cmd_parse_if(" errorlevel x echo", &f));
    assert_false(cmd_parse_if(" exist", &f));
    assert_false(cmd_parse_if(" a==a", &f));
}

static void test_commas_and_labels(void **state)
{
    (void)state;
    char out[32];
    cmd_commas(0, out, sizeof out);
    assert_string_equal(out, "0");
    cmd_commas(999, out, sizeof out);
    assert_string_equal(out, "999");
    cmd_commas(1000, out, sizeof out);
    assert_string_equal(out, "1,000");
    cmd_commas(2147450880ull, out, sizeof out);
    assert_string_equal(out, "2,147,450,880");
    char name[16];
    assert_true(cmd_line_label("  :LongLabelName rest", name, sizeof name));
    assert_string_equal(name, "LONGLABE");
    assert_false(cmd_line_label("echo :x", name, sizeof name));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipeline_plain),
        cmocka_unit_test(test_pipeline_redirections),
        cmocka_unit_test(test_pipeline_pipes),
        cmocka_unit_test(test_pipeline_quotes),
        cmocka_unit_test(test_pipeline_syntax_errors),
        cmocka_unit_test(test_expand),
        cmocka_unit_test(test_internal_names),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_for),
        cmocka_unit_test(test_if),
        cmocka_unit_test(test_commas_and_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
