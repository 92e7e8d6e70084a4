/*
 * Default CPU exception handlers (see fault.h). The fault address is the
 * one on the exception frame: on a 286 and later, the faulting
 * instruction itself.
 */
#include "vdm/fault.h"

#include "vdm/machine.h"
#include "vdm/mem.h"

static void fault_at_frame(struct machine *m, const char *what)
{
    uint32_t frame = mem_lin(m->r.ss, m->r.sp.w);
    m->r.ip.w = mem_rd16(m, frame);
    m->r.cs = mem_rd16(m, frame + 2);
    machine_crash(m, what);
}

/* INT 00h: divide error (DIV/IDIV by zero or quotient overflow). */
static void fault_divide(struct machine *m)
{
    fault_at_frame(m, "division by zero");
}

/* INT 06h: invalid opcode (286+). */
static void fault_invalid_opcode(struct machine *m)
{
    fault_at_frame(m, "invalid opcode");
}

void fault_init(struct machine *m)
{
    machine_set_int_handler(m, 0x00, fault_divide);
    machine_set_int_handler(m, 0x06, fault_invalid_opcode);
}
