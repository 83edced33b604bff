#include "model/metadata.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace huozi::model {

std::string display_title(const Metadata& m) {
  return m.subtitle.empty() ? m.title : m.title + "：" + m.subtitle;
}

std::string iso_date(const Metadata& m) {
  if (m.date.size() == 4) return m.date + "-01-01";
  if (m.date.size() == 7) return m.date + "-01";
  return m.date;
}

std::string chinese_date(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  const int n = std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d);
  if (n < 1) return iso;
  std::string out = std::to_string(y) + "年";
  if (n >= 2) out += std::to_string(m) + "月";
  if (n < 3) return out;
  out += std::to_string(d) + "日";
  using namespace std::chrono;
  const year_month_day date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return out;
  static const char* const names[] = {"日", "一", "二", "三", "四", "五", "六"};
  return out + "　星期" + names[weekday{sys_days{date}}.c_encoding()];
}

bool is_principal(const Metadata& m, const Creator& c) {
  bool has_author = std::any_of(m.creators.begin(), m.creators.end(), [](const Creator& a) { return a.role == "aut"; });
  return has_author ? c.role == "aut" : c.role == "edt" || c.role == "com";
}

std::vector<std::string> author_names(const Metadata& m) {
  std::vector<std::string> names;
  for (const Creator& c : m.creators)
    if (is_principal(m, c)) names.push_back(c.name);
  return names;
}

std::string name_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "、") + n;
  return out;
}

}  // namespace huozi::model
