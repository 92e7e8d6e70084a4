/*
 * COMMAND.COM: vdm's built-in command interpreter (public entry points).
 *
 * The interpreter runs as a real DOS process so that EXEC, handles and the
 * environment behave as programs expect: a tiny COMMAND.COM image (a few
 * bytes, cmd_image.c) loops on a private trap vector, and every trap runs
 * one step of the host-side interpreter for that process (cmd_shell.c).
 * An external program is started by the host calling EXEC on behalf of
 * the COMMAND.COM process; when the child ends, the stub traps again and
 * the interpreter picks up its return code.
 *
 * The image lives on a read-only drive Z: (a private temporary directory
 * mounted by cmd_mount_z), which is what COMSPEC=Z:\COMMAND.COM names.
 */
#ifndef VDM_DOS_CMD_H
#define VDM_DOS_CMD_H

#include <stdbool.h>
#include <stddef.h>

struct machine;

/* The drive holding the built-in COMMAND.COM (Z:, as DOSBox does). */
#define CMD_Z_DRIVE 25
#define CMD_COMSPEC "Z:\\COMMAND.COM"

/* Register the interpreter's trap vector and INT 2Eh; allocate its state.
 * False on host allocation failure. Called by dos_init(). */
bool cmd_init(struct machine *m);

/* Free every interpreter instance and remove the Z: directory (if
 * mounted). Called by dos_destroy(). */
void cmd_fini(struct machine *m);

/* Write the COMMAND.COM image into a private temporary directory and mount
 * it read-only as Z:. On success `host` (cap bytes) receives the image's
 * host path. False when the host refused (no temp dir, Z: taken). */
bool cmd_mount_z(struct machine *m, char *host, size_t cap);

#endif
