// Vertical writing in the PDF (issue 17): columns of upright CJK glyphs shown
// in the font's vertical form (Identity-V) with sideways Latin words among
// them, built by hand (the text engine's vertical layout is tested with it).
// A reader's tools must read the columns right to left, each top to bottom,
// in the source's order; the upright glyphs must land on the very pixels a
// horizontal glyph at the same origin inks.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../raster/grey.h"
#include "pdf/handles.h"
#include "pdf/pdf_writer.h"
#include "text/font_db.h"

namespace huozi::pdf {
namespace {

namespace fs = std::filesystem;
using layout::Orientation;

constexpr double kSize = 12;
constexpr double kPageWidth = 200, kPageHeight = 240;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// What a command prints on its standard output, and its exit status.
std::string output_of(const std::string& command, int* status = nullptr) {
  std::string text;
  FILE* p = ::popen(command.c_str(), "r");
  if (!p) return text;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  int s = ::pclose(p);
  if (status) *status = s;
  return text;
}

// The lines pdftotext reads off page 1, without spaces and empty lines.
std::vector<std::string> copied_lines(const fs::path& pdf) {
  std::istringstream text(output_of("pdftotext -enc UTF-8 -l 1 '" + pdf.string() + "' -"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(text, line);) {
    std::string kept;
    for (char c : line)
      if (c != ' ' && c != '\f') kept += c;
    if (!kept.empty()) lines.push_back(kept);
  }
  return lines;
}

// The zh-Hant body face of the default font configuration (Noto Serif CJK TC).
layout::FontRef body_font() {
  DiagnosticList diags;
  std::unique_ptr<text::FontDb> fonts = text::FontDb::open(text::FontDb::default_config(), diags);
  if (!fonts) return {};
  const text::FaceInfo& face = fonts->info(fonts->chain(text::Role::Body, "zh-Hant").front());
  return {face.file, face.index};
}

using HbBuffer = Handle<hb_buffer_t, hb_buffer_destroy>;

// Glyphs of a text shaped in one direction, one glyph a character, with their advances in em.
struct Shaped {
  std::vector<uint32_t> glyphs;
  std::vector<double> advances;
  std::vector<int> bytes;  // UTF-8 bytes of each glyph's character
};

class Shaper {
 public:
  explicit Shaper(const layout::FontRef& ref)
      : blob_(hb_blob_create_from_file(ref.file.c_str())),
        face_(hb_face_create(blob_.get(), static_cast<unsigned>(ref.index))),
        font_(hb_font_create(face_.get())),
        upem_(hb_face_get_upem(face_.get())) {}

  // Vertical (top to bottom) shaping picks the vertical forms of punctuation ('vert').
  Shaped shape(std::string_view text, hb_direction_t direction) {
    HbBuffer buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), 0, -1);
    hb_buffer_set_direction(buffer.get(), direction);
    hb_buffer_set_script(buffer.get(), HB_SCRIPT_HAN);
    hb_buffer_set_language(buffer.get(), hb_language_from_string("zh-Hant", -1));
    hb_shape(font_.get(), buffer.get(), nullptr, 0);
    unsigned n = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &n);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &n);
    Shaped out;
    for (unsigned i = 0; i < n; ++i) {
      unsigned end = i + 1 < n ? info[i + 1].cluster : static_cast<unsigned>(text.size());
      out.glyphs.push_back(info[i].codepoint);
      out.advances.push_back(std::abs(direction == HB_DIRECTION_TTB ? pos[i].y_advance : pos[i].x_advance) /
                             static_cast<double>(upem_));
      out.bytes.push_back(static_cast<int>(end - info[i].cluster));
    }
    return out;
  }

 private:
  HbBlob blob_;
  HbFace face_;
  HbFont font_;
  unsigned upem_;
};

// A column of text set down the page from its top, its cells one em wide from
// `left`: upright characters one em each, sideways words by their advances,
// their baseline 0.12 em in from the left edge (the em box centred).
class Column {
 public:
  Column(Shaper& shaper, double left, double top) : shaper_(shaper), left_(left), pen_(top) {}

  Column& upright(std::string_view text) {
    Shaped s = shaper_.shape(text, HB_DIRECTION_TTB);
    layout::TextRun& run = start(text, s, Orientation::Upright);
    for (uint32_t g : s.glyphs) {
      run.glyphs.push_back({g, left_, pen_ + 0.88 * kSize});
      pen_ += kSize;
    }
    return *this;
  }

