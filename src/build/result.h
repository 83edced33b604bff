// What a build step made: the one way the build library reports success and
// failure (as model::LoadResult and print::PrintResult do for their stages).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace huozi::build {

struct BuildResult {
  std::vector<std::filesystem::path> written;  // the files made, in order
  DiagnosticList diagnostics;                  // every problem found; an error means the step failed
  int pages = 0;                               // the pages laid out, for a step that lays out
  std::vector<std::string> notes;              // not problems: what the editor may want to know (a size)

  explicit operator bool() const { return !diagnostics.has_errors(); }
};

}  // namespace huozi::build
