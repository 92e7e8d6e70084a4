/*
 * hostfs: DOS path resolution against a host directory the test builds
 * (case-insensitive lookup, '.'/'..' clamped at the root, symlinks out of
 * the drive refused, stable 8.3 aliases), find first/next, the MS-DOS
 * wildcard matcher against a table of cases, and the errno mapping.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "dos/errors.h"
#include "hostfs/hostfs.h"
#include "hostfs/names.h"

#define DRIVE_C 2

struct fixture {
    char base[64];   /* mkdtemp: holds root/ and outside/ */
    char root[128];  /* mounted as C: */
    struct hostfs fs;
};

static void put_file(const char *dir, const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void make_dir(const char *dir, const char *name)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    assert_int_equal(mkdir(p, 0755), 0);
}

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    snprintf(f->base, sizeof f->base, "%s/hostfs-test.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    assert_non_null(mkdtemp(f->base));
    snprintf(f->root, sizeof f->root, "%s/root", f->base);
    assert_int_equal(mkdir(f->root, 0755), 0);
    make_dir(f->base, "outside");
    char out[256];
    snprintf(out, sizeof out, "%s/outside", f->base);
    put_file(out, "secret.txt", "secret");
    put_file(f->root, "readme.txt", "hello");
    make_dir(f->root, "Sub");
    char sub[256];
    snprintf(sub, sizeof sub, "%s/Sub", f->root);
    put_file(sub, "inner.dat", "x");
    hostfs_init(&f->fs);
    assert_int_equal(hostfs_mount(&f->fs, DRIVE_C, f->root, false), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;
    hostfs_fini(&f->fs);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->base);
    assert_int_equal(system(cmd), 0);
    free(f);
    return 0;
}

static void test_mount_rejects_file(void **state)
{
    struct fixture *f = *state;
    char p[256];
    snprintf(p, sizeof p, "%s/readme.txt", f->root);
    assert_int_equal(hostfs_mount(&f->fs, 3, p, false), ENOTDIR);
    assert_false(f->fs.drive[3].mounted);
}

static void test_resolve_case_insensitive(void **state)
{
    struct fixture *f = *state;
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "c:/sub\\INNER.dat", HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(hp.dos, "C:\\SUB\\INNER.DAT");
    assert_string_equal(hp.last, "INNER.DAT");
    char want[512];
    snprintf(want, sizeof want, "%s/Sub/inner.dat", f->root);
    assert_string_equal(hp.host, want);
    assert_true(hp.exists);
    assert_false(hp.is_dir);

    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "nothere.txt", HOSTFS_EXISTING, &hp),
                     DOS_ERR_FILE_NOT_FOUND);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "nodir\\x.txt", HOSTFS_EXISTING, &hp),
                     DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "readme.txt\\x", HOSTFS_EXISTING, &hp),
                     DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "Q:\\", HOSTFS_EXISTING, &hp),
                     DOS_ERR_INVALID_DRIVE);

    /* A new name: the parent must exist; created upper-case, 8.3-cut. */
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\longername.text", HOSTFS_PARENT, &hp), 0);
    assert_false(hp.exists);
    assert_string_equal(hp.last, "LONGERNA.TEX");
    snprintf(want, sizeof want, "%s/Sub/LONGERNA.TEX", f->root);
    assert_string_equal(hp.host, want);
}

static void test_exact_match_preferred(void **state)
{
    struct fixture *f = *state;
    put_file(f->root, "README.TXT", "upper");
    struct hostfs_path hp;
    /* Byte order: "README.TXT" < "readme.txt", so the upper one is the
     * DOS name's owner; the exact spelling still finds its own file. */
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "Readme.Txt", HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(strrchr(hp.host, '/') + 1, "README.TXT");
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "readme.txt", HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(strrchr(hp.host, '/') + 1, "readme.txt");
    assert_string_not_equal(hp.last, "README.TXT"); /* it has an alias */
}

static void test_dotdot_clamps_at_root(void **state)
{
    struct fixture *f = *state;
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "..\\..\\outside\\secret.txt",
                                    HOSTFS_EXISTING, &hp), DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "C:\\..\\..", HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(hp.dos, "C:\\");
    assert_string_equal(hp.host, f->root);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\..\\..\\readme.txt",
                                    HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(hp.dos, "C:\\README.TXT");
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "/./sub/./.", HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(hp.dos, "C:\\SUB");
    assert_true(hp.is_dir);
}

