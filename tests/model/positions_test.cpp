// Exact line:column of diagnostics and nodes. Columns count characters, not
// bytes: each case puts Han characters (three bytes in UTF-8) before the place.
#include <gtest/gtest.h>

#include "model/source_file.h"
#include "model_test_util.h"
#include "util/utf8.h"

namespace huozi::model::testing {
namespace {

struct Case {
  const char* body;     // starts on line kBodyLine
  const char* message;  // a part of the error's message
  int line;             // relative to kBodyLine (0 = the body's first line)
  int column;
};

// clang-format off
const Case kCases[] = {
    // Elements are reported at their '<'.
    {"<p>汉字汉字<bad/></p>",                            "<bad> is not allowed",           0, 8},
    {"<p>\n汉字，汉字。<bad/></p>",                      "<bad> is not allowed",           1, 7},
    {"<p>𠀀𠀀<bad/></p>",                                "<bad> is not allowed",           0, 6},
    {"<p>\t汉\t<bad/></p>",                              "<bad> is not allowed",           0, 7},
    {"<p>汉字</p><p>汉字</p>  <div/>",                  "unknown element <div>",          0, 21},
    {"<p>一</p>\n<p>二</p>\n  <p>三三三<em class=\"x\">a</em></p>", "unknown attribute \"class\"", 2, 9},
    {"<chapter><title>章</title>\n  <p>汉字</p>\n    <h2>节</h2></chapter>", "unknown element <h2>", 2, 5},
    // Text is reported at its first visible character.
    {"<p>汉字</p>散文",                                 "text outside a block",           0, 10},
    {"<p>汉字</p>\n\n    散文",                         "text outside a block",           2, 5},
    {"<ul><li>一</li>\n\t 文</ul>",                     "text outside a block in <ul>",   1, 3},
    // Checks on the finished tree keep the element's place.
    {"<p>汉字汉字<a href=\"#无\">链接</a></p>",          "link to \"#无\"",                 0, 8},
    {"<p id=\"甲\">汉</p>\n<p>汉字</p><p id=\"甲\">字</p>", "duplicate id \"甲\"",            1, 10},
    {"<p>汉字</p>\n<figure>\n  <caption>图</caption></figure>", "<figure> needs exactly one",  1, 1},
    {"<p>文字<ruby>汉<rt>hàn</rt>字</ruby></p>",          "<rt> must come last",            0, 13},
};
// clang-format on

void PrintTo(const Case& c, std::ostream* os) { *os << printable(c.body); }

class PositionTest : public ::testing::TestWithParam<Case> {};
TEST_P(PositionTest, IsExact) {
  const Case& c = GetParam();
  LoadResult r = load_body(c.body);
  const Diagnostic* d = find_diagnostic(r, c.message);
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->file, "test.xml");
  EXPECT_EQ(d->line, kBodyLine + c.line) << describe(r);
  EXPECT_EQ(d->column, c.column) << describe(r);
}
INSTANTIATE_TEST_SUITE_P(Positions, PositionTest, ::testing::ValuesIn(kCases));

struct SourceCase {
  const char* source;
  const char* message;
  int line;
  int column;
};

// clang-format off
const SourceCase kSourceCases[] = {
    {"<publication>\n<p>汉字汉字</q>\n</publication>",   "malformed XML: Start-end tags mismatch", 2, 10},
    // pugixml reports where it gave up: for an open comment, the end of the text.
    {"<publication>\n  <!-- 注释注释\n",                 "malformed XML: Error parsing comment",   2, 12},
    {"<publication>\n汉字汉字<p a=1/>\n</publication>",  "malformed XML: Error parsing element attribute", 2, 10},
    {"<?xml version=\"1.0\"?>\n<!DOCTYPE p [\n汉字 <!ENTITY a \"b\">]>\n<publication/>",
                                                        "entity declarations are not supported",  3, 4},
    {"<publication>\n<metadata>\n  <title>书</title>\n</metadata>\n<body/></publication>",
                                                        "missing required metadata: <date>",      2, 1},
    {"<publication>\n<metadata>\n  <title>书</title>\n</metadata>\n<body/></publication>",
                                                        "the publication's language",             1, 1},
    {"<publication/>\n<!-- 注释 -->  <publication/>",  "a second root element",                  2, 14},
    // CRLF line ends count as one line end.
    {"<publication>\r\n<p>汉字</q>\r\n</publication>",   "malformed XML: Start-end tags mismatch", 2, 8},
    {"<publication>\r\r<p>汉字</q>\r</publication>",     "malformed XML: Start-end tags mismatch", 3, 8},
    // A UTF-8 byte order mark takes no column.
    {"\xEF\xBB\xBF<publication>汉字<bad/></publication>", "unexpected <bad> in <publication>",     1, 16},
};
// clang-format on

void PrintTo(const SourceCase& c, std::ostream* os) { *os << printable(c.source); }

class SourcePositionTest : public ::testing::TestWithParam<SourceCase> {};
TEST_P(SourcePositionTest, IsExact) {
  const SourceCase& c = GetParam();
  LoadResult r = load(c.source);
  const Diagnostic* d = find_diagnostic(r, c.message);
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->line, c.line) << describe(r);
  EXPECT_EQ(d->column, c.column) << describe(r);
}
INSTANTIATE_TEST_SUITE_P(Positions, SourcePositionTest, ::testing::ValuesIn(kSourceCases));

