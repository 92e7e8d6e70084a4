/*
 * XMS 3.0 driver (see xms.h). Function numbers, results and error codes
 * follow the eXtended Memory Specification 3.0 as RBIL lists them (INT
 * 2F/AX=4310h, "XMS driver functions"): every function returns AX = 1 on
 * success, AX = 0 and BL = error code on failure.
 *
 * EMBs are kept in KiB units inside one host buffer; handles index a
 * small table and a block's place is found first-fit in the gaps between
 * the live blocks (a reallocation moves the data, so the buffer never
 * needs compacting for a block to grow, only a large enough gap).
 */
#include "dos/xms.h"

#include <stdlib.h>
#include <string.h>

#include "bios/rom.h"
#include "dos/dos.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define XMS_HANDLES 64
#define KIB 1024u
#define HMA_SIZE 0xFFF0u  /* FFFF:0010-FFFF:FFFF */
#define XMS_LOCK_MAX 255
/* Where lock (0Ch) says blocks are: just past the HMA (see xms.h). */
#define XMS_FAKE_BASE 0x110000u

/* INT 2Fh/43h subfunctions (RBIL INT 2F/AX=4300h, 4310h). */
#define XMS_MUX_CHECK 0x00
#define XMS_MUX_ENTRY 0x10
#define XMS_INSTALLED 0x80

/* Function numbers (AH at the entry point). */
enum {
    XMS_VERSION = 0x00, XMS_HMA_REQ, XMS_HMA_REL, XMS_A20_GLOBAL_ON, XMS_A20_GLOBAL_OFF,
    XMS_A20_LOCAL_ON, XMS_A20_LOCAL_OFF, XMS_A20_QUERY, XMS_QUERY_FREE, XMS_ALLOC,
    XMS_FREE, XMS_MOVE, XMS_LOCK, XMS_UNLOCK, XMS_HANDLE_INFO, XMS_REALLOC,
    XMS_UMB_REQ, XMS_UMB_REL, XMS_UMB_REALLOC,
    XMS_QUERY_FREE32 = 0x88, XMS_ALLOC32 = 0x89, XMS_HANDLE_INFO32 = 0x8E,
    XMS_REALLOC32 = 0x8F,
};

/* Error codes in BL. */
enum {
    XMS_ERR_NOT_IMPL = 0x80,
    XMS_ERR_NO_HMA = 0x90,
    XMS_ERR_HMA_IN_USE = 0x91,
    XMS_ERR_HMA_NOT_ALLOCATED = 0x93,
    XMS_ERR_A20_STILL_ON = 0x94,
    XMS_ERR_NO_MEMORY = 0xA0,
    XMS_ERR_NO_HANDLES = 0xA1,
    XMS_ERR_BAD_HANDLE = 0xA2,
    XMS_ERR_BAD_SRC_HANDLE = 0xA3,
    XMS_ERR_BAD_SRC_OFFSET = 0xA4,
    XMS_ERR_BAD_DST_HANDLE = 0xA5,
    XMS_ERR_BAD_DST_OFFSET = 0xA6,
    XMS_ERR_BAD_LENGTH = 0xA7,
    XMS_ERR_NOT_LOCKED = 0xAA,
    XMS_ERR_LOCKED = 0xAB,
    XMS_ERR_LOCK_OVERFLOW = 0xAC,
    XMS_ERR_NO_UMB = 0xB1,
    XMS_ERR_BAD_UMB = 0xB2,
};

#define XMS_SPEC_VERSION 0x0300
#define XMS_DRIVER_REVISION 0x0100

struct xms_block {
    bool used;
    uint32_t start_kib, size_kib;
    uint8_t locks;
};

struct dos_xms {
    uint8_t *pool;
    uint32_t total_kib;
    struct xms_block h[XMS_HANDLES]; /* handle n is index n - 1 */
    bool hma_taken;
    unsigned a20_local;              /* local enable count */
    bool a20_global;
};

bool dos_xms_init(struct machine *m, uint32_t kib)
{
    if (kib == 0)
        return true;
    struct dos_xms *x = calloc(1, sizeof *x);
    if (!x)
        return false;
    x->pool = calloc(kib, KIB);
    if (!x->pool) {
        free(x);
        return false;
    }
    x->total_kib = kib;
    m->dos->xms = x;
    return true;
}

void dos_xms_destroy(struct machine *m)
{
    if (!m->dos || !m->dos->xms)
        return;
    free(m->dos->xms->pool);
    free(m->dos->xms);
    m->dos->xms = NULL;
}

