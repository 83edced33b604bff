// A font that vanishes mid-build: fontconfig found the file when the font
// database was opened, then it was removed or damaged before text was first
// set in it. The build fails with an error at the font file, does not crash,
// and writes nothing. Fontconfig reads its configuration once a process, so
// every test here shares one: a folder of copied fonts (see SetUpTestSuite).
#include <fontconfig/fontconfig.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "build/fonts.h"
#include "build/pdf_build.h"
#include "build/publication.h"
#include "model/loader.h"
#include "text/font_db.h"

namespace huozi::build {
namespace {

namespace fs = std::filesystem;

// The file fontconfig's own configuration gives for a family.
std::string installed_file(const char* family) {
  FcConfig* config = FcInitLoadConfigAndFonts();
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
  FcConfigSubstitute(config, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(config, pattern, &result);
  std::string file;
  FcChar8* value = nullptr;
  if (match && FcPatternGetString(match, FC_FILE, 0, &value) == FcResultMatch)
    file = reinterpret_cast<const char*>(value);
  if (match) FcPatternDestroy(match);
  FcPatternDestroy(pattern);
  FcConfigDestroy(config);
  return file;
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

class VanishingFont : public ::testing::Test {
 protected:
  // Copies of three faces (one for each test) in a folder of their own, the only one fontconfig scans.
  static void SetUpTestSuite() {
    std::string pattern = (fs::temp_directory_path() / "huozi-vanishing-XXXXXX").string();
    root_ = mkdtemp(pattern.data());
    fs::create_directories(root_ / "fonts");
    for (const char* family : {"AR PL UKai CN", "HanaMinA", "HanaMinB"}) {
      const std::string file = installed_file(family);
      ASSERT_FALSE(file.empty()) << family << " is not installed (scripts/install-deps.sh)";
      fs::copy_file(file, root_ / "fonts" / fs::path(file).filename());
    }
    write(root_ / "fonts.xml", "<?xml version=\"1.0\"?>\n<fontconfig><dir>" + (root_ / "fonts").string() +
                                   "</dir><cachedir>" + (root_ / "cache").string() +
                                   "</cachedir></fontconfig>\n");
    setenv("FONTCONFIG_FILE", (root_ / "fonts.xml").c_str(), 1);
  }
  static void TearDownTestSuite() { fs::remove_all(root_); }

  // Opens a font database whose one face is `family`, from the copied fonts.
  std::unique_ptr<text::FontDb> open_only(const std::string& family) {
    fs::path config = root_ / (family + ".conf");
    write(config, "body * regular test-package " + family + "\n");
    setenv("HUOZI_FONTS_CONF", config.c_str(), 1);
    DiagnosticList diagnostics;
    std::unique_ptr<text::FontDb> fonts = open_fonts(diagnostics);
    EXPECT_TRUE(fonts) << (diagnostics.items().empty() ? "" : format_diagnostic(diagnostics.items()[0]));
    // The tests remove and truncate this face's file: never one outside the
    // copies (a fontconfig set up earlier in the process would give the
    // system's own files).
    if (fonts && fs::path(fonts->info(0).file).parent_path() != root_ / "fonts") {
      ADD_FAILURE() << fonts->info(0).file << " is not one of the test's copies in " << root_ / "fonts";
      return nullptr;
    }
    return fonts;
  }

  // Builds the PDF of a small book with the fonts into a fresh folder and
  // checks that it failed on the font's file and left the folder empty.
  void expect_failed_build(text::FontDb& fonts, const std::string& file) {
    model::LoadResult loaded =
        model::load_publication(fs::path(HUOZI_SOURCE_DIR) / "tests/cli/data/good.xml");
    ASSERT_TRUE(loaded);
    fs::path out = root_ / "out";
    fs::remove_all(out);
    fs::create_directories(out);
    BuildResult built = build_pdf(*loaded.document, fonts, out / "good.pdf");
    EXPECT_FALSE(built);
    EXPECT_TRUE(built.written.empty());
    bool named = false;
    for (const Diagnostic& d : built.diagnostics.items())
      named = named || (d.severity == Severity::Error && d.file == file &&
                        d.message.find("cannot open the font") != std::string::npos);
    EXPECT_TRUE(named) << "no error at " << file
                       << (built.diagnostics.items().empty()
                               ? ""
                               : ": " + format_diagnostic(built.diagnostics.items()[0]));
    EXPECT_TRUE(fs::is_empty(out)) << "the output folder holds " << fs::directory_iterator(out)->path();
  }

  static fs::path root_;
};

fs::path VanishingFont::root_;

TEST_F(VanishingFont, RemovedAfterFontconfigFoundIt) {
  std::unique_ptr<text::FontDb> fonts = open_only("AR PL UKai CN");
  ASSERT_TRUE(fonts);
  const std::string file = fonts->info(0).file;
  fs::remove(file);
  expect_failed_build(*fonts, file);
  EXPECT_EQ(fonts->problems().items().size(), 1u);
}

TEST_F(VanishingFont, TruncatedAfterFontconfigFoundIt) {
  std::unique_ptr<text::FontDb> fonts = open_only("HanaMinA");
  ASSERT_TRUE(fonts);
  const std::string file = fonts->info(0).file;
  fs::resize_file(file, 1000);  // the table directory and maxp, but no character map
  expect_failed_build(*fonts, file);
}

// The whole build: the EPUB needs no font and is written; the PDF is not.
TEST_F(VanishingFont, WholeBuildWritesTheEpubAndNoPdf) {
  std::string file;
  if (auto fonts = open_only("HanaMinB")) file = fonts->info(0).file;
  ASSERT_FALSE(file.empty());
  fs::remove(file);  // build_outputs opens a database of its own: the face is not installed
  model::LoadResult loaded = model::load_publication(fs::path(HUOZI_SOURCE_DIR) / "tests/cli/data/good.xml");
  ASSERT_TRUE(loaded);
  fs::path out = root_ / "whole";
  fs::create_directories(out);
  BuildResult built = build_outputs(std::move(*loaded.document), (out / "good").string(), {});
  EXPECT_FALSE(built);
  ASSERT_EQ(built.written.size(), 1u);
  EXPECT_EQ(built.written[0], out / "good.epub");
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 1) << "only the EPUB";
}

}  // namespace
}  // namespace huozi::build
