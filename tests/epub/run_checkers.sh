#!/usr/bin/env bash
# Builds one sample's EPUB and runs both EPUB checkers on it; each must report
# 0 errors and 0 warnings. Usage: run_checkers.sh HUOZI SOURCE.xml WORKDIR TOOLSDIR [BUILD OPTION…]
set -euo pipefail
huozi=$1 source=$2 work=$3 tools=$4
shift 4
rm -rf "$work" && mkdir -p "$work"
epub=$("$huozi" build "$source" --epub "$@" -o "$work")
[[ -f "$epub" ]] || { echo "no EPUB written"; exit 1; }

echo "== EPUBCheck 4.2.6 (Java)"
java -jar /usr/share/java/epubcheck.jar "$epub" >"$work/epubcheck.txt" 2>&1 || true
cat "$work/epubcheck.txt"
grep -q '^Messages: 0 fatals / 0 errors / 0 warnings' "$work/epubcheck.txt" ||
  { echo "FAIL: EPUBCheck reported problems"; exit 1; }

echo "== epubcheck-ts (EPUBCheck 5 / EPUB 3.3 port)"
"$tools/node_modules/.bin/epubcheck-ts" "$epub" --fail-on-warnings --json "$work/epubcheck-ts.json" \
  >"$work/epubcheck-ts.txt" 2>&1 || { cat "$work/epubcheck-ts.txt"; echo "FAIL: epubcheck-ts"; exit 1; }
python3 - "$work/epubcheck-ts.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
msgs = report.get("messages", [])
for m in msgs:
    print(m)
counts = {k: report.get(k) for k in ("fatals", "errors", "warnings")}
print("epubcheck-ts:", counts)
sys.exit(0 if counts == {"fatals": 0, "errors": 0, "warnings": 0} else 1)
PY

echo "== accessibility metadata (Ace by DAISY vocabularies)"
python3 "$(dirname "$0")/check_a11y.py" "$epub"
