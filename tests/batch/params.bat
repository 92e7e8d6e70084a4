@echo off
echo 0=%0
echo 1=%1 2=%2 9=%9
shift
echo after shift 1=%1 9=%9
shift
shift
echo 1=%1
echo percent=%% lone=%x
set GREETING=hello there
echo var=%GREETING% unset=[%NOPE%]
echo %greeting%
set GREETING=
echo gone=[%GREETING%]
echo 100%% done
