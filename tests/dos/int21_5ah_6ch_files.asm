; DOS 3+ file functions (RBIL INT 21/AH=5Ah, 5Bh, 60h, 67h, 68h, 6Ah,
; AX=6C00h, AX=4408h-440Fh):
;  - 5Bh creates a new file and refuses an existing one (50h), a missing
;    directory (03h);
;  - 5Ah appends an 8-character unique name to the directory it is given;
;  - 60h canonicalizes "SUB\..\new.txt" to "C:\NEW.TXT", refuses drive Q:,
;    names paths through missing directories on the text alone and shows
;    '*' as '?';
;  - 67h needs free memory (08h), then moves the JFT out of the PSP
;    (PSP:32h = new size) so handle 20+ exists; shrinking it below an open
;    handle fails (04h);
;  - 68h/6Ah commit a handle, refuse a closed one (06h);
;  - 6Ch: every action code with its CX status, and its error codes;
;  - 44h drive subfunctions: fixed, local, one logical drive, no generic
;    block requests.
; The run directory holds SUB\ (see the .expect).
        org 100h
%include "check.inc"

        ; ---- 5Bh
        mov     ah, 5Bh
        xor     cx, cx
        mov     dx, new_txt
        int     21h
        CHECK_CF "5bh-1.1", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
        mov     ah, 5Bh
        xor     cx, cx
        mov     dx, new_txt
        int     21h
        CHECK_CF "5bh-2.1", 1
        CHECK_EQ "5bh-2.2", ax, 0050h
        mov     ah, 5Bh
        xor     cx, cx
        mov     dx, missing_dir
        int     21h
        CHECK_EQ "5bh-3.1", ax, 0003h

        ; ---- 5Ah
        mov     ah, 5Ah
        xor     cx, cx
        mov     dx, tmp_path
        int     21h
        CHECK_CF "5ah-1.1", 0
        mov     bx, ax
        mov     ah, 3Eh
        int     21h
        CHECK_EQ8 "5ah-1.2", [tmp_path+12], 0  ; "SUB\" + 8 chars + NUL
        mov     al, [tmp_path+4]
        cmp     al, 0
        setne   al
        CHECK_EQ8 "5ah-1.3", al, 1
        mov     ah, 41h                 ; the name it gave exists
        mov     dx, tmp_path
        int     21h
        CHECK_CF "5ah-1.4", 0
        mov     ah, 5Ah
        xor     cx, cx
        mov     dx, missing_dir
        int     21h
        CHECK_CF "5ah-2.1", 1
        CHECK_EQ "5ah-2.2", ax, 0003h

        ; ---- 60h
        mov     ah, 60h
        mov     si, dotdot
        mov     di, buf
        int     21h
        CHECK_CF "60h-1.1", 0
        mov     si, buf
        mov     di, want_true
        call    streq
        CHECK_EQ "60h-1.2", ax, 1
        mov     ah, 60h
        mov     si, bad_drive
        mov     di, buf
        int     21h
        CHECK_CF "60h-2.1", 1
        CHECK_EQ "60h-2.2", ax, 000Fh
        mov     ah, 60h                 ; through missing directories
        mov     si, lexical
        mov     di, buf
        int     21h
        CHECK_CF "60h-3.1", 0
        mov     si, buf
        mov     di, want_lexical
        call    streq
        CHECK_EQ "60h-3.2", ax, 1
        mov     ah, 60h                 ; wildcards spread to '?'
        mov     si, stars
        mov     di, buf
        int     21h
        CHECK_CF "60h-3.3", 0
        mov     si, buf
        mov     di, want_stars
        call    streq
        CHECK_EQ "60h-3.4", ax, 1

        ; ---- 67h
        mov     ah, 67h
        mov     bx, 30
        int     21h
        CHECK_CF "67h-1.1", 1
        CHECK_EQ "67h-1.2", ax, 0008h
        mov     ah, 4Ah                 ; give memory back: 64 KiB
        mov     bx, 1000h
        int     21h
        mov     ah, 67h
        mov     bx, 30
        int     21h
        CHECK_CF "67h-2.1", 0
        CHECK_EQ "67h-2.2", [ds:32h], 30
        mov     ax, [ds:36h]
        mov     bx, cs
        cmp     ax, bx
        setne   al
        CHECK_EQ8 "67h-2.3", al, 1
        mov     cx, 20                  ; dup stdout into handles 5..24
.dup:   mov     ah, 45h
        mov     bx, 1
        int     21h
        jc      .dupend
        mov     [last_h], ax
        loop    .dup
.dupend:
        CHECK_EQ "67h-2.4", [last_h], 24
        mov     ah, 67h
        mov     bx, 20
        int     21h
        CHECK_CF "67h-3.1", 1
        CHECK_EQ "67h-3.2", ax, 0004h
        mov     bx, 5
