; A filter over standard input and output (RBIL INT 21/AH=3Fh, 40h):
; read handle 0 in 100-byte chunks until AX = 0, upper-case a-z, write
; handle 1. With the host's stdin and stdout redirected to files, the
; bytes must pass unchanged otherwise: 00h, 1Ah (no end-of-file meaning
; on handles) and 80h-FFh, across chunk boundaries. Exit code 1 when a
; call fails or a write comes up short.
        org 100h
.loop:  mov     ah, 3Fh
        xor     bx, bx
        mov     cx, 100
        mov     dx, buf
        int     21h
        jc      .fail
        test    ax, ax
        jz      .done
        mov     cx, ax
        mov     si, buf
.up:    mov     al, [si]
        cmp     al, 'a'
        jb      .next
        cmp     al, 'z'
        ja      .next
        sub     al, 'a' - 'A'
        mov     [si], al
.next:  inc     si
        loop    .up
        mov     cx, si
        sub     cx, buf
        mov     di, cx
        mov     ah, 40h
        mov     bx, 1
        mov     dx, buf
        int     21h
        jc      .fail
        cmp     ax, di
        jne     .fail
        jmp     .loop
.done:  mov     ax, 4C00h
        int     21h
.fail:  mov     ax, 4C01h
        int     21h

buf     times 100 db 0
