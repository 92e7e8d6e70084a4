/*
 * The MCB arena (dos/mem.c) against a trivial model, in the manner of
 * SQLite's sqlite3BitvecBuiltinTest: random allocate/free/resize/free-owned
 * sequences run on the real arena and on a plain array of blocks that
 * follows the same rules (first fit; a remainder of one paragraph or more
 * is split off with its own MCB; free blocks merge when an allocation or a
 * resize walks over them). After every step the two must describe the same
 * chain, mcb_chain_ok() must hold, and the bytes each program put in its
 * blocks must still be there. A planted mismatch proves the comparison
 * notices, and a corrupted MCB proves the chain check and INT 21h/48h do.
 *
 * Error codes: RBIL INT 21/AH=48h, 49h, 4Ah (7 = MCB destroyed, 8 = not
 * enough memory with BX = largest block, 9 = invalid block address).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "dos/dos.h"
#include "dos/int21.h"
#include "dos/mem.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

/* ---- The model ------------------------------------------------------- */

#define MODEL_MAX 4096

struct mblock {
    uint16_t mcb;    /* segment of the MCB */
    uint16_t size;   /* paragraphs after it */
    uint16_t owner;  /* 0 = free */
};

struct model {
    struct mblock b[MODEL_MAX];
    int n;
};

static void model_init(struct model *md, uint16_t first)
{
    md->n = 1;
    md->b[0] = (struct mblock){ first, (uint16_t)(MEM_TOP_SEG - first - 1), 0 };
}

static void model_remove(struct model *md, int i)
{
    memmove(&md->b[i], &md->b[i + 1], sizeof md->b[0] * (size_t)(md->n - i - 1));
    md->n--;
}

static void model_insert(struct model *md, int i, struct mblock b)
{
    assert_true(md->n < MODEL_MAX);
    memmove(&md->b[i + 1], &md->b[i], sizeof md->b[0] * (size_t)(md->n - i));
    md->b[i] = b;
    md->n++;
}

/* Merge the free blocks after block i into it, if it is free. */
static void model_merge(struct model *md, int i)
{
    while (md->b[i].owner == 0 && i + 1 < md->n && md->b[i + 1].owner == 0) {
        md->b[i].size = (uint16_t)(md->b[i].size + 1 + md->b[i + 1].size);
        model_remove(md, i + 1);
    }
}

static void model_split(struct model *md, int i, uint16_t paras)
{
    struct mblock rest = { (uint16_t)(md->b[i].mcb + 1 + paras),
                           (uint16_t)(md->b[i].size - paras - 1), 0 };
    md->b[i].size = paras;
    model_insert(md, i + 1, rest);
}

static uint16_t model_alloc(struct model *md, uint16_t paras, uint16_t owner, uint16_t *largest)
{
    uint16_t best = 0;
    for (int i = 0; i < md->n; i++) {
        if (md->b[i].owner)
            continue;
        model_merge(md, i);
        if (md->b[i].size >= paras) {
            if (md->b[i].size > paras)
                model_split(md, i, paras);
            md->b[i].owner = owner;
            return (uint16_t)(md->b[i].mcb + 1);
        }
        if (md->b[i].size > best)
            best = md->b[i].size;
    }
    *largest = best;
    return 0;
}

static int model_find(const struct model *md, uint16_t seg)
{
    for (int i = 0; i < md->n; i++)
        if (md->b[i].mcb + 1 == seg)
            return i;
    return -1;
}

static int model_free(struct model *md, uint16_t seg)
{
    int i = model_find(md, seg);
    if (i < 0)
        return DOS_ERR_INVALID_MEMORY_BLOCK;
    md->b[i].owner = 0;
    return 0;
}

static int model_resize(struct model *md, uint16_t seg, uint16_t paras, uint16_t *largest)
{
    int i = model_find(md, seg);
    if (i < 0)
        return DOS_ERR_INVALID_MEMORY_BLOCK;
    uint32_t avail = md->b[i].size;
    if (i + 1 < md->n) {
        model_merge(md, i + 1);
        if (md->b[i + 1].owner == 0)
            avail += 1u + md->b[i + 1].size;
    }
    int err = 0;
    if (paras > avail) { /* grown as far as it goes, and still an error */
        *largest = (uint16_t)avail;
        err = DOS_ERR_INSUFFICIENT_MEMORY;
        paras = (uint16_t)avail;
    }
    if (paras > md->b[i].size) {
        md->b[i].size = (uint16_t)avail;
        model_remove(md, i + 1);
    }
    if (md->b[i].size > paras)
        model_split(md, i, paras);
    if (i + 1 < md->n)
        model_merge(md, i + 1);
    return err;
}

