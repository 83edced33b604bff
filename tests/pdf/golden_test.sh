#!/usr/bin/env bash
# The page layout as a text trace (huozi pages), diffed against the checked-in
# expectation. After a deliberate layout change, regenerate with
#   UPDATE_GOLDEN=1 golden_test.sh HUOZI SOURCE.xml GOLDEN.trace [PAGES OPTIONS]
# and review the diff before committing it. PAGES OPTIONS: --writing-mode vertical.
set -euo pipefail
huozi=$1 source=$2 golden=$3
shift 3
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$huozi" pages "$@" "$source" >"$actual"
if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then cat "$actual" >"$golden"; echo "updated $golden"; exit 0; fi
if ! diff -u "$golden" "$actual" | head -60; then :; fi
cmp -s "$golden" "$actual" || { echo "FAIL: the layout differs from $golden"; exit 1; }
echo "layout matches $golden ($(grep -c '^page' "$golden") pages)"
