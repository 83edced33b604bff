// The publication's metadata as every output states it: the title with its
// subtitle, the date in full, the authors. Pure functions of model::Metadata,
// so the EPUB, the PDF and the print profile say the same.
#pragma once

#include <string>
#include <vector>

#include "model/document.h"

namespace huozi::model {

// "title：subtitle", or the title alone.
std::string display_title(const Metadata& m);

// The date as YYYY-MM-DD: a year or a month stands for its first day.
std::string iso_date(const Metadata& m);

// "2021年12月31日　星期五" from an ISO date (a newspaper's dateline); a year or a
// month alone as "2021年", "2021年12月".
std::string chinese_date(const std::string& iso);

// Whether a creator is one of the book's principal contributors: its authors
// ("aut"), or, for a book without one (an anthology, a collected edition), its
// editors and compilers ("edt", "com"). Catalogues, e-book libraries and PDF
// viewers show these as the book's author.
bool is_principal(const Metadata& m, const Creator& c);

// The names of the principal contributors, in source order.
std::vector<std::string> author_names(const Metadata& m);

// Names as a Chinese list: "甲、乙、丙".
std::string name_list(const std::vector<std::string>& names);

}  // namespace huozi::model
