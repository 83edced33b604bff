// Newspaper pages through the page composer, on sources no editor would
// write: too many stories for a page, a photo group taller than a page, a
// story of one enormous paragraph, a figure taller than any column, a placed
// module past the page's foot. Nothing is lost (every character of the
// stories reaches a page, with a jump), nothing is drawn off the page or over
// another module, and what cannot be set is an error with its place.
#include <gtest/gtest.h>

#include <map>

#include "laid_out.h"
#include "util/utf8.h"

namespace huozi::layout {
namespace {

const std::string kSentence = "2月25日召开的全国脱贫攻坚总结表彰大会上,我市13名个人和9个集体受到表彰。";

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string periodical(const std::string& pages) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<publication xml:lang=\"zh-Hans\" type=\"periodical\">"
         "<metadata><title>报</title><identifier scheme=\"uuid\">urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e"
         "</identifier><date>2021-12-31</date></metadata>"
         "<layout size=\"A3\" columns=\"6\" body-size=\"9pt\" leading=\"1.5\" column-gap=\"2em\"/><body>" +
         pages + "</body></publication>";
}

std::string story(int n, const std::string& text, const std::string& attributes = "") {
  return "<article id=\"s" + std::to_string(n) + "\"" + attributes + "><title>第" + std::to_string(n) +
         "条新闻标题</title><p>" + text + "</p></article>";
}

std::string photos(int count) {
  std::string out = "<photos>";
  for (int i = 0; i < count; ++i)
    out += "<figure><placeholder ratio=\"4:3\">照片</placeholder><caption>图为会场。</caption></figure>";
  return out + "<credit>本版图片由摄影部提供</credit></photos>";
}

// How many times each Han character of `s` occurs.
std::map<uint32_t, int> han_counts(const std::string& s) {
  std::map<uint32_t, int> counts;
  for (size_t i = 0; i < s.size();) {
    const uint32_t c = utf8::next(s, i);
    if (c >= 0x4E00 && c <= 0x9FFF) ++counts[c];
  }
  return counts;
}

std::string all_text(const LaidOut& out) {
  std::string text;
  for (size_t p = 0; p < out.pages.size(); ++p)
    for (const std::string& t : out.texts(p)) text += t;
  return text;
}

// Every Han character of `expected` is on the pages at least as often.
void expect_all_there(const LaidOut& out, const std::string& expected) {
  std::map<uint32_t, int> there = han_counts(all_text(out));
  for (const auto& [c, n] : han_counts(expected)) EXPECT_GE(there[c], n) << "U+" << std::hex << c << " lost";
}

// Modules inside the page and apart from each other.
void expect_sound_modules(const LaidOut& out) {
  for (const PageFrame& page : out.pages) {
    for (const ModuleRect& m : page.modules) {
      EXPECT_GE(m.rect.x, 0);
      EXPECT_GE(m.rect.y, 0);
      EXPECT_LE(m.rect.x + m.rect.width, page.width + 0.01) << m.what;
      EXPECT_LE(m.rect.y + m.rect.height, page.height + 0.01) << m.what;
    }
    for (size_t i = 0; i < page.modules.size(); ++i)
      for (size_t j = 0; j < i; ++j) {
        const ModuleRect &a = page.modules[i], &b = page.modules[j];
        if (a.line < 0 || b.line < 0) continue;  // head and banner: above the modules
        const bool apart = a.column + a.span <= b.column || b.column + b.span <= a.column ||
                           a.line + a.lines <= b.line || b.line + b.lines <= a.line;
        EXPECT_TRUE(apart) << a.what << " overlaps " << b.what << " on page " << page.number;
      }
  }
}

TEST(NewspaperLayout, TooManyStoriesForOnePageJumpAndLoseNothing) {
  std::string stories, text;
  for (int i = 1; i <= 120; ++i) {
    const std::string body = repeat(kSentence, 1 + i % 7);
    stories += story(i, body, i == 1 ? " importance=\"lead\"" : "");
    text += body;
  }
  LaidOut out = lay_out(periodical("<page number=\"2\" name=\"要闻\">" + stories + "</page>"));
  EXPECT_FALSE(out.diags.has_errors());
  EXPECT_GT(out.pages.size(), 2u);
  expect_all_there(out, text);
  expect_sound_modules(out);
  EXPECT_EQ(out.pages[1].label, "3");  // pages huozi adds go on from the source's number
}

TEST(NewspaperLayout, OneEnormousStoryRunsOnOverPages) {
  const std::string body = repeat(kSentence, 600);
  LaidOut out = lay_out(periodical("<page number=\"1\">" + story(1, body) + "</page>"));
  EXPECT_FALSE(out.diags.has_errors());
  EXPECT_GT(out.pages.size(), 2u);
  expect_all_there(out, body);
  expect_sound_modules(out);
  // Each page but the first says where the story comes from, each but the last where it goes.
  for (size_t p = 0; p < out.pages.size(); ++p) {
    const std::string text = all_text(LaidOut{{out.pages[p]}, {}});
    EXPECT_EQ(text.find("（转第") != std::string::npos, p + 1 < out.pages.size()) << "page " << p + 1;
    EXPECT_EQ(text.find("（上接第") != std::string::npos, p > 0) << "page " << p + 1;
  }
}

TEST(NewspaperLayout, APhotoGroupTallerThanThePageIsAnErrorNotAnEndlessRun) {
  LaidOut out = lay_out(periodical("<page number=\"1\">" + photos(80) + story(1, kSentence) + "</page>"));
  EXPECT_TRUE(out.diags.has_errors());
  EXPECT_LT(out.pages.size(), 5u);
  expect_all_there(out, kSentence);
}

TEST(NewspaperLayout, AFigureTallerThanAnyColumnInAStory) {
  const std::string body = "<p>" + kSentence + "</p><figure><placeholder ratio=\"1:20\">高</placeholder>"
                           "<caption>图为高塔。</caption></figure><p>" + kSentence + "</p>";
  LaidOut out = lay_out(periodical("<page number=\"1\"><article><title>标题</title>" + body + "</article></page>"));
  expect_sound_modules(out);
  EXPECT_LT(out.pages.size(), 5u);
  EXPECT_NE(all_text(out).find("图为高塔"), std::string::npos);
}

TEST(NewspaperLayout, APlacedModulePastThePageFootIsAnErrorWithItsPlace) {
  LaidOut out = lay_out(periodical("<page number=\"1\">" +
                                   story(1, kSentence, " column=\"1\" row=\"1\" span=\"6\" rows=\"900\"") + "</page>"));
  ASSERT_TRUE(out.diags.has_errors());
  EXPECT_NE(out.diags.items().front().message.find("reaches line 900"), std::string::npos)
      << out.diags.items().front().message;
  EXPECT_EQ(out.diags.items().front().line, 2);  // the <article>, after the XML declaration
  expect_sound_modules(out);
}

TEST(NewspaperLayout, TheSeedShapedPageFillsItsColumns) {
  std::string stories;
  for (int i = 1; i <= 10; ++i) stories += story(i, repeat(kSentence, 2 + i % 4), i == 1 ? " importance=\"lead\"" : "");
  LaidOut out = lay_out(periodical("<page number=\"5\"><banner><title>十大新闻</title></banner>" + photos(8) +
                                   stories + "</page>"));
  ASSERT_FALSE(out.diags.has_errors());
  ASSERT_EQ(out.pages.size(), 1u);
  expect_sound_modules(out);
  const PageFrame& page = out.pages[0];
  // The lead opens the page at the top left; every story's columns end within a line of each other.
  int area_lines = 0;
  for (const ModuleRect& m : page.modules) area_lines = std::max(area_lines, m.line + m.lines);
  bool lead_top_left = false;
  for (const ModuleRect& m : page.modules) {
    if (m.what == "article s1") lead_top_left = m.column == 0 && m.line == 0;
    if (m.column_feet.empty()) continue;
    const auto [lo, hi] = std::minmax_element(m.column_feet.begin(), m.column_feet.end());
    EXPECT_LE(*hi - *lo, 1) << m.what;
  }
  EXPECT_TRUE(lead_top_left);
  // Every column reaches the foot within one line.
  for (int col = 0; col < 6; ++col) {
    int foot = -1;
    for (const ModuleRect& m : page.modules)
      if (m.line >= 0 && m.column <= col && col < m.column + m.span) {
        int end = m.line + m.lines - 1;
        if (!m.column_feet.empty()) end = m.column_feet[std::min<size_t>(col - m.column, m.column_feet.size() - 1)];
        foot = std::max(foot, end);
      }
    EXPECT_GE(foot, area_lines - 2) << "column " << col + 1;
  }
}

}  // namespace
}  // namespace huozi::layout
