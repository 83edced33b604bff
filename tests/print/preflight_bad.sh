#!/usr/bin/env bash
# huozi preflight on PDFs a print shop would refuse: each fails (exit 1) with
# the message that says why; a low-resolution image, small text in several
# inks and a hairline only warn (exit 0). A good CMYK PDF/X-4 file passes clean.
# Usage: preflight_bad.sh HUOZI WORKDIR
set -uo pipefail
huozi=$(realpath "$1") work=$2
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && python3 "$here/make_bad_pdfs.py" "$work" || exit 1
status=0
expect() {  # FILE EXIT MESSAGE
  "$huozi" preflight "$work/$1" >"$work/$1.txt" 2>&1
  local code=$?
  if [[ $code != "$2" ]] || ! grep -qF -- "$3" "$work/$1.txt"; then
    echo "FAIL: $1: wanted exit $2 and \"$3\", got exit $code:"; cat "$work/$1.txt"; status=1
  else
    echo "ok: $1: exit $code, $3"
  fi
}
expect unembedded.pdf 1 "FAIL: font Helvetica is not embedded (page 1)"
expect boxes.pdf 1 "FAIL: TrimBox reaches outside the BleedBox (page 2)"
expect notrim.pdf 1 "FAIL: no TrimBox: the printer cannot tell where the page is cut (page 1)"
expect nointent.pdf 1 "FAIL: no PDF/X OutputIntent"
expect type3.pdf 1 "FAIL: Type 3 font"
expect lowres.pdf 0 "warning: image /Im1 is 10 × 10 px at 10 ppi at print size (under 300 ppi) (page 1)"
expect inline.pdf 0 "warning: image (inline) is 4 × 4 px at 8 ppi at print size (under 300 ppi) (page 1)"
expect notapdf.pdf 1 "FAIL: cannot read the PDF"
# The output intent: a CMYK output ('prtr') profile, embedded.
expect rgbintent.pdf 1 "FAIL: the OutputIntent's ICC profile is RGB, class 'prtr': a press needs a CMYK output ('prtr') profile for its printing condition"
expect noprofile.pdf 1 "FAIL: the OutputIntent embeds no ICC profile (DestOutputProfile): the printing condition's colours are unknown"
# GWG2015's checks on what is painted; places in mm from the trim's lower left.
expect richblack.pdf 1 "FAIL: rich black text under 12 pt (K with C, M or Y): set small text in black ink alone (page 1, at 18.2, 194.6 mm: 9 pt in C 60 M 40 Y 40 K 100 %)"
expect cmytext.pdf 0 "warning: text under 12 pt in more than one ink: the plates' registration decides its sharpness (page 1, at 18.2, 194.6 mm: 8 pt in C 0 M 100 Y 100 K 0 %)"
expect whiteop.pdf 1 "FAIL: white set to overprint: it vanishes on press (page 1, at 18.2, 18.2 mm: fill in C 0 M 0 Y 0 K 0 %, OPM 1)"
expect hairline.pdf 0 "warning: line thinner than 0.125 pt: it may break up or not print (page 1, at 18.2, 18.2 mm: 0.1 pt in C 0 M 0 Y 0 K 100 %)"
expect tac.pdf 1 "FAIL: total area coverage (C+M+Y+K) over the 300 % limit (page 1, 380 % at 18.2, 18.2 mm: fill in C 100 M 100 Y 100 K 80 %)"
expect tac.pdf 1 "limit 300 % (from the profile's description)"  # LittleCMS cannot read it: no tables
expect tacimage.pdf 1 "FAIL: total area coverage (C+M+Y+K) over the 300 % limit (page 1, 390 % at 44.6, 44.6 mm: image /Im1)"
expect tac-coated.pdf 0 "limit 330 % (from the output profile, by LittleCMS)"
expect tac-coated.pdf 0 "result: ok (0 failures, 0 warnings)"
expect tiling.pdf 1 "FAIL: total area coverage (C+M+Y+K) over the 300 % limit (page 1, 400 % at 18.2, 18.2 mm: fill in C 100 M 100 Y 100 K 100 %)"
expect inkbomb.pdf 0 "note: image not fully scanned for ink coverage (page 1, image /Im1: only its first 64 MB of samples were scanned)"
# PDF/X-1a's restrictions.
expect x1a-rgb.pdf 1 "FAIL: RGB left in a PDF/X-1a file: PDF/X-1a takes CMYK, gray and spot colours only (page 1, image /Im1 in DeviceRGB)"
expect x1a-transparency.pdf 1 "FAIL: transparency in a PDF/X-1a file: PDF/X-1a takes flattened files only (page 1, ExtGState /GS1: ca 0.5)"
expect x1a-header.pdf 1 "FAIL: PDF 1.6 header in a PDF/X-1a file: PDF/X-1a is PDF 1.4 at most"
expect x1a-header.pdf 1 "FAIL: Trapped is not True or False: PDF/X-1a requires one of them"
expect x1a-2001-header.pdf 1 "FAIL: PDF 1.4 header in a PDF/X-1a:2001 file: PDF/X-1a:2001 is PDF 1.3"
expect x1a-inline-palette.pdf 1 "FAIL: RGB left in a PDF/X-1a file: PDF/X-1a takes CMYK, gray and spot colours only (page 1, image (inline) in Indexed on DeviceRGB)"
expect x1a-v4.pdf 1 "FAIL: ICC v4 output profile in a PDF/X-1a file: PDF/X-1a and X-3 take ICC v2 profiles only"
expect good-x4.pdf 0 "result: ok (0 failures, 0 warnings)"
# Usage: one file.
"$huozi" preflight >/dev/null 2>&1; [[ $? == 2 ]] || { echo "FAIL: preflight without a file should exit 2"; status=1; }
grep -q "result: ok (0 failures, 1 warning)" "$work/lowres.pdf.txt" || { echo "FAIL: lowres.pdf should have only the warning"; cat "$work/lowres.pdf.txt"; status=1; }
# Only one hairline counts: not the one among the marks, nor the one in the registration colour.
for file in hairline cmytext; do
  grep -q "result: ok (0 failures, 1 warning)" "$work/$file.pdf.txt" || { echo "FAIL: $file.pdf should have only the warning"; cat "$work/$file.pdf.txt"; status=1; }
done
grep -q "times" "$work/hairline.pdf.txt" && { echo "FAIL: hairline.pdf: a mark or the registration line counted"; status=1; }
# The GWG2015 checks case by case: graphics state, colour spaces, ink limits, PDF/X-1a.
python3 "$here/preflight_gwg.py" "$huozi" "$work/gwg" >"$work/gwg.txt" 2>&1 || { cat "$work/gwg.txt"; status=1; }
tail -1 "$work/gwg.txt"
exit $status
