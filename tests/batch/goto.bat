@echo off
echo start
goto forward
echo wrong: skipped
:back
echo at back
goto :END
:forward
echo at forward
set N=
:loop
set N=%N%x
if not %N%==xxx goto loop
echo loop ran %N%
GoTo Back
:endlabel
echo wrong: ENDLABEL is not END
:end
echo at end
goto labelsignificant9
echo wrong
:labelsignificant
echo 8 characters matched
goto nowhere
echo wrong: after label not found