.close: mov     ah, 3Eh
        int     21h
        inc     bx
        cmp     bx, 25
        jb      .close
        mov     ah, 67h
        mov     bx, 10
        int     21h
        CHECK_CF "67h-4.1", 0
        CHECK_EQ "67h-4.2", [ds:32h], 20
        CHECK_EQ "67h-4.3", [ds:34h], 18h

        ; ---- 68h / 6Ah
        mov     ax, 3D02h
        mov     dx, new_txt
        int     21h
        mov     bx, ax
        mov     ah, 68h
        int     21h
        CHECK_CF "68h-1.1", 0
        mov     ah, 6Ah
        int     21h
        CHECK_CF "6ah-1.1", 0
        mov     ah, 3Eh
        int     21h
        mov     ah, 68h                 ; now closed
        int     21h
        CHECK_CF "68h-2.1", 1
        CHECK_EQ "68h-2.2", ax, 0006h

        ; ---- 6Ch
        mov     dl, 01h                 ; open if exists, fail if not
        mov     si, x_txt
        call    xopen
        CHECK_CF "6ch-1.1", 1
        CHECK_EQ "6ch-1.2", ax, 0002h
        mov     dl, 10h                 ; create if missing, fail if exists
        call    xopen
        CHECK_CF "6ch-2.1", 0
        CHECK_EQ "6ch-2.2", cx, 2
        mov     bx, ax
        mov     ah, 40h
        mov     cx, 3
        mov     dx, new_txt
        int     21h
        mov     ah, 3Eh
        int     21h
        mov     dl, 10h
        call    xopen
        CHECK_CF "6ch-3.1", 1
        CHECK_EQ "6ch-3.2", ax, 0050h
        mov     dl, 11h                 ; open it
        call    xopen
        CHECK_CF "6ch-4.1", 0
        CHECK_EQ "6ch-4.2", cx, 1
        call    size_close
        CHECK_EQ "6ch-4.3", ax, 3
        mov     dl, 12h                 ; replace it
        call    xopen
        CHECK_CF "6ch-5.1", 0
        CHECK_EQ "6ch-5.2", cx, 3
        call    size_close
        CHECK_EQ "6ch-5.3", ax, 0
        mov     dl, 03h                 ; undefined action
        call    xopen
        CHECK_CF "6ch-6.1", 1
        CHECK_EQ "6ch-6.2", ax, 0001h
        mov     ax, 6C01h               ; AL must be 0
        mov     bx, 0002h
        mov     dx, 0011h
        int     21h
        CHECK_EQ "6ch-6.3", ax, 0001h
        mov     ax, 6C00h
        mov     bx, 0003h               ; bad access mode
        mov     dx, 0011h
        int     21h
        CHECK_EQ "6ch-6.4", ax, 000Ch
        mov     dl, 11h
        mov     si, missing_dir
        call    xopen
        CHECK_EQ "6ch-6.5", ax, 0003h

        ; ---- 44h drive subfunctions
        mov     ax, 4408h
        mov     bl, 0
        int     21h
        CHECK_CF "4408h-1.1", 0
        CHECK_EQ "4408h-1.2", ax, 0001h
        mov     ax, 4408h
        mov     bl, 25                  ; Y: is not mounted
        int     21h
        CHECK_CF "4408h-2.1", 1
        CHECK_EQ "4408h-2.2", ax, 000Fh
        mov     ax, 4409h
        mov     bl, 3
        int     21h
        CHECK_CF "4409h-1.1", 0
        and     dx, 1000h
        CHECK_EQ "4409h-1.2", dx, 0
        mov     ax, 440Ah
        mov     bx, 1
        int     21h
        CHECK_CF "440ah-1.1", 0
        and     dx, 8000h
        CHECK_EQ "440ah-1.2", dx, 0
        mov     ax, 440Bh
        mov     cx, 1
        mov     dx, 3
        int     21h
        CHECK_CF "440bh-1.1", 0
        mov     ax, 440Dh
        mov     bl, 0
        mov     cx, 0860h
        mov     dx, buf
        int     21h
        CHECK_CF "440dh-1.1", 1
        CHECK_EQ "440dh-1.2", ax, 0001h
        mov     ax, 440Eh
        mov     bl, 0
        int     21h
        CHECK_CF "440eh-1.1", 0
        CHECK_EQ8 "440eh-1.2", al, 0
        mov     ax, 440Fh
        mov     bl, 3
        int     21h
        CHECK_CF "440fh-1.1", 0
        CHECK_DONE

; 6Ch on DS:SI, read/write, DL = action; CX/AX as returned.
xopen:  mov     ax, 6C00h
        mov     bx, 0002h
        xor     cx, cx
        xor     dh, dh
        int     21h
        ret

; AX = handle: AX = its size (low word), handle closed; flags preserved.
size_close:
        pushf
        push    bx
        push    cx
        push    dx
        mov     bx, ax
        mov     ax, 4202h
        xor     cx, cx
        xor     dx, dx
        int     21h
        push    ax
        mov     ah, 3Eh
        int     21h
        pop     ax
        pop     dx
        pop     cx
        pop     bx
        popf
        ret

; AX = 1 when the ASCIZ strings at SI and DI are equal, else 0.
streq:  mov     al, [si]
        cmp     al, [di]
        jne     .no
        inc     si
        inc     di
        test    al, al
        jnz     streq
        mov     ax, 1
        ret
.no:    xor     ax, ax
        ret

new_txt     db "new.txt", 0
x_txt       db "X.TXT", 0
missing_dir db "NODIR\F.TXT", 0
dotdot      db "sub\..\new.txt", 0
want_true   db "C:\NEW.TXT", 0
bad_drive   db "Q:\X", 0
lexical     db "nodir/deeper\..\.\file.text", 0
want_lexical db "C:\NODIR\FILE.TEX", 0
stars       db "sub\*.*", 0
want_stars  db "C:\SUB\????????.???", 0
last_h      dw 0
tmp_path    db "SUB\", 0
            times 20 db 0
buf         times 128 db 0
