#include "build/page_range.h"

#include <algorithm>

namespace huozi::build {
namespace {

constexpr int kMaxPage = 99999;  // five digits: past any book, and no overflow

// A page number of at most five digits, or -1.
int page_number(const std::string& s) {
  if (s.empty() || s.size() > 5 || s.find_first_not_of("0123456789") != std::string::npos) return -1;
  int n = std::stoi(s);
  return n >= 1 && n <= kMaxPage ? n : -1;
}

// One span of a range: "3", "1-4", "10-", "-5". Empty or the problem.
std::string parse_span(const std::string& part, PageRange::Span& span) {
  const std::string bad = "\"" + part + "\" is not a page or a span of pages";
  if (part.empty()) return "an empty span (two commas, or a comma at an end)";
  size_t dash = part.find('-');
  if (dash == std::string::npos) {
    span.first = span.last = page_number(part);
    return span.first > 0 ? std::string() : bad;
  }
  if (part.find('-', dash + 1) != std::string::npos || part == "-") return bad;
  std::string from = part.substr(0, dash), to = part.substr(dash + 1);
  span.first = from.empty() ? 1 : page_number(from);
  span.last = to.empty() ? 0 : page_number(to);
  if (span.first < 0 || span.last < 0) return bad;
  if (span.last != 0 && span.last < span.first)
    return "\"" + part + "\" runs backwards: write " + to + "-" + from;
  return {};
}

}  // namespace

bool PageRange::contains(int page) const {
  if (spans.empty()) return true;
  for (const Span& s : spans)
    if (page >= s.first && (s.last == 0 || page <= s.last)) return true;
  return false;
}

int PageRange::needs() const {
  int n = 0;
  for (const Span& s : spans) n = std::max(n, s.last == 0 ? s.first : s.last);
  return n;
}

int PageRange::last() const {
  int n = 0;
  for (const Span& s : spans) {
    if (s.last == 0) return 0;
    n = std::max(n, s.last);
  }
  return n;
}

std::string parse_page_range(const std::string& text, PageRange& out) {
  PageRange range;
  range.text = text;
  if (text.empty()) return "--pages needs pages: 3, 1-4,9, 10- (to the end) or -5";
  for (size_t start = 0;;) {
    size_t comma = text.find(',', start);
    PageRange::Span span;
    std::string problem = parse_span(text.substr(start, comma - start), span);
    if (!problem.empty()) return "--pages " + text + ": " + problem;
    range.spans.push_back(span);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  out = std::move(range);
  return {};
}

}  // namespace huozi::build
