#!/usr/bin/env bash
# A publication with images (tests/pdf/data/features.xml): preflight's
# effective resolution agrees with pdfimages -list, low resolution warns but
# does not fail, and no image is left in device RGB in the print file.
# Usage: images.sh HUOZI SOURCE.xml WORKDIR
set -euo pipefail
huozi=$(realpath "$1") source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
print=$("$huozi" build "$source" --pdf --print -o "$work" | grep -- '-print\.pdf$')
"$huozi" preflight "$print" >"$work/preflight.txt" || { cat "$work/preflight.txt"; echo "FAIL: preflight failed"; exit 1; }
pdfimages -list "$print" | tee "$work/images.txt"
status=0
while read -r page ppi; do
  grep -q "at $ppi ppi at print size (under 300 ppi) (page $page)" "$work/preflight.txt" ||
    { echo "FAIL: preflight does not report page $page's image at $ppi ppi"; status=1; }
done < <(awk 'NR > 2 {print $1, $13}' "$work/images.txt")
[[ $(awk 'NR > 2' "$work/images.txt" | wc -l) -gt 0 ]] || { echo "FAIL: no images in the print PDF"; status=1; }
if awk 'NR > 2 && $6 == "rgb"' "$work/images.txt" | grep -q .; then echo "FAIL: a DeviceRGB image"; status=1; fi
cat "$work/preflight.txt"
exit $status
