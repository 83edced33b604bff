// Resolving file references (includes, images) so they never leave the
// publication's folder: a build server runs on other people's files.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace huozi::model {

struct PathCheck {
  std::string relative;  // the path relative to the publication folder, when allowed
  std::string error;     // why not, when refused
  std::string hint;
};

// Resolves src (relative to from_dir) and checks, after following symlinks,
// that it lies inside base_dir. Absolute paths and URLs are refused.
PathCheck resolve_inside(const std::filesystem::path& base_dir, const std::filesystem::path& from_dir,
                         std::string_view src);

}  // namespace huozi::model
