/*
 * EMS 4.0 driver (see ems.h). Functions, results and error codes follow
 * the LIM EMS 4.0 specification as RBIL lists them (INT 67/AH=40h-5Bh):
 * AH = 0 on success, else an error code in AH.
 *
 * Handle 0 is the operating system's handle (LIM 4.0), present with no
 * pages, as under EMM386. Pages are handed out from the host buffer by a
 * per-page owner table, so an allocation needs no contiguous run and
 * reallocation (51h) never moves data.
 */
#include "dos/ems.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bios/rom.h"
#include "dos/dos.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

#define EMS_PAGE 0x4000u
#define EMS_PHYS_PAGES 4
#define EMS_HANDLES 64
#define EMS_NAME_LEN 8
#define EMS_NO_PAGE 0xFFFFu
#define EMS_VERSION 0x40         /* LIM 4.0 */
/* Where detectors look for the name: offset 0Ah of the INT 67h handler's
 * segment (RBIL INT 67, "installation check"). */
#define EMS_NAME_OFF 0x000Au
static const char emm_name[EMS_NAME_LEN] = "EMMXXXX0";

enum {
    EMS_OK = 0x00,
    EMS_ERR_BAD_HANDLE = 0x83,
    EMS_ERR_BAD_FUNCTION = 0x84,
    EMS_ERR_NO_HANDLES = 0x85,
    EMS_ERR_SAVED_CONTEXT = 0x86,
    EMS_ERR_TOTAL = 0x87,
    EMS_ERR_FREE = 0x88,
    EMS_ERR_ZERO_PAGES = 0x89,
    EMS_ERR_LOGICAL = 0x8A,
    EMS_ERR_PHYSICAL = 0x8B,
    EMS_ERR_ALREADY_SAVED = 0x8D,
    EMS_ERR_NOT_SAVED = 0x8E,
    EMS_ERR_SUBFUNCTION = 0x8F,
    EMS_ERR_NONVOLATILE = 0x91,
    EMS_ERR_REGION_TOO_BIG = 0x93,
    EMS_ERR_OFFSET = 0x95,
    EMS_ERR_BAD_TYPE = 0x98,
    EMS_ERR_NAME_NOT_FOUND = 0xA0,
    EMS_ERR_BAD_SAVED_MAP = 0xA3,
    EMS_ERR_NAME_EXISTS = 0xA1,
    EMS_ERR_WRAP = 0xA2,
    EMS_ERR_DENIED = 0xA4,
};

struct ems_slot {
    uint16_t handle, page;   /* what the physical page holds; page FFFFh: none */
};

struct ems_handle {
    bool used;
    uint16_t pages;
    char name[EMS_NAME_LEN];
    bool saved;                            /* 47h context held */
    struct ems_slot save[EMS_PHYS_PAGES];
};

struct dos_ems {
    uint8_t *pool;
    uint16_t total;                 /* pages */
    uint16_t *owner;                /* per pool page: handle + 1, 0 = free */
    uint16_t *index;                /* per pool page: logical page number */
    struct ems_handle h[EMS_HANDLES];
    struct ems_slot map[EMS_PHYS_PAGES];
};

bool dos_ems_is_device(const struct machine *m, const char *name, size_t len)
{
    return m->dos->ems && len == EMS_NAME_LEN && strncasecmp(name, emm_name, len) == 0;
}

/* The pool page holding logical page `lp` of handle `h`, or -1. */
static int pool_page(const struct dos_ems *e, uint16_t h, uint16_t lp)
{
    for (int i = 0; i < e->total; i++)
        if (e->owner[i] == h + 1 && e->index[i] == lp)
            return i;
    return -1;
}

static uint8_t *frame(struct machine *m, int phys)
{
    return mem_ptr(m, mem_lin(EMS_FRAME_SEG, (uint16_t)(phys * EMS_PAGE)), EMS_PAGE);
}

/* Copy physical page `phys` out to its owner (if it holds one). */
static void slot_out(struct machine *m, struct dos_ems *e, int phys)
{
    struct ems_slot *s = &e->map[phys];
    if (s->page == EMS_NO_PAGE)
        return;
    int pp = pool_page(e, s->handle, s->page);
    if (pp >= 0)
        memcpy(e->pool + (size_t)pp * EMS_PAGE, frame(m, phys), EMS_PAGE);
}

