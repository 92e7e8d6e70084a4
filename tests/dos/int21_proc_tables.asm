; DOS's tables and system services as programs probe them (RBIL INT
; 21/AH=34h, 52h, 58h, 5Dh, 5Eh, 5Fh, 26h, 55h; INT 24h-26h, 28h, 2Fh):
; the InDOS byte reads 0 outside DOS; the list of lists has the first MCB
; at [BX-2] (its chain reaches our own block), LASTDRIVE Z: (COMMAND.COM's
; drive), a CDS whose C: entry reads "C:\" and follows a chdir, and the
; NUL device heading a chain to CON; 58h switches first/best/last fit,
; refuses strategy 3, and has no UMBs (5803h fails with 01h); 5D06h's SDA
; holds our PSP; 5D0Ah sets what 59h reports; the network calls answer
; "no network"; 26h copies our PSP (parent field 0); 55h makes a child
; PSP current; INT 25h/26h fail with AX = 8002h and leave FLAGS pushed;
; the default INT 24h handler answers "fail" (vdm raises no critical
; errors itself: its drives are host directories).
        org 100h
%include "check.inc"

        mov     ah, 4Ah                 ; keep 64 KiB, free the rest
        mov     bx, 1000h
        int     21h
        mov     ah, 62h
        int     21h
        mov     [mypsp], bx

        ; 34h InDOS
        mov     ah, 34h
        int     21h
        CHECK_EQ8 "34h-1.1", [es:bx], 0
        CHECK_EQ8 "34h-1.2", [es:bx-1], 0       ; critical error flag
        mov     ax, es                  ; in DOS's data, below the arena
        cmp     ax, 0100h
        mov     ax, 0
        jae     .high
        inc     ax
.high:  CHECK_EQ "34h-1.3", ax, 1

        ; 52h list of lists
        mov     ah, 52h
        int     21h
        mov     [lol], bx
        mov     [lol+2], es
        mov     ax, [es:bx-2]
        call    find_own_mcb
        CHECK_EQ "52h-1.1", ax, 1
        mov     al, [es:bx+21h]
        cmp     al, 5
        mov     ax, 0
        jb      .few
        inc     ax