static void xms_ok(struct machine *m)
{
    m->r.ax.w = 1;
    m->r.bx.l = 0;
}

static void xms_err(struct machine *m, uint8_t code)
{
    m->r.ax.w = 0;
    m->r.bx.l = code;
}

static struct xms_block *handle_of(struct dos_xms *x, uint16_t h)
{
    if (h == 0 || h > XMS_HANDLES || !x->h[h - 1].used)
        return NULL;
    return &x->h[h - 1];
}

/* The first gap of `kib` KiB, ignoring block `skip` (may be NULL); or -1.
 * Gaps are found by walking the blocks in address order. */
static int64_t find_gap(const struct dos_xms *x, uint32_t kib, const struct xms_block *skip)
{
    uint32_t at = 0;
    for (;;) {
        uint32_t next_end = 0;
        bool clash = false;
        for (int i = 0; i < XMS_HANDLES; i++) {
            const struct xms_block *b = &x->h[i];
            if (!b->used || b == skip || b->size_kib == 0)
                continue;
            if (b->start_kib < at + kib && at < b->start_kib + b->size_kib) {
                clash = true;
                if (b->start_kib + b->size_kib > next_end)
                    next_end = b->start_kib + b->size_kib;
            }
        }
        if (!clash)
            return at + kib <= x->total_kib ? (int64_t)at : -1;
        at = next_end;
    }
}

/* Largest gap and the sum of free space, in KiB. */
static void free_space(const struct dos_xms *x, uint32_t *largest, uint32_t *total)
{
    uint32_t used = 0;
    for (int i = 0; i < XMS_HANDLES; i++)
        if (x->h[i].used)
            used += x->h[i].size_kib;
    *total = x->total_kib - used;
    /* Search down from the total; first-fit agrees with it. */
    uint32_t lo = 0, hi = *total;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (find_gap(x, mid, NULL) >= 0)
            lo = mid;
        else
            hi = mid - 1;
    }
    *largest = lo;
}

static void set_a20(struct machine *m, bool on)
{
    m->a20_mask = on ? 0xFFFFFFFFu : MEM_A20_OFF_MASK;
}

static void xms_alloc(struct machine *m, struct dos_xms *x, uint32_t kib)
{
    int slot = -1;
    for (int i = 0; i < XMS_HANDLES && slot < 0; i++)
        if (!x->h[i].used)
            slot = i;
    if (slot < 0) {
        xms_err(m, XMS_ERR_NO_HANDLES);
        return;
    }
    int64_t at = find_gap(x, kib, NULL);
    if (at < 0) {
        xms_err(m, XMS_ERR_NO_MEMORY);
        return;
    }
    x->h[slot] = (struct xms_block){ .used = true, .start_kib = (uint32_t)at, .size_kib = kib };
    memset(x->pool + (size_t)at * KIB, 0, (size_t)kib * KIB);
    xms_ok(m);
    m->r.dx.w = (uint16_t)(slot + 1);
}

static void xms_realloc(struct machine *m, struct dos_xms *x, uint16_t h, uint32_t kib)
{
    struct xms_block *b = handle_of(x, h);
    if (!b) {
        xms_err(m, XMS_ERR_BAD_HANDLE);
        return;
    }
    if (b->locks) {
        xms_err(m, XMS_ERR_LOCKED);
        return;
    }
    int64_t at = find_gap(x, kib, b);
    if (at < 0) {
        xms_err(m, XMS_ERR_NO_MEMORY);
        return;
    }
    uint32_t keep = kib < b->size_kib ? kib : b->size_kib;
    memmove(x->pool + (size_t)at * KIB, x->pool + (size_t)b->start_kib * KIB, (size_t)keep * KIB);
    b->start_kib = (uint32_t)at;
    b->size_kib = kib;
    xms_ok(m);
}

/* The XMS move structure at DS:SI (RBIL "Format of EMM structure"). */
#define MOVE_LEN 0x00
#define MOVE_SRC_HANDLE 0x04
#define MOVE_SRC_OFF 0x06
#define MOVE_DST_HANDLE 0x0A
#define MOVE_DST_OFF 0x0C

/* A host pointer for `len` bytes at `off` of handle `h` (0: off is a
 * real-mode seg:off), or NULL. */
