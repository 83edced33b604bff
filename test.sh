#!/usr/bin/env bash
# The test command. Installs what is missing (build and test tools), then:
#   1. a Release build and the whole suite (ctest);
#   2. an AddressSanitizer + UndefinedBehaviorSanitizer build of only what the
#      tests of untrusted input run (ctest label "untrusted": the loader's unit
#      tests, the hostile inputs, the fuzz findings and seeds replayed, the EPUB
#      and PDF writers' unit tests, `huozi check` on the samples and the invalid
#      sources), and those tests;
#   3. a minute of fuzzing (tests/fuzz/run.sh): 45 s of XML -> EPUB and PDF,
#      15 s of `huozi preflight` over mutated PDFs.
# Each stage prints how long it took. Time limits in the tests only tell a hang
# (longer for the sanitizer build); speed is measured in bench/.
set -euo pipefail
cd "$(dirname "$0")"
jobs=$(nproc)
stage() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  echo "test.sh: $name took $((SECONDS - start)) s" >&2
}

stage "installing" scripts/install-deps.sh --test

cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
stage "the Release build" cmake --build build-test -j"$jobs"
stage "the Release suite" ctest --test-dir build-test --output-on-failure -j"$jobs"

# Any sanitizer report fails its test, and LeakSanitizer must find no leak
# (tests/lsan.supp names two leaks inside fontconfig and cairo, not huozi's).
# The target untrusted_tests is what the "untrusted" tests run (tests/CMakeLists.txt).
# -O1, as the sanitizers advise: under them -O3 takes twice as long to compile.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" -DBUILD_TESTING=ON \
  -DHUOZI_SANITIZE=ON >/dev/null
stage "the sanitizer build" cmake --build build-asan -j"$jobs" --target untrusted_tests
export ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
stage "the sanitizer suite" ctest --test-dir build-asan --output-on-failure -j"$jobs" -L untrusted
unset ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS

# XML -> model -> EPUB and PDF, and preflight's PDF reading, under libFuzzer
# (tests/fuzz/README.md).
stage "fuzzing the build" tests/fuzz/run.sh 45
stage "fuzzing preflight" tests/fuzz/run.sh 15 1 preflight
