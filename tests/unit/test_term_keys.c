/*
 * vdm/term_keys.c and vdm/keyin.c: terminal key sequences (xterm ctlseqs
 * "PC-Style Function Keys", the Linux console's F1-F5, ESC-prefixed Alt,
 * control codes, UTF-8) to key strokes, and key strokes to the set-1
 * scancode bytes the keyboard controller gets (make, break, E0 prefixes,
 * modifiers around the key, Alt + keypad digits for other characters).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "hw/hw.h"
#include "vdm/keyin.h"
#include "vdm/machine.h"
#include "vdm/term_keys.h"

static const struct {
    const char *in;
    enum term_key_result res;
    size_t used;
    uint8_t scan;
    bool ext;
    uint8_t mods, ch;
} cases[] = {
    { "a", TERM_KEY_STROKE, 1, 0x1E, false, 0, 0 },
    { "A", TERM_KEY_STROKE, 1, 0x1E, false, KEY_MOD_SHIFT, 0 },
    { "\r", TERM_KEY_STROKE, 1, KEY_ENTER, false, 0, 0 },
    { "\x7f", TERM_KEY_STROKE, 1, KEY_BACKSPACE, false, 0, 0 },
    { "\x03", TERM_KEY_STROKE, 1, 0x2E, false, KEY_MOD_CTRL, 0 },
    { "\x1b[A", TERM_KEY_STROKE, 3, KEY_UP, true, 0, 0 },
    { "\x1bOD", TERM_KEY_STROKE, 3, KEY_LEFT, true, 0, 0 },
    { "\x1b[1;5C", TERM_KEY_STROKE, 6, KEY_RIGHT, true, KEY_MOD_CTRL, 0 },
    { "\x1b[1;3H", TERM_KEY_STROKE, 6, KEY_HOME, true, KEY_MOD_ALT, 0 },
    { "\x1bOP", TERM_KEY_STROKE, 3, KEY_F1, false, 0, 0 },
    { "\x1b[1;2S", TERM_KEY_STROKE, 6, KEY_F1 + 3, false, KEY_MOD_SHIFT, 0 },
    { "\x1b[15~", TERM_KEY_STROKE, 5, KEY_F1 + 4, false, 0, 0 },
    { "\x1b[21~", TERM_KEY_STROKE, 5, KEY_F1 + 9, false, 0, 0 },
    { "\x1b[24;5~", TERM_KEY_STROKE, 7, KEY_F12, false, KEY_MOD_CTRL, 0 },
    { "\x1b[2~", TERM_KEY_STROKE, 4, KEY_INS, true, 0, 0 },
    { "\x1b[3~", TERM_KEY_STROKE, 4, KEY_DEL, true, 0, 0 },
    { "\x1b[5~", TERM_KEY_STROKE, 4, KEY_PGUP, true, 0, 0 },
    { "\x1b[6;2~", TERM_KEY_STROKE, 6, KEY_PGDN, true, KEY_MOD_SHIFT, 0 },
    { "\x1b[4~", TERM_KEY_STROKE, 4, KEY_END, true, 0, 0 },
    { "\x1b[[B", TERM_KEY_STROKE, 4, KEY_F1 + 1, false, 0, 0 },  /* Linux console F2 */
    { "\x1b[Z", TERM_KEY_STROKE, 3, KEY_TAB, false, KEY_MOD_SHIFT, 0 },
    { "\x1bx", TERM_KEY_STROKE, 2, 0x2D, false, KEY_MOD_ALT, 0 },
    { "\x1b\x1b[A", TERM_KEY_STROKE, 4, KEY_UP, true, KEY_MOD_ALT, 0 },
    { "\xc3\xa9", TERM_KEY_STROKE, 2, 0, false, 0, 0x82 },       /* e acute */
    { "\xe2\x94\x80", TERM_KEY_STROKE, 3, 0, false, 0, 0xC4 },   /* box line */
    { "\xe2\x82\xac", TERM_KEY_IGNORED, 3, 0, false, 0, 0 },     /* euro: none */
    { "\x1b[<0;10;5M", TERM_KEY_IGNORED, 10, 0, false, 0, 0 },   /* SGR mouse */
    { "\x1b[99~", TERM_KEY_IGNORED, 5, 0, false, 0, 0 },
    { "ab", TERM_KEY_STROKE, 1, 0x1E, false, 0, 0 },             /* one at a time */
};

static void test_sequences(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct key_stroke k;
        size_t used;
        const uint8_t *in = (const uint8_t *)cases[i].in;
        enum term_key_result r = term_keys_decode(in, strlen(cases[i].in), true, &k, &used);
        print_message("case %zu\n", i);
        assert_int_equal(r, cases[i].res);
        assert_int_equal(used, cases[i].used);
        if (r != TERM_KEY_STROKE)
            continue;
        assert_int_equal(k.scan, cases[i].scan);
        assert_int_equal(k.ext, cases[i].ext);
        assert_int_equal(k.mods, cases[i].mods);
        assert_int_equal(k.ch, cases[i].ch);
    }
}

/* Prefixes wait for more while more may come; after a pause a lone ESC
 * is the Esc key and a stalled "ESC [" is Alt+[. */
