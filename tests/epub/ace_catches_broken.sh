#!/usr/bin/env bash
# Shows that the Ace test can fail, at every severity: the newspaper edition's
# EPUB (the smallest) broken four ways, one per impact level, must make
# run_ace.sh fail and list each rule:
#   critical  image-alt                    the cover picture without alt text
#   serious   html-has-lang                the title page without a language
#   moderate  epub-type-has-matching-role  a section typed "chapter" without role="doc-chapter"
#   minor     empty-heading                a heading with no text
# Usage: ace_catches_broken.sh HUOZI WORKDIR TOOLSDIR
set -euo pipefail
huozi=$1 work=$2 tools=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work/book"
epub=$("$huozi" build "$here/data/newspaper/publication.xml" --epub -o "$work")
unzip -q "$epub" -d "$work/book"
book=$work/book/EPUB
sed -i 's| alt="[^"]*"||' "$book/cover.xhtml"
sed -i 's| xml:lang="[^"]*" lang="[^"]*"||' "$book/titlepage.xhtml"
sed -i 's|<section id="toc-3" class="news-page">|<section id="toc-3" class="news-page" epub:type="chapter">|; s|<h3>小标题</h3>|<h3></h3>|' "$book/page-002.xhtml"
# Zipped again as an EPUB: mimetype first and stored.
(cd "$work/book" && zip -X0q "$work/broken.epub" mimetype && zip -Xrq "$work/broken.epub" META-INF EPUB)

status=0
"$here/run_ace.sh" "$huozi" "$work/broken.epub" "$work/ace" "$tools" >"$work/ace.txt" 2>&1 || status=$?
cat "$work/ace.txt"
(( status == 1 )) || { echo "FAIL: run_ace.sh exited $status on the broken EPUB, not 1"; exit 1; }
for expected in "critical image-alt: cover.xhtml" "serious html-has-lang: titlepage.xhtml" \
                "moderate epub-type-has-matching-role: page-002.xhtml" "minor empty-heading: page-002.xhtml"; do
  grep -q "^VIOLATION $expected" "$work/ace.txt" || { echo "FAIL: Ace did not report: $expected"; exit 1; }
done
echo "ok: Ace fails the broken EPUB at every severity"