static void test_symlink_escape_refused(void **state)
{
    struct fixture *f = *state;
    char target[256], link[256];
    snprintf(target, sizeof target, "%s/outside", f->base);
    snprintf(link, sizeof link, "%s/esc", f->root);
    assert_int_equal(symlink(target, link), 0);
    snprintf(target, sizeof target, "%s/outside/secret.txt", f->base);
    snprintf(link, sizeof link, "%s/sec.txt", f->root);
    assert_int_equal(symlink(target, link), 0);
    snprintf(target, sizeof target, "%s/outside/new.txt", f->base);
    snprintf(link, sizeof link, "%s/NEW.TXT", f->root);
    assert_int_equal(symlink(target, link), 0); /* dangling, outside */
    assert_int_equal(symlink("Sub", strcat(strcpy(link, f->root), "/inlink")), 0);

    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "esc\\secret.txt", HOSTFS_EXISTING, &hp),
                     DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sec.txt", HOSTFS_EXISTING, &hp),
                     DOS_ERR_FILE_NOT_FOUND);
    /* Creating through the dangling link would write outside: refused. */
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "new.txt", HOSTFS_PARENT, &hp),
                     DOS_ERR_ACCESS_DENIED);
    /* A link that stays inside works. */
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "inlink\\inner.dat", HOSTFS_EXISTING, &hp), 0);
}


/* Resolve "Sub\inner.dat", then swap Sub for a symlink out of the drive
 * (the race a check at resolve time alone would lose): every sandboxed
 * call on the stale result is refused with access denied, through openat2
 * and through the O_NOFOLLOW walk alike. */
static void swap_sub_for_outward_link(struct fixture *f)
{
    char from[256], to[256];
    snprintf(from, sizeof from, "%s/Sub", f->root);
    snprintf(to, sizeof to, "%s/Sub.old", f->root);
    assert_int_equal(rename(from, to), 0);
    snprintf(to, sizeof to, "%s/outside", f->base);
    put_file(to, "inner.dat", "outside!");
    assert_int_equal(symlink(to, from), 0);
}

static void check_race_refused(struct fixture *f, bool fallback)
{
    f->fs.no_openat2 = fallback;
    struct hostfs_path hp, dst;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\inner.dat", HOSTFS_EXISTING, &hp), 0);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\moved.dat", HOSTFS_PARENT, &dst), 0);
    int fd = hostfs_open(&f->fs, &hp, O_RDONLY, 0);
    assert_true(fd >= 0); /* before the swap it opens */
    close(fd);
    swap_sub_for_outward_link(f);
    assert_int_equal(hostfs_open(&f->fs, &hp, O_RDONLY, 0), -DOS_ERR_ACCESS_DENIED);
    assert_int_equal(hostfs_open(&f->fs, &dst, O_RDWR | O_CREAT, 0666), -DOS_ERR_ACCESS_DENIED);
    assert_int_equal(hostfs_unlink(&f->fs, &hp), DOS_ERR_ACCESS_DENIED);
    assert_int_equal(hostfs_mkdir(&f->fs, &dst), DOS_ERR_ACCESS_DENIED);
    assert_int_equal(hostfs_rename(&f->fs, &hp, &dst), DOS_ERR_ACCESS_DENIED);
    assert_int_equal(hostfs_set_readonly_at(&f->fs, &hp, true), DOS_ERR_ACCESS_DENIED);
    struct hostfs_dirent e;
    assert_int_equal(hostfs_stat_at(&f->fs, &hp, &e), DOS_ERR_ACCESS_DENIED);
    /* nothing happened outside */
    char p[256];
    snprintf(p, sizeof p, "%s/outside/moved.dat", f->base);
    assert_int_not_equal(access(p, F_OK), 0);
    snprintf(p, sizeof p, "%s/outside/inner.dat", f->base);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true(st.st_mode & S_IWUSR);
}

static void test_sandbox_race_openat2(void **state)
{
    check_race_refused(*state, false);
}

static void test_sandbox_race_walk(void **state)
{
    check_race_refused(*state, true);
}

