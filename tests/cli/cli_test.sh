#!/usr/bin/env bash
# The huozi command as an editor meets it: exit codes, messages, and outputs
# that are never half-written or clobbered. Usage: cli_test.sh HUOZI WORKDIR
set -uo pipefail
huozi=$(realpath "$1") work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
cd "$here"
passed=0 failed=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}
run() {  # run ARGS... : sets rc, out, err
  "$huozi" "$@" >"$work/out" 2>"$work/err"; rc=$?
  out=$(cat "$work/out"); err=$(cat "$work/err")
}

run;                          check "no command exits 2" test $rc -eq 2
check "no command prints usage" grep -q '^usage: huozi build' "$work/err"
run --version;                check "--version" test "$rc:$out" = "0:huozi 0.1.0"
run --help;                   check "--help exits 0 with usage" test $rc -eq 0 -a -n "$(grep 'huozi check' "$work/out")"
run frobnicate;               check "unknown command exits 2" test $rc -eq 2
run build;                    check "build without source exits 2" test $rc -eq 2
run build data/good.xml --bogus; check "unknown option exits 2" test $rc -eq 2
run build data/good.xml -o;   check "-o without folder exits 2" test $rc -eq 2
run check;                    check "check without source exits 2" test $rc -eq 2
run build data/good.xml --pdf -o "$work/pdf"
check "--pdf exits 0" test $rc -eq 0
check "--pdf writes the PDF only" test -s "$work/pdf/good.pdf" -a ! -e "$work/pdf/good.epub"
run build data/good.xml --epub -o "$work/epub"
check "--epub writes the EPUB only" test -s "$work/epub/good.epub" -a ! -e "$work/epub/good.pdf"
run build data/good.xml --pdf --epub-fonts -o "$work/fonts-pdf"
check "--epub-fonts with --pdf only exits 2" test $rc -eq 2
run build data/good.xml --epub --epub-fonts -o "$work/fonts"
check "--epub-fonts prints the size the fonts add" grep -q 'note: the EPUB embeds .* KB' "$work/err"
check "--epub-fonts puts the faces in the EPUB" test -n "$(unzip -l "$work/fonts/good.epub" | grep 'EPUB/fonts/text\.')"
# The proof: a bad SOURCE_DATE_EPOCH writes nothing; without the reader PDF the
# proof's layout warnings are the build's (a character no font has).
SOURCE_DATE_EPOCH=12x run build data/good.xml --epub --proof -o "$work/bad-epoch"
check "a bad SOURCE_DATE_EPOCH exits 1" test $rc -eq 1
check "a bad SOURCE_DATE_EPOCH says so" grep -q 'SOURCE_DATE_EPOCH is not a whole number' "$work/err"
check "a bad SOURCE_DATE_EPOCH writes nothing" test -z "$(ls -A "$work/bad-epoch" 2>/dev/null)"
sed 's|</p>|𞤀</p>|' data/good.xml >"$work/missing-glyph.xml"
SOURCE_DATE_EPOCH=1764720000 run build "$work/missing-glyph.xml" --epub --proof -o "$work/proof-only"
check "--epub --proof reports the layout's warnings" grep -q 'warning: .*no font' "$work/err"
SOURCE_DATE_EPOCH=1764720000 run build "$work/missing-glyph.xml" --proof -o "$work/proof-pdf"
check "--proof with the PDF reports a warning once" test "$(grep -c 'warning: .*no font' "$work/err")" -eq 1
# One thread or two: the same PDF, byte for byte (the tang-poems sample has a TOC put first).
run build ../../content/tang-poems/publication.xml --pdf --threads 1 -o "$work/one"
check "--threads 1 exits 0" test $rc -eq 0
run build ../../content/tang-poems/publication.xml --pdf --threads 2 -o "$work/two"
check "--threads 1 and 2 write the same PDF" cmp -s "$work/one/tang-poems.pdf" "$work/two/tang-poems.pdf"
run build data/good.xml --threads 3; check "--threads 3 exits 2" test $rc -eq 2
check "--threads 3 says what it takes" grep -q -- '--threads takes 1 or 2' "$work/err"

# Page images: --pages needs an image to choose pages of and a well-formed range (exit 2, before any work).
run build data/good.xml --pages 1 -o "$work/pages"
check "--pages without an image exits 2" test $rc -eq 2
check "--pages without an image says what it is for" grep -q -- '--pages chooses the pages of --png, --svg or --contact' "$work/err"
check "--pages without an image writes nothing" test ! -e "$work/pages"
for bad in 5-3 0 1,,2 x - 1-2-3 ""; do
  run build data/good.xml --png --pages "$bad" -o "$work/pages"
  check "--pages '$bad' exits 2" test $rc -eq 2
  check "--pages '$bad' names the range" grep -q -- "^huozi: --pages" "$work/err"
done
run build data/good.xml --svg --pages; check "--pages without a range exits 2" test $rc -eq 2
run build data/good.xml --svg --dpi 72; check "--dpi without --png exits 2" test $rc -eq 2
run build data/good.xml --epub --svg --png --contact --dpi 36 --pages 1 -o "$work/images"
check "--svg --png --contact --pages 1 exits 0" test $rc -eq 0
check "... writes the images asked for" test -s "$work/images/good-page-001.png" -a -s "$work/images/good-page-001.svg" -a -s "$work/images/good-contact.png"
run build data/good.xml --png --pages 2 -o "$work/images2"
check "--pages past the end exits 1" test $rc -eq 1
check "--pages past the end names the page count" grep -q 'asks for page 2, but the book has 1 page;' "$work/err"
check "--pages past the end writes no image" test -z "$(ls "$work/images2" | grep -e '-page-' -e contact)"

