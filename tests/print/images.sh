#!/usr/bin/env bash
# A publication with images (tests/pdf/data/features.xml): preflight's
# effective resolution agrees with pdfimages -list, low resolution warns but
# does not fail, and no image is left in device RGB in the print file. Then
# the same with a PNG with an alpha channel as PDF/X-1a: the picture is
# flattened onto the paper (no soft mask left), every picture is CMYK or grey,
# and preflight finds nothing but the low resolutions.
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

# PDF/X-1a with a translucent picture (a red disc on a transparent ground).
mkdir -p "$work/src" && cp "$(dirname "$source")"/* "$work/src/"
python3 - "$work/src/disc.png" <<'PY'
import struct, sys, zlib
w = h = 64
rows = b""
for y in range(h):
    row = b"\0"
    for x in range(w):
        inside = (x - 32) ** 2 + (y - 32) ** 2 < 28 ** 2
        row += bytes((220, 40, 30, 255 if inside else 0))
    rows += row
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
sed -i 's|<figure id="fig1">|<figure><image src="disc.png" alt="红色圆盘"/><caption>透明底的图</caption></figure><figure id="fig1">|' "$work/src/$(basename "$source")"
grep -q 'disc.png' "$work/src/$(basename "$source")" || { echo "FAIL: the test could not add its picture"; exit 1; }
x1a=$("$huozi" build "$work/src/$(basename "$source")" --pdf --print=x1a -o "$work/x1a" | grep -- '-print\.pdf$')
"$huozi" preflight "$x1a" >"$work/x1a-preflight.txt" || { cat "$work/x1a-preflight.txt"; echo "FAIL: X-1a preflight failed"; exit 1; }
if grep -E '^(FAIL|warning)' "$work/x1a-preflight.txt" | grep -v 'ppi at print size' | grep -q .; then
  cat "$work/x1a-preflight.txt"; echo "FAIL: X-1a preflight found more than low resolutions"; status=1
fi
pdfimages -list "$x1a" | tee "$work/x1a-images.txt"
[[ $(awk 'NR > 2' "$work/x1a-images.txt" | wc -l) -ge 3 ]] || { echo "FAIL: pictures missing from the X-1a file"; status=1; }
if awk 'NR > 2 && ($3 == "smask" || ($6 != "cmyk" && $6 != "gray"))' "$work/x1a-images.txt" | grep -q .; then
  echo "FAIL: a soft mask or a picture neither CMYK nor grey in the X-1a file"; status=1
fi
exit $status
