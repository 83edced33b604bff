// The loader's value checks (model/validators.h) as tables: each row is a
// value as a source writes it and what the check says, both where a value is
// accepted and where it must not be.
#include "model/validators.h"

#include <gtest/gtest.h>

#include <string>

namespace huozi::model {
namespace {

struct Verdict {
  const char* text;
  bool ok;
};

// clang-format off
TEST(Validators, Uuid) {
  const Verdict cases[] = {
      {"5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e", true},
      {"5E0B1F2C-4A8E-4D6B-9C1E-0F2A3B4C5D6E", true},   // upper case
      {"00000000-0000-0000-0000-000000000000", true},
      {"5e0b1f2c4a8e4d6b9c1e0f2a3b4c5d6e",     false},  // no hyphens
      {"5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6",  false},  // a digit short
      {"5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e0", false}, // a digit over
      {"5e0b1f2c-4a8e4-d6b-9c1e-0f2a3b4c5d6e", false},  // a hyphen out of place
      {"5e0b1f2g-4a8e-4d6b-9c1e-0f2a3b4c5d6e", false},  // g is not hex
      {"urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a", false}, // the prefix is the caller's
      {"",                                      false},
  };
  for (const Verdict& c : cases) EXPECT_EQ(is_uuid(c.text), c.ok) << c.text;
}

TEST(Validators, Isbn) {
  const Verdict cases[] = {
      {"9787020002207",     true},
      {"978-7-02-000220-7", true},   // hyphens
      {"978 7 02 000220 7", true},   // spaces
      {"7-02-000220-X",     true},   // ten digits with a check X
      {"702000220x",        true},
      {"978702000220",      false},  // twelve digits
      {"97870200022071",    false},  // fourteen
      {"",                  false},
      {"ISBN",              false},
      {"978-7-02/000220-7", false},  // a slash spoils it
  };
  for (const Verdict& c : cases) EXPECT_EQ(is_isbn(c.text), c.ok) << c.text;
}

TEST(Validators, XmlName) {
  const Verdict cases[] = {
      {"ch1", true},   {"_x", true},     {"a-b.c_d", true}, {"山居", true},   {"A", true},
      {"", false},     {"1ch", false},   {"-a", false},     {".a", false},    {"a b", false},
      {"a:b", false},  {"a#b", false},   {"a/b", false},
  };
  for (const Verdict& c : cases) EXPECT_EQ(is_xml_name(c.text), c.ok) << c.text;
}

TEST(Validators, LanguageTag) {
  const Verdict cases[] = {
      {"zh", true},         {"zh-Hans", true},   {"zh-Hant-TW", true}, {"en-GB", true},
      {"x-private", true},  {"de-1996", true},   {"abcdefgh", true},
      {"", false},          {"zh-", false},      {"-zh", false},       {"zh--Hans", false},
      {"1zh", false},       {"zh_Hans", false},  {"abcdefghi", false}, {"zh-abcdefghi", false},
      {"中文", false},
  };
  for (const Verdict& c : cases) EXPECT_EQ(is_language_tag(c.text), c.ok) << c.text;
}

TEST(Validators, Date) {
  const Verdict cases[] = {
      {"2021", true},        {"2021-12", true},     {"2021-12-31", true},  {"0001-01-01", true},
      {"2021-01-31", true},
      {"", false},           {"21", false},         {"2021-1", false},     {"2021-13", false},
      {"2021-00", false},    {"2021-12-32", false}, {"2021-12-00", false}, {"2021/12/31", false},
      {"2021-12-3", false},  {"2021-12-31T00", false}, {"二〇二一", false}, {"20a1", false},
  };
  for (const Verdict& c : cases) EXPECT_EQ(is_valid_date(c.text), c.ok) << c.text;
}

TEST(Validators, Ratio) {
  const Verdict cases[] = {
      {"4:3", true},   {"1:1", true},    {"16:9", true},   {"999999999:1", false},  {"21:1", false}, {"1:21", false},
      {"", false},     {"4", false},     {"4:", false},    {":3", false},  {"0:3", false},
      {"4:0", false},  {"4:3:2", false}, {"4.5:3", false}, {"-4:3", false}, {"wide", false},
      {"9999999999:1", false},  // longer than 11 characters
  };
  for (const Verdict& c : cases) EXPECT_EQ(is_valid_ratio(c.text), c.ok) << c.text;
}

TEST(Validators, Number) {
  const Verdict cases[] = {
      {"1.7", true},   {"2", true},      {"0.5", true},    {"1e2", true},
      {"", false},     {"1.7abc", false}, {"abc", false},  {" 1.7", false}, {"1.7 ", false},
      {"nan", false},  {"inf", false},   {"1e308", true},  {"1e309", false},  // infinite
  };
  double v = 0;
  for (const Verdict& c : cases) EXPECT_EQ(parse_number(c.text, v), c.ok) << c.text;
}

TEST(Validators, WholeNumber) {
  const Verdict cases[] = {
      {"3", true},      {"0", true},       {"123456789", true},
      {"3.9", false},   {"2abc", false},   {"-1", false},  {"", false}, {" 3", false},
      {"4294967297", false},  // ten digits: would wrap
  };
  int v = 0;
  for (const Verdict& c : cases) EXPECT_EQ(parse_whole_number(c.text, v), c.ok) << c.text;
}

TEST(Validators, UrlText) {
  const Verdict cases[] = {
      {"https://example.com/a?b=c#d", true}, {"https://例子.中国/路径", true}, {"mailto:a@b.c", true},
      {"https://example.com/a%20b", true},
      {"https://example.com/a b", false},    {"https://example.com/\"x\"", false},
      {"https://example.com/'x'", false},    {"https://example.com/<x>", false},
      {"https://example.com/\tx", false},    {"https://example.com/a\\b", false},
  };
  for (const Verdict& c : cases) EXPECT_EQ(is_url_text(c.text), c.ok) << c.text;
}

struct LengthCase {
  const char* text;
  bool ok;
  double points;  // with an em of 10 pt
};

TEST(Validators, Length) {
  const LengthCase cases[] = {
      {"36pt",   true, 36},
      {"0pt",    true, 0},
      {"25.4mm", true, 72},
      {"2.54cm", true, 72},
      {"0.5in",  true, 36},
      {"2em",    true, 20},
      {"5000pt", true, 5000},
      {"",       false, 0},
      {"36",     false, 0},   // no unit
      {"36 pt",  false, 0},   // a space before the unit
      {"36px",   false, 0},
      {"-1mm",   false, 0},
      {"5001pt", false, 0},
      {"nanpt",  false, 0},
      {"mm",     false, 0},
  };
  for (const LengthCase& c : cases) {
    double out = -1;
    EXPECT_EQ(parse_length(c.text, 10, out), c.ok) << c.text;
    if (c.ok) EXPECT_NEAR(out, c.points, 1e-9) << c.text;
    else EXPECT_EQ(out, -1) << c.text << ": left alone";
  }
}

struct TrimCase {
  const char* text;
  bool ok;
  double width_mm, height_mm;
};

TEST(Validators, TrimSize) {
  const TrimCase cases[] = {
      {"A5",          true, 148, 210},
      {"A4",          true, 210, 297},
      {"16开",        true, 185, 260},
      {"大32开",      true, 140, 203},
      {"148x210mm",   true, 148, 210},
      {"50x2000mm",   true, 50, 2000},
      {"140.5x203mm", true, 140.5, 203},
      {"a5",          false, 0, 0},
      {"148x210",     false, 0, 0},   // no unit
      {"148X210mm",   false, 0, 0},   // a capital X
      {"148x210cm",   false, 0, 0},
      {"49x210mm",    false, 0, 0},   // too narrow
      {"148x2001mm",  false, 0, 0},   // too tall
      {"148x mm",     false, 0, 0},
      {"x210mm",      false, 0, 0},
      {"mm",          false, 0, 0},
  };
  for (const TrimCase& c : cases) {
    double w = 0, h = 0;
    EXPECT_EQ(parse_trim_size(c.text, w, h), c.ok) << c.text;
    EXPECT_EQ(w, c.width_mm) << c.text;
    EXPECT_EQ(h, c.height_mm) << c.text;
  }
}
// clang-format on

}  // namespace
}  // namespace huozi::model
