; INT 21h/01h, 07h, 08h: read a character from standard input (RBIL INT
; 21/AH=01h, AH=07h, AH=08h). 01h echoes what it reads to standard output,
; 07h and 08h do not; bytes come through unchanged (the LF of the input
; line is read as 0Ah, no translation). At end of redirected input each
; returns 1Ah (Ctrl-Z, what MS-DOS 5 reports for a file at EOF, RBIL INT
; 21/AX=4406h) without waiting and without echoing anything.
; Input: "ab" and a newline (stdin-text).
        org 100h
%include "check.inc"
        mov ah, 01h
        int 21h
        PRINT ""                        ; ends the line holding the echo 'a'
        CHECK_EQ8 "01h-1.1 reads a, echoed", al, 'a'
        mov ah, 07h
        int 21h
        CHECK_EQ8 "07h-1.1 reads b, no echo", al, 'b'
        mov ah, 08h
        int 21h
        CHECK_EQ8 "08h-1.1 reads LF as is", al, 0Ah
        ; End of input: every function gives 1Ah, again and again.
        mov ah, 01h
        int 21h
        CHECK_EQ8 "01h-2.1 EOF gives 1Ah, no echo", al, 1Ah
        mov ah, 07h
        int 21h
        CHECK_EQ8 "07h-2.1 EOF gives 1Ah", al, 1Ah
        mov ah, 08h
        int 21h
        CHECK_EQ8 "08h-2.1 EOF gives 1Ah", al, 1Ah
        mov ah, 01h
        int 21h
        CHECK_EQ8 "01h-2.2 EOF stays EOF", al, 1Ah
        CHECK_DONE
