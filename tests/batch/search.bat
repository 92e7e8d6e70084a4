@echo off
call prog
del prog.com
call prog
del prog.exe
call prog
tool
set PATH=C:\BIN;C:\OTHER
tool
zed
bin\tool.com
other\tool
prog.txt
zed.exe
retcode 3
