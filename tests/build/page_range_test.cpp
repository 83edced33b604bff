// --pages RANGE: what an editor may write, and what is refused with why.
#include "build/page_range.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace huozi::build {
namespace {

// The pages from 1 to 20 that the range holds.
std::vector<int> held(const PageRange& range) {
  std::vector<int> pages;
  for (int n = 1; n <= 20; ++n)
    if (range.contains(n)) pages.push_back(n);
  return pages;
}

struct Good {
  const char* text;
  std::vector<int> pages;  // of 1 … 20
  int needs, last;
};

TEST(PageRange, WhatAnEditorWrites) {
  // clang-format off
  const Good cases[] = {
      // text         pages 1…20                               needs last
      {"3",           {3},                                       3,  3},
      {"1-4,9",       {1, 2, 3, 4, 9},                           9,  9},
      {"10-",         {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, 10, 0},
      {"-5",          {1, 2, 3, 4, 5},                           5,  5},
      {"2-2",         {2},                                       2,  2},
      {"1-3,2-4",     {1, 2, 3, 4},                              4,  4},
      {"18-,1",       {1, 18, 19, 20},                           18, 0},
      {"9,1-2",       {1, 2, 9},                                 9,  9},
      {"007",         {7},                                       7,  7},
  };
  // clang-format on
  for (const Good& c : cases) {
    PageRange range;
    EXPECT_EQ(parse_page_range(c.text, range), "") << c.text;
    EXPECT_EQ(held(range), c.pages) << c.text;
    EXPECT_EQ(range.needs(), c.needs) << c.text;
    EXPECT_EQ(range.last(), c.last) << c.text;
    EXPECT_EQ(range.text, c.text);
  }
}

TEST(PageRange, EmptyHoldsEveryPage) {
  PageRange every;
  EXPECT_TRUE(every.contains(1));
  EXPECT_TRUE(every.contains(5000));
  EXPECT_EQ(every.needs(), 0);
}

TEST(PageRange, MalformedIsRefusedWithWhy) {
  // clang-format off
  const std::pair<const char*, const char*> cases[] = {
      // text       a part of the message
      {"",          "needs pages"},
      {"0",         "\"0\" is not a page"},
      {"5-3",       "runs backwards: write 3-5"},
      {"-",         "\"-\" is not a page"},
      {"1,,3",      "an empty span"},
      {"1,",        "an empty span"},
      {",2",        "an empty span"},
      {"1-2-3",     "\"1-2-3\" is not"},
      {"a",         "\"a\" is not"},
      {"3 ",        "\"3 \" is not"},
      {"+3",        "\"+3\" is not"},
      {"1.5",       "\"1.5\" is not"},
      {"100000",    "\"100000\" is not"},
      {"99999999999999999999", "is not a page"},
      {"--3",       "\"--3\" is not"},
      {"0-4",       "\"0-4\" is not"},
  };
  // clang-format on
  for (const auto& [text, why] : cases) {
    PageRange range;
    range.spans = {{7, 7}};
    const std::string problem = parse_page_range(text, range);
    EXPECT_NE(problem.find(why), std::string::npos) << "\"" << text << "\" gave: " << problem;
    EXPECT_EQ(problem.rfind("--pages", 0), 0u) << problem;
    EXPECT_EQ(range.spans.size(), 1u) << "a refused range leaves the old one: " << text;
  }
}

}  // namespace
}  // namespace huozi::build
