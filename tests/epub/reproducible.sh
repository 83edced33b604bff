#!/usr/bin/env bash
# Two builds of the same source give byte-identical EPUBs, in any time zone;
# SOURCE_DATE_EPOCH changes dcterms:modified and nothing else.
set -euo pipefail
huozi=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work/a" "$work/b" "$work/c" "$work/utc" "$work/shanghai"
a=$("$huozi" build "$source" --epub -o "$work/a")
sleep 1.1  # a clock-dependent timestamp would now differ
b=$("$huozi" build "$source" --epub -o "$work/b")
cmp "$a" "$b" || { echo "FAIL: two builds differ"; exit 1; }
# Zip entries hold local DOS time: builders in different zones must agree.
# Without tzdata, Asia/Shanghai would silently be UTC; the POSIX form needs none.
shanghai=Asia/Shanghai
[ -e "/usr/share/zoneinfo/$shanghai" ] || shanghai=CST-8
u=$(TZ=UTC "$huozi" build "$source" --epub -o "$work/utc")
s=$(TZ=$shanghai "$huozi" build "$source" --epub -o "$work/shanghai")
cmp "$u" "$s" || { echo "FAIL: the builds in UTC and in $shanghai differ"; exit 1; }
cmp "$a" "$u" || { echo "FAIL: the build in UTC differs from the build in the current zone"; exit 1; }
c=$(SOURCE_DATE_EPOCH=1700000000 "$huozi" build "$source" --epub -o "$work/c")
unzip -p "$c" EPUB/package.opf | grep -q '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>' ||
  { echo "FAIL: SOURCE_DATE_EPOCH not used for dcterms:modified"; exit 1; }
echo "reproducible: $(sha256sum "$a" | cut -c1-16)"
