// `huozi where`: from a place in the source to the page, column and line it
// is printed on, and back (build/proof_build.h's source map, counted as
// layout/source_map.h says: the proof's line numbers).
#pragma once

#include <string>
#include <vector>

namespace huozi::cli {

// args: what follows `where` on the command line. Returns the exit code
// (0 found, 1 the publication has errors or nothing is there, 2 usage error).
int run_where_command(const std::vector<std::string>& args);

}  // namespace huozi::cli