static void model_free_owned(struct model *md, uint16_t owner)
{
    for (int i = 0; i < md->n; i++)
        if (md->b[i].owner == owner)
            md->b[i].owner = 0;
}

/* Does the arena's chain say exactly what the model says? */
static bool model_matches(struct machine *m, const struct model *md)
{
    uint16_t mcb = m->dos->first_mcb;
    for (int i = 0; i < md->n; i++) {
        uint32_t l = mem_lin(mcb, 0);
        uint8_t type = mem_rd8(m, l + MCB_TYPE);
        uint8_t want_type = i + 1 == md->n ? MCB_TYPE_LAST : MCB_TYPE_MORE;
        if (mcb != md->b[i].mcb || type != want_type ||
            mem_rd16(m, l + MCB_OWNER) != md->b[i].owner ||
            mem_rd16(m, l + MCB_SIZE) != md->b[i].size) {
            print_message("block %d: arena MCB %04Xh type %c owner %04Xh size %04Xh; "
                          "model MCB %04Xh type %c owner %04Xh size %04Xh\n",
                          i, mcb, type, mem_rd16(m, l + MCB_OWNER), mem_rd16(m, l + MCB_SIZE),
                          md->b[i].mcb, want_type, md->b[i].owner, md->b[i].size);
            return false;
        }
        mcb = (uint16_t)(mcb + 1 + md->b[i].size);
    }
    return true;
}

/* ---- Block contents: each allocated block carries a pattern ---------- */

/* The byte a block's owner keeps at offset `i` of block `seg`. */
static uint8_t pattern(uint16_t seg, uint32_t i)
{
    return (uint8_t)(seg * 31u + i * 7u);
}

static void fill_block(struct machine *m, uint16_t seg, uint16_t paras)
{
    for (uint32_t i = 0; i < (uint32_t)paras * 16; i++)
        mem_wr8(m, mem_lin(seg, 0) + i, pattern(seg, i));
}

/* Every allocated block of the model still holds its pattern (a grown
 * block is refilled). With `edges_only`, just its first and last
 * paragraph: an MCB written in the wrong place lands on a block edge, and
 * the whole-block scan is too slow to run on every step. */
static bool contents_ok(struct machine *m, const struct model *md, bool edges_only)
{
    for (int i = 0; i < md->n; i++) {
        if (!md->b[i].owner)
            continue;
        uint16_t seg = (uint16_t)(md->b[i].mcb + 1);
        uint32_t len = (uint32_t)md->b[i].size * 16;
        const uint8_t *host = mem_ptr(m, mem_lin(seg, 0), len);
        assert_non_null(host);
        for (uint32_t k = 0; k < len; k++) {
            if (edges_only && k == 16 && len > 32)
                k = len - 16;
            if (host[k] != pattern(seg, k)) {
                print_message("block %04Xh byte %u overwritten\n", seg, k);
                return false;
            }
        }
    }
    return true;
}

/* ---- Fixture --------------------------------------------------------- */

static int setup(void **state)
{
    struct machine *m = machine_create();
    assert_non_null(m);
    assert_true(dos_init(m));
    *state = m;
    return 0;
}

static int teardown(void **state)
{
    struct machine *m = *state;
    dos_destroy(m);
    machine_destroy(m);
    return 0;
}