static void slot_in(struct machine *m, struct dos_ems *e, int phys)
{
    struct ems_slot *s = &e->map[phys];
    if (s->page == EMS_NO_PAGE)
        return;
    int pp = pool_page(e, s->handle, s->page);
    if (pp >= 0)
        memcpy(frame(m, phys), e->pool + (size_t)pp * EMS_PAGE, EMS_PAGE);
}

/* Put logical page `lp` of handle `h` (EMS_NO_PAGE: nothing) into `phys`. */
static void slot_set(struct machine *m, struct dos_ems *e, int phys, uint16_t h, uint16_t lp)
{
    slot_out(m, e, phys);
    e->map[phys] = (struct ems_slot){ h, lp };
    slot_in(m, e, phys);
}

static void sync_out(struct machine *m, struct dos_ems *e)
{
    for (int p = 0; p < EMS_PHYS_PAGES; p++)
        slot_out(m, e, p);
}

static void sync_in(struct machine *m, struct dos_ems *e)
{
    for (int p = 0; p < EMS_PHYS_PAGES; p++)
        slot_in(m, e, p);
}

static uint16_t free_pages(const struct dos_ems *e)
{
    uint16_t n = 0;
    for (int i = 0; i < e->total; i++)
        n += e->owner[i] == 0;
    return n;
}

static bool handle_ok(const struct dos_ems *e, uint16_t h)
{
    return h < EMS_HANDLES && e->h[h].used;
}

/* Give handle `h` pages until it has `n` (the caller checked there are
 * enough free), or take its highest ones away, unmapping them. */
static void set_pages(struct dos_ems *e, uint16_t h, uint16_t n)
{
    for (int p = 0; p < EMS_PHYS_PAGES; p++)
        if (e->map[p].page != EMS_NO_PAGE && e->map[p].handle == h && e->map[p].page >= n)
            e->map[p].page = EMS_NO_PAGE;
    for (int i = 0; i < e->total; i++)
        if (e->owner[i] == h + 1 && e->index[i] >= n)
            e->owner[i] = 0;
    for (uint16_t lp = e->h[h].pages; lp < n; lp++) {
        for (int i = 0; i < e->total; i++) {
            if (e->owner[i] == 0) {
                e->owner[i] = h + 1;
                e->index[i] = lp;
                memset(e->pool + (size_t)i * EMS_PAGE, 0, EMS_PAGE);
                break;
            }
        }
    }
    e->h[h].pages = n;
}

/* 43h/5Ah: a new handle with `n` pages. */
static uint8_t ems_alloc(struct machine *m, struct dos_ems *e, uint16_t n, bool zero_ok)
{
    if (n == 0 && !zero_ok)
        return EMS_ERR_ZERO_PAGES;
    if (n > e->total)
        return EMS_ERR_TOTAL;
    if (n > free_pages(e))
        return EMS_ERR_FREE;
    for (uint16_t h = 1; h < EMS_HANDLES; h++) {
        if (!e->h[h].used) {
            e->h[h] = (struct ems_handle){ .used = true };
            set_pages(e, h, n);
            m->r.dx.w = h;
            return EMS_OK;
        }
    }
    return EMS_ERR_NO_HANDLES;
}

/* 44h/50h: map one page. `phys` counts 0-3. */
static uint8_t ems_map(struct machine *m, struct dos_ems *e, uint16_t h, int phys, uint16_t lp)
{
    if (!handle_ok(e, h))
        return EMS_ERR_BAD_HANDLE;
    if (phys < 0 || phys >= EMS_PHYS_PAGES)
        return EMS_ERR_PHYSICAL;
    if (lp != EMS_NO_PAGE && lp >= e->h[h].pages)
        return EMS_ERR_LOGICAL;
    slot_set(m, e, phys, h, lp);
    return EMS_OK;
}

