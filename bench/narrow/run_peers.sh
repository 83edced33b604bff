#!/bin/sh
# bench/narrow/run_peers.sh [HUOZI] [WORKDIR]: huozi, Typst 0.14 and XeLaTeX (ctex) on the
# narrow-measure paragraphs at 11 and 13 em (issue 14), each PDF through the shared
# typocheck.py and pdfcheck.py; prints the Markdown table of bench/RESULTS.md.
# HUOZI defaults to build/src/huozi, WORKDIR to bench/out/narrow (the PDFs stay there).
# Needs: node + npm (Typst's node compiler, installed here with `npm ci` as bench/run
# does), xelatex with ctex (Debian: texlive-xetex texlive-lang-chinese), mutool,
# poppler-utils, qpdf, fonts-noto-cjk; the shared tools beside the repository
# (HUOZI_SHARED_DIR, default ../shared).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
huozi=${1:-$repo/build/src/huozi}
work=${2:-$repo/bench/out/narrow}
shared=${HUOZI_SHARED_DIR:-$repo/../shared}
[ -x "$huozi" ] || { echo "run_peers.sh: no huozi at $huozi (build it first)" >&2; exit 2; }
command -v xelatex >/dev/null || { echo "run_peers.sh: no xelatex: apt-get install texlive-xetex texlive-lang-chinese" >&2; exit 2; }
[ -d "$repo/bench/typst/node_modules" ] ||
  (cd "$repo/bench/typst" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$work"
echo "# $(date -u +%Y-%m-%d) git $(git -C "$repo" rev-parse --short HEAD); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(node "$repo/bench/typst/compile.js" --version); $(xelatex --version | head -1)"
exec python3 "$repo/bench/narrow/peers.py" "$huozi" "$work" --widths 11,13 --scripts zh-Hans,zh-Hant \
  --tools "$shared/tools" --json "$work/rows.json"
