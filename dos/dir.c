/* Names in the file system.
 * PLACEHOLDER: not implemented yet; each function fails as unknown. */
#include "dos/int21.h"
#include "vdm/machine.h"

void dos_fn_mkdir(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_rmdir(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_chdir(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_unlink(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_attrib(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_getcwd(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_find_first(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_find_next(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_rename(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
void dos_fn_file_time(struct machine *m) { dos_fail(m, DOS_ERR_INVALID_FUNCTION); }