  Column& sideways(std::string_view text) {
    Shaped s = shaper_.shape(text, HB_DIRECTION_LTR);
    layout::TextRun& run = start(text, s, Orientation::Sideways);
    for (size_t i = 0; i < s.glyphs.size(); ++i) {
      run.glyphs.push_back({s.glyphs[i], left_ + 0.12 * kSize, pen_});
      pen_ += s.advances[i] * kSize;
    }
    return *this;
  }

  std::vector<layout::PageItem>& items() { return items_; }

 private:
  layout::TextRun& start(std::string_view text, const Shaped& s, Orientation orientation) {
    layout::TextRun run;
    run.size = kSize;
    run.text = text;
    run.orientation = orientation;
    for (int bytes : s.bytes) run.clusters.emplace_back(bytes, 1);
    items_.push_back(std::move(run));
    return std::get<layout::TextRun>(items_.back());
  }

  Shaper& shaper_;
  double left_, pen_;
  std::vector<layout::PageItem> items_;
};

// Moves the column's runs onto the page.
void add(layout::PageFrame& page, Column& column) {
  for (layout::PageItem& item : column.items()) page.items.push_back(std::move(item));
}

// The source text, column by column (right to left), and the page that sets it.
const std::vector<std::string> kColumns = {"子曰：「學而時習之，不亦說乎？」", "今年的GDP增長了三成。",
                                           "有朋自遠方來，不亦樂乎？"};

layout::PageFrame vertical_page(Shaper& shaper) {
  layout::PageFrame page;
  page.width = kPageWidth, page.height = kPageHeight, page.number = 1;
  Column first(shaper, 150, 30), second(shaper, 120, 30), third(shaper, 90, 30);
  add(page, first.upright(kColumns[0]));
  add(page, second.upright("今年的").sideways("GDP").upright("增長了三成。"));
  add(page, third.upright(kColumns[2]));
  return page;
}

fs::path temp_path(const std::string& name, const std::string& extension = ".pdf") {
  return fs::temp_directory_path() / ("huozi-vertical-" + name + "-" + std::to_string(::getpid()) + extension);
}

fs::path write_pdf(const std::string& name, const layout::FontRef& font, layout::PageFrame page) {
  fs::path target = temp_path(name);
  PdfInfo info;
  info.right_to_left = true;
  PdfWriter writer(target, info, {font}, Drawing::InCaller);
  writer.add_page(std::move(page));
  bool finished = writer.finish();
  EXPECT_TRUE(finished) << writer.error();
  return finished ? target : fs::path();
}

class VerticalPdf : public ::testing::Test {
 protected:
  void SetUp() override {
    font_ = body_font();
    if (font_.file.empty()) GTEST_SKIP() << "no zh-Hant body face";
  }
  layout::FontRef font_;
};

using raster::Grey;

Grey rendered(const fs::path& pdf, int dpi) { return raster::render_pdf_page(pdf.string(), dpi); }

// The page with every run of one orientation turned to another.
layout::PageFrame reoriented(layout::PageFrame page, Orientation from, Orientation to) {
  for (layout::PageItem& item : page.items)
    if (auto* run = std::get_if<layout::TextRun>(&item); run && run->orientation == from) run->orientation = to;
  return page;
}

// Copy-out (issue 17): pdftotext reads the columns right to left, each top to
// bottom, a sideways word in its place among the upright glyphs: one line a
// column. (This needs the vertical origin font_embedding.h explains.)
TEST_F(VerticalPdf, ColumnsCopyOutRightToLeftInSourceOrder) {
  Shaper shaper(font_);
  fs::path pdf = write_pdf("columns", font_, vertical_page(shaper));
  ASSERT_FALSE(pdf.empty());
  EXPECT_EQ(copied_lines(pdf), kColumns);
  if (!std::getenv("HUOZI_KEEP_TEST_PDF")) fs::remove(pdf);
}

// The shared checker (../shared/tools): every source character copies out, no compatibility ideographs.
TEST_F(VerticalPdf, PdfcheckRecallsEveryCharacter) {
  const fs::path checker = fs::path(HUOZI_SHARED_TOOLS) / "pdfcheck.py";
  if (!fs::exists(checker)) GTEST_SKIP() << checker << " is not there";
  Shaper shaper(font_);
  fs::path pdf = write_pdf("pdfcheck", font_, vertical_page(shaper));
  ASSERT_FALSE(pdf.empty());
  fs::path source = temp_path("source", ".txt");
  std::ofstream(source) << kColumns[0] << '\n' << kColumns[1] << '\n' << kColumns[2] << '\n';
  std::string report = output_of("python3 '" + checker.string() + "' '" + pdf.string() + "' '" + source.string() + "'");
  EXPECT_NE(report.find("\"char_recall\": 1.0,"), std::string::npos) << report;
  EXPECT_NE(report.find("\"compat_ideographs\": 0,"), std::string::npos) << report;
  EXPECT_NE(report.find("\"qpdf_check\": \"ok\""), std::string::npos) << report;
  fs::remove(pdf);
  fs::remove(source);
}

