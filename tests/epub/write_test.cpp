// write_epub on the file system: identical input gives identical bytes, and a
// failed write reports a diagnostic, leaves the last good EPUB as it was and
// leaves no temporary file behind.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cmath>
#include <ctime>

#include "epub_test_util.h"

namespace huozi::epub::testing {
namespace {

std::string book() { return publication(kBookBody, "zh-Hans", "<cover src=\"cover.png\"/>\n"); }

bool has_error(const DiagnosticList& diagnostics) {
  for (const Diagnostic& d : diagnostics.items())
    if (d.severity == Severity::Error && !d.message.empty()) return true;
  return false;
}

TEST(EpubWrite, TheSameDocumentTwiceGivesIdenticalBytes) {
  TempDir dir;
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  // Two loads, two writes, two folders: nothing may depend on addresses or paths.
  auto first = load(book());
  auto second = load(book());
  ASSERT_TRUE(first && second);
  DiagnosticList diagnostics;
  ASSERT_TRUE(write_epub(*first, dir / "a/book.epub", {}, diagnostics)) << describe(diagnostics);
  ASSERT_TRUE(write_epub(*second, dir / "b/other-name.epub", {}, diagnostics)) << describe(diagnostics);
  ASSERT_TRUE(write_epub(*first, dir / "a/again.epub", {}, diagnostics)) << describe(diagnostics);
  std::string bytes = read_bytes(dir / "a/book.epub");
  EXPECT_GT(bytes.size(), 1000u);
  EXPECT_TRUE(bytes == read_bytes(dir / "b/other-name.epub"));
  EXPECT_TRUE(bytes == read_bytes(dir / "a/again.epub"));
}

TEST(EpubWrite, EntriesCarryAFixedTimestampNotTheClock) {
  auto doc = load(book());
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  ASSERT_FALSE(epub.entries().empty());
  time_t first = epub.entries().front().mtime;
  for (const ZipEntry& e : epub.entries()) EXPECT_EQ(e.mtime, first) << e.name;
  EXPECT_GT(std::abs(std::difftime(std::time(nullptr), first)), 366.0 * 24 * 3600)
      << "looks like the build time";
}

std::string epub_bytes_in_zone(const model::Document& doc, const char* tz) {
  ScopedEnv zone("TZ", tz);
  Epub epub(doc);
  return read_bytes(epub.path());
}

// DOS time has no zone: every entry says 2000-01-01 00:00 whatever the
// builder's zone (POSIX TZ forms, so no tzdata is needed).
TEST(EpubWrite, TheTimeZoneDoesNotChangeTheBytes) {
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  std::string utc = epub_bytes_in_zone(*doc, "UTC0");
  std::string beijing = epub_bytes_in_zone(*doc, "CST-8");
  std::string new_york = epub_bytes_in_zone(*doc, "EST5EDT");
  std::string sydney = epub_bytes_in_zone(*doc, "AEST-10AEDT,M10.1.0,M4.1.0/3");  // summer time in January
  EXPECT_TRUE(utc == beijing) << "UTC and UTC+8 builds differ";
  EXPECT_TRUE(utc == new_york) << "UTC and UTC-5 builds differ";
  EXPECT_TRUE(utc == sydney) << "UTC and UTC+11 builds differ";
  // The first local file header (mimetype): time 00:00:00, date 2000-01-01.
  ASSERT_GT(utc.size(), 14u);
  auto u16 = [&](size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(utc[at])) |
           static_cast<unsigned>(static_cast<unsigned char>(utc[at + 1])) << 8;
  };
  EXPECT_EQ(u16(10), 0u);
  EXPECT_EQ(u16(12), (20u << 9) | (1u << 5) | 1u);
}

TEST(EpubWrite, TheDateDecidesTheBytes) {
  ScopedEnv no_epoch("SOURCE_DATE_EPOCH", nullptr);
  auto early = load(publication("<p>正文</p>", "zh-Hans", {}, "2020"));
  auto late = load(publication("<p>正文</p>", "zh-Hans", {}, "2021"));
  ASSERT_TRUE(early && late);
  Epub a(*early), b(*late);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(read_bytes(a.path()), read_bytes(b.path()));
  EXPECT_EQ(a.names(), b.names());
}

TEST(EpubWrite, TheEpubIsReadableByEveryone) {
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  Epub epub(*doc);
  ASSERT_TRUE(epub.ok());
  struct stat st;
  ASSERT_EQ(stat(epub.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST(EpubWrite, AMissingFolderFailsAndLeavesNothing) {
  TempDir dir;
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  DiagnosticList diagnostics;
  fs::path target = dir / "missing/book.epub";
  EXPECT_FALSE(write_epub(*doc, target, {}, diagnostics));
  ASSERT_TRUE(has_error(diagnostics)) << describe(diagnostics);
  EXPECT_EQ(diagnostics.items().front().file, target.string());
  EXPECT_TRUE(dir.listing().empty());
}

TEST(EpubWrite, AFileInPlaceOfTheFolderFailsAndLeavesNothing) {
  TempDir dir;
  std::ofstream(dir / "notes.txt") << "not a folder";
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  DiagnosticList diagnostics;
  EXPECT_FALSE(write_epub(*doc, dir / "notes.txt/book.epub", {}, diagnostics));
  EXPECT_TRUE(has_error(diagnostics)) << describe(diagnostics);
  EXPECT_EQ(dir.listing(), (std::vector<std::string>{"notes.txt"}));
  EXPECT_EQ(read_bytes(dir / "notes.txt"), "not a folder");
}

TEST(EpubWrite, AFolderInPlaceOfTheTargetFailsAndIsLeftAlone) {
  TempDir dir;
  fs::create_directories(dir / "book.epub");
  std::ofstream(dir / "book.epub/keep.txt") << "kept";
  auto doc = load(publication("<p>正文</p>"));
  ASSERT_TRUE(doc);
  DiagnosticList diagnostics;
  EXPECT_FALSE(write_epub(*doc, dir / "book.epub", {}, diagnostics));
  EXPECT_TRUE(has_error(diagnostics)) << describe(diagnostics);
  EXPECT_EQ(dir.listing(), (std::vector<std::string>{"book.epub"}));
  EXPECT_EQ(read_bytes(dir / "book.epub/keep.txt"), "kept");
}

TEST(EpubWrite, AFailedWriteKeepsThePreviousEpub) {
  TempDir dir;
  fs::create_directories(dir / "src");
  fs::create_directories(dir / "out");
  fs::copy_file(data_dir() / "photo.png", dir / "src/photo.png");
  auto doc =
      load(publication("<chapter><title>章</title><figure><image src=\"photo.png\" alt=\"图\"/></figure>"
                       "</chapter>"),
           dir / "src");
  ASSERT_TRUE(doc);
  fs::path target = dir / "out/book.epub";
  DiagnosticList first;
  ASSERT_TRUE(write_epub(*doc, target, {}, first)) << describe(first);
  std::string good = read_bytes(target);
  ASSERT_FALSE(good.empty());

  // The image disappears between loading and writing.
  fs::remove(dir / "src/photo.png");
  DiagnosticList diagnostics;
  EXPECT_FALSE(write_epub(*doc, target, {}, diagnostics));
  ASSERT_TRUE(has_error(diagnostics)) << describe(diagnostics);
  EXPECT_NE(diagnostics.items().front().message.find("photo.png"), std::string::npos)
      << describe(diagnostics);
  EXPECT_TRUE(read_bytes(target) == good) << "the previous EPUB was changed";
  EXPECT_EQ(TempDir::listing_of(dir / "out"), (std::vector<std::string>{"book.epub"}));
}

TEST(EpubWrite, ASuccessfulWriteReplacesThePreviousEpubAndLeavesNoTemporaryFile) {
  TempDir dir;
  auto one = load(publication("<p>第一版</p>"));
  auto two = load(publication("<chapter><title>第二版</title><p>正文</p></chapter>"));
  ASSERT_TRUE(one && two);
  fs::path target = dir / "book.epub";
  DiagnosticList diagnostics;
  ASSERT_TRUE(write_epub(*one, target, {}, diagnostics)) << describe(diagnostics);
  ASSERT_TRUE(write_epub(*two, target, {}, diagnostics)) << describe(diagnostics);
  EXPECT_TRUE(diagnostics.items().empty()) << describe(diagnostics);
  EXPECT_EQ(dir.listing(), (std::vector<std::string>{"book.epub"}));
  std::vector<ZipEntry> entries = read_zip(target);
  bool has_chapter = std::any_of(entries.begin(), entries.end(),
                                 [](const ZipEntry& e) { return e.name == "EPUB/chapter-001.xhtml"; });
  EXPECT_TRUE(has_chapter) << "the second version was not written";
}

}  // namespace
}  // namespace huozi::epub::testing
