@echo off
dir
dir /w
dir /b
dir /b /s
dir *.txt
dir sub
dir /s /b sub
dir /a:d /b
dir /o:-n /b
dir /o:s /b
dir /o /b
dir small
dir nothing.xyz
dir /z
dir q:
dir /l /b
set DIRCMD=/b
dir
