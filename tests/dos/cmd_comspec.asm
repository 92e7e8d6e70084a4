; The built-in COMMAND.COM seen from a DOS program: %COMSPEC% names a real
; file (Z:\COMMAND.COM opens), EXEC of it with "/C command" runs the
; command with the caller's handles and current directory, the result can
; be read back from a redirected file, and the return code of "/C EXIT n"
; arrives through INT 21h/4Dh. INT 2Eh passes a command to the
; interpreter (RBIL INT 2E: DS:SI -> count, text, CR) and returns AX=0.
; Sources: RBIL INT 21/AH=4Bh (EXEC), INT 21/AH=4Dh, INT 2E.
        org 100h
%include "check.inc"

        ; Give memory back so the children fit (a .COM owns it all).
        mov     ah, 4Ah
        mov     bx, 1000h
        int     21h
        CHECK_CF "cmd-0.1", 0

        ; cmd-1: COMSPEC in our environment, copied to comspec.
        mov     es, [2Ch]
        xor     di, di
.find:  cmp     byte [es:di], 0
        je      .nocomspec
        mov     si, comspec_name
        mov     cx, comspec_name_len
        push    di
        repe cmpsb
        pop     bx
        je      .found
        mov     di, bx
.skip:  inc     di
        cmp     byte [es:di-1], 0
        jne     .skip
        jmp     .find
.nocomspec:
        CHECK_EQ "cmd-1.1", 0, 1
        jmp     .done
.found: mov     si, di                  ; just past "COMSPEC="
        mov     di, comspec
.copy:  mov     al, [es:si]
        mov     [di], al
        inc     si
        inc     di
        or      al, al
        jnz     .copy
        push    cs
        pop     es
        CHECK_EQ "cmd-1.1", 1, 1

        ; cmd-2: the file COMSPEC names exists and opens.
        mov     ax, 3D00h
        mov     dx, comspec
        int     21h
        CHECK_CF "cmd-2.1", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h

        ; cmd-3: COMSPEC /C echo hello>OUT.TXT, then read OUT.TXT back.
        mov     word [tail_ptr], tail_echo
        call    run_comspec
        CHECK_CF "cmd-3.1", 0
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "cmd-3.2", ax, 0
        mov     dx, out_txt
        call    read_file
        CHECK_EQ "cmd-3.3", ax, 7
        mov     si, buf
        mov     di, want_hello
        mov     cx, 7
        repe cmpsb
        mov     ax, cx
        CHECK_EQ "cmd-3.4", ax, 0

        ; cmd-4: COMSPEC /C EXIT 7: the code arrives through 4Dh.
        mov     word [tail_ptr], tail_exit
        call    run_comspec
        CHECK_CF "cmd-4.1", 0
        mov     ah, 4Dh
        int     21h
        CHECK_EQ "cmd-4.2", ax, 0007h

        ; cmd-5: a command that does not exist: COMMAND.COM says so on
        ; our stdout (redirected into BAD.TXT by the command line itself).
        mov     word [tail_ptr], tail_bad
        call    run_comspec
        CHECK_CF "cmd-5.1", 0
        mov     dx, bad_txt
        call    read_file
        CHECK_EQ "cmd-5.2", ax, 26      ; "Bad command or file name" CR LF

        ; cmd-6: INT 2Eh runs a command line; AX = 0 afterwards.
        mov     si, cmd_2e
        int     2Eh
        CHECK_EQ "cmd-6.1", ax, 0
        mov     dx, via_txt
        call    read_file
        CHECK_EQ "cmd-6.2", ax, 7       ; "via2e" CR LF
.done:
        CHECK_DONE

; EXEC comspec with the tail at [tail_ptr]; CF as EXEC left it.
run_comspec:
        mov     ax, [tail_ptr]
        mov     [epb_tail], ax
        mov     [epb_tail+2], cs
        mov     [epb_fcb1+2], cs
        mov     [epb_fcb2+2], cs
        mov     ax, 4B00h
        mov     dx, comspec
        mov     bx, epb
        int     21h
        ret

; Read up to 64 bytes of the file at DS:DX into buf; AX = bytes (0 if
; it cannot be opened).
read_file:
        mov     ax, 3D00h
        int     21h
        jc      .none
        mov     bx, ax
        mov     ah, 3Fh
        mov     cx, 64
        mov     dx, buf
        int     21h
        push    ax
        mov     ah, 3Eh
        int     21h
        pop     ax
        ret
.none:  xor     ax, ax
        ret

comspec_name    db "COMSPEC="
comspec_name_len equ $ - comspec_name
tail_echo       db tail_echo_len, " /C echo hello>OUT.TXT"
tail_echo_len   equ $ - tail_echo - 1
                db 13
tail_exit       db tail_exit_len, " /C exit 7"
tail_exit_len   equ $ - tail_exit - 1
                db 13
tail_bad        db tail_bad_len, " /C nosuchprog >BAD.TXT"
tail_bad_len    equ $ - tail_bad - 1
                db 13
cmd_2e          db cmd_2e_len, "echo via2e>VIA.TXT"
cmd_2e_len      equ $ - cmd_2e - 1
                db 13
out_txt         db "OUT.TXT", 0
bad_txt         db "BAD.TXT", 0
via_txt         db "VIA.TXT", 0
want_hello      db "hello", 13, 10
fcb             db 0, "           ", 0, 0, 0, 0
epb             dw 0
epb_tail        dw 0, 0
epb_fcb1        dw fcb, 0
epb_fcb2        dw fcb, 0
tail_ptr        dw 0
comspec         times 128 db 0
buf             times 64 db 0