static uint32_t rng_next(uint32_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

/* A size: mostly small, sometimes large, now and then 0 or too big. */
static uint16_t rand_size(uint32_t *s)
{
    switch (rng_next(s) % 8) {
    case 0: return (uint16_t)(rng_next(s) % 3);
    case 1: return (uint16_t)(rng_next(s) % 0x4000);
    case 2: return (uint16_t)(0x8000 + rng_next(s) % 0x8000);
    default: return (uint16_t)(1 + rng_next(s) % 0x80);
    }
}

static const uint16_t owners[] = { 0x0200, 0x0300, 0x0400 };

/* A segment to free or resize: usually a model block, sometimes a
 * segment that is not one (inside a block, past the arena, 0). */
static uint16_t rand_seg(uint32_t *s, const struct model *md)
{
    if (rng_next(s) % 8 == 0) {
        switch (rng_next(s) % 3) {
        case 0: return (uint16_t)(md->b[rng_next(s) % (uint32_t)md->n].mcb + 2);
        case 1: return (uint16_t)(0xA000 + rng_next(s) % 0x1000);
        default: return 0;
        }
    }
    return (uint16_t)(md->b[rng_next(s) % (uint32_t)md->n].mcb + 1);
}

/* Run `steps` random operations; `plant` > 0 makes the model go wrong on
 * that step (it forgets to merge), for the self-test. Returns the step at
 * which the arena and the model first disagreed, or 0. */
static int run_random(struct machine *m, uint32_t seed, int steps, int plant)
{
    static struct model md;
    model_init(&md, m->dos->first_mcb);
    uint32_t s = seed;
    for (int step = 1; step <= steps; step++) {
        unsigned op = rng_next(&s) % 10;
        uint16_t owner = owners[rng_next(&s) % 3];
        if (op < 4) {
            uint16_t paras = rand_size(&s), l1 = 0xDEAD, l2 = 0xBEEF;
            int err = 0;
            uint16_t got = mcb_alloc(m, paras, owner, &l1, &err);
            uint16_t want = model_alloc(&md, paras, owner, &l2);
            assert_int_equal(got, want);
            if (got)
                fill_block(m, got, paras);
            else {
                assert_int_equal(err, DOS_ERR_INSUFFICIENT_MEMORY);
                assert_int_equal(l1, l2);
            }
        } else if (op < 7) {
            uint16_t seg = rand_seg(&s, &md);
            assert_int_equal(mcb_free(m, seg), model_free(&md, seg));
        } else if (op < 9) {
            uint16_t seg = rand_seg(&s, &md), paras = rand_size(&s);
            int i = model_find(&md, seg);
            uint16_t old = i >= 0 ? md.b[i].size : 0, owned = i >= 0 ? md.b[i].owner : 0;
            uint16_t l1 = 0xDEAD, l2 = 0xBEEF;
            int err = mcb_resize(m, seg, paras, &l1);
            assert_int_equal(err, model_resize(&md, seg, paras, &l2));
            if (err == DOS_ERR_INSUFFICIENT_MEMORY)
                assert_int_equal(l1, l2);
            if (err == DOS_ERR_INSUFFICIENT_MEMORY)
                paras = l1; /* it grew as far as it could */
            if ((!err || err == DOS_ERR_INSUFFICIENT_MEMORY) && owned && paras > old)
                fill_block(m, seg, paras);
        } else {
            mcb_free_owned(m, owner);
            model_free_owned(&md, owner);
        }
        if (step == plant && md.n > 1) {
            /* The planted fault: the model "forgets" a paragraph. */
            md.b[0].size--;
            md.b[1].mcb--;
            md.b[1].size++;
        }
        assert_true(mcb_chain_ok(m));
        if (!model_matches(m, &md))
            return step;
        assert_true(contents_ok(m, &md, step % 64 != 0 && step != steps));
    }
    return 0;
}

/* mcb-1: random sequences agree with the model, step by step. */
static void test_random_against_model(void **state)
{
    static const uint32_t seeds[] = { 1, 0x12345678u, 0xCAFEF00Du, 42, 0x9E3779B9u };
    for (unsigned i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
        struct machine *m = machine_create();
        assert_non_null(m);
        assert_true(dos_init(m));
        assert_int_equal(run_random(m, seeds[i], 3000, 0), 0);
        dos_destroy(m);
        machine_destroy(m);
    }
    (void)state;
}

/* mcb-2: the comparison is not vacuous: a model planted with a wrong
 * block on step 50 is caught on that very step. */
static void test_planted_mismatch(void **state)
{
    struct machine *m = *state;
    assert_int_equal(run_random(m, 7, 200, 50), 50);
}

/* mcb-3: a corrupted MCB breaks the chain check, and INT 21h/48h then
 * fails with 7 (memory control blocks destroyed); 49h on a block past the
 * damage fails with 7 too, a block before it still frees. */
static void test_corrupt_mcb(void **state)
{
    struct machine *m = *state;
    uint16_t largest;
    int err;
    uint16_t a = mcb_alloc(m, 0x100, 0x0200, &largest, &err);
    uint16_t b = mcb_alloc(m, 0x100, 0x0200, &largest, &err);
    uint16_t c = mcb_alloc(m, 0x100, 0x0200, &largest, &err);
    assert_true(a && b && c);
    assert_true(mcb_chain_ok(m));

    mem_wr8(m, mem_lin((uint16_t)(b - 1), MCB_TYPE), 'X');
    assert_false(mcb_chain_ok(m));

    m->dos->cur_psp = 0x0200;
    m->r.bx.w = 0x8000; /* more than any block before the damage */
    m->r.flags = 0;
    dos_fn_alloc(m);
    assert_true(m->r.flags & FLAG_CF);
    assert_int_equal(m->r.ax.w, DOS_ERR_MCB_DESTROYED);

    m->r.es = c;
    m->r.flags = 0;
    dos_fn_free(m);
    assert_true(m->r.flags & FLAG_CF);
    assert_int_equal(m->r.ax.w, DOS_ERR_MCB_DESTROYED);

    m->r.es = a;
    m->r.flags = FLAG_CF;
    dos_fn_free(m);
    assert_false(m->r.flags & FLAG_CF);

    /* A size that runs the chain past the top of memory is damage too. */
    mem_wr8(m, mem_lin((uint16_t)(b - 1), MCB_TYPE), MCB_TYPE_MORE);
    assert_true(mcb_chain_ok(m));
    mem_wr16(m, mem_lin((uint16_t)(c - 1), MCB_SIZE), 0xF000);
    assert_false(mcb_chain_ok(m));
}

/* mcb-4: the INT 21h error codes and BX on failure. */
static void test_int21_errors(void **state)
{
    struct machine *m = *state;
    m->dos->cur_psp = 0x0300;
    uint16_t total = (uint16_t)(MEM_TOP_SEG - m->dos->first_mcb - 1);

    /* 48h: too large -> 8, BX = the largest free block. */
    m->r.bx.w = 0xFFFF;
    m->r.flags = 0;
    dos_fn_alloc(m);
    assert_true(m->r.flags & FLAG_CF);
    assert_int_equal(m->r.ax.w, DOS_ERR_INSUFFICIENT_MEMORY);
    assert_int_equal(m->r.bx.w, total);

    /* 48h: exactly the largest block succeeds and takes all of it. */
    m->r.bx.w = total;
    dos_fn_alloc(m);
    assert_false(m->r.flags & FLAG_CF);
    uint16_t all = m->r.ax.w;
    assert_int_equal(all, m->dos->first_mcb + 1);

    /* 48h with nothing free: 8 and BX = 0. */
    m->r.bx.w = 1;
    dos_fn_alloc(m);
    assert_true(m->r.flags & FLAG_CF);
    assert_int_equal(m->r.ax.w, DOS_ERR_INSUFFICIENT_MEMORY);
    assert_int_equal(m->r.bx.w, 0);

    /* 4Ah shrink, then 48h fits in what was given back. */
    m->r.es = all;
    m->r.bx.w = 0x100;
    dos_fn_resize(m);
    assert_false(m->r.flags & FLAG_CF);
    m->r.bx.w = 0x200;
    dos_fn_alloc(m);
    assert_false(m->r.flags & FLAG_CF);
    uint16_t second = m->r.ax.w;
    assert_int_equal(second, all + 0x100 + 1);

    /* 4Ah grow past a used neighbour: 8, BX = the current size. */
    m->r.es = all;
    m->r.bx.w = 0x101;
    dos_fn_resize(m);
    assert_true(m->r.flags & FLAG_CF);
    assert_int_equal(m->r.ax.w, DOS_ERR_INSUFFICIENT_MEMORY);
    assert_int_equal(m->r.bx.w, 0x100);

    /* 4Ah grow into a free neighbour, too far: 8, BX = own size + 1 +
     * neighbour, and the block has grown to that (RBIL: "made as large
     * as possible"), so nothing is left to allocate. */
    m->r.es = second;
    m->r.bx.w = 0xFFFF;
    dos_fn_resize(m);
    assert_true(m->r.flags & FLAG_CF);
    assert_int_equal(m->r.ax.w, DOS_ERR_INSUFFICIENT_MEMORY);
    assert_int_equal(m->r.bx.w, total - 0x100 - 1);
    assert_int_equal(mem_rd16(m, mem_lin((uint16_t)(second - 1), MCB_SIZE)), total - 0x100 - 1);
    assert_int_equal(mem_rd8(m, mem_lin((uint16_t)(second - 1), MCB_TYPE)), MCB_TYPE_LAST);
    assert_true(mcb_chain_ok(m));

    /* 49h / 4Ah of something that is not a block: 9. */
    static const uint16_t bogus[] = { 0, 0x0001, 0xFFFF };
    for (unsigned i = 0; i < 3; i++) {
        m->r.es = i == 0 ? (uint16_t)(all + 1) : bogus[i];
        m->r.flags = 0;
        dos_fn_free(m);
        assert_true(m->r.flags & FLAG_CF);
        assert_int_equal(m->r.ax.w, DOS_ERR_INVALID_MEMORY_BLOCK);
        m->r.bx.w = 1;
        m->r.flags = 0;
        dos_fn_resize(m);
        assert_true(m->r.flags & FLAG_CF);
        assert_int_equal(m->r.ax.w, DOS_ERR_INVALID_MEMORY_BLOCK);
    }

    /* Freeing everything and allocating again gives the whole arena back
     * (the free blocks merge on the walk). */
    m->r.es = second;
    dos_fn_free(m);
    m->r.es = all;
    dos_fn_free(m);
    m->r.bx.w = total;
    dos_fn_alloc(m);
    assert_false(m->r.flags & FLAG_CF);
    assert_int_equal(m->r.ax.w, all);
    assert_true(mcb_chain_ok(m));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_against_model),
        cmocka_unit_test_setup_teardown(test_planted_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_mcb, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int21_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
