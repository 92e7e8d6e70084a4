; Find first/next state lives in the DTA, and file metadata round-trips to
; the host (RBIL INT 21/AH=1Ah, 4Eh, 4Fh, AX=4300h/4301h, AX=5700h/5701h):
;  - two searches in two DTAs interleave; a search survives 100 abandoned
;    searches made meanwhile, and a copy of its DTA resumes at the same
;    place (MS-DOS keeps the position in the DTA's reserved bytes);
;  - attribute 08h finds the volume label: the drive directory's name
;    ("My Label.dir" mounted as E: -> MYLABELD.IR);
;  - a host dot file is hidden: found only with attribute 02h;
;  - 43h sets and clears read-only (host write permission): a write open
;    is refused (05h) in between;
;  - 57h's time is kept through later writes and is on the file after it
;    is closed and opened again.
        org 100h
%include "check.inc"
%include "int21_4eh_streq.inc"

NAME    equ 1Eh         ; FindFirst block: found name
FATTR   equ 15h         ; found attribute
DATE99  equ (19 << 9) | (12 << 5) | 31
TIME99  equ (23 << 11) | (58 << 5) | 29

%macro SETDTA 1
        mov     ah, 1Ah
        mov     dx, %1
        int     21h
%endmacro

%macro FIND 3           ; AH function, CX attributes, DX pattern (4Fh: ignored)
        mov     ah, %1
        mov     cx, %2
        mov     dx, %3
        int     21h
%endmacro

        ; interleaved searches
        SETDTA  dta1
        FIND    4Eh, 0, txt
        CHECK_STR "meta-1.1", dta1 + NAME, "A.TXT"
        SETDTA  dta2
        FIND    4Eh, 0, dat
        CHECK_STR "meta-1.2", dta2 + NAME, "X.DAT"
        SETDTA  dta1
        FIND    4Fh, 0, 0
        CHECK_STR "meta-1.3", dta1 + NAME, "B.TXT"
        SETDTA  dta2
        FIND    4Fh, 0, 0
        CHECK_STR "meta-1.4", dta2 + NAME, "Y.DAT"
        FIND    4Fh, 0, 0
        CHECK_CF "meta-1.5", 1
        CHECK_EQ "meta-1.6", ax, 12h
        SETDTA  dta1
        FIND    4Fh, 0, 0
        CHECK_STR "meta-1.7", dta1 + NAME, "C.TXT"

        ; abandoned searches, and a copied DTA
        FIND    4Eh, 0, txt
        mov     si, dta1
        mov     di, dta3
        mov     cx, 43
        cld
        rep     movsb
        SETDTA  dta2
        mov     bp, 100
.abandon:
        FIND    4Eh, 0, dat
        dec     bp
        jnz     .abandon
        SETDTA  dta1
        FIND    4Fh, 0, 0
        CHECK_CF "meta-2.1", 0
        CHECK_STR "meta-2.2", dta1 + NAME, "B.TXT"
        SETDTA  dta3
        FIND    4Fh, 0, 0
        CHECK_STR "meta-2.3", dta3 + NAME, "B.TXT"
        FIND    4Fh, 0, 0
        CHECK_STR "meta-2.4", dta3 + NAME, "C.TXT"

        ; the volume label of E:
        SETDTA  dta1
        FIND    4Eh, 08h, e_all
        CHECK_CF "meta-3.1", 0
        CHECK_STR "meta-3.2", dta1 + NAME, "MYLABELD.IR"
        CHECK_EQ8 "meta-3.3", [dta1 + FATTR], 08h

        ; a dot file is hidden
        FIND    4Eh, 0, hi_all
        CHECK_CF "meta-4.1", 1
        FIND    4Eh, 02h, hi_all
        CHECK_CF "meta-4.2", 0
        CHECK_EQ8 "meta-4.3", [dta1 + FATTR], 22h

        ; 43h read-only round trip
        mov     ax, 4301h
        mov     cx, 21h
        mov     dx, a_txt
        int     21h
        CHECK_CF "meta-5.1", 0
        mov     ax, 4300h
        mov     dx, a_txt
        int     21h
        CHECK_EQ "meta-5.2", cx, 21h
        mov     ax, 3D01h
        mov     dx, a_txt
        int     21h
        CHECK_CF "meta-5.3", 1
        CHECK_EQ "meta-5.4", ax, 5
        mov     ax, 4301h
        mov     cx, 20h
        mov     dx, a_txt
        int     21h
        mov     ax, 4300h
        mov     dx, a_txt
        int     21h
        CHECK_EQ "meta-5.5", cx, 20h
        mov     ax, 3D01h
        mov     dx, a_txt
        int     21h
        CHECK_CF "meta-5.6", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h

        ; 57h set, write, close, reopen
        mov     ax, 3D02h
        mov     dx, b_txt
        int     21h
        mov     [handle], ax
        mov     ax, 5701h
        mov     bx, [handle]
        mov     cx, TIME99
        mov     dx, DATE99
        int     21h
        CHECK_CF "meta-6.1", 0
        mov     ah, 40h
        mov     bx, [handle]
        mov     cx, 1
        mov     dx, a_txt
        int     21h
        mov     ah, 3Eh
        mov     bx, [handle]
        int     21h
        mov     ax, 3D00h
        mov     dx, b_txt
        int     21h
        mov     bx, ax
        mov     ax, 5700h
        int     21h
        CHECK_EQ "meta-6.2", cx, TIME99
        CHECK_EQ "meta-6.3", dx, DATE99
        mov     ah, 3Eh
        int     21h
        CHECK_DONE

txt     db "*.TXT", 0
dat     db "SUB\*.DAT", 0
e_all   db "E:\*.*", 0
hi_all  db "HI*.*", 0
a_txt   db "A.TXT", 0
b_txt   db "B.TXT", 0
handle  dw 0
dta1    times 43 db 0
dta2    times 43 db 0
dta3    times 43 db 0
