// `huozi lines`: every paragraph of a publication broken into lines, one
// output line per typeset line (its text, then its adjustment ratio), so an
// editor and a test can see the breaking without a PDF (build/line_report.h).
#pragma once

#include <string>
#include <vector>

namespace huozi::cli {

// args: what follows `lines` on the command line. Returns the exit code
// (0 success, 1 the publication has errors or no fonts, 2 usage error).
int run_lines_command(const std::vector<std::string>& args);

}  // namespace huozi::cli
