#!/usr/bin/env bash
# Installs what is missing, builds huozi (Release) and builds every sample
# publication in content/ into output/.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build -j"$(nproc)"
mkdir -p output
status=0
for source in content/*/publication.xml; do
  build/src/huozi build "$source" -o output || status=1
done
# The Tang anthology set vertically too (竖排): output/tang-poems-vertical.*
build/src/huozi build content/tang-poems/publication.xml --writing-mode vertical -o output || status=1
exit $status
