; TAIL_PRINT: prints its command tail (PSP:80h length, PSP:81h text) between
; brackets on stdout, e.g. "[ a b]", for the end-to-end tests of how vdm
; joins ARGS into a tail (DESIGN.md, "The public contract").
; RBIL INT 21/AH=26h "Format of Program Segment Prefix": offset 80h is the
; tail length, 81h the text, terminated by a CR that the length excludes.
; Exit status 0; 3 when the CR terminator is missing.
        org 100h

%include "tail_bracket.inc"

CR       equ 0Dh

        PRINT_TAIL 1                    ; stdout
        mov     bl, [TAIL_LEN]
        xor     bh, bh
        mov     al, 0
        cmp     byte [TAIL+bx], CR
        je      .out
        mov     al, 3
.out:   mov     ah, 4Ch
        int     21h

