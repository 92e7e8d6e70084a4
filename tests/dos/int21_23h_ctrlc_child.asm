; Helper for int21_23h_ctrlc (no .expect of its own): its INT 23h handler
; returns with RETF and CF set, so the ^C that 08h reads ends it (RBIL
; INT 23). If it is not ended, it exits with code 9.
        org 100h
        mov     ax, 2523h
        mov     dx, handler
        int     21h
        mov     ah, 08h
        int     21h
        mov     ax, 4C09h
        int     21h
handler:
        stc
        retf
