// Composing newspaper pages (issue 13): the whole layout of the seed page
// (content/lvliang-2021, one A3 page of 10 stories and a group of 8 photos)
// and of a generated edition of 16 pages and 60 stories
// (tests/newspaper/make_edition.py --stories 60 --pages 16 --fill 0.85): the
// stories set, every module's shapes measured, the pages packed and drawn
// into page frames, without writing the PDF. Targets: the seed page in 50 ms,
// the 16 pages in 1 s, on one core. Run:
//   build/bench/news_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include "time_layout.h"

namespace {

using namespace huozi;

void compose(benchmark::State& state, const char* source) {
  bench::time_layout(state, model::load_publication(source), source);
}

void BM_ComposeSeedPage(benchmark::State& state) { compose(state, HUOZI_NEWS_SEED); }
BENCHMARK(BM_ComposeSeedPage)->Unit(benchmark::kMillisecond);

void BM_ComposeEdition16(benchmark::State& state) { compose(state, HUOZI_NEWS_EDITION16); }
BENCHMARK(BM_ComposeEdition16)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
