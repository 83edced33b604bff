// Roman numerals of front-matter page labels (util/roman.h), used by the TOC
// pages' labels and read back by the PDF's page-label ranges.
#include "util/roman.h"

#include <gtest/gtest.h>

namespace huozi::roman {
namespace {

TEST(Roman, Numerals) {
  EXPECT_EQ(numeral(1), "i");
  EXPECT_EQ(numeral(4), "iv");
  EXPECT_EQ(numeral(9), "ix");
  EXPECT_EQ(numeral(14), "xiv");
  EXPECT_EQ(numeral(40), "xl");
  EXPECT_EQ(numeral(1999), "mcmxcix");
  EXPECT_EQ(numeral(0), "");
}

TEST(Roman, ValuesRoundTripAndRefuseWhatIsNotANumeral) {
  for (int n = 1; n < 4000; ++n) EXPECT_EQ(value(numeral(n)), n) << n;
  for (const char* bad : {"", "iiii", "vx", "ic", "IV", "x1", "12", "iix", "mcmc"})
    EXPECT_EQ(value(bad), 0) << bad;
}

}  // namespace
}  // namespace huozi::roman
