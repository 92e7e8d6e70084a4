/*
 * .COM/.EXE parsing and placement (see loader.h). Every offset taken from
 * the file is checked against the file size before use: the header is
 * untrusted input.
 */
#include "dos/loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dos/psp.h"
#include "vdm/machine.h"
#include "vdm/mem.h"

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

#define FAIL(...)                              \
    do {                                       \
        snprintf(err, errcap, __VA_ARGS__);    \
        return false;                          \
    } while (0)

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)rd16(p) | (uint32_t)rd16(p + 2) << 16;
}

const char *dos_image_windows_kind(const uint8_t *file, size_t size)
{
    static const struct { const char *sig; size_t len; const char *kind; } kinds[] = {
        { NEW_EXE_PE_SIGNATURE, 4, "PE" },
        { NEW_EXE_NE_SIGNATURE, 2, "NE" },
    };
    if (size < MZ_NEW_HEADER_OFF + 4 || rd16(file + MZ_RELOC_OFF) < MZ_NEW_HEADER_MIN_RELOC)
        return NULL;
    uint32_t at = rd32(file + MZ_NEW_HEADER_OFF);
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (at <= size && size - at >= kinds[i].len &&
            memcmp(file + at, kinds[i].sig, kinds[i].len) == 0)
            return kinds[i].kind;
    return NULL;
}

bool dos_image_parse(const uint8_t *file, size_t size, bool is_com_name,
                     struct dos_image *img, char *err, size_t errcap)
{
    memset(img, 0, sizeof *img);
    if (size == 0)
        FAIL("empty file");

    bool mz = size >= 2 && (rd16(file) == MZ_SIGNATURE || rd16(file) == MZ_SIGNATURE_ALT);
    if (!mz) {
        (void)is_com_name; /* anything without MZ runs as a .COM image */
        if (size > COM_MAX_SIZE)
            FAIL(".COM program too large (%zu bytes; at most %u)", size, COM_MAX_SIZE);
        img->image_size = (uint32_t)size;
        /* A .COM gets the largest block; it needs its image and a stack,
         * within its one segment. */
        img->min_paras = (uint32_t)((size + COM_STACK_MIN + 15) / 16);
        if (img->min_paras > COM_SEGMENT_PARAS - PSP_PARAS)
            img->min_paras = COM_SEGMENT_PARAS - PSP_PARAS;
        img->max_paras = 0x10000u;
        return true;
    }

    img->is_exe = true;
    if (size < MZ_HEADER_MIN)
        FAIL("truncated EXE header (%zu bytes)", size);
    /* MS-DOS would run the stub, which only says the program needs
     * Windows; vdm says so itself, and a file manager or binfmt_misc
     * that sent a Windows program here gets a clear refusal (126). */
    const char *kind = dos_image_windows_kind(file, size);
    if (kind)
        FAIL("a Windows program (%s executable), not a DOS program", kind);
    uint32_t pages = rd16(file + MZ_PAGES);
    uint32_t last = rd16(file + MZ_LAST_PAGE_BYTES);
    uint32_t hdr = (uint32_t)rd16(file + MZ_HEADER_PARAS) * 16;
    if (last >= MZ_PAGE)
        FAIL("bad EXE header: last page holds %u bytes", last);
    if (pages == 0)
        FAIL("bad EXE header: no pages");
    uint32_t file_len = pages * MZ_PAGE - (last ? MZ_PAGE - last : 0);
    if (hdr < MZ_HEADER_MIN || hdr > file_len)
        FAIL("bad EXE header: header size %u bytes, program %u bytes", hdr, file_len);
    if (file_len > size)
        FAIL("truncated EXE: header says %u bytes, file has %zu", file_len, size);

    img->image_off = hdr;
    img->image_size = file_len - hdr;
    img->reloc_count = rd16(file + MZ_RELOC_COUNT);
    img->reloc_off = rd16(file + MZ_RELOC_OFF);
    if (img->reloc_count &&
        (uint64_t)img->reloc_off + (uint64_t)img->reloc_count * 4 > size)
        FAIL("bad EXE header: relocation table (%u entries at %u) runs past the end of the file",
             img->reloc_count, img->reloc_off);

    uint32_t image_paras = (img->image_size + 15) / 16;
    uint32_t min_alloc = rd16(file + MZ_MIN_ALLOC);
    uint32_t max_alloc = rd16(file + MZ_MAX_ALLOC);
    img->min_paras = image_paras + min_alloc;
    img->max_paras = image_paras + max_alloc;
    /* Both zero means "load high" (MS-DOS 2.0+: M. Zbikowski, 1984;
     * Microsoft KB Q25024): the program still gets the largest block,
     * but its image sits at the top of it. */
    img->load_high = min_alloc == 0 && max_alloc == 0;
    if (img->max_paras < img->min_paras)
        img->max_paras = img->min_paras;
    img->ss = rd16(file + MZ_SS);
    img->sp = rd16(file + MZ_SP);
    img->ip = rd16(file + MZ_IP);
    img->cs = rd16(file + MZ_CS);
    return true;
}

bool dos_image_place(struct machine *m, const uint8_t *file, size_t size,
                     const struct dos_image *img, uint16_t load_seg,
                     uint16_t reloc_base, uint32_t block_paras, char *err,
                     size_t errcap)
{
    uint32_t room = block_paras * 16;
    if (img->image_size > room)
        FAIL("program too large for memory (%u bytes, %u free)", img->image_size, room);
    if ((uint64_t)img->image_off + img->image_size > size ||
        (uint64_t)img->reloc_off + 4u * img->reloc_count > size)
        FAIL("truncated program image");
    /* The whole block must lie below 1 MiB: relocations are applied
     * through the A20-wrapped accessors, so a block reaching into the HMA
     * would be copied to one place and relocated in another. */
    uint32_t lin = mem_lin(load_seg, 0);
    uint8_t *dst = mem_ptr(m, lin, img->image_size);
    if (!dst || (uint64_t)lin + room > MEM_CONV_SIZE)
        FAIL("program does not fit below 1 MiB");
    memcpy(dst, file + img->image_off, img->image_size);

    for (unsigned i = 0; i < img->reloc_count; i++) {
        const uint8_t *e = file + img->reloc_off + 4u * i;
        uint32_t at = (uint32_t)rd16(e + 2) * 16 + rd16(e);
        if (at + 2 > room)
            FAIL("bad EXE: relocation %u points outside the program (offset %05Xh)", i, at);
        mem_wr16(m, lin + at, (uint16_t)(mem_rd16(m, lin + at) + reloc_base));
    }
    return true;
}

uint8_t *dos_read_file(const char *host_path, size_t cap, size_t *size)
{
    int fd = open(host_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    int e = 0;
    if (fstat(fd, &st) < 0)
        e = errno; /* st is not to be read then */
    else if (S_ISDIR(st.st_mode))
        e = EISDIR;
    else if (!S_ISREG(st.st_mode))
        e = EINVAL;
    if (e) {
        close(fd);
        errno = e;
        return NULL;
    }
    size_t want = (size_t)st.st_size < cap ? (size_t)st.st_size : cap;
    uint8_t *buf = malloc(want ? want : 1);
    if (!buf) {
        close(fd);
        errno = ENOMEM;
        return NULL;
    }
    size_t got = 0;
    while (got < want) {
        ssize_t n = read(fd, buf + got, want - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    *size = got;
    return buf;
}
