#!/usr/bin/env bash
# Installs what huozi needs on Debian 12, and only what is missing: a second
# run makes no apt call. Usage: scripts/install-deps.sh [--test]
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config
  libpugixml-dev libzip-dev libharfbuzz-dev libfreetype-dev zlib1g-dev libpng-dev
  libfontconfig-dev libicu-dev libhyphen-dev hyphen-en-us
  libqpdf-dev icc-profiles-free liblcms2-dev libcairo2-dev libjpeg-dev
  fonts-noto-cjk fonts-hanazono fonts-arphic-ukai fonts-noto-core
)
test_packages=(
  libgtest-dev libbenchmark-dev python3 libxml2-utils epubcheck default-jre-headless
  poppler-utils mupdf-tools qpdf unzip ghostscript liblcms2-utils
  clang libclang-rt-14-dev
  chromium
)

want=("${build_packages[@]}")
[[ "${1:-}" == "--test" ]] && want+=("${test_packages[@]}")

missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# Node.js for the npm EPUB checker: any Node >= 18 will do, Debian's or another.
if [[ "${1:-}" == "--test" ]]; then
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi

if ((${#missing[@]})); then
  echo "huozi: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--test" ]]; then
  # The npm test tools (tests/tools/package.json): epubcheck-ts, Ace by DAISY,
  # puppeteer-core and epub.js. Installed again when the lock file is newer than
  # the installed tree. No install scripts: Puppeteer's would download a Chrome
  # of its own; the tests drive Debian's chromium (tests/tools/.puppeteerrc.cjs
  # says the same to an npm run by hand).
  tools="$(cd "$(dirname "$0")/.." && pwd)/tests/tools"
  if [[ ! -x "$tools/node_modules/.bin/epubcheck-ts" || ! -x "$tools/node_modules/.bin/ace-cli" ||
        ! -f "$tools/node_modules/epubjs/dist/epub.min.js" || ! -d "$tools/node_modules/puppeteer-core" ||
        "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]]; then
    echo "huozi: installing the npm test tools into tests/tools" >&2
    (cd "$tools" && PUPPETEER_SKIP_DOWNLOAD=true npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  fi
fi
