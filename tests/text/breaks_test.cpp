// Break opportunities: ICU strict, tailored by clreq §1.
#include <gtest/gtest.h>

#include <string>

#include "fake_run.h"

namespace huozi::testing {
namespace {

// The text with '|' at every break opportunity, '=' where it takes a hyphen.
std::string opportunities(const std::string& s) {
  const auto p = fake_shape(s);
  std::string out;
  for (size_t i = 0; i < p.clusters.size(); ++i) {
    const auto& c = p.clusters[i];
    out += s.substr(c.text_begin, c.text_end - c.text_begin);
    if (c.break_after && i + 1 < p.clusters.size()) out += c.hyphen_after ? "=" : "|";
  }
  return out;
}

struct Case {
  const char* text;
  const char* expected;
};

TEST(Breaks, ClreqTailoredOpportunities) {
  const Case cases[] = {
      {"汉字排版", "汉|字|排|版"},
      {"子曰：“学而", "子|曰：|“学|而"},            // no break before ： or after “
      {"乎？”有", "乎？”|有"},                        // closing marks stay with their text
      {"他说——好", "他|说|——|好"},                    // —— is one unit
      {"等等……吧", "等|等……|吧"},                    // …… neither split nor at line start
      {"增长63.3%。", "增|长|63.3%。"},               // numbers whole, % with its number
      {"1,000元", "1,000|元"},
      {"CR200J型", "CR200J|型"},                      // Latin words whole
      {"some English words", "some |English |words"}, // Latin breaks at spaces
      {"（甲）乙", "（甲）|乙"},
      {"《论语》说", "《论|语》|说"},
      {"35℃。", "35℃。"},
  };
  for (const auto& c : cases) EXPECT_EQ(opportunities(c.text), c.expected) << c.text;
}

// Long lower-case Latin words hyphenate with libhyphen's US English patterns,
// at least two letters before the hyphen and three after; capitalised words
// under 15 letters (pinyin names), CamelCase, acronyms, words with digits,
// addresses and numbers stay whole.
TEST(Breaks, LongWordsTakeHyphensOthersStayWhole) {
  const Case cases[] = {
      {"英语的counterrevolutionaries和", "英|语|的|coun=ter=rev=o=lu=tion=ar=ies|和"},
      {"术语“hyperventilation”等", "术|语|“hy=per=ven=ti=la=tion”|等"},
      {"internationalization", "in=ter=na=tion=al=iza=tion"},
      {"Internationalization和Zhongguancun", "In=ter=na=tion=al=iza=tion|和|Zhongguancun"},  // a short capitalised word: a name, often pinyin
      {"他把MacBook放进包里", "他|把|MacBook|放|进|包|里"},
      {"COVID-19和PCR", "COVID-19|和|PCR"},
      {"i18n和L10N", "i18n|和|L10N"},
      {"见https://international.example.org", "见|https://|international.|example.|org"},
      {"12345678901234567890", "12345678901234567890"},
      {"short word", "short |word"},
  };
  for (const auto& c : cases) EXPECT_EQ(opportunities(c.text), c.expected) << c.text;
}

// URLs and e-mail addresses break after / . - and the like, without a hyphen;
// never inside "//", never between two digits, not right after the first
// character nor before the last.
TEST(Breaks, AddressesBreakAfterTheirSeparators) {
  const Case cases[] = {
      {"见https://example.com/a-b/c", "见|https://|example.|com/|a-|b/|c"},
      {"信箱office@huozi.org。", "信|箱|office@|huozi.|org。"},
      {"www.huozi.org", "www.|huozi.|org"},
      {"comment-998877", "comment-998877"},        // not an address: ICU's word
      {"http://x.cn/v3.14/p", "http://|x.|cn/|v3.14/|p"},  // 3.14 stays whole
      {"e-mail", "e-|mail"},                      // not an address: ICU breaks after a hyphen
  };
  for (const auto& c : cases) EXPECT_EQ(opportunities(c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace huozi::testing