# Every mistake in one run, in source order, with its place.
run check data/many-mistakes.xml
check "check with mistakes exits 1" test $rc -eq 1
expected="data/many-mistakes.xml:3:3: error: missing required metadata: <identifier>
data/many-mistakes.xml:5:5: error: date \"2021-13\"
data/many-mistakes.xml:9:12: error: link to \"#nowhere\"
data/many-mistakes.xml:10:7: error: duplicate id \"a\"
data/many-mistakes.xml:11:7: error: text outside a block
data/many-mistakes.xml:12:7: error: unknown element <para>
data/many-mistakes.xml:13:7: error: unknown attribute \"colour\"
data/many-mistakes.xml:14:15: error: image \"missing.png\" not found
data/many-mistakes.xml:15:7: error: include \"../../../../etc/passwd\": the path leads outside"
i=0
while IFS= read -r line; do
  i=$((i + 1))
  got=$(sed -n "${i}p" "$work/err")
  check "diagnostic $i: $line" test "${got:0:${#line}}" = "$line"
done <<<"$expected"
check "summary line counts 9 errors" grep -q '^huozi: 9 errors in data/many-mistakes.xml$' "$work/err"

run check data/broken-markup.xml
check "malformed XML exits 1" test $rc -eq 1
check "malformed XML names its place" grep -q '^data/broken-markup.xml:9:39: error: malformed XML' "$work/err"
run check data/does-not-exist.xml
check "missing source exits 1 and says so" test $rc -eq 1 -a -n "$(grep 'file not found' "$work/err")"

# A good build writes NAME.epub and prints its path.
run build data/good.xml -o "$work/out1"
check "good build exits 0" test $rc -eq 0
check "good build prints the output paths" test "$out" = "$work/out1/good.epub
$work/out1/good.pdf"
check "good build writes the EPUB and the PDF" test -s "$work/out1/good.epub" -a -s "$work/out1/good.pdf"
check "quiet when stderr is not a terminal" test -z "$err"

# A failed build leaves the last good output untouched and no temporary file.
cp "$work/out1/good.epub" "$work/good.copy"
cp data/broken-markup.xml "$work/good.xml"
run build "$work/good.xml" -o "$work/out1"
check "failed build exits 1" test $rc -eq 1
check "failed build keeps the previous EPUB" cmp -s "$work/out1/good.epub" "$work/good.copy"
check "failed build leaves no temporary file" test -z "$(ls -A "$work/out1" | grep -v '^good.epub$' | grep -v '^good.pdf$')"

# An output folder that cannot be made is a clear error.
touch "$work/a-file"
run build data/good.xml -o "$work/a-file/sub"
check "unwritable output exits 1" test $rc -eq 1
check "unwritable output names the folder" grep -q "a-file/sub" "$work/err"

# --writing-mode (issue 17): a second edition beside the first, and a page
# that holds lines but no columns refused before anything is written.
run build data/good.xml --writing-mode vertical -o "$work/out-v"
check "a vertical edition is written as NAME-vertical" test $rc -eq 0 -a -s "$work/out-v/good-vertical.pdf" -a -s "$work/out-v/good-vertical.epub"
run build data/good.xml --writing-mode sideways -o "$work/out-v"
check "an unknown writing mode is a usage error" test $rc -eq 2 -a -n "$(grep 'takes vertical or horizontal' "$work/err")"
sed 's|</metadata>|</metadata><layout size="200x60mm" columns="8"/>|' data/good.xml >"$work/low.xml"
run check "$work/low.xml"
check "a low page with eight columns is fine horizontally" test $rc -eq 0
run build "$work/low.xml" --writing-mode vertical -o "$work/out-low"
check "vertically it is refused, nothing written" test $rc -eq 1 -a ! -e "$work/out-low/low-vertical.epub" -a ! -e "$work/out-low/low-vertical.pdf"
check "the refusal says why" grep -q 'columns is shorter than six characters' "$work/err"
run pages --writing-mode vertical "$work/low.xml"
check "pages refuses it too" test $rc -eq 1 -a -n "$(grep 'shorter than six characters' "$work/err")"

# A chapter with its own writing mode: set so by a build as the source says;
# --writing-mode sets every page of the edition, that chapter's too.
sed 's|<chapter>|<chapter writing-mode="vertical">|; s|</body>|<chapter><title>第二</title><p>横排。</p></chapter></body>|' data/good.xml >"$work/mixed.xml"
run pages "$work/mixed.xml"
check "a vertical chapter's pages are traced as columns, the next chapter's as lines" \
  test $rc -eq 0 -a -n "$(grep -E '^  column .* 正文。' "$work/out")" -a -n "$(grep -E '^  text .* 横排。' "$work/out")"
run pages --writing-mode horizontal "$work/mixed.xml"
check "--writing-mode horizontal sets that chapter horizontally too" \
  test $rc -eq 0 -a -z "$(grep -E '^  column ' "$work/out")" -a -n "$(grep -E '^  text .* 正文。' "$work/out")"
run pages --writing-mode vertical "$work/mixed.xml"
check "--writing-mode vertical sets every chapter vertically" \
  test $rc -eq 0 -a -z "$(grep -E '^  text .* 横排。' "$work/out")" -a -n "$(grep -E '^  column .* 横排。' "$work/out")"
sed 's|<chapter>|<chapter writing-mode="vertical">|' "$work/low.xml" >"$work/low-chapter.xml"
run check "$work/low-chapter.xml"
check "a vertical chapter on a page with no room for columns is refused at the chapter" \
  test $rc -eq 1 -a -n "$(grep -E 'low-chapter.xml:[0-9]+:[0-9]+: error: writing-mode="vertical": .*shorter than six characters' "$work/err")"

echo "$passed passed, $failed failed"
test $failed -eq 0
