// The font database over the real fonts.conf and Debian's fonts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "text/font_db.h"

namespace huozi::text {
namespace {

TEST(FontConfig, ParsesLinesAndComments) {
  DiagnosticList diags;
  const auto entries = parse_font_config(
      "# comment\n\nbody zh-Hans regular fonts-noto-cjk Noto Serif CJK SC\n"
      "fallback * regular fonts-hanazono HanaMinA  # rare Han\n",
      "fonts.conf", diags);
  EXPECT_FALSE(diags.has_errors());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].family, "Noto Serif CJK SC");
  EXPECT_EQ(entries[0].role, Role::Body);
  EXPECT_EQ(entries[0].line, 3);
  EXPECT_TRUE(entries[1].fallback);
  EXPECT_EQ(entries[1].family, "HanaMinA");
  EXPECT_EQ(entries[1].package, "fonts-hanazono");
}

TEST(FontConfig, ReportsBadLinesWithTheirPlace) {
  DiagnosticList diags;
  parse_font_config("title zh-Hans regular p F\nbody fr regular p F\nbody * heavy p F\nbody * regular p\n", "x.conf",
                    diags);
  ASSERT_EQ(diags.items().size(), 4u);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(diags.items()[i].line, i + 1);
    EXPECT_EQ(diags.items()[i].file, "x.conf");
  }
}

std::unique_ptr<FontDb> open_default() {
  DiagnosticList diags;
  auto db = FontDb::open(FontDb::default_config(), diags);
  for (const auto& d : diags.items()) ADD_FAILURE() << format_diagnostic(d);
  return db;
}

TEST(FontDb, ChainsFollowRoleAndLanguage) {
  auto db = open_default();
  ASSERT_TRUE(db);
  EXPECT_EQ(db->info(db->chain(Role::Body, "zh-Hans").front()).family, "Noto Serif CJK SC");
  EXPECT_EQ(db->info(db->chain(Role::Body, "zh-Hant").front()).family, "Noto Serif CJK TC");
  EXPECT_EQ(db->info(db->chain(Role::Body, "zh-TW").front()).family, "Noto Serif CJK TC");
  EXPECT_EQ(db->info(db->chain(Role::Strong, "zh-Hans").front()).family, "Noto Sans CJK SC");
  EXPECT_TRUE(db->info(db->chain(Role::Strong, "zh-Hans").front()).bold);
  EXPECT_EQ(db->info(db->chain(Role::Heading, "zh-Hant").front()).family, "Noto Sans CJK TC");
  const auto& chain = db->chain(Role::Body, "zh-Hans");
  EXPECT_EQ(db->info(chain[chain.size() - 2]).family, "HanaMinA");
  EXPECT_EQ(db->info(chain.back()).family, "HanaMinB");
}

TEST(FontDb, CollectionFaceIndex) {
  auto db = open_default();
  ASSERT_TRUE(db);
  const auto& sc = db->info(db->chain(Role::Body, "zh-Hans").front());
  const auto& tc = db->info(db->chain(Role::Body, "zh-Hant").front());
  EXPECT_EQ(sc.file, tc.file);  // one .ttc
  EXPECT_NE(sc.index, tc.index);
  EXPECT_EQ(std::filesystem::path(sc.file).extension(), ".ttc");
}

TEST(FontDb, CoverageAndFallback) {
  auto db = open_default();
  ASSERT_TRUE(db);
  const auto& chain = db->chain(Role::Body, "zh-Hans");
  EXPECT_TRUE(db->covers(chain.front(), U'汉'));
  EXPECT_TRUE(db->covers(chain.front(), U'A'));
  EXPECT_FALSE(db->covers(chain.front(), U'\U00020001'));  // 𠀁: Extension B, not in Noto CJK
  EXPECT_TRUE(db->covers(chain.back(), U'\U00020001'));    // HanaMinB has it
}

TEST(FontDb, MissingFontNamesItsPackage) {
  const auto path = std::filesystem::temp_directory_path() / "huozi-missing-font.conf";
  std::ofstream(path) << "body zh-Hans regular fonts-nowhere-cjk Nowhere Serif CJK SC\n";
  DiagnosticList diags;
  EXPECT_FALSE(FontDb::open(path, diags));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_NE(diags.items()[0].message.find("Nowhere Serif CJK SC"), std::string::npos);
  EXPECT_NE(diags.items()[0].hint.find("apt-get install fonts-nowhere-cjk"), std::string::npos);
  EXPECT_EQ(diags.items()[0].line, 1);
  std::filesystem::remove(path);
}

TEST(FontDb, MissingConfigIsAnError) {
  DiagnosticList diags;
  EXPECT_FALSE(FontDb::open("/nonexistent/fonts.conf", diags));
  EXPECT_TRUE(diags.has_errors());
}

}  // namespace
}  // namespace huozi::text
