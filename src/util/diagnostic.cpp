#include "util/diagnostic.h"

namespace huozi {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.file.empty()) {
    out += d.file;
    // Appended piece by piece: "x" + std::string builds trip GCC 12's -Wrestrict
    // false positive (GCC bug 105329).
    if (d.line > 0) {
      out += ':';
      out += std::to_string(d.line);
      out += ':';
      out += std::to_string(d.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::Error ? "error: " : "warning: ";
  out += d.message;
  if (!d.hint.empty()) out += " (hint: " + d.hint + ")";
  return out;
}

Diagnostic diagnostic_at(Severity severity, const FileTable& files, const SourceLocation& at,
                         std::string message, std::string hint) {
  return {severity,           file_name(files, at), static_cast<int>(at.line), static_cast<int>(at.column),
          std::move(message), std::move(hint)};
}

void DiagnosticList::error(std::string file, int line, int column, std::string message, std::string hint) {
  items_.push_back({Severity::Error, std::move(file), line, column, std::move(message), std::move(hint)});
}

void DiagnosticList::warning(std::string file, int line, int column, std::string message, std::string hint) {
  items_.push_back({Severity::Warning, std::move(file), line, column, std::move(message), std::move(hint)});
}

void DiagnosticList::error(const FileTable& files, const SourceLocation& at, std::string message,
                           std::string hint) {
  items_.push_back(diagnostic_at(Severity::Error, files, at, std::move(message), std::move(hint)));
}

void DiagnosticList::warning(const FileTable& files, const SourceLocation& at, std::string message,
                             std::string hint) {
  items_.push_back(diagnostic_at(Severity::Warning, files, at, std::move(message), std::move(hint)));
}

bool DiagnosticList::has_errors() const {
  for (const auto& d : items_)
    if (d.severity == Severity::Error) return true;
  return false;
}

void DiagnosticList::append(const DiagnosticList& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace huozi
