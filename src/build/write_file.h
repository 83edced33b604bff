// One output file written whole or not at all (util/atomic_file.h), for the
// steps that have their bytes in memory: page images, contact sheets.
#pragma once

#include <filesystem>
#include <string>

namespace huozi::build {

// Writes bytes to target through a temporary beside it; empty or the problem.
std::string write_file(const std::filesystem::path& target, const std::string& bytes);

}  // namespace huozi::build
