#include "model/validators.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "model/document.h"
#include "util/units.h"

namespace huozi::model {

// By hand: compiling the std::regex for this was 7 % of a one-page build's start-up.
bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
    if (hyphen ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

bool is_isbn(std::string_view s) {
  // Another character restarts the count at one, as the loader always has:
  // "a123456789" passes, its digits after it adding up to ten.
  size_t count = 0;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c)) || c == 'X' || c == 'x')
      ++count;
    else if (c != '-' && c != ' ')
      count = 1;
  return count == 10 || count == 13;
}

bool is_xml_name(std::string_view id) {
  if (id.empty()) return false;
  unsigned char first = static_cast<unsigned char>(id[0]);
  if (!(std::isalpha(first) || first == '_' || first >= 0x80)) return false;
  for (unsigned char c : id)
    if (!(std::isalnum(c) || c == '_' || c == '-' || c == '.' || c >= 0x80)) return false;
  return true;
}

bool is_language_tag(std::string_view tag) {
  size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    size_t end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    size_t n = end - start;
    if (n < 1 || n > 8) return false;
    for (size_t i = start; i < end; ++i) {
      unsigned char c = static_cast<unsigned char>(tag[i]);
      if (first ? !std::isalpha(c) : !std::isalnum(c)) return false;
    }
    first = false;
    start = end + 1;
  }
  return true;
}

bool is_valid_date(std::string_view d) {
  auto digits = [&](size_t from, size_t n) {
    if (d.size() < from + n) return false;
    for (size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    return true;
  };
  auto number = [&](size_t from) { return (d[from] - '0') * 10 + (d[from + 1] - '0'); };
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (d.size() >= 7 && !(d[4] == '-' && digits(5, 2) && number(5) >= 1 && number(5) <= 12)) return false;
  if (d.size() == 10 && !(d[7] == '-' && digits(8, 2) && number(8) >= 1 && number(8) <= 31)) return false;
  return true;
}

bool is_valid_ratio(const std::string& r) {
  size_t colon = r.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == r.size() || r.size() > 11) return false;
  for (size_t i = 0; i < r.size(); ++i)
    if (i != colon && !std::isdigit(static_cast<unsigned char>(r[i]))) return false;
  long long w = std::stoll(r.substr(0, colon)), h = std::stoll(r.substr(colon + 1));
  return w > 0 && h > 0 && w <= kMaxRatio * h && h <= kMaxRatio * w;
}

bool parse_number(const std::string& text, double& out) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0]))) return false;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return false;
  out = v;
  return true;
}

bool parse_whole_number(const std::string& text, int& out) {
  if (text.empty() || text.size() > 9) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  out = std::stoi(text);
  return true;
}

bool is_url_text(std::string_view url) {
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`' ||
        c == '{' || c == '}' || c == '|' || c == '^')
      return false;
  }
  return true;
}

bool parse_length(const std::string& text, double em_pt, double& out) {
  // The range is of the number as written, whatever its unit (units::parse_length leaves it to us).
  double v = std::strtod(text.c_str(), nullptr);
  std::optional<double> pt = units::parse_length(text, em_pt);
  if (!pt || !(v >= 0 && v <= 5000)) return false;
  out = *pt;
  return true;
}

bool parse_trim_size(const std::string& size, double& width_mm, double& height_mm) {
  if (trim_size_mm(size, width_mm, height_mm)) return true;
  size_t x = size.find('x');
  if (x == std::string::npos || size.size() <= 2 || size.compare(size.size() - 2, 2, "mm") != 0) return false;
  char* end = nullptr;
  double w = std::strtod(size.c_str(), &end);
  bool ok = end == size.c_str() + x;
  double h = std::strtod(size.c_str() + x + 1, &end);
  ok = ok && end == size.c_str() + size.size() - 2;
  if (!ok || w < 50 || h < 50 || w > 2000 || h > 2000) return false;
  width_mm = w;
  height_mm = h;
  return true;
}

}  // namespace huozi::model