/* The physical page at segment `seg`, or -1. */
static int phys_of_seg(uint16_t seg)
{
    if (seg < EMS_FRAME_SEG || (seg - EMS_FRAME_SEG) % (EMS_PAGE >> 4))
        return -1;
    int p = (seg - EMS_FRAME_SEG) / (EMS_PAGE >> 4);
    return p < EMS_PHYS_PAGES ? p : -1;
}

/* 50h: map CX pages from the array at DS:SI; AL = 0: physical page
 * numbers, 1: segments. */
static uint8_t ems_map_multiple(struct machine *m, struct dos_ems *e)
{
    if (m->r.ax.l > 1)
        return EMS_ERR_SUBFUNCTION;
    uint32_t a = mem_lin(m->r.ds, m->r.si.w);
    for (uint16_t i = 0; i < m->r.cx.w; i++, a += 4) {
        uint16_t lp = mem_rd16(m, a), ph = mem_rd16(m, a + 2);
        int phys = m->r.ax.l == 1 ? phys_of_seg(ph) : ph;
        uint8_t r = ems_map(m, e, m->r.dx.w, phys, lp);
        if (r)
            return r;
    }
    return EMS_OK;
}

/* 4Eh page map array: the four slots as (handle, page) words. */
#define EMS_MAP_BYTES (EMS_PHYS_PAGES * 4)

static uint8_t ems_page_map(struct machine *m, struct dos_ems *e)
{
    uint8_t al = m->r.ax.l;
    if (al == 3) {
        m->r.ax.l = EMS_MAP_BYTES;
        return EMS_OK;
    }
    if (al > 2)
        return EMS_ERR_SUBFUNCTION;
    if (al == 0 || al == 2) {
        uint32_t d = mem_lin(m->r.es, m->r.di.w);
        for (int p = 0; p < EMS_PHYS_PAGES; p++) {
            mem_wr16(m, d + p * 4u, e->map[p].handle);
            mem_wr16(m, d + p * 4u + 2, e->map[p].page);
        }
    }
    if (al == 1 || al == 2) {
        uint32_t s = mem_lin(m->r.ds, m->r.si.w);
        for (int p = 0; p < EMS_PHYS_PAGES; p++) {
            uint16_t h = mem_rd16(m, s + p * 4u), lp = mem_rd16(m, s + p * 4u + 2);
            if (lp != EMS_NO_PAGE && (!handle_ok(e, h) || lp >= e->h[h].pages))
                return EMS_ERR_SUBFUNCTION; /* not a map this driver made */
        }
        for (int p = 0; p < EMS_PHYS_PAGES; p++)
            slot_set(m, e, p, mem_rd16(m, s + p * 4u), mem_rd16(m, s + p * 4u + 2));
    }
    return EMS_OK;
}

/* 4Fh partial page map. AL = 0: DS:SI -> (count, segments...), save
 * those pages' mapping to ES:DI; AL = 1: restore from DS:SI; AL = 2: BX =
 * page count, AL = bytes a save takes. The saved form (this driver's
 * own, as LIM leaves it to the driver): count word, then per page its
 * segment, handle and logical page. Errors 8Bh (a segment outside the
 * frame), A3h (a saved array this driver did not make). */
