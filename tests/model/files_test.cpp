// Errors that involve files: includes, paths that leave the publication's
// folder, images and the cover, reading the source itself.
#include <gtest/gtest.h>

#include "model_test_util.h"

namespace huozi::model::testing {
namespace {

const char* const kFragmentChapter = "<fragment><chapter><title>章</title><p>文</p></chapter></fragment>";

struct Case {
  const char* body;     // the body of main.xml in a folder holding the files below
  const char* message;  // a part of the one error expected
};

// The folder every case runs in:
//   pub/main.xml (the case)      pub/ok.xml, pub/sub/ok.xml   fragments
//   pub/a.xml ⇄ pub/b.xml         include each other           pub/self.xml includes itself
//   pub/dir/                      a folder                     pub/book.xml a <publication>
//   pub/bad.xml                   malformed                    pub/photo.png, pub/photo.jpg, pub/anim.gif
//   pub/out.xml -> ../outside.xml pub/in.xml -> ok.xml         symlinks
//   outside.xml, outside.png      beside pub/, not in it
class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("outside.xml", kFragmentChapter);
    dir_.write("outside.png", png_bytes());
    dir_.write("pub/ok.xml", kFragmentChapter);
    dir_.write("pub/sub/ok.xml", "<fragment><p>子</p><include src=\"../ok.xml\"/></fragment>");
    dir_.write("pub/a.xml", "<fragment><include src=\"b.xml\"/></fragment>");
    dir_.write("pub/b.xml", "<fragment><include src=\"a.xml\"/></fragment>");
    dir_.write("pub/self.xml", "<fragment><include src=\"./self.xml\"/></fragment>");
    std::filesystem::create_directories(pub() / "dir");
    dir_.write("pub/book.xml", publication("<p>a</p>"));
    dir_.write("pub/bad.xml", "<fragment>\n<p>汉字</q></fragment>");
    dir_.write("pub/photo.png", png_bytes());
    dir_.write("pub/photo.jpg", jpeg_bytes());
    dir_.write("pub/photo.JPEG", jpeg_bytes());
    dir_.write("pub/anim.gif", "GIF89a");
    std::filesystem::create_symlink("../outside.xml", pub() / "out.xml");
    std::filesystem::create_symlink("../outside.png", pub() / "out.png");
    std::filesystem::create_symlink("..", pub() / "up");
    std::filesystem::create_symlink("ok.xml", pub() / "in.xml");
  }

  std::filesystem::path pub() const { return dir_.path() / "pub"; }

  LoadResult load_main(const std::string& body) {
    std::filesystem::path main = dir_.write("pub/main.xml", publication(body));
    return load_publication(main);
  }

  TempDir dir_;
};

// clang-format off
const Case kErrors[] = {
    // Includes that cannot be read.
    {"<include src=\"missing.xml\"/>",      "include \"missing.xml\": file not found"},
    {"<include src=\"dir\"/>",              "include \"dir\": is a directory, not a file"},
    {"<include src=\"dir/\"/>",             "include \"dir/\": is a directory, not a file"},
    {"<include src=\".\"/>",                "is a directory, not a file"},
    {"<include src=\"book.xml\"/>",         "an included file's root must be <fragment>, not <publication>"},
    {"<include src=\"bad.xml\"/>",          "malformed XML: Start-end tags mismatch"},
    {"<include src=\"ok.xml\" class=\"x\"/>", "unknown attribute \"class\" on <include>"},
    // Cycles.
    {"<include src=\"a.xml\"/>",            "include cycle: \"a.xml\" includes itself"},
    {"<include src=\"self.xml\"/>",         "include cycle: \"./self.xml\" includes itself"},
    {"<include src=\"main.xml\"/>",         "include cycle: \"main.xml\" includes itself"},
    // Paths that leave the publication's folder.
    {"<include src=\"../../../../../../etc/passwd\"/>", "the path leads outside the publication's folder"},
    {"<include src=\"../outside.xml\"/>",   "the path leads outside the publication's folder"},
    {"<include src=\"sub/../../outside.xml\"/>", "the path leads outside the publication's folder"},
    {"<include src=\"out.xml\"/>",          "the path leads outside the publication's folder"},
    {"<include src=\"up/outside.xml\"/>",   "the path leads outside the publication's folder"},
    {"<include src=\"/etc/passwd\"/>",      "absolute paths are refused"},
    {"<include src=\"https://example.com/a.xml\"/>", "URLs are not read"},
    {"<include src=\"file:ok.xml\"/>",      "URLs are not read"},
    {"<include src=\"sub\\ok.xml\"/>",      "the path contains a backslash or NUL"},
    // Images.
    {"<figure><image src=\"photo.png\" width=\"3\"/></figure>", "unknown attribute \"width\" on <image>"},
    {"<figure><image src=\"missing.png\"/></figure>",       "image \"missing.png\" not found"},
    {"<figure><image src=\"anim.gif\"/></figure>",          "image \"anim.gif\" is not PNG or JPEG"},
    {"<figure><image src=\"dir\"/></figure>",               "image \"dir\" not found"},
    {"<figure><image src=\"../outside.png\"/></figure>",    "the path leads outside the publication's folder"},
    {"<figure><image src=\"out.png\"/></figure>",           "the path leads outside the publication's folder"},
    {"<figure><image src=\"/etc/hosts\"/></figure>",        "absolute paths are refused"},
    {"<figure><image src=\"http://example.com/a.png\"/></figure>", "URLs are not read"},
};
// clang-format on

