#include "model/paths.h"

namespace huozi::model {

PathCheck resolve_inside(const std::filesystem::path& base_dir, const std::filesystem::path& from_dir,
                         std::string_view src) {
  PathCheck out;
  const std::string inside_hint = "copy the file into the publication's folder and refer to it by a relative path";
  if (src.empty()) {
    out.error = "empty path";
    return out;
  }
  if (src.find("://") != std::string_view::npos || src.rfind("file:", 0) == 0) {
    out.error = "URLs are not read; only files in the publication's folder";
    out.hint = inside_hint;
    return out;
  }
  if (src.find('\0') != std::string_view::npos || src.find('\\') != std::string_view::npos) {
    out.error = "the path contains a backslash or NUL";
    out.hint = "use forward slashes";
    return out;
  }
  std::filesystem::path p(src);
  if (p.is_absolute()) {
    out.error = "absolute paths are refused";
    out.hint = inside_hint;
    return out;
  }
  std::error_code ec;
  // weakly_canonical follows symlinks for the part of the path that exists.
  std::filesystem::path resolved = std::filesystem::weakly_canonical(from_dir / p, ec);
  if (ec) {
    out.error = "cannot resolve the path: " + ec.message();
    return out;
  }
  std::filesystem::path rel = resolved.lexically_relative(base_dir);
  if (rel.empty() || *rel.begin() == "..") {
    out.error = "the path leads outside the publication's folder (" + base_dir.string() + ")";
    out.hint = inside_hint;
    return out;
  }
  // A hard link is the file itself under a second name, which may be anywhere
  // on the disk (/etc/passwd linked into the folder): no path tells, so a file
  // with more than one name is refused.
  if (std::filesystem::is_regular_file(resolved, ec)) {
    uintmax_t names = std::filesystem::hard_link_count(resolved, ec);
    if (!ec && names > 1) {
      out.error = "the file has " + std::to_string(names) +
                  " names (hard links), so huozi cannot tell that it belongs to the publication's folder";
      out.hint = "make it an ordinary copy (cp, not ln) inside the publication's folder";
      return out;
    }
  }
  out.relative = rel.generic_string();
  return out;
}

}  // namespace huozi::model