/* Links inside the drive work for the fallback walk too. */
static void test_sandbox_walk_inside_link(void **state)
{
    struct fixture *f = *state;
    f->fs.no_openat2 = true;
    char link[256];
    snprintf(link, sizeof link, "%s/inlink", f->root);
    assert_int_equal(symlink("Sub", link), 0);
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "inlink\\inner.dat", HOSTFS_EXISTING, &hp), 0);
    int fd = hostfs_open(&f->fs, &hp, O_RDONLY, 0);
    assert_true(fd >= 0);
    close(fd);
}

/* The everyday calls work through both ways of opening beneath the root. */
static void check_calls_work(struct fixture *f, bool fallback)
{
    f->fs.no_openat2 = fallback;
    struct hostfs_path nf, nd, mv, root;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\new.txt", HOSTFS_PARENT, &nf), 0);
    int fd = hostfs_open(&f->fs, &nf, O_RDWR | O_CREAT | O_TRUNC, 0666);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "newdir", HOSTFS_PARENT, &nd), 0);
    assert_int_equal(hostfs_mkdir(&f->fs, &nd), 0);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "newdir\\moved.txt", HOSTFS_PARENT, &mv), 0);
    assert_int_equal(hostfs_rename(&f->fs, &nf, &mv), 0);
    assert_int_equal(hostfs_set_readonly_at(&f->fs, &mv, true), 0);
    struct hostfs_dirent e;
    assert_int_equal(hostfs_stat_at(&f->fs, &mv, &e), 0);
    assert_true(e.attr & HOSTFS_ATTR_READONLY);
    assert_int_equal(hostfs_unlink(&f->fs, &mv), 0);
    assert_int_equal(hostfs_rmdir(&f->fs, &nd), 0);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "\\", HOSTFS_EXISTING, &root), 0);
    fd = hostfs_open(&f->fs, &root, O_RDONLY | O_DIRECTORY, 0);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(hostfs_unlink(&f->fs, &root), DOS_ERR_ACCESS_DENIED);
    char p[256];
    snprintf(p, sizeof p, "%s/newdir", f->root);
    assert_int_not_equal(access(p, F_OK), 0);
}

static void test_calls_openat2(void **state)
{
    check_calls_work(*state, false);
}

static void test_calls_walk(void **state)
{
    check_calls_work(*state, true);
}

/* A symlink that walks out of the drive and back in ("../root/Sub") is
 * refused: RESOLVE_BENEATH never lets a path leave the root, even for a
 * moment; a DOS path that does the same is clamped at the root instead. */
static void test_walk_out_and_back_in(void **state)
{
    struct fixture *f = *state;
    char link[256];
    snprintf(link, sizeof link, "%s/back", f->root);
    assert_int_equal(symlink("../root/Sub", link), 0);
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "back\\inner.dat", HOSTFS_EXISTING, &hp),
                     DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\..\\..\\root\\sub\\inner.dat",
                                    HOSTFS_EXISTING, &hp), DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\..\\..\\sub\\inner.dat",
                                    HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(hp.dos, "C:\\SUB\\INNER.DAT");
}

/* --follow-symlinks: the user let this drive's links lead anywhere. */
static void test_follow_drive(void **state)
{
    struct fixture *f = *state;
    char target[256], link[256];
    snprintf(target, sizeof target, "%s/outside", f->base);
    snprintf(link, sizeof link, "%s/esc", f->root);
    assert_int_equal(symlink(target, link), 0);
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "esc\\secret.txt", HOSTFS_EXISTING, &hp),
                     DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_mount(&f->fs, 3, f->root, HOSTFS_MOUNT_FOLLOW), 0);
    assert_int_equal(hostfs_resolve(&f->fs, 3, "esc\\secret.txt", HOSTFS_EXISTING, &hp), 0);
    int fd = hostfs_open(&f->fs, &hp, O_RDONLY, 0);
    assert_true(fd >= 0);
    close(fd);
}

/* MS-DOS limits: a current directory of at most 63 characters (47h's
 * 64-byte buffer, RBIL INT 21/AH=47h) and a full path of 128 bytes. */
