// Diagnostics: problems found in a publication, reported all together.
#pragma once

#include <string>
#include <vector>

#include "util/source_location.h"

namespace huozi {

enum class Severity { Error, Warning };

// One problem with a place in a source file. line/column are 1-based; 0 means
// "no place" (a problem with the whole file, or with no file at all).
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
  std::string hint;  // what the editor can do about it; may be empty
};

// A diagnostic at a source place, its file named through `files`.
Diagnostic diagnostic_at(Severity severity, const FileTable& files, const SourceLocation& at,
                         std::string message, std::string hint = {});

// "file:line:col: error: message (hint: …)"
std::string format_diagnostic(const Diagnostic& d);

// Collects diagnostics in the order they are found.
class DiagnosticList {
 public:
  void error(std::string file, int line, int column, std::string message, std::string hint = {});
  void warning(std::string file, int line, int column, std::string message, std::string hint = {});
  // The same with the place as a SourceLocation; the file's name is taken from
  // `files` now, so the diagnostic prints and sorts like any other.
  void error(const FileTable& files, const SourceLocation& at, std::string message, std::string hint = {});
  void warning(const FileTable& files, const SourceLocation& at, std::string message, std::string hint = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }

  bool has_errors() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  void append(const DiagnosticList& other);

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace huozi