.few:   CHECK_EQ "52h-1.2", ax, 1
        les     di, [es:bx+16h]         ; CDS array; C: is the third
        add     di, 2*58h
        CHECK_EQ "52h-1.3", word [es:di], 'C:'
        CHECK_EQ8 "52h-1.4", [es:di+2], '\'
        CHECK_EQ "52h-1.5", word [es:di+43h], 4000h
        les     bx, [lol]                 ; Z: (COMMAND.COM's) is the last
        CHECK_EQ8 "52h-1.8", [es:bx+21h], 26
        les     di, [es:bx+16h]
        add     di, 25*58h
        CHECK_EQ "52h-1.9", word [es:di], 'Z:'
        CHECK_EQ "52h-1.10", word [es:di+43h], 4000h
        les     bx, [lol]
        CHECK_EQ "52h-1.6", word [es:bx+22h+0Ah], 'NU'
        les     di, [es:bx+22h]         ; NUL's next: CON
        CHECK_EQ "52h-1.7", word [es:di+0Ah], 'CO'
        push    cs
        pop     es
        mov     ah, 3Bh                 ; the CDS follows a chdir
        mov     dx, subdir
        int     21h
        les     bx, [lol]
        les     di, [es:bx+16h]
        add     di, 2*58h
        CHECK_EQ "52h-2.1", word [es:di+3], 'SU'
        CHECK_EQ8 "52h-2.2", [es:di+5], 'B'
        CHECK_EQ8 "52h-2.3", [es:di+6], 0
        push    cs
        pop     es
        mov     ah, 3Bh
        mov     dx, rootdir
        int     21h

        ; 58h strategies: holes of 10 (A) and 5 (C) paragraphs
        mov     ax, 5800h
        int     21h
        CHECK_EQ "58h-1.1", ax, 0
        mov     bx, 10
        call    alloc
        mov     [blk_a], ax
        mov     bx, 1
        call    alloc
        mov     bx, 5
        call    alloc
        mov     [blk_c], ax
        mov     bx, 1
        call    alloc
        mov     es, word [blk_a]
        mov     ah, 49h
        int     21h
        mov     es, word [blk_c]
        mov     ah, 49h
        int     21h
        push    cs
        pop     es
        mov     ax, 5801h               ; best fit takes C
        mov     bx, 1
        int     21h
        CHECK_CF "58h-2.1", 0
        mov     bx, 5
        call    alloc
        CHECK_EQ "58h-2.2", ax, word [blk_c]
        mov     ax, 5800h
        int     21h
        CHECK_EQ "58h-2.3", ax, 1
        mov     ax, 5801h               ; first fit takes A
        xor     bx, bx
        int     21h
        mov     bx, 5
        call    alloc
        CHECK_EQ "58h-3.1", ax, word [blk_a]
        mov     ax, 5801h               ; last fit: from the top
        mov     bx, 2
        int     21h
        mov     bx, 1
        call    alloc
        CHECK_EQ "58h-4.1", ax, 9FFFh
        mov     ax, 5801h
        mov     bx, 3
        int     21h
        CHECK_CF "58h-5.1", 1
        CHECK_EQ "58h-5.2", ax, 1
        mov     ax, 5801h
        xor     bx, bx
        int     21h
        mov     ax, 5802h
        int     21h
        CHECK_CF "58h-6.1", 0
        CHECK_EQ8 "58h-6.2", al, 0
        mov     ax, 5803h
        mov     bx, 1
        int     21h
        CHECK_CF "58h-6.3", 1
        CHECK_EQ "58h-6.4", ax, 1
        mov     ax, 5803h               ; no UMBs: even unlinking fails
        xor     bx, bx
        int     21h
        CHECK_CF "58h-6.5", 1
        mov     ax, 5804h
        int     21h
        CHECK_EQ "58h-6.6", ax, 1

        ; 5Dh
        push    ds
        mov     ax, 5D06h
        int     21h
        mov     ax, [si+10h]
        mov     bl, [si+1]
        pop     ds
        CHECK_CF "5dh-1.1", 0
        CHECK_EQ "5dh-1.2", ax, word [mypsp]
        CHECK_EQ8 "5dh-1.3", bl, 0
        mov     ax, 5D0Ah
        mov     dx, dpl
        int     21h
        CHECK_CF "5dh-2.1", 0
        mov     ah, 59h
        xor     bx, bx
        int     21h
        CHECK_EQ "5dh-2.2", ax, 1234h
        CHECK_EQ "5dh-2.3", bx, 0BBAAh
        CHECK_EQ8 "5dh-2.4", ch, 0CCh
        mov     ax, 5D0Bh
        int     21h
        CHECK_CF "5dh-3.1", 1
        CHECK_EQ "5dh-3.2", ax, 1

        ; 5Eh, 5Fh: no network
        mov     ax, 5E00h
        mov     cx, 0FFFFh
        mov     dx, buf
        int     21h
        CHECK_CF "5eh-1.1", 0
        CHECK_EQ8 "5eh-1.2", ch, 0
        mov     ax, 5E02h
        int     21h
        CHECK_EQ "5eh-1.3", ax, 1
        mov     ax, 5F02h
        xor     bx, bx
        int     21h
        CHECK_CF "5fh-1.1", 1
        CHECK_EQ "5fh-1.2", ax, 12h
        mov     ax, 5F03h
        int     21h
        CHECK_EQ "5fh-1.3", ax, 1

        ; 26h: a copy of our PSP
        mov     bx, 10h
        call    alloc
        mov     [newpsp], ax
        mov     dx, ax
        mov     ah, 26h
        int     21h
        mov     es, word [newpsp]
        CHECK_EQ "26h-1.1", word [es:0], 20CDh
        CHECK_EQ "26h-1.2", word [es:16h], 0    ; no parent
        mov     ax, [80h]                       ; our tail, copied
        CHECK_EQ "26h-1.5", word [es:80h], ax
        mov     ax, es
        CHECK_EQ "26h-1.3", word [es:36h], ax
        push    cs
        pop     es
        mov     ah, 62h
        int     21h
        CHECK_EQ "26h-1.4", bx, word [mypsp]

        ; 55h: a child PSP, made current
        mov     bx, 10h
        call    alloc
        mov     [newpsp], ax
        mov     dx, ax
        mov     si, 9000h
        mov     ah, 55h
        int     21h
        mov     ah, 62h
        int     21h
        CHECK_EQ "55h-1.1", bx, word [newpsp]
        mov     es, bx
        mov     ax, word [mypsp]
        CHECK_EQ "55h-1.2", word [es:16h], ax
        CHECK_EQ "55h-1.3", word [es:2], 9000h
        CHECK_EQ8 "55h-1.4", [es:18h+1], 1      ; stdout inherited
        push    cs
        pop     es
        mov     ah, 50h
        mov     bx, word [mypsp]
        int     21h

        ; INT 25h/26h refuse, FLAGS stay pushed
        mov     bp, sp
        mov     al, 2
        mov     cx, 1
        xor     dx, dx
        mov     bx, buf
        int     25h
        CHECK_CF "25h-1.1", 1
        CHECK_EQ "25h-1.2", ax, 8002h
        popf
        mov     ax, sp
        CHECK_EQ "25h-1.3", ax, bp
        mov     al, 2
        int     26h
        CHECK_CF "26h-2.1", 1
        popf
        mov     ax, sp
        CHECK_EQ "26h-2.2", ax, bp

        ; INT 28h returns; INT 2Fh: no Windows, time slice released
        mov     ax, 1234h
        int     28h
        CHECK_EQ "28h-1.1", ax, 1234h
        mov     ax, 1600h
        int     2Fh
        CHECK_EQ8 "2fh-1.1", al, 0
        mov     ax, 1680h
        int     2Fh
        CHECK_EQ8 "2fh-1.2", al, 0

        ; INT 24h's default handler answers "fail" (AL = 03h)
        mov     ax, 0
        mov     di, 2                   ; drive not ready
        int     24h
        CHECK_EQ8 "24h-1.1", al, 3
        CHECK_DONE

; alloc: BX paragraphs -> AX segment (0 on failure)
alloc:  mov     ah, 48h
        int     21h
        jnc     .ok
        xor     ax, ax
.ok:    ret

; find_own_mcb: walk the chain from MCB segment AX; AX = 1 when it passes
; the MCB of our PSP.
find_own_mcb:
        push    es
        push    bx
        mov     bx, word [mypsp]
        dec     bx
.next:  cmp     ax, bx
        je      .found
        mov     es, ax
        cmp     byte [es:0], 'M'
        jne     .no
        add     ax, [es:3]
        inc     ax
        jmp     .next
.found: mov     ax, 1
        jmp     .out
.no:    xor     ax, ax
.out:   pop     bx
        pop     es
        ret

subdir: db "SUB", 0
rootdir: db "\", 0
mypsp:  dw 0
newpsp: dw 0
blk_a:  dw 0
blk_c:  dw 0
lol:    dd 0
dpl:    dw 1234h, 0BBAAh, 0CC00h, 0, 0, 0, 0, 0, 0, 0, 0
buf:    times 600 db 0
