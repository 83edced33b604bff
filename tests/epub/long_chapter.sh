#!/usr/bin/env bash
# A book whose one chapter holds 200 pieces with a note each (some 150 KB of
# text): the EPUB splits it at its sections (issue 18, item 7), and both EPUB
# checkers and the accessibility check pass on it (run_checkers.sh).
# Usage: long_chapter.sh HUOZI WORKDIR TOOLSDIR
set -euo pipefail
huozi=$1 work=$2 tools=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work/long-chapter"
python3 "$here/long_chapter_source.py" "$work/long-chapter/publication.xml"
"$here/run_checkers.sh" "$huozi" "$work/long-chapter/publication.xml" "$work/checkers" "$tools"
files=$(unzip -l "$work/checkers/long-chapter.epub" | grep -c 'EPUB/chapter-')
(( files >= 3 )) || { echo "FAIL: the long chapter is in $files file(s), not split"; exit 1; }
echo "ok: the long chapter is in $files files"
