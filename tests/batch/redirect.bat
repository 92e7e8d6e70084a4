@echo off
echo first> out.txt
echo second >>out.txt
type out.txt
upcase < out.txt
echo piped text | upcase
echo two stages | upcase | upcase > piped.txt
type piped.txt
upcase <out.txt >up.txt
type up.txt
if exist nothere.txt echo never > made.txt
if exist made.txt echo made.txt exists though IF was false
args one > args.txt two
type args.txt
echo "a|b>c" stays text
echo |
echo > 
| upcase
echo a || upcase
upcase < missing.txt
echo to nul > nul
dir /b *.$$$
echo last
