#!/usr/bin/env bash
# Builds one sample with --print and holds the print PDF and the cover to what
# a print shop checks: huozi preflight, qpdf --check, fonts embedded (pdffonts),
# page boxes as numbers (pdfinfo -box), marks outside the trim and bleed in a
# 50 dpi rendering, the binding edge (a vertically set publication is bound on
# the right: /Direction /R2L, the cover's front on the left), and
# byte-identical rebuilds.
# Usage: check_print.sh HUOZI SOURCE.xml WORKDIR [BUILD_OPTIONS (default: --pdf --print)]
# With HUOZI_SHARED_TOOLS set to shared/tools, also checks that the text still
# copies out of the print file as written (pdfcheck.py).
set -euo pipefail
huozi=$(realpath "$1") source=$2 work=$3 options=${4:---pdf --print} tools=${HUOZI_SHARED_TOOLS:-}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work/a" "$work/b"
# shellcheck disable=SC2086
"$huozi" build "$source" $options -o "$work/a" >"$work/files.txt" 2>"$work/build-err.txt" || { cat "$work/build-err.txt"; exit 1; }
reader=$(grep '\.pdf$' "$work/files.txt" | sed -n 1p) print=$(grep '\.pdf$' "$work/files.txt" | sed -n 2p)
cover=$(grep '\.pdf$' "$work/files.txt" | sed -n 3p)
# A periodical has no cover unless its <layout> asks for one (cover="yes"); a book has one unless cover="no".
wants_cover=yes
if grep -q '<publication[^>]*type="periodical"' "$source"; then wants_cover=no; fi
if grep -q '<layout[^>]*cover="yes"' "$source"; then wants_cover=yes; fi
if grep -q '<layout[^>]*cover="no"' "$source"; then wants_cover=no; fi
# A vertically set publication (竖排) is bound on the right; any other on the left.
edge=left
if grep -q '<publication[^>]*writing-mode="vertical"' "$source"; then edge=right; fi
[[ "$print" == *-print.pdf ]] || { echo "FAIL: build wrote $(cat "$work/files.txt")"; exit 1; }
if [[ $wants_cover == yes ]]; then
  [[ "$cover" == *-cover.pdf ]] || { echo "FAIL: no cover: build wrote $(cat "$work/files.txt")"; exit 1; }
else
  [[ -z "$cover" ]] || { echo "FAIL: a cover for a publication without one: $cover"; exit 1; }
fi

for pdf in "$print" $cover; do
  echo "== preflight $(basename "$pdf")"
  "$huozi" preflight "$pdf" | tee "$work/preflight.txt"
  grep -q '^result: ok (0 failures, 0 warnings)' "$work/preflight.txt" || { echo "FAIL: preflight of huozi's own file is not clean"; exit 1; }
  if [[ "$options" == *--print=x1a* ]]; then
    grep -q 'PDF/X-1:2001 (Info), PDF/X-1:2001 (XMP), conformance PDF/X-1a:2001 (Info)' "$work/preflight.txt" ||
      { echo "FAIL: no PDF/X-1a identification"; exit 1; }
  else
    grep -q 'PDF/X-4 (Info), PDF/X-4 (XMP)' "$work/preflight.txt" || { echo "FAIL: no PDF/X-4 identification"; exit 1; }
  fi
  echo "== qpdf --check"
  qpdf --check "$pdf" >"$work/qpdf.txt" || { cat "$work/qpdf.txt"; echo "FAIL: qpdf --check"; exit 1; }
  echo "== pdffonts"
  pdffonts "$pdf" | tee "$work/fonts.txt"
  if awk 'NR>2 && $0 !~ / yes +yes +yes +[0-9]+ +[0-9]+ *$/' "$work/fonts.txt" | grep -q .; then
    echo "FAIL: a font is not embedded"; exit 1
  fi
  if grep -q 'Type 3' "$work/fonts.txt"; then echo "FAIL: Type 3 font"; exit 1; fi
done

