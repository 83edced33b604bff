// Reading one source file: bytes to UTF-8 text, and byte offsets to line:column.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace huozi::model {

// A source file's text, converted to UTF-8 with LF line ends, and the table
// that turns a byte offset into a 1-based line and column (in characters).
class SourceText {
 public:
  // Converts raw bytes: strips a UTF-8 BOM, converts UTF-16 (by BOM) and
  // GB18030/GBK/GB2312 (by XML declaration), checks UTF-8, normalises CRLF.
  // On failure returns false and adds an error for `name` to diagnostics.
  bool assign(std::string bytes, const std::string& name, DiagnosticList& diagnostics);

  const std::string& text() const { return text_; }
  // Linear over a pass in document order, even when the file is one long line
  // (XML written without line breaks): the column count goes on from the
  // last position asked for on the same line.
  void position(size_t offset, int& line, int& column) const;

 private:
  std::string text_;
  std::vector<size_t> line_starts_;
  // The last position asked for: its byte offset, line index and column.
  mutable size_t last_offset_ = 0, last_line_ = 0;
  mutable int last_column_ = 1;
};

// Reads a whole file, refusing anything that is not a regular file or is
// larger than max_bytes. Returns false and sets error on failure.
bool read_file_bytes(const std::filesystem::path& path, size_t max_bytes, std::string& bytes,
                     std::string& error);

}  // namespace huozi::model
