// One benchmark loop shared by the layout benchmarks: the whole document
// layout of a loaded publication (no drawing), timed per run, with its page
// count and the time per page as counters.
#pragma once

#include <benchmark/benchmark.h>

#include <memory>

#include "layout/document_layout.h"
#include "model/loader.h"
#include "text/font_db.h"

namespace huozi::bench {

inline text::FontDb& fonts() {
  static std::unique_ptr<text::FontDb> db = [] {
    DiagnosticList diags;
    return text::FontDb::open(text::FontDb::default_config(), diags);
  }();
  return *db;
}

// Lays `loaded` out once per iteration; returns the page count (0 and an error when it did not load).
inline int time_layout(benchmark::State& state, const model::LoadResult& loaded, const char* what) {
  if (!loaded) {
    state.SkipWithError(what);
    return 0;
  }
  int pages = 0;
  for (auto _ : state) {
    DiagnosticList diags;
    pages = layout::layout_document(
                *loaded.document, fonts(), [](layout::PageFrame&&) {}, diags)
                .pages;
  }
  state.counters["pages"] = pages;
  state.counters["s/page"] = benchmark::Counter(static_cast<double>(pages) * state.iterations(),
                                                benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  return pages;
}

}  // namespace huozi::bench
