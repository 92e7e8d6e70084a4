; INT 21h/4Eh find first and 4Fh find next (RBIL INT 21/AH=4Eh, 4Fh,
; "Format of FindFirst data block"): results in the DTA (here the default,
; PSP:0080h) with the attribute at 15h, time 16h, date 18h, size 1Ah and the
; ASCIZ name at 1Eh; matches come sorted by name; a host name that is not
; 8.3 ("Long Name.txt") shows as its stable alias LOAB84~1.TXT (hash scheme
; in hostfs/names.h) and opens by that alias; directories, "." and ".."
; appear only with the directory bit; a volume-label search, no match and
; a DTA without a live search give 12h, a missing directory 03h.
        org 100h
%include "check.inc"
%include "int21_4eh_streq.inc"

DTA             equ 80h
FF_ATTR         equ DTA + 15h
FF_DATE         equ DTA + 18h
FF_SIZE         equ DTA + 1Ah
FF_NAME         equ DTA + 1Eh

; CHECK_ATTR tag, value: the found entry's attribute byte
%macro CHECK_ATTR 2
        push    ax
        mov     al, [FF_ATTR]
        xor     ah, ah
        CHECK_EQ %1, ax, %2
        pop     ax
%endmacro

        ; "*.TXT": FILE1, FILE2, the alias; then no more
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, star_txt
        int     21h
        CHECK_CF "4eh-1.1", 0
        CHECK_STR "4eh-1.2", FF_NAME, "FILE1.TXT"
        CHECK_ATTR "4eh-1.3", 20h
        CHECK_EQ "4eh-1.4", word [FF_SIZE], 5
        CHECK_EQ "4eh-1.5", word [FF_SIZE+2], 0
        mov     ax, [FF_DATE]
        cmp     ax, (2000-1980) << 9    ; the setup copies are from today
        mov     ax, 0
        jb      .old
        inc     ax
.old:   CHECK_EQ "4eh-1.6", ax, 1
        mov     ah, 4Fh
        int     21h
        CHECK_CF "4fh-1.1", 0
        CHECK_STR "4fh-1.2", FF_NAME, "FILE2.TXT"
        mov     ah, 4Fh
        int     21h
        CHECK_CF "4fh-1.3", 0
        CHECK_STR "4fh-1.4", FF_NAME, "LOAB84~1.TXT"
        mov     ah, 4Fh
        int     21h
        CHECK_CF "4fh-1.5", 1
        CHECK_EQ "4fh-1.6", ax, 0012h
        mov     ah, 4Fh                 ; and stays ended
        int     21h
        CHECK_EQ "4fh-1.7", ax, 0012h

        ; the alias works as a name
        mov     ax, 4300h
        mov     dx, alias
        int     21h
        CHECK_CF "4eh-2.1", 0
        CHECK_EQ "4eh-2.2", cx, 0020h

        ; '?' and a single match
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, q_pattern
        int     21h
        CHECK_CF "4eh-3.1", 0
        CHECK_STR "4eh-3.2", FF_NAME, "NOTE.DOC"
        mov     ah, 4Fh
        int     21h
        CHECK_EQ "4eh-3.3", ax, 0012h

        ; a subdirectory with and without the directory bit
        mov     ah, 4Eh
        mov     cx, 10h
        mov     dx, sub_all
        int     21h
        CHECK_CF "4eh-4.1", 0
        CHECK_STR "4eh-4.2", FF_NAME, "."
        CHECK_ATTR "4eh-4.3", 10h
        mov     ah, 4Fh
        int     21h
        CHECK_STR "4eh-4.4", FF_NAME, ".."
        mov     ah, 4Fh
        int     21h
        CHECK_STR "4eh-4.5", FF_NAME, "IN.DAT"
        mov     ah, 4Fh
        int     21h
        CHECK_EQ "4eh-4.6", ax, 0012h
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, sub_all
        int     21h
        CHECK_STR "4eh-5.1", FF_NAME, "IN.DAT"
        ; SUB itself shows in the root only with the directory bit
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, sub_name
        int     21h
        CHECK_EQ "4eh-5.2", ax, 0012h
        mov     ah, 4Eh
        mov     cx, 10h
        mov     dx, sub_name
        int     21h
        CHECK_CF "4eh-5.3", 0
        CHECK_STR "4eh-5.4", FF_NAME, "SUB"

        ; errors: no match, missing directory, volume label, dead DTA
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, none
        int     21h
        CHECK_CF "4eh-6.1", 1
        CHECK_EQ "4eh-6.2", ax, 0012h
        mov     ah, 4Eh
        xor     cx, cx
        mov     dx, nodir
        int     21h
        CHECK_CF "4eh-6.3", 1
        CHECK_EQ "4eh-6.4", ax, 0003h
        mov     ah, 4Eh
        mov     cx, 08h
        mov     dx, star_txt
        int     21h
        CHECK_CF "4eh-6.5", 1
        CHECK_EQ "4eh-6.6", ax, 0012h
        mov     ah, 4Eh                 ; a live search, then spoil the DTA
        xor     cx, cx
        mov     dx, star_txt
        int     21h
        mov     cx, 21
        mov     di, DTA
        xor     al, al
        rep     stosb
        mov     ah, 4Fh
        int     21h
        CHECK_CF "4fh-2.1", 1
        CHECK_EQ "4fh-2.2", ax, 0012h
        CHECK_DONE

star_txt        db "*.txt", 0
alias           db "loab84~1.txt", 0
q_pattern       db "C:\?OTE.*", 0
sub_all         db "sub\*.*", 0
sub_name        db "SUB", 0
none            db "*.XYZ", 0
nodir           db "nodir\*.*", 0
