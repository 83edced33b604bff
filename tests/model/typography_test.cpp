// The house style for punctuation and spacing on <layout> (issue 14):
// line-start-brackets, hanging-punctuation and han-digit-space.
#include <gtest/gtest.h>

#include "model_test_util.h"

namespace huozi::model::testing {
namespace {

LoadResult with_layout(const std::string& attributes) {
  return load("<publication xml:lang=\"zh-Hans\"><metadata><title>书</title>"
              "<identifier>urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e</identifier><date>2021</date>"
              "</metadata><layout " +
              attributes + "/><body><p>文</p></body></publication>");
}

TEST(Typography, DefaultsAreTheMainlandBookStyle) {
  const LoadResult r = with_layout("size=\"A5\"");
  ASSERT_TRUE(loads_cleanly(r)) << describe(r);
  EXPECT_FALSE(r.document->page.half_width_line_start);
  EXPECT_FALSE(r.document->page.hanging_punctuation);
  EXPECT_TRUE(r.document->page.han_digit_space);
}

TEST(Typography, EachChoiceIsRead) {
  const LoadResult r = with_layout("line-start-brackets=\"half\" hanging-punctuation=\"yes\" han-digit-space=\"no\"");
  ASSERT_TRUE(loads_cleanly(r)) << describe(r);
  EXPECT_TRUE(r.document->page.half_width_line_start);
  EXPECT_TRUE(r.document->page.hanging_punctuation);
  EXPECT_FALSE(r.document->page.han_digit_space);
}

TEST(Typography, AWrongValueNamesTheChoices) {
  const LoadResult r = with_layout("hanging-punctuation=\"maybe\"");
  EXPECT_TRUE(has_error(r, "hanging-punctuation must be no or yes")) << describe(r);
  const LoadResult d = with_layout("han-digit-space=\"quarter\"");
  EXPECT_TRUE(has_error(d, "han-digit-space must be yes or no")) << describe(d);
}

}  // namespace
}  // namespace huozi::model::testing
