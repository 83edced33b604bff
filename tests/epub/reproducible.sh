#!/usr/bin/env bash
# Two builds of the same source give byte-identical EPUBs; SOURCE_DATE_EPOCH
# changes dcterms:modified and nothing else.
set -euo pipefail
huozi=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work/a" "$work/b" "$work/c"
a=$("$huozi" build "$source" --epub -o "$work/a")
sleep 1.1  # a clock-dependent timestamp would now differ
b=$("$huozi" build "$source" --epub -o "$work/b")
cmp "$a" "$b" || { echo "FAIL: two builds differ"; exit 1; }
c=$(SOURCE_DATE_EPOCH=1700000000 "$huozi" build "$source" --epub -o "$work/c")
unzip -p "$c" EPUB/package.opf | grep -q '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>' ||
  { echo "FAIL: SOURCE_DATE_EPOCH not used for dcterms:modified"; exit 1; }
echo "reproducible: $(sha256sum "$a" | cut -c1-16)"
