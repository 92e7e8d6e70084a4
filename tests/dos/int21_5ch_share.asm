; Record locks and sharing modes inside one program (RBIL INT 21/AH=5Ch,
; AH=3Dh "sharing modes"; MS-DOS with SHARE loaded): two opens of one file
; are two SFT entries, and SHARE judges them as it judges two programs:
;  - a region locked through handle A cannot be read, written or locked
;    through handle B (21h); other regions can; after the unlock it can;
;  - an unlock must name exactly a region this handle locked (21h), a
;    lock may not overlap the handle's own (21h);
;  - 5Ch refuses AL=2 (01h) and a closed handle (06h);
;  - deny-all refuses any second open (20h); deny-write refuses a second
;    open for writing but not for reading; bad sharing bits are 0Ch.
; The run directory holds DATA.TXT (see the .expect).
        org 100h
%include "check.inc"

        mov     ax, 3D42h               ; A: read/write, deny none
        mov     dx, data
        int     21h
        mov     [ha], ax
        mov     ax, 3D42h               ; B: the same
        int     21h
        mov     [hb], ax
        ; A locks bytes 0-9
        mov     ax, 5C00h
        mov     bx, [ha]
        xor     cx, cx
        xor     dx, dx
        xor     si, si
        mov     di, 10
        int     21h
        CHECK_CF "5ch-1.1", 0
        ; B reads at 0: lock violation
        mov     ah, 3Fh
        mov     bx, [hb]
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_CF "5ch-1.2", 1
        CHECK_EQ "5ch-1.3", ax, 0021h
        ; B writes at 0: lock violation
        mov     ah, 40h
        mov     bx, [hb]
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_EQ "5ch-1.4", ax, 0021h
        ; B locks 5-14: overlaps
        mov     ax, 5C00h
        mov     bx, [hb]
        xor     cx, cx
        mov     dx, 5
        xor     si, si
        mov     di, 10
        int     21h
        CHECK_CF "5ch-1.5", 1
        CHECK_EQ "5ch-1.6", ax, 0021h
        ; B reads at 10: free
        mov     ax, 4200h
        mov     bx, [hb]
        xor     cx, cx
        mov     dx, 10
        int     21h
        mov     ah, 3Fh
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_CF "5ch-1.7", 0
        CHECK_EQ "5ch-1.8", ax, 4
        ; A reads its own locked region
        mov     ah, 3Fh
        mov     bx, [ha]
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_CF "5ch-1.9", 0
        ; A unlocks a region it did not lock as such: 21h
        mov     ax, 5C01h
        mov     bx, [ha]
        xor     cx, cx
        xor     dx, dx
        xor     si, si
        mov     di, 5
        int     21h
        CHECK_CF "5ch-1.10", 1
        CHECK_EQ "5ch-1.11", ax, 0021h
        ; A locks inside its own lock: 21h
        mov     ax, 5C00h
        mov     bx, [ha]
        xor     cx, cx
        mov     dx, 5
        xor     si, si
        mov     di, 3
        int     21h
        CHECK_EQ "5ch-1.12", ax, 0021h
        ; A unlocks; B reads at 0
        mov     ax, 5C01h
        mov     bx, [ha]
        xor     cx, cx
        xor     dx, dx
        xor     si, si
        mov     di, 10
        int     21h
        CHECK_CF "5ch-2.1", 0
        mov     ax, 5C01h               ; twice: nothing left to unlock
        int     21h
        CHECK_EQ "5ch-2.4", ax, 0021h
        mov     ax, 4200h
        mov     bx, [hb]
        xor     cx, cx
        xor     dx, dx
        int     21h
        mov     ah, 3Fh
        mov     cx, 4
        mov     dx, buf
        int     21h
        CHECK_CF "5ch-2.2", 0
        CHECK_EQ8 "5ch-2.3", [buf], 'J'
        ; bad subfunction, closed handle
        mov     ax, 5C02h
        mov     bx, [ha]
        int     21h
        CHECK_CF "5ch-3.1", 1
        CHECK_EQ "5ch-3.2", ax, 0001h
        mov     ax, 5C00h
        mov     bx, 99
        int     21h
        CHECK_EQ "5ch-3.3", ax, 0006h
        mov     ah, 3Eh
        mov     bx, [ha]
        int     21h
        mov     ah, 3Eh
        mov     bx, [hb]
        int     21h

        ; ---- sharing modes
        mov     ax, 3D12h               ; read/write, deny all
        mov     dx, data
        int     21h
        CHECK_CF "3dh-s1.1", 0
        mov     [ha], ax
        mov     ax, 3D40h               ; read, deny none
        int     21h
        CHECK_CF "3dh-s1.2", 1
        CHECK_EQ "3dh-s1.3", ax, 0020h
        mov     ax, 3D00h               ; compatibility mode, read
        int     21h
        CHECK_EQ "3dh-s1.4", ax, 0020h
        mov     ah, 3Ch                 ; create must not truncate it
        xor     cx, cx
        int     21h
        CHECK_EQ "3dh-s1.5", ax, 0020h
        mov     ah, 3Eh
        mov     bx, [ha]
        int     21h
        mov     ax, 3D20h               ; read, deny write
        int     21h
        CHECK_CF "3dh-s2.1", 0
        mov     [ha], ax
        mov     ax, 3D41h               ; write, deny none
        int     21h
        CHECK_CF "3dh-s2.2", 1
        CHECK_EQ "3dh-s2.3", ax, 0020h
        mov     ax, 3D40h               ; read, deny none
        int     21h
        CHECK_CF "3dh-s2.4", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
        mov     ah, 3Eh
        mov     bx, [ha]
        int     21h
        mov     ax, 3D70h               ; sharing mode 7: invalid
        int     21h
        CHECK_CF "3dh-s3.1", 1
        CHECK_EQ "3dh-s3.2", ax, 000Ch
        mov     ax, 3D12h               ; all closed: deny all works again
        int     21h
        CHECK_CF "3dh-s3.3", 0
        CHECK_DONE

data    db "DATA.TXT", 0
ha      dw 0
hb      dw 0
buf     times 8 db 0