void PrintTo(const Case& c, std::ostream* os) { *os << printable(c.body); }

class FileErrorTest : public FilesTest, public ::testing::WithParamInterface<Case> {};
TEST_P(FileErrorTest, IsReportedOnce) {
  LoadResult r = load_main(GetParam().body);
  EXPECT_TRUE(has_error(r, GetParam().message)) << GetParam().body;
  EXPECT_EQ(error_count(r), 1u) << GetParam().body << "\n" << describe(r);
}
INSTANTIATE_TEST_SUITE_P(Files, FileErrorTest, ::testing::ValuesIn(kErrors));

// clang-format off
const char* const kFine[] = {
    "<include src=\"ok.xml\"/>",
    "<include src=\"./ok.xml\"/>",
    "<include src=\"sub/ok.xml\"/>",   // which includes ../ok.xml: relative to sub/
    "<include src=\"in.xml\"/>",       // a symlink that stays inside
    "<include src=\"sub/../ok.xml\"/>",
    "<figure><image src=\"photo.png\" alt=\"a\"/></figure>"  // alt: an image without one warns
    "<figure><image src=\"photo.jpg\" alt=\"b\"/></figure>"
    "<figure><image src=\"photo.JPEG\" alt=\"c\"/></figure>",
};
// clang-format on

class FileFineTest : public FilesTest, public ::testing::WithParamInterface<const char*> {};
TEST_P(FileFineTest, Loads) { EXPECT_TRUE(loads_cleanly(load_main(GetParam()))) << GetParam(); }
INSTANTIATE_TEST_SUITE_P(Files, FileFineTest, ::testing::ValuesIn(kFine));

TEST_F(FilesTest, ErrorsInAnIncludedFileNameThatFile) {
  LoadResult r = load_main("<include src=\"bad.xml\"/>");
  const Diagnostic* d = find_diagnostic(r, "malformed XML");
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->file, "bad.xml");
  EXPECT_EQ(d->line, 2);

  dir_.write("pub/sub/text.xml", "<fragment>\n  <p>一</p>\n  汉字散文\n</fragment>");
  r = load_main("<chapter><title>t</title>\n<include src=\"sub/text.xml\"/></chapter>");
  d = find_diagnostic(r, "text outside a block in <chapter>");
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(format_diagnostic(*d),
            "sub/text.xml:3:3: error: text outside a block in <chapter> (hint: put the text in a <p>)");
}

TEST_F(FilesTest, IncludeErrorIsAtTheIncludeElement) {
  LoadResult r = load_main("<p>汉字</p><include src=\"missing.xml\"/>");
  const Diagnostic* d = find_diagnostic(r, "file not found");
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->file, (pub() / "main.xml").string());
  EXPECT_EQ(d->line, kBodyLine);
  EXPECT_EQ(d->column, 10);
}

