// Numbering of parts, chapters and sections (labels), and of footnotes (per chapter).
#include <gtest/gtest.h>

#include "model_test_util.h"

namespace huozi::model::testing {
namespace {

// The labels of every container, depth first, separated by spaces ("-" for none).
void collect_labels(const std::vector<Node>& nodes, std::string& out) {
  for (const Node& n : nodes) {
    if (!is_container(n.kind)) continue;
    out += (out.empty() ? "" : " ") + (n.label().empty() ? std::string("-") : n.label());
    collect_labels(n.children, out);
  }
}

std::string labels(std::string_view body) {
  LoadResult r = load_body(body);
  if (!r.document) return "load failed:\n" + describe(r);
  std::string out;
  collect_labels(r.document->body, out);
  return out;
}

std::string chapters(int n, const char* numbering) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += "<chapter numbering=\"" + std::string(numbering) + "\"><title>t</title></chapter>";
  return out;
}

struct Case {
  std::string body;
  const char* expected;  // labels, depth first
};

// clang-format off
const Case kCases[] = {
    // Chinese: 第一部 / 第一章 / 一、
    {chapters(3, "chinese"), "第一章 第二章 第三章"},
    {"<part numbering=\"chinese\"><title>t</title></part><part numbering=\"chinese\"><title>t</title></part>",
     "第一部 第二部"},
    {"<chapter numbering=\"chinese\"><title>t</title>"
     "<section numbering=\"chinese\"/><section numbering=\"chinese\"><section numbering=\"chinese\"/></section>"
     "</chapter>",
     "第一章 一、 二、 一、"},
    // Arabic: 1 / 1.2 / 1.2.1
    {chapters(2, "arabic"), "1 2"},
    {"<chapter numbering=\"arabic\"><title>t</title></chapter>"
     "<chapter numbering=\"arabic\"><title>t</title>"
     "<section numbering=\"arabic\"/><section numbering=\"arabic\"><section numbering=\"arabic\"/></section>"
     "</chapter>",
     "1 2 2.1 2.2 2.2.1"},
    // No numbering: no label, and no prefix for the sections below.
    {chapters(2, "none"), "- -"},
    {"<chapter><title>t</title><section numbering=\"arabic\"/><section numbering=\"arabic\"/></chapter>",
     "- 1 2"},
    // Unnumbered containers (a preface, an afterword) take no number.
    {"<chapter><title>序</title></chapter>" + chapters(2, "chinese") + "<chapter><title>跋</title></chapter>",
     "- 第一章 第二章 -"},
    {"<chapter numbering=\"arabic\"><title>t</title><section/><section numbering=\"chinese\"/></chapter>",
     "1 - 一、"},
    {"<chapter><title>t</title><section/><section numbering=\"arabic\"/><section/><section numbering=\"arabic\"/>"
     "</chapter>",
     "- - 1 - 2"},
    // Containers of different kinds are counted apart; blocks do not count.
    {"<p>a</p><chapter numbering=\"chinese\"><title>t</title></chapter><p>b</p>"
     "<section numbering=\"chinese\"/><chapter numbering=\"chinese\"><title>t</title></chapter>",
     "第一章 一、 第二章"},
    // Parts do not prefix their chapters' arabic numbers.
    {"<part numbering=\"arabic\"><title>t</title>" + chapters(2, "arabic") + "</part>", "1 1 2"},
    // Chapters run on from part to part.
    {"<part numbering=\"chinese\"><title>t</title>" + chapters(2, "chinese") + "</part>"
     "<part numbering=\"chinese\"><title>t</title>" + chapters(1, "chinese") + "</part>",
     "第一部 第一章 第二章 第二部 第三章"},
    {"<part numbering=\"arabic\"><title>t</title>" + chapters(2, "arabic") + "</part>"
     "<part numbering=\"arabic\"><title>t</title>" + chapters(2, "arabic") + "</part>",
     "1 1 2 2 3 4"},
};
// clang-format on

void PrintTo(const Case& c, std::ostream* os) { *os << printable(c.body); }

class NumberingTest : public ::testing::TestWithParam<Case> {};
TEST_P(NumberingTest, Labels) { EXPECT_EQ(labels(GetParam().body), GetParam().expected); }
INSTANTIATE_TEST_SUITE_P(Numbering, NumberingTest, ::testing::ValuesIn(kCases));

TEST(Numbering, TwentyFirstChineseChapter) {
  LoadResult r = load_body(chapters(21, "chinese"));
  ASSERT_TRUE(loads_cleanly(r));
  ASSERT_EQ(r.document->body.size(), 21u);
  EXPECT_EQ(r.document->body[9].label(), "第十章");
  EXPECT_EQ(r.document->body[10].label(), "第十一章");
  EXPECT_EQ(r.document->body[19].label(), "第二十章");
  EXPECT_EQ(r.document->body[20].label(), "第二十一章");
}

TEST(Numbering, UnknownNumberingIsAnError) {
  EXPECT_TRUE(has_error(load_body("<chapter numbering=\"roman\"><title>t</title></chapter>"),
                        "unknown numbering \"roman\""));
}

struct NumberCase {
  int n;
  const char* chinese;
};

// clang-format off
const NumberCase kChineseNumbers[] = {
    {1, "一"}, {2, "二"}, {9, "九"}, {10, "十"}, {11, "十一"}, {19, "十九"}, {20, "二十"},
    {21, "二十一"}, {99, "九十九"}, {100, "一百"}, {101, "一百零一"}, {110, "一百一十"},
    {111, "一百一十一"}, {120, "一百二十"}, {305, "三百零五"}, {999, "九百九十九"},
    // Outside what the function spells, digits.
    {0, "0"}, {-1, "-1"}, {1000, "1000"},
};
// clang-format on

class ChineseNumberTest : public ::testing::TestWithParam<NumberCase> {};
TEST_P(ChineseNumberTest, Spells) { EXPECT_EQ(chinese_number(GetParam().n), GetParam().chinese); }
INSTANTIATE_TEST_SUITE_P(Numbering, ChineseNumberTest, ::testing::ValuesIn(kChineseNumbers));

// The footnote numbers in document order, "|" at each new chapter.
void collect_notes(const std::vector<Node>& nodes, std::string& out) {
  for (const Node& n : nodes) {
    if (n.kind == NodeKind::Chapter) out += "|";
    if (n.kind == NodeKind::Footnote) out += std::to_string(n.number);
    collect_notes(n.children, out);
  }
}

TEST(Footnotes, AreNumberedPerChapterFromOne) {
  LoadResult r = load_body(
      "<chapter><title>一<note>题注</note></title>"
      "<p>a<note>1</note>b<note>2</note></p>"
      "<section><p><em>c<note>3</note></em></p><ul><li><note>4</note></li></ul></section>"
      "<table><tr><td><note>5</note></td></tr></table>"
      "</chapter>"
      "<chapter><title>二</title><p><note>1</note></p><verse><line><note>2</note></line></verse></chapter>"
      "<chapter><title>三</title><p>无注</p></chapter>"
      "<part><title>部</title><chapter><title>四</title><p><note>1</note><note>2</note></p></chapter></"
      "part>");
  ASSERT_TRUE(loads_cleanly(r));
  std::string notes;
  collect_notes(r.document->body, notes);
  EXPECT_EQ(notes, "|123456|12||12");
}

TEST(Footnotes, NotesOutsideChaptersAreNumberedInOrder) {
  LoadResult r = load_body("<p><note>a</note></p><quote><p><note>b</note></p></quote>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(r.document->body), "(p (note n=1 \"a\")) (quote (p (note n=2 \"b\")))");
}

}  // namespace
}  // namespace huozi::model::testing
