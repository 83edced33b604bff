#!/usr/bin/env bash
# The checkers themselves must catch a broken EPUB, or a green run proves nothing.
set -euo pipefail
work=$1 tools=$2
rm -rf "$work" && mkdir -p "$work"
python3 - "$work/broken.epub" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
    z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles></container>')
    z.writestr("EPUB/package.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>t</dc:title><dc:language>zh</dc:language></metadata><manifest><item id="a" href="missing.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>')
PY
if java -jar /usr/share/java/epubcheck.jar "$work/broken.epub" >"$work/java.txt" 2>&1 &&
   grep -q '0 errors' "$work/java.txt"; then
  echo "FAIL: EPUBCheck passed a broken EPUB"; exit 1
fi
if "$tools/node_modules/.bin/epubcheck-ts" "$work/broken.epub" --fail-on-warnings >"$work/ts.txt" 2>&1; then
  echo "FAIL: epubcheck-ts passed a broken EPUB"; exit 1
fi
echo "both checkers reject the broken EPUB"
