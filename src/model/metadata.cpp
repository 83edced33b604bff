#include "model/metadata.h"

namespace huozi::model {

std::string display_title(const Metadata& m) {
  return m.subtitle.empty() ? m.title : m.title + "：" + m.subtitle;
}

std::string iso_date(const Metadata& m) {
  if (m.date.size() == 4) return m.date + "-01-01";
  if (m.date.size() == 7) return m.date + "-01";
  return m.date;
}

std::vector<std::string> author_names(const Metadata& m) {
  std::vector<std::string> names;
  for (const Creator& c : m.creators)
    if (c.role == "aut") names.push_back(c.name);
  return names;
}

std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "、") + n;
  return out;
}

}  // namespace huozi::model
