/*
 * The COMMAND.COM image and drive Z:.
 *
 * The image is a few bytes of real-mode code: set a stack inside the
 * first 8 KiB, trap to the host with AX = 0 ("a new interpreter starts
 * here"), then trap with AX = 1 ("next step") forever. Everything else -
 * parsing, built-in commands, starting children with EXEC - happens in
 * the host handler of the trap (cmd_shell.c), which also ends the process.
 * A signature string follows the code so a curious TYPE Z:\COMMAND.COM
 * shows what it is.
 *
 * Drive Z: is a private temporary directory holding that file, mounted
 * read-only, so programs that open, stat or EXEC %COMSPEC% find a real
 * file (as DOSBox provides one); it is removed at teardown.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dos/cmd.h"
#include "dos/cmd_int.h"
#include "dos/dos.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

static const uint8_t cmd_image[] = {
    0xBC, CMD_STACK_TOP & 0xFF, CMD_STACK_TOP >> 8, /* 100: mov sp, CMD_STACK_TOP */
    0x31, 0xC0,                                     /* 103: xor ax, ax */
    0xCD, CMD_TRAP_VECTOR,                          /* 105: int CMD_TRAP_VECTOR */
    0xB8, 0x01, 0x00,                               /* 107: mov ax, 1 */
    0xEB, 0xF9,                                     /* 10A: jmp 105h */
    'v', 'd', 'm', ' ', 'C', 'O', 'M', 'M', 'A', 'N', 'D', '.', 'C', 'O', 'M',
    0x0D, 0x0A, 0x1A,
};

bool cmd_image_at(struct machine *m, uint16_t seg)
{
    const uint8_t *p = mem_ptr(m, mem_lin(seg, 0x100), sizeof cmd_image);
    return p && memcmp(p, cmd_image, sizeof cmd_image) == 0;
}

bool cmd_mount_z(struct machine *m, char *host, size_t cap)
{
    struct cmd_shell *sh = m->dos->cmd;
    if (!sh || m->dos->fs.drive[CMD_Z_DRIVE].mounted)
        return false;
    const char *tmp = getenv("TMPDIR");
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/vdm-z.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return false;
    char file[PATH_MAX + 16];
    snprintf(file, sizeof file, "%s/COMMAND.COM", dir);
    FILE *f = fopen(file, "wb");
    bool ok = f && fwrite(cmd_image, sizeof cmd_image, 1, f) == 1;
    if (f && fclose(f) != 0)
        ok = false;
    if (ok && hostfs_mount(&m->dos->fs, CMD_Z_DRIVE, dir, true) == 0 &&
        (size_t)snprintf(host, cap, "%s", file) < cap) {
        snprintf(sh->zdir, sizeof sh->zdir, "%s", dir);
        return true;
    }
    unlink(file);
    rmdir(dir);
    return false;
}

void cmd_unmount_z(struct machine *m)
{
    struct cmd_shell *sh = m->dos->cmd;
    if (!sh || !sh->zdir[0])
        return;
    char file[PATH_MAX + 16];
    snprintf(file, sizeof file, "%s/COMMAND.COM", sh->zdir);
    unlink(file);
    rmdir(sh->zdir);
    sh->zdir[0] = 0;
}
