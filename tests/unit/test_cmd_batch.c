/*
 * COMMAND.COM's batch-file state (dos/cmd_batch.c, dos/cmd_shell.c):
 * reading lines from CRLF, LF and Ctrl-Z-ended files, a file changed
 * while it runs, GOTO over the whole file, SHIFT, CALL pushing and
 * returning (with a FOR of the caller resumed afterwards), chaining
 * replacing the running file. A machine with drive C: on a temporary
 * directory; no guest code runs.
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

#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "vdm/machine.h"

#define DRIVE_C 2

struct fixture {
    char dir[64];
    struct machine *m;
    struct cmd_inst in;
};

static void write_file(struct fixture *f, const char *name, const char *text, size_t len)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", f->dir, name);
    FILE *fp = fopen(p, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, len, fp), len);
    fclose(fp);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->dir, sizeof f->dir, "/tmp/vdm-cmdbatch.XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    f->m = machine_create();
    assert_non_null(f->m);
    assert_true(dos_init(f->m));
    assert_int_equal(hostfs_mount(&f->m->dos->fs, DRIVE_C, f->dir, false), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    cmd_batch_clear(&f->in);
    dos_destroy(f->m);
    machine_destroy(f->m);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static const char *next(struct fixture *f)
{
    static char line[CMD_LINE_MAX];
    return cmd_batch_next_line(f->m, &f->in, line, sizeof line) ? line : NULL;
}

static void test_line_ends(void **state)
{
    struct fixture *f = *state;
    static const char text[] = "crlf\r\nlf\n\r\nlast no newline";
    write_file(f, "A.BAT", text, sizeof text - 1);
    cmd_batch_start(&f->in, "C:\\A.BAT", "", "A", false);
    assert_string_equal(next(f), "crlf");
    assert_string_equal(next(f), "lf");
    assert_string_equal(next(f), "");
    assert_string_equal(next(f), "last no newline");
    assert_null(next(f));
}

static void test_ctrl_z_ends_file(void **state)
{
    struct fixture *f = *state;
    static const char text[] = "one\r\n\x1Atwo\r\n";
    write_file(f, "Z.BAT", text, sizeof text - 1);
    cmd_batch_start(&f->in, "C:\\Z.BAT", "", "Z", false);
    assert_string_equal(next(f), "one");
    assert_null(next(f));
}

static void test_file_reread_each_line(void **state)
{
    struct fixture *f = *state;
    write_file(f, "E.BAT", "first\r\nsecond\r\n", 15);
    cmd_batch_start(&f->in, "C:\\E.BAT", "", "E", false);
    assert_string_equal(next(f), "first");
    /* Changed under the running batch file: the next line comes from the
     * same offset of the new text, as COMMAND.COM reads it. */
    write_file(f, "E.BAT", "first\r\nCHANGED\r\n", 16);
    assert_string_equal(next(f), "CHANGED");
}

static void test_goto(void **state)
{
    struct fixture *f = *state;
    static const char text[] = ":top\r\na\r\n  :Middle extra\r\nb\r\n:LONGLABEL1\r\nc\r\n";
    write_file(f, "G.BAT", text, sizeof text - 1);
    cmd_batch_start(&f->in, "C:\\G.BAT", "", "G", false);
    assert_true(cmd_batch_goto(f->m, &f->in, "middle"));
    assert_string_equal(next(f), "b");
    assert_true(cmd_batch_goto(f->m, &f->in, "TOP"));
    assert_string_equal(next(f), "a");
    /* Eight characters count. */
    assert_true(cmd_batch_goto(f->m, &f->in, "longlabel2"));
    assert_string_equal(next(f), "c");
    assert_false(cmd_batch_goto(f->m, &f->in, "nowhere"));
}

static void test_args_and_shift(void **state)
{
    struct fixture *f = *state;
    write_file(f, "P.BAT", "x\r\n", 3);
    cmd_batch_start(&f->in, "C:\\P.BAT", " a,b;c", "p", false);
    struct cmd_batch *b = f->in.batch;
    assert_int_equal(b->nargs, 4);
    assert_string_equal(b->args[0], "p");
    assert_string_equal(b->args[3], "c");
    cmd_bi_shift(f->m, &f->in, "");
    assert_int_equal(b->shift, 1);
    struct cmd_expand_ctx x = { (const char *const *)b->args, b->nargs, b->shift, NULL, NULL };
    char out[32];
    assert_true(cmd_expand("%0%1%2%3", &x, out, sizeof out));
    assert_string_equal(out, "abc");
}

static void test_call_and_chain(void **state)
{
    struct fixture *f = *state;
    write_file(f, "OUTER.BAT", "o1\r\no2\r\n", 8);
    write_file(f, "INNER.BAT", "i1\r\n", 4);
    write_file(f, "THIRD.BAT", "t1\r\n", 4);
    cmd_batch_start(&f->in, "C:\\OUTER.BAT", "", "outer", false);
    assert_string_equal(next(f), "o1");
    /* CALL inside a FOR: the loop waits for the called file. */
    f->in.loop.active = true;
    f->in.loop.var = 'a';
    cmd_batch_start(&f->in, "C:\\INNER.BAT", "", "inner", true);
    assert_false(f->in.loop.active);
    assert_string_equal(next(f), "i1");
    assert_null(next(f));
    cmd_batch_pop(&f->in);
    assert_true(f->in.loop.active);
    assert_int_equal(f->in.loop.var, 'a');
    assert_string_equal(f->in.batch->path, "C:\\OUTER.BAT");
    assert_string_equal(next(f), "o2");
    /* Chaining replaces OUTER (and its FOR): nothing to return to. */
    cmd_batch_start(&f->in, "C:\\THIRD.BAT", "", "third", false);
    assert_false(f->in.loop.active);
    assert_string_equal(next(f), "t1");
    cmd_batch_pop(&f->in);
    assert_null(f->in.batch);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_line_ends, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ctrl_z_ends_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_reread_each_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_goto, setup, teardown),
        cmocka_unit_test_setup_teardown(test_args_and_shift, setup, teardown),
        cmocka_unit_test_setup_teardown(test_call_and_chain, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
