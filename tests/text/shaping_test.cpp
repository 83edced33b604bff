// Itemisation, shaping and paragraph setting with the real fonts.
#include <gtest/gtest.h>

#include "layout/paragraph.h"
#include "text/shaper.h"

namespace huozi::text {
namespace {

class Shaping : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DiagnosticList diags;
    fonts_ = FontDb::open(FontDb::default_config(), diags).release();
  }
  static void TearDownTestSuite() {
    delete fonts_;
    fonts_ = nullptr;
  }

  static TextInput input(const std::string& text, const std::string& lang, Role role = Role::Body) {
    TextInput in;
    in.text = text;
    in.lang = lang;
    TextSpan span;
    span.end = static_cast<uint32_t>(text.size());
    span.style.role = role;
    span.style.size_pt = 10;
    span.style.lang = lang;
    span.where = {0, 3, 7};
    in.spans.push_back(span);
    in.files = &files_;
    return in;
  }

  ShapedParagraph shape(const std::string& text, const std::string& lang, DiagnosticList* diags = nullptr) {
    Shaper shaper(*fonts_);
    ShapedParagraph out;
    shaper.shape(input(text, lang), out, diags);
    return out;
  }

  static FontDb* fonts_;
  static inline const FileTable files_{"test.xml"};
};

FontDb* Shaping::fonts_ = nullptr;

TEST_F(Shaping, HanIsOneEmAndMarksHaveHalfEmBlanks) {
  ASSERT_TRUE(fonts_);
  const auto p = shape("汉，“字”", "zh-Hans");
  ASSERT_EQ(p.clusters.size(), 5u);
  for (const auto& c : p.clusters) EXPECT_DOUBLE_EQ(c.advance, 10.0);
  EXPECT_DOUBLE_EQ(p.clusters[0].blank, 0);
  EXPECT_DOUBLE_EQ(p.clusters[1].blank, 5.0);  // ， on the left half
  EXPECT_FALSE(p.clusters[1].blank_left);
  EXPECT_DOUBLE_EQ(p.clusters[2].blank, 5.0);  // “ on the right half: full-width, from the CJK face
  EXPECT_TRUE(p.clusters[2].blank_left);
  EXPECT_DOUBLE_EQ(p.clusters[3].blank, 0);    // 字
  EXPECT_DOUBLE_EQ(p.clusters[4].blank, 5.0);  // ”
  EXPECT_FALSE(p.clusters[4].blank_left);
}

TEST_F(Shaping, TraditionalCentresStopsAndAdjustsBracketsOnly) {
  ASSERT_TRUE(fonts_);
  const auto hans = shape("漢，「字」", "zh-Hans");
  const auto hant = shape("漢，「字」", "zh-Hant");
  EXPECT_NE(hans.glyphs[1].id, hant.glyphs[1].id);  // locl / the TC face: a centred comma
  EXPECT_DOUBLE_EQ(hant.clusters[1].blank, 5.0);    // centred stops: room a tight line may take,
  EXPECT_TRUE(hant.clusters[1].blank_centred);      // evenly from both sides,
  EXPECT_FALSE(hant.clusters[1].blank_left);        // never trimmed at a line end
  EXPECT_FALSE(hans.clusters[1].blank_centred);
  EXPECT_DOUBLE_EQ(hant.clusters[2].blank, 5.0);    // brackets still adjust
  EXPECT_FALSE(hant.clusters[2].blank_centred);
  EXPECT_EQ(fonts_->info(hant.runs[0].face).family, "Noto Serif CJK TC");
}

TEST_F(Shaping, RareHanFallsBackToHanaMin) {
  ASSERT_TRUE(fonts_);
  DiagnosticList diags;
  const auto p = shape("字\U00020001字", "zh-Hant", &diags);
  EXPECT_TRUE(diags.items().empty());
  ASSERT_EQ(p.runs.size(), 3u);
  EXPECT_EQ(fonts_->info(p.runs[1].face).family, "HanaMinB");
  EXPECT_EQ(p.clusters.size(), 3u);
}

TEST_F(Shaping, UncoveredCharacterIsReportedWithItsPlace) {
  ASSERT_TRUE(fonts_);
  DiagnosticList diags;
  const auto p = shape("甲乙\U0010FFFD", "zh-Hans", &diags);
  ASSERT_EQ(diags.items().size(), 1u);
  const auto& d = diags.items()[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_NE(d.message.find("U+10FFFD"), std::string::npos);
  EXPECT_EQ(d.file, "test.xml");
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 9);  // the span starts at column 7; two characters before it
  EXPECT_EQ(p.missing_glyphs, 1u);
  EXPECT_EQ(p.clusters.size(), 3u);  // set (as a box), never dropped
}

TEST_F(Shaping, AnUncoveredCharacterIsReportedOncePerShaperNotPerOccurrence) {
  ASSERT_TRUE(fonts_);
  DiagnosticList diags;
  Shaper shaper(*fonts_);
  ShapedParagraph out;
  shaper.shape(input("甲\U0010FFFD乙\U0010FFFD\U0010FFFC", "zh-Hans"), out, &diags);
  shaper.shape(input("丙\U0010FFFD", "zh-Hans"), out, &diags);
  ASSERT_EQ(diags.items().size(), 2u);  // U+10FFFD once, U+10FFFC once
  EXPECT_NE(diags.items()[0].message.find("U+10FFFD"), std::string::npos);
  EXPECT_NE(diags.items()[1].message.find("U+10FFFC"), std::string::npos);
  EXPECT_EQ(out.missing_glyphs, 1u);  // still counted in each paragraph
}

