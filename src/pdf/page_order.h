// Putting a finished PDF's pages in their order after they were drawn in
// another one (a table of contents drawn after the body it lists).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace huozi::pdf {

// `place[i]` is where the i-th page of the file goes (0-based, a permutation),
// and `labels[k]` the page label of the page that ends up k-th ("" for none).
// Appends an incremental update to the file (PDF 32000-1 §7.5.6): a new page
// tree root with the pages in their places and new page labels, nothing else
// rewritten, so the cost does not grow with the size of the pages. Returns
// false with a reason in `error`.
bool put_pages_in_place(const std::filesystem::path& pdf, const std::vector<int>& place,
                        const std::vector<std::string>& labels, std::string& error);

}  // namespace huozi::pdf
