@echo off
for %%a in (a b c d e f g h i j k l m n o p q r s t u v w x y) do echo x> %%a.txt
dir /p /b *.txt
copy /a a.txt ascii.out > nul
copy /b a.txt binary.out > nul
dir /b /o:s *.out