static void test_overlong_paths(void **state)
{
    struct fixture *f = *state;
    char host[512], dos[256] = "";
    snprintf(host, sizeof host, "%s", f->root);
    for (int i = 0; i < 8; i++) { /* 8 x "DIRNAMEn\" = 72 bytes */
        char comp[16];
        snprintf(comp, sizeof comp, "DIRNAME%d", i);
        strcat(host, "/");
        strcat(host, comp);
        assert_int_equal(mkdir(host, 0755), 0);
        strcat(dos, "\\");
        strcat(dos, comp);
        int rc = hostfs_chdir(&f->fs, DRIVE_C, dos);
        assert_int_equal(rc, strlen(dos) - 1 < HOSTFS_CWD_MAX ? 0 : DOS_ERR_PATH_NOT_FOUND);
    }
    assert_string_equal(f->fs.drive[DRIVE_C].cwd,
                        "DIRNAME0\\DIRNAME1\\DIRNAME2\\DIRNAME3\\DIRNAME4\\DIRNAME5\\DIRNAME6");
    /* From there, a name that would make the full path pass 128 bytes. */
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "DIRNAME7\\ABCDEFGH.TXT", HOSTFS_PARENT, &hp),
                     0);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C,
                                    "DIRNAME7\\ABCDEFGH\\ABCDEFGH\\ABCDEFGH\\ABCDEFGH.TXT",
                                    HOSTFS_PARENT, &hp), DOS_ERR_PATH_NOT_FOUND);
    /* a component longer than the whole of a DOS path */
    char longname[300];
    memset(longname, 'A', sizeof longname - 1);
    longname[sizeof longname - 1] = 0;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, longname, HOSTFS_PARENT, &hp),
                     DOS_ERR_PATH_NOT_FOUND);
}

/* --lowercase: a new name goes to the host in lower case; DOS still sees
 * it upper case. */
static void test_lowercase_creates(void **state)
{
    struct fixture *f = *state;
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\NewFile.Txt", HOSTFS_PARENT, &hp), 0);
    assert_string_equal(strrchr(hp.host, '/'), "/NEWFILE.TXT");
    f->fs.lowercase = true;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "sub\\NewFile.Txt", HOSTFS_PARENT, &hp), 0);
    assert_string_equal(strrchr(hp.host, '/'), "/newfile.txt");
    assert_string_equal(hp.dos, "C:\\SUB\\NEWFILE.TXT");
}

/* The volume label comes from the mount's directory name. */
static void test_label(void **state)
{
    struct fixture *f = *state;
    char label[12];
    hostfs_label(&f->fs, DRIVE_C, label);
    assert_string_equal(label, "ROOT");
    char p[256];
    snprintf(p, sizeof p, "%s/My dir.with+long name", f->base);
    assert_int_equal(mkdir(p, 0755), 0);
    assert_int_equal(hostfs_mount(&f->fs, 3, p, 0), 0);
    hostfs_label(&f->fs, 3, label);
    assert_string_equal(label, "MYDIRWITHLO");
}

static void find_all(struct fixture *f, const char *pat, uint8_t attr, char *out, size_t cap)
{
    struct hostfs_search s = { 0 };
    struct hostfs_dirent e;
    out[0] = 0;
    int rc = hostfs_find_first(&f->fs, DRIVE_C, pat, attr, &s, &e);
    while (rc == 0) {
        strncat(out, e.name, cap - strlen(out) - 2);
        strcat(out, " ");
        rc = hostfs_find_next(&s, &e);
    }
    assert_int_equal(rc, DOS_ERR_NO_MORE_FILES);
    hostfs_search_end(&s);
}