// One font program, two Type 0 fonts over it: Identity-H (the sideways word)
// and Identity-V (the upright glyphs), both embedded and subset, each with
// its ToUnicode map; qpdf finds nothing wrong; pages turn right to left.
TEST_F(VerticalPdf, BothFontFormsAreEmbeddedAndTheFileIsClean) {
  Shaper shaper(font_);
  fs::path pdf = write_pdf("fonts", font_, vertical_page(shaper));
  ASSERT_FALSE(pdf.empty());
  std::istringstream fonts(output_of("pdffonts '" + pdf.string() + "'"));
  std::vector<std::string> rows;
  for (std::string line; std::getline(fonts, line);)
    if (line.find("CID Type 0C") != std::string::npos) rows.push_back(line);
  ASSERT_EQ(rows.size(), 2u) << fonts.str();
  EXPECT_NE(rows[0].find("Identity-H       yes yes yes"), std::string::npos) << rows[0];
  EXPECT_NE(rows[1].find("Identity-V       yes yes yes"), std::string::npos) << rows[1];
  int status = -1;
  std::string check = output_of("qpdf --check '" + pdf.string() + "' 2>&1", &status);
  EXPECT_EQ(status, 0) << check;
  EXPECT_NE(check.find("No syntax or stream encoding errors"), std::string::npos) << check;
  std::string bytes = read(pdf);
  EXPECT_NE(bytes.find("/ViewerPreferences << /Direction /R2L >>"), std::string::npos);
  EXPECT_NE(bytes.find("/W2 [0 65535 -1000 0 -120]"), std::string::npos);
  fs::remove(pdf);
}

// A book set horizontally gets no vertical font, no vertical metrics and no right-to-left pages.
TEST_F(VerticalPdf, HorizontalTextWritesNoVerticalFont) {
  Shaper shaper(font_);
  layout::PageFrame page = reoriented(vertical_page(shaper), Orientation::Upright, Orientation::Horizontal);
  fs::path target = temp_path("horizontal");
  PdfWriter writer(target, PdfInfo{}, {font_}, Drawing::InCaller);
  writer.add_page(std::move(page));
  ASSERT_TRUE(writer.finish()) << writer.error();
  std::string bytes = read(target);
  EXPECT_EQ(bytes.find("Identity-V"), std::string::npos);
  EXPECT_EQ(bytes.find("/W2"), std::string::npos);
  EXPECT_EQ(bytes.find("/ViewerPreferences"), std::string::npos);
  fs::remove(target);
}

// An upright glyph inks the very pixels a horizontal glyph at the same origin
// would: only the way the text reads differs.
TEST_F(VerticalPdf, UprightGlyphsInkWhereHorizontalGlyphsWould) {
  Shaper shaper(font_);
  layout::PageFrame page = vertical_page(shaper);
  fs::path upright = write_pdf("upright", font_, page);
  fs::path horizontal = write_pdf("horizontal", font_, reoriented(page, Orientation::Upright, Orientation::Horizontal));
  ASSERT_FALSE(upright.empty());
  ASSERT_FALSE(horizontal.empty());
  Grey a = rendered(upright, 144), b = rendered(horizontal, 144);
  ASSERT_EQ(a.width, 400);
  ASSERT_EQ(b.height, a.height);
  EXPECT_GT(a.ink(), 255L * 2000) << "the columns are inked";
  int differ = 0;
  for (size_t i = 0; i < a.pixels.size(); ++i) differ += a.pixels[i] != b.pixels[i];
  EXPECT_EQ(differ, 0);
  fs::remove(upright);
  fs::remove(horizontal);
}

