; MAKE_FILE.COM: creates MADE.TXT in the DOS current directory and exits 0
; (1 when the create fails). A helper for e2e tests (no .expect of its own).
        org 100h
        mov     ah, 3Ch
        xor     cx, cx
        mov     dx, name
        int     21h
        jc      .fail
        mov     ax, 4C00h
        int     21h
.fail:  mov     ax, 4C01h
        int     21h
name    db      "MADE.TXT", 0
