/*
 * Guest memory helpers. Every host pointer into guest memory comes from
 * mem_ptr(), which checks the whole range; the byte and word accessors
 * apply the A20 wrap the way the bus does.
 */
#include "mem.h"

#include <string.h>

/* Add [lo, hi) to the host-write log (machine.h: struct mem_dirty). The
 * common cases are one buffer per call and a stack word next to the last
 * one, so merging with a touching range keeps the log short. */
static void mem_mark_dirty(struct machine *m, uint32_t lo, uint32_t hi)
{
    struct mem_dirty *d = &m->dirty;
    for (unsigned i = 0; i < d->n; i++) {
        if (lo <= d->hi[i] && hi >= d->lo[i]) {
            d->lo[i] = lo < d->lo[i] ? lo : d->lo[i];
            d->hi[i] = hi > d->hi[i] ? hi : d->hi[i];
            return;
        }
    }
    if (d->n == MEM_DIRTY_RANGES) {
        unsigned i = d->n - 1;
        d->lo[i] = lo < d->lo[i] ? lo : d->lo[i];
        d->hi[i] = hi > d->hi[i] ? hi : d->hi[i];
        return;
    }
    d->lo[d->n] = lo;
    d->hi[d->n] = hi;
    d->n++;
}

/* mem_ptr() without the log, for the copies that only read. */
static const uint8_t *mem_ptr_ro(const struct machine *m, uint32_t lin, size_t len)
{
    if (lin > MEM_SIZE || len > MEM_SIZE - lin)
        return NULL;
    return m->mem + lin;
}

uint8_t *mem_ptr(struct machine *m, uint32_t lin, size_t len)
{
    /* The pointer may be written through: log the range. */
    if (!mem_ptr_ro(m, lin, len))
        return NULL;
    if (len)
        mem_mark_dirty(m, lin, (uint32_t)(lin + len));
    return m->mem + lin;
}

uint8_t mem_rd8(const struct machine *m, uint32_t lin)
{
    lin &= m->a20_mask;
    return lin < MEM_SIZE ? m->mem[lin] : 0xFF;
}

uint16_t mem_rd16(const struct machine *m, uint32_t lin)
{
    return (uint16_t)(mem_rd8(m, lin) | mem_rd8(m, lin + 1) << 8);
}

uint32_t mem_rd32(const struct machine *m, uint32_t lin)
{
    return mem_rd16(m, lin) | (uint32_t)mem_rd16(m, lin + 2) << 16;
}

void mem_wr8(struct machine *m, uint32_t lin, uint8_t v)
{
    lin &= m->a20_mask;
    if (lin < MEM_SIZE) {
        m->mem[lin] = v;
        mem_mark_dirty(m, lin, lin + 1);
    }
}

void mem_wr16(struct machine *m, uint32_t lin, uint16_t v)
{
    mem_wr8(m, lin, (uint8_t)v);
    mem_wr8(m, lin + 1, (uint8_t)(v >> 8));
}

void mem_wr32(struct machine *m, uint32_t lin, uint32_t v)
{
    mem_wr16(m, lin, (uint16_t)v);
    mem_wr16(m, lin + 2, (uint16_t)(v >> 16));
}

bool mem_read(struct machine *m, uint32_t lin, void *dst, size_t len)
{
    const uint8_t *p = mem_ptr_ro(m, lin, len);
    if (!p)
        return false;
    memcpy(dst, p, len);
    return true;
}

bool mem_write(struct machine *m, uint32_t lin, const void *src, size_t len)
{
    uint8_t *p = mem_ptr(m, lin, len);
    if (!p)
        return false;
    memcpy(p, src, len);
    return true;
}

int mem_read_asciz(struct machine *m, uint16_t seg, uint16_t off, char *dst,
                   size_t cap)
{
    for (size_t i = 0; i < cap; i++) {
        uint8_t c = mem_rd8(m, mem_lin(seg, (uint16_t)(off + i)));
        dst[i] = (char)c;
        if (c == 0)
            return (int)i;
    }
    if (cap)
        dst[cap - 1] = 0;
    return -1;
}

void mem_push16(struct machine *m, uint16_t v)
{
    m->r.sp.w = (uint16_t)(m->r.sp.w - 2);
    mem_wr16(m, mem_lin(m->r.ss, m->r.sp.w), v);
}

uint16_t mem_pop16(struct machine *m)
{
    uint16_t v = mem_rd16(m, mem_lin(m->r.ss, m->r.sp.w));
    m->r.sp.w = (uint16_t)(m->r.sp.w + 2);
    return v;
}
