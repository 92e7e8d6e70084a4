; Helper for int21_31h_tsr (no .expect of its own): a later program whose
; INT 21h calls pass through the resident hook. Exits with 0 when
; function F0h answered AX = 1234h (the hook), else 1.
        org 100h
        mov     ah, 0F0h
        int     21h
        cmp     ax, 1234h
        mov     ax, 4C00h
        je      .out
        mov     al, 1
.out:   int     21h