#define PARTIAL_ENTRY 6
static uint8_t ems_partial_map(struct machine *m, struct dos_ems *e)
{
    uint8_t al = m->r.ax.l;
    if (al == 2) {
        if (m->r.bx.w > EMS_PHYS_PAGES)
            return EMS_ERR_PHYSICAL;
        m->r.ax.l = (uint8_t)(2 + PARTIAL_ENTRY * m->r.bx.w);
        return EMS_OK;
    }
    uint32_t s = mem_lin(m->r.ds, m->r.si.w);
    uint16_t n = mem_rd16(m, s);
    if (al == 0) {
        if (n > EMS_PHYS_PAGES)
            return EMS_ERR_PHYSICAL;
        for (uint16_t i = 0; i < n; i++)
            if (phys_of_seg(mem_rd16(m, s + 2 + 2u * i)) < 0)
                return EMS_ERR_PHYSICAL;
        uint32_t d = mem_lin(m->r.es, m->r.di.w);
        mem_wr16(m, d, n);
        for (uint16_t i = 0; i < n; i++) {
            uint16_t seg = mem_rd16(m, s + 2 + 2u * i);
            const struct ems_slot *sl = &e->map[phys_of_seg(seg)];
            mem_wr16(m, d + 2 + PARTIAL_ENTRY * i, seg);
            mem_wr16(m, d + 4 + PARTIAL_ENTRY * i, sl->handle);
            mem_wr16(m, d + 6 + PARTIAL_ENTRY * i, sl->page);
        }
        return EMS_OK;
    }
    if (al != 1)
        return EMS_ERR_SUBFUNCTION;
    if (n > EMS_PHYS_PAGES)
        return EMS_ERR_BAD_SAVED_MAP;
    for (uint16_t i = 0; i < n; i++) {
        uint32_t a = s + 2 + PARTIAL_ENTRY * i;
        uint16_t h = mem_rd16(m, a + 2), lp = mem_rd16(m, a + 4);
        if (phys_of_seg(mem_rd16(m, a)) < 0 ||
            (lp != EMS_NO_PAGE && (!handle_ok(e, h) || lp >= e->h[h].pages)))
            return EMS_ERR_BAD_SAVED_MAP;
    }
    for (uint16_t i = 0; i < n; i++) {
        uint32_t a = s + 2 + PARTIAL_ENTRY * i;
        slot_set(m, e, phys_of_seg(mem_rd16(m, a)), mem_rd16(m, a + 2), mem_rd16(m, a + 4));
    }
    return EMS_OK;
}

/* 57h region descriptor (RBIL INT 67/AH=57h). */
#define REG_LEN 0x00
#define REG_SRC 0x04
#define REG_DST 0x0B
#define REG_TYPE 0x00      /* within a side: 0 conventional, 1 expanded */
#define REG_HANDLE 0x01
#define REG_OFF 0x03
#define REG_SEGPAGE 0x05
#define EMS_REGION_MAX 0x100000u

/* A host pointer to `len` bytes of one side of a 57h region: conventional
 * memory, or pages of a handle (the pool pages of a handle are not
 * contiguous, so expanded sides are copied page by page in move_bytes). */
struct region_side {
    bool ems;
    uint16_t handle, page, off;
    uint32_t lin;
};

static uint8_t side_read(struct machine *m, struct dos_ems *e, uint32_t at, uint32_t len,
                         struct region_side *s)
{
    uint8_t type = mem_rd8(m, at + REG_TYPE);
    s->handle = mem_rd16(m, at + REG_HANDLE);
    s->off = mem_rd16(m, at + REG_OFF);
    s->page = mem_rd16(m, at + REG_SEGPAGE);
    if (type > 1)
        return EMS_ERR_BAD_TYPE;
    s->ems = type == 1;
    if (!s->ems) {
        s->lin = mem_lin(s->page, s->off);
        return mem_ptr(m, s->lin, len) ? EMS_OK : EMS_ERR_WRAP;
    }
    if (!handle_ok(e, s->handle))
        return EMS_ERR_BAD_HANDLE;
    if (s->off >= EMS_PAGE)
        return EMS_ERR_OFFSET;
    if ((uint64_t)s->page * EMS_PAGE + s->off + len > (uint64_t)e->h[s->handle].pages * EMS_PAGE)
        return EMS_ERR_LOGICAL;
    return EMS_OK;
}

/* Host pointer to byte `i` of a side (valid up to the end of its page). */
static uint8_t *side_byte(struct machine *m, struct dos_ems *e, const struct region_side *s,
                          uint32_t i, uint32_t *room)
{
    if (!s->ems) {
        *room = EMS_REGION_MAX;
        return mem_ptr(m, s->lin + i, 1);
    }
    uint32_t abs = (uint32_t)s->off + i;
    uint16_t lp = (uint16_t)(s->page + abs / EMS_PAGE);
    *room = EMS_PAGE - abs % EMS_PAGE;
    int pp = pool_page(e, s->handle, lp);
    return e->pool + (size_t)pp * EMS_PAGE + abs % EMS_PAGE;
}