TEST_F(FilesTest, CycleIsReportedWhereItClosesInTheIncludedFile) {
  LoadResult r = load_main("<include src=\"a.xml\"/>");
  const Diagnostic* d = find_diagnostic(r, "include cycle");
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->file, "b.xml");
  EXPECT_EQ(d->line, 1);
  EXPECT_EQ(d->column, 11);
}

TEST_F(FilesTest, IncludesFollowTheLevelTheyAreIncludedAt) {
  dir_.write("pub/blocks.xml", "<fragment><p>文</p></fragment>");
  EXPECT_TRUE(loads_cleanly(load_main("<part><title>部</title><include src=\"ok.xml\"/></part>")));
  EXPECT_TRUE(loads_cleanly(load_main("<quote><include src=\"blocks.xml\"/></quote>")));
  EXPECT_TRUE(has_error(load_main("<part><title>部</title><include src=\"blocks.xml\"/></part>"),
                        "<p> is not allowed in <part>"));
  EXPECT_TRUE(has_error(load_main("<chapter><title>章</title><include src=\"ok.xml\"/></chapter>"),
                        "<chapter> is not allowed in <chapter>"));
}

// A <title> first in a fragment is not the title of the container that includes it.
TEST_F(FilesTest, TitleFirstInAFragmentIsNotSkipped) {
  dir_.write("pub/titled.xml", "<fragment><title>偷来的标题</title><p>文</p></fragment>");
  LoadResult r = load_main("<chapter><title>章</title><include src=\"titled.xml\"/></chapter>");
  EXPECT_TRUE(has_error(r, "<title> must be the first child"));
}

TEST_F(FilesTest, CoverImage) {
  auto with_cover = [&](const std::string& src) {
    std::string xml = publication("");
    xml.insert(xml.find("</metadata>"), "<cover src=\"" + src + "\"/>");
    dir_.write("pub/main.xml", xml);
    return load_publication(pub() / "main.xml");
  };
  LoadResult r = with_cover("photo.jpg");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(r.document->metadata.cover_image, "photo.jpg");
  EXPECT_TRUE(has_error(with_cover("missing.png"), "cover image \"missing.png\" not found"));
  EXPECT_TRUE(has_error(with_cover("anim.gif"), "cover image \"anim.gif\" is not PNG or JPEG"));
  EXPECT_TRUE(has_error(with_cover("../outside.png"), "the path leads outside the publication's folder"));
  EXPECT_TRUE(has_error(with_cover("out.png"), "the path leads outside the publication's folder"));
}

TEST_F(FilesTest, ImageTargetIsRelativeToThePublicationFolder) {
  dir_.write("pub/sub/pic.png", png_bytes());
  dir_.write("pub/sub/figs.xml", "<fragment><figure><image src=\"pic.png\" alt=\"图\"/></figure></fragment>");
  LoadResult r = load_main("<include src=\"sub/figs.xml\"/>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(trace(r.document->body), "(figure (image ->sub/pic.png [图]))");
}

TEST_F(FilesTest, SourceThatCannotBeRead) {
  LoadResult r = load_publication(pub() / "nothing.xml");
  ASSERT_TRUE(has_error(r, "file not found"));
  EXPECT_EQ(r.diagnostics.items()[0].line, 0);
  EXPECT_EQ(r.diagnostics.items()[0].hint, "check the path");
  EXPECT_TRUE(has_error(load_publication(pub() / "dir"), "is a directory, not a file"));
  dir_.write("pub/empty.xml", "");
  EXPECT_TRUE(has_error(load_publication(pub() / "empty.xml"), "the file is empty"));
}

TEST_F(FilesTest, SourceOfAnotherFolderIsItsOwnPublicationFolder) {
  // The folder of the source, not the working directory, is the publication's folder.
  LoadResult r = load_main("<include src=\"sub/ok.xml\"/>");
  ASSERT_TRUE(loads_cleanly(r));
  EXPECT_EQ(r.document->base_dir, pub().string());
  EXPECT_EQ(r.document->files,
            (std::vector<std::string>{(pub() / "main.xml").string(), "sub/ok.xml", "ok.xml"}));
}

}  // namespace
}  // namespace huozi::model::testing
