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

TEST(EpubStylesheet, DeclaresTheEpubNamespaceBeforeAnyRuleUsesIt) {
  const std::string css = stylesheet_css();
  size_t declared = css.find("@namespace epub \"http://www.idpf.org/2007/ops\";");
  size_t used = css.find("epub|");
  ASSERT_NE(used, std::string::npos);
  ASSERT_NE(declared, std::string::npos);
  EXPECT_LT(declared, used);
  // @namespace must follow @charset and precede every style rule.
  EXPECT_EQ(css.rfind('{', declared), std::string::npos);
}

TEST(EpubStylesheet, PartsHaveAPageOfTheirOwnWithTheNumberOverTheTitle) {
  const std::string css = stylesheet_css();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(css, m, std::regex(R"(section\[epub\|type~="part"\] > h1 \{([^}]*)\})")));
  EXPECT_NE(m[1].str().find("margin-top: 30vh"), std::string::npos);
  ASSERT_TRUE(std::regex_search(css, m, std::regex(R"(section\[epub\|type~="part"\] > h1 > \.number \{([^}]*)\})")));
  EXPECT_NE(m[1].str().find("display: block"), std::string::npos);
  EXPECT_TRUE(std::regex_search(css, std::regex(R"(section\[epub\|type~="part"\] \{[^}]*break-before: page)")));
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
