; TAIL_STDIO: a filter for the shell-plumbing tests. Writes its command
; tail between brackets to standard error (handle 2), then copies standard
; input (handle 0) to standard output (handle 1) until EOF, so a test can
; tell the two output streams apart and feed it through a pipe.
; RBIL INT 21/AH=3Fh (read: AX = 0 at end of file), INT 21/AH=40h (write).
; Exit status 0; 1 when a read or write fails.
        org 100h

%include "tail_bracket.inc"

BUF_SIZE equ 512

        PRINT_TAIL 2                    ; stderr
.copy:  mov     ah, 3Fh                 ; read up to BUF_SIZE from stdin
        xor     bx, bx
        mov     cx, BUF_SIZE
        mov     dx, buf
        int     21h
        jc      .fail
        test    ax, ax
        jz      .done                   ; EOF
        mov     cx, ax
        mov     ah, 40h
        mov     bx, 1
        int     21h
        jc      .fail
        cmp     ax, cx
        jne     .fail                   ; short write: downstream gone
        jmp     .copy
.done:  mov     ax, 4C00h
        int     21h
.fail:  mov     ax, 4C01h
        int     21h

buf       times BUF_SIZE db 0