static uint8_t *move_ptr(struct machine *m, struct dos_xms *x, uint16_t h, uint32_t off,
                         uint32_t len, bool *bad_handle)
{
    *bad_handle = false;
    if (h == 0)
        return mem_ptr(m, mem_lin((uint16_t)(off >> 16), (uint16_t)off), len);
    struct xms_block *b = handle_of(x, h);
    if (!b) {
        *bad_handle = true;
        return NULL;
    }
    uint64_t size = (uint64_t)b->size_kib * KIB;
    if (off > size || len > size - off)
        return NULL;
    return x->pool + (size_t)b->start_kib * KIB + off;
}

/* 0Bh: move `len` bytes (even) between blocks and conventional memory.
 * Overlapping moves within one block behave like memmove (XMS 3.0 only
 * promises forward moves; doing both is the safe superset). */
static void xms_move(struct machine *m, struct dos_xms *x)
{
    uint32_t s = mem_lin(m->r.ds, m->r.si.w);
    uint32_t len = mem_rd32(m, s + MOVE_LEN);
    uint16_t sh = mem_rd16(m, s + MOVE_SRC_HANDLE), dh = mem_rd16(m, s + MOVE_DST_HANDLE);
    uint32_t so = mem_rd32(m, s + MOVE_SRC_OFF), doff = mem_rd32(m, s + MOVE_DST_OFF);
    if (len & 1) {
        xms_err(m, XMS_ERR_BAD_LENGTH);
        return;
    }
    bool bad;
    uint8_t *src = move_ptr(m, x, sh, so, len, &bad);
    if (!src) {
        xms_err(m, bad ? XMS_ERR_BAD_SRC_HANDLE : XMS_ERR_BAD_SRC_OFFSET);
        return;
    }
    uint8_t *dst = move_ptr(m, x, dh, doff, len, &bad);
    if (!dst) {
        xms_err(m, bad ? XMS_ERR_BAD_DST_HANDLE : XMS_ERR_BAD_DST_OFFSET);
        return;
    }
    memmove(dst, src, len);
    xms_ok(m);
}

/* The far-called driver entry: AH = function. Returns to the far caller
 * itself (the stub's IRET would pop a FLAGS word nobody pushed). */
