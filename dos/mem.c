/*
 * The MCB arena (see mem.h for the layout and invariants). Allocation is
 * first fit by default, or best or last fit (INT 21h/58h); free blocks are merged when an
 * allocation or a resize walks over them, which is also when MS-DOS
 * merges them, so programs that inspect the chain see what they expect.
 */
#include "dos/mem.h"

#include <string.h>

#include "dos/dos.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

struct mcb {
    uint8_t type;
    uint16_t owner;
    uint16_t size;
};

static uint32_t mcb_lin(uint16_t mcb)
{
    return mem_lin(mcb, 0);
}

static struct mcb mcb_get(struct machine *m, uint16_t mcb)
{
    uint32_t l = mcb_lin(mcb);
    return (struct mcb){ mem_rd8(m, l + MCB_TYPE), mem_rd16(m, l + MCB_OWNER),
                         mem_rd16(m, l + MCB_SIZE) };
}

static void mcb_put(struct machine *m, uint16_t mcb, struct mcb b)
{
    uint32_t l = mcb_lin(mcb);
    mem_wr8(m, l + MCB_TYPE, b.type);
    mem_wr16(m, l + MCB_OWNER, b.owner);
    mem_wr16(m, l + MCB_SIZE, b.size);
}

static bool mcb_type_ok(uint8_t t)
{
    return t == MCB_TYPE_MORE || t == MCB_TYPE_LAST;
}

/* The MCB after `mcb`, or 0 when `mcb` is the last or the chain is broken
 * there (*broken says which). */
static uint16_t mcb_next(struct machine *m, uint16_t mcb, bool *broken)
{
    struct mcb b = mcb_get(m, mcb);
    *broken = !mcb_type_ok(b.type);
    if (*broken || b.type == MCB_TYPE_LAST)
        return 0;
    uint32_t next = (uint32_t)mcb + 1 + b.size;
    if (next >= MEM_TOP_SEG) {
        *broken = true;
        return 0;
    }
    return (uint16_t)next;
}

void mcb_init(struct machine *m, uint16_t first)
{
    m->dos->first_mcb = first;
    mcb_put(m, first, (struct mcb){ MCB_TYPE_LAST, MCB_OWNER_FREE,
                                    (uint16_t)(MEM_TOP_SEG - first - 1) });
    memset(mem_ptr(m, mcb_lin(first) + MCB_NAME, 8), 0, 8);
}

/* Merge the free blocks that follow a free block into it. */
static void mcb_coalesce(struct machine *m, uint16_t mcb)
{
    struct mcb b = mcb_get(m, mcb);
    while (b.owner == MCB_OWNER_FREE && b.type == MCB_TYPE_MORE) {
        bool broken;
        uint16_t next = mcb_next(m, mcb, &broken);
        if (!next)
            return;
        struct mcb n = mcb_get(m, next);
        if (!mcb_type_ok(n.type) || n.owner != MCB_OWNER_FREE)
            return;
        b.size = (uint16_t)(b.size + 1 + n.size);
        b.type = n.type;
        mcb_put(m, mcb, b);
    }
}

/* Cut block `mcb` down to `paras`, making the rest a free block. The
 * caller ensures b.size > paras. */
static void mcb_split(struct machine *m, uint16_t mcb, uint16_t paras)
{
    struct mcb b = mcb_get(m, mcb);
    uint16_t rest = (uint16_t)(mcb + 1 + paras);
    mcb_put(m, rest, (struct mcb){ b.type, MCB_OWNER_FREE, (uint16_t)(b.size - paras - 1) });
    memset(mem_ptr(m, mcb_lin(rest) + MCB_NAME, 8), 0, 8);
    b.type = MCB_TYPE_MORE;
    b.size = paras;
    mcb_put(m, mcb, b);
}

uint16_t mcb_alloc(struct machine *m, uint16_t paras, uint16_t owner,
                   uint16_t *largest, int *err)
{
    /* Walk the whole chain, merging free neighbours, and pick the block
     * the strategy wants: first fit stops at the first that is big
     * enough; best fit takes the smallest of them, last fit the highest
     * (RBIL INT 21/AH=58h). The high-memory bits (40h, 80h) only matter
     * with upper memory blocks; here the low bits choose. */
    uint8_t fit = m->dos->alloc_strategy & MCB_FIT_MASK;
    uint16_t best = 0, pick = 0, pick_size = 0;
    bool broken = false;
    for (uint16_t mcb = m->dos->first_mcb; mcb; mcb = mcb_next(m, mcb, &broken)) {
        struct mcb b = mcb_get(m, mcb);
        if (!mcb_type_ok(b.type)) {
            broken = true;
            break;
        }
        if (b.owner != MCB_OWNER_FREE)
            continue;
        mcb_coalesce(m, mcb);
        b = mcb_get(m, mcb);
        if (b.size > best)
            best = b.size;
        if (b.size < paras)
            continue;
        if (!pick || fit == MCB_FIT_LAST || (fit == MCB_FIT_BEST && b.size < pick_size)) {
            pick = mcb;
            pick_size = b.size;
        }
        if (fit == MCB_FIT_FIRST)
            break;
    }
    if (!pick || broken) {
        *largest = best;
        *err = broken ? DOS_ERR_MCB_DESTROYED : DOS_ERR_INSUFFICIENT_MEMORY;
        return 0;
    }
    uint16_t mcb = pick;
    /* A remainder of one paragraph or more gets its own MCB; an exact fit
     * takes the whole block. Last fit takes the top of the block and
     * leaves the bottom free, as MS-DOS does. */
    if (pick_size > paras) {
        if (fit == MCB_FIT_LAST && pick_size > paras + 1u) {
            mcb_split(m, mcb, (uint16_t)(pick_size - paras - 1));
            mcb = (uint16_t)(mcb + pick_size - paras);
        } else {
            mcb_split(m, mcb, paras);
        }
    }
    struct mcb b = mcb_get(m, mcb);
    b.owner = owner;
    mcb_put(m, mcb, b);
    memset(mem_ptr(m, mcb_lin(mcb) + MCB_NAME, 8), 0, 8);
    return (uint16_t)(mcb + 1);
}

