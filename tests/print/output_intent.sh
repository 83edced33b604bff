#!/usr/bin/env bash
# HUOZI_OUTPUT_ICC: a print shop's output profile becomes the OutputIntent
# (preflight then has no warning about it); a display profile is refused.
# Usage: output_intent.sh HUOZI SOURCE.xml WORKDIR
set -euo pipefail
huozi=$(realpath "$1") source=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" && python3 "$here/make_bad_pdfs.py" "$work/profiles"
HUOZI_OUTPUT_ICC="$work/profiles/press-cmyk.icc" "$huozi" build "$source" --print -o "$work/out" >"$work/files.txt"
print=$(grep -- '-print\.pdf$' "$work/files.txt")
grep -q '\.epub$' "$work/files.txt" || { echo "FAIL: --print alone should build the EPUB too"; exit 1; }
"$huozi" preflight "$print" | tee "$work/preflight.txt"
grep -q "output intent  GTS_PDFX \"Custom\", CMYK profile, class 'prtr'" "$work/preflight.txt"
grep -q "result: ok (0 failures, 0 warnings)" "$work/preflight.txt"
if HUOZI_OUTPUT_ICC=/usr/share/color/icc/sRGB.icc "$huozi" build "$source" --print -o "$work/bad" 2>"$work/err.txt"; then
  echo "FAIL: a display profile was taken as the OutputIntent"; exit 1
fi
grep -q "is a 'mntr' profile; the OutputIntent needs an output ('prtr') profile" "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
[[ ! -e "$work/bad/$(basename "$print")" ]] || { echo "FAIL: a print file was left behind"; exit 1; }
echo ok
