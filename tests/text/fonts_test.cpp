// The font database over the real fonts.conf and Debian's fonts.
#include <ft2build.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include FT_FREETYPE_H

#include "text/font_db.h"
#include "text/shaper.h"

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
  parse_font_config("title zh-Hans regular p F\nbody fr regular p F\nbody * heavy p F\nbody * regular p\n",
                    "x.conf", diags);
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

FaceId face_of(const FontDb& db, const std::string& family) {
  for (FaceId id = 0; id < db.size(); ++id)
    if (db.info(id).family == family) return id;
  ADD_FAILURE() << "no face " << family;
  return 0;
}

ShapedParagraph shape(FontDb& db, const std::string& text, const std::string& lang, Role role = Role::Body) {
  TextInput in;
  in.text = text;
  in.lang = lang;
  TextSpan span;
  span.end = static_cast<uint32_t>(text.size());
  span.style.role = role;
  span.style.size_pt = 10;
  span.style.lang = lang;
  in.spans.push_back(span);
  Shaper shaper(db);
  ShapedParagraph out;
  shaper.shape(in, out, nullptr);
  return out;
}

// The face each run of `text` is set in, with the run's text: "family|text" per run.
std::vector<std::string> run_faces(FontDb& db, const std::string& text, const std::string& lang, Role role) {
  const ShapedParagraph p = shape(db, text, lang, role);
  std::vector<std::string> out;
  for (const Run& r : p.runs)
    out.push_back(db.info(r.face).family + (db.info(r.face).italic ? " Italic" : "") + "|" +
                  p.text.substr(r.text_begin, r.text_end - r.text_begin));
  return out;
}

// <em>'s Kai has only plain Latin letters: a Western title in <em> takes the
// role's latin face (Noto Serif Italic), its spaces, digits and ASCII marks
// with it; Han characters and Chinese marks stay the Kai's, as does text
// of other roles.
TEST(FontDb, EmphasisSetsLatinLettersInItsLatinFace) {
  auto db = open_default();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->latin(Role::Emphasis));
  EXPECT_TRUE(db->info(*db->latin(Role::Emphasis)).italic);
  EXPECT_FALSE(db->latin(Role::Body));
  EXPECT_EQ(run_faces(*db, "The Analects, 1979.", "en", Role::Emphasis),
            (std::vector<std::string>{"Noto Serif Italic|The Analects, 1979."}));
  EXPECT_EQ(run_faces(*db, "论语 Analects，“好”", "zh-Hans", Role::Emphasis),
            (std::vector<std::string>{"AR PL UKai CN|论语 ", "Noto Serif Italic|Analects", "AR PL UKai CN|，“好”"}));
  EXPECT_EQ(run_faces(*db, "Analects", "zh-Hans", Role::Body),
            (std::vector<std::string>{"Noto Serif CJK SC|Analects"}));
}

TEST(FontConfig, ALatinLineIsARolesFaceInAnyStyle) {
  DiagnosticList diags;
  const auto entries = parse_font_config("emphasis latin italic fonts-noto-core Noto Serif\n", "f.conf", diags);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].lang, "latin");
  EXPECT_TRUE(entries[0].italic);
  EXPECT_FALSE(entries[0].bold);
  parse_font_config("fallback latin regular p F\n", "f.conf", diags);
  EXPECT_EQ(diags.items().size(), 1u);  // a fallback has no role to set Latin letters for
}

// Faces open on first use: finding them, their chains and their coverage
// open none; shaping opens the faces the runs are set in, and only those.
TEST(FontDb, OpensOnlyTheFacesTextIsShapedIn) {
  auto db = open_default();
  ASSERT_TRUE(db);
  ASSERT_GE(db->size(), 10u);
  EXPECT_EQ(db->open_count(), 0u);
  const FaceId body = db->chain(Role::Body, "zh-Hans").front();
  const FaceId hana_a = face_of(*db, "HanaMinA");
  const FaceId hana_b = face_of(*db, "HanaMinB");
  EXPECT_TRUE(db->covers(body, U'汉'));
  EXPECT_FALSE(db->covers(hana_a, U'\U00020001'));
  EXPECT_TRUE(db->covers(hana_b, U'\U00020001'));
  EXPECT_EQ(db->info(hana_b).family, "HanaMinB");
  EXPECT_EQ(db->open_count(), 0u) << "coverage and info must not open a face";

  const auto han = shape(*db, "汉字，“活字”。", "zh-Hans");
  ASSERT_FALSE(han.runs.empty());
  for (const auto& run : han.runs) EXPECT_EQ(run.face, body);
  EXPECT_FALSE(han.glyphs.empty());
  EXPECT_TRUE(db->is_open(body));
  EXPECT_EQ(db->open_count(), 1u);
  for (FaceId id = 0; id < db->size(); ++id) {
    if (id != body) {
      EXPECT_FALSE(db->is_open(id)) << db->info(id).family << " opened by Han text in the body face";
    }
  }

  // A character the body face lacks opens the fallback that has it, and not
  // the one before it that does not.
  const auto rare = shape(*db, "汉\U00020001字", "zh-Hans");
  ASSERT_EQ(rare.runs.size(), 3u);
  EXPECT_EQ(rare.runs[1].face, hana_b);
  EXPECT_EQ(rare.missing_glyphs, 0u);
  EXPECT_TRUE(db->is_open(hana_b));
  EXPECT_FALSE(db->is_open(hana_a));
  EXPECT_EQ(db->open_count(), 2u);
}

// The coverage (from fontconfig's character set) is exactly the cmap of the
// face as FreeType reads it, for every configured face, up to U+3FFFF, but
// for the C0 controls: fontconfig leaves them out of a character set (Noto
// Serif maps U+0000 and U+000D), and text never holds them.
TEST(FontDb, CoverageIsTheCmap) {
  auto db = open_default();
  ASSERT_TRUE(db);
  FT_Library library = nullptr;
  ASSERT_EQ(FT_Init_FreeType(&library), 0);
  for (FaceId id = 0; id < db->size(); ++id) {
    const FaceInfo& info = db->info(id);
    FT_Face face = nullptr;
    ASSERT_EQ(FT_New_Face(library, info.file.c_str(), info.index, &face), 0) << info.file;
    std::vector<bool> cmap(0x40000);
    FT_UInt glyph = 0;
    for (FT_ULong c = FT_Get_First_Char(face, &glyph); glyph != 0; c = FT_Get_Next_Char(face, c, &glyph))
      if (c < cmap.size()) cmap[c] = true;
    FT_Done_Face(face);
    size_t differ = 0;
    for (char32_t c = 0x20; c < cmap.size(); ++c) {
      if (db->covers(id, c) != cmap[c] && differ++ < 5) {
        ADD_FAILURE() << info.family << ": U+" << std::hex << static_cast<uint32_t>(c) << " in the cmap "
                      << cmap[c] << ", covered " << db->covers(id, c);
      }
    }
    EXPECT_EQ(differ, 0u) << info.family;
    EXPECT_FALSE(db->covers(id, 0x40000));  // past the coverage limit, as before
  }
  FT_Done_FreeType(library);
  EXPECT_EQ(db->open_count(), 0u);
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
