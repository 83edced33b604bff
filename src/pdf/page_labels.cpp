#include "pdf/page_labels.h"

#include "pdf/pdf_syntax.h"
#include "util/roman.h"

namespace huozi::pdf {
namespace {

// A label's style and value: decimal ("12"), lower-case roman ("iv"), or a plain prefix.
struct LabelStyle {
  char style = 0;  // 'D', 'r', or 0 for a prefix (or no label)
  int value = 0;
};

LabelStyle style_of(const std::string& label) {
  if (!label.empty() && label.size() < 9 && label[0] != '0' &&
      label.find_first_not_of("0123456789") == std::string::npos)
    return {'D', std::stoi(label)};
  if (int v = roman::value(label); v > 0) return {'r', v};
  return {};
}

}  // namespace

std::string page_label_nums(const std::vector<std::string>& labels) {
  std::string nums = "[";
  LabelStyle previous;
  for (size_t k = 0; k < labels.size(); ++k) {
    LabelStyle s = style_of(labels[k]);
    bool continues = k > 0 && s.style != 0 && s.style == previous.style && s.value == previous.value + 1;
    bool same_blank = k > 0 && labels[k].empty() && labels[k - 1].empty();
    previous = s;
    if (continues || same_blank) continue;
    nums += std::to_string(k) + " <<";
    if (s.style != 0)
      nums += std::string(s.style == 'D' ? " /S /D" : " /S /r") + " /St " + std::to_string(s.value);
    else if (!labels[k].empty())
      nums += " /P " + text_string(labels[k]);
    nums += " >> ";
  }
  return nums + "]";
}

}  // namespace huozi::pdf