static void test_prefixes(void **state)
{
    (void)state;
    struct key_stroke k;
    size_t used;
    const uint8_t *esc = (const uint8_t *)"\x1b[1;5";
    assert_int_equal(term_keys_decode(esc, 1, true, &k, &used), TERM_KEY_NEED_MORE);
    assert_int_equal(term_keys_decode(esc, 2, true, &k, &used), TERM_KEY_NEED_MORE);
    assert_int_equal(term_keys_decode(esc, 5, true, &k, &used), TERM_KEY_NEED_MORE);
    assert_int_equal(term_keys_decode((const uint8_t *)"\xc3", 1, true, &k, &used),
                     TERM_KEY_NEED_MORE);
    assert_int_equal(term_keys_decode(esc, 1, false, &k, &used), TERM_KEY_STROKE);
    assert_int_equal(k.scan, KEY_ESC);
    assert_int_equal(used, 1);
    assert_int_equal(term_keys_decode(esc, 2, false, &k, &used), TERM_KEY_STROKE);
    assert_int_equal(k.scan, 0x1A); /* [ */
    assert_int_equal(k.mods, KEY_MOD_ALT);
    assert_int_equal(used, 2);
}

/* The bytes the 8042 received since the last call: the one in its output
 * buffer, then its queue, in order. Consumes them (no guest runs here). */
static void want_sent(struct machine *m, const uint8_t *bytes, size_t n)
{
    struct kbc *k = &m->kbc;
    uint8_t got[KBC_QUEUE + 1];
    size_t n_got = 0;
    if (k->out_full)
        got[n_got++] = k->out;
    for (unsigned i = 0; i < k->count; i++)
        got[n_got++] = k->queue[(k->head + i) % KBC_QUEUE];
    assert_int_equal(n_got, n);
    assert_memory_equal(got, bytes, n);
    k->out_full = false;
    k->count = 0;
}

static void test_strokes_to_scancodes(void **state)
{
    (void)state;
    struct machine *m = machine_create();
    assert_non_null(m);
    assert_true(hw_init(m));
    keyin_stroke(m, keyin_from_char('a'));
    want_sent(m, (const uint8_t[]){ 0x1E, 0x9E }, 2);
    keyin_stroke(m, keyin_from_char('A'));
    want_sent(m, (const uint8_t[]){ 0x2A, 0x1E, 0x9E, 0xAA }, 4);
    keyin_stroke(m, keyin_from_char(0x03)); /* Ctrl-C */
    want_sent(m, (const uint8_t[]){ 0x1D, 0x2E, 0xAE, 0x9D }, 4);
    struct key_stroke up = { .scan = KEY_UP, .ext = true, .mods = KEY_MOD_CTRL };
    keyin_stroke(m, up);
    want_sent(m, (const uint8_t[]){ 0x1D, 0xE0, 0x48, 0xE0, 0xC8, 0x9D }, 6);
    /* 82h = 130: Alt, keypad 1 3 0, Alt released. */
    keyin_stroke(m, keyin_from_char(0x82));
    want_sent(m, (const uint8_t[]){ 0x38, 0x4F, 0xCF, 0x51, 0xD1, 0x52, 0xD2, 0xB8 }, 8);
    keyin_key(m, KEY_DEL, true, false);
    want_sent(m, (const uint8_t[]){ 0xE0, 0xD3 }, 2);
    machine_destroy(m);
}

/* xterm SGR mouse reports: press, release, motion, wheel, prefixes. */
static void test_mouse_reports(void **state)
{
    (void)state;
    struct term_mouse ev;
    size_t used;
    const uint8_t press[] = "\x1b[<0;11;6M";
    assert_int_equal(term_mouse_decode(press, sizeof press - 1, false, &ev, &used),
                     TERM_KEY_STROKE);
    assert_int_equal(used, sizeof press - 1);
    assert_int_equal(ev.col, 10);
    assert_int_equal(ev.row, 5);
    assert_int_equal(ev.button, 0);
    assert_false(ev.release);
    assert_false(ev.motion);
    const uint8_t release[] = "\x1b[<2;1;1m";
    assert_int_equal(term_mouse_decode(release, sizeof release - 1, false, &ev, &used),
                     TERM_KEY_STROKE);
    assert_int_equal(ev.button, 2);
    assert_true(ev.release);
    const uint8_t drag[] = "\x1b[<32;3;4M";
    assert_int_equal(term_mouse_decode(drag, sizeof drag - 1, false, &ev, &used),
                     TERM_KEY_STROKE);
    assert_true(ev.motion);
    const uint8_t wheel[] = "\x1b[<64;3;4M";
    assert_int_equal(term_mouse_decode(wheel, sizeof wheel - 1, false, &ev, &used),
                     TERM_KEY_STROKE);
    assert_true(ev.wheel);
    const uint8_t part[] = "\x1b[<0;11";
    assert_int_equal(term_mouse_decode(part, sizeof part - 1, true, &ev, &used),
                     TERM_KEY_NEED_MORE);
    const uint8_t key[] = "\x1b[A";
    assert_int_equal(term_mouse_decode(key, sizeof key - 1, false, &ev, &used),
                     TERM_KEY_IGNORED);
    assert_int_equal(used, 0);                    /* left for the key decoder */
    const uint8_t bad[] = "\x1b[<0;x";
    assert_int_equal(term_mouse_decode(bad, sizeof bad - 1, false, &ev, &used),
                     TERM_KEY_IGNORED);
    assert_int_equal(used, sizeof bad - 1);       /* dropped */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sequences),
        cmocka_unit_test(test_prefixes),
        cmocka_unit_test(test_strokes_to_scancodes),
        cmocka_unit_test(test_mouse_reports),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
