/* Drives, DTA, vectors, date/time, version, flags.
 * PLACEHOLDER: not implemented yet; each function fails as unknown. */
#include "dos/int21.h"
#include "vdm/machine.h"

void dos_fn_select_disk(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_get_disk(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_set_dta(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_set_vector(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_get_date(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_set_date(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_get_time(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_set_time(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_set_verify(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_get_dta(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_get_version(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_break_flag(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_get_vector(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_get_verify(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_ext_error(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
