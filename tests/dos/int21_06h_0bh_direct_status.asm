; INT 21h/06h (DL=FFh direct console input, other DL output) and 0Bh
; (standard input status) (RBIL INT 21/AH=06h, AH=0Bh). Neither waits.
; 0Bh: AL = FFh while a character is ready, 00h when none is; it does not
; consume the character. 06h input: ZF clear and AL = the character, or
; ZF set and AL = 00h when none is ready (RBIL: undocumented but relied
; on); a redirected file at its end is "not ready" (RBIL INT 21/AX=4406h),
; so at EOF both report nothing rather than 1Ah. 06h output writes DL and
; returns it in AL (RBIL). No echo for input.
; Input: "x" and a newline (stdin-text).
        org 100h
%include "check.inc"
        mov ah, 0Bh
        int 21h
        CHECK_EQ8 "0bh-1.1 ready", al, 0FFh
        mov ah, 0Bh
        int 21h
        CHECK_EQ8 "0bh-1.2 still ready (not consumed)", al, 0FFh
        mov ah, 06h
        mov dl, 0FFh
        int 21h
        CHECK_ZF "06h-1.1 ZF clear: got one", 0
        CHECK_EQ8 "06h-1.2 AL = x", al, 'x'
        mov ah, 06h
        mov dl, 0FFh
        int 21h
        CHECK_ZF "06h-1.3 ZF clear: got LF", 0
        CHECK_EQ8 "06h-1.4 AL = LF", al, 0Ah
        ; End of input.
        mov ah, 0Bh
        int 21h
        CHECK_EQ8 "0bh-2.1 EOF: nothing ready", al, 00h
        mov ax, 06FFh                   ; AL = FFh, must come back 00h
        mov dl, 0FFh
        int 21h
        CHECK_ZF "06h-2.1 EOF: ZF set", 1
        CHECK_EQ8 "06h-2.2 EOF: AL = 0", al, 00h
        ; Output: DL is written, AL returns it.
        mov ah, 06h
        mov dl, 'Q'
        int 21h
        PRINT ""
        CHECK_EQ8 "06h-3.1 output: AL = Q", al, 'Q'
        CHECK_DONE
