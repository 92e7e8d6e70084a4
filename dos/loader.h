/*
 * The .COM and MZ .EXE loader, in two steps so the checks can be tested
 * without a machine: dos_image_parse() validates a file held in host
 * memory and says what it needs; dos_image_place() copies the load module
 * into guest memory and applies the relocations.
 *
 * MZ header layout: RBIL INT 21/AH=4Bh, "Format of .EXE file header".
 */
#ifndef VDM_DOS_LOADER_H
#define VDM_DOS_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct machine;

#define MZ_SIGNATURE 0x5A4D        /* "MZ" */
#define MZ_SIGNATURE_ALT 0x4D5A    /* "ZM", accepted by MS-DOS too */
#define MZ_HEADER_MIN 0x1C         /* bytes of the fixed header */
#define MZ_PAGE 512u

#define MZ_LAST_PAGE_BYTES 0x02
#define MZ_PAGES 0x04
#define MZ_RELOC_COUNT 0x06
#define MZ_HEADER_PARAS 0x08
#define MZ_MIN_ALLOC 0x0A
#define MZ_MAX_ALLOC 0x0C
#define MZ_SS 0x0E
#define MZ_SP 0x10
#define MZ_IP 0x14
#define MZ_CS 0x16
#define MZ_RELOC_OFF 0x18

/* Windows (and OS/2) executables start with an MZ stub too; the stub's
 * header says where the real header is. Microsoft's PE/COFF
 * specification, "MS-DOS Stub": the file offset of the new header is the
 * dword at 3Ch (e_lfanew), and a stub that has one puts its relocation
 * table at 40h or above (e_lfarlc), which is how Windows itself tells a
 * new executable from a plain DOS one whose header is shorter. */
#define MZ_NEW_HEADER_OFF 0x3C
#define MZ_NEW_HEADER_MIN_RELOC 0x40
#define NEW_EXE_PE_SIGNATURE "PE\0\0"
#define NEW_EXE_NE_SIGNATURE "NE"

/* The largest .COM image: a 64 KiB segment less the PSP (65,280 bytes;
 * MS-DOS refuses larger .COM files). Its initial stack word at FFFEh
 * then overlays the image's last two bytes, as in MS-DOS. */
#define COM_MAX_SIZE 0xFF00u

/* A .COM needs its image plus this much stack after the PSP, but never
 * more than the rest of its 64 KiB segment. */
#define COM_STACK_MIN 0x100u
#define COM_SEGMENT_PARAS 0x1000u

struct dos_image {
    bool is_exe;
    uint32_t image_off;    /* where the load module starts in the file */
    uint32_t image_size;   /* bytes of load module */
    uint32_t min_paras;    /* paragraphs the program needs after the PSP */
    uint32_t max_paras;    /* paragraphs it would like (>= min_paras) */
    bool load_high;        /* EXE with min and max alloc both 0: the image
                              goes at the top of the largest block */
    uint16_t cs, ip, ss, sp; /* EXE: relative to the load segment */
    uint32_t reloc_off;    /* EXE: file offset of the relocation table */
    uint16_t reloc_count;
};

/* Validate `file` (size bytes; the whole file) as a .COM (is_com_name:
 * chosen by extension, as DOS does, unless it starts with "MZ") or .EXE.
 * Returns true and fills `img`; false with a one-line reason in `err`. */
bool dos_image_parse(const uint8_t *file, size_t size, bool is_com_name,
                     struct dos_image *img, char *err, size_t errcap);

/* "PE" or "NE" when MZ file `file` (size bytes) is a Windows (or OS/2)
 * executable whose DOS part is only a stub, else NULL. dos_image_parse
 * refuses such files. Other new-header kinds (LE, LX: DOS extenders such
 * as DOS/4GW) are DOS programs and pass. */
const char *dos_image_windows_kind(const uint8_t *file, size_t size);

/* Copy the load module to `load_seg` and relocate it by `reloc_base`
 * (the load segment for EXE programs and overlays). `block_paras` is the
 * room from load_seg on; relocation entries outside it are refused.
 * Returns true, or false with a reason in `err`. */
bool dos_image_place(struct machine *m, const uint8_t *file, size_t size,
                     const struct dos_image *img, uint16_t load_seg,
                     uint16_t reloc_base, uint32_t block_paras, char *err,
                     size_t errcap);

/* Read a whole program file into a fresh host buffer (caller frees).
 * Files over `cap` bytes are read up to `cap`. Returns NULL with errno set
 * on failure. */
uint8_t *dos_read_file(const char *host_path, size_t cap, size_t *size);

#endif
