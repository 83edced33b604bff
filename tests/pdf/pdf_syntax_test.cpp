// The PDF file syntax the writer spells: numbers, strings, dates, page
// labels, and a file whose cross-reference table points at its objects.
#include "pdf/pdf_syntax.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf/page_labels.h"

namespace huozi::pdf {
namespace {

namespace fs = std::filesystem;

TEST(PdfSyntax, NumbersHaveNoExponentAndNoTrailingZeros) {
  EXPECT_EQ(number(12), "12");
  EXPECT_EQ(number(0.5), "0.5");
  EXPECT_EQ(number(-3.25), "-3.25");
  EXPECT_EQ(number(1234567.891), "1234567.891");
  EXPECT_EQ(number(1e-9), "0");
  EXPECT_EQ(number(-0.0001), "0");
  EXPECT_EQ(number(2.0004), "2");
  EXPECT_EQ(number(2.0006), "2.001");
  EXPECT_EQ(number(1e20), "100000000000000000000");
  EXPECT_EQ(number(std::nan("")), "0");
  EXPECT_EQ(number(10.5, 0), "10");  // round half to even, as to_chars does
  EXPECT_EQ(number(0.125, 2), "0.12");
}

TEST(PdfSyntax, LiteralStringsEscapeDelimitersAndBytesOutsideAscii) {
  EXPECT_EQ(literal_string("a(b)\\c"), "(a\\(b\\)\\\\c)");
  EXPECT_EQ(literal_string("x\ny"), "(x\\012y)");
  EXPECT_EQ(literal_string("\xE4\xB8\xAD"), "(\\344\\270\\255)");
  EXPECT_EQ(literal_string(""), "()");
}

TEST(PdfSyntax, TextStringsAreAsciiLiteralsOrUtf16WithAByteOrderMark) {
  EXPECT_EQ(text_string("huozi"), "(huozi)");
  EXPECT_EQ(text_string("中文"), "<FEFF4E2D6587>");
  EXPECT_EQ(text_string("𠀀"), "<FEFFD840DC00>");  // U+20000 as a surrogate pair
  EXPECT_EQ(text_string("a\tb"), "<FEFF006100090062>");
  EXPECT_EQ(utf16be_hex("①"), "2460");
}

TEST(PdfSyntax, DatesFromIso8601) {
  EXPECT_EQ(date_string("2026-11-28"), "D:20261128");
  EXPECT_EQ(date_string("2026-11-28T08:30"), "D:202611280830");
  EXPECT_EQ(date_string("2026-11-28T08:30:05"), "D:20261128083005");
  EXPECT_EQ(date_string("2026-11-28T08:30:05Z"), "D:20261128083005Z");
  EXPECT_EQ(date_string("2026-11-28T08:30:05+08:00"), "D:20261128083005+08'00'");
  EXPECT_EQ(date_string("2026-11-28T08:30:05-05:30"), "D:20261128083005-05'30'");
  EXPECT_EQ(date_string(""), "");
  EXPECT_EQ(date_string("tomorrow"), "");
  EXPECT_EQ(date_string("2026-11"), "");
  EXPECT_EQ(date_string("2026-11-28 (draft)"), "");
}

TEST(PdfSyntax, DeflateRoundTripsThroughZlib) {
  std::string text(10000, 'a');
  std::string packed = deflate(text, 6);
  EXPECT_LT(packed.size(), 100u);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x78);  // a zlib header
}

TEST(PageLabels, RomanFrontMatterThenDecimalBody) {
  EXPECT_EQ(page_label_nums({"i", "ii", "iii", "1", "2", "3"}), "[0 << /S /r /St 1 >> 3 << /S /D /St 1 >> ]");
}

TEST(PageLabels, ANewRangeWhereTheCountJumps) {
  EXPECT_EQ(page_label_nums({"1", "2", "7", "8"}), "[0 << /S /D /St 1 >> 2 << /S /D /St 7 >> ]");
}

TEST(PageLabels, OtherLabelsArePrefixesAndBlankPagesShareARange) {
  EXPECT_EQ(page_label_nums({"封面", "", "", "1"}), "[0 << /P <FEFF5C019762> >> 1 << >> 3 << /S /D /St 1 >> ]");
  EXPECT_EQ(page_label_nums({"01", "A-1"}), "[0 << /P (01) >> 1 << /P (A-1) >> ]");
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(ObjectFile, TheCrossReferenceTablePointsAtEveryObject) {
  fs::path path = fs::temp_directory_path() / ("huozi-objects-" + std::to_string(::getpid()) + ".pdf");
  {
    ObjectFile file(path);
    ASSERT_TRUE(file.ok()) << file.error();
    int pages = file.reserve();  // written after the objects that point at it
    int page = file.add_object("<< /Type /Page /Parent " + ref(pages) + " /MediaBox [0 0 100 100] >>");
    file.write_object(pages, "<< /Type /Pages /Kids [" + ref(page) + "] /Count 1 >>");
    int stream = file.add_stream(" /Filter /FlateDecode", deflate("0 0 m 10 10 l S", 6));
    int catalog = file.add_object("<< /Type /Catalog /Pages " + ref(pages) + " >>");
    int info = file.add_object("<< /Producer (test) >>");
    EXPECT_EQ(stream, 3);
    EXPECT_TRUE(file.finish(catalog, info)) << file.error();
  }
  std::string pdf = read(path);
  fs::remove(path);
  ASSERT_EQ(pdf.substr(0, 9), "%PDF-1.7\n");
  size_t startxref = pdf.rfind("startxref\n");
  ASSERT_NE(startxref, std::string::npos);
  size_t xref = std::stoul(pdf.substr(startxref + 10));
  ASSERT_EQ(pdf.substr(xref, 5), "xref\n");
  std::istringstream table(pdf.substr(xref + 5));
  int first = -1, count = 0;
  table >> first >> count;
  EXPECT_EQ(first, 0);
  EXPECT_EQ(count, 6);
  std::string offset, generation, kind;
  table >> offset >> generation >> kind;
  EXPECT_EQ(kind, "f");
  for (int n = 1; n < count; ++n) {
    table >> offset >> generation >> kind;
    EXPECT_EQ(kind, "n");
    EXPECT_EQ(pdf.substr(std::stoul(offset), std::to_string(n).size() + 6), std::to_string(n) + " 0 obj") << n;
  }
  EXPECT_NE(pdf.find("/Root 4 0 R /Info 5 0 R /ID [<"), std::string::npos);
  EXPECT_NE(pdf.find("/Length "), std::string::npos);
}

TEST(ObjectFile, AFolderThatCannotBeWrittenIsAnError) {
  ObjectFile file("/nonexistent-folder/x.pdf");
  EXPECT_FALSE(file.ok());
  EXPECT_NE(file.error().find("/nonexistent-folder/x.pdf"), std::string::npos);
}

}  // namespace
}  // namespace huozi::pdf
