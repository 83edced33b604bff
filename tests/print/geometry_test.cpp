// Sheet geometry, spine widths and the marks' positions: every mark lies in
// the slug, outside the bleed box and inside the media box.
#include "print/geometry.h"

#include <gtest/gtest.h>

#include "print/marks.h"
#include "print/preflight.h"

namespace huozi::print {
namespace {

constexpr double kA5Width = 419.53, kA5Height = 595.28;

TEST(SheetGeometry, TrimIsTheReaderPageWithBleedAndSlugAround) {
  SheetGeometry g = sheet_geometry(kA5Width, kA5Height, mm(3));
  EXPECT_NEAR(g.trim.width(), kA5Width, 1e-9);
  EXPECT_NEAR(g.trim.height(), kA5Height, 1e-9);
  EXPECT_NEAR(g.trim.x0 - g.bleed.x0, mm(3), 1e-9);
  EXPECT_NEAR(g.bleed.y1 - g.trim.y1, mm(3), 1e-9);
  EXPECT_NEAR(g.trim.x0, mm(20), 1e-9);  // 3 mm bleed + 14 mm to the slug line + 3 mm below it
  EXPECT_NEAR(g.media.width(), kA5Width + 2 * mm(20), 1e-9);
  EXPECT_TRUE(g.media.contains(g.bleed));
  EXPECT_TRUE(g.bleed.contains(g.trim));
}

TEST(SheetGeometry, SpineWidth) {
  EXPECT_NEAR(spine_width(96, Binding::Perfect, mm(0.1)), mm(4.8), 1e-9);
  EXPECT_NEAR(spine_width(15, Binding::Perfect, mm(0.1)), mm(0.8), 1e-9);  // an odd page still takes a leaf
  EXPECT_EQ(spine_width(96, Binding::Saddle, mm(0.1)), 0);
  EXPECT_EQ(spine_width(0, Binding::Perfect, mm(0.1)), 0);
}

// A horizontally set book is bound on the left: back, spine, front from left
// to right. A vertically set one (竖排) is bound on the right: front, spine,
// back. The spine stays in the middle either way, so the fold marks do too.
TEST(SheetGeometry, CoverPanelsFollowTheBindingEdge) {
  CoverPanels left = cover_panels(kA5Width, mm(5), BindingEdge::Left);
  EXPECT_EQ(left.back, 0);
  EXPECT_EQ(left.spine, kA5Width);
  EXPECT_EQ(left.front, kA5Width + mm(5));
  CoverPanels right = cover_panels(kA5Width, mm(5), BindingEdge::Right);
  EXPECT_EQ(right.front, 0);
  EXPECT_EQ(right.spine, kA5Width);
  EXPECT_EQ(right.back, kA5Width + mm(5));
  // Saddle stitched: no spine, front and back meet at the fold.
  CoverPanels saddle = cover_panels(kA5Width, 0, BindingEdge::Right);
  EXPECT_EQ(saddle.front, 0);
  EXPECT_EQ(saddle.spine, kA5Width);
  EXPECT_EQ(saddle.back, kA5Width);
}

TEST(SheetGeometry, FormatMm) {
  EXPECT_EQ(format_mm(kA5Width, kA5Height), "148 × 210 mm");
  EXPECT_EQ(format_mm(mm(296.8), mm(210)), "296.8 × 210 mm");
}

bool outside(const Box& b, const MarkLine& l) {
  auto in = [&](double x, double y) { return x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1; };
  double mx = (l.x0 + l.x1) / 2, my = (l.y0 + l.y1) / 2;
  return !in(l.x0, l.y0) && !in(l.x1, l.y1) && !in(mx, my);
}

TEST(Marks, AllOutsideTheBleedAndInsideTheMedia) {
  SheetGeometry g = sheet_geometry(kA5Width, kA5Height, mm(3));
  MarkOptions options{{kA5Width / 2}};
  std::vector<MarkLine> all = crop_marks(g);
  for (auto& l : bleed_marks(g)) all.push_back(l);
  for (auto& l : fold_marks(g, options)) all.push_back(l);
  EXPECT_EQ(all.size(), 8u + 8u + 2u);
  for (const MarkLine& l : all) {
    EXPECT_TRUE(outside(g.bleed, l)) << l.x0 << "," << l.y0 << " " << l.x1 << "," << l.y1;
    EXPECT_TRUE(g.media.contains(
        {std::min(l.x0, l.x1), std::min(l.y0, l.y1), std::max(l.x0, l.x1), std::max(l.y0, l.y1)}));
  }
  for (Point c : registration_centres(g, options)) {
    Box target{c.x - kRegistrationRadius - mm(1), c.y - kRegistrationRadius - mm(1),
               c.x + kRegistrationRadius + mm(1), c.y + kRegistrationRadius + mm(1)};
    bool clear =
        target.x1 < g.bleed.x0 || target.x0 > g.bleed.x1 || target.y1 < g.bleed.y0 || target.y0 > g.bleed.y1;
    EXPECT_TRUE(clear) << c.x << "," << c.y;
    EXPECT_TRUE(g.media.contains(target));
  }
}

TEST(Marks, CropMarksLieOnTheTrimLines) {
  SheetGeometry g = sheet_geometry(kA5Width, kA5Height, mm(3));
  std::vector<MarkLine> crop = crop_marks(g);
  // The bottom-left horizontal mark: on the trim's bottom edge, ending 2 mm beyond the bleed.
  EXPECT_NEAR(crop[0].y0, g.trim.y0, 1e-9);
  EXPECT_NEAR(crop[0].x1, g.trim.x0 - mm(5), 1e-9);
  EXPECT_NEAR(crop[0].x0, g.trim.x0 - mm(10), 1e-9);
  // The bottom-left vertical mark: on the trim's left edge.
  EXPECT_NEAR(crop[4].x0, g.trim.x0, 1e-9);
  EXPECT_NEAR(crop[4].y1, g.trim.y0 - mm(5), 1e-9);
  std::string content = marks_content(g, {});
  EXPECT_NE(content.find("/HzReg CS 1 SCN"), std::string::npos);
  EXPECT_EQ(content.front(), 'q');
}

TEST(Marks, SpineFoldsMoveTheTopAndBottomTargetsOffTheSpine) {
  SheetGeometry g = sheet_geometry(2 * kA5Width + mm(5), kA5Height, mm(3));
  MarkOptions options{{kA5Width, kA5Width + mm(5)}};
  std::vector<Point> centres = registration_centres(g, options);
  EXPECT_EQ(centres.size(), 6u);
  for (Point c : centres)
    for (double f : options.folds) EXPECT_GT(std::abs(c.x - (g.trim.x0 + f)), kRegistrationRadius + mm(1));
}

TEST(Preflight, PageRanges) {
  EXPECT_EQ(page_ranges({1, 2, 3, 7, 9, 10}), "1–3, 7, 9–10");
  EXPECT_EQ(page_ranges({4}), "4");
  EXPECT_EQ(page_ranges({}), "");
}

}  // namespace
}  // namespace huozi::print
