// Page labels (PDF 32000-1 §12.4.2): what a viewer shows as a page's number
// ("iii" in the front matter, "12" in the body).
#pragma once

#include <string>
#include <vector>

namespace huozi::pdf {

// The /Nums array of the /PageLabels number tree for pages labelled `labels`
// (in book order): a new range wherever the labels stop counting on from the
// page before. Decimal and lower-case roman labels become styles with a start
// value, any other label a prefix.
std::string page_label_nums(const std::vector<std::string>& labels);

}  // namespace huozi::pdf
