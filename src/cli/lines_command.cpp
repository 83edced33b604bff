#include "cli/lines_command.h"

#include <cstdio>
#include <cstdlib>

#include "build/line_report.h"
#include "cli/output.h"
#include "model/loader.h"
#include "util/units.h"

namespace huozi::cli {
namespace {

constexpr const char* kLinesUsage =
    "usage: huozi lines [--width W] [--size PT] [--greedy] [--verbose] SOURCE.xml\n"
    "\n"
    "  --width W   the measure: 24em (em of the body size, the default), 252pt or 89mm\n"
    "  --size PT   the body size in points (default 10.5)\n"
    "  --greedy    first-fit breaking instead of total-fit\n"
    "  --verbose   also list paragraphs that miss a quality target, as file:line\n";

struct LinesArgs {
  std::string source;
  std::string width = "24em";
  build::LineOptions options;
  bool verbose = false;
};

int usage(const std::string& message) {
  std::fprintf(stderr, "huozi lines: %s\n\n%s", message.c_str(), kLinesUsage);
  return 2;
}

// Returns an empty string or the usage problem.
std::string parse_lines_args(const std::vector<std::string>& args, LinesArgs& a) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if ((arg == "--width" || arg == "--size") && i + 1 == args.size()) return arg + " needs a value";
    if (arg == "--width")
      a.width = args[++i];
    else if (arg == "--size")
      a.options.size_pt = std::atof(args[++i].c_str());
    else if (arg == "--greedy")
      a.options.greedy = true;
    else if (arg == "--verbose" || arg == "-v")
      a.verbose = true;
    else if (!arg.empty() && arg[0] == '-')
      return "unknown option " + arg;
    else if (a.source.empty())
      a.source = arg;
    else
      return "only one SOURCE.xml at a time";
  }
  if (a.source.empty()) return "no SOURCE.xml given";
  if (a.options.size_pt <= 0) return "--size must be a positive number of points";
  const auto width = units::parse_length(a.width, a.options.size_pt, "em");
  if (!width || *width <= 0) return "cannot read the width '" + a.width + "' (use 24em, 252pt or 89mm)";
  a.options.width_pt = *width;
  return {};
}

}  // namespace

int run_lines_command(const std::vector<std::string>& args) {
  LinesArgs a;
  if (std::string problem = parse_lines_args(args, a); !problem.empty()) return usage(problem);
  auto loaded = model::load_publication(a.source);
  print_diagnostics(loaded.diagnostics, Order::Found);
  if (!loaded) return 1;
  build::LineReport report = build::report_lines(*loaded.document, a.source, a.options);
  if (!report) {
    print_diagnostics(report.diagnostics, Order::Found);
    return 1;
  }
  DiagnosticList quality;
  bool first = true;
  for (const build::ReportedParagraph& p : report.paragraphs) {
    if (!first) std::printf("\n");
    first = false;
    for (const build::ReportedLine& line : p.lines)
      std::printf("%s\t%.3f%s\n", line.text.c_str(), line.ratio, line.overfull ? "\toverfull" : "");
    if (a.verbose && !p.problems.empty()) quality.add(build::quality_warning(p));
  }
  print_diagnostics(report.diagnostics, Order::Found);
  print_diagnostics(quality, Order::Found);
  return 0;
}

}  // namespace huozi::cli