// A sideways word is the horizontal word turned 90° clockwise about its
// first glyph's origin: its ink, turned back, is the horizontal word's.
TEST_F(VerticalPdf, SidewaysWordsTurnClockwise) {
  Shaper shaper(font_);
  Shaped gdp = shaper.shape("GDP", HB_DIRECTION_LTR);
  auto page_of = [&](Orientation orientation) {
    layout::PageFrame page;
    page.width = 100, page.height = 100, page.number = 1;
    layout::TextRun run;
    run.size = 20, run.text = "GDP", run.clusters = {{1, 1}, {1, 1}, {1, 1}}, run.orientation = orientation;
    double pen = 30;
    for (size_t i = 0; i < gdp.glyphs.size(); ++i) {
      bool down = orientation == Orientation::Sideways;
      run.glyphs.push_back({gdp.glyphs[i], down ? 40 : pen, down ? pen : 40});
      pen += gdp.advances[i] * run.size;
    }
    page.items.push_back(run);
    return page;
  };
  fs::path sideways = write_pdf("sideways", font_, page_of(Orientation::Sideways));
  fs::path horizontal = write_pdf("across", font_, page_of(Orientation::Horizontal));
  Grey s = rendered(sideways, 72), h = rendered(horizontal, 72);
  ASSERT_EQ(s.width, 100);
  ASSERT_EQ(h.width, 100);
  // The horizontal word starts at (30, 40), the sideways one at (40, 30).
  const long differ = raster::turned_difference(s, {40, 30}, h, {30, 40});
  EXPECT_GT(h.ink(), 255L * 100);
  // 0.4 % measured (anti-aliasing); a word turned the other way differs by far more than its ink.
  EXPECT_LT(differ, h.ink() / 50) << "the turned ink differs by " << differ * 100.0 / h.ink() << " %";
  EXPECT_EQ(copied_lines(sideways), std::vector<std::string>{"GDP"});
  fs::remove(sideways);
  fs::remove(horizontal);
}

// What the ToUnicode map cannot say (one text as two glyphs, a glyph shown
// for other text before) copies out of an upright column through ActualText,
// as it does from a horizontal line.
TEST_F(VerticalPdf, UprightClustersCopyOutAsWritten) {
  layout::PageFrame page;
  page.width = 100, page.height = 100, page.number = 1;
  layout::TextRun run;
  run.size = 12, run.text = "甲乙丙丁", run.orientation = Orientation::Upright;
  run.clusters = {{3, 1}, {3, 2}, {3, 1}, {3, 1}};
  const uint32_t glyphs[] = {100, 101, 102, 100, 103};
  for (int i = 0; i < 5; ++i) run.glyphs.push_back({glyphs[i], 50, 20.0 + 12 * i});
  page.items.push_back(run);
  fs::path pdf = write_pdf("clusters", font_, page);
  ASSERT_FALSE(pdf.empty());
  // Joined: poppler gives an ActualText span the extent of one glyph, so the
  // second glyph of 乙 leaves an em that it reads as a gap and breaks the
  // line there, as it does in horizontal text.
  std::string text;
  for (const std::string& line : copied_lines(pdf)) text += line;
  EXPECT_EQ(text, "甲乙丙丁");
  fs::remove(pdf);
}

// 縦中横 (tate-chu-yoko): two digits side by side in one cell of a column, as
// one upright run with one cluster for both, copy out in the column's order.
// (Shown horizontally, or as a cluster each, poppler reads them as a line of
// their own, out of order: see page_content.h.)
TEST_F(VerticalPdf, TateChuYokoDigitsCopyOutInTheirCell) {
  Shaper shaper(font_);
  layout::PageFrame page;
  page.width = kPageWidth, page.height = kPageHeight, page.number = 1;
  Column above(shaper, 150, 30), below(shaper, 150, 30 + 3 * kSize), next(shaper, 120, 30);
  Shaped digits = shaper.shape("20", HB_DIRECTION_LTR);
  layout::TextRun run;
  run.size = kSize, run.text = "20", run.clusters = {{2, 2}}, run.orientation = Orientation::Upright;
  double x = 150 + (1 - digits.advances[0] - digits.advances[1]) / 2 * kSize;
  for (size_t i = 0; i < 2; ++i) {
    run.glyphs.push_back({digits.glyphs[i], x, 30 + 2.8 * kSize});
    x += digits.advances[i] * kSize;
  }
  add(page, above.upright("今年"));
  page.items.push_back(run);
  add(page, below.upright("歲次"));
  add(page, next.upright("其次"));
  fs::path pdf = write_pdf("tate-chu-yoko", font_, page);
  ASSERT_FALSE(pdf.empty());
  EXPECT_EQ(copied_lines(pdf), (std::vector<std::string>{"今年20歲次", "其次"}));
  // Readers that ignore ActualText (MuPDF) read each digit from the ToUnicode map.
  const std::string mupdf = output_of("mutool draw -q -F txt -o - '" + pdf.string() + "' 2>/dev/null");
  if (!mupdf.empty()) EXPECT_NE(mupdf.find("20"), std::string::npos) << mupdf;
  fs::remove(pdf);
}

}  // namespace
}  // namespace huozi::pdf
