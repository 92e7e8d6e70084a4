@echo off
echo before call
call callee.bat first
echo after call
callee.bat chained
echo wrong: chaining does not come back
