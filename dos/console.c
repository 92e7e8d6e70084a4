/* Console I/O.
 * PLACEHOLDER: not implemented yet; each function fails as unknown. */
#include "dos/int21.h"
#include "vdm/machine.h"

void dos_fn_con_read_echo(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_aux_read(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_aux_write(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_prn_write(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_con_direct(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_con_raw_read(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_con_read_noecho(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_con_read_line(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_con_status(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_con_flush(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }

#include "dos/handle.h"
#include "vdm/mem.h"

void dos_fn_con_write(struct machine *m)
{
    uint8_t c = m->r.dx.l;
    dos_handle_write(m, 1, &c, 1);
    m->r.ax.l = c;
}

void dos_fn_con_write_str(struct machine *m)
{
    uint16_t off = m->r.dx.w;
    for (;;) {
        uint8_t c = mem_rd8(m, mem_lin(m->r.ds, off++));
        if (c == '$')
            break;
        dos_handle_write(m, 1, &c, 1);
    }
    m->r.ax.l = '$';
}
