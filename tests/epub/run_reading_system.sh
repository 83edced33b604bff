#!/usr/bin/env bash
# The reading-system test (issue 18): each SOURCE's EPUB built and unzipped,
# then every content document laid out in headless Chromium at 320, 390 and
# 820 px and in epub.js paginated, all books in one Chromium (its start is
# most of a small book's time); reading_system.js says what is checked.
# Usage: run_reading_system.sh HUOZI WORKDIR TOOLSDIR SOURCE.xml… [reading_system.js option…]
set -euo pipefail
huozi=$1 work=$2 tools=$3
shift 3
export PUPPETEER_EXECUTABLE_PATH=${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}
[[ -x "$PUPPETEER_EXECUTABLE_PATH" ]] ||
  { echo "FAIL: no Chromium at $PUPPETEER_EXECUTABLE_PATH (Debian package chromium; scripts/install-deps.sh --test)"; exit 1; }
rm -rf "$work" && mkdir -p "$work/epub"
books=()
while (($#)) && [[ "$1" != --* ]]; do
  epub=$("$huozi" build "$1" --epub -o "$work/epub")
  [[ -f "$epub" ]] || { echo "no EPUB written for $1"; exit 1; }
  book=$work/$(basename "$epub" .epub)
  unzip -q "$epub" -d "$book"
  books+=("$book")
  shift
done
node "$(dirname "$0")/reading_system.js" "$tools" "${books[@]}" "$@"