static void xms_entry(struct machine *m)
{
    uint16_t ret_ip = mem_pop16(m);
    uint16_t ret_cs = mem_pop16(m);
    struct dos_xms *x = m->dos->xms;
    uint8_t fn = m->r.ax.h;
    struct xms_block *b;
    uint32_t largest, total;
    vdm_trace(m, TRACE_DOS, "XMS %02Xh BX=%04X DX=%04X", fn, m->r.bx.w, m->r.dx.w);

    switch (fn) {
    case XMS_VERSION:
        m->r.ax.w = XMS_SPEC_VERSION;
        m->r.bx.w = XMS_DRIVER_REVISION;
        m->r.dx.w = 1; /* the HMA exists */
        break;
    case XMS_HMA_REQ:
        if (x->hma_taken)
            xms_err(m, XMS_ERR_HMA_IN_USE);
        else {
            x->hma_taken = true;
            xms_ok(m);
        }
        break;
    case XMS_HMA_REL:
        if (!x->hma_taken)
            xms_err(m, XMS_ERR_HMA_NOT_ALLOCATED);
        else {
            x->hma_taken = false;
            xms_ok(m);
        }
        break;
    case XMS_A20_GLOBAL_ON:
        x->a20_global = true;
        set_a20(m, true);
        xms_ok(m);
        break;
    case XMS_A20_GLOBAL_OFF:
        x->a20_global = false;
        if (x->a20_local) {
            xms_err(m, XMS_ERR_A20_STILL_ON);
            break;
        }
        set_a20(m, false);
        xms_ok(m);
        break;
    case XMS_A20_LOCAL_ON:
        x->a20_local++;
        set_a20(m, true);
        xms_ok(m);
        break;
    case XMS_A20_LOCAL_OFF:
        if (x->a20_local)
            x->a20_local--;
        if (x->a20_local || x->a20_global) {
            xms_err(m, XMS_ERR_A20_STILL_ON);
            break;
        }
        set_a20(m, false);
        xms_ok(m);
        break;
    case XMS_A20_QUERY:
        m->r.ax.w = m->a20_mask != MEM_A20_OFF_MASK;
        m->r.bx.l = 0;
        break;
    case XMS_QUERY_FREE:
        free_space(x, &largest, &total);
        m->r.ax.w = (uint16_t)(largest > 0xFFFF ? 0xFFFF : largest);
        m->r.dx.w = (uint16_t)(total > 0xFFFF ? 0xFFFF : total);
        m->r.bx.l = total ? 0 : XMS_ERR_NO_MEMORY;
        break;
    case XMS_QUERY_FREE32:
        free_space(x, &largest, &total);
        m->r.ax.e = largest;
        m->r.dx.e = total;
        m->r.cx.e = XMS_FAKE_BASE + x->total_kib * KIB - 1;
        m->r.bx.l = total ? 0 : XMS_ERR_NO_MEMORY;
        break;
    case XMS_ALLOC:
        xms_alloc(m, x, m->r.dx.w);
        break;
    case XMS_ALLOC32:
        xms_alloc(m, x, m->r.dx.e);
        break;
    case XMS_FREE:
        if (!(b = handle_of(x, m->r.dx.w)))
            xms_err(m, XMS_ERR_BAD_HANDLE);
        else if (b->locks)
            xms_err(m, XMS_ERR_LOCKED);
        else {
            b->used = false;
            xms_ok(m);
        }
        break;
    case XMS_MOVE:
        xms_move(m, x);
        break;
    case XMS_LOCK:
        if (!(b = handle_of(x, m->r.dx.w)))
            xms_err(m, XMS_ERR_BAD_HANDLE);
        else if (b->locks == XMS_LOCK_MAX)
            xms_err(m, XMS_ERR_LOCK_OVERFLOW);
        else {
            uint32_t addr = XMS_FAKE_BASE + b->start_kib * KIB;
            b->locks++;
            xms_ok(m);
            m->r.dx.w = (uint16_t)(addr >> 16);
            m->r.bx.w = (uint16_t)addr;
        }
        break;
    case XMS_UNLOCK:
        if (!(b = handle_of(x, m->r.dx.w)))
            xms_err(m, XMS_ERR_BAD_HANDLE);
        else if (!b->locks)
            xms_err(m, XMS_ERR_NOT_LOCKED);
        else {
            b->locks--;
            xms_ok(m);
        }
        break;
    case XMS_HANDLE_INFO:
    case XMS_HANDLE_INFO32:
        if (!(b = handle_of(x, m->r.dx.w))) {
            xms_err(m, XMS_ERR_BAD_HANDLE);
            break;
        }
        m->r.ax.w = 1;
        m->r.bx.h = b->locks;
        unsigned nfree = 0;
        for (int i = 0; i < XMS_HANDLES; i++)
            nfree += !x->h[i].used;
        if (fn == XMS_HANDLE_INFO) {
            m->r.bx.l = (uint8_t)nfree;
            m->r.dx.w = (uint16_t)(b->size_kib > 0xFFFF ? 0xFFFF : b->size_kib);
        } else {
            m->r.cx.w = (uint16_t)nfree;
            m->r.dx.e = b->size_kib;
        }
        break;
    case XMS_REALLOC:
        xms_realloc(m, x, m->r.dx.w, m->r.bx.w);
        break;
    case XMS_REALLOC32:
        xms_realloc(m, x, m->r.dx.w, m->r.bx.e);
        break;
    case XMS_UMB_REQ:
        /* No upper memory blocks: the DOS arena ends at A000h and the
         * areas above it are video memory, the EMS frame and the ROM. */
        xms_err(m, XMS_ERR_NO_UMB);
        m->r.dx.w = 0; /* largest UMB available */
        break;
    case XMS_UMB_REL:
    case XMS_UMB_REALLOC:
        xms_err(m, XMS_ERR_BAD_UMB);
        break;
    default:
        xms_err(m, XMS_ERR_NOT_IMPL);
        break;
    }
    m->r.cs = ret_cs;
    m->r.ip.w = ret_ip;
}

bool dos_xms_int2f(struct machine *m)
{
    if (m->r.ax.h != 0x43 || !m->dos->xms)
        return false;
    if (m->r.ax.l == XMS_MUX_CHECK) {
        m->r.ax.l = XMS_INSTALLED;
        return true;
    }
    if (m->r.ax.l == XMS_MUX_ENTRY) {
        m->r.es = ROM_SEG;
        m->r.bx.w = rom_stub_off(ROM_XMS_VECTOR);
        /* The handler is registered lazily: only a machine with a driver
         * answers at the stub. */
        machine_set_int_handler(m, ROM_XMS_VECTOR, xms_entry);
        return true;
    }
    return false;
}