echo "== page order (bound on the $edge)"
order=$(python3 "$here/page_order.py" "$print")
"$huozi" preflight "$print" | grep '^  page order' | tee "$work/page-order.txt"
if [[ $edge == right ]]; then
  [[ $order == R2L ]] || { echo "FAIL: a book bound on the right without /Direction /R2L in the print file"; exit 1; }
  grep -q 'right to left' "$work/page-order.txt" || { echo "FAIL: preflight does not say right to left"; exit 1; }
else
  [[ $order == L2R ]] || { echo "FAIL: a book bound on the left with /Direction /R2L in the print file"; exit 1; }
  grep -q 'left to right' "$work/page-order.txt" || { echo "FAIL: preflight does not say left to right"; exit 1; }
fi

echo "== text still copies out of the print file (shared pdfcheck.py)"
if [[ -n "$tools" ]]; then
  python3 "$here/../pdf/source_text.py" "$source" >"$work/source.txt"
  python3 "$tools/pdfcheck.py" "$print" "$work/source.txt" >"$work/pdfcheck.json"
  # Every character, in order (n-gram recall 0.9). A vertical book's order in
  # copy-out is the reader PDF's (how its writer shows vertical text): the
  # print file is held to the reader PDF's n-gram recall less 0.05, and to 0.9
  # once the reader PDF reaches 0.95.
  if [[ $edge == right ]]; then
    python3 "$tools/pdfcheck.py" "$reader" "$work/source.txt" >"$work/pdfcheck-reader.json"
  else
    echo '{"fidelity": {"ngram_recall": 1}}' >"$work/pdfcheck-reader.json"
  fi
  python3 - "$work/pdfcheck.json" "$work/pdfcheck-reader.json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["fidelity"]
reader = json.load(open(sys.argv[2]))["fidelity"]["ngram_recall"]
least = min(0.9, reader - 0.05)
print("char_recall", f["char_recall"], "ngram_recall", f["ngram_recall"], "(at least %.3g)" % least)
sys.exit(0 if f["char_recall"] == 1.0 and f["ngram_recall"] >= least else 1)
PY
fi

echo "== pdfinfo -box and pixels"
pages=$(pdfinfo "$reader" | awk '/^Pages:/ {print $2}')
pdfinfo -box -f 1 -l "$pages" "$reader" >"$work/reader-boxes.txt"
pdfinfo -box -f 1 -l "$pages" "$print" >"$work/print-boxes.txt"
pdftoppm -r 50 -png -f 1 -l 1 -singlefile "$print" "$work/print-1"
if [[ -n "$cover" ]]; then
  pdfinfo -box "$cover" >"$work/cover-boxes.txt"
  pdftoppm -r 50 -png -singlefile "$cover" "$work/cover"
else
  : >"$work/cover-boxes.txt"
fi
# Bleed, paper thickness and binding as the source sets them (defaults 3 mm, 0.1 mm, perfect).
read -r bleed thickness binding < <(python3 - "$source" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
layout = re.search(r"<layout\b[^>]*>", s)
layout = layout.group(0) if layout else ""
def mm(name, default):
    m = re.search(name + r'="([0-9.]+)mm"', layout)
    return m.group(1) if m else default
binding = re.search(r'binding="(\w+)"', layout)
print(mm("bleed", "3"), mm("paper-thickness", "0.1"), binding.group(1) if binding else "perfect")
PY
)
python3 "$here/check_print.py" "$work/reader-boxes.txt" "$work/print-boxes.txt" "$work/cover-boxes.txt" \
  "$work/print-1.png" "$work/cover.png" "$bleed" "$thickness" "$binding" "$edge"

echo "== reproducible"
# shellcheck disable=SC2086
"$huozi" build "$source" $options -o "$work/b" >/dev/null 2>&1
cmp "$print" "$work/b/$(basename "$print")" || { echo "FAIL: two print builds differ"; exit 1; }
if [[ -n "$cover" ]]; then
  cmp "$cover" "$work/b/$(basename "$cover")" || { echo "FAIL: two cover builds differ"; exit 1; }
fi
echo "ok"
