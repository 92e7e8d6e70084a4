@echo off
choice /t:n,5 default
if errorlevel 2 echo took the default N
choice
if errorlevel 255 echo 255 at end of input
