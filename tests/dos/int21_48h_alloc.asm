; INT 21h/48h allocate, 49h free, 4Ah resize (RBIL INT 21/AH=48h, 49h, 4Ah).
; Pins: a .COM owns the largest block, so 48h fails with 8 and BX = largest
; free (0) until the program shrinks its own block with 4Ah; then 48h
; succeeds right after it (first fit). Too large a 48h gives 8 and BX = the
; largest free block, and asking for exactly BX succeeds. 4Ah cannot grow
; into a used neighbour (8, BX = the most it can have) but can once the
; neighbour is freed; asked for more than there is, it fails with 8 but
; is made as large as possible (RBIL note, DOS 2.1-6.0); 49h/4Ah of a
; segment that is not a block give 9.
; Freed blocks merge again: the largest block is back at the end.
        org 100h
%include "check.inc"

        ; 48h-1: the program holds all memory.
        mov     ah, 48h
        mov     bx, 1
        int     21h
        CHECK_CF "48h-1.1", 1
        CHECK_EQ "48h-1.2", ax, 0008h
        CHECK_EQ "48h-1.3", bx, 0000h

        ; 4ah-1: shrink our own block to 64 KiB.
        mov     ah, 4Ah
        mov     bx, 1000h
        push    cs
        pop     es
        int     21h
        CHECK_CF "4ah-1.1", 0

        ; 48h-2: too much -> 8, BX = largest free; BX itself succeeds.
        mov     ah, 48h
        mov     bx, 0FFFFh
        int     21h
        CHECK_CF "48h-2.1", 1
        CHECK_EQ "48h-2.2", ax, 0008h
        mov     [largest], bx
        mov     ah, 48h
        int     21h
        CHECK_CF "48h-2.3", 0
        mov     [blk1], ax
        mov     dx, cs
        add     dx, 1001h               ; right after our block and its MCB
        CHECK_EQ "48h-2.4", ax, dx
        ; the MCB in front of it names us as owner and says its size
        dec     ax
        mov     es, ax
        CHECK_EQ "48h-2.5", [es:1], cs
        mov     dx, [largest]
        CHECK_EQ "48h-2.6", [es:3], dx

        ; The new block is usable memory.
        mov     es, [blk1]
        mov     word [es:0], 5A5Ah
        CHECK_EQ "48h-2.7", [es:0], 5A5Ah

        ; 4ah-2: shrink the new block; 48h fits in what it gave back.
        mov     ah, 4Ah
        mov     bx, 10h
        int     21h
        CHECK_CF "4ah-2.1", 0
        mov     ah, 48h
        mov     bx, 20h
        int     21h
        CHECK_CF "4ah-2.2", 0
        mov     [blk2], ax
        mov     dx, [blk1]
        add     dx, 11h
        CHECK_EQ "4ah-2.3", ax, dx

        ; 4ah-3: growing into the used neighbour fails: 8, BX = 10h.
        mov     es, [blk1]
        mov     ah, 4Ah
        mov     bx, 11h
        int     21h
        CHECK_CF "4ah-3.1", 1
        CHECK_EQ "4ah-3.2", ax, 0008h
        CHECK_EQ "4ah-3.3", bx, 0010h
        CHECK_EQ "4ah-3.4", [es:0], 5A5Ah      ; contents kept

        ; 49h-1: free the neighbour; now the block grows into it.
        mov     es, [blk2]
        mov     ah, 49h
        int     21h
        CHECK_CF "49h-1.1", 0
        mov     es, [blk1]
        mov     ah, 4Ah
        mov     bx, 31h                 ; 10h + MCB + 20h
        int     21h
        CHECK_CF "49h-1.2", 0
        CHECK_EQ "49h-1.3", [es:0], 5A5Ah

        ; 49h-2: segments that are not blocks -> 9.
        mov     ax, [blk1]
        inc     ax
        mov     es, ax                  ; inside a block
        mov     ah, 49h
        int     21h
        CHECK_CF "49h-2.1", 1
        CHECK_EQ "49h-2.2", ax, 0009h
        xor     ax, ax
        mov     es, ax                  ; segment 0
        mov     ah, 49h
        int     21h
        CHECK_CF "49h-2.3", 1
        CHECK_EQ "49h-2.4", ax, 0009h
        mov     ax, [blk1]
        inc     ax
        mov     es, ax
        mov     ah, 4Ah
        mov     bx, 1
        int     21h
        CHECK_CF "4ah-4.1", 1
        CHECK_EQ "4ah-4.2", ax, 0009h

        ; 4ah-5: our own block cannot grow past the used block after it:
        ; 8 and BX = its present size.
        push    cs
        pop     es
        mov     ah, 4Ah
        mov     bx, 0FFFFh
        int     21h
        CHECK_CF "4ah-5.1", 1
        CHECK_EQ "4ah-5.2", ax, 0008h
        CHECK_EQ "4ah-5.3", bx, 1000h

        ; 49h-3: free it all; the largest free block is whole again.
        mov     es, [blk1]
        mov     ah, 49h
        int     21h
        CHECK_CF "49h-3.1", 0

        ; 4ah-6: grow our block past all memory: 8, BX = all it can have,
        ; and it has grown to that all the same (RBIL INT 21/AH=4Ah: "the
        ; block will be made as large as possible"): nothing is left.
        push    cs
        pop     es
        mov     ah, 4Ah
        mov     bx, 0FFFFh
        int     21h
        CHECK_CF "4ah-6.1", 1
        CHECK_EQ "4ah-6.2", ax, 0008h
        mov     dx, [largest]
        add     dx, 1001h               ; 1000h + the MCB + the free block
        CHECK_EQ "4ah-6.3", bx, dx
        mov     ah, 48h
        mov     bx, 1
        int     21h
        CHECK_CF "4ah-6.4", 1
        CHECK_EQ "4ah-6.5", bx, 0000h
        push    cs
        pop     es
        mov     ah, 4Ah
        mov     bx, 1000h
        int     21h
        CHECK_CF "4ah-6.6", 0

        mov     ah, 48h
        mov     bx, 0FFFFh
        int     21h
        CHECK_CF "49h-3.2", 1
        mov     dx, [largest]
        CHECK_EQ "49h-3.3", bx, dx

        CHECK_DONE

largest dw 0
blk1    dw 0
blk2    dw 0
