// Every paragraph of a publication broken into lines, with what an editor
// would fix in each (`huozi lines`): a text view of line breaking, no PDF.
#pragma once

#include <string>
#include <vector>

#include "build/result.h"
#include "model/document.h"

namespace huozi::build {

struct LineOptions {
  double width_pt = 252;  // the measure
  double size_pt = 10.5;  // the body size
  bool greedy = false;    // first-fit breaking instead of total-fit
};

struct ReportedLine {
  std::string text;
  double ratio = 0;  // adjustment ratio
  bool overfull = false;
};

struct ReportedParagraph {
  std::vector<ReportedLine> lines;
  // What misses a quality target: "an overfull line", "a loose line (… em
  // between characters)", "a lonely last character", in line order.
  std::vector<std::string> problems;
  std::string file;  // where the paragraph is
  int line = 0, column = 0;
};

struct LineReport {
  std::vector<ReportedParagraph> paragraphs;
  DiagnosticList diagnostics;  // fonts and setting; an error means nothing was set
  explicit operator bool() const { return !diagnostics.has_errors(); }
};

// Sets every paragraph of doc (loaded from source) at the options' measure and size.
LineReport report_lines(const model::Document& doc, const std::string& source, const LineOptions& options);

// One paragraph's problems as a warning at its place ("paragraph has …").
Diagnostic quality_warning(const ReportedParagraph& paragraph);

}  // namespace huozi::build