/* Is `mcb` one of the chain's MCBs? Sets *broken when the walk fails. */
static bool mcb_in_chain(struct machine *m, uint16_t mcb, bool *broken)
{
    *broken = false;
    for (uint16_t c = m->dos->first_mcb; c; c = mcb_next(m, c, broken)) {
        if (c == mcb)
            return !*broken;
        if (c > mcb)
            return false;
    }
    return false;
}

int mcb_free(struct machine *m, uint16_t seg)
{
    bool broken;
    uint16_t mcb = (uint16_t)(seg - 1);
    if (!mcb_in_chain(m, mcb, &broken))
        return broken ? DOS_ERR_MCB_DESTROYED : DOS_ERR_INVALID_MEMORY_BLOCK;
    struct mcb b = mcb_get(m, mcb);
    b.owner = MCB_OWNER_FREE;
    mcb_put(m, mcb, b);
    return 0;
}

int mcb_resize(struct machine *m, uint16_t seg, uint16_t paras, uint16_t *largest)
{
    bool broken;
    uint16_t mcb = (uint16_t)(seg - 1);
    if (!mcb_in_chain(m, mcb, &broken))
        return broken ? DOS_ERR_MCB_DESTROYED : DOS_ERR_INVALID_MEMORY_BLOCK;
    struct mcb b = mcb_get(m, mcb);

    /* Growing may take in the free blocks right after this one. */
    uint32_t avail = b.size;
    uint16_t next = mcb_next(m, mcb, &broken);
    if (next) {
        mcb_coalesce(m, next);
        struct mcb n = mcb_get(m, next);
        if (n.owner == MCB_OWNER_FREE)
            avail += 1u + n.size;
    }
    /* RBIL INT 21/AH=4Ah: "under DOS 2.1-6.0, if there is insufficient
     * memory to expand the block as much as requested, the block will be
     * made as large as possible" - and the call still fails with 8. */
    int err = 0;
    if (paras > avail) {
        *largest = (uint16_t)avail;
        err = DOS_ERR_INSUFFICIENT_MEMORY;
        paras = (uint16_t)avail;
    }
    if (paras > b.size) {
        struct mcb n = mcb_get(m, next);
        b.size = (uint16_t)avail;
        b.type = n.type;
        mcb_put(m, mcb, b);
    }
    if (b.size > paras)
        mcb_split(m, mcb, paras);
    /* A block freed by the split may touch a free block behind it. */
    next = mcb_next(m, mcb, &broken);
    if (next)
        mcb_coalesce(m, next);
    return err;
}

void mcb_free_owned(struct machine *m, uint16_t owner)
{
    bool broken = false;
    for (uint16_t mcb = m->dos->first_mcb; mcb; mcb = mcb_next(m, mcb, &broken)) {
        struct mcb b = mcb_get(m, mcb);
        if (b.owner == owner) {
            b.owner = MCB_OWNER_FREE;
            mcb_put(m, mcb, b);
        }
    }
}

void mcb_set_owner(struct machine *m, uint16_t seg, uint16_t owner)
{
    mem_wr16(m, mcb_lin((uint16_t)(seg - 1)) + MCB_OWNER, owner);
}

void mcb_set_name(struct machine *m, uint16_t seg, const char *name)
{
    uint8_t *p = mem_ptr(m, mcb_lin((uint16_t)(seg - 1)) + MCB_NAME, 8);
    if (!p)
        return;
    memset(p, 0, 8);
    for (unsigned i = 0; i < 8 && name[i] && name[i] != '.'; i++)
        p[i] = (uint8_t)name[i];
}

bool mcb_chain_ok(struct machine *m)
{
    bool broken = false;
    uint16_t last = 0;
    for (uint16_t mcb = m->dos->first_mcb; mcb; mcb = mcb_next(m, mcb, &broken))
        last = mcb;
    if (broken || !last)
        return false;
    struct mcb b = mcb_get(m, last);
    return b.type == MCB_TYPE_LAST && (uint32_t)last + 1 + b.size == MEM_TOP_SEG;
}
