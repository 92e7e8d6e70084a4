@echo off
md work
md work
cd work
cd
echo alpha> a.txt
echo beta> b.txt
copy a.txt c.txt
type c.txt
copy a.txt+b.txt ab.txt
type ab.txt
copy /b a.txt+b.txt abb.txt
copy a.txt a.txt
md ..\dest
copy *.txt ..\dest
copy nothere.txt x.txt
ren c.txt d.txt
ren nothere.txt e.txt
ren *.txt *.bak
dir /b
del d.bak
del nothere.bak
move ab.bak ..\dest
move a.bak renamed.bak
dir /b
cd ..
truename work\renamed.bak
cd dest
del *.*
dir /b
del .
dir /b
cd \
cd..
rd dest
rd work
rd nothere
cd nothere
copy con typed.txt
type typed.txt
cd..
mkdir one
chdir one
cd
cd\
rmdir one
erase typed.txt
if not exist typed.txt echo erased
