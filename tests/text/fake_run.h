// A fixed-width fake run (after minikin's tests): every Chinese character is
// exactly 1 em, Latin letters and digits ½ em (the hyphen too), a space ¼ em,
// and each mark with an adjustable or centred blank has ½ em of it. Expected breaks are exact numbers.
#pragma once

#include <string>
#include <vector>

#include "layout/items.h"
#include "layout/justify.h"
#include "layout/linebreak.h"
#include "text/shaped.h"

namespace huozi::testing {

inline constexpr double kFakeEm = 10.0;  // points

// Shapes text as the fake run would, with real break opportunities (breaks.h).
text::ShapedParagraph fake_shape(const std::string& text, const std::string& lang = "zh-Hans");

struct FakeResult {
  std::vector<std::string> lines;  // the text of each line
  std::vector<double> ratios;
  std::vector<layout::Line> set;   // the justified lines
  std::string joined() const;      // lines joined with '|'
};

FakeResult set_fake(const std::string& text, double width_em, layout::BreakStrategy strategy,
                    double indent_em = 0, const std::string& lang = "zh-Hans", bool half_width_line_start = false);
// Optimal breaks in a house style.
FakeResult set_fake_styled(const std::string& text, double width_em, const layout::Typography& typography,
                           const std::string& lang = "zh-Hans", double indent_em = 0);

}  // namespace huozi::testing