TEST(Positions, NodesRememberWhereTheyCameFrom) {
  LoadResult r = load_body(
      "<chapter>\n"
      "  <title>第一章</title>\n"
      "  <p>汉字<em>强调</em>\n"
      "     文字</p>\n"
      "</chapter>");
  ASSERT_TRUE(loads_cleanly(r));
  auto at = [](const Node& n) { return std::to_string(n.where.line) + ":" + std::to_string(n.where.column); };
  const Node& chapter = r.document->body[0];
  const Node& p = chapter.children[1];
  EXPECT_EQ(at(chapter), std::to_string(kBodyLine) + ":1");
  EXPECT_EQ(at(chapter.children[0]), std::to_string(kBodyLine + 1) + ":3");
  EXPECT_EQ(at(p), std::to_string(kBodyLine + 2) + ":3");
  ASSERT_EQ(trace(p), "(p \"汉字\" (em \"强调\") \"文字\")");
  EXPECT_EQ(at(p.children[0]), std::to_string(kBodyLine + 2) + ":6");
  EXPECT_EQ(at(p.children[1]), std::to_string(kBodyLine + 2) + ":8");
  EXPECT_EQ(at(p.children[2]), std::to_string(kBodyLine + 3) + ":6");
  EXPECT_EQ(p.where.file, 0u);
}

TEST(Positions, FormattedDiagnostic) {
  LoadResult r = load_body("<p>汉字汉字<bad/></p>");
  ASSERT_EQ(r.diagnostics.items().size(), 1u) << describe(r);
  EXPECT_EQ(format_diagnostic(r.diagnostics.items()[0]),
            "test.xml:8:8: error: <bad> is not allowed in text (inside <p>) "
            "(hint: inline elements are em, strong, dot, a, ruby, br, code, span, note, tcy)");
}

// SourceText counts a column on from the last position asked for on the same
// line (a file without line breaks would be quadratic otherwise); asked in
// any order, every answer is the one a count from the line start gives.
TEST(Positions, ColumnsAreExactInAnyOrderOnOneLongLine) {
  std::string text = "<a>";
  for (int i = 0; i < 200; ++i) text += "汉字a";
  text += "\n二行𠀀字";
  SourceText source;
  DiagnosticList diags;
  ASSERT_TRUE(source.assign(text, "one-line.xml", diags));
  auto expected = [&](size_t offset) {
    size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    start = start == std::string::npos || start >= offset ? 0 : start + 1;
    return static_cast<int>(utf8::length(std::string_view(text).substr(start, offset - start))) + 1;
  };
  std::vector<size_t> offsets;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  std::vector<size_t> order = offsets;                          // forwards,
  order.insert(order.end(), offsets.rbegin(), offsets.rend());  // backwards,
  for (size_t i = 0; i < offsets.size(); i += 7)
    order.push_back(offsets[(i * 31) % offsets.size()]);  // jumping
  for (size_t offset : order) {
    int line = 0, column = 0;
    source.position(offset, line, column);
    EXPECT_EQ(line, offset > text.find('\n') ? 2 : 1) << offset;
    EXPECT_EQ(column, expected(offset)) << offset;
  }
}

}  // namespace
}  // namespace huozi::model::testing