TEST_F(Shaping, DefaultIgnorablesNeedNoGlyphAndStayInTheText) {
  ASSERT_TRUE(fonts_);
  DiagnosticList diags;
  // Zero-width space, BOM, LRM, LRE, LRI, PDI, ZWNJ, a variation selector.
  const std::string text = "字\u200B字\uFEFF字\u200E字\u202A字\u2066字\u2069字\u200C字\uFE00";
  const auto p = shape(text, "zh-Hans", &diags);
  EXPECT_TRUE(diags.items().empty()) << diags.items()[0].message;
  EXPECT_EQ(p.missing_glyphs, 0u);
  EXPECT_EQ(p.text, text);
  double width = 0;
  for (const auto& c : p.clusters) width += c.advance;
  EXPECT_DOUBLE_EQ(width, 8 * 10.0);  // the eight 字, and nothing for the invisibles
}

TEST_F(Shaping, LatinRunsItsOwnScriptWithProportionalWidths) {
  ASSERT_TRUE(fonts_);
  const auto p = shape("型号CR200J型", "zh-Hans");
  ASSERT_GE(p.runs.size(), 2u);
  double latin = 0;
  for (const auto& c : p.clusters)
    if (c.cls == CharClass::Alnum) latin += c.advance;
  EXPECT_GT(latin, 0);
  EXPECT_LT(latin, 6 * 10.0);  // proportional, narrower than six ems
}

TEST_F(Shaping, RealFontParagraphBreaksOnTheGrid) {
  ASSERT_TRUE(fonts_);
  layout::ParagraphSetter setter(*fonts_);
  layout::ParagraphSource source;
  source.input =
      input("子曰：“学而时习之，不亦说乎？有朋自远方来，不亦乐乎？人不知而不愠，不亦君子乎？”", "zh-Hans");
  source.indent = true;
  source.em_pt = 10;
  std::vector<layout::Line> lines;
  setter.set(source, layout::SetOptions{120, layout::BreakStrategy::Optimal}, lines);
  std::string joined;
  for (const auto& line : lines) {
    joined += (joined.empty() ? "" : "|") +
              source.input.text.substr(line.text_begin, line.text_end - line.text_begin);
    if (!line.last) EXPECT_NEAR(line.width, 120, 0.01);
  }
  EXPECT_EQ(joined, "子曰：“学而时习之，不|亦说乎？有朋自远方来，不|亦乐乎？人不知而不愠，不|亦君子乎？”");
}

}  // namespace
}  // namespace huozi::text

namespace huozi::text {
namespace {

// The fast path for Han must give exactly what hb_shape gives.
TEST_F(Shaping, FastPathEqualsHarfBuzz) {
  ASSERT_TRUE(fonts_);
  const char* samples[][2] = {
      {"子曰：“学而时习之，不亦说乎？有朋自远方来，不亦乐乎？”《论语》（上）——好……", "zh-Hans"},
      {"秦川雄帝宅，函谷壯皇居。「綺殿」千尋起，離宮百雉餘。𠀁字", "zh-Hant"},
      {"2021年CR200J型“复兴号”，增长63.3%。", "zh-Hans"},
  };
  for (const auto& sample : samples) {
    Shaper fast(*fonts_), slow(*fonts_);
    slow.set_fast_path(false);
    ShapedParagraph a, b;
    fast.shape(input(sample[0], sample[1]), a);
    slow.shape(input(sample[0], sample[1]), b);
    ASSERT_EQ(a.glyphs.size(), b.glyphs.size()) << sample[0];
    for (size_t i = 0; i < a.glyphs.size(); ++i) {
      EXPECT_EQ(a.glyphs[i].id, b.glyphs[i].id) << sample[0] << " glyph " << i;
      EXPECT_EQ(a.glyphs[i].cluster, b.glyphs[i].cluster);
      EXPECT_DOUBLE_EQ(a.glyphs[i].x_advance, b.glyphs[i].x_advance);
      EXPECT_DOUBLE_EQ(a.glyphs[i].x_offset, b.glyphs[i].x_offset);
    }
  }
}

}  // namespace
}  // namespace huozi::text

namespace huozi::text {
namespace {

// A long English word takes hyphen breaks, with the face's hyphen ready for
// the line end; the same word in <code> stays as written.
TEST_F(Shaping, LongWordsTakeHyphensExceptInCode) {
  ASSERT_TRUE(fonts_);
  auto hyphens = [](const ShapedParagraph& p) {
    size_t n = 0;
    for (const Cluster& c : p.clusters) n += c.hyphen_after;
    return n;
  };
  Shaper shaper(*fonts_);
  ShapedParagraph body, code;
  shaper.shape(input("调用initialization函数", "zh-Hans"), body);
  EXPECT_GE(hyphens(body), 3u);
  for (const text::Run& r : body.runs)
    if (r.text_begin < body.text.find("init") + 1 && r.text_end > body.text.find("init")) {
      EXPECT_NE(r.hyphen_glyph, 0u);
      EXPECT_GT(r.hyphen_advance, 0);
    }
  shaper.shape(input("调用initialization函数", "zh-Hans", Role::Code), code);
  EXPECT_EQ(hyphens(code), 0u);
}

}  // namespace
}  // namespace huozi::text
