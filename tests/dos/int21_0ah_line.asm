; INT 21h/0Ah: buffered input from redirected standard input (RBIL INT
; 21/AH=0Ah, Table 01344: byte 0 = capacity including the CR, byte 1 =
; characters read excluding the CR, then the characters and a CR).
; Pinned here:
;   - capacity 0 returns at once: nothing read, buffer untouched (RBIL);
;   - a line ends at CR, LF or CR LF (the LF is never stored; a LF right
;     after a CR belongs to that line), lone CR included;
;   - characters beyond capacity - 1 are dropped, each answered with a BEL
;     (07h) on stdout as MS-DOS does, and the rest of the line is
;     discarded with them; capacity 1 holds only the CR;
;   - the kept characters are echoed to stdout and the line end as a CR
;     alone (MS-DOS does not echo a LF after 0Ah);
;   - at end of input a partial line ends as it is (no CR echoed), and an
;     empty one reads as a single 1Ah, again on every later call.
; Input: int21_0ah_line.in = "hello" CR LF "toolongline" LF LF "x" LF
;        "cr" CR "end" LF "last" (no line end). The echo puts CRs and BELs
; on stdout, so the expected stdout is an exact file (int21_0ah_line.out).
        org 100h
%include "check.inc"
        mov al, 0                       ; capacity 0: untouched
        call read_line
        CHECK_EQ8 "0ah-1.1 capacity 0: count untouched", [buf+1], 77h
        CHECK_EQ8 "0ah-1.2 capacity 0: text untouched", [buf+2], 0EEh

        mov al, 10
        call read_line
        CHECK_EQ8 "0ah-2.1 CR LF line: count 5", [buf+1], 5
        mov si, t_hello
        call same_text
        CHECK_EQ "0ah-2.2 hello CR", ax, 0

        mov al, 5                       ; 4 characters and the CR
        call read_line
        CHECK_EQ8 "0ah-3.1 long line: count 4", [buf+1], 4
        mov si, t_tool
        call same_text
        CHECK_EQ "0ah-3.2 tool CR (LF after CR dropped)", ax, 0
        CHECK_EQ8 "0ah-3.3 nothing past the CR", [buf+7], 0EEh

        mov al, 10
        call read_line
        CHECK_EQ8 "0ah-4.1 rest discarded, empty line: count 0", [buf+1], 0
        CHECK_EQ8 "0ah-4.2 just CR", [buf+2], 0Dh

        mov al, 1                       ; room for the CR only
        call read_line
        CHECK_EQ8 "0ah-5.1 capacity 1: count 0", [buf+1], 0
        CHECK_EQ8 "0ah-5.2 capacity 1: CR", [buf+2], 0Dh

        mov al, 10
        call read_line
        CHECK_EQ8 "0ah-6.1 lone CR ends a line: count 2", [buf+1], 2
        mov si, t_cr
        call same_text
        CHECK_EQ "0ah-6.2 cr CR", ax, 0

        mov al, 10
        call read_line
        CHECK_EQ8 "0ah-6.3 next line after lone CR: count 3", [buf+1], 3
        mov si, t_end
        call same_text
        CHECK_EQ "0ah-6.4 end CR", ax, 0

        mov al, 10
        call read_line
        CHECK_EQ8 "0ah-7.1 last line without LF: count 4", [buf+1], 4
        mov si, t_last
        call same_text
        CHECK_EQ "0ah-7.2 last CR", ax, 0

        mov al, 10
        call read_line
        CHECK_EQ8 "0ah-8.1 EOF: count 1", [buf+1], 1
        mov si, t_eof
        call same_text
        CHECK_EQ "0ah-8.2 EOF: 1Ah CR", ax, 0
        mov al, 10
        call read_line
        mov si, t_eof
        call same_text
        CHECK_EQ "0ah-8.3 EOF again: 1Ah CR", ax, 0
        CHECK_DONE

; Fill buf (capacity AL, count 77h, the text EEh) and call 0Ah on it.
read_line:
        mov di, buf
        mov [di], al
        mov byte [di+1], 77h
        add di, 2
        push ax
        mov al, 0EEh
        mov cx, 16
        cld
        rep stosb
        pop ax
        mov ah, 0Ah
        mov dx, buf
        int 21h
        ret

; AX = 0 when buf+2 holds the CR-terminated text at SI (CR included).
same_text:
        mov di, buf+2
        cld
.next:  lodsb
        cmp al, [di]
        jne .diff
        inc di
        cmp al, 0Dh
        jne .next
        xor ax, ax
        ret
.diff:  mov ax, 1
        ret

t_hello db "hello", 13
t_tool  db "tool", 13
t_cr    db "cr", 13
t_end   db "end", 13
t_last  db "last", 13
t_eof   db 1Ah, 13
buf     times 18 db 0
