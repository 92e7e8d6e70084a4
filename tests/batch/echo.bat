echo with echo on
@echo off
echo now off
echo
echo.
echo.dot
@echo on
rem a remark
echo
@echo off
echo   spaced  
ECHO:colon
echo trailing>nul
