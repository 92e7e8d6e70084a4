/* PLACEHOLDER: the drive table with no lookup yet. */
#include "hostfs/hostfs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dos/errors.h"

void hostfs_init(struct hostfs *fs) { memset(fs, 0, sizeof *fs); }
int hostfs_mount(struct hostfs *fs, int drive, const char *dir, bool ro)
{
    struct hostfs_drive *d = &fs->drive[drive];
    d->mounted = true;
    d->ro = ro;
    strncpy(d->root, dir, sizeof d->root - 1);
    return 0;
}
int hostfs_resolve(struct hostfs *fs, int cur_drive, const char *path,
                   enum hostfs_want want, struct hostfs_path *out)
{ (void)fs; (void)cur_drive; (void)path; (void)want; (void)out; return DOS_ERR_PATH_NOT_FOUND; }
int hostfs_chdir(struct hostfs *fs, int cur_drive, const char *path)
{ (void)fs; (void)cur_drive; (void)path; return DOS_ERR_PATH_NOT_FOUND; }
int hostfs_stat(const char *host_path, struct hostfs_dirent *e) { (void)host_path; (void)e; return DOS_ERR_FILE_NOT_FOUND; }
int hostfs_find_first(struct hostfs *fs, int cur_drive, const char *pattern, uint8_t attr,
                      struct hostfs_search *s, struct hostfs_dirent *first)
{ (void)fs; (void)cur_drive; (void)pattern; (void)attr; (void)s; (void)first; return DOS_ERR_NO_MORE_FILES; }
int hostfs_find_next(struct hostfs_search *s, struct hostfs_dirent *next) { (void)s; (void)next; return DOS_ERR_NO_MORE_FILES; }
void hostfs_search_end(struct hostfs_search *s) { free(s->entries); s->entries = NULL; s->active = false; }
int hostfs_errno_to_dos(int err) { return err == ENOENT ? DOS_ERR_FILE_NOT_FOUND : DOS_ERR_ACCESS_DENIED; }
