#!/usr/bin/env bash
# Builds a libFuzzer target (clang, ASan+UBSan) in build-fuzz/ and fuzzes for
# SECONDS (default 60) with one worker per JOBS (default 1). Usage:
#   tests/fuzz/run.sh [SECONDS] [JOBS] [build|preflight]
# TARGET build (the default) is XML -> model -> EPUB and PDF; preflight is
# `huozi preflight` over mutated PDFs (its corpus in build-fuzz/corpus-preflight).
# The corpus grows in build-fuzz/corpus across runs; it starts from the seeds in
# tests/fuzz/corpus, every sample and test source in the repository, and the
# sources of the hostile tests. A finding is written to build-fuzz/findings/ and
# fails the run: keep it in tests/fuzz/regressions/ once fixed (README.md here).
set -euo pipefail
seconds=${1:-60}
jobs=${2:-1}
target=${3:-build}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${HUOZI_FUZZ_BUILD:-$root/build-fuzz}

cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Release \
  -DBUILD_TESTING=OFF -DHUOZI_FUZZ=ON >/dev/null
cmake --build "$build" --target "fuzz_$target" -j"$(nproc)"

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
if [[ $target == preflight ]]; then
  seeds=$build/seeds-preflight
  rm -rf "$seeds" && mkdir -p "$seeds" "$build/corpus-preflight" "$build/findings"
  cp "$here"/pdf-corpus/* "$seeds"/
  cd "$build"
  exec ./tests/fuzz/fuzz_preflight -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$build/findings/preflight-" -print_final_stats=1 corpus-preflight "$seeds"
fi

seeds=$build/seeds
rm -rf "$seeds" && mkdir -p "$seeds" "$build/corpus" "$build/findings"
cp "$here"/corpus/* "$here"/regressions/* "$seeds"/ 2>/dev/null || true
find "$root/content" "$root/tests" -name '*.xml' -size -64k -not -path '*/node_modules/*' \
  -not -path "$here/*" | while read -r f; do cp "$f" "$seeds/$(echo "${f#"$root"/}" | tr / _)"; done
python3 "$root/tests/hostile/hostile_test.py" --seeds "$seeds"

# The PDF path reaches the leak inside fontconfig that the sanitizer build of
# the suite suppresses too (tests/lsan.supp).
cd "$build"
args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
      -dict="$here/huozi.dict" -artifact_prefix="$build/findings/" -print_final_stats=1)
if ((jobs > 1)); then
  args+=(-jobs="$jobs" -workers="$jobs")
fi
./tests/fuzz/fuzz_build "${args[@]}" corpus "$seeds"
