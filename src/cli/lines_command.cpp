#include "cli/lines_command.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "layout/paragraph.h"
#include "model/loader.h"
#include "text/clreq.h"
#include "text/font_db.h"
#include "util/utf8.h"

namespace {

constexpr const char* kLinesUsage =
    "usage: huozi lines [--width W] [--size PT] [--greedy] [--verbose] SOURCE.xml\n"
    "\n"
    "  --width W   the measure: 24em (em of the body size, the default), 252pt or 89mm\n"
    "  --size PT   the body size in points (default 10.5)\n"
    "  --greedy    first-fit breaking instead of total-fit\n"
    "  --verbose   also list paragraphs that miss a quality target, as file:line\n";

// Extra space between Han characters beyond which a line reads as loose (issue 3).
constexpr double kLooseGapEm = 0.15;

struct LinesArgs {
  std::string source;
  std::string width = "24em";
  double size_pt = 10.5;
  bool greedy = false;
  bool verbose = false;
};

int usage(const std::string& message) {
  std::fprintf(stderr, "huozi lines: %s\n\n%s", message.c_str(), kLinesUsage);
  return 2;
}

// "24em", "252pt", "89mm" → points; negative when malformed.
double parse_length(const std::string& text, double em_pt) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  const std::string unit = end ? end : "";
  if (end == text.c_str() || value <= 0) return -1;
  if (unit == "em" || unit.empty()) return value * em_pt;
  if (unit == "pt") return value;
  if (unit == "mm") return value * 72.0 / 25.4;
  return -1;
}

bool lonely_last(const std::string& text) {
  int han = 0, other = 0;
  for (size_t i = 0; i < text.size();) {
    const auto cls = huozi::text::classify(huozi::utf8::next(text, i));
    if (cls == huozi::text::CharClass::Han) ++han;
    else if (!huozi::text::prohibited_at_line_start(cls)) ++other;
  }
  return han == 1 && other == 0;
}

void print_diagnostics(const huozi::DiagnosticList& list) {
  for (const auto& d : list.items()) std::fprintf(stderr, "%s\n", huozi::format_diagnostic(d).c_str());
}

}  // namespace

int run_lines_command(const std::vector<std::string>& args) {
  LinesArgs a;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if ((arg == "--width" || arg == "--size") && i + 1 == args.size()) return usage(arg + " needs a value");
    if (arg == "--width") a.width = args[++i];
    else if (arg == "--size") a.size_pt = std::atof(args[++i].c_str());
    else if (arg == "--greedy") a.greedy = true;
    else if (arg == "--verbose" || arg == "-v") a.verbose = true;
    else if (!arg.empty() && arg[0] == '-') return usage("unknown option " + arg);
    else if (a.source.empty()) a.source = arg;
    else return usage("only one SOURCE.xml at a time");
  }
  if (a.source.empty()) return usage("no SOURCE.xml given");
  if (a.size_pt <= 0) return usage("--size must be a positive number of points");
  const double width_pt = parse_length(a.width, a.size_pt);
  if (width_pt <= 0) return usage("cannot read the width '" + a.width + "' (use 24em, 252pt or 89mm)");

  auto loaded = huozi::model::load_publication(a.source);
  print_diagnostics(loaded.diagnostics);
  if (!loaded) return 1;
  huozi::DiagnosticList font_diags;
  auto fonts = huozi::text::FontDb::open(huozi::text::FontDb::default_config(), font_diags);
  if (!fonts) {
    print_diagnostics(font_diags);
    return 1;
  }

  huozi::layout::TextStyle style;
  style.body_pt = a.size_pt;
  const auto paragraphs = huozi::layout::collect_paragraphs(*loaded.document, style);
  huozi::layout::ParagraphSetter setter(*fonts);
  huozi::layout::SetOptions options;
  options.width_pt = width_pt;
  options.strategy = a.greedy ? huozi::layout::BreakStrategy::Greedy : huozi::layout::BreakStrategy::Optimal;
  huozi::DiagnosticList warnings, quality;
  std::vector<huozi::layout::Line> lines;
  bool first = true;
  for (const auto& p : paragraphs) {
    setter.set(p, options, lines, &warnings);
    if (!first) std::printf("\n");
    first = false;
    std::vector<std::string> problems;
    for (const auto& line : lines) {
      const std::string text = p.input.text.substr(line.text_begin, line.text_end - line.text_begin);
      std::printf("%s\t%.3f%s\n", text.c_str(), line.ratio, line.overfull ? "\toverfull" : "");
      if (line.overfull) problems.push_back("an overfull line");
      const double gap_em = line.ratio * huozi::layout::kInterCharacterStretchEm;
      if (!line.last && gap_em > kLooseGapEm) problems.push_back("a loose line (" + std::to_string(gap_em) + " em between characters)");
      if (line.last && lines.size() > 1 && lonely_last(text)) problems.push_back("a lonely last character");
    }
    if (a.verbose && !problems.empty()) {
      const auto& doc = *loaded.document;
      const std::string file = p.where.file < doc.files.size() ? doc.files[p.where.file] : a.source;
      std::string message = "paragraph has " + problems.front();
      for (size_t i = 1; i < problems.size(); ++i) message += ", " + problems[i];
      quality.warning(file, static_cast<int>(p.where.line), static_cast<int>(p.where.column), message);
    }
  }
  print_diagnostics(warnings);
  print_diagnostics(quality);
  return 0;
}
