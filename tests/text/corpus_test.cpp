// The corpus property test: the Analects and part of the Quan Tangshi at every
// measure from 8 to 40 ems, with both breakers. Must rules are asserted on
// every line; the quality targets are measured and asserted for the
// optimal breaker.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
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

namespace huozi {
namespace {

constexpr double kBodyPt = 10.5;
constexpr int kMinWidthEm = 8;
constexpr int kMaxWidthEm = 40;
constexpr size_t kTangPoems = 3000;  // "part of" quantangshi.jsonl: keeps the test within seconds

// The strings of every JSON array under `key` (the corpus has no escapes but \t).
std::vector<std::string> strings_under(const std::string& json, const std::string& key) {
  std::vector<std::string> out;
  const std::string needle = "\"" + key + "\"";
  for (size_t at = json.find(needle); at != std::string::npos; at = json.find(needle, at + 1)) {
    size_t i = json.find('[', at);
    const size_t end = json.find(']', i);
    while (true) {
      const size_t open = json.find('"', i);
      if (open == std::string::npos || open > end) break;
      std::string s;
      size_t j = open + 1;
      for (; json[j] != '"'; ++j) {
        if (json[j] == '\\') ++j;  // \t and friends: keep the letter out, text needs none
        else s += json[j];
      }
      out.push_back(s);
      i = j + 1;
    }
  }
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Paragraph {
  std::string text;
  std::string lang;
};

std::vector<Paragraph> corpus() {
  std::vector<Paragraph> out;
  for (auto& s : strings_under(read_file(HUOZI_CORPUS_DIR "/lunyu.json"), "paragraphs")) out.push_back({s, "zh-Hans"});
  std::ifstream tang(HUOZI_CORPUS_DIR "/quantangshi.jsonl");
  std::string line;
  for (size_t n = 0; n < kTangPoems && std::getline(tang, line); ++n) {
    std::string poem;
    for (auto& l : strings_under(line, "lines")) poem += l;
    if (!poem.empty()) out.push_back({poem, "zh-Hant"});
  }
  return out;
}

struct Stats {
  size_t paragraphs = 0, lines = 0, overfull = 0, bad_start = 0, bad_end = 0, lost_text = 0, not_justified = 0;
  size_t ragged = 0;  // set flush left by the breaker's last resort (linebreak.h kRaggedHanRatio)
  size_t lonely = 0, pairs = 0, pairs_compressed = 0, missing = 0;
  std::vector<double> han_gaps_em;
};

bool is_han(char32_t c) { return text::classify(c) == text::CharClass::Han; }

void check_lines(const Paragraph& p, const text::ShapedParagraph& shaped, const std::vector<layout::Line>& lines,
                 double measure, Stats& s) {
  std::string rejoined;
  for (const auto& line : lines) {
    ++s.lines;
    const std::string t = p.text.substr(line.text_begin, line.text_end - line.text_begin);
    rejoined += t;
    size_t i = 0;
    const char32_t first = utf8::next(t, i);
    size_t j = t.size();
    const char32_t last = utf8::previous(t, j);
    if (text::prohibited_at_line_start(text::classify(first))) ++s.bad_start;
    if (!line.last && text::prohibited_at_line_end(text::classify(last))) ++s.bad_end;
    if (line.overfull || line.width > measure + 0.01) ++s.overfull;
    if (line.ragged) ++s.ragged;
    if (!line.last && !line.ragged && std::fabs(line.width - measure) > 0.01) {
      ++s.not_justified;
      if (s.not_justified <= 5) std::printf("not justified at %.1f pt: %s (%.2f pt)\n", measure, t.c_str(), line.width);
    }
    // Quality: Han gaps, compressed pairs (from the placed glyphs).
    std::vector<std::pair<char32_t, const layout::PositionedGlyph*>> glyphs;
    for (const auto& run : line.runs)
      for (const auto& g : run.glyphs) {
        size_t k = g.cluster;
        glyphs.push_back({utf8::next(p.text, k), &g});
      }
    for (size_t k = 0; k + 1 < glyphs.size(); ++k) {
      const auto [a, ga] = glyphs[k];
      const auto [b, gb] = glyphs[k + 1];
      const double step = gb->x - ga->x;
      if (is_han(a) && is_han(b)) s.han_gaps_em.push_back(step / kBodyPt - 1);
      const auto ca = text::classify(a), cb = text::classify(b);
      const auto variant = text::variant_of(p.lang);
      if (text::consecutive_compression(ca, cb, variant) != text::PairCompression::None) {
        ++s.pairs;
        if (step <= 0.75 * kBodyPt + 1e-6) ++s.pairs_compressed;
        else if (std::getenv("HUOZI_CORPUS_DEBUG")) std::printf("uncompressed pair in: %s\n", p.text.c_str());
      }
    }
    if (line.last && lines.size() > 1) {
      int han = 0;
      for (const auto& g : glyphs) han += is_han(g.first);
      if (han == 1 && ++s.lonely <= 3 && std::getenv("HUOZI_CORPUS_DEBUG")) {
        std::printf("lonely at %.0f em:", measure / kBodyPt);
        for (const auto& l : lines) std::printf(" %s|%.3f", p.text.substr(l.text_begin, l.text_end - l.text_begin).c_str(), l.ratio);
        std::printf("\n");
      }
    }
  }
  if (rejoined != p.text) ++s.lost_text;
  (void)shaped;
}

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(q * (v.size() - 1))];
}

void run_corpus(layout::BreakStrategy strategy, const char* name, bool quality) {
  DiagnosticList diags;
  auto fonts = text::FontDb::open(text::FontDb::default_config(), diags);
  ASSERT_TRUE(fonts);
  const auto paragraphs = corpus();
  if (paragraphs.empty()) GTEST_SKIP() << "no corpus at " HUOZI_CORPUS_DIR;
  text::Shaper shaper(*fonts);
  text::ShapedParagraph shaped;
  layout::ItemList items;
  std::vector<layout::Line> lines;
  Stats s;
  for (const auto& p : paragraphs) {
    text::TextInput in;
    in.text = p.text;
    in.lang = p.lang;
    text::TextSpan span;
    span.end = static_cast<uint32_t>(p.text.size());
    span.style.size_pt = kBodyPt;
    span.style.lang = p.lang;
    in.spans.push_back(span);
    shaper.shape(in, shaped);
    s.missing += shaped.missing_glyphs;
    layout::build_items(shaped, layout::ItemOptions{kBodyPt, 2}, items);
    for (int em = kMinWidthEm; em <= kMaxWidthEm; ++em) {
      const layout::LineWidths widths(em * kBodyPt);
      const auto spans = layout::break_lines(items, widths, strategy);
      layout::justify_lines(shaped, items, spans, widths, lines);
      ++s.paragraphs;
      check_lines(p, shaped, lines, em * kBodyPt, s);
    }
  }
  const double p95 = percentile(s.han_gaps_em, 0.95);
  const double max_gap = s.han_gaps_em.empty() ? 0 : *std::max_element(s.han_gaps_em.begin(), s.han_gaps_em.end());
  std::printf("[%s] %zu paragraph settings, %zu lines: overfull %zu, bad start %zu, bad end %zu, text lost %zu, "
              "not justified %zu, ragged %zu, lonely last %zu, pairs compressed %zu/%zu, Han gap p95 %.3f em (max %.3f), "
              "uncovered characters %zu\n",
              name, s.paragraphs, s.lines, s.overfull, s.bad_start, s.bad_end, s.lost_text, s.not_justified, s.ragged,
              s.lonely,
              s.pairs_compressed, s.pairs, p95, max_gap, s.missing);
  EXPECT_EQ(s.bad_start, 0u);
  EXPECT_EQ(s.bad_end, 0u);
  EXPECT_EQ(s.lost_text, 0u);
  EXPECT_EQ(s.not_justified, 0u);
  EXPECT_EQ(s.pairs_compressed, s.pairs);
  if (quality) {
    EXPECT_EQ(s.ragged, 0u);  // the optimal breaker never needs the last resort on classical prose
    EXPECT_EQ(s.overfull, 0u);
    EXPECT_EQ(s.lonely, 0u);
    EXPECT_LE(p95, 0.15);
  }
}

TEST(Corpus, OptimalMeetsRulesAndQualityAtEveryMeasure) { run_corpus(layout::BreakStrategy::Optimal, "optimal", true); }

TEST(Corpus, GreedyMeetsTheMustRules) { run_corpus(layout::BreakStrategy::Greedy, "greedy", false); }

}  // namespace
}  // namespace huozi