static void test_aliases_stable(void **state)
{
    struct fixture *f = *state;
    put_file(f->root, "Long File Name.text", "1");
    put_file(f->root, "a.b.c", "2");
    char first[512], second[512], third[512];
    find_all(f, "*.*", 0, first, sizeof first);
    find_all(f, "*.*", 0, second, sizeof second);
    assert_string_equal(first, second);
    put_file(f->root, "Another Long One.text", "3");
    find_all(f, "*.*", 0, third, sizeof third);
    /* Every earlier name is still there, spelled the same. */
    char *save = NULL;
    for (char *t = strtok_r(first, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        char needle[20];
        snprintf(needle, sizeof needle, "%s ", t);
        assert_non_null(strstr(third, needle));
    }
    /* The alias has the documented shape and resolves back. */
    char alias[HOSTFS_NAME83];
    hostfs_alias("Long File Name.text", 1, alias);
    assert_int_equal(strlen(alias), 12);
    assert_memory_equal(alias, "LO", 2);
    assert_memory_equal(alias + 6, "~1.TEX", 6);
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, alias, HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(strrchr(hp.host, '/') + 1, "Long File Name.text");
    assert_string_equal(hp.last, alias);
}

/* An alias already taken (by a real file of that name, or by another
 * alias through a hash clash) moves on to ~2, in byte order. */
static void test_alias_collisions(void **state)
{
    struct fixture *f = *state;
    char a1[HOSTFS_NAME83], a2[HOSTFS_NAME83], got[HOSTFS_NAME83];
    hostfs_alias("Long File Name.text", 1, a1);
    hostfs_alias("Long File Name.text", 2, a2);
    put_file(f->root, "Long File Name.text", "1");
    put_file(f->root, a1, "2");
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "Long File Name.text", HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(hp.last, a2);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, a1, HOSTFS_EXISTING, &hp), 0);
    assert_string_equal(strrchr(hp.host, '/') + 1, a1);

    /* Two long names whose hashes agree in the low 16 bits. */
    char first[32], second[32];
    unsigned seen[0x10000] = { 0 };
    for (unsigned i = 1;; i++) {
        snprintf(second, sizeof second, "clash number %u", i);
        unsigned h = hostfs_name_hash(second) & 0xFFFFu;
        if (seen[h]) {
            snprintf(first, sizeof first, "clash number %u", seen[h]);
            break;
        }
        seen[h] = i;
    }
    put_file(f->root, second, "3");
    put_file(f->root, first, "4");
    const char *lo = strcmp(first, second) < 0 ? first : second;
    const char *hi = lo == first ? second : first;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, lo, HOSTFS_EXISTING, &hp), 0);
    hostfs_alias(lo, 1, got);
    assert_string_equal(hp.last, got);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, hi, HOSTFS_EXISTING, &hp), 0);
    hostfs_alias(hi, 2, got);
    assert_string_equal(hp.last, got);
}

static void test_find_attributes_and_dots(void **state)
{
    struct fixture *f = *state;
    put_file(f->root, ".hidden", "h");
    char got[512];
    find_all(f, "*.*", 0, got, sizeof got);
    assert_string_equal(got, "README.TXT ");
    find_all(f, "C:\\*.*", HOSTFS_ATTR_DIRECTORY, got, sizeof got);
    assert_string_equal(got, "README.TXT SUB ");
    find_all(f, "sub\\*.*", HOSTFS_ATTR_DIRECTORY, got, sizeof got);
    assert_string_equal(got, ". .. INNER.DAT ");
    find_all(f, "sub\\*.*", 0, got, sizeof got);
    assert_string_equal(got, "INNER.DAT ");
    /* the label: the mount's directory name, in the root only */
    find_all(f, "*.*", HOSTFS_ATTR_VOLUME, got, sizeof got);
    assert_string_equal(got, "ROOT ");
    find_all(f, "sub\\*.*", HOSTFS_ATTR_VOLUME, got, sizeof got);
    assert_string_equal(got, "");
    find_all(f, "X*.*", HOSTFS_ATTR_VOLUME, got, sizeof got);
    assert_string_equal(got, "");

    struct hostfs_search s = { 0 };
    struct hostfs_dirent e;
    assert_int_equal(hostfs_find_first(&f->fs, DRIVE_C, "nodir\\*.*", 0, &s, &e),
                     DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_find_first(&f->fs, DRIVE_C, "*.exe", 0, &s, &e),
                     DOS_ERR_NO_MORE_FILES);
    assert_int_equal(hostfs_find_first(&f->fs, DRIVE_C, "readme.txt", 0, &s, &e), 0);
    assert_int_equal(e.size, 5);
    assert_int_equal(e.attr, HOSTFS_ATTR_ARCHIVE);
    hostfs_search_end(&s);
}

