@echo off
echo %1-%2> OUT.TXT
exit 7
