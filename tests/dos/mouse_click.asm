; MOUSE_CLICK.COM: an e2e helper (no .expect of its own) for the front
; ends' mouse. It resets the INT 33h driver (RBIL INT 33/AX=0000h), takes
; the screen, waits for a left-button press through 0005h (press count
; and position of the last press, so a click whose release comes before
; the next poll still counts), and checks where the click was: cell
; (10, 5), i.e. virtual (80, 40). The e2e tests click there and read the
; result from --screen-dump.
        org 100h
%include "check.inc"
        xor     ax, ax
        int     33h
        CHECK_EQ "mouse-0", ax, 0FFFFh  ; installed
        mov     ax, 0B800h
        mov     es, ax
        mov     word [es:0], 1F4Dh      ; 'M': the program took the screen
.wait:  mov     ax, 0005h
        xor     bx, bx                  ; the left button
        int     33h
        test    bx, bx                  ; presses since the last call
        jnz     .clicked
        sti
        hlt                             ; let the front end deliver input
        jmp     .wait
.clicked:
        CHECK_EQ "mouse-x", cx, 80
        CHECK_EQ "mouse-y", dx, 40
        PRINT "CLICKED"
        CHECK_DONE
