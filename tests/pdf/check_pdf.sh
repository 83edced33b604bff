#!/usr/bin/env bash
# Builds one sample's PDF and holds it to the checks a print shop and a reader
# rely on: fonts embedded (no Type 3), text that copies out as written, no
# kinsoku violation, no overfull line, structurally valid, reproducible.
# Usage: check_pdf.sh HUOZI SOURCE.xml WORKDIR SHARED_TOOLS_DIR [prose|verse|newspaper|vertical|vertical-verse]
# prose: also hold typocheck's clreq targets (no lonely last character, Han
# spacing p95 <= 0.15 em, every mark pair compressed, every Han-Latin pair
# spaced). verse pages are not measured that way: short flush-left lines make
# typocheck's "usual right edge" meaningless.
# newspaper: prose, measured story by story (tests/newspaper/module_typocheck.py:
# headlines across a page's gutters hide its columns from typocheck); the
# aligned-match bar is not held, since the order a text extractor reads a
# page's modules in is its own guess (6-gram recall still is).
# vertical, vertical-verse: the publication set vertically (--writing-mode
# vertical): held to pdfcheck's bars as prose or verse but its kinsoku count
# (pdfcheck and typocheck group glyphs into horizontal rows), and measured
# column by column by tests/pdf/vertical_check.py instead: no overfull column,
# no kinsoku violation, no vertical presentation form (U+FE10–FE19,
# U+FE30–FE4F) in the text, and for prose typocheck's spacing targets.
set -euo pipefail
huozi=$(realpath "$1") source=$2 work=$3 tools=$4 kind=${5:-prose}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work/a" "$work/b"
build_args=()
# A source vertical of itself is checked as it is (a chapter of it may be horizontal).
case "$kind" in vertical*) grep -q '<publication[^>]*writing-mode="vertical"' "$source" || build_args=(--writing-mode vertical) ;; esac
pdf=$("$huozi" build "$source" --pdf "${build_args[@]}" -o "$work/a")
python3 "$here/source_text.py" "$source" >"$work/source.txt"

echo "== pdffonts"
pdffonts "$pdf" | tee "$work/fonts.txt"
if awk 'NR>2 && $0 !~ / yes +yes +yes +[0-9]+ +[0-9]+ *$/' "$work/fonts.txt" | grep -q .; then
  echo "FAIL: a font is not embedded, not subset, or has no ToUnicode map"; exit 1
fi
if grep -q 'Type 3' "$work/fonts.txt"; then echo "FAIL: Type 3 font"; exit 1; fi

echo "== pdfcheck"
python3 "$tools/pdfcheck.py" "$pdf" "$work/source.txt" >"$work/pdfcheck.json"
echo "== typocheck"
size=$(python3 -c "import sys,re; s=open(sys.argv[1]).read(); m=re.search(r'body-size=\"([0-9.]+)pt\"', s); print(m.group(1) if m else 10.5)" "$source")
if [[ "$kind" = vertical* ]]; then
  verse_flag=()
  if [ "$kind" = vertical-verse ]; then verse_flag=(--verse); fi
  # zh-Hant sets a pair holding one of its centred stops at full width (src/text/clreq.cpp).
  if grep -q 'xml:lang="zh-\(Hant\|TW\|HK\|MO\)' "$source"; then verse_flag+=(--centred-stops); fi
  python3 "$here/vertical_check.py" "$pdf" --tools "$tools" --size "$size" "${verse_flag[@]}" >"$work/typocheck.json"
elif [ "$kind" = newspaper ]; then
  python3 "$here/../newspaper/module_typocheck.py" "$huozi" "$source" "$pdf" "$tools" --size "$size" >"$work/typocheck.json"
else
  python3 "$tools/typocheck.py" "$pdf" --size "$size" >"$work/typocheck.json"
fi
python3 - "$work/pdfcheck.json" "$work/typocheck.json" "$kind" <<'PY'
import json, sys
p = json.load(open(sys.argv[1])); t = json.load(open(sys.argv[2])); prose = sys.argv[3] in ("prose", "vertical")
f, k = p["fidelity"], p["kinsoku"]
newspaper = sys.argv[3] == "newspaper"
vertical = sys.argv[3].startswith("vertical")
horizontal_prose = (prose or newspaper) and not vertical
prose = prose or newspaper
print(json.dumps({"pages": p["pages"], "qpdf": p["qpdf_check"], "char_recall": f["char_recall"],
                  "ngram_recall": f["ngram_recall"], "match_pct": f["match_pct"],
                  "missing": f["missing_top"], "kinsoku": k["violations"], "examples": k["examples"]},
                 ensure_ascii=False, indent=1))
print(json.dumps(t, ensure_ascii=False, indent=1))
fail = []
if not p["fonts_all_embedded"]: fail.append("fonts not all embedded")
if p["qpdf_check"] != "ok": fail.append("qpdf --check: %s" % p["qpdf_check"])
if f["char_recall"] < 1.0: fail.append("characters lost: %s" % f["missing_top"])
# Text the PDF adds (heading numbers, list marks, ruby, running heads) and
# moves (footnotes to the page foot) breaks some 6-grams and shifts the
# alignment; lost or reordered text would show far below these bars.
min_ngram = 0.95 if prose else 0.75
if f["ngram_recall"] < min_ngram: fail.append("6-gram recall %.4f < %.2f" % (f["ngram_recall"], min_ngram))
if f["match_pct"] < 85 and not newspaper: fail.append("aligned match %.1f %% < 85 %%" % f["match_pct"])
if f["compat_ideographs"]: fail.append("compatibility ideographs in the text")
# pdfcheck reads rows across a vertical page's columns: vertical_check.py holds kinsoku there.
if k["violations"] and not vertical: fail.append("kinsoku violations: %s" % k["examples"])
if vertical:
    fail += t["failures"]
if horizontal_prose:
    if t["lonely_last_lines"]: fail.append("lonely last characters: %d" % t["lonely_last_lines"])
    if (t["han_gap_p95_em"] or 0) > 0.15: fail.append("Han spacing p95 %.3f em > 0.15" % t["han_gap_p95_em"])
    if t["punct_pairs"] and t["punct_compressed_pct"] < 100: fail.append("uncompressed mark pairs")
    if t["han_latin_pairs"] and t["han_latin_spaced_pct"] < 100: fail.append("unspaced Han-Latin pairs")
    if t["overfull_lines"]: fail.append("overfull lines: %d" % t["overfull_lines"])
for m in fail: print("FAIL:", m)
sys.exit(1 if fail else 0)
PY

echo "== reproducible"
pdf2=$("$huozi" build "$source" --pdf "${build_args[@]}" -o "$work/b")
cmp "$pdf" "$pdf2" || { echo "FAIL: two builds differ"; exit 1; }
echo "ok"
