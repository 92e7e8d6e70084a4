@echo off
for %%a in (one two,three;four) do echo item %%a
for %%f in (*.txt) do echo file %%f
for %%f in (sub\*.dat none*.xyz literal) do echo got %%f
for %%x in (1 2) do call callee.bat %%x
for %%x in () do echo wrong: empty set
for %%a in (x) echo wrong
for %%a in (x y) do retcode 9
if errorlevel 9 echo errorlevel 9 from the last item
echo done
