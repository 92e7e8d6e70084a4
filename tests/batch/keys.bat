@echo off
pause
choice
if errorlevel 2 echo chose N
choice /c:abc Pick one 
if errorlevel 3 echo chose c
choice /n /c:xy
if errorlevel 2 goto y
echo chose x
:y
choice /s /c:aA case
if errorlevel 2 echo chose upper A
choice /q
ctrlc
echo after ctrlc, answered N
ctrlc
echo wrong: the batch job was terminated
