@echo off
set ONE=1
set two=2 with spaces
echo [%ONE%] [%TWO%]
set ONE=
echo [%ONE%]
set =bad
set novalue
path
path c:\bin;c:\tools
path
path ;
path
prompt $p$g
echo on
rem prompt shows here
@prompt [$n$q$l$b$$]
rem codes
@prompt $p$_line2$g
rem two lines
@echo off
prompt
ver
verify
verify on
verify
verify off
verify maybe
vol
vol q:
date 12-31-1999
date
date 13-45-99
time 13:05
time 25:00
lh retcode 4
if errorlevel 4 echo LH ran the program
loadhigh /L:1 retcode 0
cls
q:
z:
dir /b
type command.com | upcase > nul
c:
nosuchprogram
exit 6
echo wrong: after exit
