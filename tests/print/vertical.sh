#!/usr/bin/env bash
# A vertically set book (竖排, issue 17) is bound on the right: the sample made
# vertical (<publication writing-mode="vertical">) goes through every check of
# check_print.sh in PDF/X-4 and PDF/X-1a, which then also asserts the print
# file's /ViewerPreferences /Direction /R2L and a cover reading front, spine,
# back from left to right. The same sample as it is (horizontal) keeps
# /Direction absent and back, spine, front (print.checks.*).
# Usage: vertical.sh HUOZI SAMPLE_DIR WORKDIR
set -euo pipefail
huozi=$1 sample=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work/src"
cp -r "$sample" "$work/src/book"
sed -i '0,/<publication /s//<publication writing-mode="vertical" /' "$work/src/book/publication.xml"
grep -q '<publication writing-mode="vertical"' "$work/src/book/publication.xml"
"$here/check_print.sh" "$huozi" "$work/src/book/publication.xml" "$work/x4"
"$here/check_print.sh" "$huozi" "$work/src/book/publication.xml" "$work/x1a" "--pdf --print=x1a"
echo ok
