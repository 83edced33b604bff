// Is page layout linear in the page count? (issue 6: "no quadratic steps: page
// breaking and the TOC pass are linear in the number of pages".) Google
// Benchmark fits the time per run against the page count and prints the
// complexity it finds; a quadratic step shows as a fit of N^2 or as a time
// per page that grows with N. Run:
//   build/bench/layout_bench --benchmark_counters_tabular=true
//
// BM_PageFlow: the page flow alone, on blocks of lines that are already set
// (every block 7 lines, a heading before every tenth), up to 20,480 pages.
// BM_LayoutDocument: the whole document layout (shaping, breaking, page
// flow, running heads, the TOC drawn after the body) of a synthetic book of
// chapters of short paragraphs, without drawing, up to 20,480 pages.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "layout/document_layout.h"
#include "layout/page_flow.h"
#include "layout/page_geometry.h"
#include "model/loader.h"
#include "text/font_db.h"
#include "time_layout.h"

namespace {

using namespace huozi;

// The default book page (A5, 五号, leading 1.7).
layout::PageGeometry a5_geometry() { return layout::compute_geometry(model::PageSetup{}); }

layout::FlowBlock block_of(int lines, bool heading) {
  layout::FlowBlock b;
  b.kind = heading ? layout::BlockKind::Heading : layout::BlockKind::Text;
  b.keep_with_next = heading;
  b.space_before = heading ? 1 : 0;
  for (int i = 0; i < lines; ++i) {
    layout::TypesetLine line;
    layout::TextRun run;
    run.glyphs.resize(30);
    line.items.push_back(std::move(run));
    b.lines.push_back(std::move(line));
  }
  return b;
}

void BM_PageFlow(benchmark::State& state) {
  const int pages_wanted = static_cast<int>(state.range(0));
  int pages = 0;
  for (auto _ : state) {
    pages = 0;
    layout::PageFlow flow(a5_geometry(), [&](layout::PageFrame&&, const layout::PageInfo&) { ++pages; });
    for (int i = 0; pages < pages_wanted; ++i) {
      if (i % 10 == 0) flow.add(block_of(1, true));
      flow.add(block_of(7, false));
    }
    flow.finish();
  }
  state.counters["pages"] = pages;
  state.counters["s/page"] = benchmark::Counter(static_cast<double>(pages) * state.iterations(),
                                                benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
  state.SetComplexityN(pages);
}
BENCHMARK(BM_PageFlow)->RangeMultiplier(2)->Range(640, 20480)->Unit(benchmark::kMillisecond)->Complexity();

// A book of `chapters` chapters, each of 40 short paragraphs (about 3.3 A5 pages).
std::string synthetic_book(int chapters) {
  const std::string para =
      "<p>山不在高，有仙则名。水不在深，有龙则灵。斯是陋室，惟吾德馨。苔痕上阶绿，草色入帘青。</p>";
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><publication xml:lang=\"zh-Hans\"><metadata><title>书</title>"
      "<identifier scheme=\"uuid\">urn:uuid:12345678-1234-1234-1234-123456789abc</identifier><date>2021</date>"
      "</metadata><body>";
  for (int c = 1; c <= chapters; ++c) {
    xml += "<chapter numbering=\"arabic\"><title>章</title>";
    for (int p = 0; p < 40; ++p) xml += para;
    xml += "</chapter>";
  }
  return xml + "</body></publication>";
}

void BM_LayoutDocument(benchmark::State& state) {
  const int chapters = static_cast<int>(state.range(0));
  model::LoadResult loaded = model::load_publication_from_string(synthetic_book(chapters), "book.xml", ".");
  state.SetComplexityN(bench::time_layout(state, loaded, "the synthetic book does not load"));
}
// 192 to 6,144 chapters: about 640 to 20,480 pages.
BENCHMARK(BM_LayoutDocument)->RangeMultiplier(2)->Range(192, 6144)->Unit(benchmark::kMillisecond)->Complexity();

}  // namespace

BENCHMARK_MAIN();
