// Where the contact sheet puts each page: spreads as a book opens, gaps in a
// range, and how many pages each sheet holds before the book is laid out.
#include <gtest/gtest.h>

#include <vector>

#include "build/contact_sheet.h"

namespace huozi::build {
namespace {

PageRange range_of(const char* text) {
  PageRange range;
  EXPECT_EQ(parse_page_range(text, range), "");
  return range;
}

std::vector<int> places(ContactPlan& plan, const std::vector<int>& pages) {
  std::vector<int> out;
  for (int p : pages) out.push_back(plan.place(p));
  return out;
}

TEST(ContactPlan, BookOpensWithPageOneOnTheRight) {
  ContactPlan plan({}, contact_grid(false));
  // Place 0 (left of the first spread) stays empty: versos left, rectos right.
  EXPECT_EQ(places(plan, {1, 2, 3, 4, 5}), (std::vector<int>{1, 2, 3, 4, 5}));
  EXPECT_EQ(plan.pages_on(0), 47);  // 48 places, the first empty
  EXPECT_EQ(plan.pages_on(1), 48);
  EXPECT_EQ(plan.place(48), 48) << "the second sheet starts with a verso";
}

TEST(ContactPlan, GapInARangeStartsASpread) {
  ContactPlan plan(range_of("1-4,9,12-13"), contact_grid(false));
  // 1 right of spread 0; 2|3; 4 alone (left); 9 a recto on the right of a new spread; 12|13.
  EXPECT_EQ(places(plan, {1, 2, 3, 4, 9, 12, 13}), (std::vector<int>{1, 2, 3, 4, 7, 8, 9}));
  EXPECT_EQ(plan.place(5), -1) << "outside the range";
  EXPECT_EQ(plan.pages_on(0), 7);
  EXPECT_EQ(plan.pages_on(1), 0);
}

TEST(ContactPlan, RangeStartingOnAVerso) {
  ContactPlan plan(range_of("10-"), contact_grid(false));
  EXPECT_EQ(places(plan, {10, 11, 12}), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(plan.pages_on(0), 48);
}

TEST(ContactPlan, NewspaperPagesSideBySide) {
  ContactGrid grid = contact_grid(true);
  EXPECT_FALSE(grid.spreads);
  ContactPlan plan(range_of("2,5-"), grid);
  EXPECT_EQ(places(plan, {2, 5, 6}), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(plan.pages_on(0), grid.per_sheet());
}

TEST(ContactPlan, PagesOnASheetOutOfOrder) {
  // A table of contents is laid out after the body: its pages come last, and
  // the sheet they belong to is known before they do.
  ContactPlan plan({}, contact_grid(false));
  EXPECT_EQ(plan.place(60), 60);
  EXPECT_EQ(plan.pages_on(1), 48);
  EXPECT_EQ(plan.place(2), 2);
}

}  // namespace
}  // namespace huozi::build
