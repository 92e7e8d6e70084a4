; INT 21h/2Ah-2Dh: get and set the system date and time (RBIL INT
; 21/AH=2Ah, 2Bh, 2Ch, 2Dh). 2Bh takes CX = year 1980-2099, DH = month
; 1-12, DL = day and answers AL = 00h, or FFh for an invalid date (a day
; the month lacks included), leaving the date unchanged; 2Dh likewise with
; CH:CL:DH.DL = hour:minute:second.hundredths. vdm never changes the host
; clock, but for the rest of the run 2Ah and 2Ch read what was set: 2Ah
; gives CX/DH/DL and AL = day of week (00h = Sunday). Setting the date
; keeps the time of day and setting the time keeps the date.
; The time is set to noon first, so the date read back cannot roll over
; while the test runs.
        org 100h
%include "check.inc"
        mov ah, 2Dh
        mov cx, 0C00h                   ; 12:00
        mov dx, 0000h                   ; :00.00
        int 21h
        CHECK_EQ8 "2dh-1.1 12:00:00.00 accepted", al, 0
        mov ah, 2Bh
        mov cx, 2024
        mov dx, 021Dh                   ; 29 February 2024 (leap year)
        int 21h
        CHECK_EQ8 "2bh-1.1 2024-02-29 accepted", al, 0
        mov ah, 2Ah
        int 21h
        CHECK_EQ "2ah-1.1 year 2024", cx, 2024
        CHECK_EQ "2ah-1.2 month 2, day 29", dx, 021Dh
        CHECK_EQ8 "2ah-1.3 Thursday (4)", al, 4
        mov ah, 2Ch
        int 21h
        CHECK_EQ "2ch-1.1 still 12:00 (date set kept the time)", cx, 0C00h
        CHECK_EQ8 "2ch-1.2 second 0", dh, 0

        ; Invalid dates: refused, date unchanged.
        mov cx, 2023
        mov dx, 021Dh                   ; 29 Feb 2023: not a leap year
        call set_date
        CHECK_EQ8 "2bh-2.1 2023-02-29 refused", al, 0FFh
        mov cx, 2024
        mov dx, 021Eh                   ; 30 February
        call set_date
        CHECK_EQ8 "2bh-2.2 02-30 refused", al, 0FFh
        mov dx, 041Fh                   ; 31 April
        call set_date
        CHECK_EQ8 "2bh-2.3 04-31 refused", al, 0FFh
        mov dx, 0D01h                   ; month 13
        call set_date
        CHECK_EQ8 "2bh-2.4 month 13 refused", al, 0FFh
        mov dx, 0001h                   ; month 0
        call set_date
        CHECK_EQ8 "2bh-2.5 month 0 refused", al, 0FFh
        mov dx, 0100h                   ; day 0
        call set_date
        CHECK_EQ8 "2bh-2.6 day 0 refused", al, 0FFh
        mov cx, 1979
        mov dx, 0C1Fh
        call set_date
        CHECK_EQ8 "2bh-2.7 1979 refused", al, 0FFh
        mov cx, 2100
        mov dx, 0101h
        call set_date
        CHECK_EQ8 "2bh-2.8 2100 refused", al, 0FFh
        mov ah, 2Ah
        int 21h
        CHECK_EQ "2bh-2.9 date unchanged: year", cx, 2024
        CHECK_EQ "2bh-2.10 date unchanged: month, day", dx, 021Dh

        ; The ends of the range are valid.
        mov cx, 2099
        mov dx, 0C1Fh                   ; 31 December 2099
        call set_date
        CHECK_EQ8 "2bh-3.1 2099-12-31 accepted", al, 0
        mov ah, 2Ah
        int 21h
        CHECK_EQ "2ah-3.1 year 2099", cx, 2099
        CHECK_EQ "2ah-3.2 month 12, day 31", dx, 0C1Fh
        CHECK_EQ8 "2ah-3.3 Thursday (4)", al, 4
        mov cx, 1980
        mov dx, 0101h                   ; 1 January 1980
        call set_date
        CHECK_EQ8 "2bh-3.2 1980-01-01 accepted", al, 0
        mov ah, 2Ah
        int 21h
        CHECK_EQ "2ah-3.4 year 1980", cx, 1980
        CHECK_EQ "2ah-3.5 month 1, day 1", dx, 0101h
        CHECK_EQ8 "2ah-3.6 Tuesday (2)", al, 2

        ; Times.
        mov cx, 0D2Dh                   ; 13:45
        mov dx, 1E00h                   ; :30.00
        call set_time
        CHECK_EQ8 "2dh-2.1 13:45:30.00 accepted", al, 0
        mov ah, 2Ch
        int 21h
        CHECK_EQ "2ch-2.1 13:45", cx, 0D2Dh
        CHECK_EQ8 "2ch-2.2 second 30", dh, 30
        mov ah, 2Ah
        int 21h
        CHECK_EQ "2dh-2.2 time set kept the date", dx, 0101h
        mov cx, 1800h                   ; 24:00
        mov dx, 0
        call set_time
        CHECK_EQ8 "2dh-3.1 hour 24 refused", al, 0FFh
        mov cx, 0C3Ch                   ; 12:60
        call set_time
        CHECK_EQ8 "2dh-3.2 minute 60 refused", al, 0FFh
        mov cx, 0C00h
        mov dx, 3C00h                   ; second 60
        call set_time
        CHECK_EQ8 "2dh-3.3 second 60 refused", al, 0FFh
        mov dx, 0064h                   ; hundredths 100
        call set_time
        CHECK_EQ8 "2dh-3.4 hundredths 100 refused", al, 0FFh
        mov ah, 2Ch
        int 21h
        CHECK_EQ "2dh-3.5 time unchanged: 13:45", cx, 0D2Dh
        CHECK_DONE

set_date:
        mov ah, 2Bh
        mov al, 77h                     ; must be replaced by the answer
        int 21h
        ret
set_time:
        mov ah, 2Dh
        mov al, 77h
        int 21h
        ret
