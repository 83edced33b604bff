#!/usr/bin/env bash
# Installs what huozi needs on Debian 12, and only what is missing: a second
# run makes no apt call. Usage: scripts/install-deps.sh [--test]
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config
  libpugixml-dev libzip-dev libharfbuzz-dev libfreetype-dev zlib1g-dev libpng-dev
  libfontconfig-dev libicu-dev libhyphen-dev hyphen-en-us
  libqpdf-dev icc-profiles-free liblcms2-dev libcairo2-dev libjpeg-dev
  fonts-noto-cjk fonts-hanazono fonts-arphic-ukai
)
test_packages=(
  libgtest-dev libbenchmark-dev python3 libxml2-utils epubcheck default-jre-headless
  poppler-utils mupdf-tools qpdf unzip ghostscript liblcms2-utils
  clang libclang-rt-14-dev
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
  tools="$(cd "$(dirname "$0")/.." && pwd)/tests/tools"
  if [[ ! -x "$tools/node_modules/.bin/epubcheck-ts" ]]; then
    echo "huozi: installing the npm EPUB checker into tests/tools" >&2
    (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
fi
