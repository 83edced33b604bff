// clreq §1–3 rules as tables: each row is a case, both where a rule applies
// and where it must not.
#include <gtest/gtest.h>

#include <string>

#include "text/clreq.h"
#include "util/utf8.h"

namespace huozi::text {
namespace {

char32_t cp(const char* s) {
  size_t i = 0;
  return utf8::next(s, i);
}

struct ClassCase {
  const char* ch;
  CharClass cls;
};

TEST(Clreq, ClassifiesCharacters) {
  const ClassCase cases[] = {
      {"汉", CharClass::Han},      {"𠀀", CharClass::Han},       {"か", CharClass::Han},
      {"（", CharClass::Opening},  {"《", CharClass::Opening},   {"“", CharClass::Opening},
      {"‘", CharClass::Opening},   {"「", CharClass::Opening},   {"）", CharClass::Closing},
      {"》", CharClass::Closing},  {"”", CharClass::Closing},    {"』", CharClass::Closing},
      {"，", CharClass::Stop},     {"。", CharClass::Stop},      {"、", CharClass::Stop},
      {"：", CharClass::Stop},     {"；", CharClass::Stop},      {"？", CharClass::Stop},
      {"！", CharClass::Stop},     {"…", CharClass::Ellipsis},   {"—", CharClass::Dash},
      {"·", CharClass::Mark},      {"～", CharClass::Mark},      {"‼", CharClass::Mark},
      {"A", CharClass::Alnum},     {"7", CharClass::Alnum},      {"é", CharClass::Alnum},
      {" ", CharClass::Space},     {"%", CharClass::Other},      {"℃", CharClass::Other},
  };
  for (const auto& c : cases) EXPECT_EQ(classify(cp(c.ch)), c.cls) << c.ch;
}

// §1 Not at line start / not at line end (must).
TEST(Clreq, ProhibitedLineStartAndEnd) {
  for (const char* mark : {"、", "。", "，", "．", "：", "；", "？", "！", "‼", "⁇", "⁈", "⁉", "）", "］", "｝",
                           "〕", "〗", "〙", "〛", "】", "》", "〉", "」", "』", "”", "’", "…", "‥", "～", "·", "・"}) {
    EXPECT_TRUE(prohibited_at_line_start(classify(cp(mark)))) << mark;
    EXPECT_FALSE(prohibited_at_line_end(classify(cp(mark)))) << mark;
  }
  for (const char* mark : {"（", "［", "｛", "〔", "〖", "〘", "〚", "【", "《", "〈", "「", "『", "“", "‘"}) {
    EXPECT_TRUE(prohibited_at_line_end(classify(cp(mark)))) << mark;
    EXPECT_FALSE(prohibited_at_line_start(classify(cp(mark)))) << mark;
  }
  for (const char* free : {"汉", "A", "1", "—"}) {
    EXPECT_FALSE(prohibited_at_line_start(classify(cp(free)))) << free;
    EXPECT_FALSE(prohibited_at_line_end(classify(cp(free)))) << free;
  }
}

struct PairCase {
  const char* before;
  const char* after;
  bool allowed;
};

// §1 as a decision between two Chinese characters.
TEST(Clreq, CjkBreakBetweenPairs) {
  const PairCase cases[] = {
      {"汉", "字", true},  {"汉", "。", false}, {"。", "汉", true},  {"“", "汉", false}, {"汉", "“", true},
      {"”", "汉", true},   {"汉", "”", false},  {"—", "—", false}, {"…", "…", false}, {"汉", "—", true},
      {"—", "汉", true},   {"汉", "…", false},  {"》", "《", true}, {"。", "”", false}, {"《", "“", false},
  };
  for (const auto& c : cases) {
    const char32_t a = cp(c.before), b = cp(c.after);
    EXPECT_EQ(cjk_break_allowed(a, classify(a), b, classify(b)), c.allowed) << c.before << c.after;
  }
}

TEST(Clreq, NeverSplitDoubledDashAndEllipsis) {
  EXPECT_TRUE(never_split(cp("—"), cp("—")));
  EXPECT_TRUE(never_split(cp("…"), cp("…")));
  EXPECT_FALSE(never_split(cp("—"), cp("…")));
  EXPECT_FALSE(never_split(cp("汉"), cp("汉")));
}

struct CompressionCase {
  const char* first;
  const char* second;
  Variant variant;
  PairCompression expected;
};

// §2 consecutive marks: the blank between them goes, in one place.
TEST(Clreq, ConsecutivePunctuationCompression) {
  const CompressionCase cases[] = {
      {"。", "”", Variant::Hans, PairCompression::First},   // closing + closing
      {"）", "。", Variant::Hans, PairCompression::First},
      {"”", "《", Variant::Hans, PairCompression::First},   // closing + opening
      {"，", "“", Variant::Hans, PairCompression::First},
      {"《", "“", Variant::Hans, PairCompression::Second},  // opening + opening
      {"“", "汉", Variant::Hans, PairCompression::None},    // not a pair of marks
      {"汉", "。", Variant::Hans, PairCompression::None},
      {"“", "”", Variant::Hans, PairCompression::None},     // opening + closing keeps both
      {"—", "”", Variant::Hans, PairCompression::None},
      {"」", "「", Variant::Hant, PairCompression::First},  // zh-Hant: brackets adjust
      {"。", "」", Variant::Hant, PairCompression::None},   // zh-Hant: centred stops keep their room
      {"」", "。", Variant::Hant, PairCompression::None},
  };
  for (const auto& c : cases)
    EXPECT_EQ(consecutive_compression(classify(cp(c.first)), classify(cp(c.second)), c.variant), c.expected)
        << c.first << c.second;
}

TEST(Clreq, LineStartAndEndHalfWidth) {
  EXPECT_TRUE(half_width_at_line_start(classify(cp("“")), Variant::Hans));
  EXPECT_TRUE(half_width_at_line_start(classify(cp("《")), Variant::Hant));
  EXPECT_FALSE(half_width_at_line_start(classify(cp("汉")), Variant::Hans));
  EXPECT_FALSE(half_width_at_line_start(classify(cp("”")), Variant::Hans));
  EXPECT_TRUE(half_width_at_line_end(classify(cp("。")), Variant::Hans));
  EXPECT_TRUE(half_width_at_line_end(classify(cp("”")), Variant::Hans));
  EXPECT_TRUE(half_width_at_line_end(classify(cp("」")), Variant::Hant));
  EXPECT_FALSE(half_width_at_line_end(classify(cp("。")), Variant::Hant));  // centred in zh-Hant
  EXPECT_FALSE(half_width_at_line_end(classify(cp("汉")), Variant::Hans));
  EXPECT_FALSE(half_width_at_line_end(classify(cp("“")), Variant::Hans));
}

TEST(Clreq, HanLatinSpacing) {
  EXPECT_TRUE(han_latin_spacing(CharClass::Han, CharClass::Alnum));   // 年2021
  EXPECT_TRUE(han_latin_spacing(CharClass::Alnum, CharClass::Han));   // J型
  EXPECT_FALSE(han_latin_spacing(CharClass::Stop, CharClass::Alnum)); // none next to punctuation
  EXPECT_FALSE(han_latin_spacing(CharClass::Alnum, CharClass::Closing));
  EXPECT_FALSE(han_latin_spacing(CharClass::Han, CharClass::Han));
  EXPECT_FALSE(han_latin_spacing(CharClass::Alnum, CharClass::Alnum));
}

TEST(Clreq, InterCharacterStretch) {
  EXPECT_TRUE(inter_character_stretch(cp("汉"), CharClass::Han, cp("字"), CharClass::Han));
  EXPECT_TRUE(inter_character_stretch(cp("汉"), CharClass::Han, cp("。"), CharClass::Stop));
  EXPECT_FALSE(inter_character_stretch(cp("—"), CharClass::Dash, cp("—"), CharClass::Dash));
  EXPECT_FALSE(inter_character_stretch(cp("A"), CharClass::Alnum, cp("B"), CharClass::Alnum));  // one word
  EXPECT_FALSE(inter_character_stretch(cp("3"), CharClass::Alnum, cp("%"), CharClass::Other));
}

TEST(Clreq, Variants) {
  EXPECT_EQ(variant_of("zh-Hans"), Variant::Hans);
  EXPECT_EQ(variant_of("zh-CN"), Variant::Hans);
  EXPECT_EQ(variant_of("zh"), Variant::Hans);
  EXPECT_EQ(variant_of("zh-Hant"), Variant::Hant);
  EXPECT_EQ(variant_of("zh-TW"), Variant::Hant);
  EXPECT_EQ(variant_of("zh-HK"), Variant::Hant);
}

}  // namespace
}  // namespace huozi::text
