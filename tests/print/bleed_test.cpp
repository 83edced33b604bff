// Bleed: backgrounds touching the page edge are drawn on past it in the
// reader PDF, and the print profile's page form shows the bleed.
#include "print/bleed.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

#include "pdf/pdf_writer.h"
#include "print/print_pdf.h"

namespace huozi::print {
namespace {

layout::Box background(layout::Rect r) { return layout::Box{r, 0, {}, true, layout::Color{0.9, 0.2, 0.1}}; }

TEST(Bleed, BackgroundsTouchingAnEdgeGoPastIt) {
  layout::PageFrame page;
  page.width = 100, page.height = 200;
  page.items.push_back(background({0, 0, 100, 50}));    // top band: left, top and right edges
  page.items.push_back(background({10, 60, 50, 50}));   // inside: stays
  page.items.push_back(background({60, 150, 40, 50}));  // bottom-right corner
  layout::Box framed = background({0, 120, 20, 20});
  framed.stroke = 0.5;  // an outlined box is not a background
  page.items.push_back(framed);
  extend_into_bleed(page, 8);
  auto rect = [&](size_t i) { return std::get<layout::Box>(page.items[i]).rect; };
  EXPECT_EQ(rect(0).x, -8);
  EXPECT_EQ(rect(0).y, -8);
  EXPECT_EQ(rect(0).width, 116);
  EXPECT_EQ(rect(0).height, 58);
  EXPECT_EQ(rect(1).x, 10);
  EXPECT_EQ(rect(1).width, 50);
  EXPECT_EQ(rect(2).x, 60);
  EXPECT_EQ(rect(2).width, 48);
  EXPECT_EQ(rect(2).height, 58);
  EXPECT_EQ(rect(3).x, 0);
}

TEST(Bleed, ThePrintPageFormShowsTheBleed) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "huozi-bleed-test";
  std::filesystem::create_directories(dir);
  layout::PageFrame page;
  page.width = 100, page.height = 200;
  page.items.push_back(background({0, 0, 100, 50}));
  extend_into_bleed(page, mm(3));
  {
    pdf::PdfWriter writer(dir / "reader.pdf", {}, {});
    writer.add_page(page);
    ASSERT_TRUE(writer.finish()) << writer.error();
  }
  PrintOptions options;
  options.info.title = "bleed";
  options.info.date = "2021-12-31";
  options.rgb_profile = default_rgb_profile();
  PrintResult result = write_print_pdf(dir / "reader.pdf", dir / "print.pdf", options);
  ASSERT_TRUE(result) << result.error;
  QPDF pdf;
  pdf.processFile((dir / "print.pdf").c_str());
  QPDFObjectHandle p = QPDFPageDocumentHelper(pdf).getAllPages().at(0).getObjectHandle();
  QPDFObjectHandle::Rectangle bbox = p.getKey("/Resources")
                                         .getKey("/XObject")
                                         .getKey("/HzPage")
                                         .getDict()
                                         .getKey("/BBox")
                                         .getArrayAsRectangle();
  EXPECT_NEAR(bbox.llx, -mm(3), 0.01);
  EXPECT_NEAR(bbox.lly, -mm(3), 0.01);
  EXPECT_NEAR(bbox.urx, 100 + mm(3), 0.01);
  EXPECT_NEAR(bbox.ury, 200 + mm(3), 0.01);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace huozi::print
