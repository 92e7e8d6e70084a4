; National language support (RBIL INT 21/AH=38h, 65h, 66h). With the host
; locale "C" the country is the USA (code 1, m/d/y, "$", ',' and '.'),
; code page 437. 38h fills 34 bytes whose case map routine upper-cases
; 80h-FFh (84h a-umlaut -> 8Eh); another country fails with 02h. 65h/01h
; returns ID, size 26h, country, code page and the same block; 02h/06h
; return far pointers to the 128-byte uppercase and 256-byte collating
; tables; 20h/22h upper-case a character / an ASCIZ string; 23h judges
; yes/no; a bad AL or CX < 5 gives 01h, another code page 02h. 66h gets
; 437/437, switches to 850 (the tables follow: 83h -> B6h), refuses 1252
; with 02h and a bad AL with 01h.
        org 100h
%include "check.inc"

        ; 38h: current country
        mov     ax, 3800h
        mov     dx, buf
        int     21h
        CHECK_CF "38h-1.1", 0
        CHECK_EQ "38h-1.2", bx, 1
        CHECK_EQ "38h-1.3", word [buf], 0               ; m/d/y
        CHECK_EQ8 "38h-1.4", [buf+2], '$'
        CHECK_EQ8 "38h-1.5", [buf+7], ','
        CHECK_EQ8 "38h-1.6", [buf+9], '.'
        CHECK_EQ8 "38h-1.7", [buf+0Dh], ':'
        mov     al, 84h                                 ; the case map routine
        call    far [buf+12h]
        CHECK_EQ8 "38h-1.8", al, 8Eh
        mov     al, 'q'                                 ; below 80h: unchanged
        call    far [buf+12h]
        CHECK_EQ8 "38h-1.9", al, 'q'
        mov     ax, 382Ch                               ; the UK (44)
        mov     dx, buf
        int     21h
        CHECK_CF "38h-2.1", 1
        CHECK_EQ "38h-2.2", ax, 2
        mov     ax, 3801h                               ; set the USA: ok
        mov     dx, 0FFFFh
        int     21h
        CHECK_CF "38h-3.1", 0

        ; 65h/01h: extended info
        mov     ax, 6501h
        mov     bx, 0FFFFh
        mov     dx, 0FFFFh
        mov     cx, 64
        mov     di, buf
        int     21h
        CHECK_CF "65h-1.1", 0
        CHECK_EQ "65h-1.2", cx, 41
        CHECK_EQ8 "65h-1.3", [buf], 1
        CHECK_EQ "65h-1.4", word [buf+1], 26h
        CHECK_EQ "65h-1.5", word [buf+3], 1
        CHECK_EQ "65h-1.6", word [buf+5], 437
        CHECK_EQ8 "65h-1.7", [buf+7+2], '$'

        ; 65h/02h: uppercase table
        mov     ax, 6502h
        mov     bx, 0FFFFh
        mov     dx, 0FFFFh
        mov     cx, 5
        mov     di, buf
        int     21h
        CHECK_CF "65h-2.1", 0
        CHECK_EQ "65h-2.2", cx, 5
        CHECK_EQ8 "65h-2.3", [buf], 2
        push    ds
        lds     si, [buf+1]
        mov     ax, [si]                                ; table size
        mov     bl, [si+2+1]                            ; 81h u-umlaut
        pop     ds
        CHECK_EQ "65h-2.4", ax, 80h
        CHECK_EQ8 "65h-2.5", bl, 9Ah

        ; 65h/06h: collating table sorts 'a' with 'A'
        mov     ax, 6506h
        mov     bx, 0FFFFh
        mov     dx, 0FFFFh
        mov     cx, 5
        mov     di, buf
        int     21h
        CHECK_CF "65h-3.1", 0
        push    ds
        lds     si, [buf+1]
        mov     ax, [si]
        mov     bl, [si+2+'a']
        mov     bh, [si+2+'A']
        pop     ds
        CHECK_EQ "65h-3.2", ax, 100h
        sub     bl, bh
        CHECK_EQ8 "65h-3.3", bl, 0

        ; 65h/20h, 22h, 23h
        mov     ax, 6520h
        mov     dl, 'x'
        int     21h
        CHECK_EQ8 "65h-4.1", dl, 'X'
        mov     ax, 6522h
        mov     dx, str
        int     21h
        CHECK_CF "65h-4.2", 0
        CHECK_EQ "65h-4.3", word [str], 'AB'
        CHECK_EQ8 "65h-4.4", [str+2], 8Eh
        CHECK_EQ8 "65h-4.5", [str+4], 'c'               ; past the NUL
        mov     ax, 6523h
        mov     dl, 'y'
        int     21h
        CHECK_EQ "65h-5.1", ax, 1
        mov     ax, 6523h
        mov     dl, 'N'
        int     21h
        CHECK_EQ "65h-5.2", ax, 0
        mov     ax, 6523h
        mov     dl, 'q'
        int     21h
        CHECK_EQ "65h-5.3", ax, 2

        ; 65h errors
        mov     ax, 6508h
        mov     cx, 5
        int     21h
        CHECK_CF "65h-6.1", 1
        CHECK_EQ "65h-6.2", ax, 1
        mov     ax, 6501h
        mov     bx, 0FFFFh
        mov     dx, 0FFFFh
        mov     cx, 4
        int     21h
        CHECK_EQ "65h-6.3", ax, 1
        mov     ax, 6501h
        mov     bx, 850
        mov     dx, 0FFFFh
        mov     cx, 64
        int     21h
        CHECK_CF "65h-6.4", 1
        CHECK_EQ "65h-6.5", ax, 2

        ; 66h
        mov     ax, 6601h
        int     21h
        CHECK_CF "66h-1.1", 0
        CHECK_EQ "66h-1.2", bx, 437
        CHECK_EQ "66h-1.3", dx, 437
        mov     ax, 6602h
        mov     bx, 850
        int     21h
        CHECK_CF "66h-2.1", 0
        mov     ax, 6601h
        int     21h
        CHECK_EQ "66h-2.2", bx, 850
        CHECK_EQ "66h-2.3", dx, 437
        mov     ax, 6520h
        mov     dl, 83h
        int     21h
        CHECK_EQ8 "66h-2.4", dl, 0B6h
        mov     ax, 6602h
        mov     bx, 1252
        int     21h
        CHECK_CF "66h-3.1", 1
        CHECK_EQ "66h-3.2", ax, 2
        mov     ax, 6603h
        int     21h
        CHECK_EQ "66h-3.3", ax, 1
        CHECK_DONE

str:    db "ab", 84h, 0, "c", 0
buf:    times 64 db 0
