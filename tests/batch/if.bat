@echo off
retcode 0
if errorlevel 1 echo wrong: 0 is not 1
if not errorlevel 1 echo 0 is below 1
retcode 5
if errorlevel 5 echo 5 is at least 5
if errorlevel 4 echo 5 is at least 4
if errorlevel 6 echo wrong: 5 is not 6
if not errorlevel 6 echo 5 is below 6
if exist if.bat echo if.bat exists
if exist *.com echo some .COM exists
if not exist nothere.txt echo nothere.txt missing
if exist sub\nul echo sub is a directory
if not exist nosub\nul echo nosub is not
if "%3"=="" echo no third parameter
if %2==two echo second is two
if %2==TWO echo wrong: strings compare with case
if not a==b echo a is not b
if a == a echo blanks around ==
if ==x echo wrong
if exist
retcode 2
