#!/usr/bin/env bash
# <layout print="yes" binding="saddle" bleed="5mm" paper-thickness="0.2mm">:
# a plain build writes the print files, with a 5 mm bleed and a cover without
# a spine, and warns that saddle stitching wants a multiple of 4 pages.
# Usage: layout_attributes.sh HUOZI SAMPLE_DIR WORKDIR
set -euo pipefail
huozi=$1 sample=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work/src"
cp -r "$sample" "$work/src/book"
sed -i 's|</metadata>|</metadata>\n  <layout print="yes" binding="saddle" bleed="5mm" paper-thickness="0.2mm"/>|' "$work/src/book/publication.xml"
grep -q 'binding="saddle"' "$work/src/book/publication.xml"
"$here/check_print.sh" "$huozi" "$work/src/book/publication.xml" "$work/check" --pdf
pages=$(pdfinfo "$work/check/a/book.pdf" | awk '/^Pages:/ {print $2}')
if (( pages % 4 )); then
  grep -q "saddle stitching needs a multiple of 4 pages; the book has $pages" "$work/check/build-err.txt" ||
    { echo "FAIL: no warning about $pages pages for saddle stitching"; cat "$work/check/build-err.txt"; exit 1; }
fi
echo ok
