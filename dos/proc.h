/*
 * Process and system services outside EXEC (dos/proc.c): hand-made PSPs,
 * staying resident, DOS's tables as programs probe them, the allocation
 * strategy, and the network functions' answers without a network.
 */
#ifndef VDM_DOS_PROC_H
#define VDM_DOS_PROC_H

struct machine;

void dos_fn_create_psp(struct machine *m);      /* 26h */
void dos_fn_tsr(struct machine *m);             /* 31h */
void dos_fn_indos(struct machine *m);           /* 34h */
void dos_fn_list_of_lists(struct machine *m);   /* 52h */
void dos_fn_child_psp(struct machine *m);       /* 55h */
void dos_fn_alloc_strategy(struct machine *m);  /* 58h */
void dos_fn_server(struct machine *m);          /* 5Dh */
void dos_fn_net_name(struct machine *m);        /* 5Eh */
void dos_fn_redirect(struct machine *m);        /* 5Fh */

/* INT 27h. */
void dos_int27(struct machine *m);

#endif