static void test_chdir_and_relative(void **state)
{
    struct fixture *f = *state;
    assert_int_equal(hostfs_chdir(&f->fs, DRIVE_C, "sub"), 0);
    assert_string_equal(f->fs.drive[DRIVE_C].cwd, "SUB");
    struct hostfs_path hp;
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "inner.dat", HOSTFS_EXISTING, &hp), 0);
    assert_int_equal(hostfs_resolve(&f->fs, DRIVE_C, "..\\readme.txt", HOSTFS_EXISTING, &hp), 0);
    assert_int_equal(hostfs_chdir(&f->fs, DRIVE_C, "inner.dat"), DOS_ERR_PATH_NOT_FOUND);
    assert_int_equal(hostfs_chdir(&f->fs, DRIVE_C, "\\nodir"), DOS_ERR_PATH_NOT_FOUND);
    assert_string_equal(f->fs.drive[DRIVE_C].cwd, "SUB");
    assert_int_equal(hostfs_chdir(&f->fs, DRIVE_C, "..\\.."), 0);
    assert_string_equal(f->fs.drive[DRIVE_C].cwd, "");
}

static void test_stat_readonly_and_time(void **state)
{
    struct fixture *f = *state;
    char p[512];
    snprintf(p, sizeof p, "%s/readme.txt", f->root);
    assert_int_equal(hostfs_set_readonly(p, true), 0);
    struct hostfs_dirent e;
    assert_int_equal(hostfs_stat(p, &e), 0);
    assert_int_equal(e.attr, HOSTFS_ATTR_ARCHIVE | HOSTFS_ATTR_READONLY);
    assert_int_equal(hostfs_set_readonly(p, false), 0);
    assert_int_equal(hostfs_stat(p, &e), 0);
    assert_int_equal(e.attr, HOSTFS_ATTR_ARCHIVE);

    /* 2001-02-03 04:05:06 local time, both ways. */
    uint16_t date = (21 << 9) | (2 << 5) | 3, tm = (4 << 11) | (5 << 5) | 3;
    uint16_t d2, t2;
    hostfs_dos_datetime(hostfs_dos_to_time(date, tm), &d2, &t2);
    assert_int_equal(d2, date);
    assert_int_equal(t2, tm);
    hostfs_dos_datetime(0, &d2, &t2); /* 1970: before DOS time began */
    assert_int_equal(d2, (1 << 5) | 1);
    assert_int_equal(t2, 0);
    /* 2237 (0x1F7B29A00 seconds): past 2107-12-31 23:59:58, the last */
    hostfs_dos_datetime((time_t)0x1F7B29A00LL, &d2, &t2);
    assert_int_equal(d2, (127 << 9) | (12 << 5) | 31);
    assert_int_equal(t2, (23 << 11) | (59 << 5) | 29);
}

static const struct {
    const char *pattern, *name;
    bool match;
} wild_cases[] = {
    { "*.*", "README.TXT", true },
    { "*.*", "NOEXT", true },          /* "*.*" takes names without extension */
    { "*", "NOEXT", true },
    { "*", "README.TXT", false },      /* "*" has a blank extension */
    { "*.", "NOEXT", true },
    { "*.TXT", "README.TXT", true },
    { "*.TXT", "README.TX", false },
    { "READ????.*", "README.TXT", true },
    { "READ????.*", "READ.TXT", true }, /* '?' matches a missing char */
    { "R?ADME.TXT", "README.TXT", true },
    { "R?ADME.TXT", "RXADME.TXT", true },
    { "R?ADME.TXT", "RADME.TXT", false },
    { "RE*ME.TXT", "REXYZ.TXT", true }, /* '*' fills the field, rest ignored */
    { "*.T?T", "A.TXT", true },
    { "*.T?T", "A.TX", false },
    { "A?.*", "A", true },
    { "????????.???", "ANYTHING.EXT", true },
    { "*.*", ".", true },
    { "*.*", "..", true },
    { "?", "AB", false },
    { "readme.txt", "README.TXT", true },
};

static void test_wildcards(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof wild_cases / sizeof wild_cases[0]; i++) {
        bool got = hostfs_wild_match(wild_cases[i].pattern, wild_cases[i].name);
        if (got != wild_cases[i].match)
            fail_msg("case %zu: '%s' vs '%s' gave %d", i, wild_cases[i].pattern,
                     wild_cases[i].name, got);
    }
}

