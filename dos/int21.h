/*
 * The INT 21h function table (dos/int21.c) and the functions it names,
 * grouped by the file that implements them.
 */
#ifndef VDM_DOS_INT21_H
#define VDM_DOS_INT21_H

#include "dos/dos.h"

extern const struct dos_fn dos_int21_table[256];

/* console.c: character I/O through handles 0 and 1 */
void dos_fn_con_read_echo(struct machine *m);     /* 01h */
void dos_fn_con_write(struct machine *m);         /* 02h */
void dos_fn_aux_read(struct machine *m);          /* 03h */
void dos_fn_aux_write(struct machine *m);         /* 04h */
void dos_fn_prn_write(struct machine *m);         /* 05h */
void dos_fn_con_direct(struct machine *m);        /* 06h */
void dos_fn_con_raw_read(struct machine *m);      /* 07h */
void dos_fn_con_read_noecho(struct machine *m);   /* 08h */
void dos_fn_con_write_str(struct machine *m);     /* 09h */
void dos_fn_con_read_line(struct machine *m);     /* 0Ah */
void dos_fn_con_status(struct machine *m);        /* 0Bh */
void dos_fn_con_flush(struct machine *m);         /* 0Ch */

/* sysinfo.c: drives, DTA, vectors, date and time, version, flags */
void dos_fn_select_disk(struct machine *m);       /* 0Eh */
void dos_fn_get_disk(struct machine *m);          /* 19h */
void dos_fn_set_dta(struct machine *m);           /* 1Ah */
void dos_fn_set_vector(struct machine *m);        /* 25h */
void dos_fn_get_date(struct machine *m);          /* 2Ah */
void dos_fn_set_date(struct machine *m);          /* 2Bh */
void dos_fn_get_time(struct machine *m);          /* 2Ch */
void dos_fn_set_time(struct machine *m);          /* 2Dh */
void dos_fn_set_verify(struct machine *m);        /* 2Eh */
void dos_fn_get_dta(struct machine *m);           /* 2Fh */
void dos_fn_get_version(struct machine *m);       /* 30h */
void dos_fn_break_flag(struct machine *m);        /* 33h */
void dos_fn_get_vector(struct machine *m);        /* 35h */
void dos_fn_get_verify(struct machine *m);        /* 54h */
void dos_fn_ext_error(struct machine *m);         /* 59h */

/* handle.c / file.c: handle I/O */
void dos_fn_create(struct machine *m);            /* 3Ch */
void dos_fn_open(struct machine *m);              /* 3Dh */
void dos_fn_close(struct machine *m);             /* 3Eh */
void dos_fn_read(struct machine *m);              /* 3Fh */
void dos_fn_write(struct machine *m);             /* 40h */
void dos_fn_lseek(struct machine *m);             /* 42h */
void dos_fn_ioctl(struct machine *m);             /* 44h */
void dos_fn_dup(struct machine *m);               /* 45h */
void dos_fn_dup2(struct machine *m);              /* 46h */

/* file_ext.c, share.c: DOS 3+ file functions */
void dos_fn_create_temp(struct machine *m);       /* 5Ah */
void dos_fn_create_new(struct machine *m);        /* 5Bh */
void dos_fn_lock(struct machine *m);              /* 5Ch */
void dos_fn_truename(struct machine *m);          /* 60h */
void dos_fn_set_handle_count(struct machine *m);  /* 67h */
void dos_fn_commit(struct machine *m);            /* 68h, 6Ah */
void dos_fn_ext_open(struct machine *m);          /* 6Ch */

/* lfn.c: the Windows 95 long file name API */
void dos_fn_lfn(struct machine *m);               /* 71h */
void dos_lfn_destroy(struct machine *m);

/* dir.c: names in the file system */
void dos_fn_mkdir(struct machine *m);             /* 39h */
void dos_fn_rmdir(struct machine *m);             /* 3Ah */
void dos_fn_chdir(struct machine *m);             /* 3Bh */
void dos_fn_unlink(struct machine *m);            /* 41h */
void dos_fn_attrib(struct machine *m);            /* 43h */
void dos_fn_getcwd(struct machine *m);            /* 47h */
void dos_fn_find_first(struct machine *m);        /* 4Eh */
void dos_fn_find_next(struct machine *m);         /* 4Fh */
void dos_fn_rename(struct machine *m);            /* 56h */
void dos_fn_file_time(struct machine *m);         /* 57h */

/* memfn.c: the memory arena */
void dos_fn_alloc(struct machine *m);             /* 48h */
void dos_fn_free(struct machine *m);              /* 49h */
void dos_fn_resize(struct machine *m);            /* 4Ah */

/* exec.c: processes (declared in exec.h) */

/* Run the INT 21h function AH in m->r (INT 21h, CALL 5, INT 2Eh later). */
void dos_int21_dispatch(struct machine *m);

#endif
