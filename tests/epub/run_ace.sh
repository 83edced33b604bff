#!/usr/bin/env bash
# Ace by DAISY (issue 18) on one EPUB: the sample SOURCE.xml is built (or an
# .epub is taken as it is) and checked; any violation of any severity
# (critical, serious, moderate, minor) fails, each one listed. Ace drives
# Chromium through Puppeteer: Debian's chromium, never a downloaded Chrome.
# Usage: run_ace.sh HUOZI SOURCE.xml|BOOK.epub WORKDIR TOOLSDIR
set -euo pipefail
huozi=$1 source=$2 work=$3 tools=$4
export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
[[ -x "$PUPPETEER_EXECUTABLE_PATH" ]] ||
  { echo "FAIL: no Chromium at $PUPPETEER_EXECUTABLE_PATH (Debian package chromium; scripts/install-deps.sh --test)"; exit 1; }
rm -rf "$work" && mkdir -p "$work"
if [[ "$source" == *.epub ]]; then
  epub=$source
else
  epub=$("$huozi" build "$source" --epub -o "$work")
fi
[[ -f "$epub" ]] || { echo "no EPUB written"; exit 1; }

echo "== Ace by DAISY $("$tools/node_modules/.bin/ace-cli" --version 2>/dev/null | tail -1) on $(basename "$epub")"
"$tools/node_modules/.bin/ace-cli" --silent --force --outdir "$work/ace" --tempdir "$work/tmp" "$epub" \
  >"$work/ace.log" 2>&1 || { cat "$work/ace.log"; echo "FAIL: Ace did not run"; exit 1; }
[[ -f "$work/ace/report.json" ]] || { cat "$work/ace.log"; echo "FAIL: Ace wrote no report"; exit 1; }
python3 - "$work/ace/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
checked, found = [], []
for doc in report.get("assertions", []):
    url = doc["earl:testSubject"]["url"]
    checked.append(url)
    for a in doc.get("assertions", []):
        test, result = a["earl:test"], a["earl:result"]
        where = ", ".join(result.get("earl:pointer", {}).get("css", []))
        found.append("%s %s: %s (%s) at %s: %s" % (
            test.get("earl:impact", "?"), test.get("dct:title", "?"), url, test.get("dct:description", ""),
            where or "-", result.get("dct:description", "").splitlines()[0] if result.get("dct:description") else ""))
outcome = report.get("earl:result", {}).get("earl:outcome")
print("Ace checked %d files: %s" % (len(checked), " ".join(sorted(checked))))
meta = report.get("a11y-metadata", {})
print("accessibility metadata present: %s" % ", ".join(meta.get("present", [])))
for line in found:
    print("VIOLATION " + line)
print("Ace: outcome %s, %d violation(s)" % (outcome, len(found)))
# A report that checked no content document shows nothing.
if not any(u.endswith(".xhtml") for u in checked):
    sys.exit("FAIL: Ace checked no content document")
sys.exit(0 if outcome == "pass" and not found else 1)
PY