static void test_names(void **state)
{
    (void)state;
    assert_true(hostfs_host_is_83("readme.txt"));
    assert_true(hostfs_host_is_83("A"));
    assert_false(hostfs_host_is_83("toolongname.txt"));
    assert_false(hostfs_host_is_83("a.b.c"));
    assert_false(hostfs_host_is_83("a+b.txt"));
    assert_false(hostfs_host_is_83("sp ace"));
    assert_false(hostfs_host_is_83(".profile"));
    /* non-ASCII through code page 437: e-acute is 82h there; the euro
     * sign is not in it; malformed UTF-8 is no name at all */
    char dos[HOSTFS_NAME83];
    assert_true(hostfs_host_83("caf\xc3\xa9.txt", dos));
    assert_string_equal(dos, "CAF\x82.TXT");
    assert_false(hostfs_host_is_83("x.t\xe2\x82\xac"));
    assert_false(hostfs_host_is_83("x.\xff"));
    char utf[32];
    assert_true(hostfs_cp437_to_utf8("\x82\x9b\xe1", utf, sizeof utf)); /* e-acute, cent, sharp s */
    assert_string_equal(utf, "\xc3\xa9\xc2\xa2\xc3\x9f");
    assert_true(hostfs_utf8_to_cp437(utf, dos, sizeof dos));
    assert_string_equal(dos, "\x82\x9b\xe1");
    assert_false(hostfs_cp437_to_utf8("\xb0\xb0", utf, 6)); /* 3 bytes each: no room */
    assert_false(hostfs_host_is_83("ext.long"));
    char c[HOSTFS_NAME83];
    assert_true(hostfs_dos_canon("verylongname.text", 17, false, c));
    assert_string_equal(c, "VERYLONG.TEX");
    assert_false(hostfs_dos_canon("a*b", 3, false, c));
    assert_true(hostfs_dos_canon("a*b", 3, true, c));
    assert_false(hostfs_dos_canon("a.b.c", 5, false, c));
    assert_false(hostfs_dos_canon(".x", 2, false, c));
    char a1[HOSTFS_NAME83], a2[HOSTFS_NAME83];
    hostfs_alias(".profile", 1, a1); /* a leading dot starts no extension */
    assert_memory_equal(a1, "PR", 2);
    assert_string_equal(a1 + 6, "~1");
    hostfs_alias("+.c", 1, a1);         /* nothing legal in the base */
    assert_memory_equal(a1, "_", 1);
    assert_string_equal(a1 + 5, "~1.C");
    hostfs_alias("x", 12, a2);
    assert_int_equal(strlen(a2), 8);
    assert_string_equal(a2 + 5, "~12");
}

static void test_errno_mapping(void **state)
{
    (void)state;
    static const struct {
        int err, dos;
    } map[] = {
        { ENOENT, DOS_ERR_FILE_NOT_FOUND },     { ENOTDIR, DOS_ERR_PATH_NOT_FOUND },
        { EACCES, DOS_ERR_ACCESS_DENIED },      { EPERM, DOS_ERR_ACCESS_DENIED },
        { EROFS, DOS_ERR_ACCESS_DENIED },       { ENOTEMPTY, DOS_ERR_ACCESS_DENIED },
        { EMFILE, DOS_ERR_TOO_MANY_OPEN_FILES }, { ENFILE, DOS_ERR_TOO_MANY_OPEN_FILES },
        { EEXIST, DOS_ERR_FILE_EXISTS },        { EXDEV, DOS_ERR_NOT_SAME_DEVICE },
        { ENOSPC, DOS_ERR_HANDLE_DISK_FULL },   { EBADF, DOS_ERR_INVALID_HANDLE },
        { EIO, DOS_ERR_GENERAL_FAILURE },
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        assert_int_equal(hostfs_errno_to_dos(map[i].err), map[i].dos);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mount_rejects_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resolve_case_insensitive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_exact_match_preferred, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dotdot_clamps_at_root, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_escape_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aliases_stable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alias_collisions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_find_attributes_and_dots, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chdir_and_relative, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stat_readonly_and_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_race_openat2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_race_walk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_walk_inside_link, setup, teardown),
        cmocka_unit_test_setup_teardown(test_calls_openat2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_calls_walk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_walk_out_and_back_in, setup, teardown),
        cmocka_unit_test_setup_teardown(test_follow_drive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overlong_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lowercase_creates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_label, setup, teardown),
        cmocka_unit_test(test_wildcards),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_errno_mapping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
