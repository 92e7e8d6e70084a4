; The Windows 95 long file name API (RBIL INT 21/AX=7139h-71A7h) on host
; names; the run directory holds long_file_name.text (see the .expect):
;  - 71A0h: long names supported, case preserved, 255/260, "FAT";
;  - 716Ch creates "My Long File.text" under that name (CX=2), opens it in
;    another case (CX=1), refuses DL=10h on it (50h), a missing file with
;    DL=01h (02h) and a name with '|' (03h); 71A6h gives its size;
;  - 714Eh/714Fh list "*.text" in host byte order with long and short
;    names, then 12h; 71A1h closes the handle (06h twice);
;  - 7139h/713Bh/7147h/713Ah: a long directory made, entered in another
;    case, reported with its host spelling, left and removed;
;  - 7160h: long (CL=2) and short (CL=1: an alias) truenames;
;  - 7156h renames, 7143h reads attributes (02h for the old name), 7141h
;    deletes (02h twice); 71A7h converts a DOS time to FILETIME and back;
;  - 71A8h makes short names (8.3 as is, else an alias; both forms);
;  - 7141h with SI=1 deletes what a wildcard matches (02h with SI=0);
;  - 71A9h (not provided) answers AX=7100h with CF set.
        org 100h
%include "check.inc"

        mov     ax, 71A0h
        mov     dx, root
        mov     di, buf
        mov     cx, 32
        stc
        int     21h
        CHECK_CF "71a0h-1.1", 0
        CHECK_EQ "71a0h-1.2", bx, 4002h
        CHECK_EQ "71a0h-1.3", cx, 255
        CHECK_EQ "71a0h-1.4", dx, 260
        mov     si, buf
        mov     di, fat
        call    streq
        CHECK_EQ "71a0h-1.5", ax, 1

        ; create, write, close
        mov     si, lname
        mov     dx, 10h
        call    lopen
        CHECK_CF "716ch-1.1", 0
        CHECK_EQ "716ch-1.2", cx, 2
        mov     bx, ax
        mov     ah, 40h
        mov     cx, 5
        mov     dx, hello
        int     21h
        mov     ah, 3Eh
        int     21h
        mov     si, lname_case
        mov     dx, 01h
        call    lopen
        CHECK_CF "716ch-2.1", 0
        CHECK_EQ "716ch-2.2", cx, 1
        mov     bx, ax
        mov     ax, 71A6h
        mov     dx, info
        stc
        int     21h
        CHECK_CF "71a6h-1.1", 0
        CHECK_EQ "71a6h-1.2", [info+24h], 5
        mov     ah, 3Eh
        int     21h
        mov     si, lname
        mov     dx, 10h
        call    lopen
        CHECK_EQ "716ch-3.1", ax, 0050h
        mov     si, missing
        mov     dx, 01h
        call    lopen
        CHECK_EQ "716ch-3.2", ax, 0002h
        mov     si, badname
        mov     dx, 10h
        call    lopen
        CHECK_EQ "716ch-3.3", ax, 0003h

        ; find
        mov     ax, 714Eh
        mov     cx, 0
        mov     dx, star_text
        mov     di, fd
        mov     si, 1
        stc
        int     21h
        CHECK_CF "714eh-1.1", 0
        mov     [fh], ax
        mov     si, fd+2Ch
        mov     di, lname
        call    streq
        CHECK_EQ "714eh-1.2", ax, 1
        mov     al, [fd+130h]           ; an alias: not empty
        cmp     al, 0
        setne   al
        CHECK_EQ8 "714eh-1.3", al, 1
        CHECK_EQ "714eh-1.4", [fd+20h], 5
        mov     ax, 714Fh
        mov     bx, [fh]
        mov     di, fd
        mov     si, 1
        stc
        int     21h
        CHECK_CF "714fh-1.1", 0
        mov     si, fd+2Ch
        mov     di, setup_name
        call    streq
        CHECK_EQ "714fh-1.2", ax, 1
        mov     ax, 714Fh
        mov     bx, [fh]
        mov     di, fd
        stc
        int     21h
        CHECK_CF "714fh-2.1", 1
        CHECK_EQ "714fh-2.2", ax, 0012h
        mov     ax, 71A1h
        mov     bx, [fh]
        stc
        int     21h
        CHECK_CF "71a1h-1.1", 0
        mov     ax, 71A1h
        mov     bx, [fh]
        stc
        int     21h
        CHECK_EQ "71a1h-1.2", ax, 0006h

        ; directories
        mov     ax, 7139h
        mov     dx, ldir
        stc
        int     21h
        CHECK_CF "7139h-1.1", 0
        mov     ax, 713Bh
        mov     dx, ldir_case
        stc
        int     21h
        CHECK_CF "713bh-1.1", 0
        mov     ax, 7147h
        mov     dl, 0
        mov     si, buf
        stc
        int     21h
        CHECK_CF "7147h-1.1", 0
        mov     si, buf
        mov     di, ldir
        call    streq
        CHECK_EQ "7147h-1.2", ax, 1
        mov     ax, 7160h               ; long truename from inside
        mov     cl, 2
        mov     si, up_lname
        mov     di, buf
        stc
        int     21h
        CHECK_CF "7160h-1.1", 0
        mov     si, buf
        mov     di, want_long
        call    streq
        CHECK_EQ "7160h-1.2", ax, 1
        mov     ax, 713Bh
        mov     dx, dotdot
        stc
        int     21h
        mov     ax, 7160h
        mov     cl, 1
        mov     si, lname
        mov     di, buf
        stc
        int     21h
        CHECK_CF "7160h-2.1", 0
        CHECK_EQ "7160h-2.2", [buf+3], "MY"
        CHECK_EQ8 "7160h-2.3", [buf+9], '~'
        mov     ax, 713Ah
        mov     dx, ldir
        stc
        int     21h
        CHECK_CF "713ah-1.1", 0

        ; rename, attributes, delete
        mov     ax, 7156h
        mov     dx, lname
        mov     di, rname
        stc
        int     21h
        CHECK_CF "7156h-1.1", 0
        mov     ax, 7143h
        mov     bl, 0
        mov     dx, rname
        stc
        int     21h
        CHECK_CF "7143h-1.1", 0
        CHECK_EQ "7143h-1.2", cx, 0020h
        mov     ax, 7143h
        mov     bl, 0
        mov     dx, lname
        stc
        int     21h
        CHECK_EQ "7143h-1.3", ax, 0002h
        mov     ax, 7141h
        mov     dx, rname
        xor     si, si
        stc
        int     21h
        CHECK_CF "7141h-1.1", 0
        mov     ax, 7141h
        mov     dx, rname
        xor     si, si
        stc
        int     21h
        CHECK_EQ "7141h-1.2", ax, 0002h

        ; time conversion round trip: 2000-01-01 12:34:56
        mov     ax, 71A7h
        mov     bl, 1
        mov     bh, 0
        mov     cx, (12 << 11) | (34 << 5) | (56 / 2)
        mov     dx, ((2000 - 1980) << 9) | (1 << 5) | 1
        mov     di, ftime
        stc
        int     21h
        CHECK_CF "71a7h-1.1", 0
        mov     ax, 71A7h
        mov     bl, 0
        mov     si, ftime
        xor     cx, cx
        xor     dx, dx
        stc
        int     21h
        CHECK_CF "71a7h-1.2", 0
        CHECK_EQ "71a7h-1.3", cx, (12 << 11) | (34 << 5) | (56 / 2)
        CHECK_EQ "71a7h-1.4", dx, ((2000 - 1980) << 9) | (1 << 5) | 1

        ; 71A8h short names
        mov     ax, 71A8h
        mov     si, readme
        mov     di, buf
        mov     dx, 0100h
        stc
        int     21h
        CHECK_CF "71a8h-1.1", 0
        mov     si, buf
        mov     di, readme_83
        call    streq
        CHECK_EQ "71a8h-1.2", ax, 1
        mov     ax, 71A8h
        mov     si, readme
        mov     di, buf
        mov     dx, 0000h
        stc
        int     21h
        CHECK_EQ "71a8h-1.3", [buf+8], "TX"
        CHECK_EQ "71a8h-1.4", [buf+6], "  "
        mov     ax, 71A8h
        mov     si, lname
        mov     di, buf
        mov     dx, 0100h
        stc
        int     21h
        CHECK_EQ "71a8h-1.5", [buf], "MY"
        CHECK_EQ8 "71a8h-1.6", [buf+6], '~'
        mov     ax, 71A8h
        mov     dx, 0200h
        stc
        int     21h
        CHECK_EQ "71a8h-1.7", ax, 0001h

        ; 7141h with wildcards
        mov     si, del1
        mov     dx, 10h
        call    lopen
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
        mov     si, del2
        mov     dx, 10h
        call    lopen
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
        mov     ax, 7141h
        mov     dx, del_wild
        xor     si, si                  ; SI=0: no wildcards
        stc
        int     21h
        CHECK_EQ "7141h-2.1", ax, 0002h
        mov     ax, 7141h
        mov     dx, del_wild
        mov     si, 1
        xor     cx, cx
        stc
        int     21h
        CHECK_CF "7141h-2.2", 0
        mov     ax, 714Eh
        xor     cx, cx
        mov     dx, del_wild
        mov     di, fd
        mov     si, 1
        stc
        int     21h
        CHECK_EQ "7141h-2.3", ax, 0012h
        mov     ax, 7141h
        mov     dx, del_wild
        mov     si, 1
        xor     cx, cx
        stc
        int     21h
        CHECK_EQ "7141h-2.4", ax, 0002h

        mov     ax, 71A9h               ; server open: not provided
        stc
        int     21h
        CHECK_CF "71a9h-1.1", 1
        CHECK_EQ "71a9h-1.2", ax, 7100h
        CHECK_DONE