static uint8_t ems_move(struct machine *m, struct dos_ems *e)
{
    uint8_t al = m->r.ax.l;
    if (al > 1)
        return EMS_ERR_SUBFUNCTION;
    uint32_t r = mem_lin(m->r.ds, m->r.si.w);
    uint32_t len = mem_rd32(m, r + REG_LEN);
    if (len > EMS_REGION_MAX)
        return EMS_ERR_REGION_TOO_BIG;
    struct region_side src, dst;
    uint8_t err = side_read(m, e, r + REG_SRC, len, &src);
    if (!err)
        err = side_read(m, e, r + REG_DST, len, &dst);
    if (err)
        return err;
    sync_out(m, e); /* the pool holds every page's data now */
    uint8_t tmp[EMS_PAGE];
    for (uint32_t i = 0; i < len;) {
        uint32_t rs, rd;
        uint8_t *ps = side_byte(m, e, &src, i, &rs);
        uint8_t *pd = side_byte(m, e, &dst, i, &rd);
        uint32_t n = len - i;
        if (n > rs)
            n = rs;
        if (n > rd)
            n = rd;
        if (n > EMS_PAGE)
            n = EMS_PAGE;
        if (al == 0) {
            memmove(pd, ps, n);
        } else {
            memcpy(tmp, pd, n);
            memmove(pd, ps, n);
            memcpy(ps, tmp, n);
        }
        i += n;
    }
    sync_in(m, e);
    return EMS_OK;
}

/* 53h/54h: handle names. */
static int handle_by_name(const struct dos_ems *e, const char *name)
{
    static const char none[EMS_NAME_LEN];
    if (!memcmp(name, none, EMS_NAME_LEN))
        return -1;
    for (int h = 0; h < EMS_HANDLES; h++)
        if (e->h[h].used && !memcmp(e->h[h].name, name, EMS_NAME_LEN))
            return h;
    return -1;
}

static uint8_t ems_names(struct machine *m, struct dos_ems *e, uint8_t fn)
{
    uint8_t al = m->r.ax.l;
    char name[EMS_NAME_LEN];
    if (fn == 0x53) {
        if (al > 1)
            return EMS_ERR_SUBFUNCTION;
        if (!handle_ok(e, m->r.dx.w))
            return EMS_ERR_BAD_HANDLE;
        if (al == 0) {
            mem_write(m, mem_lin(m->r.es, m->r.di.w), e->h[m->r.dx.w].name, EMS_NAME_LEN);
            return EMS_OK;
        }
        mem_read(m, mem_lin(m->r.ds, m->r.si.w), name, EMS_NAME_LEN);
        int other = handle_by_name(e, name);
        if (other >= 0 && other != m->r.dx.w)
            return EMS_ERR_NAME_EXISTS;
        memcpy(e->h[m->r.dx.w].name, name, EMS_NAME_LEN);
        return EMS_OK;
    }
    uint8_t n = 0;
    switch (al) {
    case 0: /* handle directory: (handle word, name) entries */
        for (uint16_t h = 0; h < EMS_HANDLES; h++) {
            if (!e->h[h].used)
                continue;
            uint32_t d = mem_lin(m->r.es, (uint16_t)(m->r.di.w + n * 10u));
            mem_wr16(m, d, h);
            mem_write(m, d + 2, e->h[h].name, EMS_NAME_LEN);
            n++;
        }
        m->r.ax.l = n;
        return EMS_OK;
    case 1: {
        mem_read(m, mem_lin(m->r.ds, m->r.si.w), name, EMS_NAME_LEN);
        int h = handle_by_name(e, name);
        if (h < 0)
            return EMS_ERR_NAME_NOT_FOUND;
        m->r.dx.w = (uint16_t)h;
        return EMS_OK;
    }
    case 2:
        m->r.bx.w = EMS_HANDLES;
        return EMS_OK;
    default:
        return EMS_ERR_SUBFUNCTION;
    }
}

