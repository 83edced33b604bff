#include "cli/output.h"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <vector>

namespace huozi::cli {

void print_diagnostics(const DiagnosticList& diagnostics, Order order) {
  std::vector<Diagnostic> sorted = diagnostics.items();
  if (order == Order::Source)
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    });
  for (const Diagnostic& d : sorted) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
}

}  // namespace huozi::cli
