// Helpers shared by the model tests: a valid publication around a body, a
// temporary folder, a compact trace of the tree, and lookups in diagnostics.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/loader.h"

namespace huozi::model::testing {

// The lines before the body in publication(); the body's first line is kBodyLine.
inline constexpr std::string_view kHead =
    "<publication xml:lang=\"zh-Hans\">\n"
    "<metadata>\n"
    "<title>书名</title>\n"
    "<identifier scheme=\"uuid\">urn:uuid:5e0b1f2c-4a8e-4d6b-9c1e-0f2a3b4c5d6e</identifier>\n"
    "<date>2021-12-31</date>\n"
    "</metadata>\n"
    "<body>\n";
inline constexpr int kBodyLine = 8;

// A valid publication whose <body> holds `body` (starting on line kBodyLine).
inline std::string publication(std::string_view body) {
  return std::string(kHead) + std::string(body) + "\n</body>\n</publication>\n";
}

// Loads from memory; includes and images resolve against base_dir.
inline LoadResult load(std::string_view xml, const std::filesystem::path& base_dir = ".") {
  return load_publication_from_string(xml, "test.xml", base_dir);
}

inline LoadResult load_body(std::string_view body, const std::filesystem::path& base_dir = ".") {
  return load(publication(body), base_dir);
}

// Every diagnostic, formatted, one per line: the failure message of the checks below.
inline std::string describe(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics.items()) out += "  " + format_diagnostic(d) + "\n";
  return out.empty() ? "  (no diagnostics)\n" : out;
}

inline size_t error_count(const LoadResult& r) {
  size_t n = 0;
  for (const Diagnostic& d : r.diagnostics.items()) n += d.severity == Severity::Error;
  return n;
}

// The first diagnostic whose message contains `text`, or nullptr.
inline const Diagnostic* find_diagnostic(const LoadResult& r, std::string_view text) {
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.message.find(text) != std::string::npos) return &d;
  return nullptr;
}

// Succeeds when loading failed and some error's message contains `text`.
inline ::testing::AssertionResult has_error(const LoadResult& r, std::string_view text) {
  const Diagnostic* d = find_diagnostic(r, text);
  if (r.document)
    return ::testing::AssertionFailure() << "a document was returned; diagnostics:\n" << describe(r);
  if (!d || d->severity != Severity::Error)
    return ::testing::AssertionFailure() << "no error containing \"" << text << "\"; diagnostics:\n"
                                         << describe(r);
  return ::testing::AssertionSuccess();
}

// Succeeds when a document was returned with no diagnostics at all.
inline ::testing::AssertionResult loads_cleanly(const LoadResult& r) {
  if (r.document && r.diagnostics.items().empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "diagnostics:\n" << describe(r);
}

// A test case's source on one line (newlines shown as \n), shortened: for test names.
inline std::string printable(std::string_view source) {
  size_t n = std::min<size_t>(source.size(), 120);
  while (n < source.size() && (static_cast<unsigned char>(source[n]) & 0xC0) == 0x80)
    --n;  // whole characters
  std::string out;
  for (char c : source.substr(0, n)) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return n < source.size() ? out + "…" : out;
}

// A compact trace of a node: (kind attrs children…), text as "…".
// Attributes shown: #id, @lang, ->target, [label], numbering, th, noindent, n=number.
std::string trace(const Node& node);
std::string trace(const std::vector<Node>& nodes);

// A fresh folder under the system's temporary directory, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes bytes to path()/relative, making the folders it needs.
  std::filesystem::path write(const std::string& relative, std::string_view bytes) const;

 private:
  std::filesystem::path path_;
};

// The folder holding this suite's data files.
inline std::filesystem::path data_dir() { return HUOZI_MODEL_TEST_DATA; }

// The bytes of a file in data_dir().
std::string read_data_file(const std::string& name);

// A valid 2×2 PNG and JPEG (data/pixel.png, data/pixel.jpg).
std::string png_bytes();
std::string jpeg_bytes();

}  // namespace huozi::model::testing
