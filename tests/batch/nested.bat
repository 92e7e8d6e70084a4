@echo off
%COMSPEC% /C echo nested /C
command /c echo not on PATH yet
%COMSPEC% /c exit 5
if errorlevel 5 echo nested exit code 5
%comspec% /K echo inner /K
if errorlevel 4 echo /K shell ended with 4
set PATH=Z:\
command /c callee.bat via-command
echo back in nested.bat
