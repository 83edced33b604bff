#!/usr/bin/env bash
# huozi preflight on PDFs a print shop would refuse: each fails (exit 1) with
# the message that says why; a low-resolution image only warns (exit 0).
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
# Usage: one file.
"$huozi" preflight >/dev/null 2>&1; [[ $? == 2 ]] || { echo "FAIL: preflight without a file should exit 2"; status=1; }
grep -q "result: ok (0 failures, 1 warning)" "$work/lowres.pdf.txt" || { echo "FAIL: lowres.pdf should have only the warning"; cat "$work/lowres.pdf.txt"; status=1; }
exit $status
