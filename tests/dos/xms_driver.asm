; The XMS 3.0 driver (RBIL INT 2F/AX=4300h, 4310h and "XMS driver
; functions"; eXtended Memory Specification 3.0), with vdm's default
; --xms=16384:
;  - 4300h says installed (AL=80h); 4310h gives a far entry point;
;  - 00h version 3.00 with the HMA; 01h/02h HMA request/release and their
;    errors (91h in use, 93h not allocated);
;  - 05h/06h/07h local A20: FFFF:0010 is the HMA while on, 0000:0000
;    again once off;
;  - 08h free memory; 09h allocate (A0h when too large); 0Bh moves
;    conventional <-> EMB and back, refusing odd lengths (A7h), bad
;    handles (A3h/A5h) and offsets past the block (A4h); 0Ch/0Dh lock
;    and unlock (ABh freeing a locked block, AAh unlocking twice); 0Eh
;    handle info; 0Fh grows a block keeping its data; 0Ah free (A2h
;    twice); 10h no UMBs (B1h); an unknown function is 80h.
        org 100h
%include "check.inc"

        mov     ax, 4300h
        int     2Fh
        CHECK_EQ8 "xms-1.1", al, 80h
        mov     ax, 4310h
        int     2Fh
        mov     [entry], bx
        mov     [entry+2], es
        push    cs
        pop     es
        mov     ah, 00h
        call    far [entry]
        CHECK_EQ "xms-1.2", ax, 0300h
        CHECK_EQ "xms-1.3", dx, 1

        ; HMA
        mov     ah, 01h
        mov     dx, 0FFFFh
        call    far [entry]
        CHECK_EQ "hma-1.1", ax, 1
        mov     ah, 01h
        mov     dx, 0FFFFh
        call    far [entry]
        CHECK_EQ "hma-1.2", ax, 0
        CHECK_EQ8 "hma-1.3", bl, 91h
        mov     ah, 02h
        call    far [entry]
        CHECK_EQ "hma-1.4", ax, 1
        mov     ah, 02h
        call    far [entry]
        CHECK_EQ8 "hma-1.5", bl, 93h

        ; A20
        mov     ah, 07h
        call    far [entry]
        CHECK_EQ "a20-1.1", ax, 0
        mov     ah, 05h
        call    far [entry]
        CHECK_EQ "a20-1.2", ax, 1
        mov     ah, 07h
        call    far [entry]
        CHECK_EQ "a20-1.3", ax, 1
        push    ds
        xor     ax, ax
        mov     ds, ax
        mov     bl, [0]                 ; 0000:0000, the low byte of INT 0
        mov     ax, 0FFFFh
        mov     ds, ax
        mov     bh, bl
        not     bh
        mov     [10h], bh               ; FFFF:0010 = HMA byte 0
        xor     ax, ax
        mov     ds, ax
        mov     cl, [0]
        pop     ds
        cmp     cl, bl                  ; the IVT is untouched
        sete    al
        CHECK_EQ8 "a20-1.4", al, 1
        mov     ah, 06h
        call    far [entry]
        CHECK_EQ "a20-1.5", ax, 1
        push    ds
        mov     ax, 0FFFFh
        mov     ds, ax
        mov     cl, [10h]               ; wraps to 0000:0000 again
        pop     ds
        cmp     cl, bl
        sete    al
        CHECK_EQ8 "a20-1.6", al, 1
        mov     ah, 03h                 ; global on, local on and off:
        call    far [entry]             ; still on (94h)
        mov     ah, 05h
        call    far [entry]
        mov     ah, 06h
        call    far [entry]
        CHECK_EQ "a20-1.7", ax, 0
        CHECK_EQ8 "a20-1.8", bl, 94h
        mov     ah, 04h                 ; global off: off
        call    far [entry]
        CHECK_EQ "a20-1.9", ax, 1
        mov     ah, 07h
        call    far [entry]
        CHECK_EQ "a20-1.10", ax, 0

        ; free memory, allocate
        mov     ah, 08h
        call    far [entry]
        CHECK_EQ "emb-1.1", dx, 16384
        CHECK_EQ "emb-1.2", ax, 16384
        mov     ah, 09h
        mov     dx, 64
        call    far [entry]
        CHECK_EQ "emb-1.3", ax, 1
        mov     [handle], dx
        mov     ah, 09h
        mov     dx, 20000
        call    far [entry]
        CHECK_EQ "emb-1.4", ax, 0
        CHECK_EQ8 "emb-1.5", bl, 0A0h
        mov     ah, 0Eh
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ "emb-1.6", dx, 64
        CHECK_EQ8 "emb-1.7", bh, 0

        ; move: conventional -> EMB offset 1000h -> back into buf
        mov     word [mv_len], 8
        mov     word [mv_src_h], 0
        mov     word [mv_src_off], text
        mov     [mv_src_off+2], cs
        mov     ax, [handle]
        mov     [mv_dst_h], ax
        mov     word [mv_dst_off], 1000h
        call    move
        CHECK_EQ "move-1.1", ax, 1
        call    move_back
        CHECK_EQ "move-1.2", ax, 1
        CHECK_EQ "move-1.3", [buf], "DV"
        CHECK_EQ "move-1.4", [buf+6], "S!"
        mov     word [mv_len], 7        ; odd
        call    move
        CHECK_EQ8 "move-2.1", bl, 0A7h
        mov     word [mv_len], 8
        mov     word [mv_dst_h], 77     ; bad destination handle
        call    move
        CHECK_EQ8 "move-2.2", bl, 0A5h
        mov     word [mv_dst_h], 0
        mov     word [mv_src_h], 77     ; bad source handle
        call    move
        CHECK_EQ8 "move-2.3", bl, 0A3h
        mov     ax, [handle]
        mov     [mv_src_h], ax
        mov     word [mv_src_off], 0FFFCh ; past the block's 64 KiB
        mov     word [mv_src_off+2], 0
        mov     word [mv_dst_off], buf
        mov     [mv_dst_off+2], cs
        call    move
        CHECK_EQ8 "move-2.4", bl, 0A4h

        ; lock / unlock / free
        mov     ah, 0Ch
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ "lock-1.1", ax, 1
        mov     ax, dx                  ; above the HMA
        cmp     ax, 11h
        setae   al
        CHECK_EQ8 "lock-1.2", al, 1
        mov     ah, 0Ah
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ "lock-1.3", ax, 0
        CHECK_EQ8 "lock-1.4", bl, 0ABh
        mov     ah, 0Dh
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ "lock-1.5", ax, 1
        mov     ah, 0Dh
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ8 "lock-1.6", bl, 0AAh

        ; reallocate, data kept
        mov     ah, 0Fh
        mov     bx, 128
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ "realloc-1.1", ax, 1
        mov     ah, 0Eh
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ "realloc-1.2", dx, 128
        mov     word [buf], 0
        mov     word [mv_src_h], 0      ; restore the first move
        mov     word [mv_src_off], text
        mov     [mv_src_off+2], cs
        mov     ax, [handle]
        mov     [mv_dst_h], ax
        mov     word [mv_dst_off], 1000h
        mov     word [mv_dst_off+2], 0
        call    move_back
        CHECK_EQ "realloc-1.3", [buf], "DV"
        mov     ah, 08h
        call    far [entry]
        CHECK_EQ "realloc-1.4", dx, 16384-128

        mov     ah, 0Ah
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ "free-1.1", ax, 1
        mov     ah, 0Ah
        mov     dx, [handle]
        call    far [entry]
        CHECK_EQ8 "free-1.2", bl, 0A2h

        mov     ah, 10h
        mov     dx, 100h
        call    far [entry]
        CHECK_EQ "umb-1.1", ax, 0
        CHECK_EQ8 "umb-1.2", bl, 0B1h
        mov     ah, 77h
        call    far [entry]
        CHECK_EQ "xms-2.1", ax, 0
        CHECK_EQ8 "xms-2.2", bl, 80h
        CHECK_DONE

; 0Bh with the move structure.
move:   mov     ah, 0Bh
        mov     si, mv
        call    far [entry]
        ret

; The move structure reversed: EMB -> buf.
move_back:
        push    word [mv_src_h]
        push    word [mv_src_off]
        push    word [mv_src_off+2]
        mov     ax, [mv_dst_h]
        mov     [mv_src_h], ax
        mov     ax, [mv_dst_off]
        mov     [mv_src_off], ax
        mov     ax, [mv_dst_off+2]
        mov     [mv_src_off+2], ax
        mov     word [mv_dst_h], 0
        mov     word [mv_dst_off], buf
        mov     [mv_dst_off+2], cs
        call    move
        push    ax
        mov     ax, [mv_src_h]
        mov     [mv_dst_h], ax
        mov     ax, [mv_src_off]
        mov     [mv_dst_off], ax
        mov     ax, [mv_src_off+2]
        mov     [mv_dst_off+2], ax
        pop     ax
        pop     word [mv_src_off+2]
        pop     word [mv_src_off]
        pop     word [mv_src_h]
        ret

entry       dd 0
handle      dw 0
text        db "DVM XMS!"
buf         times 8 db 0
mv:
mv_len      dd 0
mv_src_h    dw 0
mv_src_off  dd 0
mv_dst_h    dw 0
mv_dst_off  dd 0
