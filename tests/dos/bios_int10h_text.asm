; INT 10h text services and the VGA registers behind them (RBIL INT 10/
; AH=00h-03h, 06h, 08h, 09h, 0Eh, 0Fh, 13h, AX=1003h, 1112h, 1130h, 1A00h,
; 1Bh; PORTS.LST 03C0h, 03D4h/03D5h, 03DAh):
; - mode 03h clears B800h and reports itself through 0Fh; a graphics mode
;   (13h) is refused and the text mode stays;
; - a cell written to B800h memory reads back through 08h at the cursor;
; - 09h writes CX copies without moving the cursor;
; - the cursor set by 02h shows in the CRTC (0Eh/0Fh), and one moved by
;   the CRTC ports shows in 03h;
; - 06h scrolls a window up, blanking with BH;
; - 0Eh writes at the cursor, advances it, and also goes to standard
;   output (the stdio front end: "TT" and CR LF below);
; - 13h writes a string of character/attribute pairs;
; - 1003h flips the attribute controller's blink bit;
; - 1112h loads the 8x8 font: 50 rows (BDA 0484h, 1130h); mode 03h
;   brings 25 back; 1A00h answers VGA colour; 1Bh fills the state table.
        org 100h
%include "check.inc"

        mov     ax, 0003h
        int     10h
        CHECK_EQ8 "10h-1.1 mode 03h set", al, 30h
        mov     ah, 0Fh
        int     10h
        CHECK_EQ "10h-1.2 0Fh: 80 columns, mode 03h", ax, 5003h
        mov     ax, 0B800h
        mov     es, ax
        CHECK_EQ "10h-1.3 video memory cleared", [es:0], 0720h
        mov     ax, 0013h
        int     10h
        mov     ah, 0Fh
        int     10h
        CHECK_EQ "10h-1.4 graphics mode 13h refused, still 03h", ax, 5003h

        mov     word [es:(5*80+10)*2], 1E5Ah   ; 'Z' yellow on blue
        mov     ah, 02h
        mov     bh, 0
        mov     dx, 050Ah               ; row 5, column 10
        int     10h
        mov     ah, 08h
        mov     bh, 0
        int     10h
        CHECK_EQ "10h-2.1 08h reads the cell written to memory", ax, 1E5Ah
        mov     dx, 3D4h                ; the CRTC cursor follows 02h
        mov     al, 0Eh
        out     dx, al
        inc     dx
        in      al, dx
        mov     ah, al
        dec     dx
        mov     al, 0Fh
        out     dx, al
        inc     dx
        in      al, dx
        CHECK_EQ "10h-2.2 CRTC cursor location = 5*80+10", ax, 5*80+10

        mov     ax, 0951h               ; 'Q' x3, white on red
        mov     bx, 004Fh
        mov     cx, 3
        int     10h
        CHECK_EQ "10h-3.1 09h first copy", [es:(5*80+10)*2], 4F51h
        CHECK_EQ "10h-3.2 09h third copy", [es:(5*80+12)*2], 4F51h
        CHECK_EQ "10h-3.3 09h stops after CX", [es:(5*80+13)*2], 0720h
        mov     ah, 03h
        mov     bh, 0
        int     10h
        CHECK_EQ "10h-3.4 09h leaves the cursor", dx, 050Ah

        mov     dx, 3D4h                ; move the cursor by the ports
        mov     al, 0Eh
        mov     ah, (12*80+34) >> 8
        out     dx, ax
        mov     al, 0Fh
        mov     ah, (12*80+34) & 0FFh
        out     dx, ax
        mov     ah, 03h
        mov     bh, 0
        int     10h
        CHECK_EQ "10h-4.1 03h reports the cursor the CRTC holds", dx, 0C22h
        push    ds
        mov     ax, 40h
        mov     ds, ax
        mov     ax, [50h]
        pop     ds
        CHECK_EQ "10h-4.2 and the BDA agrees", ax, 0C22h

        mov     word [es:(21*80+2)*2], 0741h   ; 'A' on row 21
        mov     ax, 0601h               ; scroll rows 20-22, cols 0-9 up 1
        mov     bh, 17h
        mov     cx, 1400h
        mov     dx, 1609h
        int     10h
        CHECK_EQ "10h-5.1 the row moved up", [es:(20*80+2)*2], 0741h
        CHECK_EQ "10h-5.2 the new bottom row is blank in BH", [es:(22*80+2)*2], 1720h
        CHECK_EQ "10h-5.3 outside the window untouched", [es:(21*80+10)*2], 0720h

        mov     ah, 02h
        mov     bh, 0
        mov     dx, 0300h
        int     10h
        mov     ax, 0E54h               ; "TT" CR LF by teletype
        int     10h
        int     10h
        mov     al, 13
        int     10h
        mov     al, 10
        int     10h
        CHECK_EQ8 "10h-6.1 teletype wrote at the cursor", [es:(3*80+1)*2], 'T'
        mov     ah, 03h
        mov     bh, 0
        int     10h
        CHECK_EQ "10h-6.2 CR LF moved the cursor to the next line", dx, 0400h

        push    es
        push    ds
        pop     es
        mov     ax, 1303h               ; string with attributes, move cursor
        mov     bx, 0
        mov     cx, 2
        mov     dx, 0805h
        mov     bp, str_attr
        int     10h
        pop     es
        CHECK_EQ "10h-7.1 13h first pair", [es:(8*80+5)*2], 2E6Fh
        CHECK_EQ "10h-7.2 13h second pair", [es:(8*80+6)*2], 4E6Bh
        mov     ah, 03h
        mov     bh, 0
        int     10h
        CHECK_EQ "10h-7.3 13h AL=3 moved the cursor", dx, 0807h

        mov     ax, 1003h               ; intensity
        mov     bl, 0
        int     10h
        call    attr_mode
        CHECK_EQ8 "10h-8.1 1003h BL=0 clears the blink bit", al, 0
        mov     ax, 1003h
        mov     bl, 1
        int     10h
        call    attr_mode
        CHECK_EQ8 "10h-8.2 1003h BL=1 sets it", al, 08h

        mov     ax, 1130h
        mov     bh, 0
        int     10h
        CHECK_EQ8 "10h-9.1 1130h: rows-1 = 24", dl, 24
        CHECK_EQ "10h-9.2 1130h: 16-line font", cx, 16
        mov     ax, 1112h               ; 8x8 font: 80x50
        mov     bl, 0
        int     10h
        push    ds
        mov     ax, 40h
        mov     ds, ax
        mov     al, [84h]
        pop     ds
        CHECK_EQ8 "10h-9.3 8x8 font: BDA rows-1 = 49", al, 49
        mov     ax, 1130h
        mov     bh, 0
        int     10h
        CHECK_EQ8 "10h-9.4 1130h agrees", dl, 49
        mov     ax, 0003h
        int     10h
        mov     ax, 1130h
        mov     bh, 0
        int     10h
        CHECK_EQ8 "10h-9.5 mode 03h: 25 rows again", dl, 24

        mov     ax, 1A00h
        int     10h
        CHECK_EQ8 "10h-10.1 1A00h supported", al, 1Ah
        CHECK_EQ8 "10h-10.2 VGA colour display", bl, 08h
        push    ds
        pop     es
        mov     ah, 1Bh
        mov     bx, 0
        mov     di, state
        int     10h
        CHECK_EQ8 "10h-10.3 1Bh supported", al, 1Bh
        CHECK_EQ8 "10h-10.4 1Bh mode", [state+4], 3
        CHECK_EQ8 "10h-10.5 1Bh rows", [state+22h], 25
        CHECK_DONE

; AL = attribute controller mode register (index 10h) AND blink bit.
attr_mode:
        mov     dx, 3DAh
        in      al, dx                  ; reset the index/data flip-flop
        mov     dx, 3C0h
        mov     al, 30h                 ; index 10h, palette address source on
        out     dx, al
        inc     dx
        in      al, dx
        and     al, 08h
        ret

str_attr db     'o', 2Eh, 'k', 4Eh
state   times 64 db 0
