#!/usr/bin/env bash
# HUOZI_OUTPUT_ICC: a print shop's output profile becomes the OutputIntent and
# the colours are separated for it (Ghostscript's CMYK press profile stands in
# for the shop's); a display profile is refused, and so is a profile LittleCMS
# cannot read.
# Usage: output_intent.sh HUOZI SOURCE.xml WORKDIR
set -euo pipefail
huozi=$(realpath "$1") source=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" && python3 "$here/make_bad_pdfs.py" "$work/profiles"
shop=/usr/share/color/icc/ghostscript/default_cmyk.icc  # Debian's ghostscript: a test dependency only
HUOZI_OUTPUT_ICC=$shop "$huozi" build "$source" --print -o "$work/out" >"$work/files.txt"
print=$(grep -- '-print\.pdf$' "$work/files.txt")
grep -q '\.epub$' "$work/files.txt" || { echo "FAIL: --print alone should build the EPUB too"; exit 1; }
"$huozi" preflight "$print" | tee "$work/preflight.txt"
grep -q "output intent  GTS_PDFX \"Custom\", CMYK profile, class 'prtr'" "$work/preflight.txt"
grep -q "result: ok (0 failures, 0 warnings)" "$work/preflight.txt"
# The file embeds the shop's profile, byte for byte.
qpdf --qdf --object-streams=disable "$print" "$work/print.qdf"
oi=$(grep -a -o '/DestOutputProfile [0-9]*' "$work/print.qdf" | awk '{print $2}')
qpdf --show-object="$oi" --filtered-stream-data "$work/print.qdf" | cmp - "$shop" || { echo "FAIL: the OutputIntent is not the shop's profile"; exit 1; }
# A profile whose header says CMYK press but that LittleCMS cannot read is refused before anything is written.
if HUOZI_OUTPUT_ICC="$work/profiles/press-cmyk.icc" "$huozi" build "$source" --print -o "$work/fake" 2>"$work/fake.txt"; then
  echo "FAIL: an unreadable profile was used"; exit 1
fi
grep -q "LittleCMS cannot use" "$work/fake.txt" || { cat "$work/fake.txt"; exit 1; }
[[ ! -e "$work/fake/$(basename "$print")" ]] || { echo "FAIL: a print file was left behind"; exit 1; }
if HUOZI_OUTPUT_ICC=/usr/share/color/icc/sRGB.icc "$huozi" build "$source" --print -o "$work/bad" 2>"$work/err.txt"; then
  echo "FAIL: a display profile was taken as the OutputIntent"; exit 1
fi
grep -q "is a 'mntr' profile; the OutputIntent needs an output ('prtr') profile" "$work/err.txt" || { cat "$work/err.txt"; exit 1; }
[[ ! -e "$work/bad/$(basename "$print")" ]] || { echo "FAIL: a print file was left behind"; exit 1; }
echo ok
