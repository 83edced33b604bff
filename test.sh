#!/usr/bin/env bash
# Installs what is missing (build and test tools), builds huozi with its tests
# and runs the whole suite with ctest; then the same suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer, and a minute of fuzzing.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh --test
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"

# Any sanitizer report fails its test, and LeakSanitizer must find no leak
# (tests/lsan.supp names two leaks inside fontconfig and cairo, not huozi's).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON -DHUOZI_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --test-dir build-asan --output-on-failure -j"$(nproc)"

# XML -> model -> EPUB under libFuzzer (tests/fuzz/README.md).
tests/fuzz/run.sh 60
