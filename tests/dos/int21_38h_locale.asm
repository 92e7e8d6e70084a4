; 38h and 66h follow the host: LC_ALL=de_DE.UTF-8 makes the country
; Germany (49: d.m.y, "DM" after the amount, '.' thousands, ',' decimal,
; 24-hour time), and --codepage=850 is the system code page (RBIL INT
; 21/AH=38h, 66h; country formats as MS-DOS 5's country table).
        org 100h
%include "check.inc"

        mov     ax, 3800h
        mov     dx, buf
        int     21h
        CHECK_CF "38h-1.1", 0
        CHECK_EQ "38h-1.2", bx, 49
        CHECK_EQ "38h-1.3", word [buf], 1               ; d/m/y
        CHECK_EQ "38h-1.4", word [buf+2], 'DM'
        CHECK_EQ8 "38h-1.5", [buf+7], '.'
        CHECK_EQ8 "38h-1.6", [buf+9], ','
        CHECK_EQ8 "38h-1.7", [buf+0Bh], '.'
        CHECK_EQ8 "38h-1.8", [buf+0Fh], 3               ; after, with a space
        CHECK_EQ8 "38h-1.9", [buf+11h], 1               ; 24-hour
        mov     ax, 3831h                               ; 49: now the current one
        mov     dx, buf
        int     21h
        CHECK_CF "38h-2.1", 0
        mov     ax, 6601h
        int     21h
        CHECK_EQ "66h-1.1", bx, 850
        CHECK_EQ "66h-1.2", dx, 850
        CHECK_DONE

buf:    times 64 db 0
