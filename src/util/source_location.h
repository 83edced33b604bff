// A place in a publication's source: which file, which line, which column.
// Every stage uses this one type; the file is a small index into the
// document's file table (model::Document::files), so carrying a place costs
// twelve bytes and no string copy.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace huozi {

// The names of a publication's source files, as given; SourceLocation::file indexes it.
using FileTable = std::vector<std::string>;

// 1-based line and column (in characters) in one of a FileTable's files;
// line 0 means "no place".
struct SourceLocation {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t column = 0;

  bool operator==(const SourceLocation&) const = default;
};

// The file's name in `files`, or "" if it has none there.
inline const std::string& file_name(const FileTable& files, const SourceLocation& at) {
  static const std::string none;
  return at.file < files.size() ? files[at.file] : none;
}

}  // namespace huozi
