#!/usr/bin/env bash
# Shows that the reading-system test can fail: the anthology's EPUB broken in
# one content document per check, read at 320 and 390 px; reading_system.js
# must exit 1 and name each breakage where it was made, and nothing else:
#   chapter-005  no word joiner before the note marks   note mark starts a line
#   chapter-003  line-break: anywhere                   closing mark starts a line
#   cover        the picture without max-width          horizontal overflow
#   titlepage    a title 1000 px wide                   horizontal overflow / wider than a page (epub.js)
#   part-001     part rules written with epub|type      part page not styled, in epub.js only
#                (reading systems that load XHTML as HTML drop them; Chromium reading XHTML keeps them)
#   part-004     no part rules                          part page not styled
#   chapter-002  untouched                              nothing
# Usage: reading_system_catches_broken.sh HUOZI WORKDIR TOOLSDIR
set -euo pipefail
huozi=$1 work=$2 tools=$3
here=$(cd "$(dirname "$0")" && pwd)
export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
rm -rf "$work" && mkdir -p "$work/book"
epub=$("$huozi" build "$here/data/anthology/publication.xml" --epub -o "$work")
unzip -q "$epub" -d "$work/book"
book=$work/book/EPUB
for f in chapter-002 chapter-003 chapter-005 part-001 part-004 cover titlepage; do
  [[ -f "$book/$f.xhtml" ]] || { echo "FAIL: the anthology has no $f.xhtml (file names changed?)"; exit 1; }
done
# A second stylesheet after the book's, for one document.
add_css() { sed -i "s|<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>|&<link rel=\"stylesheet\" type=\"text/css\" href=\"$2\"/>|" "$book/$1.xhtml"; }
sed -i 's/\xe2\x81\xa0<a class="noteref"/<a class="noteref"/g' "$book/chapter-005.xhtml"
echo 'body { line-break: anywhere; -webkit-line-break: anywhere; }' >"$book/anywhere.css" && add_css chapter-003 anywhere.css
echo 'section.cover img { max-width: none; max-height: none; }' >"$book/cover-wide.css" && add_css cover cover-wide.css
echo '.book-title { width: 1000px; }' >"$book/title-wide.css" && add_css titlepage title-wide.css
grep -q '^section.part > h1 ' "$book/style.css" || { echo "FAIL: the stylesheet has no 'section.part > h1' rule to break"; exit 1; }
sed -e 's/^section\.part > h1/section[epub|type~="part"] > h1/' \
    -e 's/^@charset "UTF-8";/&\n@namespace epub "http:\/\/www.idpf.org\/2007\/ops";/' "$book/style.css" >"$book/style-epub-type.css"
sed -i 's|href="style.css"|href="style-epub-type.css"|' "$book/part-001.xhtml"
sed -e '/^section\.part > h1/d' "$book/style.css" >"$book/style-no-part.css"
sed -i 's|href="style.css"|href="style-no-part.css"|' "$book/part-004.xhtml"

status=0
node "$here/reading_system.js" "$tools" "$work/book" --widths 320,390 >"$work/out.txt" 2>&1 || status=$?
cat "$work/out.txt"
(( status == 1 )) || { echo "FAIL: reading_system.js exited $status on the broken EPUB, not 1"; exit 1; }
failed=0
expect() { grep -Eq "^FAIL $1" "$work/out.txt" || { echo "FAIL: not reported: $1"; failed=1; }; }
refuse() { ! grep -Eq "^FAIL $1" "$work/out.txt" || { echo "FAIL: wrongly reported: $1"; failed=1; }; }
for mode in chromium epub.js; do
  expect "$mode .*chapter-005.xhtml: note mark starts a line"
  expect "$mode .*chapter-003.xhtml: closing mark starts a line"
  expect "$mode .*part-004.xhtml: part page not styled"
  refuse "$mode .*chapter-002.xhtml"
done
expect "chromium .*cover.xhtml: horizontal overflow"
expect "chromium .*titlepage.xhtml: horizontal overflow"
expect "epub.js .*titlepage.xhtml: wider than a page"
expect "epub.js .*part-001.xhtml: part page not styled"
refuse "chromium .*part-001.xhtml"
refuse ".*chapter-005.xhtml: closing mark"
(( failed == 0 )) || exit 1
echo "ok: every breakage caught where it was made"
