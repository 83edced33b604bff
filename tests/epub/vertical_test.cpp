// 竖排 in the EPUB (issue 17): <publication writing-mode="vertical"> puts
// every file's root in vertical-rl, turns the pages right to left, and sets
// numbers of one or two digits upright in one cell (縦中横).
#include <gtest/gtest.h>

#include "epub/xhtml_writer.h"
#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

std::string vertical(const std::string& body) {
  std::string xml = publication(body);
  xml.replace(xml.find("<publication "), 13, "<publication writing-mode=\"vertical\" ");
  return xml;
}

std::string tcy(const std::string& text) {
  std::string out;
  append_text(out, text, true);
  return out;
}

TEST(Vertical, NumbersOfOneOrTwoDigitsStandUpright) {
  EXPECT_EQ(tcy("2021年12月3日"), "2021年<span class=\"tcy\">12</span>月<span class=\"tcy\">3</span>日");
  EXPECT_EQ(tcy("第100回"), "第100回");  // three digits and more: rotated, unless the source marks them <tcy>
  EXPECT_EQ(tcy("A4纸、2.5倍、1,000人、v12"), "A4纸、2.5倍、1,000人、v12");  // pieces of words and numbers
  EXPECT_EQ(tcy("<12>"), "&lt;<span class=\"tcy\">12</span>&gt;");
  std::string plain;
  append_text(plain, "12月", false);
  EXPECT_EQ(plain, "12月");
}

TEST(Vertical, EveryFileIsVerticalAndPagesTurnRightToLeft) {
  auto doc = load(vertical("<chapter><title>第1章</title><p>子曰：学而时习之，12月。</p></chapter>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  EXPECT_STREQ(opf.one("/package/spine").attribute("page-progression-direction").value(), "rtl");
  for (const char* file : {"EPUB/chapter-001.xhtml", "EPUB/nav.xhtml", "EPUB/titlepage.xhtml"}) {
    Xml x = parse_xml(epub.entry(file));
    ASSERT_TRUE(x.problems.empty()) << file << x.problems;
    EXPECT_STREQ(x.root().attribute("class").value(), "vertical") << file;
  }
  EXPECT_NE(epub.entry("EPUB/chapter-001.xhtml").find("<span class=\"tcy\">12</span>月"), std::string::npos);
  std::string css = epub.entry("EPUB/style.css");
  EXPECT_NE(css.find("html.vertical {\n  writing-mode: vertical-rl;"), std::string::npos);
  EXPECT_NE(css.find(".tcy { text-combine-upright: all;"), std::string::npos);
}

TEST(Vertical, TheSourceMaySetUpToFourDigitsInOneCell) {
  auto doc = load(vertical("<chapter><title>一</title><p>公元<tcy>2021</tcy>年</p></chapter>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_NE(epub.entry("EPUB/chapter-001.xhtml").find("公元<span class=\"tcy\">2021</span>年"), std::string::npos);
  auto horizontal = load(publication("<p>公元<tcy>2021</tcy>年</p>"));
  ASSERT_TRUE(horizontal);
  Epub plain(*horizontal);
  ASSERT_TRUE(plain.ok());
  EXPECT_NE(plain.entry("EPUB/text-001.xhtml").find("公元2021年"), std::string::npos);
}

// A chapter may name its own writing mode: its files say so on their root,
// the numbers in them stand upright only there, and the book's page order
// and its own files (navigation, title page) stay the publication's.
TEST(Vertical, AChapterSetsItsOwnFilesWritingMode) {
  auto doc = load(vertical("<chapter><title>一</title><p>12月</p></chapter>"
                           "<chapter writing-mode=\"horizontal\"><title>二</title><p>12月</p></chapter>"
                           "<part writing-mode=\"horizontal\"><title>三</title>"
                           "<chapter><title>四</title><p>12月</p></chapter>"
                           "<chapter writing-mode=\"vertical\"><title>五</title><p>12月</p></chapter></part>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_STREQ(parse_xml(epub.entry("EPUB/package.opf")).one("/package/spine").attribute("page-progression-direction").value(),
               "rtl");
  const struct {
    const char* file;
    bool vertical;
  } files[] = {{"EPUB/nav.xhtml", true},         {"EPUB/chapter-001.xhtml", true}, {"EPUB/chapter-002.xhtml", false},
               {"EPUB/part-003.xhtml", false},   {"EPUB/chapter-004.xhtml", false}, {"EPUB/chapter-005.xhtml", true}};
  for (const auto& f : files) {
    Xml x = parse_xml(epub.entry(f.file));
    ASSERT_TRUE(x.problems.empty()) << f.file << x.problems;
    EXPECT_STREQ(x.root().attribute("class").value(), f.vertical ? "vertical" : "") << f.file;
    if (std::string(f.file).find("chapter") != std::string::npos) {
      EXPECT_EQ(epub.entry(f.file).find("tcy") != std::string::npos, f.vertical) << f.file;
    }
  }
  // A reading system that sets a right-to-left book's page order on the root must not turn a horizontal file's lines.
  EXPECT_STREQ(parse_xml(epub.entry("EPUB/chapter-002.xhtml")).one("/html/body").attribute("dir").value(), "ltr");
  EXPECT_STREQ(parse_xml(epub.entry("EPUB/chapter-001.xhtml")).one("/html/body").attribute("dir").value(), "");
}

TEST(Vertical, HorizontalByDefault) {
  auto doc = load(publication("<p>12月</p>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  EXPECT_STREQ(parse_xml(epub.entry("EPUB/package.opf")).one("/package/spine").attribute("page-progression-direction").value(),
               "ltr");
  EXPECT_EQ(epub.entry("EPUB/text-001.xhtml").find("tcy"), std::string::npos);
}

}  // namespace
}  // namespace huozi::epub::testing
