// Source encodings: UTF-8 (with or without BOM), UTF-16 by BOM, GB18030/GBK by
// XML declaration; invalid UTF-8 reported at its line:column.
#include <gtest/gtest.h>

#include "model_test_util.h"
#include "util/utf8.h"

namespace huozi::model::testing {
namespace {

std::string to_utf16(std::string_view utf8_text, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  auto unit = [&](char16_t u) {
    char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  for (size_t i = 0; i < utf8_text.size();) {
    char32_t c = utf8::next(utf8_text, i);
    if (c < 0x10000) {
      unit(static_cast<char16_t>(c));
    } else {
      unit(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      unit(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    }
  }
  return out;
}

// A publication titled 汉字 whose body is one paragraph; the title and
// paragraph are spliced in as raw bytes (in whatever encoding the test uses).
std::string source(std::string_view declaration, std::string_view title, std::string_view paragraph) {
  return std::string(declaration) +
         "<publication xml:lang=\"zh-Hans\">\n"
         "<metadata><title>" +
         std::string(title) +
         "</title>"
         "<identifier>urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e</identifier><date>2021</date></"
         "metadata>\n"
         "<body>\n"
         "<p>" +
         std::string(paragraph) +
         "</p>\n"
         "</body>\n"
         "</publication>\n";
}

// 汉字, 活字印刷, "，。" and 𠀀 (a four-byte sequence) in GB18030.
constexpr std::string_view kGbHanzi = "\xBA\xBA\xD7\xD6";
constexpr std::string_view kGbHuozi = "\xBB\xEE\xD7\xD6\xD3\xA1\xCB\xA2";
constexpr std::string_view kGbPunct = "\xA3\xAC\xA1\xA3";
constexpr std::string_view kGbExtB = "\x95\x32\x82\x36";

std::string paragraph_text(const LoadResult& r) {
  if (!r.document || r.document->body.empty()) return "load failed:\n" + describe(r);
  return plain_text(r.document->body[0]);
}

TEST(Encoding, Utf8WithoutAndWithBom) {
  std::string plain = source("", "汉字", "活字印刷");
  for (const std::string& bytes :
       {plain, "\xEF\xBB\xBF" + plain, "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + plain,
        "<?xml version='1.0' encoding='utf8'?>" + plain}) {
    LoadResult r = load(bytes);
    ASSERT_TRUE(loads_cleanly(r));
    EXPECT_EQ(r.document->metadata.title, "汉字");
    EXPECT_EQ(paragraph_text(r), "活字印刷");
  }
}

struct GbCase {
  const char* declaration;
};

const GbCase kGbDeclarations[] = {
    {"<?xml version=\"1.0\" encoding=\"GB18030\"?>\n"},
    {"<?xml version=\"1.0\" encoding=\"GBK\"?>\n"},
    {"<?xml version=\"1.0\" encoding=\"gb2312\"?>\n"},
    {"<?xml version='1.0' encoding = 'gbk' ?>\n"},
};

class GbTest : public ::testing::TestWithParam<GbCase> {};
TEST_P(GbTest, IsConvertedToUtf8) {
  std::string paragraph = std::string(kGbHuozi) + std::string(kGbPunct) + "abc" + std::string(kGbExtB);
  LoadResult r = load(source(GetParam().declaration, kGbHanzi, paragraph));
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(r.document->metadata.title, "汉字");
  EXPECT_EQ(paragraph_text(r), "活字印刷，。abc𠀀");
}
INSTANTIATE_TEST_SUITE_P(Encoding, GbTest, ::testing::ValuesIn(kGbDeclarations));

TEST(Encoding, GbkPositionsAreInCharacters) {
  LoadResult r = load(std::string("<?xml version=\"1.0\" encoding=\"GBK\"?>\n") + "<publication>\n" +
                      std::string(kGbHuozi) + "<bad/></publication>");
  const Diagnostic* d = find_diagnostic(r, "unexpected <bad>");
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->line, 3);
  EXPECT_EQ(d->column, 5);
}

TEST(Encoding, DeclaredGbkThatIsNotGbk) {
  // 0x80 alone and a lead byte at the end are not GB18030.
  LoadResult r = load(source("<?xml version=\"1.0\" encoding=\"GBK\"?>\n", kGbHanzi, "\x80\xFF"));
  EXPECT_TRUE(has_error(r, "the file declares encoding \"gbk\" but is not valid gbk"));
}

TEST(Encoding, UnsupportedDeclaredEncoding) {
  EXPECT_TRUE(has_error(load(source("<?xml version=\"1.0\" encoding=\"Big5\"?>\n", "t", "p")),
                        "unsupported encoding \"big5\""));
  EXPECT_TRUE(has_error(load(source("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n", "t", "p")),
                        "unsupported encoding \"iso-8859-1\""));
}

struct BadUtf8Case {
  std::string paragraph;  // after "<p>汉字" on line 4
  const char* byte;
};

// clang-format off
const BadUtf8Case kBadUtf8[] = {
    {std::string(kGbHanzi), "0xBA"},  // GBK bytes in a file without a declaration
    {"\xC0\x80", "0xC0"},             // overlong
    {"\xED\xA0\x80", "0xED"},         // a surrogate
    {"\xF5\x80\x80\x80", "0xF5"},     // beyond U+10FFFF
    {"\x80", "0x80"},                 // a lone continuation byte
    {"\xE6\xB1", "0xE6"},             // a truncated sequence
};
// clang-format on

class BadUtf8Test : public ::testing::TestWithParam<BadUtf8Case> {};
TEST_P(BadUtf8Test, IsReportedAtItsPlace) {
  LoadResult r = load(source("", "t", "汉字" + GetParam().paragraph));
  ASSERT_TRUE(has_error(r, std::string("invalid UTF-8 (byte ") + GetParam().byte + ")"));
  ASSERT_EQ(r.diagnostics.items().size(), 1u) << describe(r);
  const Diagnostic& d = r.diagnostics.items()[0];
  EXPECT_EQ(d.line, 4);
  EXPECT_EQ(d.column, 6);  // <p>汉字 is five characters
  EXPECT_NE(d.hint.find("GB18030"), std::string::npos) << d.hint;
}
INSTANTIATE_TEST_SUITE_P(Encoding, BadUtf8Test, ::testing::ValuesIn(kBadUtf8));

class Utf16Test : public ::testing::TestWithParam<bool> {};
TEST_P(Utf16Test, WithBomIsConverted) {
  bool big_endian = GetParam();
  for (const char* declaration : {"", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"}) {
    LoadResult r = load(to_utf16(source(declaration, "汉字", "活字印刷𠀀"), big_endian));
    ASSERT_TRUE(loads_cleanly(r)) << declaration;
    EXPECT_EQ(r.document->metadata.title, "汉字");
    EXPECT_EQ(paragraph_text(r), "活字印刷𠀀");
  }
}

TEST_P(Utf16Test, PositionsAreInCharacters) {
  LoadResult r = load(to_utf16(source("", "汉字", "活字印刷𠀀<bad/>"), GetParam()));
  const Diagnostic* d = find_diagnostic(r, "<bad> is not allowed");
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->line, 4);
  EXPECT_EQ(d->column, 9);
}

TEST_P(Utf16Test, LoneSurrogateIsRefused) {
  std::string bytes = to_utf16(source("", "汉字", "~"), GetParam());
  // Replace the ~ (U+007E) by a lone high surrogate.
  std::string x = GetParam() ? std::string("\x00\x7E", 2) : std::string("\x7E\x00", 2);
  bytes.replace(bytes.find(x), 2, GetParam() ? std::string("\xD8\x00", 2) : std::string("\x00\xD8", 2));
  EXPECT_TRUE(has_error(load(bytes), "the file is not valid UTF-16"));
}

TEST_P(Utf16Test, OddLengthIsRefused) {
  std::string bytes = to_utf16(source("", "汉字", "x"), GetParam()) + "x";
  EXPECT_TRUE(has_error(load(bytes), "the file is not valid UTF-16"));
}

INSTANTIATE_TEST_SUITE_P(Encoding, Utf16Test, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "BigEndian" : "LittleEndian"; });

}  // namespace
}  // namespace huozi::model::testing