/* INT 67h: AH = function. Out: AH = 0 or an error code. */
static void ems_int67(struct machine *m)
{
    struct dos_ems *e = m->dos->ems;
    uint8_t fn = m->r.ax.h, st = EMS_OK;
    uint16_t h = m->r.dx.w;
    switch (fn) {
    case 0x40: /* get status */
        break;
    case 0x41: /* page frame segment */
        m->r.bx.w = EMS_FRAME_SEG;
        break;
    case 0x42: /* free and total pages */
        m->r.bx.w = free_pages(e);
        m->r.dx.w = e->total;
        break;
    case 0x43: /* allocate BX pages */
        st = ems_alloc(m, e, m->r.bx.w, false);
        break;
    case 0x44: /* map AL = physical page, BX = logical page of DX */
        st = ems_map(m, e, h, m->r.ax.l, m->r.bx.w);
        break;
    case 0x45: /* release handle */
        if (!handle_ok(e, h))
            st = EMS_ERR_BAD_HANDLE;
        else if (e->h[h].saved)
            st = EMS_ERR_SAVED_CONTEXT;
        else {
            set_pages(e, h, 0);
            if (h != 0) /* the OS handle stays, with no pages */
                e->h[h].used = false;
            memset(e->h[h].name, 0, EMS_NAME_LEN);
        }
        break;
    case 0x46: /* version */
        m->r.ax.l = EMS_VERSION;
        break;
    case 0x47: /* save page map in handle DX */
        if (!handle_ok(e, h))
            st = EMS_ERR_BAD_HANDLE;
        else if (e->h[h].saved)
            st = EMS_ERR_ALREADY_SAVED;
        else {
            memcpy(e->h[h].save, e->map, sizeof e->map);
            e->h[h].saved = true;
        }
        break;
    case 0x48: /* restore page map from handle DX */
        if (!handle_ok(e, h))
            st = EMS_ERR_BAD_HANDLE;
        else if (!e->h[h].saved)
            st = EMS_ERR_NOT_SAVED;
        else {
            for (int p = 0; p < EMS_PHYS_PAGES; p++)
                slot_set(m, e, p, e->h[h].save[p].handle, e->h[h].save[p].page);
            e->h[h].saved = false;
        }
        break;
    case 0x4B: { /* number of open handles */
        uint16_t n = 0;
        for (int i = 0; i < EMS_HANDLES; i++)
            n += e->h[i].used;
        m->r.bx.w = n;
        break;
    }
    case 0x4C: /* pages of handle DX */
        if (!handle_ok(e, h))
            st = EMS_ERR_BAD_HANDLE;
        else
            m->r.bx.w = e->h[h].pages;
        break;
    case 0x4D: { /* pages of every handle, to ES:DI */
        uint16_t n = 0;
        for (uint16_t i = 0; i < EMS_HANDLES; i++) {
            if (!e->h[i].used)
                continue;
            uint32_t d = mem_lin(m->r.es, (uint16_t)(m->r.di.w + n * 4u));
            mem_wr16(m, d, i);
            mem_wr16(m, d + 2, e->h[i].pages);
            n++;
        }
        m->r.bx.w = n;
        break;
    }
    case 0x4E:
        st = ems_page_map(m, e);
        break;
    case 0x4F:
        st = ems_partial_map(m, e);
        break;
    case 0x50:
        st = ems_map_multiple(m, e);
        break;
    case 0x51: /* reallocate DX to BX pages */
        if (!handle_ok(e, h))
            st = EMS_ERR_BAD_HANDLE;
        else if (m->r.bx.w > e->total)
            st = EMS_ERR_TOTAL;
        else if (m->r.bx.w > e->h[h].pages && m->r.bx.w - e->h[h].pages > free_pages(e))
            st = EMS_ERR_FREE;
        else {
            sync_out(m, e);
            set_pages(e, h, m->r.bx.w);
            sync_in(m, e);
        }
        m->r.bx.w = handle_ok(e, h) ? e->h[h].pages : m->r.bx.w;
        break;
    case 0x52: /* handle attribute: volatile only */
        if (m->r.ax.l == 0 || m->r.ax.l == 2) {
            if (m->r.ax.l == 0 && !handle_ok(e, h))
                st = EMS_ERR_BAD_HANDLE;
            else
                m->r.ax.l = 0;
        } else if (m->r.ax.l == 1) {
            st = !handle_ok(e, h) ? EMS_ERR_BAD_HANDLE
               : m->r.bx.l ? EMS_ERR_NONVOLATILE : EMS_OK;
        } else {
            st = EMS_ERR_SUBFUNCTION;
        }
        break;
    case 0x53:
    case 0x54:
        st = ems_names(m, e, fn);
        break;
    case 0x57:
        st = ems_move(m, e);
        break;
    case 0x58: /* mappable physical address array */
        if (m->r.ax.l == 0) {
            uint32_t d = mem_lin(m->r.es, m->r.di.w);
            for (int p = 0; p < EMS_PHYS_PAGES; p++) {
                mem_wr16(m, d + p * 4u, (uint16_t)(EMS_FRAME_SEG + p * (EMS_PAGE >> 4)));
                mem_wr16(m, d + p * 4u + 2, (uint16_t)p);
            }
        } else if (m->r.ax.l != 1) {
            st = EMS_ERR_SUBFUNCTION;
            break;
        }
        m->r.cx.w = EMS_PHYS_PAGES;
        break;
    case 0x59: /* hardware information: for the OS only (RBIL) */
        if (m->r.ax.l == 0)
            st = EMS_ERR_DENIED;
        else if (m->r.ax.l == 1) {
            m->r.bx.w = free_pages(e);
            m->r.dx.w = e->total;
        } else
            st = EMS_ERR_SUBFUNCTION;
        break;
    case 0x5A: /* allocate standard (AL=0) or raw (AL=1) pages; 0 allowed */
        if (m->r.ax.l > 1)
            st = EMS_ERR_SUBFUNCTION;
        else
            st = ems_alloc(m, e, m->r.bx.w, true);
        break;
    case 0x5B: /* alternate map register sets: none, as EMM386 without them */
        if (m->r.ax.l == 0) {
            m->r.bx.l = 0;
            m->r.es = 0;
            m->r.di.w = 0;
        } else if (m->r.ax.l == 2) {
            m->r.dx.w = EMS_MAP_BYTES;
        } else if (m->r.ax.l == 3) {
            m->r.bx.l = 0; /* no set available */
        } else if (m->r.ax.l == 1 && m->r.bx.l == 0) {
            /* set 0 with ES:DI: restore a 4Eh-format map, if given */
        } else {
            st = EMS_ERR_SUBFUNCTION;
        }
        break;
    default: /* 49h/4Ah (LIM 3.x I/O port functions), 55h/56h (alter map
              * and jump/call), 5Ch (prepare for warm boot), 5Dh (OS
              * function set) */
        st = EMS_ERR_BAD_FUNCTION;
        break;
    }
    m->r.ax.h = st;
}

