// Shaping + breaking on ../shared/corpus/quantangshi.jsonl, one poem a
// paragraph, in Han characters per second, for the greedy and the optimal
// breaker. Run: build/bench/text_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "layout/items.h"
#include "layout/justify.h"
#include "layout/linebreak.h"
#include "text/clreq.h"
#include "text/shaper.h"
#include "util/utf8.h"

namespace {

using namespace huozi;

constexpr double kBodyPt = 10.5;
constexpr double kMeasureEm = 24;
constexpr size_t kBreakOnlyPoems = 5000;  // pre-shaped subset for the breaker-only runs

struct Corpus {
  std::vector<text::TextInput> poems;
  size_t han = 0;
};

// The "lines" of each JSON line, joined (the corpus has no escapes but \t).
std::string poem_of(const std::string& json) {
  std::string poem;
  size_t at = json.find("\"lines\"");
  if (at == std::string::npos) return poem;
  const size_t end = json.find(']', at);
  for (size_t i = json.find('[', at); i < end;) {
    const size_t open = json.find('"', i);
    if (open == std::string::npos || open > end) break;
    size_t j = open + 1;
    for (; json[j] != '"'; ++j) {
      if (json[j] == '\\') ++j;
      else poem += json[j];
    }
    i = j + 1;
  }
  return poem;
}

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    std::ifstream in(HUOZI_CORPUS_DIR "/quantangshi.jsonl");
    size_t limit = SIZE_MAX;
    if (const char* env = std::getenv("HUOZI_BENCH_POEMS")) limit = std::strtoul(env, nullptr, 10);
    std::string line;
    while (out.poems.size() < limit && std::getline(in, line)) {
      text::TextInput poem;
      poem.text = poem_of(line);
      if (poem.text.empty()) continue;
      poem.lang = "zh-Hant";
      text::TextSpan span;
      span.end = static_cast<uint32_t>(poem.text.size());
      span.style.size_pt = kBodyPt;
      span.style.lang = poem.lang;
      poem.spans.push_back(span);
      for (size_t i = 0; i < poem.text.size();)
        out.han += text::classify(utf8::next(poem.text, i)) == text::CharClass::Han;
      out.poems.push_back(std::move(poem));
    }
    return out;
  }();
  return c;
}

text::FontDb& fonts() {
  static std::unique_ptr<text::FontDb> db = [] {
    DiagnosticList diags;
    return text::FontDb::open(text::FontDb::default_config(), diags);
  }();
  return *db;
}

// The whole paragraph path: shape, build items, break, justify.
void BM_ShapeAndBreak(benchmark::State& state) {
  const auto strategy = static_cast<layout::BreakStrategy>(state.range(0));
  const Corpus& c = corpus();
  text::Shaper shaper(fonts());
  text::ShapedParagraph shaped;
  layout::ItemList items;
  std::vector<layout::Line> lines;
  const layout::LineWidths widths(kMeasureEm * kBodyPt);
  size_t line_count = 0;
  for (auto _ : state) {
    for (const auto& poem : c.poems) {
      shaper.shape(poem, shaped);
      layout::build_items(shaped, layout::ItemOptions{kBodyPt, 2}, items);
      const auto spans = layout::break_lines(items, widths, strategy);
      layout::justify_lines(shaped, items, spans, widths, lines);
      line_count += lines.size();
    }
  }
  benchmark::DoNotOptimize(line_count);
  state.counters["han_per_s"] = benchmark::Counter(double(c.han) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["han"] = double(c.han);
}

// Shaping alone (HarfBuzz through hb-ft, itemisation, clusters, break opportunities).
void BM_ShapeOnly(benchmark::State& state) {
  const Corpus& c = corpus();
  text::Shaper shaper(fonts());
  text::ShapedParagraph shaped;
  for (auto _ : state)
    for (const auto& poem : c.poems) shaper.shape(poem, shaped);
  state.counters["han_per_s"] = benchmark::Counter(double(c.han) * state.iterations(), benchmark::Counter::kIsRate);
}

// Breaking and justification alone, on pre-built items of the first poems.
void BM_BreakOnly(benchmark::State& state) {
  const auto strategy = static_cast<layout::BreakStrategy>(state.range(0));
  const Corpus& c = corpus();
  text::Shaper shaper(fonts());
  const size_t n = std::min(c.poems.size(), kBreakOnlyPoems);
  std::vector<text::ShapedParagraph> shaped(n);
  std::vector<layout::ItemList> items(n);
  size_t han = 0;
  for (size_t i = 0; i < n; ++i) {
    shaper.shape(c.poems[i], shaped[i]);
    layout::build_items(shaped[i], layout::ItemOptions{kBodyPt, 2}, items[i]);
    for (const auto& it : items[i].items) han += it.han;
  }
  std::vector<layout::Line> lines;
  const layout::LineWidths widths(kMeasureEm * kBodyPt);
  for (auto _ : state) {
    for (size_t i = 0; i < n; ++i) {
      const auto spans = layout::break_lines(items[i], widths, strategy);
      layout::justify_lines(shaped[i], items[i], spans, widths, lines);
    }
  }
  state.counters["han_per_s"] = benchmark::Counter(double(han) * state.iterations(), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_ShapeAndBreak)->Arg(int(layout::BreakStrategy::Optimal))->Arg(int(layout::BreakStrategy::Greedy))
    ->ArgName("greedy")->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_ShapeOnly)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_BreakOnly)->Arg(int(layout::BreakStrategy::Optimal))->Arg(int(layout::BreakStrategy::Greedy))
    ->ArgName("greedy")->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
