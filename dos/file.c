/* Handle I/O: create, open, lseek, ioctl, dup.
 * PLACEHOLDER: not implemented yet; each function fails as unknown. */
#include "dos/int21.h"
#include "vdm/machine.h"

void dos_fn_create(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_open(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_lseek(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_ioctl(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_dup(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_dup2(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