bool dos_ems_init(struct machine *m, uint32_t kib)
{
    if (kib == 0)
        return true;
    struct dos_ems *e = calloc(1, sizeof *e);
    uint16_t pages = (uint16_t)(kib / (EMS_PAGE / 1024));
    if (!e)
        return false;
    e->total = pages;
    e->pool = calloc(pages ? pages : 1, EMS_PAGE);
    e->owner = calloc(pages ? pages : 1, sizeof *e->owner);
    e->index = calloc(pages ? pages : 1, sizeof *e->index);
    if (!e->pool || !e->owner || !e->index) {
        free(e->pool);
        free(e->owner);
        free(e->index);
        free(e);
        return false;
    }
    for (int p = 0; p < EMS_PHYS_PAGES; p++)
        e->map[p].page = EMS_NO_PAGE;
    e->h[0].used = true; /* the OS handle */
    m->dos->ems = e;
    machine_set_int_handler(m, 0x67, ems_int67);
    mem_write(m, mem_lin(ROM_SEG, EMS_NAME_OFF), emm_name, EMS_NAME_LEN);
    return true;
}

void dos_ems_destroy(struct machine *m)
{
    if (!m->dos || !m->dos->ems)
        return;
    struct dos_ems *e = m->dos->ems;
    free(e->pool);
    free(e->owner);
    free(e->index);
    free(e);
    m->dos->ems = NULL;
}
