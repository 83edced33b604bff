// What the EPUB tells the font subsetter (issue 18, --epub-fonts): the
// characters its pages show, headings apart, and the stylesheet and manifest
// entries for the faces it gets back.
#include <gtest/gtest.h>

#include "epub/embedded_fonts.h"
#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

bool has(const std::u32string& set, char32_t c) { return set.find(c) != std::u32string::npos; }

TEST(EmbeddedFonts, CharactersOfTheBodyNotOfTheMarkupOrHead) {
  CharacterCollector shown;
  shown.add_xhtml("<?xml version=\"1.0\"?>\n<html><head><title>題</title></head>\n<body>"
                  "<h1 class=\"x\">標</h1><p>正<strong>粗</strong>文 𠀀</p><h2>節</h2><p>尾</p></body></html>");
  ShownCharacters c = shown.characters();
  for (char32_t ch : std::u32string(U"標正粗文𠀀節尾")) EXPECT_TRUE(has(c.text, ch)) << static_cast<uint32_t>(ch);
  EXPECT_FALSE(has(c.text, U'題'));  // <title> is not shown on the page
  for (char32_t ch : std::u32string(U"標粗節")) EXPECT_TRUE(has(c.headings, ch)) << static_cast<uint32_t>(ch);
  for (char32_t ch : std::u32string(U"正文尾𠀀")) EXPECT_FALSE(has(c.headings, ch)) << static_cast<uint32_t>(ch);
  EXPECT_TRUE(has(c.text, U'a') && has(c.headings, U'&'));  // printable ASCII always
  EXPECT_FALSE(has(c.text, U'\n'));
  // In code point order, each once.
  for (size_t i = 1; i < c.text.size(); ++i) EXPECT_LT(c.text[i - 1], c.text[i]);
}

TEST(EmbeddedFonts, TheFacesAreInTheManifestTheZipAndTheStylesheet) {
  auto doc = load(publication("<chapter><title>章名</title><p>正文<strong>要</strong></p></chapter>"));
  ASSERT_TRUE(doc);
  ShownCharacters asked;
  EpubOptions options;
  options.subset_fonts = [&](const ShownCharacters& shown) {
    asked = shown;
    return std::vector<FontFile>{{"fonts/text.otf", "OTTO-text", false, false},
                                 {"fonts/headings.otf", "OTTO-headings", true, false}};
  };
  Epub epub(*doc, options);
  ASSERT_TRUE(epub.ok());
  for (char32_t ch : std::u32string(U"章名正文要目录")) EXPECT_TRUE(has(asked.text, ch)) << static_cast<uint32_t>(ch);
  EXPECT_TRUE(has(asked.headings, U'章') && has(asked.headings, U'要'));
  EXPECT_EQ(epub.entry("EPUB/fonts/text.otf"), "OTTO-text");
  EXPECT_EQ(epub.entry("EPUB/fonts/headings.otf"), "OTTO-headings");
  Xml opf = parse_xml(epub.entry("EPUB/package.opf"));
  EXPECT_STREQ(opf.one("//item[@href='fonts/text.otf']").attribute("media-type").value(), "font/otf");
  EXPECT_TRUE(opf.one("//item[@href='fonts/headings.otf']"));
  std::string css = epub.entry("EPUB/style.css");
  EXPECT_NE(css.find("src: url(\"fonts/text.otf\")"), std::string::npos);
  EXPECT_NE(css.find("font-weight: bold; src: url(\"fonts/headings.otf\")"), std::string::npos);
  EXPECT_NE(css.find("body { font-family: \"huozi text\""), std::string::npos);
}

TEST(EmbeddedFonts, NothingEmbeddedByDefault) {
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  for (const ZipEntry& e : epub.entries()) EXPECT_EQ(e.name.find("fonts/"), std::string::npos) << e.name;
  EXPECT_EQ(epub.entry("EPUB/style.css").find("@font-face"), std::string::npos);
}

}  // namespace
}  // namespace huozi::epub::testing
