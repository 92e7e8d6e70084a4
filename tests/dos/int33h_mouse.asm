; The INT 33h mouse driver without a host mouse (RBIL INT 33/AX=0000h-
; 0024h): reset says installed with two buttons (AX=FFFFh, BX=2) and
; centres the pointer on the 640x200 virtual screen; 04h moves it; 07h/08h
; ranges clamp it (a reversed range is swapped); no buttons are held and
; nothing was pressed (05h); 0Bh counts no motion; 0Ch sets a handler that
; 14h hands back; 24h reports a version.
; tests/unit/test_mouse.c feeds host events through mouse_event().
        org 100h
%include "check.inc"

        xor     ax, ax
        int     33h
        CHECK_EQ "33h-1.1", ax, 0FFFFh
        CHECK_EQ "33h-1.2", bx, 2
        mov     ax, 1                   ; show, hide: accepted
        int     33h
        mov     ax, 2
        int     33h
        mov     ax, 3
        int     33h
        CHECK_EQ "33h-2.1", bx, 0
        CHECK_EQ "33h-2.2", cx, 320
        CHECK_EQ "33h-2.3", dx, 100
        mov     ax, 4
        mov     cx, 17
        mov     dx, 33
        int     33h
        mov     ax, 3
        int     33h
        CHECK_EQ "33h-3.1", cx, 17
        CHECK_EQ "33h-3.2", dx, 33
        mov     ax, 7                   ; x in 100..50 (reversed)
        mov     cx, 100
        mov     dx, 50
        int     33h
        mov     ax, 8
        mov     cx, 40
        mov     dx, 60
        int     33h
        mov     ax, 3
        int     33h
        CHECK_EQ "33h-4.1", cx, 50
        CHECK_EQ "33h-4.2", dx, 40
        mov     ax, 4
        mov     cx, 500
        mov     dx, 0
        int     33h
        mov     ax, 3
        int     33h
        CHECK_EQ "33h-4.3", cx, 100
        CHECK_EQ "33h-4.4", dx, 40
        mov     ax, 5
        xor     bx, bx
        int     33h
        CHECK_EQ "33h-5.1", ax, 0
        CHECK_EQ "33h-5.2", bx, 0
        mov     ax, 0Bh
        int     33h
        CHECK_EQ "33h-6.1", cx, 0
        CHECK_EQ "33h-6.2", dx, 0
        mov     ax, 0Ch
        mov     cx, 001Fh
        mov     dx, handler
        int     33h
        mov     ax, 14h
        xor     cx, cx
        xor     dx, dx
        push    es
        mov     es, dx
        int     33h
        mov     ax, es
        pop     es
        CHECK_EQ "33h-7.1", cx, 001Fh
        CHECK_EQ "33h-7.2", dx, handler
        mov     bx, cs
        CHECK_EQ "33h-7.3", ax, bx
        mov     ax, 24h
        int     33h
        CHECK_EQ "33h-8.1", bx, 0626h
        xor     ax, ax                  ; reset again: centred, full range
        int     33h
        mov     ax, 4
        mov     cx, 639
        mov     dx, 199
        int     33h
        mov     ax, 3
        int     33h
        CHECK_EQ "33h-9.1", cx, 639
        CHECK_EQ "33h-9.2", dx, 199
        CHECK_DONE

handler: retf
