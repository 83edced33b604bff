// The pages an editor asks to see (`--pages 1-4,9`, `10-`, `-5`): spans of
// page numbers in the book's order, from 1, the last one possibly open.
#pragma once

#include <string>
#include <vector>

namespace huozi::build {

struct PageRange {
  struct Span {
    int first = 1;
    int last = 0;  // 0: to the book's last page
  };
  std::vector<Span> spans;  // empty: every page
  std::string text;         // as the editor wrote it, for messages

  bool contains(int page) const;
  // The highest page a span starts or ends at: a book with fewer pages cannot
  // show the range (0 for every page). `10-` needs page 10; `1-4,9` page 9.
  int needs() const;
  // The last page the range can hold, or 0 when a span is open to the end.
  int last() const;
};

// Parses "3", "1-4,9", "10-", "-5" (no spaces, numbers from 1 up to 99999,
// each span in order: "5-3" is refused). Returns an empty string or the
// problem, said for the command line.
std::string parse_page_range(const std::string& text, PageRange& out);

}  // namespace huozi::build