; 716Ch: DS:SI name, DX action, read/write deny-none.
lopen:  mov     ax, 716Ch
        mov     bx, 0042h
        xor     cx, cx
        xor     di, di
        stc
        int     21h
        ret

; AX = 1 when the ASCIZ strings at SI and DI are equal, else 0.
streq:  mov     al, [si]
        cmp     al, [di]
        jne     .no
        inc     si
        inc     di
        test    al, al
        jnz     streq
        mov     ax, 1
        ret
.no:    xor     ax, ax
        ret

root        db "C:\", 0
fat         db "FAT", 0
lname       db "My Long File.text", 0
lname_case  db "my long FILE.TEXT", 0
missing     db "No Such File.text", 0
badname     db "bad|name.text", 0
setup_name  db "long_file_name.text", 0
star_text   db "*.text", 0
ldir        db "Long Directory", 0
ldir_case   db "long DIRECTORY", 0
dotdot      db "..", 0
up_lname    db "..\my long file.text", 0
want_long   db "C:\My Long File.text", 0
rname       db "Renamed Long.text", 0
readme      db "readme.txt", 0
readme_83   db "README.TXT", 0
del1        db "del one.tmpx", 0
del2        db "Del Two.tmpx", 0
del_wild    db "del*.tmpx", 0
hello       db "hello"
fh          dw 0
ftime       dq 0
info        times 52 db 0
fd          times 318 db 0
buf         times 261 db 0
