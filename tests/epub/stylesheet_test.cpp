// The EPUB's stylesheet as a browser parses it: a selector with a namespace
// prefix that the sheet does not declare is invalid, and its whole rule is
// dropped (CSS Namespaces §4), so chapters and parts would lose their page
// breaks and the part page its design.
#include "epub/stylesheet.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace huozi::epub {
namespace {

// Reading systems that load XHTML as HTML (epub.js) drop a rule with an
// epub|type selector (issue 18): the stylesheet styles by class only.
TEST(EpubStylesheet, StylesByClassNeverByEpubType) {
  const std::string css = stylesheet_css();
  EXPECT_EQ(css.find("epub|"), std::string::npos);
  EXPECT_EQ(css.find("@namespace"), std::string::npos);
  EXPECT_NE(css.find("section.chapter, section.part {"), std::string::npos);
}

TEST(EpubStylesheet, PartsHaveAPageOfTheirOwnWithTheNumberOverTheTitle) {
  const std::string css = stylesheet_css();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(css, m, std::regex(R"(section\.part > h1 \{([^}]*)\})")));
  EXPECT_NE(m[1].str().find("margin-top: 30vh"), std::string::npos);
  ASSERT_TRUE(std::regex_search(css, m, std::regex(R"(section\.part > h1 > \.number \{([^}]*)\})")));
  EXPECT_NE(m[1].str().find("display: block"), std::string::npos);
  EXPECT_TRUE(std::regex_search(css, std::regex(R"(section\.part \{[^}]*break-before: page)")));
}

// A night theme sets a dark page and light text (issue 18, item 3): content
// boxes may not fix a light background or a dark text colour of their own.
TEST(EpubStylesheet, NoFixedColoursOnContentForNightThemes) {
  const std::string css = stylesheet_css();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(css, m, std::regex(R"(div\.fpo \{([^}]*)\})")));
  const std::string fpo = m[1].str();
  EXPECT_NE(fpo.find("color: inherit"), std::string::npos);
  EXPECT_TRUE(std::regex_search(fpo, std::regex(R"(background: rgba\(128, 128, 128, 0\.\d+\))")));
  // Nowhere a hex background or text colour: those are what glare at night.
  EXPECT_FALSE(std::regex_search(css, std::regex(R"((^|[;{\s])(background|color):\s*#)")));
}

// Note marks (issue 18, item 1): a tap target larger than the mark.
TEST(EpubStylesheet, NoteMarksHaveATapTargetLargerThanTheMark) {
  const std::string css = stylesheet_css();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(css, m, std::regex(R"(a\.noteref \{([^}]*)\})")));
  EXPECT_NE(m[1].str().find("padding: 0.5em 0.15em"), std::string::npos);
  EXPECT_NE(m[1].str().find("vertical-align: super"), std::string::npos);
}

TEST(EpubStylesheet, AsksTheReadingSystemForClreqSpacingAndBreaks) {
  const std::string css = stylesheet_css();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(css, m, std::regex(R"(\nbody \{([^}]*)\})")));
  EXPECT_NE(m[1].str().find("text-autospace: normal"), std::string::npos);  // Han-Latin quarter em (clreq 3)
  EXPECT_NE(m[1].str().find("line-break: strict"), std::string::npos);      // kinsoku
  ASSERT_TRUE(std::regex_search(css, m, std::regex(R"(\np \{([^}]*)\})")));
  EXPECT_NE(m[1].str().find("text-wrap: pretty"), std::string::npos);  // no lonely last character
  EXPECT_NE(m[1].str().find("text-indent: 2em"), std::string::npos);
  EXPECT_NE(css.find("h1, h2, h3, h4, h5, h6 { text-wrap: balance; }"), std::string::npos);
}

}  // namespace
}  // namespace huozi::epub
